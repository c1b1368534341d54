import { useEffect, useState } from 'preact/hooks';
import { api, when, type Me } from '../api';
import { ChangeOutcome, useChanges } from './Changes';
import { useConfirm } from './Confirm';

const KINDS = ['text', 'number', 'id', 'date'] as const;

interface Table {
  id: string;
  name: string;
  category: string;
  columns: Array<{ name: string; kind: string }>;
  combos: string[][];
  rows: number;
  createdMs: number;
  createdBy: string;
}
interface Document {
  set: string;
  setName: string;
  id: string;
  name: string;
  createdMs: number;
  createdBy: string;
}
interface Summary {
  version: number;
  tables: Table[];
  documents: Document[];
}

/** The CSV header's names (the first line, quotes removed), for choosing what kind each column is. */
const headerOf = (csv: string): string[] =>
  (csv.split(/\r?\n/, 1)[0] ?? '')
    .split(',')
    .map((h) => h.trim().replace(/^"|"$/g, ''))
    .filter(Boolean);

function base64Of(bytes: ArrayBuffer): string {
  let s = '';
  const b = new Uint8Array(bytes);
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * Exact-data tables and fingerprinted documents. The browser reads the file here and sends it to the server,
 * which keeps only hashes; rules name a table or a document set by its id.
 */
export function ProtectedData({ me }: { me: Me }) {
  const canWrite = me.permissions.includes('policy.write');
  const [summary, setSummary] = useState<Summary>();
  const [csv, setCsv] = useState('');
  const [kinds, setKinds] = useState<Record<string, string>>({});
  const load = async () => setSummary(await api<Summary>('/api/protected-data'));
  const { message, setMessage, issues, act } = useChanges(load);
  useEffect(() => {
    load().catch((e: Error) => setMessage(e.message));
  }, []);

  const formData = (e?: Event) => new FormData(e!.currentTarget as HTMLFormElement);

  const uploadTable = act(async (e) => {
    const data = formData(e);
    const columns = headerOf(csv)
      .filter((h) => kinds[h] && kinds[h] !== 'skip')
      .map((name) => ({ name, kind: kinds[name] }));
    const combos = String(data.get('combos') ?? '')
      .split(';')
      .map((c) => c.split('+').map((x) => x.trim()).filter(Boolean))
      .filter((c) => c.length);
    const r = await api<{ rows: number; cells: number }>('/api/protected-data/tables', {
      method: 'POST',
      body: { id: data.get('id'), name: data.get('name'), category: data.get('category'), columns, ...(combos.length ? { combos } : {}), csv },
    });
    return `Table hashed: ${r.rows} rows, ${r.cells} values. Browsers take it at their next refresh.`;
  });

  const addDocument = act(async (e) => {
    const data = formData(e);
    const file = data.get('file') as File;
    const r = await api<{ fingerprints: number }>('/api/protected-data/documents', {
      method: 'POST',
      body: { set: data.get('set'), setName: data.get('setName') || undefined, name: data.get('name') || file.name, file: { name: file.name, base64: base64Of(await file.arrayBuffer()) } },
    });
    return `Document fingerprinted (${r.fingerprints} fingerprints).`;
  });

  /** Deletes after a yes: browsers stop matching it at their next refresh. */
  const { ask, dialog } = useConfirm();
  const remove = (path: string, what: string) => () =>
    ask(
      `Delete ${what}? Browsers stop matching it at their next refresh.`,
      `Delete ${what}`,
      act(async () => {
        await api(path, { method: 'DELETE' });
        return `${what} removed.`;
      }),
    );

  const sets = [...new Set(summary?.documents.map((d) => d.set))];
  return (
    <section aria-labelledby="protected-title">
      <h1 id="protected-title">Protected data</h1>
      <p class="muted">
        Exact-data tables and fingerprinted documents, kept and sent to browsers as keyed hashes only. A rule names a table or a document set by its id under
        <code> match.classifiers</code>. Version {summary?.version ?? '…'}.
      </p>
      {dialog}
      <ChangeOutcome message={message} issues={issues} />

      <h2>Exact-data tables</h2>
      <table>
        <thead>
          <tr>
            <th>Id</th>
            <th>Name</th>
            <th>Kind</th>
            <th>Columns</th>
            <th>Found together</th>
            <th class="num">Rows</th>
            <th>Uploaded</th>
            {canWrite ? <th /> : null}
          </tr>
        </thead>
        <tbody>
          {summary?.tables.map((t) => (
            <tr>
              <td>
                <code>{t.id}</code>
              </td>
              <td>{t.name}</td>
              <td>{t.category === 'pii' ? 'personal data' : 'intellectual property'}</td>
              <td>{t.columns.map((c) => `${c.name} (${c.kind})`).join(', ')}</td>
              <td>{t.combos.map((c) => c.join(' + ')).join('; ')}</td>
              <td class="num">{t.rows.toLocaleString()}</td>
              <td>
                {when(t.createdMs)} by {t.createdBy}
              </td>
              {canWrite ? (
                <td>
                  <button type="button" onClick={remove(`/api/protected-data/tables/${t.id}`, `Table ${t.id}`)}>
                    Delete
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {canWrite ? (
        <form onSubmit={uploadTable} aria-label="Upload a table">
          <label>
            Id <input name="id" required pattern="[a-z0-9][a-z0-9-]*" placeholder="patients" />
          </label>
          <label>
            Name <input name="name" required placeholder="Patients of the clinical site" />
          </label>
          <label>
            Holds{' '}
            <select name="category">
              <option value="pii">personal data</option>
              <option value="ip">intellectual property</option>
            </select>
          </label>
          <label>
            CSV file with a header row{' '}
            <input
              type="file"
              accept=".csv,text/csv"
              required
              onChange={async (e) => {
                const text = await (e.currentTarget as HTMLInputElement).files![0]!.text();
                setCsv(text);
                setKinds(Object.fromEntries(headerOf(text).map((h) => [h, 'skip'])));
              }}
            />
          </label>
          {headerOf(csv).map((h) => (
            <label>
              Column {h}{' '}
              <select value={kinds[h]} onChange={(e) => setKinds({ ...kinds, [h]: (e.currentTarget as HTMLSelectElement).value })}>
                <option value="skip">not protected</option>
                {KINDS.map((k) => (
                  <option value={k}>{k}</option>
                ))}
              </select>
            </label>
          ))}
          <label>
            Found together (optional) <input name="combos" placeholder="name + dob; mrn" />
          </label>
          <button type="submit">Hash and upload</button>
        </form>
      ) : null}

      <h2>Fingerprinted documents</h2>
      {sets.map((set) => (
        <>
          <h3>
            <code>{set}</code> {summary!.documents.find((d) => d.set === set)!.setName}
          </h3>
          <ul>
            {summary!.documents
              .filter((d) => d.set === set)
              .map((d) => (
                <li>
                  {d.name} <span class="muted">({when(d.createdMs)} by {d.createdBy})</span>{' '}
                  {canWrite ? (
                    <button type="button" onClick={remove(`/api/protected-data/documents/${d.set}/${d.id}`, d.name)}>
                      Delete
                    </button>
                  ) : null}
                </li>
              ))}
          </ul>
        </>
      ))}
      {canWrite ? (
        <form onSubmit={addDocument} aria-label="Register a document">
          <label>
            Set id <input name="set" required pattern="[a-z0-9][a-z0-9-]*" placeholder="formulations" />
          </label>
          <label>
            Set name <input name="setName" placeholder="Client formulations" />
          </label>
          <label>
            Document name <input name="name" placeholder="the file's name" />
          </label>
          <label>
            File (Word, PDF, text, …) <input type="file" name="file" required />
          </label>
          <button type="submit">Fingerprint and register</button>
        </form>
      ) : null}
    </section>
  );
}
