import browser from 'webextension-polyfill';
import { extract, type Extraction } from '../../core/extract';
import { EXTRACTOR_TAG, type ExtractReply, type ExtractRequest } from '../extractor/protocol';

const READY_TIMEOUT_MS = 5_000;
const EXTRACT_TIMEOUT_MS = 120_000;

/**
 * Reads files through the extension's file-reader frame (`entrypoints/extractor`), an invisible frame of the
 * extension's origin in a closed shadow root: the work happens in the extension's process, off the page's main
 * thread, and the bytes go there by transfer, not by copy. Where the frame cannot be made (a browser without
 * it, or the page removes it), the file is read here instead, slower but read.
 */
class ExtractorFrame {
  private port: Promise<MessagePort | undefined> | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, (r: ExtractReply) => void>();

  async extract(file: File, signal?: AbortSignal, options: { ocr?: boolean } = {}): Promise<Extraction> {
    const bytes = await file.arrayBuffer();
    const port = await (this.port ??= this.open());
    if (!port) return extract(new Uint8Array(bytes), file.name);
    const id = this.nextId++;
    const reply = await new Promise<ExtractReply | undefined>((resolve) => {
      const timer = setTimeout(() => done(undefined), EXTRACT_TIMEOUT_MS);
      const done = (r: ExtractReply | undefined) => {
        clearTimeout(timer);
        this.pending.delete(id);
        resolve(r);
      };
      signal?.addEventListener('abort', () => done(undefined));
      this.pending.set(id, done);
      port.postMessage({ id, name: file.name, bytes, ocr: options.ocr } satisfies ExtractRequest, [bytes]);
    });
    if (!reply) {
      if (signal?.aborted) throw signal.reason;
      return { status: 'unreadable', reason: 'reading the file took too long', format: 'unknown', parts: [], skipped: [] };
    }
    if ('error' in reply) return { status: 'unreadable', reason: `could not read: ${reply.error}`, format: 'unknown', parts: [], skipped: [] };
    return reply.result;
  }

  private open(): Promise<MessagePort | undefined> {
    if (import.meta.env.FIREFOX) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const host = document.createElement('bulwark-reader');
      host.setAttribute('style', 'all: initial !important; display: block !important; position: fixed !important; width: 0 !important; height: 0 !important; border: 0 !important; visibility: hidden !important;');
      const iframe = document.createElement('iframe');
      iframe.src = browser.runtime.getURL('/extractor.html');
      iframe.setAttribute('aria-hidden', 'true');
      iframe.tabIndex = -1;
      host.attachShadow({ mode: 'closed' }).append(iframe);
      const channel = new MessageChannel();
      const give = (port: MessagePort | undefined) => {
        clearTimeout(timer);
        if (!port) {
          host.remove();
          this.port = undefined;
        }
        resolve(port);
      };
      const timer = setTimeout(() => give(undefined), READY_TIMEOUT_MS);
      channel.port1.onmessage = ({ data }: MessageEvent) => {
        if (data?.ready) return give(channel.port1);
        this.pending.get((data as ExtractReply).id)?.(data as ExtractReply);
      };
      iframe.addEventListener('load', () => iframe.contentWindow?.postMessage(EXTRACTOR_TAG, new URL(iframe.src).origin, [channel.port2]), { once: true });
      (document.body ?? document.documentElement).append(host);
    });
  }
}

export const extractor = new ExtractorFrame();
