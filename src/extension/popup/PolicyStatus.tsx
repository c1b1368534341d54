import { useEffect } from 'preact/hooks';
import type { PolicyAnswer } from '../messages';
import { formatNumber, localizeDocument, plural, t } from '../content/ui/i18n';
import { usePolicyAnswer } from '../use-policy-answer';

/** Who sets the rules, in the employee's words. */
const whereKey = (source: PolicyAnswer['source']): string => `source_${source}`;

/** Which network guard is in force (see background/backstop): the backstop needs a policy install. */
export const networkKey = (network: NonNullable<PolicyAnswer['network']>): string => `network_${network.replace(/-/g, '_')}`;

/** Tells the employee who sets the rules: their organization (managed or central policy) or Bulwark's default. */
export function PolicyStatus() {
  const answer = usePolicyAnswer();
  useEffect(() => localizeDocument('extName'), []);
  if (answer === undefined) return <p>{t('loading')}</p>;
  if (answer === 'error') return <p role="alert">{t('policyUnreadableDefault')}</p>;
  return (
    <section>
      <h1>Bulwark</h1>
      <p data-testid="source">{t(whereKey(answer.source))}</p>
      <p>
        {t('policySummary', answer.policy.name ?? t('policyUnnamed'), formatNumber(answer.policy.version), plural('ruleCount', answer.policy.rules.length))}
      </p>
      {answer.network && <p data-testid="network">{t(networkKey(answer.network))}</p>}
    </section>
  );
}
