import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServerConfig } from '../../src/server/config';
import { normalizeAddress, parseRange, ProxyTrust } from '../../src/server/proxy';
import { PASSWORD, startBackend, type TestBackend } from './harness';
import { send, startTlsProxy, type TlsProxy } from './tls-proxy';

describe('which proxies are believed', () => {
  const trust = new ProxyTrust(['10.0.0.0/8', '192.168.1.7', 'fd00::/8', '::1']);

  it('reads addresses and CIDR ranges of both families, and refuses anything else', () => {
    expect(parseRange('10.0.0.0/8')).toEqual({ address: '10.0.0.0', prefix: 8, family: 'ipv4' });
    expect(parseRange('2001:db8::/32')).toEqual({ address: '2001:db8::', prefix: 32, family: 'ipv6' });
    expect(parseRange('::1')).toEqual({ address: '::1', prefix: 128, family: 'ipv6' });
    for (const bad of ['10.0.0.0/33', 'fd00::/129', 'proxy.example.com', '10.0.0.0/8/1', '10.0.0.0/x', '']) expect(parseRange(bad)).toBeUndefined();
    const r = ServerConfig.safeParse({ trustedProxies: ['10.0.0.0/8', 'lb.internal'] });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toMatch(/IP address or a CIDR range/);
    expect(ServerConfig.safeParse({ publicOrigin: 'https://bulwark.example.com/console' }).success).toBe(false);
    expect(ServerConfig.parse({ publicOrigin: 'https://Bulwark.example.com:443/' }).publicOrigin).toBe('https://bulwark.example.com');
  });

  it('trusts what is in the list, IPv4-mapped IPv6 included', () => {
    expect(['10.1.2.3', '::ffff:10.1.2.3', '192.168.1.7', 'fd12::5', '::1'].map((a) => trust.trusts(a))).toEqual([true, true, true, true, true]);
    expect(['11.0.0.1', '192.168.1.8', '2001:db8::1', 'garbage', undefined].map((a) => trust.trusts(a))).toEqual([false, false, false, false, false]);
    expect(new ProxyTrust().trusts('127.0.0.1')).toBe(false);
    expect(normalizeAddress('[2001:db8::1]:443')).toBe('2001:db8::1');
    expect(normalizeAddress('203.0.113.9:5000')).toBe('203.0.113.9');
  });

  it('takes the client address from the right-most untrusted hop, and only behind a trusted proxy', () => {
    expect(trust.clientAddress('10.0.0.9', '203.0.113.9')).toBe('203.0.113.9');
    // The client wrote the left part itself; proxies of ours added the rest.
    expect(trust.clientAddress('10.0.0.9', '6.6.6.6, 203.0.113.9, 10.0.0.5')).toBe('203.0.113.9');
    expect(trust.clientAddress('fd00::2', '2001:db8::7')).toBe('2001:db8::7');
    expect(trust.clientAddress('::ffff:10.0.0.9', '10.0.0.1, 10.0.0.2')).toBe('10.0.0.1');
    expect(trust.clientAddress('203.0.113.50', '6.6.6.6')).toBe('203.0.113.50');
    expect(trust.clientAddress('10.0.0.9', undefined)).toBe('10.0.0.9');
  });

  it('rebuilds the origin from a trusted proxy, never from anybody else; a configured public origin wins', () => {
    const headers = { proto: 'https', host: 'bulwark.example.com' };
    expect(trust.origin('http://10.0.0.20:8080/api/x', '10.0.0.9', headers)).toBe('https://bulwark.example.com');
    expect(trust.origin('http://10.0.0.20:8080/api/x', '10.0.0.9', { proto: 'https, http' })).toBe('https://10.0.0.20:8080');
    expect(trust.origin('http://10.0.0.20:8080/api/x', '203.0.113.50', headers)).toBe('http://10.0.0.20:8080');
    expect(trust.origin('http://10.0.0.20:8080/api/x', '10.0.0.9', { proto: 'gopher', host: 'a b' })).toBe('http://10.0.0.20:8080');
    expect(new ProxyTrust([], 'https://console.example.com').origin('http://10.0.0.20:8080/', '203.0.113.50', headers)).toBe('https://console.example.com');
  });
});

