import { useState } from 'preact/hooks';
import { api, when } from '../api';

interface Found {
  id: string;
  time: string;
  user: string | null;
  channel: string;
  destination: string;
  parties: string[];
  partners: Array<{ id: string; name: string }>;
  types: string[];
  rule: string | null;
  action: string;
  outcome: string;
}

/**
 * "Where did this person's data go?": the events that carried one identifier (an MRN, an SSN, an address), for a
 * breach assessment or a data-subject request. The server hashes the value as devices do and keeps nothing of it;
 * the search is in the audit trail.
 */
export function Trace() {
  const [found, setFound] = useState<{ events: Found[]; truncated: boolean }>();
  const [error, setError] = useState('');
  const search = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const value = String(new FormData(form).get('value') ?? '');
    setError('');
    try {
      setFound(await api<{ events: Found[]; truncated: boolean }>('/api/identifier-search', { method: 'POST', body: { value } }));
    } catch (err) {
      setError((err as Error).message);
    }
    // The value leaves the page once it was searched for.
    form.reset();
  };
  return (
    <section aria-labelledby="trace-title">
      <h1 id="trace-title">Where did this data go?</h1>
      <p class="muted">Events store keyed hashes of what they found, never values: the server hashes what you enter the same way, answers the events that carried it, keeps nothing of it and records that you searched.</p>
      <form aria-label="Find an identifier" onSubmit={search}>
        <label>
          Identifier (an MRN, an SSN, an e-mail address) <input name="value" required autocomplete="off" maxLength={256} />
        </label>
        <button type="submit">Find</button>
      </form>
      {error ? <p role="alert">{error}</p> : null}
      {found ? (
        <>
          <p role="status">
            {found.events.length} event{found.events.length === 1 ? '' : 's'} carried it{found.truncated ? ' (the newest 1000 shown)' : ''}.
          </p>
          <table aria-label="Events that carried it">
            <thead>
              <tr>
                <th>When</th>
                <th>User</th>
                <th>Channel</th>
                <th>Destination</th>
                <th>Parties</th>
                <th>Partners</th>
                <th>As</th>
                <th>Decision</th>
              </tr>
            </thead>
            <tbody>
              {found.events.map((e) => (
                <tr>
                  <td>
                    <a href={`#/events/${e.id}`}>{when(e.time)}</a>
                  </td>
                  <td>{e.user ?? ''}</td>
                  <td>{e.channel}</td>
                  <td>{e.destination}</td>
                  <td>{e.parties.join(', ')}</td>
                  <td>{e.partners.map((p) => p.name).join(', ') || 'unknown'}</td>
                  <td>{e.types.join(', ')}</td>
                  <td>
                    {e.action}, {e.outcome}
                    {e.rule ? ` (${e.rule})` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
