import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulwarkEvent } from '../../src/core/events/event';
import { coaching, NO_TEAM, weekOf, type Coaching, type Figures } from '../../src/server/coaching';
import type { Store } from '../../src/server/store';
import type { TeamMapping } from '../../src/server/store/coaching';
import { DATABASES, freshStore, makeEvent, startBackend, type TestBackend } from './harness';
import { startPostgres, type TestPostgres } from './postgres';

let pg: TestPostgres;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());

const ALICE = 'alice@cdmo.example', BOB = 'bob@cdmo.example', CAROL = 'carol@cdmo.example';
const MAPPING: TeamMapping = {
  members: [
    { user: ALICE, team: 'Formulation' },
    { user: BOB, team: 'QA' },
    { user: 'dave@cdmo.example', team: 'QA' },
  ],
  trainings: [
    { team: 'Formulation', day: '2026-11-16' },
    { team: 'QA', day: '2026-12-20' },
  ],
};
const at = (day: string, hour = 9) => `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;
const FP: BulwarkEvent['request'] = { kind: 'false-positive', reason: 'A test number' };
const warn = (user: string | undefined, day: string, outcome: BulwarkEvent['outcome'], hour = 9, request?: BulwarkEvent['request']) =>
  makeEvent({ time: at(day, hour), device: user ? { id: `device-${user}`, user } : { id: 'shared-kiosk' }, rule: 'warn-phi', action: 'warn', outcome, ...(request ? { request } : {}) });
const PLANTED: BulwarkEvent[] = [
  // Alice: three warnings in the two weeks before her team's training, one after.
  warn(ALICE, '2026-11-02', 'sent'),
  warn(ALICE, '2026-11-04', 'cancelled'),
  // Alice asks for an exception: not a false-positive report.
  warn(ALICE, '2026-11-10', 'sent', 9, { kind: 'exception', scope: { thisHostOnly: true, theseValuesOnly: false, days: 7 } }),
  warn(ALICE, '2026-11-24', 'cancelled'),
  // Bob: warnings across the month; one block (not a warning).
  // Bob reports two of them as false positives ("this isn't sensitive").
  warn(BOB, '2026-11-03', 'sent', 9, FP),
  warn(BOB, '2026-11-17', 'sent', 9, FP),
  warn(BOB, '2026-11-30', 'cancelled', 23),
  makeEvent({ time: at('2026-11-18'), device: { id: `device-${BOB}`, user: BOB }, rule: 'block-phi-to-ai', action: 'block', outcome: 'cancelled' }),
  // Carol is in no team.
  warn(CAROL, '2026-11-05', 'redacted'),
  // No enrolled user: nobody to coach (its report counts for nobody).
  warn(undefined, '2026-11-06', 'sent', 9, FP),
  // Outside the period.
  warn(ALICE, '2026-10-31', 'sent', 23),
  warn(BOB, '2026-12-01', 'sent', 0, FP),
];
const FROM = '2026-11-01', TO = '2026-11-30';

/** The expected figures, counted here from the planted events and the false-positive reports they carry. */
function oracle(falsePositives: Map<string, number>) {
  const inPeriod = PLANTED.filter((e) => e.time >= `${FROM}T` && e.time < '2026-12-01T' && e.action === 'warn' && e.device.user);
  const teamOf = (u: string) => MAPPING.members.find((m) => m.user === u)?.team ?? NO_TEAM;
  const figures = (f: (e: BulwarkEvent) => boolean, fp: number): Figures => {
    const ev = inPeriod.filter(f);
    return { warnings: ev.length, cancelled: ev.filter((e) => e.outcome === 'cancelled').length, overridden: ev.filter((e) => e.outcome === 'sent').length, falsePositives: fp };
  };
  const fpOfTeam = (t: string) => [...falsePositives].filter(([u]) => teamOf(u) === t).reduce((n, [, k]) => n + k, 0);
  return {
    person: (u: string) => figures((e) => e.device.user === u, falsePositives.get(u) ?? 0),
    team: (t: string) => figures((e) => teamOf(e.device.user!) === t, fpOfTeam(t)),
    weeks: (t: string) => [...new Set(inPeriod.filter((e) => teamOf(e.device.user!) === t).map((e) => weekOf(Date.parse(e.time))))].sort(),
    formulation: () => {
      const trained = Date.parse('2026-11-16T00:00:00Z'), start = Date.parse('2026-11-01T00:00:00Z'), end = Date.parse('2026-12-01T00:00:00Z');
      const times = inPeriod.filter((e) => teamOf(e.device.user!) === 'Formulation').map((e) => Date.parse(e.time));
      const rate = (n: number, ms: number) => Math.round((n / (ms / 86_400_000)) * 7 * 100) / 100;
      return { before: rate(times.filter((t) => t < trained).length, trained - start), after: rate(times.filter((t) => t >= trained).length, end - trained) };
    },
  };
}

describe.each(DATABASES)('coaching figures on %s', (kind) => {
  let store: Store;
  let dispose: () => Promise<void>;
  const falsePositives = new Map<string, number>();
  beforeAll(async () => {
    ({ store, dispose } = await freshStore(kind, pg));
    await store.coaching.putTeams(MAPPING, 'admin');
    await store.addEvents(PLANTED);
    // The reports filed count, whatever became of them: one rejected, one open. The team's incident verdicts do not.
    const reports = PLANTED.filter((e) => e.request?.kind === 'false-positive' && e.device.user && e.time >= `${FROM}T` && e.time < '2026-12-01T');
    await store.requests.decide(reports[0]!.id, { status: 'rejected', answer: 'It is a real number.' }, 'analyst');
    const { incidents } = await store.incidents.list({ user: ALICE }, 100);
    await store.incidents.change(incidents.map((i) => i.id), { status: 'false_positive' }, 'analyst');
    for (const e of reports) falsePositives.set(e.device.user!, (falsePositives.get(e.device.user!) ?? 0) + 1);
    expect(falsePositives).toEqual(new Map([[BOB, 2]]));
  });
  afterAll(() => dispose?.());

  it('counts warnings, cancellations, overrides and false positives per person and team, as the oracle does', async () => {
    const o = oracle(falsePositives);
    const c: Coaching = await coaching(store, FROM, TO);
    for (const u of [ALICE, BOB, CAROL]) expect(c.people.find((p) => p.user === u), u).toMatchObject(o.person(u));
    expect(c.people.map((p) => p.user).sort()).toEqual([ALICE, BOB, CAROL]);
    expect(c.people.find((p) => p.user === CAROL)!.team).toBe(NO_TEAM);
    for (const t of ['Formulation', 'QA', NO_TEAM]) {
      const team = c.teams.find((x) => x.team === t)!;
      expect(team, t).toMatchObject(o.team(t));
      expect(team.trend.map((w) => w.week)).toEqual(o.weeks(t));
      expect(team.trend.reduce((n, w) => n + w.warnings, 0)).toBe(o.team(t).warnings);
    }
    expect(c.teams.find((x) => x.team === 'QA')!.people).toBe(2);
  });

  it("compares a team's warnings per week before and after its training, when the day is in the period", async () => {
    const c = await coaching(store, FROM, TO);
    const { before, after } = oracle(falsePositives).formulation();
    expect(after).toBeLessThan(before);
    expect(c.teams.find((t) => t.team === 'Formulation')!.training).toEqual({ day: '2026-11-16', warningsPerWeekBefore: before, warningsPerWeekAfter: after, fell: true });
    expect(c.teams.find((t) => t.team === 'QA')!.training).toEqual({ day: '2026-12-20', warningsPerWeekBefore: null, warningsPerWeekAfter: null, fell: null });
    expect(c.teams.find((t) => t.team === NO_TEAM)!.training).toBeNull();
  });

  it('keeps the mapping as imported, audited', async () => {
    expect(await store.coaching.teams()).toEqual({ members: [...MAPPING.members].sort((a, b) => a.team.localeCompare(b.team) || a.user.localeCompare(b.user)), trainings: MAPPING.trainings });
    expect((await store.audit()).filter((e) => e.action === 'coaching.teams').map((e) => e.actor)).toEqual(['admin']);
  });
});

describe.each(DATABASES)('the coaching routes on %s', (kind) => {
  let b: TestBackend;
  beforeAll(async () => {
    b = await startBackend(kind, pg);
  });
  afterAll(() => b?.close());

  it('answer those who read insights; only an administrator imports the teams, and a bad mapping is refused', async () => {
    for (const role of ['viewer', 'policy_admin'] as const) expect((await b.call('/api/coaching', { as: role })).status, role).toBe(403);
    expect((await b.call('/api/coaching', { as: 'anonymous' })).status).toBe(401);
    const r = await b.call(`/api/coaching?from=${FROM}&to=${TO}`, { as: 'analyst' });
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ period: { from: FROM, to: TO }, teams: [], people: [] });
    expect((await b.call('/api/coaching?from=2026-12-01&to=2026-11-01', { as: 'analyst' })).status).toBe(400);
    expect((await b.call('/api/coaching/teams', { method: 'PUT', as: 'analyst', json: MAPPING })).status).toBe(403);
    const dup = await b.call('/api/coaching/teams', { method: 'PUT', as: 'admin', json: { members: [{ user: ALICE, team: 'A' }, { user: ALICE, team: 'B' }] } });
    expect(dup.status).toBe(400);
    expect((await b.call('/api/coaching/teams', { method: 'PUT', as: 'admin', json: MAPPING })).status).toBe(200);
    expect(((await (await b.call('/api/coaching/teams', { as: 'analyst' })).json()) as TeamMapping).members).toHaveLength(3);
    const teams = ((await (await b.call(`/api/coaching?from=${FROM}&to=${TO}`, { as: 'admin' })).json()) as Coaching).teams.map((t) => t.team);
    expect(teams.sort()).toEqual(['Formulation', 'QA']);
  });
});
