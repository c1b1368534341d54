import { useEffect, useState } from 'preact/hooks';
import { AGREEMENT_KINDS, PARTNER_KINDS, type Partner } from '../../core/policy/partners';
import { api, when, type Me } from '../api';
import { ChangeOutcome, useChanges } from './Changes';
import { useConfirm } from './Confirm';

interface Volume {
  events: number;
  sent: number;
  blocked: number;
  received: Record<'phi' | 'pii' | 'secret' | 'ip', number>;
  lastMs: number | null;
}
type Standing = 'in-force' | 'expiring' | 'expired';
interface View {
  from: string;
  to: string;
  partners: Array<Omit<Partner, 'agreements'> & { volume: Volume; agreements: Array<Partner['agreements'][number] & { standing: Standing; daysLeft: number | null }> }>;
  unknown: Array<{ party: string; volume: Volume }>;
  expiring: Array<{ partner: string; name: string; kind: string; expires: string; standing: Standing; daysLeft: number }>;
}

const CATEGORIES = ['phi', 'pii', 'secret', 'ip'] as const;
const LABELS = { baa: 'BAA', dpa: 'DPA', confidentiality: 'confidentiality', quality: 'quality agreement' } as const;

/** "baa phi 2027-03-31" per line: an agreement's kind, categories and last day. */
const agreementsText = (p?: Pick<Partner, 'agreements'>) => (p?.agreements ?? []).map((a) => [a.kind, a.categories.join(','), a.expires ?? ''].join(' ').trim()).join('\n');
function agreementsOf(text: string): Partner['agreements'] {
  return text
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((w) => w[0])
    .map(([kind, categories = '', expires]) => ({ kind, categories: categories.split(',').filter(Boolean), ...(expires ? { expires } : {}) }) as Partner['agreements'][number]);
}
const names = (text: FormDataEntryValue | null) => String(text ?? '').split(/[\s,]+/).filter(Boolean);

function VolumeCells({ v }: { v: Volume }) {
  return (
    <>
      {CATEGORIES.map((c) => (
        <td class="num">{v.received[c] ? v.received[c].toLocaleString() : ''}</td>
      ))}
      <td class="num">{v.events.toLocaleString()}</td>
      <td class="num">{v.blocked ? v.blocked.toLocaleString() : ''}</td>
      <td>{v.lastMs ? when(v.lastMs) : ''}</td>
    </>
  );
}
const VOLUME_HEADERS = ['PHI', 'Personal data', 'Secrets', 'IP', 'Events', 'Blocked', 'Last'];

/**
 * The third-party register: who receives the organisation's data (unknown parties first, then partners by data
 * received over the last 90 days), their agreements and when they end; add, edit, remove, CSV import and export.
 * Every change goes to browsers inside the next signed policy.
 */
