import { h, render, type ComponentChild } from 'preact';
import { Dialog, Progress, type Choice, type DialogProps } from './Dialog';
import { STYLES } from './styles';

/**
 * The guard's UI lives in a closed shadow root on an element of its own: the page can neither restyle it nor
 * read what it says. One surface per frame, replaced as the guard moves from progress to a decision.
 */
class Surface {
  private host: HTMLElement | undefined;
  private root: ShadowRoot | undefined;
  private frame: HTMLDivElement | undefined;
  private returnFocus: HTMLElement | null = null;

  show(content: ComponentChild): void {
    if (!this.host) {
      this.returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      const doc = dialogDocument();
      this.host = doc.createElement('bulwark-guard');
      this.host.setAttribute('style', 'all: initial !important; position: fixed !important; inset: 0 !important; z-index: 2147483647 !important;');
      this.root = this.host.attachShadow({ mode: 'closed' });
      const style = doc.createElement('style');
      style.textContent = STYLES;
      this.frame = doc.createElement('div');
      this.frame.className = pageIsDark(doc) ? 'dark' : 'light';
      this.root.append(style, this.frame);
      (doc.body ?? doc.documentElement).append(this.host);
    }
    render(content, this.frame!);
  }

  close(): void {
    if (!this.host) return;
    render(null, this.frame!);
    this.host.remove();
    this.host = this.root = this.frame = undefined;
    this.returnFocus?.focus();
    this.returnFocus = null;
  }
}

const surface = new Surface();

export function askEmployee(props: Omit<DialogProps, 'onChoice'>): Promise<Choice> {
  return new Promise((resolve) =>
    surface.show(
      h(Dialog, {
        ...props,
        onChoice: (choice: Choice) => {
          surface.close();
          resolve(choice);
        },
      }),
    ),
  );
}

export function showProgress(done: number, onStop: () => void): void {
  surface.show(h(Progress, { done, onStop }));
}

export function closeSurface(): void {
  surface.close();
}

/**
 * Editors often live in small frames (TinyMCE's iframe): the dialog goes into the highest frame of the same
 * origin, where the employee can read it. A frame of another origin keeps it (its parent cannot be reached).
 */
function dialogDocument(): Document {
  let win: Window = window;
  try {
    while (win.parent !== win && win.parent.document.documentElement) win = win.parent;
  } catch {
    // The parent is of another origin.
  }
  return win.document;
}

/** Dark pages get the dark dialog: by the page's own background where it sets one, else by the system setting. */
export function pageIsDark(doc: Document): boolean {
  const view = doc.defaultView ?? window;
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) continue;
    const rgb = view.getComputedStyle(el).backgroundColor.match(/[\d.]+/g)?.map(Number);
    if (rgb && rgb.length >= 3 && (rgb[3] ?? 1) > 0.5) return 0.2126 * rgb[0]! + 0.7152 * rgb[1]! + 0.0722 * rgb[2]! < 110;
  }
  return view.matchMedia('(prefers-color-scheme: dark)').matches;
}
