import { useEffect, useState } from 'preact/hooks';
import { api, type Me } from '../api';

/** One's own account: the TOTP second factor, turned on with a first code and off with password and code. */
export function Account({ me }: { me: Me }) {
  const [enabled, setEnabled] = useState<boolean>();
  const [setup, setSetup] = useState<{ secret: string; uri: string }>();
  const [message, setMessage] = useState('');
  useEffect(() => {
    api<{ enabled: boolean }>('/api/me/totp').then((r) => setEnabled(r.enabled), (e: Error) => setMessage(e.message));
  }, []);

  const act = (work: (fields: Record<string, string>) => Promise<unknown>) => async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    try {
      await work(Object.fromEntries(new FormData(form)) as Record<string, string>);
      form.reset();
      setMessage('');
    } catch (err) {
      setMessage((err as Error).message);
    }
  };
  const begin = act(async () => setSetup(await api<{ secret: string; uri: string }>('/api/me/totp', { method: 'POST', body: {} })));
  const confirm = act(async ({ code }) => {
    await api('/api/me/totp/confirm', { method: 'POST', body: { code } });
    setSetup(undefined);
    setEnabled(true);
  });
  const disable = act(async ({ password, code }) => {
    await api('/api/me/totp/disable', { method: 'POST', body: { password, code } });
    setEnabled(false);
  });

  return (
    <section aria-labelledby="account-title" class="policy">
      <h1 id="account-title">Your account: {me.name}</h1>
      <h2>Two-step sign-in</h2>
      {message ? <p role="alert">{message}</p> : null}
      {enabled === undefined ? null : enabled ? (
        <form onSubmit={disable}>
          <p role="status">On: signing in needs a code from your authenticator app.</p>
          <label>
            Password <input name="password" type="password" autocomplete="current-password" required />
          </label>
          <label>
            Code <input name="code" inputMode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxLength={6} required />
          </label>
          <button type="submit">Turn off</button>
        </form>
      ) : setup ? (
        <form onSubmit={confirm}>
          <p>
            Add this account to your authenticator app: open <a href={setup.uri}>this link</a> on your phone, or enter the key <code>{setup.secret}</code> (time-based, 6 digits, 30 seconds).
          </p>
          <label>
            First code <input name="code" inputMode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxLength={6} required />
          </label>
          <button type="submit">Turn on</button>
        </form>
      ) : (
        <form onSubmit={begin}>
          <p role="status">Off: a password is enough to sign in.</p>
          <button type="submit">Set up two-step sign-in</button>
        </form>
      )}
    </section>
  );
}
