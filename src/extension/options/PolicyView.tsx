import { useEffect } from 'preact/hooks';
import { formatNumber, localizeDocument, nameOf, t } from '../content/ui/i18n';
import type { PolicyAnswer } from '../messages';
import { usePolicyAnswer } from '../use-policy-answer';

type Match = PolicyAnswer['policy']['rules'][number]['match'];

/**
 * The options page: the policy in force, rule by rule, for an employee or a help-desk colleague to read.
 * Nothing here can be changed: policy comes from the organisation (managed storage or its policy server).
 */
export function PolicyView() {
  const answer = usePolicyAnswer();
  useEffect(() => localizeDocument('optionsTitle'), []);
  if (answer === undefined) return <p>{t('loading')}</p>;
  if (answer === 'error') return <p role="alert">{t('policyUnreadable')}</p>;
  const { policy, source } = answer;
  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <p data-testid="source">
        {t('optionsSource', source === 'default' ? t('sourceDefaultShort') : t('sourceOrganization'), policy.name ?? t('policyUnnamed'), formatNumber(policy.version))}
      </p>
      {answer.network && (
        <p data-testid="network">
          {nameOf('network', answer.network)}. {answer.network === 'backstop' ? t('networkBackstopDetail') : t('networkPageOnlyDetail')}
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th scope="col">{t('columnRule')}</th>
            <th scope="col">{t('columnWhen')}</th>
            <th scope="col">{t('columnThen')}</th>
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
                  {nameOf('action', r.action)}
                  {r.requireJustification ? ` ${t('withReason')}` : ''}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
      {policy.exceptions.hosts.length > 0 && <p>{t('notCheckedOn', policy.exceptions.hosts.join(', '))}</p>}
    </main>
  );
}

const list = (kind: string, ids: readonly string[]): string => ids.map((id) => nameOf(kind, id)).join(', ');

function describeMatch(m: Match): string {
  const parts = [
    m.categories && list('category', m.categories),
    m.entityTypes && list('type', m.entityTypes),
    m.destinations && t('matchTo', list('destination', m.destinations)),
    m.channels && t('matchBy', list('channel', m.channels)),
    m.recipients !== 'any' && nameOf('recipients', m.recipients),
  ];
  return parts.filter(Boolean).join(' · ') || t('matchAnything');
}
