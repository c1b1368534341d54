import { useEffect, useState } from 'preact/hooks';
import { recentDecisions, type RecordedDecision } from '../background/decisions';
import { formatDateTime, formatNumber, nameOf, t } from '../content/ui/i18n';

const SHOWN = 10;

function what(d: RecordedDecision): string {
  if (d.outcome === 'redacted') return t('outcomeRedacted');
  if (d.outcome === 'cancelled') return d.action === 'block' ? t('outcomeBlocked') : t('outcomeCancelled');
  return d.action === 'warn' ? t('outcomeWarned') : t('outcomeRecorded');
}

/** The employee's own recent decisions on this device, with their reasons: what was found, where, which rule. */
export function RecentDecisions() {
  const [decisions, setDecisions] = useState<RecordedDecision[] | undefined>();
  useEffect(() => {
    recentDecisions().then(setDecisions, () => setDecisions([]));
  }, []);
  if (!decisions) return null;
  if (!decisions.length) return <p>{t('noDecisions')}</p>;
  return (
    <section aria-labelledby="recent">
      <h2 id="recent">{t('recentTitle')}</h2>
      <ul>
        {decisions.slice(0, SHOWN).map((d) => (
          <li key={d.at}>
            <time dateTime={d.at}>{formatDateTime(d.at)}</time> · {t('decisionLine', nameOf('channel', d.channel), d.host, what(d))}
            {d.findings.length > 0 && <> · {d.findings.map((f) => t('countOf', formatNumber(f.count), nameOf('type', f.type))).join(', ')}</>}
            {d.rule && <> · {t('decisionRule', d.rule)}</>}
          </li>
        ))}
      </ul>
    </section>
  );
}
