import type { Store } from './store';

const DAY_MS = 86_400_000;
const BASELINE_DAYS = 28;
const RECENT_DAYS = 7;
/** Volume that counts: what the policy stopped or questioned. */
const CONCERNING = ['warn', 'redact', 'block'];

export interface Outlier {
  kind: 'user' | 'device';
  key: string;
  /** Mean warned, redacted and blocked actions per day over the 28 days before the last 7. */
  baseline: number;
  /** Mean per day over the last 7 days. */
  recent: number;
  /** How many standard deviations (at least 1 action a day) the recent mean is above the baseline. */
  score: number;
}

/**
 * Per-user and per-device baselines of warned and blocked volume, and the ones that have jumped away from
 * theirs, biggest jump first. Computed from the daily rollups, so it costs the same for a million events as
 * for a thousand.
 */
export async function outliers(store: Store, now = Date.now(), limit = 50): Promise<Outlier[]> {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const rows = await store.dailyVolumes(day(now - (BASELINE_DAYS + RECENT_DAYS - 1) * DAY_MS), day(now - (RECENT_DAYS - 1) * DAY_MS), day(now), CONCERNING);
  const found: Outlier[] = [];
  for (const r of rows) {
    // Days without a row count as zero: the mean and the deviation are over all 28 days.
    const mean = Number(r.base_sum) / BASELINE_DAYS;
    const sd = Math.sqrt(Math.max(0, Number(r.base_sq) / BASELINE_DAYS - mean * mean));
    const recent = Number(r.recent_sum) / RECENT_DAYS;
    const score = (recent - mean) / Math.max(sd, 1);
    if (score > 0) found.push({ kind: r.dim, key: r.key, baseline: round(mean), recent: round(recent), score: round(score) });
  }
  return found.sort((a, b) => b.score - a.score || a.key.localeCompare(b.key)).slice(0, limit);
}

export interface Stats {
  byDay: Array<{ day: string } & Record<string, number>>;
  topHosts: Array<{ key: string; n: number }>;
  topTypes: Array<{ key: string; n: number }>;
  topUsers: Array<{ key: string; n: number }>;
}

/** Decisions per day by action, and the top destinations, types and users, over whole days from the rollups. */
export async function stats(store: Store, fromMs: number, toMs: number, top = 10): Promise<Stats> {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const rows = await store.rollups(day(fromMs), day(toMs), ['all', 'host', 'type', 'user']);
  const byDay = new Map<string, Record<string, number>>();
  const totals = { host: new Map<string, number>(), type: new Map<string, number>(), user: new Map<string, number>() };
  for (const r of rows) {
    if (r.dim === 'all') {
      const d = byDay.get(r.day) ?? {};
      d[r.action] = (d[r.action] ?? 0) + r.n;
      byDay.set(r.day, d);
    } else if (r.dim in totals) {
      const m = totals[r.dim as keyof typeof totals];
      m.set(r.key, (m.get(r.key) ?? 0) + r.n);
    }
  }
  const topOf = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, top)
      .map(([key, n]) => ({ key, n }));
  return {
    byDay: [...byDay].sort(([a], [b]) => a.localeCompare(b)).map(([d, counts]) => ({ day: d, ...counts }) as { day: string } & Record<string, number>),
    topHosts: topOf(totals.host),
    topTypes: topOf(totals.type),
    topUsers: topOf(totals.user),
  };
}

const round = (n: number) => Math.round(n * 100) / 100;
