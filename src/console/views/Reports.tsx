import { useEffect, useState } from 'preact/hooks';
import type { KeptReport } from '../../core/events/report';
import { api, query, when } from '../api';

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Compliance reports: the ones made every month (kept, signed) and a report for any period made on the spot.
 * Each is checked with `npm run server -- verify-report FILE`.
 */
export function Reports() {
  const [kept, setKept] = useState<KeptReport[]>();
  const [profiles, setProfiles] = useState<string[]>([]);
  const [formats, setFormats] = useState<string[]>([]);
  const [error, setError] = useState('');
  const [wanted, setWanted] = useState({ from: day(Date.now() - 90 * 86_400_000), to: day(Date.now()), profile: 'generic', format: 'pdf' });
  useEffect(() => {
    api<{ reports: KeptReport[]; profiles: string[]; formats: string[] }>('/api/reports').then((r) => {
      setKept(r.reports);
      setProfiles(r.profiles);
      setFormats(r.formats);
    }, (e: Error) => setError(e.message));
  }, []);
  const set = (key: keyof typeof wanted) => (e: Event) => setWanted({ ...wanted, [key]: (e.currentTarget as HTMLInputElement).value });
  return (
    <section aria-labelledby="reports-title">
      <h1 id="reports-title">Compliance reports</h1>
      <p class="muted">Signed with the organisation's key: an inspector checks one with npm run server -- verify-report FILE. Last month's reports are made early each month.</p>
      {error ? <p role="alert">{error}</p> : null}
      <form aria-label="Make a report" onSubmit={(e) => e.preventDefault()}>
        <label>
          From <input type="date" value={wanted.from} onChange={set('from')} />
        </label>
        <label>
          To <input type="date" value={wanted.to} onChange={set('to')} />
        </label>
        <label>
          Profile{' '}
          <select value={wanted.profile} onChange={set('profile')}>
            {profiles.map((p) => (
              <option value={p}>{p}</option>
            ))}
          </select>
        </label>
        <label>
          Format{' '}
          <select value={wanted.format} onChange={set('format')}>
            {formats.map((f) => (
              <option value={f}>{f}</option>
            ))}
          </select>
        </label>
        <a href={`/api/reports/generate${query(wanted)}`} download>
          Make and download
        </a>
      </form>
      <h2>Kept reports</h2>
      <table aria-label="Kept reports">
        <thead>
          <tr>
            <th>Period</th>
            <th>Profile</th>
            <th>Format</th>
            <th>Made</th>
            <th class="num">Size</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {kept?.map((r) => (
            <tr>
              <td>
                {r.from} to {r.to}
              </td>
              <td>{r.profile}</td>
              <td>{r.format}</td>
              <td>
                {when(r.createdMs)} by {r.createdBy}
              </td>
              <td class="num">{Math.ceil(r.bytes / 1024)} KB</td>
              <td>
                <a href={`/api/reports/${r.id}/file`} download>
                  Download
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
