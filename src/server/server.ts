import { serve, type ServerType } from '@hono/node-server';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { createApp, type AppOptions } from './app';
import type { ServerConfig } from './config';
import { orgKeys, type OrgKeys } from './org';
import { Forwarder, type ForwarderOptions, type Sink } from './siem/forwarder';
import { HttpJsonSink } from './siem/http-json';
import { SyslogSink } from './siem/syslog';
import { keepMonthlyReports } from './reports/schedule';
import { openStore, type Store } from './store';
import { startMaintenance } from './store/maintenance';

export interface RunningServer {
  url: string;
  store: Store;
  keys: OrgKeys;
  forwarder: Forwarder;
  close(): Promise<void>;
}

export const CONSOLE_DIR = '.output/console';
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.map': 'application/json' };

/** Opens the store, makes the organisation's keys on first start, and serves the API, the console and the forwarders. */
export async function startServer(config: ServerConfig, options: { consoleDir?: string; store?: Store; pdf?: AppOptions['pdf']; forwarder?: ForwarderOptions } = {}): Promise<RunningServer> {
  const store = options.store ?? (await openStore({ dataDir: config.dataDir, postgresUrl: config.postgresUrl, postgresPoolSize: config.postgresPoolSize }));
  const keys = await orgKeys(store);
  const sinks: Sink[] = config.siem.map((s) => (s.type === 'syslog' ? new SyslogSink({ ...s, productVersion: process.env.npm_package_version }) : new HttpJsonSink(s)));
  const forwarder = new Forwarder(store, sinks, { leaseMs: config.siemLeaseSeconds * 1000, ...options.forwarder });
  const app = createApp({
    store,
    keys,
    consoleFiles: consoleFiles(options.consoleDir ?? CONSOLE_DIR),
    secureCookies: config.secureCookies,
    publicOrigin: config.publicOrigin,
    trustedProxies: config.trustedProxies,
    signIn: config.signIn,
    onEvents: () => forwarder.kick(),
    siemStatus: () => forwarder.report(),
    pdf: options.pdf,
    limits: { ingestInFlight: config.ingestInFlight },
  });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => resolve(s));
  });
  forwarder.start();
  await store.analyze();
  const analyzer = setInterval(() => void store.analyze().catch(() => undefined), 3_600_000);
  analyzer.unref();
  const maintenance = startMaintenance(store, config, [{ name: 'monthly reports', run: () => keepMonthlyReports(store, keys, config.reports) }]);
  const { port } = server.address() as { port: number };
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    store,
    keys,
    forwarder,
    async close() {
      clearInterval(analyzer);
      await maintenance.stop();
      await new Promise((resolve) => server.close(resolve));
      await forwarder.stop();
      await store.close();
    },
  };
}

function consoleFiles(dir: string): Map<string, { type: string; body: string }> | undefined {
  if (!existsSync(join(dir, 'index.html'))) return undefined;
  return new Map(readdirSync(dir).map((f) => [`/${f}`, { type: TYPES[extname(f)] ?? 'application/octet-stream', body: readFileSync(join(dir, f), 'utf8') }]));
}
