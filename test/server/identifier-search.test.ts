import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importHashKey, keyedHash, normaliseValue } from '../../src/core/events/hash';
import { fromBase64 } from '../../src/core/policy/signature';
import { DATABASES, makeEvent, startBackend, type TestBackend } from './harness';
import { startPostgres, type TestPostgres } from './postgres';

let pg: TestPostgres;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());

const MRN = 'MRN-0048213';
const OTHER = 'MRN-0051177';

describe.each(DATABASES)('"where did this person\'s data go?" on %s', (kind) => {
  let b: TestBackend;
  const carrying: string[] = [];
  const logged: string[] = [];
  beforeAll(async () => {
    b = await startBackend(kind, pg);
    const key = await importHashKey(fromBase64(b.server.keys.hashKey));
    // As a device hashes what it found: the normalised value under the organisation's key.
    const hash = (v: string) => keyedHash(key, normaliseValue(v));
    const mrn = (...values: string[]) => Promise.all(values.map(hash)).then((hashes) => [{ type: 'MRN' as const, category: 'phi' as const, count: values.length, previews: ['M••-•••••13'], hashes }]);
    await b.call('/api/partners', { method: 'POST', as: 'admin', json: { id: 'clinic', name: 'Lakeside Clinic', kind: 'client', owner: 'qa@cdmo.example', domains: ['lakeside-clinic.com'], agreements: [] } });
    const events = [
      makeEvent({ channel: 'email-send', destination: { host: 'mail.google.com', categories: ['webmail'] }, recipientDomains: ['mail.lakeside-clinic.com', 'gmail.com'], findings: await mrn(MRN, OTHER), outcome: 'sent', action: 'warn' }),
      makeEvent({ destination: { host: 'chatgpt.com', categories: ['generative-ai'] }, findings: await mrn('mrn 0048213') }),
      makeEvent({ findings: await mrn(OTHER) }),
      makeEvent({ findings: [{ type: 'SSN', category: 'phi', count: 1, previews: [], hashes: [] }] }),
    ];
    // The newest first.
    carrying.push(events[1]!.id, events[0]!.id);
    expect(await (await b.call('/api/device/events', { method: 'POST', as: 'device', json: { events } })).json()).toMatchObject({ accepted: 4 });
    for (const level of ['log', 'warn', 'error', 'info'] as const) vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await b?.close();
  });

  it('finds exactly the events that carried the identifier, written any way, with destinations and partners', async () => {
    for (const written of [MRN, ' mrn 0048213 ', 'Mrn.0048213']) {
      const r = await b.call('/api/identifier-search', { method: 'POST', as: 'analyst', json: { value: written } });
      const { events } = (await r.json()) as { events: Array<{ id: string; destination: string; parties: string[]; partners: Array<{ id: string }>; types: string[] }> };
      expect(events.map((e) => e.id)).toEqual(carrying);
      expect(events.map((e) => [e.destination, e.parties, e.partners.map((p) => p.id), e.types])).toEqual([
        ['chatgpt.com', ['chatgpt.com'], [], ['MRN']],
        ['mail.google.com', ['mail.lakeside-clinic.com', 'gmail.com'], ['clinic'], ['MRN']],
      ]);
    }
    expect((await (await b.call('/api/identifier-search', { method: 'POST', as: 'analyst', json: { value: 'MRN-9999999' } })).json()).events).toEqual([]);
  });

  it('is for analysts and admins, audited without the value, and the value is in no log', async () => {
    expect((await b.call('/api/identifier-search', { method: 'POST', as: 'viewer', json: { value: MRN } })).status).toBe(403);
    const audit = (await b.server.store.audit()).filter((e) => e.action === 'identifier.search');
    expect(audit.map((e) => [e.actor, e.target, e.detail])).toEqual([
      ['analyst', 'events', { found: 2 }],
      ['analyst', 'events', { found: 2 }],
      ['analyst', 'events', { found: 2 }],
      ['analyst', 'events', { found: 0 }],
    ]);
    const everything = JSON.stringify(await b.server.store.audit()) + logged.join('\n');
    for (const v of [MRN, '0048213', normaliseValue(MRN)]) expect(everything).not.toContain(v);
  });
});
