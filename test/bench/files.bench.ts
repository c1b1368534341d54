/**
 * Reading files: MB/s per format for extraction alone and with the scan, and the memory it takes (peak
 * resident memory above the process at rest, in a fresh process per format). Targets: a 10 MB DOCX or XLSX under
 * 1 s, a 100-page text PDF under 2 s, memory a small multiple of the file's size. The peer in the same run is
 * reading the same text from a plain .txt file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultEngine } from '../../src/core/detect';
import { extract } from '../../src/core/extract';
import { checkImage } from '../../src/core/extract/image';
import { chromium } from 'playwright-core';
import { nodeOcrReader } from '../../src/cli/node-ocr';
import { nodePdfReader } from '../../src/cli/node-pdf';
import { CHROMIUM } from '../e2e/chromium';
import { docx, pdf, xlsx } from '../core/extract/fixtures';
import { mixedCorpus } from './corpus';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function makeFile(kind: string): { name: string; bytes: Uint8Array; textChars: number } {
  const corpus = mixedCorpus(12 * 1024 * 1024);
  const paragraphs = corpus.split('\n').filter(Boolean);
  if (kind === 'txt') {
    const text = corpus.slice(0, 10 * 1024 * 1024);
    return { name: 'x.txt', bytes: new TextEncoder().encode(text), textChars: text.length };
  }
  if (kind === 'docx') {
    // Compressed XML is ~4x smaller than its text: grow the document until the file itself is 10 MB.
    let body: string[] = [];
    let bytes: Uint8Array = new Uint8Array(0);
    for (let n = 20_000; bytes.length < 10 * 1024 * 1024; n = Math.ceil(n * 1.6)) {
      body = Array.from({ length: n }, (_, i) => paragraphs[i % paragraphs.length]!);
      bytes = docx({ body });
    }
    return { name: 'x.docx', bytes, textChars: body.join('\n').length };
  }
  if (kind === 'xlsx') {
    let rows: string[][] = [];
    let bytes: Uint8Array = new Uint8Array(0);
    for (let n = 20_000; bytes.length < 10 * 1024 * 1024; n = Math.ceil(n * 1.6)) {
      rows = Array.from({ length: n }, (_, i) => [`Name ${i}`, paragraphs[i % paragraphs.length]!.slice(0, 80), `${(i * 7919) % 100000}`]);
      bytes = xlsx({ Sheet1: rows });
    }
    return { name: 'x.xlsx', bytes, textChars: rows.flat().join('\t').length };
  }
  const pages = Array.from({ length: 100 }, (_, i) => paragraphs.slice(i * 40, i * 40 + 40).map((p) => p.slice(0, 90)).join('\n'));
  return { name: 'x.pdf', bytes: pdf(pages), textChars: pages.join('').length };
}

/** In a fresh process: the file's extraction and scan times, and the peak memory above the process at rest. */
async function measure(path: string) {
  const bytes = new Uint8Array(readFileSync(path));
  const engine = defaultEngine();
  engine.scan('warm up the word lists: Maria Gonzalez, SSN 219-09-9999');
  // The text limit (8 M characters by default) is raised, so that every byte of each file is read and measured.
  const options = { pdf: nodePdfReader(), limits: { maxTextChars: 200_000_000, maxExpandedBytes: 1024 * 1024 * 1024 } };
  const restMb = process.memoryUsage().rss / 1024 / 1024;
  // The peak of one extraction alone, before any scan (the engine's own memory is the engine benchmark's).
  await extract(bytes, path, options);
  const peakMb = process.resourceUsage().maxRSS / 1024 - restMb;
  const extractTimes: number[] = [];
  const totalTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const x = await extract(bytes, path, options);
    const t1 = performance.now();
    for (const p of x.parts) engine.scan(p.text);
    totalTimes.push(performance.now() - t0);
    extractTimes.push(t1 - t0);
    if (x.status !== 'ok') throw new Error(`${path}: ${x.status} ${x.reason}`);
  }
  return { mb: bytes.length / 1024 / 1024, extractMs: median(extractTimes), totalMs: median(totalTimes), peakMb };
}

if (process.argv[2]) {
  console.log(JSON.stringify(await measure(process.argv[2])));
} else {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-files-bench-'));
  try {
    for (const kind of ['txt', 'docx', 'xlsx', 'pdf']) {
      const file = makeFile(kind);
      const path = join(dir, file.name);
      writeFileSync(path, file.bytes);
      const out = execFileSync(process.execPath, ['--import', 'tsx', 'test/bench/files.bench.ts', path], { encoding: 'utf8', maxBuffer: 1 << 20 });
      const r = JSON.parse(out.trim().split('\n').at(-1)!);
      console.log(
        `${kind.padEnd(5)} ${r.mb.toFixed(1).padStart(5)} MB file (${(file.textChars / 1e6).toFixed(1)} M characters of text): extract ${r.extractMs.toFixed(0)} ms (${(r.mb / (r.extractMs / 1000)).toFixed(1)} MB/s), extract + scan ${r.totalMs.toFixed(0)} ms; peak memory of the extraction ${r.peakMb.toFixed(0)} MB (${(r.peakMb / r.mb).toFixed(1)}x the file)`,
      );
    }
    await ocrCost();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What turning OCR on costs: a screenshot-sized page of text (Chromium renders it), read three times. */
async function ocrCost() {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.setContent(`<body style="font:16px/1.5 Arial,sans-serif;margin:32px">${mixedCorpus(3000).replace(/\n/g, '<br>')}</body>`);
  const png = new Uint8Array(await page.screenshot({ type: 'png' }));
  await browser.close();
  const ocr = nodeOcrReader();
  const times: number[] = [];
  let chars = 0;
  for (let i = 0; i < 4; i++) {
    const t = performance.now();
    chars = (await ocr(png)).length;
    times.push(performance.now() - t);
  }
  await ocr.close();
  const [first, ...rest] = times;
  // Without OCR an image still has its structure checked and the text it carries besides its pixels read.
  const structure: number[] = [];
  const unread: number[] = [];
  for (let i = 0; i < 30; i++) {
    let t = performance.now();
    checkImage(png);
    structure.push(performance.now() - t);
    t = performance.now();
    await extract(png, 'shot.png');
    unread.push(performance.now() - t);
  }
  console.log(`ocr   a 1280x800 screenshot of text (${(png.length / 1024).toFixed(0)} KB, ${chars} characters read): first image ${first!.toFixed(0)} ms (loads the model), then ${median(rest).toFixed(0)} ms per image`);
  console.log(`image the same screenshot without OCR: structure check ${median(structure).toFixed(2)} ms, whole extraction (structure, metadata text, appended data) ${median(unread).toFixed(2)} ms`);
}
