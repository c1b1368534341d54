import { useEffect, useState } from 'preact/hooks';
import { INCIDENT_STATUSES, type IncidentStatus } from '../../core/events/incident';
import { SEVERITIES } from '../../core/policy/schema';
import { api, ApiError, query, when, type Me } from '../api';
import { age, ruleLabel, STATUS_LABELS, type Incident } from '../incidents';
import { useConfirm } from './Confirm';
import { FieldError, invalidAt } from './FieldError';

interface Page {
  incidents: Incident[];
  total: number;
  byStatus: Record<IncidentStatus, number>;
}

const PAGE_SIZE = 50;
const NOBODY = '(nobody)';

/** Who may own an incident, for the owner choices (people who may triage). */
export function useOwners(): string[] {
  const [owners, setOwners] = useState<string[]>([]);
  useEffect(() => {
    api<{ owners: string[] }>('/api/incidents/owners').then((r) => setOwners(r.owners), () => undefined);
  }, []);
  return owners;
}

/** The incidents list: filters, totals per status, a page with checkboxes, and the bulk action bar. */
export function Incidents({ me }: { me: Me }) {
  const canTriage = me.permissions.includes('incidents.triage');
  const owners = useOwners();
  const [filters, setFilters] = useState<Record<string, string>>({ status: 'new' });
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Page>();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [error, setError] = useState<ApiError>();
  const [message, setMessage] = useState('');
  const { ask, dialog } = useConfirm();

  const load = () => api<Page>(`/api/incidents${query({ ...filters, offset: String(offset), limit: String(PAGE_SIZE) })}`).then(setPage, (e: ApiError) => setError(e));
  useEffect(() => {
    setError(undefined);
    void load();
  }, [JSON.stringify(filters), offset]);

  const apply = (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    setFilters(Object.fromEntries([...form].filter(([, v]) => v !== '').map(([k, v]) => [k, String(v)])));
    setOffset(0);
    setSelected(new Set());
  };

  const toggle = (id: number, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };

  const bulk = (e: Event) => {
    e.preventDefault();
    const form = Object.fromEntries(new FormData(e.currentTarget as HTMLFormElement)) as Record<string, string>;
    const change: Record<string, string | null> = {};
    if (form.status) change.status = form.status;
    if (form.owner) change.owner = form.owner === NOBODY ? null : form.owner;
    if (!Object.keys(change).length) {
      setError(new ApiError(400, 'Choose a status or an owner for the selected incidents.', [{ path: 'change', message: 'choose a status or an owner' }]));
      return;
    }
    const ids = [...selected];
    const what = [change.status && `status ${STATUS_LABELS[change.status as IncidentStatus]}`, 'owner' in change && `owner ${change.owner ?? 'nobody'}`].filter(Boolean).join(' and ');
    ask(`Set ${what} on ${ids.length} incident${ids.length === 1 ? '' : 's'}?`, `Change ${ids.length} incident${ids.length === 1 ? '' : 's'}`, async () => {
      try {
        await api('/api/incidents/bulk', { method: 'POST', body: { ids, change } });
        setError(undefined);
        setMessage(`Changed ${ids.length} incident${ids.length === 1 ? '' : 's'}: ${what}.`);
        setSelected(new Set());
        await load();
      } catch (err) {
        setError(err as ApiError);
      }
    });
  };

  const rows = page?.incidents ?? [];
  const allOnPage = rows.length > 0 && rows.every((i) => selected.has(i.id));
  return (
    <section aria-labelledby="incidents-title">
      <h1 id="incidents-title">Incidents</h1>
      {/* Uncontrolled (a new key per applied filter), so that ticking a row leaves a choice not yet applied as it is. */}
      <form class="filters" onSubmit={apply} aria-label="Filters" key={JSON.stringify(filters)}>
        <label>
          Status
          <select name="status">
            <option value="">any</option>
            {INCIDENT_STATUSES.map((s) => (
              <option value={s} selected={s === filters.status}>
                {STATUS_LABELS[s]}
                {page ? ` (${page.byStatus[s]})` : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          Severity
          <select name="severity">
            <option value="">any</option>
            {SEVERITIES.map((s) => (
              <option selected={s === filters.severity}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Owner
          <select name="owner">
            <option value="">anyone</option>
            {owners.map((o) => (
              <option selected={o === filters.owner}>{o}</option>
            ))}
          </select>
        </label>
        <label>
          Rule <input name="rule" defaultValue={filters.rule ?? ''} />
        </label>
        <label>
          User <input name="user" defaultValue={filters.user ?? ''} />
        </label>
        <button type="submit">Apply</button>
      </form>
      {error && !error.issues.some((i) => i.path === 'change') ? <p role="alert">{error.message}</p> : null}
      {message ? <p role="status">{message}</p> : null}
      {canTriage && selected.size ? (
        <form class="bulk" onSubmit={bulk} aria-label="Change the selected incidents">
          <span>{selected.size} selected</span>
          <label>
            New status
            <select name="status" {...invalidAt(error, 'change', 'bulk-error')}>
              <option value="">unchanged</option>
              {INCIDENT_STATUSES.map((s) => (
                <option value={s}>{STATUS_LABELS[s]}</option>
              ))}
            </select>
          </label>
          <label>
            New owner
            <select name="owner" {...invalidAt(error, 'change', 'bulk-error')}>
              <option value="">unchanged</option>
              <option>{NOBODY}</option>
              {owners.map((o) => (
                <option>{o}</option>
              ))}
            </select>
          </label>
          <button type="submit">Apply to selected</button>
          <FieldError error={error} path="change" id="bulk-error" />
        </form>
      ) : null}
      {dialog}
      {page ? (
        <>
          <table>
            <thead>
              <tr>
                {canTriage ? (
                  <th>
                    <input type="checkbox" aria-label="Select every incident on this page" checked={allOnPage} onChange={(e) => setSelected(new Set((e.currentTarget as HTMLInputElement).checked ? rows.map((i) => i.id) : []))} />
                  </th>
                ) : null}
                <th>Incident</th>
                <th>Severity</th>
                <th>Status</th>
                <th>Owner</th>
                <th>Rule</th>
                <th>User</th>
                <th class="num">Events</th>
                <th>Age</th>
                <th>Last event</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((i) => (
                <tr key={i.id}>
                  {canTriage ? (
                    <td>
                      <input type="checkbox" aria-label={`Select incident ${i.id}`} checked={selected.has(i.id)} onChange={(e) => toggle(i.id, (e.currentTarget as HTMLInputElement).checked)} />
                    </td>
                  ) : null}
                  <td>
                    <a href={`#/incidents/${i.id}`}>#{i.id}</a>
                  </td>
                  <td>
                    <span class={`severity ${i.severity}`}>{i.severity}</span>
                  </td>
                  <td>{STATUS_LABELS[i.status]}</td>
                  <td>{i.owner ?? <span class="muted">nobody</span>}</td>
                  <td>{ruleLabel(i.rule)}</td>
                  <td>{i.user ?? i.deviceId}</td>
                  <td class="num">{i.eventCount}</td>
                  <td title={`Opened ${when(i.createdMs)}`}>{age(i.createdMs)}</td>
                  <td>{when(i.lastEventMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length === 0 ? <p class="muted">No incidents match.</p> : null}
          <nav class="paging" aria-label="Pages">
            <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
              Previous
            </button>
            <span class="muted">
              {page.total ? `${offset + 1}–${offset + rows.length} of ${page.total}` : '0 of 0'}
            </span>
            <button type="button" disabled={offset + rows.length >= page.total} onClick={() => setOffset(offset + PAGE_SIZE)}>
              Next
            </button>
          </nav>
        </>
      ) : null}
    </section>
  );
}
