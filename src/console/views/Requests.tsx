import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, when, type Me } from '../api';
import { eventsHref, eventsOf } from '../event-links';
import { KIND_LABELS } from '../requests';
import { useConfirm } from './Confirm';
import { FieldError, invalidAt } from './FieldError';

interface Scope {
  thisHostOnly: boolean;
  theseValuesOnly: boolean;
  days: number;
}
interface Grant {
  id: string;
  grant: { id: string; user?: string; host?: string; rule?: string; hashes?: string[]; expiresAt: string };
  requestId: string | null;
  createdMs: number;
  createdBy: string;
  expiresMs: number;
  revokedMs: number | null;
  revokedBy: string | null;
  state: 'in-force' | 'expired' | 'revoked';
}
export interface EmployeeRequestItem {
  id: string;
  kind: 'false-positive' | 'exception';
  status: 'open' | 'approved' | 'rejected';
  createdMs: number;
  deviceId: string;
  user: string | null;
  rule: string | null;
  host: string;
  channel: string;
  action: string;
  types: string[];
  hashes: string[];
  reason: string | null;
  scope: Scope | null;
  decidedMs: number | null;
  decidedBy: string | null;
  answer: string | null;
  grant: Grant | null;
  notGrantable: string | null;
}

const STATE_LABELS = { 'in-force': 'in force', expired: 'expired', revoked: 'revoked' } as const;
const DEFAULT_DAYS = 30;

const who = (r: Pick<EmployeeRequestItem, 'user' | 'deviceId'>) => r.user ?? `device ${r.deviceId}`;
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** The events with any of these keyed hashes: other events with the same values. */
const withHashes = (hashes: readonly string[]) => {
  const q = new URLSearchParams();
  for (const h of hashes) q.append('hash', h);
  return eventsHref(q);
};

/** What the employee asked for, in words. */
function scopeText(r: EmployeeRequestItem): string {
  if (r.kind === 'false-positive') return 'Says the content is not sensitive.';
  const s = r.scope!;
  return [`For ${who(r)}`, s.thisHostOnly ? `at ${r.host} only` : 'at every host', s.theseValuesOnly ? 'for these values only' : `for everything ${r.rule ?? 'the rule'} finds`, `for ${plural(s.days, 'day')}`].join(', ') + '.';
}

/** What a grant lets through, in words. */
function grantText(g: Grant['grant']): string {
  return [g.user ? `for ${g.user}` : 'for everyone', g.host ? `at ${g.host}` : 'at every host', g.rule ? `rule ${g.rule}` : 'every rule', g.hashes ? plural(g.hashes.length, 'value') + ' only' : 'all values'].join(', ');
}

function Found({ r }: { r: EmployeeRequestItem }) {
  return (
    <>
      {r.types.join(', ') || 'nothing named'} — <a href={`#/events/${r.id}`}>the event</a>
      {r.hashes.length ? (
        <>
          {' '}
          · <a href={withHashes(r.hashes)}>other events with {r.hashes.length === 1 ? 'this value' : 'these values'}</a>
        </>
      ) : null}
      {r.user ? (
        <>
          {' '}
          · <a href={eventsOf('user', r.user)}>{r.user}'s events</a>
        </>
      ) : null}
    </>
  );
}

/**
 * Employees' requests from the browser's dialog: "this isn't sensitive" (a false-positive report) and exception
 * requests. Open ones first, each with what was found and asked, to approve (with a grant that travels in the
 * signed policy) or reject with a note the employee sees in the browser; then the decided ones, and the
 * exceptions granted, in force or ended, with Revoke.
 */
