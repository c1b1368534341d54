/**
 * A page can make an about:blank frame and call its contentWindow.fetch before any content script runs in
 * it. Every same-origin child window the page reaches through an element (contentWindow, contentDocument)
 * or window.open is hooked before the page gets it, with the parent's bridge. window.frames[i] and window[i]
 * cannot be intercepted: those frames get the hook from the content scripts declared for about:blank frames
 * (match_about_blank), and the background backstop covers them where it runs.
 */
export function hookChildWindows(win: Window & typeof globalThis, install: (child: Window & typeof globalThis) => void): void {
  const hook = (child: Window | null | undefined) => {
    if (!child || child === win) return;
    try {
      install(child as Window & typeof globalThis);
    } catch {
      // Another origin: it has its own content scripts, and the page cannot call its fetch.
    }
  };
  // <frame> and <embed> are left out: building their interfaces costs every page load, and neither is how pages make frames.
  for (const Element of [win.HTMLIFrameElement, win.HTMLObjectElement]) {
    if (!Element) continue;
    for (const name of ['contentWindow', 'contentDocument'] as const) {
      const descriptor = Object.getOwnPropertyDescriptor(Element.prototype, name);
      const get = descriptor?.get;
      if (!get) continue;
      Object.defineProperty(Element.prototype, name, {
        ...descriptor,
        get(this: Element) {
          const value = get.call(this) as Window | Document | null;
          hook(name === 'contentWindow' ? (value as Window | null) : (value as Document | null)?.defaultView);
          return value;
        },
      });
    }
  }
  const open = win.open;
  win.open = function (...args: Parameters<Window['open']>) {
    const opened = open.apply(this, args);
    hook(opened);
    return opened;
  };
}
