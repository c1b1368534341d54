import { z } from 'zod';
import { DEFAULT_SIGN_IN } from './login-guard';
import { parseRange } from './proxy';

/** The backend's settings: a JSON file (--config) and command-line flags, checked before anything starts. */
export const ServerConfig = z
  .object({
    host: z.string().default('127.0.0.1'),
    port: z.number().int().min(0).max(65535).default(8080),
    dataDir: z.string().default('data'),
    /** postgres://user@host:port/db; unset: SQLite in dataDir. */
    postgresUrl: z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// connection string').optional(),
    /** Set when browsers reach the console over HTTPS (directly or through a proxy). */
    secureCookies: z.boolean().default(false),
    /** The origin browsers use for the console (https://bulwark.example.com): changes made with the session cookie must come from it. */
    publicOrigin: z
      .url({ protocol: /^https?$/ })
      .refine((u) => {
        const url = new URL(u);
        return url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
      }, 'an origin only: scheme, host and port, no path')
      .transform((u) => new URL(u).origin)
      .optional(),
    /** Reverse proxies whose X-Forwarded-For/-Proto/-Host are believed: addresses or CIDR ranges, IPv4 or IPv6. */
    trustedProxies: z.array(z.string().refine((e) => !!parseRange(e), 'an IP address or a CIDR range such as 10.0.0.0/8 or fd00::/8')).default([]),
    /** Sign-in protection: attempts before delays begin, and the delays (seconds, doubling). */
    signIn: z
      .object({
        freeAttempts: z.number().int().min(1).max(100).default(DEFAULT_SIGN_IN.freeAttempts),
        accountFreeAttempts: z.number().int().min(1).max(10_000).default(DEFAULT_SIGN_IN.accountFreeAttempts),
        addressFreeAttempts: z.number().int().min(1).max(10_000).default(DEFAULT_SIGN_IN.addressFreeAttempts),
        firstDelaySeconds: z.number().int().min(1).max(3600).default(DEFAULT_SIGN_IN.firstDelaySeconds),
        maxDelaySeconds: z.number().int().min(1).max(86_400).default(DEFAULT_SIGN_IN.maxDelaySeconds),
        forgetMinutes: z.number().int().min(1).max(10_080).default(DEFAULT_SIGN_IN.forgetMinutes),
        knownAddressDays: z.number().int().min(1).max(3650).default(DEFAULT_SIGN_IN.knownAddressDays),
      })
      .strict()
      .default(DEFAULT_SIGN_IN),
    /** Connections each instance keeps to PostgreSQL (instances x this must stay under the server's max_connections). */
    postgresPoolSize: z.number().int().min(1).max(1000).default(10),
    /** Events are kept at least this long, whole months at a time (HIPAA keeps documentation six years). */
    retentionDays: z.number().int().min(1).max(36_500).default(2190),
    /** PostgreSQL: what happens to a month past retention: dropped, or detached as archive_<name> for a DBA to dump. */
    retentionAction: z.enum(['drop', 'detach']).default('drop'),
    /** Event batches one instance stores at once; more are answered 503 with Retry-After (devices send later). */
    ingestInFlight: z.number().int().min(1).max(10_000).default(16),
    siem: z
      .array(
        z.discriminatedUnion('type', [
          z.object({ type: z.literal('syslog'), name: z.string().min(1), host: z.string().min(1), port: z.number().int().min(1).max(65535), tls: z.boolean().default(false), format: z.enum(['cef', 'json']).default('cef'), facility: z.number().int().min(0).max(23).default(13) }).strict(),
          z.object({ type: z.literal('http'), name: z.string().min(1), url: z.url({ protocol: /^https?$/ }), token: z.string().optional(), format: z.enum(['hec', 'ocsf']).default('hec') }).strict(),
        ]),
      )
      .default([]),
    /** Compliance reports made on a schedule and kept (console: Reports): last month's, early each month. */
    reports: z
      .object({
        schedule: z.enum(['monthly', 'off']).default('monthly'),
        profiles: z.array(z.enum(['hipaa', 'gdpr', 'appi', 'generic'])).min(1).default(['generic']),
        formats: z.array(z.enum(['json', 'html', 'csv', 'pdf'])).min(1).default(['pdf', 'json']),
      })
      .strict()
      .default({ schedule: 'monthly', profiles: ['generic'], formats: ['pdf', 'json'] }),
    /** How long an instance keeps forwarding to a destination without renewing its lease: after a crash, another instance takes over this much later. */
    siemLeaseSeconds: z.number().min(0.5).max(3600).default(30),
  })
  .strict();

export type ServerConfig = z.infer<typeof ServerConfig>;