describe('behind a TLS proxy', () => {
  let b: TestBackend;
  let proxy: TlsProxy;
  let cookie: string;
  beforeAll(async () => {
    b = await startBackend('sqlite', undefined, { config: { trustedProxies: ['127.0.0.1'], secureCookies: true, signIn: { firstDelaySeconds: 600 } } });
    proxy = await startTlsProxy(b.url);
    const login = await send(`${proxy.url}/api/login`, { method: 'POST', json: { name: 'admin', password: PASSWORD }, ca: proxy.cert });
    expect(login.status).toBe(200);
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(/; Secure/);
    cookie = setCookie.split(';')[0]!;
  });
  afterAll(async () => {
    await proxy?.close();
    await b?.close();
  });

  const change = (headers: Record<string, string>, via = proxy.url, from?: string) =>
    send(`${via}/api/enrollment-tokens`, { method: 'POST', json: { label: 'laptops' }, headers: { cookie, ...headers }, ca: proxy.cert, from });

  it('accepts a change from the console origin the browser sees (https, the proxy host)', async () => {
    expect((await change({ origin: proxy.url })).status).toBe(201);
    expect((await change({ 'sec-fetch-site': 'same-origin' })).status).toBe(201);
  });

  it('refuses a change from another origin, or without Origin and Sec-Fetch-Site, with a clear message', async () => {
    const refused: Array<Record<string, string>> = [{ origin: 'https://evil.example' }, { origin: proxy.url.replace('https', 'http') }, {}, { 'sec-fetch-site': 'cross-site' }];
    for (const headers of refused) {
      const r = await change(headers);
      expect(r.status).toBe(403);
      expect(JSON.parse(r.body).error).toBe('cross-site');
    }
    expect(JSON.parse((await change({})).body).message).toBe(`A change made with the session cookie needs an Origin header (${proxy.url}) or Sec-Fetch-Site: same-origin.`);
    // Reading needs no Origin; a bearer token (devices, API tokens) is not a cookie and is not asked for one.
    expect((await send(`${proxy.url}/api/me`, { headers: { cookie }, ca: proxy.cert })).status).toBe(200);
    const made = (await (await b.call('/api/tokens', { method: 'POST', as: 'admin', json: { label: 'ci', role: 'admin' } })).json()) as { token: string };
    expect((await send(`${proxy.url}/api/enrollment-tokens`, { method: 'POST', json: { label: 'x' }, headers: { authorization: `Bearer ${made.token}` }, ca: proxy.cert })).status).toBe(201);
  });

  it('believes X-Forwarded-* from the proxy only: a client that talks to the backend directly cannot claim https or an address', async () => {
    // 127.0.0.3 is not a trusted proxy: its X-Forwarded-Proto is ignored, so the origin it claims is not ours.
    const direct = await change({ origin: proxy.url, 'x-forwarded-proto': 'https', 'x-forwarded-host': new URL(proxy.url).host }, b.url, '127.0.0.3');
    expect(direct.status).toBe(403);
    // The client address for limits is the one the proxy saw, whatever X-Forwarded-For the client wrote itself.
    for (let i = 0; i < 5; i++) {
      const r = await send(`${proxy.url}/api/login`, { method: 'POST', json: { name: 'viewer', password: `guess ${i}` }, headers: { 'x-forwarded-for': `198.51.100.${i}` }, from: '127.0.0.2', ca: proxy.cert });
      expect(r.status).toBe(401);
    }
    expect((await send(`${proxy.url}/api/login`, { method: 'POST', json: { name: 'viewer', password: PASSWORD }, headers: { 'x-forwarded-for': '198.51.100.77' }, from: '127.0.0.2', ca: proxy.cert })).status).toBe(429);
    const trail = (await (await b.call('/api/audit', { as: 'admin' })).json()).entries as Array<{ action: string; target: string; detail: { address: string } }>;
    expect(trail.filter((e) => e.action === 'login.throttled').map((e) => [e.target, e.detail.address])).toEqual([['viewer', '127.0.0.2']]);
  });
});

describe('with a configured public origin', () => {
  let b: TestBackend;
  beforeAll(async () => {
    b = await startBackend('sqlite', undefined, { config: { publicOrigin: 'https://bulwark.example.com', trustedProxies: ['127.0.0.1'] } });
  });
  afterAll(() => b?.close());

  it('takes changes from that origin only', async () => {
    const make = (origin: string) => b.call('/api/enrollment-tokens', { method: 'POST', as: 'admin', json: { label: 'x' }, headers: { Origin: origin } });
    expect((await make('https://bulwark.example.com')).status).toBe(201);
    expect((await make(b.url)).status).toBe(403);
  });

  it('an https public origin makes the session cookie Secure', async () => {
    const r = await fetch(`${b.url}/api/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'viewer', password: PASSWORD }) });
    expect(r.headers.get('set-cookie')).toMatch(/; Secure/);
  });
});
