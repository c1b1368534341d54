import { useState } from 'preact/hooks';
import type { FindingSummary } from '../../../core/events/summary';
import type { Decision } from '../../../core/policy';
import { formatNumber, nameOf, t, uiLanguage } from './i18n';

export interface MarkerProps {
  action: Decision['action'];
  summary: readonly FindingSummary[];
}

/** What a field holds, in the employee's words: the most serious kind first (patient data over a secret...). */
function whatOf(summary: readonly FindingSummary[]): string {
  const categories = new Set(summary.map((s) => s.category));
  if (categories.has('phi')) return t('markerPhi');
  if (categories.has('secret')) return t('markerSecret');
  if (categories.has('pii')) return t('markerPii');
  if (categories.has('ip')) return t('markerIp');
  return t('markerSensitive');
}

/** The marker's accessible name: what the field holds, and what will happen when it is sent. */
export function markerName({ action, summary }: MarkerProps): string {
  const what = whatOf(summary);
  return action === 'block' ? t('markerBlock', what) : action === 'redact' ? t('markerRedact', what) : t('markerWarn', what);
}

/**
 * A small badge at a field's edge, shown while policy would warn about or block what the field holds, so that
 * the employee learns before sending. A button (focusable, named); pressing it shows what was found, masked.
 * The polite live region says it once when it appears, without taking focus from the field.
 */
export function Marker(props: MarkerProps) {
  const [open, setOpen] = useState(false);
  const name = markerName(props);
  return (
    <div class={`marker-frame ${props.action === 'block' ? 'block' : 'warn'}`} lang={uiLanguage()}>
      <button type="button" class="marker" aria-label={name} aria-expanded={open} aria-controls="bw-marker-details" onClick={() => setOpen(!open)} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
        <span aria-hidden="true">!</span>
      </button>
      <div role="status" aria-live="polite" class="visually-hidden">{name}</div>
      {open && (
        <div id="bw-marker-details" class="marker-details">
          <p>{name}</p>
          <ul>
            {props.summary.map((s) => (
              <li key={s.type}>
                <strong>{formatNumber(s.count)}</strong> {nameOf('type', s.type)}
                {s.previews.length > 0 && <span class="previews"> {s.previews.join(', ')}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
