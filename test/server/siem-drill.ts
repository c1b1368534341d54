import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import type { BulwarkEvent } from '../../src/core/events/event';
import { newToken, tokenHash } from '../../src/server/secrets';
import type { Store } from '../../src/server/store';
import { makeEvent } from './harness';
import { sleep } from './server-process';

export { freePort } from './postgres';

/** Waits until `check` holds, looking every 20 ms; fails after `ms` (a deadline, not a measure). */
export async function until(check: () => boolean | Promise<boolean>, ms = 40_000, what = 'the condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}


export { freshDatabase } from './harness';

export interface Collector {
  /** Every event id received, in arrival order, repeats included. */
  ids: string[];
  /** Messages that were not what a SIEM expects (no id, a bad frame): a test expects none. */
  problems: string[];
  port: number;
  close(): Promise<void>;
}

/**
 * A syslog collector over TCP: reads RFC 6587 octet-counted frames and takes the event id from the RFC 5424
 * structured data (and checks it against the OCSF uid for JSON messages). A frame cut short by a sender's
 * death is not an event. `stop()` closes it, connections included; `start()` listens again on the same port.
 */
export async function syslogCollector(): Promise<Collector & { stop(): Promise<void>; start(): Promise<void> }> {
  const ids: string[] = [];
  const problems: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buf = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      for (;;) {
        const space = buf.indexOf(0x20);
        if (space < 0) return;
        const len = Number(buf.subarray(0, space).toString());
        if (!Number.isInteger(len) || len <= 0) return void (problems.push(`not an octet-counted frame: ${buf.subarray(0, 40).toString()}`), socket.destroy());
        if (buf.length < space + 1 + len) return;
        const msg = buf.subarray(space + 1, space + 1 + len).toString();
        buf = buf.subarray(space + 1 + len);
        const id = msg.match(/ \[bulwark@32473 eventId="([^"]+)"/)?.[1];
        const json = msg.indexOf('] {');
        if (!id) problems.push(`a syslog message without an event id: ${msg.slice(0, 120)}`);
        else if (json > 0 && (JSON.parse(msg.slice(json + 2)) as { metadata: { uid: string } }).metadata.uid !== id) problems.push('the OCSF uid differs from the syslog event id');
        else ids.push(id);
      }
    });
  });
  const listen = (port: number) => new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', () => (server.off('error', reject), resolve())));
  await listen(0);
  const port = (server.address() as { port: number }).port;
  const stop = async () => {
    const closed = new Promise((r) => server.close(r));
    for (const s of sockets) s.destroy();
    await closed;
  };
  return { ids, problems, port, stop, start: () => listen(port), close: stop };
}

/**
 * An HTTP collector taking Splunk HEC envelopes or OCSF JSON lines; records a request's ids only when the whole
 * body arrived, then answers 200 (after `delayMs`). While `down`, it answers 503 and keeps nothing.
 */
