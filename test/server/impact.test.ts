import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulwarkEvent } from '../../src/core/events/event';
import { DEFAULT_POLICY } from '../../src/core/policy';
import { DATABASES, makeEvent, startBackend, type TestBackend } from './harness';
import { startPostgres, type TestPostgres } from './postgres';

let pg: TestPostgres;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());

const DAY = 86_400_000;
const PHI = [{ type: 'SSN' as const, category: 'phi' as const, count: 1, previews: ['•••-••-••99'], hashes: [] }];
const pii = (count: number) => [{ type: 'EMAIL' as const, category: 'pii' as const, count, previews: ['m•••@example.org'], hashes: [] }];
const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY - 60_000).toISOString();
const by = (user: string, overrides: Partial<BulwarkEvent>) => makeEvent({ device: { id: 'device-under-test', user }, ...overrides });

/**
 * The draft: PHI into AI assistants is blocked (a new rule before warn-phi), personal data is no longer recorded
 * unless 5 or more values go at once (audit-pii removed, warn-bulk-pii added).
 */
const { version: _, ...base } = DEFAULT_POLICY;
const DRAFT = {
  ...base,
  rules: [
    { id: 'block-phi-to-ai', description: 'PHI into AI assistants.', match: { categories: ['phi'], destinations: ['generative-ai'] }, action: 'block' },
    ...base.rules.filter((r) => r.id !== 'audit-pii'),
    { id: 'warn-bulk-pii', description: 'Many personal data values at once.', match: { categories: ['pii'], minCount: 5 }, action: 'warn' },
  ],
};

describe.each(DATABASES)('the impact of a draft, over stored events, on %s', (kind) => {
  let b: TestBackend;
  beforeAll(async () => {
    b = await startBackend(kind, pg);
    await b.server.store.addEvents([
      // alice: PHI pasted into ChatGPT 3 times (warn-phi now; block-phi-to-ai in the draft)
      ...[1, 2, 3].map((d) => by('alice@example.com', { time: at(d), findings: PHI, rule: 'warn-phi', action: 'warn', outcome: 'sent' })),
      // a device enrolled without a user, once: counted as the device
      makeEvent({ time: at(2), device: { id: 'device-under-test' }, findings: PHI, rule: 'warn-phi', action: 'warn', outcome: 'sent' }),
      // bob: PHI mailed to a partner twice (warn-phi in both: no change)
      ...[4, 5].map((d) => by('bob@example.com', { time: at(d), channel: 'email-send', destination: { host: 'mail.google.com', categories: ['webmail'] }, recipientDomains: ['partner-clinic.com'], findings: PHI, rule: 'warn-phi', action: 'warn', outcome: 'sent' })),
      // carol: one e-mail address into a document (audit-pii now; nothing in the draft)
      by('carol@example.com', { time: at(6), destination: { host: 'docs.google.com', categories: ['collaboration'] }, findings: pii(1), rule: 'audit-pii', action: 'audit', outcome: 'sent' }),
      // erin: six addresses at once, twice (audit-pii now; warn-bulk-pii in the draft); alice once too
      ...[7, 8].map((d) => by('erin@example.com', { time: at(d), destination: { host: 'docs.google.com', categories: ['collaboration'] }, findings: pii(6), rule: 'audit-pii', action: 'audit', outcome: 'sent' })),
      by('alice@example.com', { time: at(9), destination: { host: 'docs.google.com', categories: ['collaboration'] }, findings: pii(5), rule: 'audit-pii', action: 'audit', outcome: 'sent' }),
      // dave: PHI into ChatGPT 40 days ago: outside the 30 days
      by('dave@example.com', { time: at(40), findings: PHI, rule: 'warn-phi', action: 'warn', outcome: 'sent' }),
    ]);
  });
  afterAll(() => b.close());

  const impact = (body: unknown, as: 'policy_admin' | 'analyst' = 'policy_admin') => b.call('/api/policies/impact', { method: 'POST', as, json: body });

  it('says what the draft would decide otherwise than the policy in force, for how many events and whom', async () => {
    const r = await impact({ policy: DRAFT });
    expect(r.status).toBe(200);
    const body = await r.json();
    // The oracle: worked out by hand from the events planted above.
    expect(body).toMatchObject({ ok: true, inForce: 1, days: 30, events: 10, changed: 8, capped: false });
    expect(body.changes).toEqual([
      {
        from: 'warn',
        to: 'block',
        fromRule: 'warn-phi',
        toRule: 'block-phi-to-ai',
        events: 4,
        people: 2,
        users: [
          { user: 'alice@example.com', events: 3 },
          { user: 'device-under-test', device: true, events: 1 },
        ],
      },
      {
        from: 'audit',
        to: 'warn',
        fromRule: 'audit-pii',
        toRule: 'warn-bulk-pii',
        events: 3,
        people: 2,
        users: [
          { user: 'erin@example.com', events: 2 },
          { user: 'alice@example.com', events: 1 },
        ],
      },
      { from: 'audit', to: 'allow', fromRule: 'audit-pii', toRule: null, events: 1, people: 1, users: [{ user: 'carol@example.com', events: 1 }] },
    ]);
  });

  it('over a longer window takes older events in; the policy in force itself changes nothing', async () => {
    const longer = await (await impact({ policy: DRAFT, days: 60 })).json();
    expect(longer.events).toBe(11);
    expect(longer.changes[0]).toMatchObject({ from: 'warn', to: 'block', events: 5, people: 3 });
    const same = await (await impact({ policy: base })).json();
    expect(same).toMatchObject({ events: 10, changed: 0, changes: [] });
  });

  it('refuses a draft that would not publish, by rule, and is for policy writers only', async () => {
    const bad = await impact({ policy: { ...base, rules: [{ ...base.rules[0], action: 'shout' }] } });
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors[0].path).toBe('rules.0.action');
    expect((await impact({ policy: DRAFT }, 'analyst')).status).toBe(403);
  });
});
