import { B, type TokenSpec } from '../token';
import { fake, named, prefixed, uuid, UUID, JWT } from './shape';

/** Hosted databases, data platforms and queues. (Connection strings and URLs with passwords are in urls.ts.) */
export const databases: TokenSpec[] = [
  prefixed('planetscale-password', 'PlanetScale database password', 'pscale_pw_', 'b64u', [32, 64]),
  prefixed('planetscale-token', 'PlanetScale service or OAuth token', ['pscale_tkn_', 'pscale_oauth_'], 'b64u', [32, 64]),
  prefixed('supabase-token', 'Supabase personal access or secret key', ['sbp_', 'sb_secret_'], 'b64u', [32, 64], { sample: `sbp_${fake('hex', 40, 'supabase')}` }),
  named('supabase-service-key', 'Supabase service-role key (a JWT) next to its name', ['supabase_service', 'service_role', 'supabase_key'], JWT, `eyJ${fake('b64u', 30, 'sb1')}.eyJ${fake('b64u', 100, 'sb2')}.${fake('b64u', 43, 'sb3')}`),
  prefixed('clickhouse-cloud-key', 'ClickHouse Cloud API secret', '4b1d', 'a62', 38, { score: 0.85 }),
  named('confluent-key', 'Confluent Cloud API key or secret next to its name', ['confluent'], '(?:[A-Za-z0-9+/]{64}|[A-Za-z0-9]{16})', fake('uc36', 16, 'confluent'), { common: true }),
  named('mongodb-atlas-key', 'MongoDB Atlas API private key (a UUID) next to its name', ['atlas_private', 'mongodb_atlas', 'atlas_api'], UUID, uuid('atlas')),
  named('neon-key', 'Neon API key next to its name', ['neon_api', 'neon'], 'napi_[a-z0-9]{64}', `napi_${fake('lc36', 64, 'neon')}`, { common: true, extraKeywords: ['napi_'] }),
  named('upstash-token', 'Upstash REST token next to its name', ['upstash'], '[A-Za-z0-9_=-]{60,120}', fake('b64u', 80, 'upstash')),
  named('redis-cloud-key', 'Redis Cloud API key next to its name', ['redis_cloud', 'rediscloud'], '[A-Za-z0-9]{40,60}', fake('a62', 50, 'redis')),
  named('fauna-secret', 'Fauna database secret', ['fauna'], 'fn[A-Za-z0-9_-]{38}', `fnA${fake('b64u', 37, 'fauna')}`, { common: true }),
  named('turso-token', 'Turso database token (a JWT) next to its name', ['turso', 'libsql'], JWT, `eyJ${fake('b64u', 20, 'turso1')}.eyJ${fake('b64u', 60, 'turso2')}.${fake('b64u', 86, 'turso3')}`),
  named('aiven-token', 'Aiven API token next to its name', ['aiven'], '[A-Za-z0-9/+=]{372}', fake('b64', 372, 'aiven'), { window: { before: 16, after: 500 } }),
  named('influxdb-token', 'InfluxDB API token next to its name', ['influx'], '[A-Za-z0-9_-]{86}==', `${fake('b64u', 86, 'influx')}==`, { common: true }),
  named('meilisearch-key', 'Meilisearch master or admin key next to its name', ['meili_master', 'meilisearch'], '[A-Za-z0-9_-]{32,64}', fake('b64u', 43, 'meili')),
  named('pinata-jwt', 'Pinata (IPFS) JWT next to its name', ['pinata'], JWT, `eyJ${fake('b64u', 20, 'pin1')}.eyJ${fake('b64u', 90, 'pin2')}.${fake('b64u', 43, 'pin3')}`),
  {
    id: 'firebase-cloud-messaging', description: 'Firebase Cloud Messaging server key', keywords: ['aaaa'], window: { before: 16, after: 180 },
    regex: `${B}AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134}(?![A-Za-z0-9_-])`,
    match: [`AAAA${fake('b64u', 7, 'fcm')}:APA91b${fake('b64u', 134, 'fcm2')}`], noMatch: ['AAAAabc:APA91bshort'],
  },
];
