// Every way a page can send text without a gesture the guard recognises. Each route reports to window.sent.
window.sent = [];
const worker = new Worker('backstop-worker.js');
worker.onmessage = (e) => window.sent.push(e.data);
const sw = navigator.serviceWorker.register('/backstop-sw.js').then(() => navigator.serviceWorker.ready);
navigator.serviceWorker.addEventListener('message', (e) => window.sent.push(e.data));

window.routes = {
  // A navigation: no submit event, no fetch.
  formSubmit(text) {
    document.getElementById('note').value = text;
    document.getElementById('form').submit();
  },
  // A navigation the page makes itself, with the text in its query: the page world sees nothing of it.
  navigate: (text) => location.assign(`/backstop.html?note=${encodeURIComponent(text)}`),
  beacon: (text) => navigator.sendBeacon('/beacon', text),
  xhr(text) {
    const x = new XMLHttpRequest();
    x.open('POST', '/xhr');
    x.send(text);
  },
  // Search as you type: the text travels in the query string of an image request.
  query: (text) => void (new Image().src = `/search?q=${encodeURIComponent(text)}`),
  // The app retries every half second (as autosave does), for ten seconds.
  worker: (text) => worker.postMessage({ url: '/worker-save', body: JSON.stringify({ note: text }), tries: 20 }),
  serviceWorker: async (text) => (await sw).active.postMessage({ url: '/sw-save', body: JSON.stringify({ note: text }), tries: 20 }),
};
