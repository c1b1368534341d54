import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../src/core/policy';
import { DATABASES, makeEvent, startBackend, type TestBackend } from './harness';
import { startPostgres, type TestPostgres } from './postgres';

let pg: TestPostgres;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());

const MB = 1024 * 1024;

describe.each(DATABASES)('input on %s', (kind) => {
  let b: TestBackend;
  beforeAll(async () => {
    b = await startBackend(kind, pg);
  });
  afterAll(() => b.close());

  const send = (events: unknown[]) =>
    fetch(`${b.url}/api/device/events`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${b.deviceToken}` }, body: JSON.stringify({ events }) });

  it('refuses an event with a NUL (or another control character, or a lone surrogate) alone, and stores the rest of its batch', async () => {
    const batch = [
      makeEvent(),
      makeEvent({ rule: 'block\u0000phi' }),
      makeEvent({ destination: { host: 'chat\ud800gpt.com', categories: [] } }),
      makeEvent({ browser: { name: 'Chrome\u007f', version: '1' } }),
      makeEvent({ device: { id: 'x', user: 'alice\u0000@example.com' } }),
      makeEvent(),
    ];
    // JSON carries the NUL as \u0000: the server reads a real NUL character into the string.
    expect(JSON.stringify(batch)).toContain('\\u0000');
    const r = await send(batch);
    expect(r.status).toBe(200);
    const answer = await r.json();
    expect(answer).toMatchObject({ accepted: 2, duplicates: 0 });
    expect(answer.rejected.map((x: { index: number; paths: string[] }) => [x.index, x.paths])).toEqual([
      [1, ['rule']],
      [2, ['destination.host']],
      [3, ['browser.name']],
      [4, ['device.user']],
    ]);
    for (const e of [batch[0]!, batch[5]!]) expect(await b.server.store.event(e.id)).toBeDefined();
    // Sent again, the good ones are duplicates and the bad ones are refused again: the device sets those aside.
    expect(await (await send(batch)).json()).toMatchObject({ accepted: 0, duplicates: 2, rejected: [{ index: 1 }, { index: 2 }, { index: 3 }, { index: 4 }] });
  });

  it('answers a NUL anywhere else (a body, a key, a query) with 400 at its path, never 500', async () => {
    const label = await b.call('/api/tokens', { method: 'POST', as: 'admin', json: { label: 'ci\u0000', role: 'viewer' } });
    expect(label.status).toBe(400);
    expect((await label.json()).issues).toEqual([{ path: 'label', message: expect.any(String) }]);
    const key = await b.call('/api/enrollment-tokens', { method: 'POST', as: 'admin', json: { ['la\u0000bel']: 'x' } });
    expect(key.status).toBe(400);
    const note = await b.call('/api/policies', { method: 'POST', as: 'policy_admin', json: { policy: DEFAULT_POLICY, note: 'why \ud83d' } });
    expect(note.status).toBe(400);
    const query = await b.call(`/api/events?user=${encodeURIComponent('a\u0000b')}`, { as: 'viewer' });
    expect(query.status).toBe(400);
    expect((await query.json()).issues[0].path).toBe('user');
    const enroll = await b.call('/api/enroll', { method: 'POST', json: { token: b.enrollmentToken, deviceId: 'asset\u00001' } });
    expect(enroll.status).toBe(400);
  });

  it('answers events already stored as duplicates without reading them again; only a UUID is taken as an id', async () => {
    const stored = [makeEvent(), makeEvent()];
    expect(await (await send(stored)).json()).toMatchObject({ accepted: 2 });
    // The same ids with bodies the schema would refuse: answered as duplicates, so the schema never saw them.
    const again = stored.map((e) => ({ id: e.id, garbage: true }));
    expect(await (await send(again)).json()).toEqual({ accepted: 0, duplicates: 2, expired: 0, rejected: [] });
    const upper = { id: stored[0]!.id.toUpperCase(), garbage: true };
    const notUuid = { id: `${stored[0]!.id}' OR '1'='1`, garbage: true };
    const answer = await (await send([upper, notUuid, { id: 42 }])).json();
    expect(answer.rejected.map((x: { index: number }) => x.index)).toEqual([0, 1, 2]);
  });

  it('has a body limit on every route: 64 KB by default, more where named', async () => {
    const pad = (bytes: number) => 'x'.repeat(bytes);
    const users = await b.call('/api/users', { method: 'POST', as: 'admin', json: { name: 'pad', password: pad(100 * 1024), role: 'viewer' } });
    expect(users.status).toBe(413);
    expect(await users.json()).toMatchObject({ error: 'too-large', message: expect.stringContaining('64 KB') });
    const rollback = await b.call('/api/policies/1/rollback', { method: 'POST', as: 'admin', json: { note: pad(100 * 1024) } });
    expect(rollback.status).toBe(413);
    // Named larger: a policy preview (1 MB) and a protected-data upload (64 MB) take more than 64 KB.
    const preview = await b.call('/api/policies/preview', { method: 'POST', as: 'policy_admin', json: { policy: DEFAULT_POLICY, text: pad(99_000) } });
    expect(preview.status).toBe(200);
    const csv = `id\n${Array.from({ length: 40_000 }, (_, i) => `E${String(i).padStart(6, '0')}`).join('\n')}`;
    expect(csv.length).toBeGreaterThan(MB / 4);
    const table = await b.call('/api/protected-data/tables', { method: 'POST', as: 'policy_admin', json: { id: 'big', name: 'Big', columns: [{ name: 'id', kind: 'id' }], csv } });
    expect(table.status).toBe(201);
    const events = await b.call('/api/device/events', { method: 'POST', as: 'device', json: { events: [{ pad: pad(1.1 * MB) }] } });
    expect(events.status).toBe(413);
  });

  for (const chunked of [false, true])
    it(`refuses 50 MB sent to an admin route (${chunked ? 'chunked, no Content-Length' : 'with Content-Length'}) before reading it, and answers others meanwhile`, async () => {
      const upload = bigUpload(`${b.url}/api/users`, b.cookies.admin, 50 * MB, chunked);
      await upload.started;
      // The upload is under way (or refused already): the server answers others.
      const me = await b.call('/api/me', { as: 'admin' });
      expect(me.status).toBe(200);
      const answer = await upload.done;
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body)).toMatchObject({ error: 'too-large' });
      // Answered before the client had sent everything: the server did not read the body to its end.
      expect(answer.written).toBeLessThan(50 * MB);
      expect((await b.call('/api/me', { as: 'admin' })).status).toBe(200);
    });
});

/** A POST of `total` bytes written as fast as the socket takes them, stopped when the answer arrives; `started` once 1 MB is on its way or the answer is in. */
function bigUpload(target: string, cookie: string, total: number, chunked: boolean) {
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  let started!: () => void;
  const startedPromise = new Promise<void>((resolve) => (started = resolve));
  const done = new Promise<{ status?: number; written: number; body: string }>((resolve, reject) => {
    const url = new URL(target);
    const req = http.request({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, ...(chunked ? {} : { 'Content-Length': String(total) }) },
    });
    let written = 0;
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      started();
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode, written, body }));
    });
    req.on('error', (e) => {
      if (!answered) reject(e);
    });
    const pump = () => {
      while (!answered && written < total) {
        written += chunk.length;
        if (written > MB) started();
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
  return { started: startedPromise, done };
}
