import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { answer, dialogText, PHI_VALUES, progressShown, seen, uploadPage, waitForDialog } from './employee';
import { mixedCorpus } from '../bench/corpus';

const PATIENTS = { name: 'patients.csv', mimeType: 'text/csv', buffer: Buffer.from('patient,mrn,ssn,diagnosis\nMaria Gonzalez,48213377,219-09-9999,type 2 diabetes\n') };
const MINUTES = { name: 'minutes.txt', mimeType: 'text/plain', buffer: Buffer.from('Minutes: the packaging line review moves to Friday.\n') };

describe('the guard on uploads: file inputs, drops, hidden choosers, fetch and XHR (real Chromium)', () => {
  const { env, page: current, uploads } = uploadPage();
  let page: Page;
  beforeEach(() => {
    page = current();
  });

  it('holds a chosen file with patient data: the page hears no input or change and cannot read input.files', async () => {
    await page.setInputFiles('#file', PATIENTS);
    const text = await waitForDialog(page);
    expect(text).toContain('Your file upload to files.example.com.');
    expect(text).toContain('Social Security numbers');
    expect(await seen(page)).toEqual([]);
    expect(await page.$eval('#file', (i) => (i as HTMLInputElement).files!.length)).toBe(0);
    await answer(page, { choose: 'cancel' });
    expect(await seen(page)).toEqual([]);
    expect(uploads()).toEqual([]);
  });

  it('puts the file back and lets the page upload it when the employee continues, asking once', async () => {
    await page.setInputFiles('#file', PATIENTS);
    await answer(page, { choose: 'continue' });
    await expect.poll(() => uploads().length).toBe(1);
    expect(uploads()[0]!.body).toContain('patients.csv');
    expect(await seen(page)).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'input', files: ['patients.csv'] }), expect.objectContaining({ type: 'change', files: ['patients.csv'] })]));
    // The app's own fetch of the same file was not asked about again.
    expect(await dialogText(page)).toBeUndefined();
  });

  it('lets a harmless file through without a dialog', async () => {
    await page.setInputFiles('#file', MINUTES);
    await expect.poll(() => uploads().length).toBe(1);
    expect(await dialogText(page)).toBeUndefined();
  });

  it('holds a file dropped on an upload zone, then delivers the drop', async () => {
    // A real drop from outside the page (Chrome DevTools Protocol), as when a file is dragged from the desktop.
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-drop-'));
    const path = join(dir, PATIENTS.name);
    writeFileSync(path, PATIENTS.buffer);
    const box = (await page.locator('#zone').boundingBox())!;
    const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const cdp = await page.context().newCDPSession(page);
    const data = { items: [], files: [path], dragOperationsMask: 1 };
    for (const type of ['dragEnter', 'dragOver', 'drop'] as const) await cdp.send('Input.dispatchDragEvent', { type, ...at, data });
    await waitForDialog(page);
    expect((await seen(page)).filter((e) => e.type === 'drop')).toEqual([]);
    await answer(page, { choose: 'continue' });
    await expect.poll(() => uploads().length).toBe(1);
    expect(uploads()[0]!.body).toContain('patients.csv');
    rmSync(dir, { recursive: true, force: true });
  });

  it('ignores a paste made up by the page: it carries only what the page already has', async () => {
    await page.evaluate((text) => {
      const clipboardData = new DataTransfer();
      clipboardData.setData('text/plain', text);
      document.getElementById('zone')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true }));
    }, PATIENTS.buffer.toString());
    expect(await seen(page)).toContainEqual(expect.objectContaining({ type: 'paste', trusted: false }));
    expect(await dialogText(page)).toBeUndefined();
  });

  it('holds a file from a chooser that never joins the document', async () => {
    const chooser = page.waitForEvent('filechooser');
    await page.click('#pick');
    await (await chooser).setFiles(PATIENTS);
    await waitForDialog(page);
    expect((await seen(page)).filter((e) => e.type === 'detached-change')).toEqual([]);
    await answer(page, { choose: 'cancel' });
    expect(uploads()).toEqual([]);
    const again = page.waitForEvent('filechooser');
    await page.click('#pick');
    await (await again).setFiles(PATIENTS);
    await answer(page, { choose: 'continue' });
    await expect.poll(() => uploads().length).toBe(1);
    expect(await seen(page)).toContainEqual({ type: 'detached-change', files: ['patients.csv'] });
  });

  it('holds a programmatic fetch upload of a Blob until the employee decides; a refusal is a network error', async () => {
    const sent = page.evaluate(async (text) => {
      try {
        await fetch('/upload', { method: 'POST', body: new Blob([text], { type: 'text/csv' }) });
        return 'sent';
      } catch (e) {
        return String(e);
      }
    }, PATIENTS.buffer.toString());
    const text = await waitForDialog(page);
    expect(text).toContain('Your upload to files.example.com.');
    expect(uploads()).toEqual([]);
    await answer(page, { choose: 'cancel' });
    expect(await sent).toMatch(/TypeError: Failed to fetch: the upload was stopped by Bulwark/);
    expect(uploads()).toEqual([]);
  });

  it('holds an XHR upload of FormData and sends it when the employee continues', async () => {
    await page.evaluate((text) => {
      const body = new FormData();
      body.append('note', 'quarterly export');
      body.append('file', new File([text], 'export.csv', { type: 'text/csv' }));
      const xhr = new XMLHttpRequest();
      xhr.open('POST', '/upload');
      xhr.send(body);
    }, PATIENTS.buffer.toString());
    await waitForDialog(page);
    expect(uploads()).toEqual([]);
    await answer(page, { choose: 'continue' });
    await expect.poll(() => uploads().length).toBe(1);
    expect(uploads()[0]!.body).toContain('export.csv');
    for (const v of PHI_VALUES) expect(JSON.stringify(await env.session.worker.evaluate(() => (globalThis as unknown as { bulwark: { recentDecisions(): Promise<unknown> } }).bulwark.recentDecisions()))).not.toContain(v);
  });

  it('shows progress while a large file is checked, and Stop cancels the upload', async () => {
    const big = { name: 'export.txt', mimeType: 'text/plain', buffer: Buffer.from(mixedCorpus(6 * 1024 * 1024, 3, 'clinical')) };
    await page.setInputFiles('#file', big);
    await expect.poll(() => progressShown(page), { timeout: 15_000 }).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => progressShown(page)).toBe(false);
    expect(await dialogText(page)).toBeUndefined();
    expect(await seen(page)).toEqual([]);
    expect(await page.$eval('#file', (i) => (i as HTMLInputElement).files!.length)).toBe(0);
    expect(uploads()).toEqual([]);
  });

  it('refuses a forged bridge request that does not match the schema, without a dialog', async () => {
    const answerOf = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = (e) => resolve(e.data);
          window.postMessage({ tag: 'bulwark.bridge.v1', id: 'x', kind: 'upload', url: 'not a url', parts: [{ field: 'a', value: 'b', extra: 1 }] }, '*', [channel.port2]);
        }),
    );
    expect(answerOf).toEqual({ go: false });
    expect(await dialogText(page)).toBeUndefined();
  });
});
