import { useEffect, useRef, useState } from 'preact/hooks';
import { CHANNELS } from '../../core/policy/schema';
import { api, ApiError, when, type Me } from '../api';
import { diffLines } from '../diff';
import { eventsOf } from '../event-links';
import { diffRules, pathLines, placeIssue, type RuleChange } from '../policy-text';
import { useConfirm } from './Confirm';
import { RuleForm } from './RuleForm';

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

interface Impact {
  inForce: number;
  days: number;
  events: number;
  changed: number;
  capped: boolean;
  changes: Array<{ from: string; to: string; fromRule: string | null; toRule: string | null; events: number; people: number; users: Array<{ user: string; device?: true; events: number }> }>;
}
type Rules = Array<{ id: string } & Record<string, unknown>>;

const pretty = (p: unknown) => JSON.stringify(p, null, 2);
const rulesOf = (p: unknown): Rules => ((p as { rules?: unknown } | undefined)?.rules as Rules | undefined)?.filter((r) => typeof r?.id === 'string') ?? [];
const n = (v: number) => v.toLocaleString('en');

/** Edit with errors at their path, preview on sample text, publish (signed, versioned), history with diff, roll back. */
export function PolicyEditor({ me }: { me: Me }) {
  const canWrite = me.permissions.includes('policy.write');
  const [history, setHistory] = useState<Published[]>([]);
  const [draft, setDraft] = useState('');
  const [issues, setIssues] = useState<Issue[]>([]);
  const [message, setMessage] = useState('');
  const [shown, setShown] = useState<{ version: number; diff: ReturnType<typeof diffLines>; rules: RuleChange[] }>();
  const [preview, setPreview] = useState<Preview>();
  const [inForce, setInForce] = useState<Published>();
  /** The impact of the draft as it was when asked (cleared when the draft changes). */
  const [impact, setImpact] = useState<Impact>();
  const editor = useRef<HTMLTextAreaElement>(null);
  const { ask, dialog } = useConfirm();

  const load = async () => {
    const list = await api<{ policies: Published[] }>('/api/policies');
    setHistory(list.policies);
    const current = await api<Published>('/api/policies/current').catch(() => undefined);
    setInForce(current);
    setImpact(undefined);
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
    setImpact(undefined);
    if (!canWrite || !draft) return;
    const timer = setTimeout(async () => {
      const policy = parsed();
      if (policy === undefined) return;
      const r = await api<{ ok: boolean; errors: Issue[] }>('/api/policies/validate', { method: 'POST', body: { policy } }).catch(() => undefined);
      if (r) setIssues(r.errors);
    }, 300);
    return () => clearTimeout(timer);
  }, [draft]);

  const next = (history[0]?.version ?? 0) + 1;
  const publish = (e: Event) => {
    e.preventDefault();
    const policy = parsed();
    if (policy === undefined) return;
    const note = String(new FormData(e.currentTarget as HTMLFormElement).get('note') ?? '');
    const weighed = impact ? ` Over the last ${impact.days} days it would have decided ${n(impact.changed)} of ${n(impact.events)} events otherwise.` : ' Its impact has not been looked at.';
    ask(`Publish this draft as version ${next}? Browsers take it at their next refresh.${weighed}`, `Publish version ${next}`, async () => {
      try {
        const r = await api<Published>('/api/policies', { method: 'POST', body: { policy, note } });
        setMessage(`Published version ${r.version}.`);
        await load();
      } catch (err) {
        setIssues((err as ApiError).issues);
        setMessage((err as Error).message);
      }
    });
  };

  const weigh = async () => {
    const policy = parsed();
    if (policy === undefined) return;
    try {
      setImpact(await api<Impact>('/api/policies/impact', { method: 'POST', body: { policy } }));
    } catch (err) {
      setIssues((err as ApiError).issues);
      setMessage((err as Error).message);
    }
  };

  /** Puts the caret at the start of a line of the draft, and the line in view. */
  const goToLine = (line: number) => {
    const area = editor.current;
    if (!area) return;
    const at = draft.split('\n').slice(0, line - 1).join('\n').length + (line > 1 ? 1 : 0);
    area.focus();
    area.setSelectionRange(at, at);
    area.scrollTop = Math.max(0, (line - 3) * (area.scrollHeight / Math.max(1, draft.split('\n').length)));
  };
  const draftValue = (() => {
    try {
      return JSON.parse(draft) as unknown;
    } catch {
      return undefined;
    }
  })();
  const lines = draftValue === undefined ? new Map<string, number>() : pathLines(draft);

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
    setShown({ version, diff: diffLines(strip(a?.doc?.policy), strip(b.doc?.policy)), rules: diffRules(rulesOf(a?.doc?.policy), rulesOf(b.doc?.policy)) });
  };

  const rollback = (version: number) =>
    ask(`Roll back to version ${version}? It is published again as version ${next}, and browsers take it at their next refresh.`, `Roll back to version ${version}`, async () => {
      const r = await api<Published>(`/api/policies/${version}/rollback`, { method: 'POST', body: {} });
      setMessage(`Version ${version} published again as version ${r.version}.`);
      await load();
    });

  return (
    <section aria-labelledby="policy-title">
      <h1 id="policy-title">Policy</h1>
      {message ? <p role="status">{message}</p> : null}
      {dialog}
      <div class="policy">
        <div>
          <label for="policy-json">{canWrite ? 'Draft (JSON)' : 'Policy in force (JSON)'}</label>
          <textarea ref={editor} id="policy-json" spellcheck={false} readOnly={!canWrite} value={draft} onInput={(e) => setDraft((e.target as HTMLTextAreaElement).value)} rows={28} />
          {canWrite ? (
            <>
              <ul class="issues" aria-label="Problems in the draft">
                {issues.map((i) => {
                  const placed = placeIssue(i, draftValue, lines);
                  return (
                    <li>
                      {placed.where}: {placed.message}
                      {placed.line ? (
                        <>
                          {' '}
                          <button type="button" class="link" onClick={() => goToLine(placed.line!)}>
                            line {placed.line}
                          </button>
                        </>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
              <RuleForm draft={draftValue} onChange={(update) => setDraft((text) => pretty(update(JSON.parse(text))))} />
              <DraftChanges inForce={inForce} draft={draftValue} impact={impact} weigh={weigh} disabled={issues.length > 0} />
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
          <RuleChanges changes={shown.rules} />
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

/** Rules added, removed and changed, in words. */
function RuleChanges({ changes }: { changes: RuleChange[] }) {
  if (!changes.length) return <p class="muted">No rule changed.</p>;
  return (
    <ul aria-label="Rules changed">
      {changes.map((c) => (
        <li>
          <strong>{c.kind}</strong> rule {c.id}
          {c.fields.length ? `: ${c.fields.join('; ')}` : ''}
        </li>
      ))}
    </ul>
  );
}

/** The draft beside the policy in force: its rules' changes and, when asked, what it would have decided otherwise, for whom. */
function DraftChanges({ inForce, draft, impact, weigh, disabled }: { inForce?: Published; draft: unknown; impact?: Impact; weigh: () => void; disabled: boolean }) {
  if (!inForce) return null;
  return (
    <section aria-labelledby="impact-title" class="impact">
      <h2 id="impact-title">Beside version {inForce.version} in force</h2>
      <RuleChanges changes={diffRules(rulesOf(inForce.doc?.policy), rulesOf(draft))} />
      <button type="button" onClick={weigh} disabled={disabled}>
        See the impact on the last 30 days
      </button>
      {impact ? (
        <div role="status" aria-label="Impact of the draft">
          <p>
            Of {n(impact.events)} events in the last {impact.days} days{impact.capped ? ' (the newest only)' : ''}, the draft would decide {n(impact.changed)} otherwise.
          </p>
          {impact.changes.length ? (
            <div class="table-scroll">
              <table aria-label="What would change">
                <thead>
                  <tr>
                    <th scope="col">Now</th>
                    <th scope="col">With the draft</th>
                    <th scope="col" class="num">Events</th>
                    <th scope="col">Who</th>
                  </tr>
                </thead>
                <tbody>
                  {impact.changes.map((c) => (
                    <tr>
                      <td>
                        <span class={`action ${c.from}`}>{c.from}</span> {c.fromRule ?? 'no rule'}
                      </td>
                      <td>
                        <span class={`action ${c.to}`}>{c.to}</span> {c.toRule ?? 'no rule'}
                      </td>
                      <td class="num">{n(c.events)}</td>
                      <td>
                        {c.users.map((u, i) => (
                          <>
                            {i ? ', ' : ''}
                            <a href={eventsOf(u.device ? 'device' : 'user', u.user)}>{u.device ? `device ${u.user}` : u.user}</a> ({n(u.events)})
                          </>
                        ))}
                        {c.people > c.users.length ? ` and ${n(c.people - c.users.length)} more` : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
