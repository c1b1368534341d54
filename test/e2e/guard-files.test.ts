import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../src/core/policy';
import { docx, encryptedZip, pdf, xlsx, zip, zipBomb } from '../core/extract/fixtures';
import { png } from '../core/extract/image-fixtures';
import { answer, dialogText, uploadPage, waitForDialog } from './employee';

const upload = (name: string, mimeType: string, bytes: Uint8Array) => ({ name, mimeType, buffer: Buffer.from(bytes) });

/**
 * Files of every kind chosen for upload in real Chromium: the guard reads them in its file-reader frame (the
 * extension's process, not the page's) and decides on what is inside, not on the name.
 */
describe('the guard reads what is inside uploaded files (real Chromium)', () => {
  const { page: current, uploads } = uploadPage();
  let page: Page;
  beforeEach(() => {
    page = current();
  });

  it.each([
    ['a Word document', upload('discharge.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', docx({ body: ['Discharge summary', 'Patient Maria Gonzalez, SSN 219-09-9999, treated for pneumonia.'] }))],
    ['a workbook', upload('patients.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', xlsx({ Patients: [['Name', 'SSN', 'Diagnosis'], ['Maria Gonzalez', '219-09-9999', 'diabetes']] }))],
    ['a PDF', upload('record.pdf', 'application/pdf', pdf(['Batch record', 'Patient Maria Gonzalez, SSN 219-09-9999, diagnosis: asthma']))],
    ['a document inside an archive', upload('bundle.zip', 'application/zip', zip({ 'reports/discharge.docx': docx({ body: ['Patient Maria Gonzalez, SSN 219-09-9999, diabetes.'] }) }))],
  ])('finds the patient data in %s', async (_kind, file) => {
    await page.setInputFiles('#file', file);
    const text = await waitForDialog(page);
    expect(text).toContain('Social Security numbers');
    await answer(page, { choose: 'cancel' });
    expect(uploads()).toEqual([]);
    // Read in the extension's file-reader frame, not on the page's thread (a PDF can only be read there).
    expect(page.frames().some((f) => f.url().startsWith('chrome-extension://') && f.url().endsWith('/extractor.html'))).toBe(true);
  });

  it('lets a harmless workbook through without a dialog', async () => {
    await page.setInputFiles('#file', upload('lots.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', xlsx({ Lots: [['Lot', 'Qty'], ['Packaging line review', 1200]] })));
    await expect.poll(() => uploads().length).toBe(1);
    expect(await dialogText(page)).toBeUndefined();
  });

  it.each([
    ['a zip bomb', upload('bomb.zip', 'application/zip', zipBomb(30_000_000))],
    ['an encrypted archive', upload('locked.zip', 'application/zip', encryptedZip({ 'patients.csv': 'name,ssn' }))],
  ])('holds %s it cannot read and names it', async (_kind, file) => {
    await page.setInputFiles('#file', file);
    const text = await waitForDialog(page);
    expect(text).toContain(file.name);
    await answer(page, { choose: 'cancel' });
    expect(uploads()).toEqual([]);
  });
});

describe('an image is an image for the policy, whatever its name says (real Chromium)', () => {
  const policy = { ...DEFAULT_POLICY, version: 7, rules: [{ id: 'no-images-out', action: 'block', match: { files: { types: ['image/*'] } } }, ...DEFAULT_POLICY.rules] };
  const { page, uploads } = uploadPage({ policy });

  it('blocks a PNG renamed to .txt under a rule on image/*', async () => {
    await page().setInputFiles('#file', upload('notes.txt', 'text/plain', png(32, 16)));
    const text = await waitForDialog(page(), 60_000);
    expect(text).toContain('Cancel');
    expect(text).not.toContain('Share anyway');
    await answer(page(), { choose: 'cancel' });
    expect(uploads()).toEqual([]);
  });
});

describe('text in images, where the policy turns OCR on (real Chromium)', () => {
  const { env, page } = uploadPage({ policy: { ...DEFAULT_POLICY, version: 8, readImages: 'always' } });

  it('reads a screenshot of a patient form and finds the SSN in it', async () => {
    const painter = await env.session.context.newPage();
    await painter.setViewportSize({ width: 900, height: 200 });
    await painter.setContent('<body style="background:#fff;margin:24px;font:32px/1.4 Arial,sans-serif;color:#000">Patient: Maria Gonzalez<br>SSN 219-09-9999, diagnosis: type 2 diabetes</body>');
    const png = await painter.screenshot({ type: 'png' });
    await painter.close();
    await page().setInputFiles('#file', { name: 'form.png', mimeType: 'image/png', buffer: png });
    const text = await waitForDialog(page(), 60_000);
    expect(text).toContain('Social Security numbers');
    await answer(page(), { choose: 'cancel' });
  });
});