export function Requests({ me }: { me: Me }) {
  const canDecide = me.permissions.includes('incidents.triage') || me.permissions.includes('policy.write');
  const canGrant = me.permissions.includes('policy.write');
  const [requests, setRequests] = useState<EmployeeRequestItem[]>();
  const [grants, setGrants] = useState<Grant[]>([]);
  const [deciding, setDeciding] = useState<{ id: string; status: 'approved' | 'rejected' }>();
  const [error, setError] = useState<ApiError>();
  const [message, setMessage] = useState('');
  const { ask, dialog } = useConfirm();
  const load = async () => {
    const [r, g] = await Promise.all([api<{ requests: EmployeeRequestItem[] }>('/api/requests'), api<{ exceptions: Grant[] }>('/api/exceptions')]);
    setRequests(r.requests);
    setGrants(g.exceptions);
  };
  useEffect(() => {
    load().catch((e: Error) => setMessage(e.message));
  }, []);

  const run = async (work: () => Promise<string>) => {
    setError(undefined);
    try {
      setMessage(await work());
      setDeciding(undefined);
      await load();
    } catch (e) {
      if (e instanceof ApiError) setError(e);
      setMessage('');
    }
  };

  const submit = (r: EmployeeRequestItem, status: 'approved' | 'rejected') => (e: Event) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const answer = String(data.get('answer') ?? '').trim();
    const granting = status === 'approved' && (r.kind === 'exception' || data.get('grant') === 'on');
    const grant = granting ? { everyone: data.get('everyone') === 'on', everyHost: data.get('everyHost') === 'on', theseValuesOnly: data.get('theseValuesOnly') === 'on', days: Number(data.get('days')) } : undefined;
    const body = { status, ...(answer ? { answer } : {}), ...(grant ? { grant } : {}) };
    const send = () =>
      run(async () => {
        await api(`/api/requests/${r.id}/decision`, { method: 'POST', body });
        return status === 'rejected' ? `Rejected; ${who(r)} sees the answer in the browser.` : grant ? `Approved: the exception is in the policy published now; browsers take it with their next policy.` : `Approved; ${who(r)} sees it in the browser.`;
      });
    if (grant)
      ask(
        `Grant an exception ${grantText({ id: r.id, ...(grant.everyone ? {} : { user: r.user ?? undefined }), ...(grant.everyHost ? {} : { host: r.host }), rule: r.rule ?? undefined, ...(grant.theseValuesOnly ? { hashes: r.hashes } : {}), expiresAt: '' })}, for ${plural(grant.days, 'day')}? The policy is published again with it.`,
        'Grant and publish',
        send,
      );
    else void send();
  };

  const revoke = (g: Grant) =>
    ask(`Revoke the exception ${grantText(g.grant)}? The policy is published again without it.`, 'Revoke and publish', () =>
      run(async () => {
        await api(`/api/exceptions/${encodeURIComponent(g.id)}`, { method: 'DELETE' });
        return 'Revoked: the policy published now no longer carries it.';
      }),
    );

  const open = requests?.filter((r) => r.status === 'open') ?? [];
  const decided = requests?.filter((r) => r.status !== 'open') ?? [];
  const formError = (r: EmployeeRequestItem) => (deciding?.id === r.id ? error : undefined);

  return (
    <section aria-labelledby="requests-title">
      <h1 id="requests-title">Employees' requests</h1>
      <p class="muted">
        From the browser's dialog: "This isn't sensitive" reports and exception requests, with the event they were made on. An approved exception travels in the signed policy with its
        expiry; the employee sees the answer in the browser.
      </p>
      {dialog}
      {message ? <p role="status">{message}</p> : null}
      {error && !deciding ? <p role="alert">{error.message}</p> : null}
      {!requests ? <p class="muted">Loading…</p> : null}

      <h2>Open ({open.length})</h2>
      {requests && !open.length ? <p class="muted">Nothing waits for a decision.</p> : null}
      {open.map((r) => {
        const err = formError(r);
        const values = r.hashes.length > 0;
        return (
          <article class="request" aria-labelledby={`request-${r.id}`} key={r.id}>
            <h3 id={`request-${r.id}`}>
              {KIND_LABELS[r.kind]}: {who(r)}
            </h3>
            <dl class="detail">
              <dt>When</dt>
              <dd>{when(r.createdMs)}</dd>
              <dt>Rule</dt>
              <dd>{r.rule ?? <span class="muted">none (no rule decided this)</span>}</dd>
              <dt>Where</dt>
              <dd>
                {r.host} ({r.channel}, {r.action})
              </dd>
              <dt>Found</dt>
              <dd>
                <Found r={r} />
              </dd>
              <dt>Reason</dt>
              <dd>{r.reason ?? <span class="muted">none given</span>}</dd>
              <dt>Asks</dt>
              <dd>{scopeText(r)}</dd>
            </dl>
            {r.notGrantable ? <p class="field-error">{r.notGrantable}</p> : null}
            {canDecide ? (
              <p>
                {!r.notGrantable && (r.kind === 'false-positive' || canGrant) ? (
                  <button type="button" onClick={() => (setError(undefined), setDeciding({ id: r.id, status: 'approved' }))}>
                    Approve…
                  </button>
                ) : null}{' '}
                <button type="button" onClick={() => (setError(undefined), setDeciding({ id: r.id, status: 'rejected' }))}>
                  Reject…
                </button>
              </p>
            ) : null}
            {deciding?.id === r.id ? (
              <form class="decision fields" onSubmit={submit(r, deciding.status)} aria-label={`${deciding.status === 'approved' ? 'Approve' : 'Reject'} the request of ${who(r)}`} key={`${r.id}-${deciding.status}`}>
                {deciding.status === 'approved' ? (
                  <fieldset>
                    <legend>{r.kind === 'exception' ? 'The exception' : 'A grant (optional)'}</legend>
                    {r.kind === 'false-positive' ? (
                      <label class="check">
                        <input type="checkbox" name="grant" disabled={!canGrant} /> Let {values ? (r.hashes.length === 1 ? 'this value' : 'these values') : 'this'} through (a grant in the policy)
                      </label>
                    ) : null}
                    <label class="check">
                      <input type="checkbox" name="everyone" {...invalidAt(err, 'grant.everyone', `everyone-${r.id}`)} /> For everyone, not only {who(r)}
                    </label>
                    <FieldError error={err} path="grant.everyone" id={`everyone-${r.id}`} />
                    <label class="check">
                      <input type="checkbox" name="everyHost" defaultChecked={r.kind === 'false-positive' || !r.scope?.thisHostOnly} /> At every host, not only {r.host}
                    </label>
                    <label class="check">
                      <input type="checkbox" name="theseValuesOnly" defaultChecked={r.kind === 'false-positive' ? values : !!r.scope?.theseValuesOnly} {...invalidAt(err, 'grant.theseValuesOnly', `values-${r.id}`)} /> These values only
                      {values ? ` (${plural(r.hashes.length, 'value')})` : ' (the event carries none)'}
                    </label>
                    <FieldError error={err} path="grant.theseValuesOnly" id={`values-${r.id}`} />
                    <label>
                      Days
                      <input type="number" name="days" min={1} max={90} required defaultValue={String(r.scope?.days ?? DEFAULT_DAYS)} {...invalidAt(err, 'grant.days', `days-${r.id}`)} />
                    </label>
                    <FieldError error={err} path="grant.days" id={`days-${r.id}`} />
                  </fieldset>
                ) : null}
                <label>
                  Note to the employee
                  <textarea name="answer" rows={2} maxLength={500} {...invalidAt(err, 'answer', `answer-${r.id}`)} />
                </label>
                <FieldError error={err} path="answer" id={`answer-${r.id}`} />
                {err && !err.issues.length ? <p role="alert">{err.message}</p> : null}
                {err && err.issues.length && !err.issues.some((i) => ['answer', 'grant.days', 'grant.everyone', 'grant.theseValuesOnly'].includes(i.path)) ? <p role="alert">{err.message}</p> : null}
                <p>
                  <button type="submit">{deciding.status === 'approved' ? 'Approve' : 'Reject'}</button>{' '}
                  <button type="button" onClick={() => (setDeciding(undefined), setError(undefined))}>
                    Cancel
                  </button>
                </p>
              </form>
            ) : null}
          </article>
        );
      })}

      <h2>Decided</h2>
      {requests && !decided.length ? <p class="muted">None yet.</p> : null}
      {decided.length ? (
        <div class="table-scroll" tabIndex={0} role="region" aria-label="Decided requests (scrolls sideways)">
          <table aria-label="Decided requests">
            <thead>
              <tr>
                <th>Request</th>
                <th>From</th>
                <th>Rule and host</th>
                <th>Decision</th>
                <th>Note to the employee</th>
              </tr>
            </thead>
            <tbody>
              {decided.map((r) => (
                <tr key={r.id}>
                  <td>
                    <a href={`#/events/${r.id}`}>{KIND_LABELS[r.kind]}</a>
                    <div class="muted">{when(r.createdMs)}</div>
                  </td>
                  <td>{who(r)}</td>
                  <td>
                    {r.rule ?? 'no rule'} at {r.host}
                  </td>
                  <td>
                    {r.status} by {r.decidedBy}
                    {r.decidedMs ? <div class="muted">{when(r.decidedMs)}</div> : null}
                    {r.grant ? <div>exception {STATE_LABELS[r.grant.state]}, to {when(r.grant.expiresMs)}</div> : null}
                  </td>
                  <td>{r.answer ?? <span class="muted">none</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <h2>Exceptions granted</h2>
      {!grants.length ? <p class="muted">No exception is in force or ended in the last 30 days.</p> : null}
      {grants.length ? (
        <div class="table-scroll" tabIndex={0} role="region" aria-label="Exceptions granted (scrolls sideways)">
          <table aria-label="Exceptions granted">
            <thead>
              <tr>
                <th>Exception</th>
                <th>Expires</th>
                <th>State</th>
                <th>Granted by</th>
                {canGrant ? <th>Change</th> : null}
              </tr>
            </thead>
            <tbody>
              {grants.map((g) => (
                <tr key={g.id}>
                  <td>
                    {grantText(g.grant)}
                    {g.requestId ? (
                      <div>
                        <a href={`#/events/${g.requestId}`}>the request's event</a>
                      </div>
                    ) : null}
                  </td>
                  <td>{when(g.expiresMs)}</td>
                  <td>
                    {STATE_LABELS[g.state]}
                    {g.revokedBy ? ` by ${g.revokedBy}` : ''}
                  </td>
                  <td>{g.createdBy}</td>
                  {canGrant ? (
                    <td>
                      {g.state === 'in-force' ? (
                        <button type="button" onClick={() => revoke(g)} aria-label={`Revoke the exception ${grantText(g.grant)}`}>
                          Revoke
                        </button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
