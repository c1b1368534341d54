// @vitest-environment happy-dom
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MyRequests } from '../../../src/extension/popup/MyRequests';

const settle = () => new Promise((r) => setTimeout(r, 150));
let server: Server | undefined;
let seenAuth: string | undefined;

/** A real HTTP server answering the device's requests route as the backend does. */
async function serve(body: unknown): Promise<string> {
  server = createServer((req, res) => {
    // happy-dom's fetch asks first as a web page would (an extension's host permission spares it that in Chromium).
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', '*');
    if (req.method === 'OPTIONS') return void res.end();
    seenAuth = req.headers.authorization;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

const enroll = (serverUrl: string) =>
  fakeBrowser.storage.local.set({ 'bulwark.enrollment': { serverUrl, deviceId: 'd1', deviceToken: 'device-token', hashKey: 'a2V5', policyPublicKey: 'pk', user: 'carol@ourpharma.com' } });

const REQUESTS = {
  requests: [
    { id: 'r2', kind: 'exception', status: 'approved', rule: 'block-ssn', host: 'chat.example.com', createdAt: '2026-12-02T10:00:00Z', decidedAt: '2026-12-02T11:00:00Z', answer: 'Fine for this week', grant: { expiresAt: '2026-12-09T11:00:00Z', host: 'chat.example.com', everyone: false, values: true } },
    { id: 'r1', kind: 'false-positive', status: 'rejected', rule: 'block-ssn', host: 'chat.example.com', createdAt: '2026-12-01T10:00:00Z', answer: 'It is an SSN' },
    { id: 'r0', kind: 'exception', status: 'open', rule: 'warn-phi', host: 'mail.example.net', createdAt: '2026-12-01T09:00:00Z' },
  ],
};

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.runtime.getManifest = () => ({ manifest_version: 3, name: 'Bulwark', version: '0.1.0' });
  document.body.innerHTML = '<div id="app"></div>';
});
afterEach(async () => {
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  server = undefined;
});

describe("the popup: the employee's requests", () => {
  it('shows nothing in a browser that is not enrolled (nobody decides requests there)', async () => {
    render(<MyRequests />, document.getElementById('app')!);
    await settle();
    expect(document.body.textContent).toBe('');
  });

  it("lists the answers from the server, asked with the device's token", async () => {
    await enroll(await serve(REQUESTS));
    render(<MyRequests />, document.getElementById('app')!);
    await settle();
    const items = [...document.querySelectorAll('li')].map((li) => li.textContent);
    expect(seenAuth).toBe('Bearer device-token');
    expect(items[0]).toMatch(/exception requested · rule block-ssn · chat\.example\.com · granted until .+, on chat\.example\.com · security team: “Fine for this week”/);
    expect(items[1]).toMatch(/reported as not sensitive · rule block-ssn · chat\.example\.com · declined · security team: “It is an SSN”/);
    expect(items[2]).toMatch(/exception requested · rule warn-phi · mail\.example\.net · waiting for your security team$/);
  });

  it('while the server is away, shows what it said last and says so', async () => {
    const url = await serve(REQUESTS);
    await enroll(url);
    render(<MyRequests />, document.getElementById('app')!);
    await settle();
    await new Promise((r) => server!.close(r));
    server = undefined;
    document.body.innerHTML = '<div id="app"></div>';
    render(<MyRequests />, document.getElementById('app')!);
    await settle();
    expect(document.querySelector('[role="status"]')!.textContent).toMatch(/cannot be reached; as it answered on/);
    expect(document.querySelectorAll('li')).toHaveLength(3);
  });

  it('says so when the server was never reached', async () => {
    await enroll('http://127.0.0.1:9');
    render(<MyRequests />, document.getElementById('app')!);
    await settle();
    expect(document.body.textContent).toContain("Your organisation's server cannot be reached.");
    expect(document.body.textContent).toContain('No requests to your security team yet.');
  });
});
