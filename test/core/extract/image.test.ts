import { strToU8, zipSync } from 'fflate';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultEngine } from '../../../src/core/detect';
import { extract, type ImageFormat } from '../../../src/core/extract';
import { checkImage } from '../../../src/core/extract/image';
import { scanFile } from '../../../src/core/extract/scan-file';
import { CHROMIUM } from '../../e2e/chromium';
import { bmp, gif, png, tiff } from './image-fixtures';

const enc = (s: string) => new TextEncoder().encode(s);
const cat = (...parts: Uint8Array[]) => new Uint8Array(parts.flatMap((p) => [...p]));
const RECORD = 'Patient Maria Gonzalez, SSN 219-09-9999, was admitted with diabetic ketoacidosis.';

/** Real images of every format: written to their specifications here, or encoded by Chromium itself. */
let browser: Browser;
const images = {} as Record<ImageFormat, Uint8Array>;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 320, height: 120 } });
  await page.setContent('<canvas id="c" width="40" height="30"></canvas><p style="font:20px Arial">Lot 42 review</p>');
  const encode = (type: string) =>
    page.evaluate((t) => {
      const c = document.getElementById('c') as HTMLCanvasElement;
      const g = c.getContext('2d')!;
      g.fillStyle = '#3a7';
      g.fillRect(0, 0, 40, 30);
      return c.toDataURL(t).split(',')[1]!;
    }, type);
  Object.assign(images, {
    png: new Uint8Array(await page.screenshot({ type: 'png' })),
    jpeg: new Uint8Array(await page.screenshot({ type: 'jpeg' })),
    webp: Buffer.from(await encode('image/webp'), 'base64'),
    gif: gif(),
    bmp: bmp(3, 2),
    tiff: tiff(),
  });
});
afterAll(() => browser?.close());

/** Whether Chromium's own decoders take the bytes: the fixtures are real images, and what the checks call damaged is. */
const decodesInChromium = async (bytes: Uint8Array) => {
  const page = browser.contexts()[0]?.pages()[0] ?? (await browser.newPage());
  return page.evaluate((b64) => createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))])).then(() => true, () => false), Buffer.from(bytes).toString('base64'));
};

