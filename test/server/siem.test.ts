import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCef } from '../../src/server/siem/cef';
import { Forwarder } from '../../src/server/siem/forwarder';
import { HttpJsonSink } from '../../src/server/siem/http-json';
import { syslogMessage, SyslogSink } from '../../src/server/siem/syslog';
import type { Store } from '../../src/server/store';
import { freshStore, makeEvent } from './harness';

const until = async (check: () => boolean, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

const port = (s: Server | HttpServer) => (s.address() as { port: number }).port;

/** Reads RFC 6587 octet-counted frames off a TCP stream. */
function frames(onFrame: (msg: string) => void) {
  let buf = Buffer.alloc(0);
  return (chunk: Buffer) => {
    buf = Buffer.concat([buf, chunk]);
    for (;;) {
      const space = buf.indexOf(0x20);
      if (space < 0) return;
      const len = Number(buf.subarray(0, space).toString());
      if (buf.length < space + 1 + len) return;
      onFrame(buf.subarray(space + 1, space + 1 + len).toString());
      buf = buf.subarray(space + 1 + len);
    }
  };
}

describe('forwarding to SIEMs', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await freshStore('sqlite'));
  });
  afterAll(() => dispose());

  it('formats CEF and RFC 5424 with escaping', () => {
    const e = makeEvent({ justification: 'a=b | c\\d\nnext', rule: 'r|1' });
    const cef = toCef(e, '0.1.0');
    expect(cef).toMatch(/^CEF:0\|Bulwark\|Bulwark DLP\|0\.1\.0\|block\|block paste to chatgpt\.com\|8\|/);
    expect(cef).toContain('cs3=a\\=b | c\\\\d\\nnext');
    expect(cef).toContain('cs1=r|1');
    const line = syslogMessage(e, { format: 'cef' }, 'bulwark-host');
    expect(line).toMatch(new RegExp(`^<108>1 ${e.time} bulwark-host bulwark - DLP \\[bulwark@32473 eventId="${e.id}" device="device-under-test" user="alice@example.com"\\] CEF:0`));
  });

  it('delivers every event once, in order, to a syslog collector and an HTTP collector that were down for a while', async () => {
    const events = Array.from({ length: 1200 }, () => makeEvent());
    await store.addEvents(events.slice(0, 700));

    // The syslog collector is not listening yet: its port is taken and released.
    const placeholder = createServer().listen(0, '127.0.0.1');
    await new Promise((r) => placeholder.once('listening', r));
    const syslogPort = port(placeholder);
    await new Promise((r) => placeholder.close(r));
    const syslogGot: string[] = [];
    const syslog = createServer((socket) => socket.on('data', frames((m) => syslogGot.push(m))));

    // The HTTP collector answers 503 three times first.
    const hecGot: Array<{ event: { metadata: { uid: string } } }> = [];
    let refusals = 3;
    let auth = '';
    const hec = createHttpServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        auth = req.headers.authorization ?? '';
        if (refusals-- > 0) return res.writeHead(503).end();
        for (const line of body.split('\n')) hecGot.push(JSON.parse(line));
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"text":"Success","code":0}');
      });
    }).listen(0, '127.0.0.1');
    await new Promise((r) => hec.once('listening', r));

    const forwarder = new Forwarder(
      store,
      [new SyslogSink({ name: 'qradar', host: '127.0.0.1', port: syslogPort, format: 'cef' }), new HttpJsonSink({ name: 'splunk', url: `http://127.0.0.1:${port(hec)}/services/collector/event`, token: 'hec-token', format: 'hec' })],
      { baseDelayMs: 50, maxDelayMs: 200, pollMs: 50 },
    );
    forwarder.start();
    await until(() => (forwarder.status.get('qradar')?.failures ?? 0) >= 2);
    syslog.listen(syslogPort, '127.0.0.1');
    await store.addEvents(events.slice(700));
    forwarder.kick();
    await until(() => syslogGot.length >= 1200 && hecGot.length >= 1200);
    await forwarder.stop();
    syslog.close();
    hec.close();

    const ids = events.map((e) => e.id);
    expect(syslogGot.map((m) => m.match(/eventId="([^"]+)"/)![1])).toEqual(ids);
    expect(hecGot.map((h) => h.event.metadata.uid)).toEqual(ids);
    expect(auth).toBe('Splunk hec-token');
    // A restarted forwarder resumes from its cursor: nothing is sent twice.
    expect(await store.siemCursor('siem:qradar')).toEqual(await store.siemCursor('siem:splunk'));
  });
});
