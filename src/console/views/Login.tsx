import { useState } from 'preact/hooks';
import { api, ApiError, type Me } from '../api';

export function Login({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const [error, setError] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    try {
      onSignedIn(await api<Me>('/api/login', { method: 'POST', body: { name: form.get('name'), password: form.get('password') } }));
    } catch (err) {
      setError((err as ApiError).message);
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
      {error ? <p role="alert">{error}</p> : null}
      <button type="submit">Sign in</button>
    </form>
  );
}
