import type * as Pdfjs from 'pdfjs-dist';
import type { PdfReader } from './index';

/**
 * PDF text with pdf.js, page by page. The platform loads pdf.js (Node: the legacy build on the calling
 * thread; the extension: its worker off the page) and passes it in, so this module stays platform-free.
 */
export function pdfReader(pdfjs: Pick<typeof Pdfjs, 'getDocument'>): PdfReader {
  return async (bytes, maxPages) => {
    const task = pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false, verbosity: 0 });
    let doc: Pdfjs.PDFDocumentProxy;
    try {
      doc = await task.promise;
    } catch (e) {
      await task.destroy().catch(() => undefined);
      if ((e as Error).name === 'PasswordException') return { pages: [], encrypted: true, pageCount: 0 };
      throw new Error(`not a readable PDF (${(e as Error).name})`);
    }
    try {
      const pages: string[] = [];
      for (let n = 1; n <= Math.min(doc.numPages, maxPages); n++) {
        // A damaged page is an empty page; the others are still read.
        const text = await doc
          .getPage(n)
          .then((page) => page.getTextContent())
          .then((content) => content.items.map((i) => ('str' in i ? i.str + (i.hasEOL ? '\n' : '') : '')).join(''))
          .catch(() => '');
        pages.push(text);
      }
      return { pages, pageCount: doc.numPages };
    } finally {
      await task.destroy();
    }
  };
}
