import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulwarkEvent } from '../../../src/core/events/event';
import type { ChainedAuditEntry } from '../../../src/server/audit-chain';
import type { Incident } from '../../../src/server/store/incidents';
import { DATABASES, makeEvent, startBackend, type TestBackend } from '../harness';
import { startPostgres, type TestPostgres } from '../postgres';

let pg: TestPostgres;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());

interface Page {
  incidents: Incident[];
  total: number;
  byStatus: Record<string, number>;
}

describe.each(DATABASES)('the incident routes on %s', (kind) => {
  let b: TestBackend;
  const days = ['2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13'];
  const sent: BulwarkEvent[] = [];
  beforeAll(async () => {
    b = await startBackend(kind, pg);
    for (const day of days) sent.push(makeEvent({ time: `${day}T09:00:00.000Z` }), makeEvent({ time: `${day}T15:00:00.000Z` }));
    sent.push(makeEvent({ time: '2026-11-10T10:00:00.000Z', rule: 'audit-pii', action: 'audit', outcome: 'sent' }));
    const r = await b.call('/api/device/events', { method: 'POST', as: 'device', json: { events: sent } });
    expect(await r.json()).toMatchObject({ accepted: sent.length });
  });
  afterAll(() => b?.close());

  const list = async (query = '', as: 'analyst' | 'viewer' = 'analyst'): Promise<Page> => (await b.call(`/api/incidents${query}`, { as })).json() as Promise<Page>;
  const idOn = async (day: string) => (await list()).incidents.find((i) => i.day === day)!.id;
  const auditOf = async (id: number) => ((await (await b.call('/api/audit', { as: 'admin' })).json()) as { entries: ChainedAuditEntry[] }).entries.filter((e) => e.target === `incident:${id}`);

  it('opens one incident per user, rule and day for what the device sent, and none more when it sends it again', async () => {
    const page = await list('', 'viewer');
    expect(page.total).toBe(4);
    expect(page.incidents.map((i) => [i.day, i.eventCount, i.status, i.user])).toEqual(days.toReversed().map((d) => [d, 2, 'new', 'alice@example.com']));
    const again = await b.call('/api/device/events', { method: 'POST', as: 'device', json: { events: sent } });
    expect(await again.json()).toMatchObject({ accepted: 0, duplicates: sent.length });
    expect((await list()).incidents.map((i) => i.eventCount)).toEqual([2, 2, 2, 2]);
  });

  it('pages and filters the list, and says in words what is wrong with a filter', async () => {
    const first = await list('?limit=3');
    expect([first.incidents.length, first.total]).toEqual([3, 4]);
    expect((await list('?limit=3&offset=3')).incidents.map((i) => i.day)).toEqual(['2026-11-10']);
    expect((await list('?user=bob%40example.com')).total).toBe(0);
    expect((await list('?rule=block-phi-to-ai&severity=high')).total).toBe(4);
    const bad = await b.call('/api/incidents?status=closed&limit=0', { as: 'analyst' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).issues).toEqual([
      { path: 'status', message: 'one of new, investigating, resolved, false_positive, accepted_risk' },
      { path: 'limit', message: 'at least 1' },
    ]);
  });

  it('shows one incident with its events, and answers 404 for an unknown one', async () => {
    const id = await idOn('2026-11-12');
    const one = (await (await b.call(`/api/incidents/${id}`, { as: 'viewer' })).json()) as { incident: Incident; events: Array<{ event: BulwarkEvent }>; comments: unknown[]; history: unknown[] };
    expect(one.incident.id).toBe(id);
    expect(one.events.map((e) => e.event.time)).toEqual(['2026-11-12T09:00:00.000Z', '2026-11-12T15:00:00.000Z']);
    expect([one.comments, one.history]).toEqual([[], []]);
    for (const path of ['/api/incidents/999999', '/api/incidents/abc']) expect((await b.call(path, { as: 'analyst' })).status).toBe(404);
    // An event's incident, for the event's page.
    expect((await list(`?event=${one.events[1]!.event.id}`)).incidents.map((i) => i.id)).toEqual([id]);
    expect((await list(`?event=${sent.at(-1)!.id}`)).total).toBe(0);
    expect((await (await b.call('/api/incidents?event=12', { as: 'analyst' })).json()).issues).toEqual([{ path: 'event', message: 'an event id' }]);
  });

  it('lets an analyst change status, owner, severity and verdict, writes who changed what to the audit trail, and refuses a viewer', async () => {
    const id = await idOn('2026-11-13');
    expect((await b.call(`/api/incidents/${id}`, { method: 'PATCH', as: 'viewer', json: { status: 'resolved' } })).status).toBe(403);
    const r = await b.call(`/api/incidents/${id}`, { method: 'PATCH', as: 'analyst', json: { status: 'false_positive', owner: 'analyst', severity: 'low', verdict: 'A test record from the training system' } });
    expect(r.status).toBe(200);
    expect((await r.json()).incident).toMatchObject({ status: 'false_positive', owner: 'analyst', severity: 'low', severityByHand: true, verdict: 'A test record from the training system' });
    const [entry] = await auditOf(id);
    expect(entry).toMatchObject({ actor: 'analyst', action: 'incident.change', detail: { from: { status: 'new', owner: null, severity: 'high', verdict: null }, to: { status: 'false_positive', owner: 'analyst', severity: 'low' } } });
    const shown = (await (await b.call(`/api/incidents/${id}`, { as: 'viewer' })).json()) as { history: ChainedAuditEntry[] };
    expect(shown.history.map((h) => h.seq)).toEqual([entry!.seq]);
    expect((await b.call(`/api/incidents/999999`, { method: 'PATCH', as: 'analyst', json: { status: 'resolved' } })).status).toBe(404);
  });

  it('refuses a bad change at its field, in words', async () => {
    const id = await idOn('2026-11-11');
    const refused = async (json: unknown) => {
      const r = await b.call(`/api/incidents/${id}`, { method: 'PATCH', as: 'analyst', json });
      expect(r.status).toBe(400);
      return ((await r.json()) as { issues: Array<{ path: string; message: string }> }).issues;
    };
    expect(await refused({ status: 'done' })).toEqual([{ path: 'status', message: 'one of new, investigating, resolved, false_positive, accepted_risk' }]);
    expect(await refused({ severity: 'urgent' })).toEqual([{ path: 'severity', message: 'one of low, medium, high, critical' }]);
    expect(await refused({})).toEqual([{ path: '(body)', message: 'say what to change: status, owner, severity or verdict' }]);
    expect(await refused({ owner: 'nobody-here' })).toEqual([{ path: 'owner', message: 'nobody called nobody-here uses the console' }]);
    expect(await refused({ owner: 'viewer' })).toEqual([{ path: 'owner', message: 'viewer may not triage incidents (an analyst or an admin may)' }]);
    expect(await refused({ verdict: 'Patient 219-09-9999 was fine' })).toEqual([{ path: 'verdict', message: 'free text must not hold an identifier: redact it first' }]);
    expect(await auditOf(id)).toEqual([]);
  });

  it('changes many incidents at once, all or none, with one audit entry each', async () => {
    const ids = [await idOn('2026-11-10'), await idOn('2026-11-11'), await idOn('2026-11-12')];
    const missing = await b.call('/api/incidents/bulk', { method: 'POST', as: 'analyst', json: { ids: [...ids, 999999], change: { status: 'investigating' } } });
    expect(missing.status).toBe(404);
    expect((await missing.json()).message).toMatch(/999999; nothing was changed/);
    expect((await list('?status=investigating')).total).toBe(0);
    const r = await b.call('/api/incidents/bulk', { method: 'POST', as: 'analyst', json: { ids, change: { status: 'investigating', owner: 'admin' } } });
    expect(r.status).toBe(200);
    expect(((await r.json()) as { incidents: Incident[] }).incidents.map((i) => [i.status, i.owner])).toEqual(ids.map(() => ['investigating', 'admin']));
    const page = await list('?status=investigating');
    expect([page.total, page.byStatus.new, page.byStatus.false_positive]).toEqual([3, 0, 1]);
    // The totals per status count under the other filters.
    expect((await list('?owner=admin')).byStatus).toMatchObject({ investigating: 3, false_positive: 0 });
    for (const id of ids) expect((await auditOf(id)).map((e) => [e.actor, e.detail.bulk])).toEqual([['analyst', 3]]);
    const bad = await b.call('/api/incidents/bulk', { method: 'POST', as: 'analyst', json: { ids: [], change: { status: 'resolved' } } });
    expect((await bad.json()).issues).toEqual([{ path: 'ids', message: 'at least one incident' }]);
  });

  it('takes comments, refuses an identifier in one, and keeps them with their author and time', async () => {
    const id = await idOn('2026-11-10');
    const r = await b.call(`/api/incidents/${id}/comments`, { method: 'POST', as: 'analyst', json: { text: 'Called the employee; the file was a template.' } });
    expect(r.status).toBe(201);
    const sensitive = await b.call(`/api/incidents/${id}/comments`, { method: 'POST', as: 'analyst', json: { text: 'SSN 219-09-9999 belongs to a patient' } });
    expect(sensitive.status).toBe(400);
    expect((await sensitive.json()).issues).toEqual([{ path: 'text', message: 'free text must not hold an identifier: redact it first' }]);
    expect((await (await b.call(`/api/incidents/${id}/comments`, { method: 'POST', as: 'analyst', json: { text: '  ' } })).json()).issues).toEqual([{ path: 'text', message: 'write something' }]);
    expect((await b.call(`/api/incidents/${id}/comments`, { method: 'POST', as: 'viewer', json: { text: 'hello' } })).status).toBe(403);
    expect((await b.call(`/api/incidents/999999/comments`, { method: 'POST', as: 'analyst', json: { text: 'hello' } })).status).toBe(404);
    const one = (await (await b.call(`/api/incidents/${id}`, { as: 'viewer' })).json()) as { comments: Array<{ author: string; text: string; timeMs: number }>; history: ChainedAuditEntry[] };
    expect(one.comments.map((c) => [c.author, c.text])).toEqual([['analyst', 'Called the employee; the file was a template.']]);
    expect(one.history.map((h) => h.action)).toEqual(['incident.change', 'incident.comment']);
    const verified = await (await b.call('/api/audit/verify', { as: 'admin' })).json();
    expect(verified.ok).toBe(true);
  });

  it('names who may own an incident', async () => {
    expect(await (await b.call('/api/incidents/owners', { as: 'viewer' })).json()).toEqual({ owners: ['admin', 'analyst'] });
  });
});
