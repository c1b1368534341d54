import { useState } from 'preact/hooks';
import type { GuardRequest } from '../../messages';
import { t } from './i18n';

/** The exception lengths the employee picks from; the security team may grant another (up to 90 days). */
const DAYS = [1, 7, 30, 90] as const;

export interface RequestFormProps {
  kind: GuardRequest['kind'];
  host: string;
  /** Whether what stops the share is values (which an exception can be limited to), not passages. */
  valuesOnly: boolean;
  onBack: () => void;
  onSend: (request: GuardRequest) => void;
}

/**
 * The employee's side of a request, inside the dialog: "This isn't sensitive" with an optional note, or an
 * exception with a reason (required) and what it is asked for (this site or every site, these values only,
 * for how long). The share stays stopped; the answer comes in the popup.
 */
export function RequestForm({ kind, host, valuesOnly, onBack, onSend }: RequestFormProps) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [thisHostOnly, setThisHostOnly] = useState(true);
  const [theseValuesOnly, setTheseValuesOnly] = useState(valuesOnly);
  const [days, setDays] = useState(7);
  const exception = kind === 'exception';

  const send = (e: Event) => {
    e.preventDefault();
    if (exception && !reason.trim()) {
      setMissing(true);
      return;
    }
    const note = reason.trim() || undefined;
    onSend(exception ? { kind, reason: note, scope: { thisHostOnly, theseValuesOnly: valuesOnly && theseValuesOnly, days } } : { kind, reason: note });
  };
  const onReason = (e: Event) => (setReason((e.target as HTMLTextAreaElement).value), setMissing(false));

  return (
    <form class="request" onSubmit={send} aria-labelledby="bw-request-title" noValidate>
      <h3 id="bw-request-title">{exception ? t('askException') : t('notSensitive')}</h3>
      <p>{exception ? t('exceptionIntro') : t('reportIntro')}</p>
      <label class="field">
        {exception ? t('exceptionReasonLabel') : t('reportReasonLabel')}
        <textarea data-autofocus value={reason} maxLength={1000} aria-required={exception} aria-invalid={missing} onInput={onReason} />
        {missing && <span role="alert" class="error">{t('exceptionReasonRequired')}</span>}
      </label>
      {exception && (
        <>
          <fieldset>
            <legend>{t('exceptionWhere')}</legend>
            <label class="choice">
              <input type="radio" name="bw-where" checked={thisHostOnly} onChange={() => setThisHostOnly(true)} /> {t('exceptionThisHost', host)}
            </label>
            <label class="choice">
              <input type="radio" name="bw-where" checked={!thisHostOnly} onChange={() => setThisHostOnly(false)} /> {t('exceptionEveryHost')}
            </label>
          </fieldset>
          {valuesOnly && (
            <label class="choice">
              <input type="checkbox" checked={theseValuesOnly} onChange={(e) => setTheseValuesOnly((e.target as HTMLInputElement).checked)} /> {t('exceptionTheseValues')}
            </label>
          )}
          <label class="field">
            {t('exceptionHowLong')}
            <select value={String(days)} onChange={(e) => setDays(Number((e.target as HTMLSelectElement).value))}>
              {DAYS.map((d) => (
                <option key={d} value={String(d)}>{d === 1 ? t('oneDay') : t('someDays', String(d))}</option>
              ))}
            </select>
          </label>
        </>
      )}
      <div class="buttons">
        <button type="button" onClick={onBack}>{t('back')}</button>
        <button type="submit" class="primary">{exception ? t('sendRequest') : t('sendReport')}</button>
      </div>
    </form>
  );
}
