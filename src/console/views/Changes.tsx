import { useState } from 'preact/hooks';
import { ApiError } from '../api';

type Issue = { path: string; message: string };

/**
 * A view's changes: `act(work)` runs one (its sentence becomes the message), reloads, and shows what the server
 * refused, field by field. `work` reads its form before its first await (the event's target goes after).
 */
export function useChanges(load: () => Promise<unknown>) {
  const [message, setMessage] = useState('');
  const [issues, setIssues] = useState<Issue[]>([]);
  const act = (work: (e?: Event) => Promise<string>) => async (e?: Event) => {
    e?.preventDefault();
    setIssues([]);
    try {
      setMessage(await work(e));
      await load();
    } catch (err) {
      setMessage((err as Error).message);
      if (err instanceof ApiError) setIssues(err.issues);
    }
  };
  return { message, setMessage, issues, act };
}

/** The last change's message and the server's objections. */
export function ChangeOutcome({ message, issues }: { message: string; issues: Issue[] }) {
  return (
    <>
      {message ? <p role="status">{message}</p> : null}
      {issues.length ? (
        <ul role="alert">
          {issues.map((i) => (
            <li>
              <code>{i.path}</code>: {i.message}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