describe('an image counts as one only by its structure', () => {
  it.each(['png', 'jpeg', 'gif', 'bmp', 'tiff', 'webp'] as const)('a real %s is an image, its text unread without OCR', async (format) => {
    const bytes = images[format];
    expect(checkImage(bytes)).toMatchObject({ image: format, width: expect.any(Number), height: expect.any(Number), end: bytes.length });
    expect(await extract(bytes, `file.${format}`)).toMatchObject({ status: 'image', format, parts: [], reason: 'an image: its text is not read' });
    // Chromium cannot decode TIFF; every other fixture is an image a browser shows.
    if (format !== 'tiff') expect(await decodesInChromium(bytes)).toBe(true);
  });

  it.each([
    ['a note that begins with the GIF magic', `GIF89a was the format of the old intranet banner. ${RECORD}`],
    ['an honest note that begins "BMI"', `BMI 31.2, blood pressure 150/95. ${RECORD}`],
    ['a note that begins "BM"', `BM: bowel movement normal. ${RECORD}`],
    ['a note that begins with a PNG signature in text', `\u2030PNG notes: ${RECORD}`],
    ['a text that names the WebP container', `RIFF????WEBP is not a picture. ${RECORD}`],
  ])('%s is read as the text it is', async (_kind, text) => {
    const r = await scanFile(defaultEngine(), enc(text), 'scan.gif');
    expect(r.status).toBe('ok');
    expect(r.format).toMatch(/^text\//);
    expect(r.findings.map((f) => f.type)).toContain('SSN');
    expect(r.labels).toContain('PHI');
  });

  it('reads a harmless note with image magic as harmless text', async () => {
    const r = await scanFile(defaultEngine(), enc('BMI 24.1 for the cohort average; no individual data.'), 'note.txt');
    expect(r).toMatchObject({ status: 'ok', findings: [] });
  });

  it.each([
    ['a PNG cut in half', () => images.png.subarray(0, images.png.length >> 1), /damaged PNG image: cut short/],
    ['a PNG whose IHDR fails its CRC', () => Object.assign(images.png.slice(), { 20: images.png[20]! ^ 1 }), /damaged PNG image: the IHDR chunk fails its CRC/],
    ['a GIF cut short', () => images.gif.subarray(0, 20), /damaged GIF image/],
    ['a BMP cut short', () => images.bmp.subarray(0, 40), /damaged BMP image: a file size/],
    ['a WebP cut short', () => images.webp.subarray(0, images.webp.length - 8), /damaged WEBP image: a RIFF size/],
    ['a JPEG cut before its frame header', () => images.jpeg.subarray(0, 12), /damaged JPEG image/],
    ['a TIFF whose IFD points outside the file', () => Object.assign(tiff(), { 4: 200 }), /damaged TIFF image: an IFD offset outside/],
  ])('%s is no image and no text: unreadable, and says why', async (_kind, make, reason) => {
    const bytes = make();
    const r = await extract(bytes, 'picture.img');
    expect(r.status).toBe('unreadable');
    expect(r.reason).toMatch(reason);
    if (!/TIFF/.test(String(reason))) expect(await decodesInChromium(bytes)).toBe(false);
  });

  it('takes a JPEG cut after its frame header for an image: decoders show what arrived', async () => {
    const cut = images.jpeg.subarray(0, images.jpeg.length - 200);
    expect(checkImage(cut)).toMatchObject({ image: 'jpeg', end: cut.length });
  });

  it('refuses what a real decode refuses, where the platform has one (the browser frame does)', async () => {
    const r = await extract(images.png, 'shot.png', { decodeImage: async () => false });
    expect(r).toMatchObject({ status: 'unreadable', reason: expect.stringMatching(/damaged PNG image: it does not decode/) });
    expect(await extract(images.png, 'shot.png', { decodeImage: async () => true })).toMatchObject({ status: 'image' });
  });

  it('never throws on image magic followed by junk', async () => {
    for (const magic of [[0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10], [0xff, 0xd8, 0xff], [0x47, 0x49, 0x46, 0x38, 0x39, 0x61], [0x42, 0x4d], [0x49, 0x49, 0x2a, 0], [0x52, 0x49, 0x46, 0x46, 9, 9, 9, 9, 0x57, 0x45, 0x42, 0x50]])
      for (let seed = 1; seed < 200; seed++) {
        const junk = Uint8Array.from({ length: seed * 3 }, (_, i) => (i * 2654435761 + seed * 97) >>> 24);
        const r = await extract(cat(new Uint8Array(magic), junk), 'x.bin');
        expect(['image', 'unreadable', 'ok']).toContain(r.status);
      }
  });
});

describe('what an image carries besides its pixels', () => {
  it('reads text appended after the end of a real image', async () => {
    const r = await scanFile(defaultEngine(), cat(images.gif, enc(RECORD)), 'banner.gif');
    expect(r.status).toBe('image');
    expect(r.findings.find((f) => f.type === 'SSN')?.location).toBe('after the image line 1');
  });

  it('opens an archive appended to an image', async () => {
    const r = await scanFile(defaultEngine(), cat(images.png, zipSync({ 'notes.txt': strToU8(RECORD) })), 'shot.png');
    expect(r.findings.find((f) => f.type === 'SSN')?.location).toBe('after the image > notes.txt line 1');
  });

  it('reads the text chunks of a PNG', async () => {
    const r = await scanFile(defaultEngine(), png(4, 4, { text: RECORD }), 'shot.png');
    expect(r).toMatchObject({ status: 'image', format: 'png' });
    expect(r.findings.find((f) => f.type === 'SSN')?.location).toBe('image metadata line 1');
  });

  it('finds no text in an image without any', async () => {
    for (const format of ['png', 'jpeg', 'gif', 'bmp', 'webp'] as const) expect((await extract(images[format], 'x')).parts).toEqual([]);
    expect((await extract(cat(images.png, new Uint8Array(16)), 'padded.png')).parts).toEqual([]);
  });
});

describe('OCR of an image', () => {
  it('is a read image even when OCR finds no text', async () => {
    expect(await extract(images.png, 'blank.png', { ocr: async () => '' })).toMatchObject({ status: 'ok', format: 'png', parts: [] });
  });

  it('leaves an image OCR could not read an unread image, and says why', async () => {
    const r = await extract(images.png, 'shot.png', {
      ocr: async () => {
        throw new Error('no OCR model');
      },
    });
    expect(r).toMatchObject({ status: 'image', reason: 'an image that OCR could not read (no OCR model)' });
  });

  it('does not hand OCR a disguised text', async () => {
    let called = false;
    const r = await extract(enc(`GIF89a ${RECORD}`), 'x.gif', {
      ocr: async () => {
        called = true;
        return '';
      },
    });
    expect([r.status, called]).toEqual(['ok', false]);
  });
});
