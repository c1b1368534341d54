import { useEffect, useState } from 'preact/hooks';
import { ACTIONS } from '../../core/policy/schema';
import { api } from '../api';

interface Stats {
  byDay: Array<{ day: string } & Record<string, number>>;
  topHosts: Array<{ key: string; n: number }>;
  topTypes: Array<{ key: string; n: number }>;
  topUsers: Array<{ key: string; n: number }>;
}

/** Decisions over the last 30 days, stacked by action, and the top destinations, types and users. */
export function Overview() {
  const [stats, setStats] = useState<Stats>();
  const [error, setError] = useState('');
  useEffect(() => {
    api<Stats>('/api/stats').then(setStats, (e: Error) => setError(e.message));
  }, []);
  if (error) return <p role="alert">{error}</p>;
  if (!stats) return <p class="muted">Loading…</p>;
  const total = (d: Record<string, number>) => ACTIONS.reduce((n, a) => n + (d[a] ?? 0), 0);
  const max = Math.max(1, ...stats.byDay.map(total));
  const W = 24;
  const H = 160;
  return (
    <section aria-labelledby="overview-title">
      <h1 id="overview-title">Overview: the last 30 days</h1>
      <figure>
        <svg role="img" aria-label="Decisions per day, by action" width={Math.max(W * stats.byDay.length, 200)} height={H + 20}>
          {stats.byDay.map((d, i) => {
            let y = H;
            return (
              <g>
                <title>{`${d.day}: ${ACTIONS.map((a) => `${d[a] ?? 0} ${a}`).join(', ')}`}</title>
                {ACTIONS.map((a) => {
                  const h = ((d[a] ?? 0) / max) * H;
                  y -= h;
                  return <rect class={`bar ${a}`} x={i * W + 2} y={y} width={W - 4} height={h} />;
                })}
                {i % 7 === 0 ? (
                  <text x={i * W} y={H + 14} class="axis">
                    {d.day.slice(5)}
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
