import { useEffect, useState } from 'preact/hooks';
import { recentDecisions, type RecordedDecision } from '../background/decisions';
import { t } from '../content/ui/i18n';

const SHOWN = 10;

function what(d: RecordedDecision): string {
  if (d.outcome === 'redacted') return 'shared with the sensitive values removed';
  if (d.outcome === 'cancelled') return d.action === 'block' ? 'blocked' : 'not shared (cancelled)';
  return d.action === 'warn' ? 'shared after a warning' : 'shared and recorded';
}

/** The employee's own recent decisions on this device, with their reasons: what was found, where, which rule. */
export function RecentDecisions() {
  const [decisions, setDecisions] = useState<RecordedDecision[] | undefined>();
  useEffect(() => {
    recentDecisions().then(setDecisions, () => setDecisions([]));
  }, []);
  if (!decisions) return null;
  if (!decisions.length) return <p>No shares checked on this device yet.</p>;
  return (
    <section aria-labelledby="recent">
      <h2 id="recent">Recent decisions</h2>
      <ul>
        {decisions.slice(0, SHOWN).map((d) => (
          <li key={d.at}>
            <time dateTime={d.at}>{new Date(d.at).toLocaleString()}</time> · {t(`channel_${d.channel.replace(/-/g, '_')}`)} to {d.host}: {what(d)}
            {d.findings.length > 0 && <> · {d.findings.map((f) => `${f.count} ${t(`type_${f.type}`)}`).join(', ')}</>}
            {d.rule && <> · rule {d.rule}</>}
          </li>
        ))}
      </ul>
    </section>
  );
}
