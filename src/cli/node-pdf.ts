import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pdfReader } from '../core/extract/pdf';
import type { PdfReader } from '../core/extract';

let guarded = false;

/**
 * pdf.js for Node: its "worker" runs on this thread, and on some damaged files that worker leaves a promise
 * rejected with nobody listening (the caller still gets its own error). Node ends the process on such a
 * rejection; these come from pdf.js's worker code only and are dropped, every other one still ends the process.
 */
export function nodePdfReader(): PdfReader {
  if (!guarded) {
    guarded = true;
    process.on('unhandledRejection', (reason) => {
      if (reason instanceof Error && /pdf\.worker\.m?js/.test(reason.stack ?? '')) return;
      throw reason;
    });
  }
  return pdfReader(pdfjs);
}
