import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { extract } from '../../core/extract';
import { pdfReader } from '../../core/extract/pdf';
import { EXTRACTOR_TAG, type ExtractReply, type ExtractRequest } from './protocol';

/**
 * Answers the guard's requests on the port it hands over. Only the frame's parent may hand one over, and only
 * with our tag: a page cannot talk to this frame (it is of another origin), but it could try.
 */
export function serveExtraction(): void {
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  const pdf = pdfReader(pdfjs);
  addEventListener('message', (e: MessageEvent) => {
    if (e.source !== parent || e.data !== EXTRACTOR_TAG || !e.ports[0]) return;
    const port = e.ports[0];
    port.onmessage = async ({ data }: MessageEvent<ExtractRequest>) => {
      let reply: ExtractReply;
      try {
        if (typeof data?.id !== 'number' || typeof data.name !== 'string' || !(data.bytes instanceof ArrayBuffer)) throw new Error('a malformed request');
        reply = { id: data.id, result: await extract(new Uint8Array(data.bytes), data.name, { pdf, limits: data.limits }) };
      } catch (err) {
        reply = { id: typeof data?.id === 'number' ? data.id : -1, error: (err as Error).message };
      }
      port.postMessage(reply);
    };
    port.postMessage({ ready: true });
  });
}
