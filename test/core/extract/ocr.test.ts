import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultEngine } from '../../../src/core/detect';
import { scanFile } from '../../../src/core/extract/scan-file';
import { nodeOcrReader } from '../../../src/cli/node-ocr';
import { CHROMIUM } from '../../e2e/chromium';
import { zip } from './fixtures';

/** Images with text, rendered by real Chromium as a screenshot would be, read with OCR when it is on. */
describe('text in images (OCR, an administrator’s option)', () => {
  let scanOfForm: Uint8Array;
  const ocr = nodeOcrReader();
  beforeAll(async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    const page = await browser.newPage({ viewport: { width: 900, height: 200 } });
    await page.setContent('<body style="background:#fff;margin:24px;font:32px/1.4 Arial,sans-serif;color:#000">Patient: Maria Gonzalez<br>SSN 219-09-9999, diagnosis: type 2 diabetes</body>');
    scanOfForm = new Uint8Array(await page.screenshot({ type: 'png' }));
    await browser.close();
  });
  afterAll(() => ocr.close());

  it('reports an image as an image when OCR is off', async () => {
    const r = await scanFile(defaultEngine(), scanOfForm, 'form.png');
    expect(r).toMatchObject({ status: 'image', findings: [] });
  });

  it('reads the text of a screenshot and finds the SSN in it when OCR is on', async () => {
    const r = await scanFile(defaultEngine(), scanOfForm, 'form.png', { ocr });
    expect(r.status).toBe('ok');
    expect(r.findings.find((f) => f.type === 'SSN')?.location).toMatch(/^image text line \d$/);
    expect(r.labels).toContain('PHI');
  });

  it('reads images inside archives too', async () => {
    const r = await scanFile(defaultEngine(), zip({ 'scans/form.png': scanOfForm }), 'scans.zip', { ocr });
    expect(r.findings.some((f) => f.type === 'SSN' && f.location.startsWith('scans/form.png > image text'))).toBe(true);
  });
});
