import { useEffect, useState } from 'preact/hooks';
import { api, when, type Me } from '../api';

interface Device {
  id: string;
  user: string | null;
  enrolledMs: number;
  lastSeenMs: number | null;
  droppedTotal: number;
  revoked: boolean;
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

const ROLES = ['viewer', 'analyst', 'policy_admin', 'admin'];

/** Devices for analysts; people, tokens, enrollment and the audit trail for admins. */
export function Admin({ me }: { me: Me }) {
  const isAdmin = me.permissions.includes('people.manage');
  const [devices, setDevices] = useState<Device[]>([]);
  const [users, setUsers] = useState<User[]>([]);
  const [tokens, setTokens] = useState<Token[]>([]);
  const [enrollment, setEnrollment] = useState<Token[]>([]);
  const [secret, setSecret] = useState('');
  const [check, setCheck] = useState<Check>();
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const [message, setMessage] = useState('');

  const load = async () => {
    setDevices((await api<{ devices: Device[] }>('/api/devices')).devices);
    if (!isAdmin) return;
    setUsers((await api<{ users: User[] }>('/api/users')).users);
    setTokens((await api<{ tokens: Token[] }>('/api/tokens')).tokens);
    setEnrollment((await api<{ tokens: Token[] }>('/api/enrollment-tokens')).tokens);
    const trail = (await api<{ entries: Array<Alert & { action: string }> }>('/api/audit')).entries;
    setAlerts(trail.filter((e) => e.action === 'login.throttled').slice(-20).reverse());
  };
  useEffect(() => {
    load().catch((e: Error) => setMessage(e.message));
  }, []);

  const act = (work: () => Promise<unknown>) => async (e?: Event) => {
    e?.preventDefault();
    try {
      await work();
      await load();
    } catch (err) {
      setMessage((err as Error).message);
    }
  };
  const fields = (e?: Event) => Object.fromEntries(new FormData(e!.currentTarget as HTMLFormElement)) as Record<string, string>;

  return (
    <section aria-labelledby="admin-title">
      <h1 id="admin-title">People and devices</h1>
      {message ? <p role="alert">{message}</p> : null}
      {secret ? (
        <p role="status" class="secret">
          Copy it now, it is not shown again: <code>{secret}</code>
        </p>
      ) : null}
      <h2>Devices</h2>
      <table>
        <thead>
          <tr>
            <th>Device</th>
            <th>User</th>
            <th>Enrolled</th>
            <th>Last seen</th>
            <th class="num">Events lost on the device</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {devices.map((d) => (
            <tr>
              <td>{d.id}</td>
              <td>{d.user ?? ''}</td>
              <td>{when(d.enrolledMs)}</td>
              <td>{d.lastSeenMs ? when(d.lastSeenMs) : 'never'}</td>
              <td class="num">{d.droppedTotal}</td>
              <td>{d.revoked ? 'revoked' : isAdmin ? <button onClick={act(() => api(`/api/devices/${encodeURIComponent(d.id)}`, { method: 'DELETE' }))}>Revoke</button> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
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
          <form class="row" aria-label="Add a person" onSubmit={(e) => act(() => api('/api/users', { method: 'POST', body: fields(e) }))(e)}>
            <input name="name" placeholder="name" required />
            <input name="password" type="password" placeholder="password (12+ characters)" required />
            <select name="role">
              {ROLES.map((r) => (
                <option>{r}</option>
              ))}
            </select>
            <button type="submit">Add person</button>
          </form>
          <h2>API tokens</h2>
          <TokenTable tokens={tokens} revoke={(id) => act(() => api(`/api/tokens/${id}`, { method: 'DELETE' }))()} />
          <form class="row" aria-label="New API token" onSubmit={(e) => act(async () => setSecret((await api<{ token: string }>('/api/tokens', { method: 'POST', body: fields(e) })).token))(e)}>
            <input name="label" placeholder="label" required />
            <select name="role">
              {ROLES.map((r) => (
                <option>{r}</option>
              ))}
            </select>
            <button type="submit">New API token</button>
          </form>
          <h2>Enrollment tokens</h2>
          <TokenTable tokens={enrollment} revoke={(id) => act(() => api(`/api/enrollment-tokens/${id}`, { method: 'DELETE' }))()} />
          <form class="row" aria-label="New enrollment token" onSubmit={(e) => act(async () => setSecret((await api<{ token: string }>('/api/enrollment-tokens', { method: 'POST', body: { label: fields(e).label } })).token))(e)}>
            <input name="label" placeholder="label (for example: all laptops)" required />
            <button type="submit">New enrollment token</button>
          </form>
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
        </>
      ) : null}
    </section>
  );
}

function TokenTable({ tokens, revoke }: { tokens: Token[]; revoke: (id: number) => void }) {
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
            <td>{t.revoked_ms ? 'revoked' : <button onClick={() => revoke(t.id)}>Revoke</button>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
