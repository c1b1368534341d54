import { useState } from 'preact/hooks';
import { enrollmentSettings } from '../../core/fleet/enrollment-settings';
import { CopyButton } from './CopyButton';

/**
 * The managed settings that force-install Bulwark and enroll it here, for each platform (the generator the
 * terminal's `npm run enrollment` uses too), with the token just made or one the administrator holds.
 */
export function EnrollmentSettings({ token }: { token: string }) {
  const [serverUrl, setServerUrl] = useState(location.origin);
  const [held, setHeld] = useState('');
  const enrollmentToken = held || token || 'ENROLLMENT_TOKEN';
  // The profile's identifiers stay the same while the fields change (a new page gives new ones).
  const [uuids] = useState<[string, string, string]>(() => [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()]);
  const files = enrollmentSettings({ serverUrl, enrollmentToken, uuids });
  return (
    <>
      <h2>Enrollment settings</h2>
      <p class="muted">Force-install Bulwark and enroll each browser with this server: deploy one of these by platform.</p>
      <div class="row fields">
        <label>
          Server address the browsers reach
          <input type="url" value={serverUrl} onInput={(e) => setServerUrl((e.target as HTMLInputElement).value)} />
        </label>
        <label>
          Enrollment token (the one just made, or one you hold)
          <input value={held} placeholder={token || 'bwe_...'} autocomplete="off" onInput={(e) => setHeld((e.target as HTMLInputElement).value.trim())} />
        </label>
      </div>
      {files.map((f) => (
        <section aria-labelledby={`enroll-${f.platform}`} key={f.platform}>
          <h3 id={`enroll-${f.platform}`}>
            {f.title} <CopyButton value={f.text} label={`Copy the ${f.title} settings`} />
          </h3>
          <p class="muted">
            {f.fileName}: {f.where}
          </p>
          <pre class="settings" tabIndex={0} aria-label={`${f.title} settings`} data-platform={f.platform}>
            {f.text}
          </pre>
        </section>
      ))}
    </>
  );
}
