import { useEffect, useState } from 'preact/hooks';
import type { FleetSummary as Fleet, VersionCount } from '../../core/fleet/summary';
import { api, ApiError, when, type Me } from '../api';
import { useConfirm } from './Confirm';
import { CopyButton } from './CopyButton';
import { EnrollmentSettings } from './EnrollmentSettings';
import { FieldError, invalidAt } from './FieldError';

interface Device {
  id: string;
  user: string | null;
  enrolledMs: number;
  lastSeenMs: number | null;
  droppedTotal: number;
  revoked: boolean;
  policyVersion: number | null;
  extensionVersion: string | null;
}
interface User {
  name: string;
  role: string;
}
interface Token {
  id: number;
  label: string;
  role?: string;
  /** API tokens: what the token may do now (its creator's role bounds it); null: it no longer works. */
  effective_role?: string | null;
  created_by?: string;
  created_ms: number;
  expires_ms?: number;
  revoked_ms: number | null;
}
type Check = { ok: boolean; entries: number; reason?: string };
type Alert = { seq: number; timeMs: number; target: string; detail: { scope?: string; address?: string; attempts?: number } };
type AuditEntry = { seq: number; timeMs: number; actor: string; action: string; target: string; detail: Record<string, unknown> };

const ROLES = ['viewer', 'analyst', 'policy_admin', 'admin'];

