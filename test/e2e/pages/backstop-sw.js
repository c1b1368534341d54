// A service worker that syncs what a page gives it, and tries again when the network fails.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));
self.addEventListener('message', (e) => {
  const { data } = e;
  e.waitUntil((async () => {
    for (let i = 0; i < data.tries; i++) {
      try {
        await fetch(data.url, { method: 'POST', body: data.body });
        e.source?.postMessage({ route: 'service-worker', ok: true, tries: i + 1 });
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    e.source?.postMessage({ route: 'service-worker', ok: false });
  })());
});
