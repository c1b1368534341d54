import type { ComponentChild } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { FINDING_CATEGORIES, OUTCOMES, type BulwarkEvent } from '../../core/events/event';
import { ENTITY_TYPES } from '../../core/detect/types';
import { ACTIONS, CHANNELS } from '../../core/policy/schema';
import { api, ApiError, query, when, type Me } from '../api';
import { eventsHref, eventsOf, eventsWithHash } from '../event-links';
import { KIND_LABELS } from '../requests';
import { EventTable } from './EventTable';
import { FieldError, invalidAt } from './FieldError';

interface StoredEvent {
  seq: number;
  receivedMs: number;
  event: BulwarkEvent;
}

interface EventPage {
  events: StoredEvent[];
  next?: string;
  /** On the first page only: how many match, counted up to a cap (`capped`: more). */
  total?: number;
  capped?: boolean;
}

interface SavedView {
  id: number;
  name: string;
  query: string;
}

/** Text filters match a part of the value; several values are separated by commas. */
const TEXT_FILTERS = [
  ['user', 'User'],
  ['device', 'Device'],
  ['host', 'Destination'],
  ['rule', 'Rule'],
] as const;
const CHOICES = [
  ['category', 'Category', FINDING_CATEGORIES],
  ['channel', 'Channel', CHANNELS],
  ['type', 'Type', ENTITY_TYPES],
  ['action', 'Decision', ACTIONS],
  ['outcome', 'Outcome', OUTCOMES],
] as const;

/** An instant as a datetime-local field shows it (local time, to the minute). */
const localInput = (iso: string | null) => {
  if (!iso || Number.isNaN(Date.parse(iso))) return undefined;
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/**
 * The events, filtered and sorted as the address says (`#/events?user=hana&category=phi&sort=-time`): applying
 * filters or sorting makes a new address (a history entry), so that back and forward, a reload and a shared link
 * show the same events. Paging stays in the page.
 */
export function Events({ me, search }: { me: Me; search: string }) {
  const params = new URLSearchParams(search);
  const sort = params.get('sort') ?? '-time';
  const [paging, setPaging] = useState<{ search: string; cursors: Array<string | undefined>; total?: Pick<EventPage, 'total' | 'capped'> }>({ search, cursors: [undefined] });
  const current = paging.search === search ? paging : { search, cursors: [undefined] };
  const cursor = current.cursors.at(-1);
  const [page, setPage] = useState<EventPage>();
  const [error, setError] = useState('');

  useEffect(() => {
    setError('');
    const q = new URLSearchParams(params);
    if (cursor) q.set('cursor', cursor);
    api<EventPage>(`/api/events?${q}`).then(
      (p) => {
        setPage(p);
        if (!cursor) setPaging({ search, cursors: [undefined], total: p });
      },
      (e: Error) => setError(e.message),
    );
  }, [search, cursor]);

  const apply = (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const next = new URLSearchParams();
    for (const [key, value] of form) {
      const text = String(value).trim();
      if (!text) continue;
      if (key === 'from' || key === 'to') next.append(key, new Date(text).toISOString());
      else if (TEXT_FILTERS.some(([name]) => name === key))
        for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) next.append(key, part);
      else next.append(key, text);
    }
    if (sort !== '-time') next.set('sort', sort);
    location.hash = eventsHref(next);
  };

  const sorted = (by: string) => {
    const q = new URLSearchParams(params);
    q.set('sort', by);
    return eventsHref(q);
  };
  const total = current.total?.total;

  return (
    <section aria-labelledby="events-title">
      <h1 id="events-title">Events</h1>
      {/* Made anew when the address changes (back, a link): its fields show the address's filters. */}
      <form class="filters" onSubmit={apply} aria-label="Filters" key={search}>
        <label>
          From <input type="datetime-local" name="from" defaultValue={localInput(params.get('from'))} />
        </label>
        <label>
          To <input type="datetime-local" name="to" defaultValue={localInput(params.get('to'))} />
        </label>
        {TEXT_FILTERS.map(([name, label]) => (
          <label>
            {label} <input name={name} defaultValue={params.getAll(name).join(', ')} />
          </label>
        ))}
        {CHOICES.map(([name, label, options]) => (
          <label>
            {label}
            <select name={name} multiple size={3}>
              {options.map((o) => (
                <option selected={params.getAll(name).includes(o)}>{o}</option>
              ))}
            </select>
          </label>
        ))}
        {params.getAll('hash').map((h) => (
          <label>
            Keyed hash <input name="hash" defaultValue={h} class="mono" />
          </label>
        ))}
        <button type="submit">Apply</button>
        {search ? <a href="#/events">Clear filters</a> : null}
      </form>
      <p class="muted">User, device, destination and rule find a part of the value, whatever the case; separate several with commas; =value finds exactly that value. Choose several in a list with Ctrl or ⌘.</p>
      <SavedViews search={search} />
      {me.permissions.includes('events.export') ? (
        <p class="exports">
          Export this view: <a href={`/api/export?${new URLSearchParams([...params, ['format', 'csv']])}`}>CSV</a> · <a href={`/api/export?${new URLSearchParams([...params, ['format', 'ocsf']])}`}>OCSF JSON</a>
        </p>
      ) : null}
      {error ? <p role="alert">{error}</p> : null}
      {page ? (
        <>
          <p class="total" aria-live="polite">
            {total === undefined ? '' : `${current.total?.capped ? 'More than ' : ''}${total.toLocaleString('en')} ${total === 1 ? 'event' : 'events'}`}
          </p>
          <EventTable events={page.events} sort={{ current: sort, href: sorted }} />
          {page.events.length === 0 ? <p class="muted">No events match.</p> : null}
          <nav class="paging" aria-label="Pages">
            <button type="button" disabled={current.cursors.length === 1} onClick={() => setPaging({ ...current, cursors: current.cursors.slice(0, -1) })}>
              Newer
            </button>
            <span class="muted">Page {current.cursors.length}</span>
            <button type="button" disabled={!page.next} onClick={() => setPaging({ ...current, cursors: [...current.cursors, page.next] })}>
              Older
            </button>
          </nav>
        </>
      ) : null}
    </section>
  );
}

