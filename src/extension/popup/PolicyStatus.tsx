import { useEffect } from 'preact/hooks';
import { formatNumber, localizeDocument, nameOf, plural, t } from '../content/ui/i18n';
import { usePolicyAnswer } from '../use-policy-answer';

/** Tells the employee who sets the rules: their organization (managed or central policy) or Bulwark's default. */
export function PolicyStatus() {
  const answer = usePolicyAnswer();
  useEffect(() => localizeDocument('extName'), []);
  if (answer === undefined) return <p>{t('loading')}</p>;
  if (answer === 'error') return <p role="alert">{t('policyUnreadableDefault')}</p>;
  return (
    <section>
      <h1>Bulwark</h1>
      <p data-testid="source">{nameOf('source', answer.source)}</p>
      <p>
        {t('policySummary', answer.policy.name ?? t('policyUnnamed'), formatNumber(answer.policy.version), plural('ruleCount', answer.policy.rules.length))}
      </p>
      {answer.network && <p data-testid="network">{nameOf('network', answer.network)}</p>}
    </section>
  );
}
