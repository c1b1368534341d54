/**
 * What the page-world hook costs a page's own requests, in real Chromium: fetch (call to response read) and
 * sendBeacon (the call itself, 5 ms apart) with harmless business text of 1 KB and 100 KB, p50 / p99, in three states:
 * before the employee has done anything in the page (the decider is not loaded; requests only cross the
 * synchronous path), after a gesture with the decider loaded (each request is scanned inside the call), and the
 * same browser without the extension as the peer in the same run. A page load's cost is measured by
 * guard.bench.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, extensionId, launch } from '../e2e/chromium';
import buildForTests from '../e2e/global-setup';
import { startSite } from '../e2e/site';

const SIZES = [
  { label: '1 KB', bytes: 1024, runs: 200 },
  { label: '100 KB', bytes: 100 * 1024, runs: 60 },
];
type Times = { fetch: [number, number]; call: [number, number]; beacon: [number, number] };

await buildForTests();
const site = await startSite();
const guarded = await launch(extensionId(), {}, site.args);
// The peer: the same kind of browser (a persistent profile, the same flags), without the extension.
const plainProfile = mkdtempSync(join(tmpdir(), 'bulwark-bench-'));
const plainContext = await chromium.launchPersistentContext(plainProfile, {
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...site.args],
});
const url = (hash = '') => site.url('bench.example.com', `requests.html${hash}`);

/** Measured by the page's own script after its load, before any gesture (Playwright's evaluate would count as one). */
async function beforeGesture(context: BrowserContext, bytes: number, runs: number): Promise<Times> {
  const page = await context.newPage();
  const reported = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('results '), timeout: 120_000 });
  await page.goto(url(`#auto:${bytes}:${runs}`));
  const times = JSON.parse((await reported).text().slice('results '.length)) as Times;
  await page.close();
  return times;
}

async function afterGesture(context: BrowserContext, bytes: number, runs: number): Promise<Times> {
  const page: Page = await context.newPage();
  await page.goto(url());
  await page.click('#notes'); // a gesture, and focus in a field: the decider loads
  await page.waitForTimeout(1500);
  const times = await page.evaluate(([b, r]) => (window as unknown as { measure(b: number, r: number): Promise<Times> }).measure(b!, r!), [bytes, runs]);
  await page.close();
  return times;
}

const ms = ([p50, p99]: [number, number]) => `${p50.toFixed(2)} / ${p99.toFixed(2)}`;
console.log("a page's own requests with harmless text, ms (p50 / p99): fetch = to the response read; fetch() = the call itself (the page's thread held); sendBeacon = the call");
for (const size of SIZES) {
  const rows = [
    ['with Bulwark, before any gesture', await beforeGesture(guarded.context, size.bytes, size.runs)],
    ['with Bulwark, after a gesture (scanned)', await afterGesture(guarded.context, size.bytes, size.runs)],
    ['without (peer)', await afterGesture(plainContext, size.bytes, size.runs)],
  ] as const;
  console.log(`  ${size.label}:`);
  for (const [name, t] of rows) console.log(`    ${name.padEnd(42)} fetch ${ms(t.fetch)};  fetch() ${ms(t.call)};  sendBeacon ${ms(t.beacon)}`);
  const peer = rows[2][1];
  const added = (k: keyof Times, i: 0 | 1) => `${(rows[i][1][k][0] - peer[k][0]).toFixed(2)}`;
  console.log(`    added at p50, before a gesture / after: fetch ${added('fetch', 0)} / ${added('fetch', 1)} ms; fetch() ${added('call', 0)} / ${added('call', 1)} ms; sendBeacon ${added('beacon', 0)} / ${added('beacon', 1)} ms`);
}

await guarded.close();
await plainContext.close();
rmSync(plainProfile, { recursive: true, force: true });
await site.close();
