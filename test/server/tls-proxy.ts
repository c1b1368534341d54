import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer, request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A TLS-terminating reverse proxy of the test's own, as nginx or a load balancer would be: HTTPS in front
 * (a self-signed certificate made with openssl now), plain HTTP to the backend, with X-Forwarded-For (the
 * peer appended to what the client sent), X-Forwarded-Proto and X-Forwarded-Host.
 */
export interface TlsProxy {
  /** https://127.0.0.1:port */
  url: string;
  cert: Buffer;
  close(): Promise<void>;
}

export async function startTlsProxy(backend: string): Promise<TlsProxy> {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-proxy-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'pipe' });
  const cert = readFileSync(join(dir, 'cert.pem'));
  const target = new URL(backend);
  const server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert }, (req, res) => {
    const peer = req.socket.remoteAddress ?? '';
    const forwardedFor = [req.headers['x-forwarded-for'], peer].filter(Boolean).join(', ');
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, 'x-forwarded-for': forwardedFor, 'x-forwarded-proto': 'https', 'x-forwarded-host': req.headers.host ?? '' } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `https://127.0.0.1:${port}`,
    cert,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => (rmSync(dir, { recursive: true, force: true }), resolve()));
      }),
  };
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP(S) request from a chosen local address (127.0.0.0/8 is all loopback), trusting `ca`. */
export function send(url: string, init: { method?: string; headers?: Record<string, string>; json?: unknown; from?: string; ca?: Buffer } = {}): Promise<Answer> {
  const u = new URL(url);
  const body = init.json === undefined ? undefined : JSON.stringify(init.json);
  const headers = { ...(body ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } : {}), ...init.headers };
  const options = { host: u.hostname, port: u.port, path: u.pathname + u.search, method: init.method ?? 'GET', headers, localAddress: init.from, ca: init.ca, agent: false as const };
  return new Promise((resolve, reject) => {
    const req = (u.protocol === 'https:' ? httpsRequest : httpRequest)(options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
