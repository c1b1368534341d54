import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import type { OcrReader } from '../core/extract';

const require = createRequire(import.meta.url);

/**
 * OCR for the scan command: tesseract.js with the English model that ships as an npm package
 * (@tesseract.js-data/eng, the compact integer LSTM model), read from disk, nothing downloaded. One worker,
 * made on first use; `close` ends it so the process can exit.
 */
export function nodeOcrReader(): OcrReader & { close(): Promise<void> } {
  let worker: Promise<Worker> | undefined;
  const langPath = join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
  const read = async (bytes: Uint8Array) => {
    worker ??= createWorker('eng', OEM.LSTM_ONLY, { langPath, gzip: true, cacheMethod: 'none' });
    const { data } = await (await worker).recognize(Buffer.from(bytes));
    return data.text;
  };
  return Object.assign(read, { close: async () => (worker ? (await worker).terminate().then(() => undefined) : undefined) });
}
