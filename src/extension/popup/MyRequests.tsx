import { useEffect, useState } from 'preact/hooks';
import { myRequests, type MyRequest, type MyRequests as Answer } from '../background/requests';
import { formatDateTime, nameOf, t } from '../content/ui/i18n';

const SHOWN = 10;

function status(r: MyRequest): string {
  if (r.status === 'open') return t('requestWaiting');
  if (r.status === 'rejected') return t('requestDeclined');
  if (!r.grant) return t('requestAgreed');
  const where = r.grant.host ? t('grantOnHost', r.grant.host) : t('grantEveryHost');
  return t('grantUntil', formatDateTime(r.grant.expiresAt), where);
}

/**
 * The employee's requests to the security team ("This isn't sensitive", exceptions) and the answers: waiting,
 * declined, agreed, or an exception granted until a date. Shown only in an enrolled browser.
 */
export function MyRequests() {
  const [answer, setAnswer] = useState<Answer | undefined | null>(null);
  useEffect(() => {
    myRequests().then(setAnswer, () => setAnswer(undefined));
  }, []);
  if (!answer) return null;
  return (
    <section aria-labelledby="requests">
      <h2 id="requests">{t('requestsTitle')}</h2>
      {answer.stale && <p role="status">{answer.fetchedAt ? t('requestsStale', formatDateTime(answer.fetchedAt)) : t('requestsUnreachable')}</p>}
      {!answer.requests.length ? (
        <p>{t('noRequests')}</p>
      ) : (
        <ul>
          {answer.requests.slice(0, SHOWN).map((r) => (
            <li key={r.id} data-status={r.status}>
              <time dateTime={r.createdAt}>{formatDateTime(r.createdAt)}</time> · {nameOf('requestKind', r.kind)}
              {r.rule && <> · {t('decisionRule', r.rule)}</>} · {r.host} · <strong>{status(r)}</strong>
              {r.answer && <> · {t('requestAnswer', r.answer)}</>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