/** Devices for analysts; people, tokens, enrollment and the audit trail for admins. */
export function Admin({ me }: { me: Me }) {
  const isAdmin = me.permissions.includes('people.manage');
  const [devices, setDevices] = useState<Device[]>([]);
  const [users, setUsers] = useState<User[]>([]);
  const [tokens, setTokens] = useState<Token[]>([]);
  const [enrollment, setEnrollment] = useState<Token[]>([]);
  const [fleet, setFleet] = useState<Fleet>();
  const [staleDays, setStaleDays] = useState(7);
  const [secret, setSecret] = useState('');
  /** The enrollment token just made (its settings are shown with it). */
  const [enrollToken, setEnrollToken] = useState('');
  const [check, setCheck] = useState<Check>();
  const [trail, setTrail] = useState<AuditEntry[]>([]);
  const [message, setMessage] = useState('');
  /** The form whose fields the API found fault with, and what it said (shown at each field). */
  const [invalid, setInvalid] = useState<{ form: string; error: ApiError }>();
  const { ask, dialog } = useConfirm();

  const load = async () => {
    setDevices((await api<{ devices: Device[] }>('/api/devices')).devices);
    setFleet(await api<Fleet>(`/api/fleet?staleDays=${staleDays}`));
    if (!isAdmin) return;
    setUsers((await api<{ users: User[] }>('/api/users')).users);
    setTokens((await api<{ tokens: Token[] }>('/api/tokens')).tokens);
    setEnrollment((await api<{ tokens: Token[] }>('/api/enrollment-tokens')).tokens);
    setTrail((await api<{ entries: AuditEntry[] }>('/api/audit')).entries.reverse());
  };
  useEffect(() => {
    load().catch((e: Error) => setMessage(e.message));
  }, [staleDays]);
  const staleSince = Date.now() - staleDays * 86_400_000;

  const alerts = trail.filter((e) => e.action === 'login.throttled').slice(0, 20) as unknown as Alert[];
  /** Runs a change and reloads; a refusal about fields is shown at those fields of `form`, any other above. */
  const act = (work: () => Promise<unknown>, form?: string) => async (e?: Event) => {
    e?.preventDefault();
    const target = e?.currentTarget as HTMLFormElement | undefined;
    try {
      await work();
      setInvalid(undefined);
      setMessage('');
      target?.reset?.();
      await load();
    } catch (err) {
      const error = err as ApiError;
      if (form && error.issues.length) setInvalid({ form, error });
      else setMessage(error.message);
    }
  };
  const errorOf = (form: string) => (invalid?.form === form ? invalid.error : undefined);
  /** A labelled field with the API's word about it beside it. */
  const field = (form: string, name: string, label: string, props: Record<string, unknown> = {}) => {
    const id = `${form}-${name}`;
    return (
      <label>
        {label}
        <input id={id} name={name} required {...props} {...invalidAt(errorOf(form), name, `${id}-error`)} />
        <FieldError error={errorOf(form)} path={name} id={`${id}-error`} />
      </label>
    );
  };
  const roleField = () => (
    <label>
      Role
      <select name="role">
        {ROLES.map((r) => (
          <option>{r}</option>
        ))}
      </select>
    </label>
  );
  const revoke = (what: string, path: string) => ask(`Revoke ${what}? It stops working at once.`, `Revoke ${what}`, act(() => api(path, { method: 'DELETE' })));
  const fields = (e?: Event) => Object.fromEntries(new FormData(e!.currentTarget as HTMLFormElement)) as Record<string, string>;

  return (
    <section aria-labelledby="admin-title">
      <h1 id="admin-title">People and devices</h1>
      {message ? <p role="alert">{message}</p> : null}
      {dialog}
      {secret ? <Secret value={secret} /> : null}
      <h2>Devices</h2>
      {fleet ? <FleetSummary fleet={fleet} staleDays={staleDays} setStaleDays={setStaleDays} /> : null}
      <div class="table-scroll">
        <table aria-label="Devices">
          <thead>
            <tr>
              <th scope="col">Device</th>
              <th scope="col">User</th>
              <th scope="col">Policy</th>
              <th scope="col">Extension</th>
              <th scope="col">Enrolled</th>
              <th scope="col">Last contact</th>
              <th scope="col" class="num">Events lost on the device</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {devices.map((d) => (
              <tr data-device={d.id}>
                <td>{d.id}</td>
                <td>{d.user ?? ''}</td>
                <td>
                  {d.policyVersion === null ? <span class="muted">not said</span> : `v${d.policyVersion}`}
                  {d.policyVersion !== null && fleet?.policyVersion !== null && d.policyVersion !== fleet?.policyVersion && !d.revoked ? <span class="muted"> (behind)</span> : null}
                </td>
                <td>{d.extensionVersion ?? <span class="muted">not said</span>}</td>
                <td>{when(d.enrolledMs)}</td>
                <td>
                  {d.lastSeenMs ? when(d.lastSeenMs) : 'never'}
                  {!d.revoked && (d.lastSeenMs ?? d.enrolledMs) < staleSince ? <span class="muted"> (stale)</span> : null}
                </td>
                <td class="num">{d.droppedTotal}</td>
                <td>{d.revoked ? 'revoked' : isAdmin ? <button onClick={() => revoke(`device ${d.id}`, `/api/devices/${encodeURIComponent(d.id)}`)}>Revoke</button> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {isAdmin ? (
        <>
          <h2>People</h2>
          <table>
            <tbody>
              {users.map((u) => (
                <tr>
                  <td>{u.name}</td>
                  <td>
                    <select aria-label={`Role of ${u.name}`} value={u.role} onChange={(e) => act(() => api(`/api/users/${encodeURIComponent(u.name)}`, { method: 'PATCH', body: { role: (e.target as HTMLSelectElement).value } }))()}>
                      {ROLES.map((r) => (
                        <option>{r}</option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <form class="row fields" aria-label="Add a person" onSubmit={(e) => act(() => api('/api/users', { method: 'POST', body: fields(e) }), 'person')(e)}>
            {field('person', 'name', 'Name', { autocomplete: 'off' })}
            {field('person', 'password', 'Password', { type: 'password', placeholder: '12+ characters', autocomplete: 'new-password' })}
            {roleField()}
            <button type="submit">Add person</button>
          </form>
          <h2>API tokens</h2>
          <TokenTable tokens={tokens} revoke={(t) => revoke(`the token ${t.label}`, `/api/tokens/${t.id}`)} />
          <form class="row fields" aria-label="New API token" onSubmit={(e) => act(async () => setSecret((await api<{ token: string }>('/api/tokens', { method: 'POST', body: fields(e) })).token), 'token')(e)}>
            {field('token', 'label', 'Label', { placeholder: 'for example: SOAR playbooks' })}
            {roleField()}
            <button type="submit">New API token</button>
          </form>
          <h2>Enrollment tokens</h2>
          <TokenTable tokens={enrollment} revoke={(t) => revoke(`the enrollment token ${t.label}`, `/api/enrollment-tokens/${t.id}`)} />
          <form class="row fields" aria-label="New enrollment token" onSubmit={(e) => act(async () => setEnrollToken((await api<{ token: string }>('/api/enrollment-tokens', { method: 'POST', body: { label: fields(e).label } })).token), 'enrollment')(e)}>
            {field('enrollment', 'label', 'Label', { placeholder: 'label (for example: all laptops)' })}
            <button type="submit">New enrollment token</button>
          </form>
          {enrollToken ? <Secret value={enrollToken} /> : null}
          <EnrollmentSettings token={enrollToken} />
          <h2>Sign-in alerts</h2>
          {alerts.length ? (
            <table aria-label="Sign-in alerts">
              <thead>
                <tr>
                  <th>When</th>
                  <th>Account</th>
                  <th>Slowed down for</th>
                  <th>Address</th>
                  <th class="num">Attempts</th>
                </tr>
              </thead>
              <tbody>
                {alerts.map((a) => (
                  <tr key={a.seq}>
                    <td>{when(a.timeMs)}</td>
                    <td>{a.target}</td>
                    <td>{a.detail.scope === 'account+address' ? 'this account from this address' : a.detail.scope === 'account' ? 'this account from new addresses' : 'this address, any account'}</td>
                    <td>{a.detail.address}</td>
                    <td class="num">{a.detail.attempts}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p class="muted">No account or address has been slowed down.</p>
          )}
          <h2>Audit trail</h2>
          <p>
            <button type="button" onClick={act(async () => setCheck(await api<Check>('/api/audit/verify')))}>
              Verify the audit trail
            </button>{' '}
            {check ? <span role="status">{check.ok ? `Intact: ${check.entries} entries, every link checked.` : `BROKEN: ${check.reason}`}</span> : null}
          </p>
          <AuditTrail entries={trail} />
        </>
      ) : null}
    </section>
  );
}

/** A new token, shown once, with a button that copies it. */
function Secret({ value }: { value: string }) {
  return (
    <p role="status" class="secret">
      Copy it now, it is not shown again: <code>{value}</code> <CopyButton value={value} />
    </p>
  );
}

/** "1,204 of 1,250 browsers on policy v7", the devices gone quiet, and the versions that run. */
function FleetSummary({ fleet, staleDays, setStaleDays }: { fleet: Fleet; staleDays: number; setStaleDays: (days: number) => void }) {
  const n = (v: number) => v.toLocaleString('en');
  const versions = <V,>(counts: VersionCount<V>[], name: (v: V) => string) => counts.map((c) => `${c.version === null ? 'not said' : name(c.version)}: ${n(c.devices)}`).join(', ');
  return (
    <div class="fleet" aria-label="Fleet summary" role="group">
      <p data-testid="fleet-line">
        {fleet.policyVersion === null ? `${n(fleet.devices)} browsers; no policy published yet.` : `${n(fleet.onCurrentPolicy)} of ${n(fleet.devices)} browsers on policy v${fleet.policyVersion}`}
        {'; '}
        {n(fleet.stale)} without contact for {fleet.staleDays} {fleet.staleDays === 1 ? 'day' : 'days'} or more.
      </p>
      <p class="muted">
        Policy versions: {versions(fleet.policyVersions, (v) => `v${v}`) || 'none'}. Extension versions: {versions(fleet.extensionVersions, String) || 'none'}.
      </p>
      <label class="row">
        Stale after (days)
        <input type="number" min={1} max={365} value={staleDays} onChange={(e) => setStaleDays(Math.min(365, Math.max(1, Number((e.target as HTMLInputElement).value) || 7)))} />
      </label>
    </div>
  );
}

/** The audit trail, newest first, filtered by a part of its actor, action or target. */
function AuditTrail({ entries }: { entries: AuditEntry[] }) {
  const [filter, setFilter] = useState('');
  const [limit, setLimit] = useState(50);
  const wanted = filter.trim().toLowerCase();
  const shown = entries.filter((e) => !wanted || [e.actor, e.action, e.target].some((v) => v.toLowerCase().includes(wanted)));
  return (
    <>
      <label class="row">
        Filter the trail (who, what, on what) <input type="search" value={filter} onInput={(e) => setFilter((e.target as HTMLInputElement).value)} />
      </label>
      <p class="muted">
        {shown.length.toLocaleString('en')} of {entries.length.toLocaleString('en')} entries
      </p>
      {/* Long details make it scroll sideways: focusable, so that a keyboard scrolls it too (axe: scrollable-region-focusable). */}
      <div class="table-scroll" tabIndex={0} role="region" aria-label="Audit trail (scrolls sideways)">
        <table aria-label="Audit trail">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">On what</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, limit).map((e) => (
              <tr key={e.seq}>
                <td class="num">{e.seq}</td>
                <td>{when(e.timeMs)}</td>
                <td>{e.actor}</td>
                <td>{e.action}</td>
                <td>{e.target}</td>
                <td class="mono">{JSON.stringify(e.detail)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length > limit ? (
        <button type="button" onClick={() => setLimit(limit + 200)}>
          Show more
        </button>
      ) : null}
    </>
  );
}

function TokenTable({ tokens, revoke }: { tokens: Token[]; revoke: (token: Token) => void }) {
  return (
    <table>
      <tbody>
        {tokens.map((t) => (
          <tr>
            <td>{t.label}</td>
            <td>
              {t.role ?? (t.expires_ms ? `until ${when(t.expires_ms)}` : '')}
              {t.effective_role === null && !t.revoked_ms ? <span class="muted"> (not working: {t.created_by} can no longer make tokens)</span> : null}
              {t.effective_role && t.effective_role !== t.role ? <span class="muted"> (acts as {t.effective_role}, the role of {t.created_by})</span> : null}
            </td>
            <td>{when(t.created_ms)}</td>
            <td>{t.revoked_ms ? 'revoked' : <button onClick={() => revoke(t)}>Revoke</button>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
