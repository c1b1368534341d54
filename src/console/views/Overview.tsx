import { useEffect, useState } from 'preact/hooks';
import { ACTIONS } from '../../core/policy/schema';
import { api } from '../api';

interface Stats {
  byDay: Array<{ day: string } & Record<string, number>>;
  topHosts: Array<{ key: string; n: number }>;
  topTypes: Array<{ key: string; n: number }>;
  topUsers: Array<{ key: string; n: number }>;
}

const RANGES = [7, 30, 90] as const;
const DAY_MS = 86_400_000;

/** Round numbers for an axis up to `max`: 0 and two or three steps of 1, 2 or 5 times a power of ten. */
function ticks(max: number): number[] {
  const raw = Math.max(1, max) / 3;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  return Array.from({ length: Math.ceil(Math.max(1, max) / step) + 1 }, (_, i) => i * step);
}

/**
 * Decisions per day over a chosen range (7, 30 or 90 days), stacked by action, with a value axis, the day's total
 * above each bar (when there is room) and the numbers as a table; and the top destinations, types and users.
 */
export function Overview() {
  const [days, setDays] = useState<(typeof RANGES)[number]>(30);
  const [stats, setStats] = useState<Stats>();
  const [error, setError] = useState('');
  useEffect(() => {
    const today = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.parse(today) - (days - 1) * DAY_MS).toISOString().slice(0, 10);
    api<Stats>(`/api/stats?from=${from}`).then(setStats, (e: Error) => setError(e.message));
  }, [days]);
  if (error) return <p role="alert">{error}</p>;
  if (!stats) return <p class="muted">Loading…</p>;
  const total = (d: Record<string, number>) => ACTIONS.reduce((n, a) => n + (d[a] ?? 0), 0);
  const axis = ticks(Math.max(0, ...stats.byDay.map(total)));
  const top = axis.at(-1)!;
  const W = Math.max(6, Math.floor(720 / days));
  const H = 160;
  const LEFT = 36;
  const TOP = 14;
  const width = LEFT + W * days + 4;
  const start = Date.parse(new Date(Date.now() - (days - 1) * DAY_MS).toISOString().slice(0, 10));
  const byDay = new Map(stats.byDay.map((d) => [d.day, d]));
  const range = Array.from({ length: days }, (_, i) => new Date(start + i * DAY_MS).toISOString().slice(0, 10));
  const labelEvery = days <= 7 ? 1 : days <= 30 ? 7 : 14;
  return (
    <section aria-labelledby="overview-title">
      <h1 id="overview-title">Overview: the last {days} days</h1>
      <label class="row">
        Range
        <select value={String(days)} onChange={(e) => setDays(Number((e.target as HTMLSelectElement).value) as (typeof RANGES)[number])}>
          {RANGES.map((r) => (
            <option value={String(r)}>{r} days</option>
          ))}
        </select>
      </label>
      <figure>
        <svg role="img" aria-label="Decisions per day, by action" viewBox={`0 0 ${width} ${TOP + H + 20}`} width={width} height={TOP + H + 20}>
          {axis.map((t) => {
            const y = TOP + H - (t / top) * H;
            return (
              <g>
                <line x1={LEFT - 4} x2={width} y1={y} y2={y} class="grid" />
                <text x={LEFT - 6} y={y + 3} class="axis" text-anchor="end">
                  {t.toLocaleString('en')}
                </text>
              </g>
            );
          })}
          {range.map((day, i) => {
            const d: Record<string, number> = byDay.get(day) ?? {};
            const x = LEFT + i * W;
            let y = TOP + H;
            return (
              <g>
                <title>{`${day}: ${ACTIONS.map((a) => `${d[a] ?? 0} ${a}`).join(', ')}`}</title>
                {ACTIONS.map((a) => {
                  const h = ((d[a] ?? 0) / top) * H;
                  y -= h;
                  return <rect class={`bar ${a}`} x={x + 1} y={y} width={W - 2} height={h} />;
                })}
                {W >= 18 && total(d) ? (
                  <text x={x + W / 2} y={y - 3} class="axis value" text-anchor="middle">
                    {total(d)}
                  </text>
                ) : null}
                {i % labelEvery === 0 ? (
                  <text x={x} y={TOP + H + 14} class="axis">
                    {day.slice(5)}
                  </text>
                ) : null}
              </g>
            );
          })}
        </svg>
        <figcaption>
          {ACTIONS.map((a) => (
            <span class={`legend ${a}`}>{a}</span>
          ))}
        </figcaption>
      </figure>
      <details>
        <summary>The numbers, day by day</summary>
        <div class="table-scroll">
          <table aria-label="Decisions per day">
            <thead>
              <tr>
                <th scope="col">Day</th>
                {ACTIONS.map((a) => (
                  <th scope="col" class="num">
                    {a}
                  </th>
                ))}
                <th scope="col" class="num">
                  total
                </th>
              </tr>
            </thead>
            <tbody>
              {stats.byDay.map((d) => (
                <tr>
                  <td>{d.day}</td>
                  {ACTIONS.map((a) => (
                    <td class="num">{d[a] ?? 0}</td>
                  ))}
                  <td class="num">{total(d)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <div class="tops">
        <Top title="Top destinations" rows={stats.topHosts} />
        <Top title="Top types" rows={stats.topTypes} />
        <Top title="Top users" rows={stats.topUsers} />
      </div>
    </section>
  );
}

function Top({ title, rows }: { title: string; rows: Array<{ key: string; n: number }> }) {
  const max = Math.max(1, ...rows.map((r) => r.n));
  return (
    <div>
      <h2>{title}</h2>
      <table>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td>{r.key}</td>
              <td class="num">{r.n}</td>
              <td class="meter">
                <span style={{ width: `${(r.n / max) * 100}%` }} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
