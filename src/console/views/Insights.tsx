import { useEffect, useState } from 'preact/hooks';
import { api, when } from '../api';
import { eventsOf } from '../event-links';

interface Outlier {
  kind: 'user' | 'device';
  key: string;
  baseline: number;
  recent: number;
  score: number;
}

/**
 * The people whose warned and blocked volume jumped away from their own baseline, biggest first, each once (a
 * device only when it has no user), each a link to their events.
 */
export function Insights() {
  const [outliers, setOutliers] = useState<Outlier[]>();
  const [computedAt, setComputedAt] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    api<{ outliers: Outlier[]; computedAt: string }>('/api/insights').then(
      (r) => {
        setOutliers(r.outliers);
        setComputedAt(r.computedAt);
      },
      (e: Error) => setError(e.message),
    );
  }, []);
  if (error) return <p role="alert">{error}</p>;
  if (!outliers) return <p class="muted">Loading…</p>;
  return (
    <section aria-labelledby="insights-title">
      <h1 id="insights-title">Unusual behaviour</h1>
      <p class="muted">
        Warned, redacted and blocked actions per day: the last 7 days against each one’s own 28 days before (computed {when(computedAt)}).
      </p>
      <table>
        <thead>
          <tr>
            <th>Who</th>
            <th>Kind</th>
            <th class="num">Usual per day</th>
            <th class="num">Last 7 days per day</th>
            <th class="num">Jump (σ)</th>
          </tr>
        </thead>
        <tbody>
          {outliers.map((o) => (
            <tr>
              <td>
                <a href={eventsOf(o.kind, o.key)}>{o.key}</a>
              </td>
              <td>{o.kind}</td>
              <td class="num">{o.baseline}</td>
              <td class="num">{o.recent}</td>
              <td class="num">{o.score}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {outliers.length === 0 ? <p class="muted">Nobody stands out.</p> : null}
    </section>
  );
}
