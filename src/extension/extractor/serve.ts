import * as pdfjs from 'pdfjs-dist';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import browser from 'webextension-polyfill';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { extract, type ImageDecoder, type OcrReader } from '../../core/extract';
import { pdfReader } from '../../core/extract/pdf';
import { EXTRACTOR_TAG, type ExtractReply, type ExtractRequest, type ScanCancel, type ScanRequest } from './protocol';
import { cancelScan, serveScan } from './scan';

/**
 * Answers the guard's requests on the port it hands over. Only the frame's parent may hand one over, and only
 * with our tag: a page cannot talk to this frame (it is of another origin), but it could try.
 */
export function serveExtraction(): void {
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  const pdf = pdfReader(pdfjs);
  const ocr = ocrReader();
  addEventListener('message', (e: MessageEvent) => {
    if (e.source !== parent || e.data !== EXTRACTOR_TAG || !e.ports[0]) return;
    const port = e.ports[0];
    port.onmessage = async ({ data }: MessageEvent<ExtractRequest | ScanRequest | ScanCancel>) => {
      if (data && 'cancel' in data) return cancelScan(data.cancel);
      if (data && 'scan' in data) return serveScan(data, (r) => port.postMessage(r));
      let reply: ExtractReply;
      try {
        if (typeof data?.id !== 'number' || typeof data.name !== 'string' || !(data.bytes instanceof ArrayBuffer)) throw new Error('a malformed request');
        reply = { id: data.id, result: await extract(new Uint8Array(data.bytes), data.name, { pdf, limits: data.limits, ocr: data.ocr ? ocr : undefined, decodeImage }) };
      } catch (err) {
        reply = { id: typeof data?.id === 'number' ? data.id : -1, error: (err as Error).message };
      }
      port.postMessage(reply);
    };
    port.postMessage({ ready: true });
  });
}

/**
 * A real decode by the browser's own image decoders, after the structure checks: what passes both is an image
 * any page would show. Scaled down on the way (16 x 16) so that a large photo costs no large bitmap.
 */
const decodeImage: ImageDecoder = (bytes) =>
  createImageBitmap(new Blob([bytes.slice()]), { resizeWidth: 16, resizeHeight: 16 }).then(
    (bitmap) => (bitmap.close(), true),
    () => false,
  );

/**
 * tesseract.js from the extension's own files (build output ocr/: its worker, the WebAssembly core and the
 * English model from @tesseract.js-data/eng): nothing is downloaded. The worker is made on the first image.
 */
function ocrReader(): OcrReader {
  let worker: Promise<Worker> | undefined;
  return async (bytes) => {
    worker ??= createWorker('eng', OEM.LSTM_ONLY, {
      workerPath: browser.runtime.getURL('/ocr/worker.min.js'),
      corePath: browser.runtime.getURL('/ocr/'),
      langPath: browser.runtime.getURL('/ocr'),
      gzip: true,
      cacheMethod: 'none',
      workerBlobURL: false,
    });
    const { data } = await (await worker).recognize(new Blob([bytes.slice()]));
    return data.text;
  };
}
