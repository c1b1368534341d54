/**
 * The web apps the guard is tested against, served over HTTPS from test/e2e/pages. Chromium resolves every
 * host name to this server (--host-resolver-rules), so a page can be opened as mail.google.com or
 * chat.openai.com and the guard sees the real destination. What reached the network is recorded: every request
 * with a body, every query string, every WebSocket message (on /ws).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { WebSocketServer } from 'ws';

const PAGES = resolve('test/e2e/pages');
/** Built by test/e2e/global-setup.ts (and by the guard benchmark) from pages/editors.ts. */
export const EDITORS_BUNDLE = resolve('.output/test-pages/editors.js');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };

export interface Received {
  /** POST, PUT..., GET (a request with a query string: `body` is the decoded query), or WS (one WebSocket message). */
  method: string;
  host: string;
  path: string;
  body: string;
}

export interface Site {
  port: number;
  received: Received[];
  /** While true, every POST is answered 503 and not recorded, as a backend under maintenance. */
  down: boolean;
  url(host: string, page: string): string;
  /** Chromium flags that send every host to this server and accept its certificate. */
  args: string[];
  close(): Promise<void>;
}

export async function startSite(): Promise<Site> {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-site-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=bulwark-test', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'pipe' });
  const received: Received[] = [];
  const server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (req, res) => {
    const path = new URL(req.url ?? '/', 'https://x').pathname;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const host = (req.headers.host ?? '').replace(/:\d+$/, '');
      const method = req.method ?? 'GET';
      if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS') {
        if (site.down) return void res.writeHead(503).end();
        received.push({ method, host, path, body: Buffer.concat(chunks).toString('latin1') });
        return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      }
      const query = new URL(req.url ?? '/', 'https://x').search;
      if (query) received.push({ method, host, path, body: decodeURIComponent(query.slice(1).replace(/\+/g, ' ')) });
      const file = path === '/editors.js' ? EDITORS_BUNDLE : join(PAGES, path.replace(/^\/+/, '').replace(/\.\./g, ''));
      let content: Buffer;
      try {
        content = readFileSync(file);
      } catch {
        return void res.writeHead(404).end();
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(content);
    });
  });
  const sockets = new WebSocketServer({ server, path: '/ws' });
  sockets.on('connection', (socket, req) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    socket.on('message', (data) => received.push({ method: 'WS', host, path: '/ws', body: Buffer.from(data as Buffer).toString('latin1') }));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  const site: Site = {
    port,
    received,
    down: false,
    url: (host, page) => `https://${host}:${port}/${page}`,
    args: ['--host-resolver-rules=MAP * 127.0.0.1', '--ignore-certificate-errors'],
    close: async () => {
      for (const socket of sockets.clients) socket.terminate();
      await new Promise<void>((ok) => sockets.close(() => ok()));
      await new Promise<void>((ok) => server.close(() => ok()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return site;
}
