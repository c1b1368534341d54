// A dedicated worker that sends what the page hands it (fetch from a worker is a request of its own).
onmessage = (e) => fetch(e.data.url, { method: 'POST', body: JSON.stringify({ text: e.data.text }) });
