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
    siem: z
      .array(
        z.discriminatedUnion('type', [
          z.object({ type: z.literal('syslog'), name: z.string().min(1), host: z.string().min(1), port: z.number().int().min(1).max(65535), tls: z.boolean().default(false), format: z.enum(['cef', 'json']).default('cef'), facility: z.number().int().min(0).max(23).default(13) }).strict(),
          z.object({ type: z.literal('http'), name: z.string().min(1), url: z.url({ protocol: /^https?$/ }), token: z.string().optional(), format: z.enum(['hec', 'ocsf']).default('hec') }).strict(),
        ]),
      )
      .default([]),
    /** How long an instance keeps forwarding to a destination without renewing its lease: after a crash, another instance takes over this much later. */
    siemLeaseSeconds: z.number().min(0.5).max(3600).default(30),
  })
  .strict();

export type ServerConfig = z.infer<typeof ServerConfig>;
