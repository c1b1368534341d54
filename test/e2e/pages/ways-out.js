// The app of ways-out.html: each route reads what the employee gave it and sends it to /out/<route>.
const $ = (id) => document.getElementById(id);
const out = (route) => `/out/${route}`;
const post = (route, body) => fetch(out(route), { method: 'POST', body });
const json = (text) => JSON.stringify({ text });
window.sent = [];
const note = (route) => window.sent.push(route);

// Gestures the guard does not know by name.
$('post-btn').addEventListener('click', () => { post('post', json($('post-box').value)); note('post'); });
$('comment-btn').addEventListener('click', () => post('comment', json($('comment-box').value)));
$('icon-btn').addEventListener('click', () => post('icon', json($('icon-box').value)));
$('div-btn').addEventListener('click', () => post('div', json($('div-box').value)));
$('pointer-btn').addEventListener('pointerdown', () => post('pointer', json($('pointer-box').value)));
$('mouse-btn').addEventListener('mousedown', () => post('mouse', json($('mouse-box').value)));
$('notes-box').addEventListener('keyup', (e) => { if (e.key === 'Enter' && !e.shiftKey) post('notes', json($('notes-box').value)); });
$('de-box').addEventListener('keydown', (e) => { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); post('de', json($('de-box').innerText)); } });
$('senden-btn').addEventListener('click', () => post('senden', json($('senden-box').value)));
$('frame-btn').addEventListener('click', () => post('frame', json($('editor-frame').contentDocument.getElementById('ed').innerText)));

// A web component with a closed shadow root: its editor is inside, its Send button outside.
customElements.define('x-composer', class extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'closed' });
    root.innerHTML = '<textarea id="inner" aria-label="Reply"></textarea>';
    this.value = () => root.getElementById('inner').value;
    this.focusInner = () => root.getElementById('inner').focus();
  }
});
$('shadow-btn').addEventListener('click', () => post('shadow', json($('shadow-composer').value())));

$('hidden-btn').addEventListener('click', () => { $('hidden-payload').value = $('hidden-box').value; $('hidden-form').requestSubmit(); });
$('search-near-btn').addEventListener('click', () => post('search-near', json($('search-near-box').value)));

// No gesture at all: draft sync as the employee types, suggestions as they type.
let draftTimer;
$('autosave-box').addEventListener('input', () => { clearTimeout(draftTimer); draftTimer = setTimeout(() => fetch(out('autosave'), { method: 'PUT', body: json($('autosave-box').value) }), 200); });
let suggestTimer;
$('suggest-box').addEventListener('input', () => { clearTimeout(suggestTimer); suggestTimer = setTimeout(() => fetch(`${out('suggest')}?q=${encodeURIComponent($('suggest-box').value)}`), 200); });

// Routes the app takes by itself with what #any-box holds (called by the test as the app's own code would run).
const anyText = () => $('any-box').value;
const enc = new TextEncoder();
window.routes = {
  beacon: () => navigator.sendBeacon(out('beacon'), anyText()),
  websocket: () => { const ws = new WebSocket(`wss://${location.host}/ws`); ws.onopen = () => ws.send(`websocket ${anyText()}`); },
  request: () => fetch(new Request(out('request'), { method: 'POST', body: anyText() })),
  'array-buffer': () => post('array-buffer', enc.encode(anyText()).buffer),
  'typed-array': () => post('typed-array', enc.encode(anyText())),
  'xhr-string': () => { const x = new XMLHttpRequest(); x.open('POST', out('xhr-string')); x.send(anyText()); },
  'url-query': () => fetch(`${out('url-query')}?note=${encodeURIComponent(anyText())}`),
  'image-query': () => { new Image().src = `${out('image-query')}?note=${encodeURIComponent(anyText())}`; },
  'foreign-formdata': () => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const form = new frame.contentWindow.FormData();
    form.append('note', anyText());
    post('foreign-formdata', form);
  },
  'form-submit': () => {
    const form = document.createElement('form');
    form.method = 'post';
    form.action = out('form-submit');
    const field = Object.assign(document.createElement('input'), { type: 'hidden', name: 'note', value: anyText() });
    form.append(field);
    document.body.append(form);
    form.submit();
  },
  base64: () => post('base64', JSON.stringify({ blob: btoa(unescape(encodeURIComponent(anyText()))) })),
  worker: () => new Worker('ways-out-worker.js').postMessage({ url: new URL(out('worker'), location.href).href, text: anyText() }),
  'service-worker': async () => {
    const reg = await navigator.serviceWorker.register('ways-out-sw.js');
    const sw = reg.active ?? (await navigator.serviceWorker.ready).active;
    sw.postMessage({ url: new URL(out('service-worker'), location.href).href, text: anyText() });
  },
};

// The clipboard read by the page itself.
$('import-btn').addEventListener('click', async () => {
  try {
    post('clipboard', json(await navigator.clipboard.readText()));
  } catch {
    // Refused: nothing to import.
  }
});

// A chosen file, uploaded at once.
$('file').addEventListener('change', () => {
  const form = new FormData();
  for (const f of $('file').files) form.append('file', f);
  post('file', form);
});

// An SSN typed into three boxes, sent together.
$('ssn-btn').addEventListener('click', () => post('split', JSON.stringify({ a: $('ssn-a').value, b: $('ssn-b').value, c: $('ssn-c').value })));
