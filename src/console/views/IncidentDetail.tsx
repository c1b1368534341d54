import { useEffect, useState } from 'preact/hooks';
import { CLOSED_STATUSES, INCIDENT_STATUSES, type IncidentStatus } from '../../core/events/incident';
import { SEVERITIES } from '../../core/policy/schema';
import { api, ApiError, when, type Me } from '../api';
import { age, describeChange, ruleLabel, STATUS_LABELS, type IncidentDetails } from '../incidents';
import { useConfirm } from './Confirm';
import { EventTable } from './EventTable';
import { FieldError, invalidAt } from './FieldError';
import { useOwners } from './Incidents';

const NOBODY = '';

/** One incident: what it is, its triage controls, its events, its comments and its history. */
export function IncidentDetail({ id, me }: { id: string; me: Me }) {
  const canTriage = me.permissions.includes('incidents.triage');
  const owners = useOwners();
  const [found, setFound] = useState<IncidentDetails>();
  const [loadError, setLoadError] = useState('');
  const [error, setError] = useState<ApiError>();
  const [commentError, setCommentError] = useState<ApiError>();
  const [message, setMessage] = useState('');
  const { ask, dialog } = useConfirm();

  const load = () => api<IncidentDetails>(`/api/incidents/${encodeURIComponent(id)}`).then(setFound, (e: Error) => setLoadError(e.message));
  useEffect(() => {
    void load();
  }, [id]);
  if (loadError) return <p role="alert">{loadError}</p>;
  if (!found) return <p class="muted">Loading…</p>;
  const { incident: i, events, comments, history } = found;

  const save = (e: Event) => {
    e.preventDefault();
    const form = Object.fromEntries(new FormData(e.currentTarget as HTMLFormElement)) as Record<string, string>;
    const change: Record<string, string | null> = {};
    if (form.status !== i.status) change.status = form.status!;
    if ((form.owner || null) !== i.owner) change.owner = form.owner || null;
    if (form.severity !== i.severity) change.severity = form.severity!;
    const verdict = form.verdict!.trim() || null;
    if (verdict !== i.verdict) change.verdict = verdict;
    if (!Object.keys(change).length) {
      setMessage('Nothing to save: nothing was changed.');
      return;
    }
    const run = async () => {
      try {
        await api(`/api/incidents/${i.id}`, { method: 'PATCH', body: change });
        setError(undefined);
        setMessage('Saved.');
        await load();
      } catch (err) {
        setError(err as ApiError);
        setMessage('');
      }
    };
    const closing = change.status && CLOSED_STATUSES.includes(change.status as IncidentStatus);
    if (closing) ask(`Close incident #${i.id} as ${STATUS_LABELS[change.status as IncidentStatus].toLowerCase()}?`, `Close as ${STATUS_LABELS[change.status as IncidentStatus].toLowerCase()}`, run);
    else void run();
  };

  const comment = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    try {
      await api(`/api/incidents/${i.id}/comments`, { method: 'POST', body: { text: String(new FormData(form).get('text') ?? '') } });
      form.reset();
      setCommentError(undefined);
      await load();
    } catch (err) {
      setCommentError(err as ApiError);
    }
  };

  const facts: Array<[string, string]> = [
    ['Status', STATUS_LABELS[i.status]],
    ['Severity', `${i.severity}${i.severityByHand ? ' (set by hand)' : ''}`],
    ['Owner', i.owner ?? 'nobody'],
    ['Verdict', i.verdict ?? '—'],
    ['Rule', ruleLabel(i.rule)],
    ['User', i.user ?? '(no user)'],
    ['Device', i.deviceId],
    ['Day (UTC)', i.day],
    ['Events', String(i.eventCount)],
    ['Age', `${age(i.createdMs)} (opened ${when(i.createdMs)})`],
    ['Updated', when(i.updatedMs)],
  ];
  return (
    <section aria-labelledby="incident-title">
      <p>
        <a href="#/incidents">← Incidents</a>
      </p>
      <h1 id="incident-title">
        Incident #{i.id}: {ruleLabel(i.rule)} · {i.user ?? i.deviceId} · {i.day}
      </h1>
      <dl class="detail" aria-label="About this incident">
        {facts.map(([k, v]) => (
          <>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </>
        ))}
      </dl>
      {canTriage ? (
        <>
          <h2>Triage</h2>
          {/* Uncontrolled, so that a question asked before closing leaves the choices as they are; a new key after each save shows the incident as it is now. */}
          <form class="triage" onSubmit={save} aria-label="Triage" key={i.updatedMs}>
            <label>
              Status
              <select name="status" {...invalidAt(error, 'status', 'status-error')}>
                {INCIDENT_STATUSES.map((s) => (
                  <option value={s} selected={s === i.status}>
                    {STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
              <FieldError error={error} path="status" id="status-error" />
            </label>
            <label>
              Owner
              <select name="owner" {...invalidAt(error, 'owner', 'owner-error')}>
                <option value={NOBODY} selected={i.owner === null}>
                  nobody
                </option>
                {owners.map((o) => (
                  <option selected={o === i.owner}>{o}</option>
                ))}
              </select>
              <FieldError error={error} path="owner" id="owner-error" />
            </label>
            <label>
              Severity
              <select name="severity" {...invalidAt(error, 'severity', 'severity-error')}>
                {SEVERITIES.map((s) => (
                  <option selected={s === i.severity}>{s}</option>
                ))}
              </select>
              <FieldError error={error} path="severity" id="severity-error" />
            </label>
            <label>
              Verdict
              <input name="verdict" defaultValue={i.verdict ?? ''} maxLength={500} {...invalidAt(error, 'verdict', 'verdict-error')} />
              <FieldError error={error} path="verdict" id="verdict-error" />
            </label>
            <button type="submit">Save changes</button>
          </form>
          {error && !error.issues.length ? <p role="alert">{error.message}</p> : null}
          {message ? <p role="status">{message}</p> : null}
          {dialog}
        </>
      ) : null}
      <h2>Events</h2>
      <EventTable events={events} who={false} />
      {events.length < i.eventCount ? <p class="muted">The first {events.length} of {i.eventCount} events.</p> : null}
      <h2>Comments</h2>
      {comments.length ? (
        <ul class="comments" aria-label="Comments">
          {comments.map((c) => (
            <li>
              <strong>{c.author}</strong> <span class="muted">{when(c.timeMs)}</span>
              <p>{c.text}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">No comments yet.</p>
      )}
      {canTriage ? (
        <form class="comment" onSubmit={comment} aria-label="Add a comment">
          <label>
            Comment
            <textarea name="text" rows={3} maxLength={2000} {...invalidAt(commentError, 'text', 'comment-error')} />
          </label>
          <FieldError error={commentError} path="text" id="comment-error" />
          {commentError && !commentError.issues.length ? <p role="alert">{commentError.message}</p> : null}
          <p>
            <button type="submit">Add comment</button>
          </p>
        </form>
      ) : null}
      <h2>History</h2>
      <table aria-label="History">
        <thead>
          <tr>
            <th>Time</th>
            <th>Who</th>
            <th>What</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>{when(i.createdMs)}</td>
            <td class="muted">Bulwark</td>
            <td>opened by its first event that needed review</td>
          </tr>
          {history.map((h) => (
              <tr key={h.seq}>
                <td>{when(h.timeMs)}</td>
                <td>{h.actor}</td>
                <td>{describeChange(h)}</td>
              </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
