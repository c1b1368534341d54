import type { PolicyAnswer } from '../messages';
import { NETWORK } from '../popup/PolicyStatus';
import { usePolicyAnswer } from '../use-policy-answer';

type Match = PolicyAnswer['policy']['rules'][number]['match'];

/**
 * The options page: the policy in force, rule by rule, for an employee or a help-desk colleague to read.
 * Nothing here can be changed: policy comes from the organisation (managed storage or its policy server).
 */
export function PolicyView() {
  const answer = usePolicyAnswer();
  if (answer === undefined) return <p>Loading…</p>;
  if (answer === 'error') return <p role="alert">Bulwark could not read its policy.</p>;
  const { policy, source } = answer;
  return (
    <main>
      <h1>Bulwark policy</h1>
      <p data-testid="source">
        {source === 'default' ? 'Bulwark’s default protection' : 'Set by your organization'} · {policy.name ?? 'Policy'} · version {policy.version}. These
        settings are read-only.
      </p>
      {answer.network && (
        <p data-testid="network">
          {NETWORK[answer.network]}.{' '}
          {answer.network === 'backstop'
            ? 'Bulwark also checks what pages, workers and forms send over the network.'
            : 'What pages send by themselves is checked inside the page; workers and form navigations are not covered. Your organization can install Bulwark by policy to check them too.'}
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">When</th>
            <th scope="col">Then</th>
          </tr>
        </thead>
        <tbody>
          {policy.rules
            .filter((r) => r.enabled)
            .map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.id}</th>
                <td>{r.description ?? describeMatch(r.match)}</td>
                <td>
                  {r.action}
                  {r.requireJustification ? ' (with a reason)' : ''}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
      {policy.exceptions.hosts.length > 0 && <p>Not checked on: {policy.exceptions.hosts.join(', ')}</p>}
    </main>
  );
}

function describeMatch(m: Match): string {
  const parts = [m.categories?.join(', '), m.entityTypes?.join(', '), m.destinations && `to ${m.destinations.join(', ')}`, m.channels && `by ${m.channels.join(', ')}`, m.recipients !== 'any' && `${m.recipients} recipients`];
  return parts.filter(Boolean).join(' · ') || 'anything';
}
