import { h, render } from 'preact';
import type { FindingSummary } from '../../../core/events/summary';
import type { Decision } from '../../../core/policy';
import type { Editable } from '../targets';
import { Marker } from './Marker';
import { pageIsDark } from './mount';
import { MARKER_STYLES } from './styles';

const SIZE = 20;
const GAP = 2;

interface View {
  host: HTMLElement;
  frame: HTMLDivElement;
  resize: ResizeObserver;
}

/**
 * The markers of one frame, one per field whose content policy would stop. Each lives in a closed shadow root
 * on an element of its own at the end of the field's document (the page's markup and its frameworks never see
 * a node of the guard's inside theirs), fixed to the viewport just outside the field's top right corner (over
 * its border, never over its text; below it where there is no room above), following the field as the page
 * scrolls or resizes, batched to one update per frame. Only the badge takes the pointer.
 */
export class Markers {
  private readonly views = new Map<Editable, View>();
  private pending = 0;
  private readonly follow = () => {
    if (!this.pending) this.pending = requestAnimationFrame(() => ((this.pending = 0), this.placeAll()));
  };

  show(field: Editable, action: Decision['action'], summary: readonly FindingSummary[]): void {
    let view = this.views.get(field);
    if (!view) {
      const doc = field.ownerDocument;
      const host = doc.createElement('bulwark-marker');
      const root = host.attachShadow({ mode: 'closed' });
      const style = doc.createElement('style');
      style.textContent = MARKER_STYLES;
      const frame = doc.createElement('div');
      frame.className = pageIsDark(doc) ? 'dark' : 'light';
      root.append(style, frame);
      (doc.body ?? doc.documentElement).append(host);
      const resize = new ResizeObserver(this.follow);
      resize.observe(field);
      view = { host, frame, resize };
      if (!this.views.size) {
        addEventListener('scroll', this.follow, { capture: true, passive: true });
        addEventListener('resize', this.follow, { passive: true });
      }
      this.views.set(field, view);
    }
    render(h(Marker, { action, summary }), view.frame);
    this.place(field, view);
  }

  hide(field: Editable): void {
    const view = this.views.get(field);
    if (!view) return;
    render(null, view.frame);
    view.resize.disconnect();
    view.host.remove();
    this.views.delete(field);
    if (!this.views.size) {
      removeEventListener('scroll', this.follow, { capture: true });
      removeEventListener('resize', this.follow);
    }
  }

  private placeAll(): void {
    for (const [field, view] of this.views) {
      if (field.isConnected) this.place(field, view);
      else this.hide(field);
    }
  }

  private place(field: Editable, view: View): void {
    const r = field.getBoundingClientRect();
    const visible = r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight;
    const top = r.top - SIZE - GAP >= 0 ? r.top - SIZE - GAP : r.bottom + GAP;
    const left = Math.max(0, Math.min(r.right - SIZE, innerWidth - SIZE));
    view.host.setAttribute(
      'style',
      `all: initial !important; position: fixed !important; z-index: 2147483646 !important; width: ${SIZE}px !important; height: ${SIZE}px !important; pointer-events: none !important; ` +
        `top: ${top}px !important; left: ${left}px !important; display: ${visible ? 'block' : 'none'} !important;`,
    );
  }
}
