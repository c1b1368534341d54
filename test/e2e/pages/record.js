// What the page itself sees: every paste, drop, input and change its own handlers receive, and what it sends.
window.seen = [];
const note = (e) => {
  const t = e.target;
  const entry = { type: e.type, target: t && (t.id || t.tagName), trusted: e.isTrusted };
  if (e.clipboardData) entry.text = e.clipboardData.getData('text/plain');
  if (e.dataTransfer) entry.files = [...e.dataTransfer.files].map((f) => f.name);
  if (t && t.type === 'file') entry.files = [...t.files].map((f) => f.name);
  window.seen.push(entry);
};
for (const type of ['paste', 'drop', 'input', 'change', 'submit']) document.addEventListener(type, note);
window.send = (path, body) => fetch(path, { method: 'POST', body });