export async function httpCollector(options: { delayMs?: number } = {}): Promise<Collector & { url: string; down: boolean; requests: number }> {
  const state = {
    ids: [] as string[],
    problems: [] as string[],
    down: false,
    requests: 0,
    port: 0,
    url: '',
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
  const server = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('error', () => undefined);
    req.on('end', () => {
      state.requests++;
      if (state.down) return void res.writeHead(503).end();
      const got = Buffer.concat(chunks)
        .toString()
        .split('\n')
        .map((line) => JSON.parse(line) as { event?: { metadata?: { uid?: string } }; metadata?: { uid?: string } });
      setTimeout(() => {
        for (const g of got) {
          const id = (g.event ?? g).metadata?.uid;
          if (id) state.ids.push(id);
          else state.problems.push(`an event without metadata.uid: ${JSON.stringify(g).slice(0, 120)}`);
        }
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"text":"Success","code":0}');
      }, options.delayMs ?? 0);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  state.port = (server.address() as { port: number }).port;
  state.url = `http://127.0.0.1:${state.port}/services/collector/event`;
  return state;
}

/** How often each expected id arrived: the ones missing, and the ones that came more than once. */
export function tally(expected: readonly string[], got: readonly string[]): { missing: number; repeated: number; unknown: number } {
  const seen = new Map<string, number>();
  for (const id of got) seen.set(id, (seen.get(id) ?? 0) + 1);
  const want = new Set(expected);
  return {
    missing: expected.filter((id) => !seen.has(id)).length,
    repeated: [...seen].filter(([id, n]) => want.has(id) && n > 1).reduce((sum, [, n]) => sum + n - 1, 0),
    unknown: [...seen.keys()].filter((id) => !want.has(id)).length,
  };
}

export interface Fleet {
  devices: Array<{ id: string; token: string }>;
}

/** Enrolls `n` devices directly in the store (each device has its own rate limit). */
export async function enrollDevices(store: Store, n: number): Promise<Fleet> {
  const devices = [];
  for (let i = 0; i < n; i++) {
    const d = { id: `drill-device-${i}`, token: newToken('bwd') };
    await store.enrollDevice(d.id, tokenHash(d.token), `user${i}@example.com`);
    devices.push(d);
  }
  return { devices };
}

/**
 * Sends `batches` batches of `size` events from every device, all devices at once, each batch to the next
 * instance in turn; a refused connection (an instance that died) or a 5xx/429 answer is sent again to the next
 * one, as the extension's queue does. Answers every event sent.
 */
export async function ingest(urls: () => readonly string[], fleet: Fleet, batches: number, size: number, pauseMs = 0): Promise<BulwarkEvent[]> {
  const all: BulwarkEvent[] = [];
  await Promise.all(
    fleet.devices.map(async (d, i) => {
      for (let b = 0; b < batches; b++) {
        const events = Array.from({ length: size }, () => makeEvent({ device: { id: d.id, user: `user${i}@example.com` } }));
        all.push(...events);
        await send(urls, d.token, events, i + b);
        if (pauseMs) await sleep(pauseMs);
      }
    }),
  );
  return all;
}

async function send(urls: () => readonly string[], token: string, events: BulwarkEvent[], turn: number): Promise<void> {
  const body = JSON.stringify({ events, dropped: 0 });
  for (let attempt = 0; attempt < 100; attempt++) {
    const list = urls();
    const url = list[(turn + attempt) % list.length]!;
    try {
      const r = await fetch(`${url}/api/device/events`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body });
      const text = await r.text();
      if (r.ok) {
        const answer = JSON.parse(text) as { accepted: number; duplicates: number; rejected: unknown[] };
        if (answer.rejected.length) throw new Error(`events refused: ${text.slice(0, 300)}`);
        return;
      }
      if (r.status !== 429 && r.status < 500) throw new Error(`ingest: HTTP ${r.status} ${text.slice(0, 300)}`);
    } catch (e) {
      if ((e as Error).message.startsWith('ingest') || (e as Error).message.startsWith('events refused')) throw e;
    }
    await sleep(100);
  }
  throw new Error('ingest: no instance took the batch');
}

export interface ChildServer {
  process: ChildProcess;
  url: string;
  output: () => string;
}

/** A real backend process (`src/cli/server.ts start --config FILE`), ready when it answers HTTP. */
export async function startChild(dir: string, config: Record<string, unknown>, port: number): Promise<ChildServer> {
  const file = join(dir, `config-${port}.json`);
  writeFileSync(file, JSON.stringify({ host: '127.0.0.1', port, dataDir: join(dir, 'data'), ...config }));
  const root = join(import.meta.dirname, '../..');
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli/server.ts'), 'start', '--config', file], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const url = `http://127.0.0.1:${port}`;
  await until(
    async () => {
      if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}): ${output}`);
      return fetch(`${url}/api/me`).then(
        (r) => (void r.body?.cancel(), true),
        () => false,
      );
    },
    40_000,
    'the server process to answer',
  );
  return { process: child, url, output: () => output };
}

