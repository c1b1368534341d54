import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { openApiDocument } from '../../src/server/openapi';
import { orgKeys } from '../../src/server/org';
import { freshStore, makeEvent, startBackend, type TestBackend } from './harness';

type Operation = { security: Array<Record<string, string[]>>; requestBody?: { content: { 'application/json': { schema: { properties: Record<string, { enum?: string[] }> } } } }; parameters?: Array<{ name: string; in: string }> };
type Doc = { openapi: string; paths: Record<string, Record<string, Operation>> };

describe('the API document', () => {
  const doc = openApiDocument() as Doc;

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('describes every route the app has, with its method, and no route it does not have', async () => {
    const { store, dispose } = await freshStore('sqlite');
    try {
      const app = createApp({ store, keys: await orgKeys(store) });
      // Middleware (ALL) and the console's files (GET /*) are not API routes.
      const registered = new Set(app.routes.filter((r) => r.method !== 'ALL' && r.path !== '/*').map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`));
      const documented = new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)));
      expect(registered.size).toBeGreaterThan(50);
      expect([...registered].filter((r) => !documented.has(r)), 'routes missing from src/server/openapi.ts').toEqual([]);
      expect([...documented].filter((r) => !registered.has(r)), 'documented routes the app does not have').toEqual([]);
    } finally {
      await dispose();
    }
  });

  it('describes parameters and bodies from the schemas the handlers use, and who may call', () => {
    const events = doc.paths['/api/events']!.get!;
    expect(events.parameters!.map((p) => p.name)).toEqual(expect.arrayContaining(['user', 'category', 'hash', 'sort', 'cursor', 'limit']));
    expect(events.security).toEqual([{ session: [] }, { apiToken: [] }]);
    expect(doc.paths['/api/incidents/{id}']!.patch!.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }]);
    expect(doc.paths['/api/device/events']!.post!.security).toEqual([{ deviceToken: [] }]);
    expect(doc.paths['/api/openapi.json']!.get!.security).toEqual([]);
  });
});

describe('automation with an API token, as the document says', () => {
  let b: TestBackend;
  beforeAll(async () => {
    b = await startBackend('sqlite');
  });
  afterAll(() => b?.close());

  it('serves the document to anyone', async () => {
    const r = await fetch(`${b.url}/api/openapi.json`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual(openApiDocument());
  });

  it('lets a SOAR tool with an analyst token pull events and close an incident', async () => {
    const doc = (await (await fetch(`${b.url}/api/openapi.json`)).json()) as Doc;
    const close = doc.paths['/api/incidents/{id}']!.patch!;
    expect(close.security).toContainEqual({ apiToken: [] });
    expect(close.requestBody!.content['application/json'].schema.properties.status!.enum).toContain('resolved');

    const made = await (await b.call('/api/tokens', { method: 'POST', as: 'admin', json: { label: 'soar', role: 'analyst' } })).json();
    const blocked = makeEvent({ time: new Date().toISOString() });
    await b.server.store.addEvents([blocked]);
    const asTool = (path: string, init: RequestInit = {}) => fetch(b.url + path, { ...init, headers: { Authorization: `Bearer ${made.token}`, 'Content-Type': 'application/json' } });

    const pulled = await (await asTool('/api/events?action=block&limit=10')).json();
    expect(pulled.events.map((e: { event: { id: string } }) => e.event.id)).toEqual([blocked.id]);
    expect(pulled.total).toBe(1);
    const { incidents } = await (await asTool(`/api/incidents?event=${blocked.id}`)).json();
    expect(incidents).toHaveLength(1);
    const closed = await asTool(`/api/incidents/${incidents[0].id}`, { method: 'PATCH', body: JSON.stringify({ status: 'resolved', verdict: 'Closed by the SOAR playbook' }) });
    expect(closed.status).toBe(200);
    expect((await closed.json()).incident).toMatchObject({ status: 'resolved', verdict: 'Closed by the SOAR playbook' });
    // The audit trail names the token.
    const audit = await (await b.call('/api/audit', { as: 'admin' })).json();
    expect(audit.entries.at(-1)).toMatchObject({ actor: 'token:soar', action: 'incident.change' });
  });
});
