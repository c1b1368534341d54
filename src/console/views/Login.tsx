import { useState } from 'preact/hooks';
import { api, ApiError, type Me } from '../api';

export function Login({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const [error, setError] = useState('');
  // The server asks for a code only after the right password, for accounts with a second factor.
  const [needsCode, setNeedsCode] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const code = form.get('code') || undefined;
    try {
      onSignedIn(await api<Me>('/api/login', { method: 'POST', body: { name: form.get('name'), password: form.get('password'), code } }));
    } catch (err) {
      const failure = err as ApiError;
      if (failure.code === 'totp-required') setNeedsCode(true);
      setError(failure.message);
    }
  };
  return (
    <form class="login" onSubmit={submit}>
      <h1>Bulwark console</h1>
      <label>
        Name <input name="name" autocomplete="username" required />
      </label>
      <label>
        Password <input name="password" type="password" autocomplete="current-password" required />
      </label>
      {needsCode ? (
        <label>
          Code <input name="code" inputMode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxLength={6} required autoFocus />
        </label>
      ) : null}
      {error ? <p role="alert">{error}</p> : null}
      <button type="submit">Sign in</button>
    </form>
  );
}
