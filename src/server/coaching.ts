import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { Coaching, Figures, TeamFigures, Trend } from '../core/events/coaching';
import { PlainText, type BulwarkEvent } from '../core/events/event';
import type { Env } from './app';
import { problem, readJson, readQuery } from './http';
import { Period } from './partners/routes';
import { eachEvent } from './reports/period';
import type { Permission } from './rights';
import type { Store } from './store';
import type { TeamMapping } from './store/coaching';

export type { Coaching, Figures, PersonFigures, TeamFigures } from '../core/events/coaching';

const DAY = 86_400_000;
/** People without a team in the imported mapping. */
export const NO_TEAM = '(no team)';

/** The team mapping an administrator imports (PUT /api/coaching/teams): devices report no directory groups. */
export const TeamUpload = z
  .object({
    members: z.array(z.object({ user: PlainText(256).min(1), team: PlainText(100).min(1) }).strict()).max(100_000),
    trainings: z.array(z.object({ team: PlainText(100).min(1), day: z.iso.date('a day, YYYY-MM-DD') }).strict()).max(10_000).default([]),
  })
  .strict()
  .refine((m) => new Set(m.members.map((x) => x.user)).size === m.members.length, { path: ['members'], message: 'a person is in one team' })
  .refine((m) => new Set(m.trainings.map((x) => x.team)).size === m.trainings.length, { path: ['trainings'], message: 'one training day per team' });

const zero = (): Figures => ({ warnings: 0, cancelled: 0, overridden: 0, falsePositives: 0 });
/** The Monday (UTC) starting the week of a time. */
export const weekOf = (ms: number) => new Date(ms - ((new Date(ms).getUTCDay() + 6) % 7) * DAY).toISOString().slice(0, 10);

class Tally {
  readonly total = zero();
  readonly weeks = new Map<string, Figures>();
  add(ms: number, key: keyof Figures) {
    this.total[key]++;
    const w = weekOf(ms);
    const f = this.weeks.get(w) ?? zero();
    f[key]++;
    this.weeks.set(w, f);
  }
  trend(): Trend {
    return [...this.weeks].sort(([a], [b]) => a.localeCompare(b)).map(([week, f]) => ({ week, ...f }));
  }
}

/**
 * Coaching figures over [from, to] (UTC days, both included), per person (the device's enrolled user) and per
 * team (from the imported mapping), with their weekly trend, and for a team with a training day in the period
 * its warnings per week before and after it. Counted from the stored events and the employees' requests.
 */
