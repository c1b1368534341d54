/**
 * What the guard costs an employee, in real Chromium: the time from Ctrl+V to the page receiving the paste
 * (p50, p99) for 1 KB, 100 KB and 1 MB of harmless business text, with the built extension and, as the peer in
 * the same run, the same browser without it; and the script time a page load spends on the guard's content
 * scripts (CDP ScriptDuration, with and without the extension).
 */
import { existsSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { extensionId, launch } from '../e2e/chromium';
import buildForTests from '../e2e/global-setup';
import { startSite } from '../e2e/site';
import { mixedCorpus } from './corpus';

const SIZES = [
  { label: '1 KB', bytes: 1024, runs: 40 },
  { label: '100 KB', bytes: 100 * 1024, runs: 30 },
  { label: '1 MB', bytes: 1024 * 1024, runs: 10 },
];
const LOADS = 25;

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const median = (xs: number[]) => quantile(xs, 0.5);

/** Milliseconds from the Ctrl+V keydown to the page's own paste handler, measured by the page. */
async function pasteTimes(page: Page, text: string, runs: number): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { pressedAt: number; delays: number[] };
    w.delays = [];
    addEventListener('keydown', (e) => e.code === 'KeyV' && (w.pressedAt = e.timeStamp), true);
    document.addEventListener('paste', () => w.delays.push(performance.now() - w.pressedAt));
  });
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  for (let i = 0; i < runs; i++) {
    await page.fill('#ta', '');
    await page.focus('#ta');
    await page.keyboard.press('Control+V');
    await page.waitForFunction((n) => (window as unknown as { delays: number[] }).delays.length > n, i, { timeout: 60_000 });
  }
  return page.evaluate(() => (window as unknown as { delays: number[] }).delays);
}

async function scriptMs(page: Page, url: string): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  await cdp.detach();
  return metrics.find((m) => m.name === 'ScriptDuration')!.value * 1000;
}

await buildForTests();
const site = await startSite();
const guarded = await launch(extensionId(), {}, site.args);
const executablePath = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find(existsSync)!;
const plain = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', ...site.args] });
const plainContext = await plain.newContext();
const url = site.url('bench.example.com', 'fields.html');
const browsers = [
  { name: 'with Bulwark', context: guarded.context },
  { name: 'without (peer)', context: plainContext },
];
for (const b of browsers) await b.context.grantPermissions(['clipboard-read', 'clipboard-write']);

console.log('paste to page, ms (p50 / p99), harmless business text, guard warm:');
for (const size of SIZES) {
  const text = mixedCorpus(size.bytes, 7, 'business').slice(0, size.bytes);
  const row: string[] = [];
  let p50s: number[] = [];
  for (const b of browsers) {
    const page = await b.context.newPage();
    await page.goto(url);
    await page.focus('#ta');
    await page.waitForTimeout(1500); // the decider loads on focus
    const times = await pasteTimes(page, text, size.runs);
    await page.close();
    p50s.push(median(times));
    row.push(`${b.name} ${median(times).toFixed(2)} / ${quantile(times, 0.99).toFixed(2)}`);
  }
  console.log(`  ${size.label.padEnd(7)} ${row.join(';  ')};  added by the guard at p50: ${(p50s[0]! - p50s[1]!).toFixed(2)} ms`);
  p50s = [];
}

const loads: Record<string, number[]> = {};
for (let i = 0; i < LOADS; i++)
  for (const b of browsers) {
    const page = await b.context.newPage();
    (loads[b.name] ??= []).push(await scriptMs(page, url));
    await page.close();
  }
const [withMs, withoutMs] = browsers.map((b) => median(loads[b.name]!));
console.log(`page load, script time on the main thread (median of ${LOADS} loads): with Bulwark ${withMs!.toFixed(2)} ms, without ${withoutMs!.toFixed(2)} ms, added ${(withMs! - withoutMs!).toFixed(2)} ms`);

await guarded.close();
await plain.close();
await site.close();
