import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, type Me } from './api';
import { Account } from './views/Account';
import { Admin } from './views/Admin';
import { Coaching } from './views/Coaching';
import { EventDetail, Events } from './views/Events';
import { IncidentDetail } from './views/IncidentDetail';
import { Incidents } from './views/Incidents';
import { Insights } from './views/Insights';
import { Login } from './views/Login';
import { Overview } from './views/Overview';
import { Partners } from './views/Partners';
import { PolicyEditor } from './views/PolicyEditor';
import { ProtectedData } from './views/ProtectedData';
import { Reports } from './views/Reports';
import { Requests } from './views/Requests';
import { Trace } from './views/Trace';

const PAGES: Array<{ path: string; label: string; permission: string }> = [
  { path: 'events', label: 'Events', permission: 'events.read' },
  { path: 'incidents', label: 'Incidents', permission: 'incidents.read' },
  { path: 'requests', label: 'Requests', permission: 'incidents.read' },
  { path: 'overview', label: 'Overview', permission: 'events.read' },
  { path: 'insights', label: 'Unusual behaviour', permission: 'insights.read' },
  { path: 'coaching', label: 'Coaching', permission: 'insights.read' },
  { path: 'policy', label: 'Policy', permission: 'policy.read' },
  { path: 'protected', label: 'Protected data', permission: 'policy.read' },
  { path: 'partners', label: 'Third parties', permission: 'policy.read' },
  { path: 'reports', label: 'Reports', permission: 'audit.read' },
  { path: 'trace', label: 'Find an identifier', permission: 'identifiers.search' },
  { path: 'admin', label: 'People and devices', permission: 'devices.read' },
];

function useHash(): string {
  const [hash, setHash] = useState(location.hash.slice(2));
  useEffect(() => {
    const on = () => setHash(location.hash.slice(2));
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return hash;
}

function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const hash = useHash();
  useEffect(() => {
    api<Me>('/api/me').then(setMe, (e: ApiError) => setMe(e.status === 401 ? null : undefined));
  }, []);
  if (me === undefined) return <p class="muted">Loading…</p>;
  if (me === null) return <Login onSignedIn={setMe} />;
  // #/events?user=hana: the page, its argument and the view's query (the events view keeps its filters there).
  const [path = '', search = ''] = hash.split('?');
  const [first, arg] = path.split('/');
  const page = first || 'events';
  const signOut = async () => {
    await api('/api/logout', { method: 'POST' }).catch(() => undefined);
    setMe(null);
  };
  return (
    <>
      <header>
        <strong>Bulwark</strong>
        <nav aria-label="Console">
          {PAGES.filter((p) => me.permissions.includes(p.permission)).map((p) => (
            <a href={`#/${p.path}`} aria-current={page === p.path ? 'page' : undefined}>
              {p.label}
            </a>
          ))}
        </nav>
        <span class="muted">
          {me.name} ({me.role.replace('_', ' ')})
        </span>
        <a href="#/account" aria-current={page === 'account' ? 'page' : undefined}>
          Account
        </a>
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      </header>
      <main>
        {page === 'events' && arg ? <EventDetail id={arg} me={me} /> : null}
        {page === 'events' && !arg ? <Events me={me} search={search} /> : null}
        {page === 'incidents' && arg ? <IncidentDetail id={arg} me={me} /> : null}
        {page === 'incidents' && !arg ? <Incidents me={me} /> : null}
        {page === 'requests' ? <Requests me={me} /> : null}
        {page === 'overview' ? <Overview /> : null}
        {page === 'insights' ? <Insights /> : null}
        {page === 'coaching' ? <Coaching me={me} /> : null}
        {page === 'policy' ? <PolicyEditor me={me} /> : null}
        {page === 'protected' ? <ProtectedData me={me} /> : null}
        {page === 'partners' ? <Partners me={me} /> : null}
        {page === 'reports' ? <Reports /> : null}
        {page === 'trace' ? <Trace /> : null}
        {page === 'admin' ? <Admin me={me} /> : null}
        {page === 'account' ? <Account me={me} /> : null}
      </main>
    </>
  );
}

render(<App />, document.getElementById('app')!);
