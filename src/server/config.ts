import { z } from 'zod';

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
  })
  .strict();

export type ServerConfig = z.infer<typeof ServerConfig>;
