import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { BulwarkEvent } from '../../src/core/events/event';
import { openStore } from '../../src/server/store';
import { newToken, tokenHash } from '../../src/server/secrets';

export { freePort } from './postgres';

/**
 * A real backend process (`src/cli/server.ts start`), run by node itself (not through npx or the tsx CLI,
 * which would put a parent process between the test and the server: kill -9 must reach the server).
 */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** What the process wrote, for a failing test's message. */
  output(): string;
  /** Resolves with the exit code (or the signal) once the process ended. */
  exited: Promise<number | NodeJS.Signals>;
  kill(signal: NodeJS.Signals): Promise<number | NodeJS.Signals>;
}

const ROOT = join(import.meta.dirname, '../..');

export function spawnServer(store: { dataDir: string } | { postgresUrl: string }, port: number): ServerProcess {
  const where = 'postgresUrl' in store ? ['--postgres', store.postgresUrl] : ['--data', store.dataDir];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/server.ts', 'start', '--port', String(port), ...where], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d));
  child.stderr!.on('data', (d: Buffer) => (out += d));
  const exited = new Promise<number | NodeJS.Signals>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code ?? 0)));
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => out,
    exited,
    kill: (signal) => (child.kill(signal), exited),
  };
}

/** Polls /healthz until the process answers (or fails with what it wrote when it ended first). */
export async function untilUp(server: ServerProcess, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let ended = false;
  void server.exited.then(() => (ended = true));
  while (Date.now() < deadline) {
    if (ended) throw new Error(`the server ended before it answered:\n${server.output()}`);
    const r = await fetch(`${server.url}/healthz`).catch(() => undefined);
    if (r?.status === 200) return;
    await sleep(100);
  }
  throw new Error(`the server did not answer in time:\n${server.output()}`);
}

/** Enrolls devices straight into the store before the server starts (the drills are about ingestion). */
export async function enrollDevices(store: { dataDir: string } | { postgresUrl: string }, n: number): Promise<Array<{ id: string; token: string }>> {
  const s = await openStore('postgresUrl' in store ? { dataDir: '', postgresUrl: store.postgresUrl } : store);
  try {
    const devices = Array.from({ length: n }, (_, i) => ({ id: `drill-device-${i}`, token: newToken('bwd') }));
    for (const d of devices) await s.enrollDevice(d.id, tokenHash(d.token), `user${d.id}@example.com`);
    return devices;
  } finally {
    await s.close();
  }
}

export interface SenderReport {
  sent: string[];
  /** Every status the server answered, with how often; 0 = no answer (refused, reset). */
  statuses: Map<number, number>;
  /** Answers of 503 and 429 that carried no Retry-After. */
  withoutRetryAfter: number;
}

/**
 * Sends batches the way the extension does: the same batch again until the server answers 2xx, waiting as a
 * Retry-After says (capped for the test) or a short while when there is no answer at all.
 */
export async function sendLikeADevice(url: () => string, device: { id: string; token: string }, next: () => BulwarkEvent[] | undefined, report: SenderReport, stop: { aborted: boolean }): Promise<void> {
  for (let batch = next(); batch; batch = next()) {
    for (;;) {
      if (stop.aborted) throw new Error('the drill ran out of time');
      const r = await fetch(`${url()}/api/device/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
        body: JSON.stringify({ events: batch }),
        signal: AbortSignal.timeout(15_000),
      }).catch(() => undefined);
      const status = r?.status ?? 0;
      report.statuses.set(status, (report.statuses.get(status) ?? 0) + 1);
      await r?.arrayBuffer().catch(() => undefined);
      if (r?.ok) {
        report.sent.push(...batch.map((e) => e.id));
        break;
      }
      const retryAfter = Number(r?.headers.get('retry-after'));
      if ((status === 503 || status === 429) && !(retryAfter > 0)) report.withoutRetryAfter++;
      // The test does not wait the seconds a real device would: a fraction of them, so the drill stays short.
      await sleep(retryAfter > 0 ? Math.min(retryAfter * 100, 500) : 50 + Math.random() * 100);
    }
  }
}

/** "200 x812, 503 x40, no answer x9": what the devices were told, for the drill's log line. */
export const summary = (reports: SenderReport[]): string => {
  const all = new Map<number, number>();
  for (const r of reports) for (const [s, n] of r.statuses) all.set(s, (all.get(s) ?? 0) + n);
  return [...all].sort(([a], [b]) => a - b).map(([s, n]) => `${s || 'no answer'} x${n}`).join(', ');
};

export const newReport = (): SenderReport => ({ sent: [], statuses: new Map(), withoutRetryAfter: 0 });


export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
