import { useEffect, useState } from 'preact/hooks';
import { CHANNELS } from '../../core/policy/schema';
import { api, ApiError, when, type Me } from '../api';
import { diffLines } from '../diff';

interface Published {
  version: number;
  publishedMs: number;
  publishedBy: string;
  note: string;
  doc?: { policy: Record<string, unknown>; signature: string };
}
type Issue = { path: string; message: string };
interface Preview {
  decision: { action: string; rule?: string; explanation: string };
  labels: string[];
  findings: Array<{ type: string; count: number; previews: string[] }>;
}

const pretty = (p: unknown) => JSON.stringify(p, null, 2);

/** Edit with errors at their path, preview on sample text, publish (signed, versioned), history with diff, roll back. */
export function PolicyEditor({ me }: { me: Me }) {
  const canWrite = me.permissions.includes('policy.write');
  const [history, setHistory] = useState<Published[]>([]);
  const [draft, setDraft] = useState('');
  const [issues, setIssues] = useState<Issue[]>([]);
  const [message, setMessage] = useState('');
  const [shown, setShown] = useState<{ version: number; diff: ReturnType<typeof diffLines> }>();
  const [preview, setPreview] = useState<Preview>();

  const load = async () => {
    const list = await api<{ policies: Published[] }>('/api/policies');
    setHistory(list.policies);
    const current = await api<Published>('/api/policies/current').catch(() => undefined);
    setDraft(pretty(current?.doc?.policy ?? {}));
  };
  useEffect(() => {
    load().catch((e: Error) => setMessage(e.message));
  }, []);

  const parsed = (): unknown => {
    try {
      return JSON.parse(draft);
    } catch (e) {
      setIssues([{ path: '(document)', message: `not JSON: ${(e as Error).message}` }]);
      return undefined;
    }
  };

  useEffect(() => {
    if (!canWrite || !draft) return;
    const timer = setTimeout(async () => {
      const policy = parsed();
      if (policy === undefined) return;
      const r = await api<{ ok: boolean; errors: Issue[] }>('/api/policies/validate', { method: 'POST', body: { policy } }).catch(() => undefined);
      if (r) setIssues(r.errors);
    }, 300);
    return () => clearTimeout(timer);
  }, [draft]);

  const publish = async (e: Event) => {
    e.preventDefault();
    const policy = parsed();
    if (policy === undefined) return;
    const note = String(new FormData(e.currentTarget as HTMLFormElement).get('note') ?? '');
    try {
      const r = await api<Published>('/api/policies', { method: 'POST', body: { policy, note } });
      setMessage(`Published version ${r.version}.`);
      await load();
    } catch (err) {
      setIssues((err as ApiError).issues);
      setMessage((err as Error).message);
    }
  };

  const runPreview = async (e: Event) => {
    e.preventDefault();
    const policy = parsed();
    if (policy === undefined) return;
    const form = new FormData(e.currentTarget as HTMLFormElement);
    try {
      setPreview(await api<Preview>('/api/policies/preview', { method: 'POST', body: { policy, text: form.get('text'), host: form.get('host'), channel: form.get('channel') } }));
    } catch (err) {
      setMessage((err as Error).message);
    }
  };

  const show = async (version: number) => {
    const [a, b] = await Promise.all([api<Published>(`/api/policies/${version - 1}`).catch(() => undefined), api<Published>(`/api/policies/${version}`)]);
    const strip = (p?: Record<string, unknown>) => pretty(p ? { ...p, version: undefined } : {});
    setShown({ version, diff: diffLines(strip(a?.doc?.policy), strip(b.doc?.policy)) });
  };

  const rollback = async (version: number) => {
    const r = await api<Published>(`/api/policies/${version}/rollback`, { method: 'POST', body: {} });
    setMessage(`Version ${version} published again as version ${r.version}.`);
    await load();
  };

  return (
    <section aria-labelledby="policy-title">
      <h1 id="policy-title">Policy</h1>
      {message ? <p role="status">{message}</p> : null}
      <div class="policy">
        <div>
          <label for="policy-json">{canWrite ? 'Draft (JSON)' : 'Policy in force (JSON)'}</label>
          <textarea id="policy-json" spellcheck={false} readOnly={!canWrite} value={draft} onInput={(e) => setDraft((e.target as HTMLTextAreaElement).value)} rows={28} />
          {canWrite ? (
            <>
              <ul class="issues" aria-label="Problems in the draft">
                {issues.map((i) => (
                  <li>
                    <code>{i.path}</code>: {i.message}
                  </li>
                ))}
              </ul>
              <form onSubmit={publish} class="row">
                <label>
                  Note <input name="note" placeholder="What changed and why" />
                </label>
                <button type="submit" disabled={issues.length > 0}>
                  Publish
                </button>
              </form>
            </>
          ) : null}
        </div>
        {canWrite ? (
          <form onSubmit={runPreview} aria-label="Preview">
            <h2>Preview the draft</h2>
            <label>
              Sample text <textarea name="text" rows={6} />
            </label>
            <label>
              Destination <input name="host" value="chatgpt.com" />
            </label>
            <label>
              Channel
              <select name="channel">
                {CHANNELS.map((c) => (
                  <option>{c}</option>
                ))}
              </select>
            </label>
            <button type="submit">Preview</button>
            {preview ? (
              <div class="preview" role="status">
                <p>
                  <span class={`action ${preview.decision.action}`}>{preview.decision.action}</span> {preview.decision.rule ? `by ${preview.decision.rule}` : ''}
                </p>
                <p>{preview.decision.explanation}</p>
                <p class="muted">{preview.findings.map((f) => `${f.type} ×${f.count} (${f.previews.join(', ')})`).join('; ') || 'Nothing found.'}</p>
              </div>
            ) : null}
          </form>
        ) : null}
      </div>
      <h2>History</h2>
      <table>
        <thead>
          <tr>
            <th>Version</th>
            <th>Published</th>
            <th>By</th>
            <th>Note</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {history.map((p, i) => (
            <tr>
              <td>{p.version}</td>
              <td>{when(p.publishedMs)}</td>
              <td>{p.publishedBy}</td>
              <td>{p.note}</td>
              <td>
                <button type="button" onClick={() => show(p.version)}>
                  Changes
                </button>{' '}
                {canWrite && i > 0 ? (
                  <button type="button" onClick={() => rollback(p.version)}>
                    Roll back to this
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown ? (
        <figure>
          <figcaption>Changes in version {shown.version}</figcaption>
          <pre class="diff">
            {shown.diff
              .filter((l) => l.kind !== 'same')
              .map((l) => (
                <div class={l.kind}>
                  {l.kind === 'added' ? '+ ' : '- '}
                  {l.text}
                </div>
              ))}
          </pre>
        </figure>
      ) : null}
    </section>
  );
}
