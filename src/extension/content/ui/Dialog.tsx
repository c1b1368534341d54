import { useEffect, useRef, useState } from 'preact/hooks';
import type { FindingSummary } from '../../../core/events/summary';
import { messageIn, type Channel, type Decision } from '../../../core/policy';
import type { GuardRequest } from '../../messages';
import { formatNumber, nameOf, t, uiLanguage } from './i18n';
import { RequestForm } from './RequestForm';

export type Choice = { kind: 'cancel' } | { kind: 'continue'; justification?: string } | { kind: 'redact' } | { kind: 'request'; request: GuardRequest };

export interface DialogProps {
  decision: Pick<Decision, 'action' | 'rule' | 'description' | 'message' | 'messages' | 'helpUrl' | 'training' | 'requireJustification' | 'because'>;
  channel: Channel;
  host: string;
  summary: readonly FindingSummary[];
  /** Names of files that could not be read. */
  unreadable: readonly string[];
  /** Whether the guard can deliver a redacted version of this content (values only: see asking.ts). */
  canRedact: boolean;
  /** Whether the employee can send a request to the security team (the browser is enrolled). */
  canRequest: boolean;
  onChoice: (choice: Choice) => void;
}

/**
 * What the employee sees when a share needs a decision: the administrator's words first, then what stops it
 * (types, counts, masked previews) apart from what was merely found, and the ways forward that policy leaves,
 * with "This isn't sensitive" and "Request an exception" for the security team. An alert dialog: focus moves
 * in, Tab stays in, Escape cancels.
 */
export function Dialog({ decision, channel, host, summary, unreadable, canRedact, canRequest, onChoice }: DialogProps) {
  const [justification, setJustification] = useState('');
  const [missing, setMissing] = useState(false);
  const [asking, setAsking] = useState<GuardRequest['kind'] | undefined>();
  const [sent, setSent] = useState<GuardRequest | undefined>();
  const root = useRef<HTMLDivElement>(null);
  const { action } = decision;
  const mayContinue = action === 'warn';
  const mayRedact = canRedact && (action === 'redact' || action === 'warn') && summary.length > 0;
  const because = new Set(decision.because ?? summary.map((s) => s.type));
  const stopping = summary.filter((s) => because.has(s.type));
  const alsoFound = summary.filter((s) => !because.has(s.type));

  useEffect(() => {
    root.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, [asking, sent]);

  const proceed = () => {
    if (decision.requireJustification && !justification.trim()) {
      setMissing(true);
      root.current?.querySelector<HTMLElement>('textarea')?.focus();
      return;
    }
    onChoice({ kind: 'continue', justification: justification.trim() || undefined });
  };
  const finish = () => (sent ? onChoice({ kind: 'request', request: sent }) : onChoice({ kind: 'cancel' }));

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      finish();
    } else if (e.key === 'Tab') trapFocus(e, root.current);
    // Keys typed in the dialog are the dialog's: the page's shortcuts must not see them.
    e.stopPropagation();
  };

  // The administrator's own words, in the employee's language where the rule has it.
  const message = messageIn(uiLanguage(), decision.message, decision.messages);
  const title = action === 'block' ? t('titleBlock') : action === 'redact' ? t('titleRedact') : t('titleWarn');
  const valuesOnly = stopping.length > 0 && stopping.every((s) => !s.passage);
  return (
    <div class="backdrop" lang={uiLanguage()}>
      <div class={`dialog ${action}`} role="alertdialog" aria-modal="true" aria-labelledby="bw-title" aria-describedby="bw-body" ref={root} onKeyDown={onKeyDown}>
        <h2 id="bw-title">{title}</h2>
        <div id="bw-body">
          {message && <p class="message">{message}</p>}
          {decision.description && decision.description !== message && <p class="description">{decision.description}</p>}
          <p>{t('whereLine', nameOf('channel', channel), host)}</p>
          <Findings intro={action === 'block' ? t('becauseBlock') : action === 'redact' ? t('becauseRedact') : t('becauseWarn')} items={stopping} />
          <Findings intro={t('alsoFound')} items={alsoFound} />
          {summary.some((s) => s.category === 'phi') && <p class="note">{t('phiNote')}</p>}
          {unreadable.length > 0 && <p>{t('unscannable', unreadable.join(', '))}</p>}
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
          {decision.rule && <p class="rule">{t('ruleReference', decision.rule)}</p>}
        </div>
        {sent ? (
          <>
            <p role="status" class="sent">{sent.kind === 'exception' ? t('exceptionSent') : t('reportSent')}</p>
            <div class="buttons">
              <button type="button" class="primary" data-autofocus onClick={finish}>{t('close')}</button>
            </div>
          </>
        ) : asking ? (
          <RequestForm kind={asking} host={host} valuesOnly={valuesOnly} onBack={() => setAsking(undefined)} onSend={setSent} />
        ) : (
          <>
            {mayContinue && decision.requireJustification && (
              <label class="justification">
                {t('justificationLabel')}
                <textarea value={justification} maxLength={1000} aria-invalid={missing} aria-required="true" onInput={(e) => (setJustification((e.target as HTMLTextAreaElement).value), setMissing(false))} />
                {missing && <span role="alert" class="error">{t('justificationRequired')}</span>}
              </label>
            )}
            <div class="buttons">
              <button type="button" data-autofocus onClick={() => onChoice({ kind: 'cancel' })}>{t('cancel')}</button>
              {mayRedact && <button type="button" class="primary" onClick={() => onChoice({ kind: 'redact' })}>{t('redact')}</button>}
              {mayContinue && <button type="button" onClick={proceed}>{t('continue')}</button>}
            </div>
            {canRequest && decision.rule && (
              <div class="voice">
                <button type="button" class="link" onClick={() => setAsking('false-positive')}>{t('notSensitive')}</button>
                <button type="button" class="link" onClick={() => setAsking('exception')}>{t('askException')}</button>
              </div>
            )}
          </>
        )}
      </div>
    </div>
  );
}

function Findings({ intro, items }: { intro: string; items: readonly FindingSummary[] }) {
  if (!items.length) return null;
  return (
    <>
      <p>{intro}</p>
      <ul>
        {items.map((s) => (
          <li key={s.type}>
            <strong>{formatNumber(s.count)}</strong> {nameOf('type', s.type)}
            {s.previews.length > 0 && <span class="previews"> {s.previews.join(', ')}</span>}
          </li>
        ))}
      </ul>
    </>
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
  const focusable = [...root.querySelectorAll<HTMLElement>('button, textarea, input, select, a[href]')];
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
