import { useEffect, useState } from 'preact/hooks';
import type { Coaching as Figures, Figures as Counts } from '../../core/events/coaching';
import { api, query, type Me } from '../api';

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const fell = (f: boolean | null | undefined) => (f === true ? 'yes' : f === false ? 'no' : '—');

const FigureHeads = () => (
  <>
    <th class="num">Warnings</th>
    <th class="num">Cancelled</th>
    <th class="num">Overridden</th>
    <th class="num">False positives</th>
  </>
);
const FigureCells = ({ f }: { f: Counts }) => (
  <>
    <td class="num">{f.warnings}</td>
    <td class="num">{f.cancelled}</td>
    <td class="num">{f.overridden}</td>
    <td class="num">{f.falsePositives}</td>
  </>
);

/**
 * Coaching: per team and person, the warnings shown, the shares cancelled after one, the overrides and the
 * false positives, week by week; for a team trained within the period, its warnings per week before and after.
 * Administrators import who is in which team, with training days, as JSON.
 */
export function Coaching({ me }: { me: Me }) {
  const [period, setPeriod] = useState({ from: day(Date.now() - 83 * 86_400_000), to: day(Date.now()) });
  const [figures, setFigures] = useState<Figures>();
  const [message, setMessage] = useState('');
  const load = () => api<Figures>(`/api/coaching${query(period)}`).then(setFigures, (e: Error) => setMessage(e.message));
  useEffect(() => void load(), [period.from, period.to]);
  const set = (key: keyof typeof period) => (e: Event) => setPeriod({ ...period, [key]: (e.currentTarget as HTMLInputElement).value });
  const importTeams = async (file: File) => {
    try {
      const r = await api<{ members: unknown[] }>('/api/coaching/teams', { method: 'PUT', text: { body: await file.text(), type: 'application/json' } });
      setMessage(`Teams imported: ${r.members.length} people.`);
      await load();
    } catch (e) {
      setMessage((e as Error).message);
    }
  };
  return (
    <section aria-labelledby="coaching-title">
      <h1 id="coaching-title">Coaching</h1>
      <p class="muted">{figures?.note}</p>
      {message ? <p role="status">{message}</p> : null}
      <form aria-label="Period" onSubmit={(e) => e.preventDefault()}>
        <label>
          From <input type="date" value={period.from} onChange={set('from')} />
        </label>
        <label>
          To <input type="date" value={period.to} onChange={set('to')} />
        </label>
        {me.permissions.includes('people.manage') ? (
          <label>
            Import teams (JSON) <input type="file" accept=".json,application/json" onChange={(e) => importTeams((e.currentTarget as HTMLInputElement).files![0]!)} />
          </label>
        ) : null}
      </form>
      <h2>Teams</h2>
      <table aria-label="Teams">
        <thead>
          <tr>
            <th>Team</th>
            <th class="num">People</th>
            <FigureHeads />
            <th>Trained</th>
            <th class="num">Warnings a week before / after</th>
            <th>Fell</th>
            <th>Warnings by week</th>
          </tr>
        </thead>
        <tbody>
          {figures?.teams.map((t) => (
            <tr>
              <td>{t.team}</td>
              <td class="num">{t.people}</td>
              <FigureCells f={t} />
              <td>{t.training?.day ?? '—'}</td>
              <td class="num">{t.training?.warningsPerWeekBefore == null ? '—' : `${t.training.warningsPerWeekBefore} / ${t.training.warningsPerWeekAfter}`}</td>
              <td>{fell(t.training?.fell)}</td>
              <td>{t.trend.map((w) => `${w.week}: ${w.warnings}`).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>People</h2>
      <table aria-label="People">
        <thead>
          <tr>
            <th>Person</th>
            <th>Team</th>
            <FigureHeads />
            <th>Warnings by week</th>
          </tr>
        </thead>
        <tbody>
          {figures?.people.map((p) => (
            <tr>
              <td>{p.user}</td>
              <td>{p.team}</td>
              <FigureCells f={p} />
              <td>{p.trend.map((w) => `${w.week}: ${w.warnings}`).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
