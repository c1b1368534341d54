/**
 * What watching typed text costs an employee, in real Chromium: for a field that already holds 10 KB of
 * harmless business text, (1) the latency of a keystroke, from its keydown to the page's own input handler
 * (p50, p99), with the built extension and, as the peer in the same run, the same browser without it; (2) the
 * script time per keystroke including the watcher's scan after each pause in typing (CDP ScriptDuration), which
 * runs off the keystroke's path. A page load's cost is measured by guard.bench.ts.
 */
import { existsSync } from 'node:fs';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { extensionId, launch } from '../e2e/chromium';
import buildForTests from '../e2e/global-setup';
import { startSite } from '../e2e/site';
import { mixedCorpus } from './corpus';

const FIELD_BYTES = 10 * 1024;
const KEYSTROKES = 300;
const PAUSED_KEYSTROKES = 30;

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const median = (xs: number[]) => quantile(xs, 0.5);

async function fieldPage(context: BrowserContext, url: string, text: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.fill('#ta', text);
  await page.focus('#ta');
  await page.waitForTimeout(1500); // the decider loads on focus, and scans the field after the fill
  await page.evaluate(() => {
    const w = window as unknown as { pressedAt: number; delays: number[] };
    w.delays = [];
    addEventListener('keydown', (e) => (w.pressedAt = e.timeStamp), true);
    document.addEventListener('input', () => w.delays.push(performance.now() - w.pressedAt));
  });
  return page;
}

const scriptMs = async (cdp: CDPSession) => ((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.find((m) => m.name === 'ScriptDuration')!.value * 1000;

/**
 * Milliseconds from keydown to the page's input handler for keystrokes typed one after another, and the script
 * time per keystroke meanwhile (the guard's listeners, and the scans the watcher makes while typing goes on).
 */
async function keystrokeTimes(page: Page): Promise<{ times: number[]; scriptPerKey: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const before = await scriptMs(cdp);
  for (let i = 0; i < KEYSTROKES; i++) await page.keyboard.type(String.fromCharCode(97 + (i % 26)), { delay: 0 });
  const scriptPerKey = ((await scriptMs(cdp)) - before) / KEYSTROKES;
  await cdp.detach();
  return { times: await page.evaluate(() => (window as unknown as { delays: number[] }).delays), scriptPerKey };
}

/** Script time per keystroke when every keystroke is followed by a pause (so that each one is scanned). */
async function scriptPerPausedKeystroke(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const script = () => scriptMs(cdp);
  const before = await script();
  for (let i = 0; i < PAUSED_KEYSTROKES; i++) {
    await page.keyboard.type('x');
    await page.waitForTimeout(400);
  }
  const after = await script();
  await cdp.detach();
  return (after - before) / PAUSED_KEYSTROKES;
}

await buildForTests();
const site = await startSite();
const guarded = await launch(extensionId(), {}, site.args);
const executablePath = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find(existsSync)!;
const plain = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', ...site.args] });
const browsers = [
  { name: 'with Bulwark', context: guarded.context },
  { name: 'without (peer)', context: await plain.newContext() },
];
const url = site.url('bench.example.com', 'fields.html');
const text = mixedCorpus(FIELD_BYTES, 11, 'business').slice(0, FIELD_BYTES);

console.log(`typing into a field of ${FIELD_BYTES / 1024} KB, harmless business text, guard warm:`);
const rows: { p50: number; p99: number; steady: number; paused: number }[] = [];
for (const b of browsers) {
  const page = await fieldPage(b.context, url, text);
  const { times, scriptPerKey } = await keystrokeTimes(page);
  const paused = await scriptPerPausedKeystroke(page);
  await page.close();
  const row = { p50: median(times), p99: quantile(times, 0.99), steady: scriptPerKey, paused };
  rows.push(row);
  console.log(`  ${b.name.padEnd(15)} keydown to the page's input handler p50 ${row.p50.toFixed(2)} / p99 ${row.p99.toFixed(2)} ms (${times.length} keystrokes); script per keystroke typing on ${row.steady.toFixed(3)} ms, after a pause (scanned) ${row.paused.toFixed(2)} ms`);
}
const [w, wo] = rows as [(typeof rows)[0], (typeof rows)[0]];
console.log(`  added by the guard: keystroke p50 ${(w.p50 - wo.p50).toFixed(2)} / p99 ${(w.p99 - wo.p99).toFixed(2)} ms; script per keystroke typing on ${(w.steady - wo.steady).toFixed(3)} ms; per scan of the field after a pause (off the keystroke's path) ${(w.paused - wo.paused).toFixed(2)} ms`);

await guarded.close();
await plain.close();
await site.close();
