import { useEffect, useRef, useState } from 'preact/hooks';
import type { FindingSummary } from '../../../core/events/summary';
import { messageIn, type Channel, type Decision } from '../../../core/policy';
import { formatNumber, nameOf, t, uiLanguage } from './i18n';

export type Choice = { kind: 'cancel' } | { kind: 'continue'; justification?: string } | { kind: 'redact' };

export interface DialogProps {
  decision: Pick<Decision, 'action' | 'rule' | 'message' | 'messages' | 'helpUrl' | 'training' | 'requireJustification'>;
  channel: Channel;
  host: string;
  summary: readonly FindingSummary[];
  /** Names of files that could not be read. */
  unreadable: readonly string[];
  /** Whether the guard can deliver a redacted version of this content. */
  canRedact: boolean;
  onChoice: (choice: Choice) => void;
}

/**
 * What the employee sees when a share needs a decision: what was found (types, counts, masked previews), the
 * rule, and the ways forward that policy leaves. An alert dialog: focus moves in, Tab stays in, Escape cancels.
 */
export function Dialog({ decision, channel, host, summary, unreadable, canRedact, onChoice }: DialogProps) {
  const [justification, setJustification] = useState('');
  const [missing, setMissing] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const { action } = decision;
  const mayContinue = action === 'warn';
  const mayRedact = canRedact && (action === 'redact' || action === 'warn') && summary.length > 0;

  useEffect(() => {
    root.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, []);

  const proceed = () => {
    if (decision.requireJustification && !justification.trim()) {
      setMissing(true);
      root.current?.querySelector<HTMLElement>('textarea')?.focus();
      return;
    }
    onChoice({ kind: 'continue', justification: justification.trim() || undefined });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onChoice({ kind: 'cancel' });
    } else if (e.key === 'Tab') trapFocus(e, root.current);
    // Keys typed in the dialog are the dialog's: the page's shortcuts must not see them.
    e.stopPropagation();
  };

  // The administrator's own words, in the employee's language where the rule has it.
  const message = messageIn(uiLanguage(), decision.message, decision.messages);
  const title = action === 'block' ? t('titleBlock') : action === 'redact' ? t('titleRedact') : t('titleWarn');
  return (
    <div class="backdrop" lang={uiLanguage()}>
      <div class={`dialog ${action}`} role="alertdialog" aria-modal="true" aria-labelledby="bw-title" aria-describedby="bw-body" ref={root} onKeyDown={onKeyDown}>
        <h2 id="bw-title">{title}</h2>
        <div id="bw-body">
          <p>{t('whereLine', nameOf('channel', channel), host)}</p>
          {message && <p class="message">{message}</p>}
          {summary.length > 0 && (
            <>
              <p>{t('foundIntro')}</p>
              <ul>
                {summary.map((s) => (
                  <li key={s.type}>
                    <strong>{formatNumber(s.count)}</strong> {nameOf('type', s.type)}
                    {s.category === 'phi' && <span class="tag"> ({t('categoryPhi')})</span>}
                    {s.previews.length > 0 && <span class="previews"> {s.previews.join(', ')}</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
          {unreadable.length > 0 && <p>{t('unscannable', unreadable.join(', '))}</p>}
          {decision.rule && <p class="rule">{t('ruleLine', decision.rule)}</p>}
          {decision.helpUrl && (
            <p>
              <a href={decision.helpUrl} target="_blank" rel="noopener noreferrer">{t('learnMore')}</a>
            </p>
          )}
          {decision.training && (
            <p>
              <a class="training" href={decision.training} target="_blank" rel="noopener noreferrer">{t('training')}</a>
            </p>
          )}
        </div>
        {mayContinue && (
          <label class="justification">
            {t('justificationLabel')}
            <textarea value={justification} maxLength={1000} aria-invalid={missing} aria-required={decision.requireJustification} onInput={(e) => (setJustification((e.target as HTMLTextAreaElement).value), setMissing(false))} />
            {missing && <span role="alert" class="error">{t('justificationRequired')}</span>}
          </label>
        )}
        <div class="buttons">
          <button type="button" data-autofocus onClick={() => onChoice({ kind: 'cancel' })}>{t('cancel')}</button>
          {mayRedact && <button type="button" class="primary" onClick={() => onChoice({ kind: 'redact' })}>{t('redact')}</button>}
          {mayContinue && <button type="button" onClick={proceed}>{t('continue')}</button>}
        </div>
      </div>
    </div>
  );
}

export interface ProgressProps {
  done: number;
  onStop: () => void;
}

/** Shown while a large share is scanned: how far, and a way to stop (which also cancels the share). */
export function Progress({ done, onStop }: ProgressProps) {
  const percent = Math.round(done * 100);
  return (
    <div class="backdrop" lang={uiLanguage()}>
      <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="bw-title">
        <h2 id="bw-title">{t('titleChecking')}</h2>
        <progress max={100} value={percent} aria-valuetext={t('progress', formatNumber(percent))} />
        <p aria-live="polite">{t('progress', formatNumber(percent))}</p>
        <div class="buttons">
          <button type="button" onClick={onStop} ref={(b) => b?.focus()}>{t('stop')}</button>
        </div>
      </div>
    </div>
  );
}

function trapFocus(e: KeyboardEvent, root: HTMLElement | null): void {
  if (!root) return;
  const focusable = [...root.querySelectorAll<HTMLElement>('button, textarea, a[href]')];
  const first = focusable[0], last = focusable[focusable.length - 1];
  const active = (root.getRootNode() as ShadowRoot).activeElement;
  if (e.shiftKey && active === first) {
    e.preventDefault();
    last?.focus();
  } else if (!e.shiftKey && active === last) {
    e.preventDefault();
    first?.focus();
  }
}