export function Partners({ me }: { me: Me }) {
  const canWrite = me.permissions.includes('policy.write');
  const [view, setView] = useState<View>();
  const [editing, setEditing] = useState<Partial<Partner> & { isNew?: boolean }>();
  const load = async () => setView(await api<View>('/api/partners'));
  const { message, setMessage, issues, act } = useChanges(load);
  const { ask, dialog } = useConfirm();
  useEffect(() => {
    load().catch((e: Error) => setMessage(e.message));
  }, []);

  const save = act(async (e) => {
    const data = new FormData(e!.currentTarget as HTMLFormElement);
    const partner = {
      id: String(data.get('id')),
      name: String(data.get('name')),
      kind: String(data.get('kind')),
      owner: String(data.get('owner')),
      domains: names(data.get('domains')),
      hosts: names(data.get('hosts')),
      agreements: agreementsOf(String(data.get('agreements') ?? '')),
    };
    const isNew = editing?.isNew;
    await api(isNew ? '/api/partners' : `/api/partners/${partner.id}`, { method: isNew ? 'POST' : 'PUT', body: partner });
    setEditing(undefined);
    return `${partner.name} saved; browsers take the register with the next policy.`;
  });

  const importCsv = (file: File) =>
    act(async () => {
      const r = await api<{ created: string[]; updated: string[] }>('/api/partners/import', { method: 'POST', text: { body: await file.text(), type: 'text/csv' } });
      return `Imported: ${r.created.length} added, ${r.updated.length} replaced.`;
    })();

  const partnerOf = (id: string) => view?.partners.find((p) => p.id === id);
  return (
    <section aria-labelledby="partners-title">
      <h1 id="partners-title">Third parties</h1>
      <p class="muted">
        Where data went {view ? `from ${view.from.slice(0, 10)} to ${view.to.slice(0, 10)}` : ''}: each event's recipients (or, without recipients, its destination) resolved to a
        partner by its domains and hosts, subdomains included. Rules say <code>match.party</code> (covered, uncovered, unknown) to act on it.
      </p>
      {dialog}
      <ChangeOutcome message={message} issues={issues} />

      {view?.expiring.length ? (
        <>
          <h2>Agreements to renew</h2>
          <ul aria-label="Agreements expired or ending within 30 days">
            {view.expiring.map((x) => (
              <li>
                {x.name}: {LABELS[x.kind as keyof typeof LABELS]} {x.standing === 'expired' ? `expired on ${x.expires}` : `ends on ${x.expires} (in ${x.daysLeft} days)`}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>Unknown external parties</h2>
      <table aria-label="Unknown external parties">
        <thead>
          <tr>
            <th>Domain or host</th>
            {VOLUME_HEADERS.map((h) => (
              <th class={h === 'Last' ? undefined : 'num'}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view?.unknown.map((u) => (
            <tr>
              <td>
                <code>{u.party}</code>
              </td>
              <VolumeCells v={u.volume} />
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Partners</h2>
      <p>
        <a href="/api/partners/export" download="bulwark-partners.csv">
          Export CSV
        </a>
        {canWrite ? (
          <>
            {' '}
            <label>
              Import CSV <input type="file" accept=".csv,text/csv" onChange={(e) => importCsv((e.currentTarget as HTMLInputElement).files![0]!)} />
            </label>{' '}
            <button type="button" onClick={() => setEditing({ isNew: true })}>
              Add a partner
            </button>
          </>
        ) : null}
      </p>
      <table aria-label="Partners">
        <thead>
          <tr>
            <th>Partner</th>
            <th>Kind</th>
            <th>Agreements</th>
            <th>Owner</th>
            {VOLUME_HEADERS.map((h) => (
              <th class={h === 'Last' ? undefined : 'num'}>{h}</th>
            ))}
            {canWrite ? <th /> : null}
          </tr>
        </thead>
        <tbody>
          {view?.partners.map((p) => (
            <tr>
              <td>
                {p.name} <span class="muted">{[...p.domains, ...p.hosts].join(', ')}</span>
              </td>
              <td>{p.kind}</td>
              <td>
                {p.agreements.length
                  ? p.agreements.map((a) => (
                      <div class={a.standing === 'in-force' ? undefined : 'field-error'}>
                        {LABELS[a.kind]} ({a.categories.join(', ')}){a.expires ? ` to ${a.expires}` : ''}
                        {a.standing === 'expired' ? ' — expired' : a.standing === 'expiring' ? ` — ends in ${a.daysLeft} days` : ''}
                      </div>
                    ))
                  : 'none'}
              </td>
              <td>{p.owner}</td>
              <VolumeCells v={p.volume} />
              {canWrite ? (
                <td>
                  <button type="button" onClick={() => setEditing(partnerOf(p.id) as unknown as Partner)}>
                    Edit
                  </button>{' '}
                  <button
                    type="button"
                    onClick={() =>
                      ask(
                        `Delete ${p.name}? Its domains count as unknown parties once browsers take the policy.`,
                        `Delete ${p.name}`,
                        act(async () => (await api(`/api/partners/${p.id}`, { method: 'DELETE' }), `${p.name} removed.`)),
                      )
                    }
                  >
                    Delete
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>

      {editing ? (
        <form onSubmit={save} aria-label={editing.isNew ? 'Add a partner' : `Edit ${editing.name}`} key={editing.id ?? 'new'}>
          <label>
            Id <input name="id" required pattern="[a-z0-9][a-z0-9-]*" value={editing.id} readOnly={!editing.isNew} placeholder="acme-cro" />
          </label>
          <label>
            Name <input name="name" required value={editing.name} placeholder="Acme CRO" />
          </label>
          <label>
            Kind{' '}
            <select name="kind" value={editing.kind}>
              {PARTNER_KINDS.map((k) => (
                <option value={k}>{k}</option>
              ))}
            </select>
          </label>
          <label>
            Owner <input name="owner" required value={editing.owner} placeholder="qa.lead@example.com" />
          </label>
          <label>
            E-mail domains <input name="domains" value={editing.domains?.join(' ')} placeholder="acme-cro.com" />
          </label>
          <label>
            Web hosts <input name="hosts" value={editing.hosts?.join(' ')} placeholder="portal.acme-cro.com" />
          </label>
          <label>
            Agreements
            <textarea name="agreements" rows={3} placeholder="baa phi 2027-03-31" aria-describedby="agreements-hint">
              {agreementsText(editing as Partner)}
            </textarea>
          </label>
          <p class="muted" id="agreements-hint">
            One a line: the kind ({AGREEMENT_KINDS.join(', ')}), the categories it covers (phi,pii,secret,ip), its last day (YYYY-MM-DD, none for no end).
          </p>
          <button type="submit">Save</button>{' '}
          <button type="button" onClick={() => setEditing(undefined)}>
            Cancel
          </button>
        </form>
      ) : null}
    </section>
  );
}