/** The signed-in person's saved views (theirs only): each a link to its filters; the current filters saved under a name. */
function SavedViews({ search }: { search: string }) {
  const [views, setViews] = useState<SavedView[]>([]);
  const [error, setError] = useState<ApiError>();
  const load = () => api<{ views: SavedView[] }>('/api/views').then((r) => setViews(r.views), setError);
  useEffect(() => void load(), []);
  const save = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    try {
      await api('/api/views', { method: 'POST', body: { name: String(new FormData(form).get('name')), query: search } });
      form.reset();
      setError(undefined);
      await load();
    } catch (err) {
      setError(err as ApiError);
    }
  };
  const remove = async (view: SavedView) => {
    await api(`/api/views/${view.id}`, { method: 'DELETE' }).catch(setError);
    await load();
  };
  return (
    <section class="views" aria-labelledby="views-title">
      <h2 id="views-title">Saved views</h2>
      {views.length ? (
        <ul>
          {views.map((v) => (
            <li>
              <a href={eventsHref(new URLSearchParams(v.query))} aria-current={v.query === new URLSearchParams(search).toString() ? 'page' : undefined}>
                {v.name}
              </a>{' '}
              <button type="button" aria-label={`Delete the saved view ${v.name}`} onClick={() => remove(v)}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">None yet: filter the events, then save the view under a name.</p>
      )}
      <form class="row" onSubmit={save} aria-label="Save this view">
        <label>
          Name of this view <input name="name" required maxLength={100} {...invalidAt(error, 'name', 'view-name-error')} />
        </label>
        <FieldError error={error} path="name" id="view-name-error" />
        <button type="submit">Save this view</button>
      </form>
      {error && !error.issues.length ? <p role="alert">{error.message}</p> : null}
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
  const rows: Array<[string, ComponentChild]> = [
    ['Time', when(e.time)],
    ['User', e.device.user && <a href={eventsOf('user', e.device.user)}>{e.device.user}</a>],
    // The device named someone other than the user it was enrolled with: shown, never trusted.
    ['Claimed user (unverified)', e.device.userVerified === false ? e.device.claimedUser : undefined],
    ['Device', <a href={eventsOf('device', e.device.id)}>{e.device.id}</a>],
    ['Browser', `${e.browser.name} ${e.browser.version}`],
    ['Channel', e.channel],
    [
      'Destination',
      <>
        <a href={eventsOf('host', e.destination.host)}>{e.destination.host}</a> ({e.destination.categories.join(', ') || 'uncategorised'})
      </>,
    ],
    ['Recipients’ domains', e.recipientDomains.join(', ') || undefined],
    ['File', e.file && `${e.file.name} (${e.file.type}, ${e.file.size} bytes)`],
    ['Rule', e.rule && <a href={eventsOf('rule', e.rule)}>{e.rule}</a>],
    ['Decision', e.action],
    ['Outcome', e.outcome],
    ['Justification', e.justification],
    // What the employee asked from the dialog of this decision: decided in the Requests view.
    [
      'Employee asked',
      e.request && (
        <>
          {KIND_LABELS[e.request.kind]}
          {e.request.reason ? `: ${e.request.reason}` : ''} (<a href="#/requests">Requests</a>)
        </>
      ),
    ],
    ['Exceptions used', e.exceptions?.length ? e.exceptions.join(', ') : undefined],
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
              <td class="mono">
                {f.hashes.map((h) => (
                  <>
                    <a href={eventsWithHash(h)} title="Other events with this value" aria-label={`Other events with the value hashed ${h.slice(0, 12)}`}>
                      {h.slice(0, 12)}
                    </a>{' '}
                  </>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
