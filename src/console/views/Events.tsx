import { useEffect, useState } from 'preact/hooks';
import type { BulwarkEvent } from '../../core/events/event';
import { ENTITY_TYPES } from '../../core/detect/types';
import { ACTIONS, CHANNELS } from '../../core/policy/schema';
import { api, query, when, type Me } from '../api';
import { EventTable } from './EventTable';

interface StoredEvent {
  seq: number;
  receivedMs: number;
  event: BulwarkEvent;
}

const TEXT_FILTERS = [
  ['user', 'User'],
  ['device', 'Device'],
  ['host', 'Destination'],
  ['rule', 'Rule'],
] as const;
const CHOICES = [
  ['channel', 'Channel', CHANNELS],
  ['type', 'Type', ENTITY_TYPES],
  ['action', 'Decision', ACTIONS],
  ['outcome', 'Outcome', ['sent', 'redacted', 'cancelled']],
] as const;

type Filters = Record<string, string>;

/** Datetime-local fields give local time without a zone; the API wants an instant. */
const instant = (local: string | undefined) => (local ? new Date(local).toISOString() : undefined);

export function Events({ me }: { me: Me }) {
  const [filters, setFilters] = useState<Filters>({});
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const [page, setPage] = useState<{ events: StoredEvent[]; next?: string }>();
  const [error, setError] = useState('');
  const cursor = cursors.at(-1);
  const params = { ...filters, from: instant(filters.from), to: instant(filters.to) };

  useEffect(() => {
    setError('');
    api<{ events: StoredEvent[]; next?: string }>(`/api/events${query({ ...params, cursor })}`).then(setPage, (e: Error) => setError(e.message));
  }, [JSON.stringify(filters), cursor]);

  const apply = (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    setFilters(Object.fromEntries([...form].filter(([, v]) => v !== '').map(([k, v]) => [k, String(v)])));
    setCursors([undefined]);
  };

  return (
    <section aria-labelledby="events-title">
      <h1 id="events-title">Events</h1>
      <form class="filters" onSubmit={apply} aria-label="Filters">
        <label>
          From <input type="datetime-local" name="from" />
        </label>
        <label>
          To <input type="datetime-local" name="to" />
        </label>
        {TEXT_FILTERS.map(([name, label]) => (
          <label>
            {label} <input name={name} />
          </label>
        ))}
        {CHOICES.map(([name, label, options]) => (
          <label>
            {label}
            <select name={name}>
              <option value="">any</option>
              {options.map((o) => (
                <option>{o}</option>
              ))}
            </select>
          </label>
        ))}
        <button type="submit">Apply</button>
      </form>
      {me.permissions.includes('events.export') ? (
        <p class="exports">
          Export this view: <a href={`/api/export${query({ ...params, format: 'csv' })}`}>CSV</a> · <a href={`/api/export${query({ ...params, format: 'ocsf' })}`}>OCSF JSON</a>
        </p>
      ) : null}
      {error ? <p role="alert">{error}</p> : null}
      {page ? (
        <>
          <EventTable events={page.events} />
          {page.events.length === 0 ? <p class="muted">No events match.</p> : null}
          <nav class="paging" aria-label="Pages">
            <button type="button" disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
              Newer
            </button>
            <span class="muted">Page {cursors.length}</span>
            <button type="button" disabled={!page.next} onClick={() => setCursors([...cursors, page.next])}>
              Older
            </button>
          </nav>
        </>
      ) : null}
    </section>
  );
}

export function EventDetail({ id, me }: { id: string; me: Me }) {
  const [found, setFound] = useState<StoredEvent>();
  const [incident, setIncident] = useState<number>();
  const [error, setError] = useState('');
  useEffect(() => {
    api<StoredEvent>(`/api/events/${encodeURIComponent(id)}`).then(setFound, (e: Error) => setError(e.message));
    if (me.permissions.includes('incidents.read'))
      api<{ incidents: Array<{ id: number }> }>(`/api/incidents${query({ event: id })}`).then((r) => setIncident(r.incidents[0]?.id), () => undefined);
  }, [id]);
  if (error) return <p role="alert">{error}</p>;
  if (!found) return <p class="muted">Loading…</p>;
  const e = found.event;
  const rows: Array<[string, string | undefined]> = [
    ['Time', when(e.time)],
    ['User', e.device.user],
    // The device named someone other than the user it was enrolled with: shown, never trusted.
    ['Claimed user (unverified)', e.device.userVerified === false ? e.device.claimedUser : undefined],
    ['Device', e.device.id],
    ['Browser', `${e.browser.name} ${e.browser.version}`],
    ['Channel', e.channel],
    ['Destination', `${e.destination.host} (${e.destination.categories.join(', ') || 'uncategorised'})`],
    ['Recipients’ domains', e.recipientDomains.join(', ') || undefined],
    ['File', e.file && `${e.file.name} (${e.file.type}, ${e.file.size} bytes)`],
    ['Rule', e.rule],
    ['Decision', e.action],
    ['Outcome', e.outcome],
    ['Justification', e.justification],
    ['Policy version', String(e.policyVersion)],
    ['Extension', e.extensionVersion],
    ['Event id', e.id],
  ];
  return (
    <section aria-labelledby="event-title">
      <p>
        <a href="#/events">← Events</a>
      </p>
      <h1 id="event-title">
        {e.action} · {e.channel} to {e.destination.host}
      </h1>
      {incident ? (
        <p>
          Part of <a href={`#/incidents/${incident}`}>incident #{incident}</a>
        </p>
      ) : null}
      <dl class="detail">
        {rows
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </>
          ))}
      </dl>
      <h2>Findings</h2>
      <table>
        <thead>
          <tr>
            <th>Type</th>
            <th>Category</th>
            <th>Count</th>
            <th>Masked examples</th>
            <th>Keyed hashes</th>
          </tr>
        </thead>
        <tbody>
          {e.findings.map((f) => (
            <tr>
              <td>{f.type}</td>
              <td>{f.category}</td>
              <td>{f.count}</td>
              <td>{f.previews.join('  ')}</td>
              <td class="mono">{f.hashes.map((h) => h.slice(0, 12)).join(' ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