export async function coaching(store: Store, from: string, to: string): Promise<Coaching> {
  const fromMs = Date.parse(`${from}T00:00:00Z`), toMs = Date.parse(`${to}T00:00:00Z`) + DAY;
  const mapping: TeamMapping = await store.coaching.teams();
  const teamOf = new Map(mapping.members.map((m) => [m.user, m.team]));
  const people = new Map<string, Tally>(), teams = new Map<string, Tally>();
  const warnTimes = new Map<string, number[]>();
  const count = (user: string, ms: number, key: keyof Figures) => {
    const team = teamOf.get(user) ?? NO_TEAM;
    for (const [m, k] of [[people, user], [teams, team]] as const) {
      if (!m.has(k)) m.set(k, new Tally());
      m.get(k)!.add(ms, key);
    }
    if (key === 'warnings') warnTimes.set(team, [...(warnTimes.get(team) ?? []), ms]);
  };
  await eachEvent(store, fromMs, toMs, (e: BulwarkEvent) => {
    const user = e.device.user;
    if (!user || e.action !== 'warn') return;
    const ms = Date.parse(e.time);
    count(user, ms, 'warnings');
    if (e.outcome === 'cancelled') count(user, ms, 'cancelled');
    if (e.outcome === 'sent') count(user, ms, 'overridden');
  });
  // False positives: the reports a person filed from the dialog ("this isn't sensitive"), open, approved or
  // rejected, when filed. Coaching asks how often someone disputes a decision: many rejected reports point at a
  // need for training, many approved ones at a rule to tune (the Requests view tells which); counting approved
  // ones only would hide the first and follow the team's backlog instead of the person.
  for (const r of await store.requests.filedBetween(fromMs, toMs)) if (r.kind === 'false-positive' && r.user) count(r.user, r.createdMs, 'falsePositives');

  const perWeek = (n: number, ms: number) => Math.round((n / (ms / DAY)) * 7 * 100) / 100;
  const trainingOf = (team: string): TeamFigures['training'] => {
    const day = mapping.trainings.find((t) => t.team === team)?.day;
    if (!day) return null;
    const at = Date.parse(`${day}T00:00:00Z`);
    if (at <= fromMs || at >= toMs) return { day, warningsPerWeekBefore: null, warningsPerWeekAfter: null, fell: null };
    const times = warnTimes.get(team) ?? [];
    const before = perWeek(times.filter((t) => t < at).length, at - fromMs), after = perWeek(times.filter((t) => t >= at).length, toMs - at);
    return { day, warningsPerWeekBefore: before, warningsPerWeekAfter: after, fell: after < before };
  };
  const members = (team: string) => mapping.members.filter((m) => m.team === team).length;
  const byWarnings = <T extends Figures>(a: T & { k: string }, b: T & { k: string }) => b.warnings - a.warnings || a.k.localeCompare(b.k);
  const teamNames = [...new Set([...teams.keys(), ...mapping.members.map((m) => m.team)])];
  return {
    period: { from, to },
    note: 'False positives are the "this isn\'t sensitive" reports people filed from the dialog (open, approved or rejected). Teams come from the imported mapping; people not in it are under "(no team)".',
    teams: teamNames
      .map((team) => ({ k: team, team, people: team === NO_TEAM ? [...people.keys()].filter((u) => !teamOf.has(u)).length : members(team), ...(teams.get(team)?.total ?? zero()), trend: teams.get(team)?.trend() ?? [], training: trainingOf(team) }))
      .sort(byWarnings)
      .map(({ k: _, ...t }) => t),
    people: [...people]
      .map(([user, t]) => ({ k: user, user, team: teamOf.get(user) ?? NO_TEAM, ...t.total, trend: t.trend() }))
      .sort(byWarnings)
      .map(({ k: _, ...p }) => p),
  };
}

/**
 * Coaching, mounted under /api:
 * - GET /coaching?from&to: the figures (the last 12 weeks unless given; `to` inclusive), insights.read;
 * - GET /coaching/teams: the imported mapping, insights.read;
 * - PUT /coaching/teams: replace it (TeamUpload, audited as `coaching.teams`), people.manage.
 */
export function coachingRoutes(d: { store: Store; authenticate: MiddlewareHandler<Env>; need: (p: Permission) => MiddlewareHandler<Env>; actor: (c: Context<Env>) => string }): Hono<Env> {
  const { store, authenticate, need, actor } = d;
  const app = new Hono<Env>();
  app.get('/coaching', authenticate, need('insights.read'), async (c) => {
    const q = readQuery(c, Period);
    if (!q.ok) return q.response;
    const to = q.value.to ?? new Date().toISOString().slice(0, 10);
    const from = q.value.from ?? new Date(Date.parse(to) - 83 * DAY).toISOString().slice(0, 10);
    if (from > to) return problem(c, 400, 'invalid', 'from is after to.');
    return c.json(await coaching(store, from, to));
  });
  app.get('/coaching/teams', authenticate, need('insights.read'), async (c) => c.json(await store.coaching.teams()));
  app.put('/coaching/teams', authenticate, need('people.manage'), async (c) => {
    const body = await readJson(c, TeamUpload);
    if (!body.ok) return body.response;
    await store.coaching.putTeams(body.value, actor(c));
    return c.json(await store.coaching.teams());
  });
  return app;
}
