import type { PolicyAnswer } from '../messages';
import { usePolicyAnswer } from '../use-policy-answer';

const WHERE: Record<PolicyAnswer['source'], string> = {
  managed: 'Managed by your organization',
  central: "Your organization's policy, from its policy server",
  default: 'Default protection (no policy from your organization)',
};

/** Which network guard is in force (see background/backstop): the backstop needs a policy install. */
export const NETWORK: Record<NonNullable<PolicyAnswer['network']>, string> = {
  backstop: 'Network check: on (installed by your organization)',
  'page-only': 'Network check: page level only',
};

/** Tells the employee who sets the rules: their organization (managed or central policy) or Bulwark's default. */
export function PolicyStatus() {
  const answer = usePolicyAnswer();
  if (answer === undefined) return <p>Loading…</p>;
  if (answer === 'error') return <p role="alert">Bulwark could not read its policy. Your browser is still protected by the default rules.</p>;
  return (
    <section>
      <h1>Bulwark</h1>
      <p data-testid="source">{WHERE[answer.source]}</p>
      <p>
        {answer.policy.name ?? 'Policy'} · version {answer.policy.version} · {answer.policy.rules.length} rules
      </p>
      {answer.network && <p data-testid="network">{NETWORK[answer.network]}</p>}
    </section>
  );
}
