import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_POLICY } from '../../src/core/policy';
import type { BulwarkEvent } from '../../src/core/events/event';
import { ServerConfig } from '../../src/server/config';
import { publishPolicy } from '../../src/server/org';
import { hashPassword, newToken, tokenHash } from '../../src/server/secrets';
import { startServer, type RunningServer } from '../../src/server/server';
import { PostgresDriver } from '../../src/server/store/postgres';
import { SqliteDriver } from '../../src/server/store/sqlite';
import { ROLES, Store, type Role } from '../../src/server/store';
import type { TestPostgres } from './postgres';

export const DATABASES = ['sqlite', 'postgres'] as const;
export type Database = (typeof DATABASES)[number];

/** A fresh store on a real database: SQLite in a temporary folder, or a database on the test's own PostgreSQL. */
export async function freshStore(kind: Database, pg?: TestPostgres): Promise<{ store: Store; dispose(): Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-sqlite-'));
    const store = await Store.open(SqliteDriver.open(join(dir, 'bulwark.sqlite')));
    return { store, dispose: async () => (await store.close(), rmSync(dir, { recursive: true, force: true })) };
  }
  if (!pg) throw new Error('a PostgreSQL server is needed');
  const store = await Store.open(await PostgresDriver.open(await freshDatabase(pg)));
  return { store, dispose: () => store.close() };
}

/** A new, empty database on the test's PostgreSQL server; its connection string (for instances that open it themselves). */
export async function freshDatabase(pg: TestPostgres): Promise<string> {
  const admin = await PostgresDriver.open(pg.url);
  const name = `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  await admin.run(`CREATE DATABASE ${name}`);
  await admin.close();
  return pg.url.replace(/\/[^/]+$/, `/${name}`);
}

export const PASSWORD = 'correct horse battery staple';

export interface TestBackend {
  server: RunningServer;
  url: string;
  /** Session cookies of one person per role. */
  cookies: Record<Role, string>;
  deviceToken: string;
  deviceId: string;
  enrollmentToken: string;
  call(path: string, init?: RequestInit & { as?: Role | 'device' | 'anonymous'; json?: unknown }): Promise<Response>;
  close(): Promise<void>;
}

/** A running backend with one person per role, an enrollment token, an enrolled device and the default policy published. */
export async function startBackend(kind: Database, pg?: TestPostgres, options: { siem?: unknown[]; config?: Record<string, unknown> } = {}): Promise<TestBackend> {
  const { store, dispose } = await freshStore(kind, pg);
  const server = await startServer(ServerConfig.parse({ port: 0, siem: options.siem ?? [], ...options.config }), { store, consoleDir: join(import.meta.dirname, '../../.output/console') });
  const hash = await hashPassword(PASSWORD);
  for (const role of ROLES) await store.addUser(role, hash, role);
  await publishPolicy(store, server.keys, DEFAULT_POLICY, 'setup', 'default');
  const enrollmentToken = newToken('bwe');
  await store.addEnrollmentToken(tokenHash(enrollmentToken), 'test', Date.now() + 86_400_000);
  const deviceToken = newToken('bwd');
  const deviceId = 'device-under-test';
  await store.enrollDevice(deviceId, tokenHash(deviceToken), 'alice@example.com');
  const cookies = {} as Record<Role, string>;
  const call: TestBackend['call'] = (path, init = {}) => {
    const { as = 'anonymous', json, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (json !== undefined) headers.set('Content-Type', 'application/json');
    if (as === 'device') headers.set('Authorization', `Bearer ${deviceToken}`);
    else if (as !== 'anonymous' && cookies[as]) {
      headers.set('Cookie', cookies[as]);
      // As a browser does: the console's changes carry its origin (the server refuses them without).
      if (!headers.has('Origin')) headers.set('Origin', server.url);
    }
    return fetch(server.url + path, { ...rest, headers, body: json !== undefined ? JSON.stringify(json) : rest.body });
  };
  for (const role of ROLES) {
    const r = await call('/api/login', { method: 'POST', json: { name: role, password: PASSWORD } });
    if (!r.ok) throw new Error(`login as ${role}: ${r.status}`);
    cookies[role] = r.headers.get('set-cookie')!.split(';')[0]!;
  }
  return {
    server,
    url: server.url,
    cookies,
    deviceToken,
    deviceId,
    enrollmentToken,
    call,
    close: async () => {
      await server.close().catch(() => undefined);
      await dispose().catch(() => undefined);
    },
  };
}

let n = 0;
/** A valid event, different each call, with findings of the given types. */
export function makeEvent(overrides: Partial<BulwarkEvent> = {}): BulwarkEvent {
  n++;
  return {
    id: crypto.randomUUID(),
    time: new Date(Date.UTC(2026, 10, 1) + n * 60_000).toISOString(),
    device: { id: 'device-under-test', user: 'alice@example.com' },
    browser: { name: 'Chrome', version: '150.0' },
    extensionVersion: '0.1.0',
    policyVersion: 1,
    channel: 'paste',
    destination: { host: 'chatgpt.com', categories: ['generative-ai'] },
    recipientDomains: [],
    findings: [{ type: 'SSN', category: 'phi', count: 1, previews: ['•••-••-••99'], hashes: [] }],
    rule: 'block-phi-to-ai',
    action: 'block',
    outcome: 'cancelled',
    ...overrides,
  };
}
