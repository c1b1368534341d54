import browser from 'webextension-polyfill';
import { extract, type Extraction } from '../../core/extract';
import type { ScanResult } from '../../core/detect/types';
import { EXTRACTOR_TAG, ScanResultShape, type ExtractReply, type ExtractRequest, type ScanCancel, type ScanReply, type ScanRequest } from '../extractor/protocol';

const READY_TIMEOUT_MS = 5_000;
const EXTRACT_TIMEOUT_MS = 120_000;
/** A frame that reports no progress for this long is given up on (the guard then scans here). */
const SCAN_STALL_MS = 10_000;

/**
 * Reads files through the extension's file-reader frame (`entrypoints/extractor`), an invisible frame of the
 * extension's origin in a closed shadow root: the work happens in the extension's process, off the page's main
 * thread, and the bytes go there by transfer, not by copy. Where the frame cannot be made (a browser without
 * it, or the page removes it), the file is read here instead, slower but read.
 */
class ExtractorFrame {
  private port: Promise<MessagePort | undefined> | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, (r: ExtractReply | ScanReply) => void>();

  async extract(file: File, signal?: AbortSignal, options: { ocr?: boolean } = {}): Promise<Extraction> {
    const bytes = await file.arrayBuffer();
    const port = await (this.port ??= this.open());
    if (!port) return extract(new Uint8Array(bytes), file.name);
    const reply = await this.ask<ExtractReply>(port, (id) => ({ id, name: file.name, bytes, ocr: options.ocr }) satisfies ExtractRequest, [bytes], EXTRACT_TIMEOUT_MS, signal);
    if (!reply) {
      if (signal?.aborted) throw signal.reason;
      return { status: 'unreadable', reason: 'reading the file took too long', format: 'unknown', parts: [], skipped: [] };
    }
    if ('error' in reply) return { status: 'unreadable', reason: `could not read: ${reply.error}`, format: 'unknown', parts: [], skipped: [] };
    return reply.result;
  }

  /**
   * Scans a text in the frame with the product's detectors and these classifiers, off the page's main thread.
   * Undefined when the frame cannot be used (no frame, it stalled, or what came back is not a scan result):
   * the caller then scans here, so nothing goes unscanned.
   */
  async scan(text: string, classifiers: unknown, onProgress: (done: number) => void, signal?: AbortSignal): Promise<ScanResult | undefined> {
    const port = await (this.port ??= this.open());
    if (!port) return undefined;
    const reply = await this.ask<ScanReply>(port, (id) => ({ id, scan: text, classifiers }) satisfies ScanRequest, [], SCAN_STALL_MS, signal, onProgress);
    if (!reply || !('scanned' in reply)) return undefined;
    const checked = ScanResultShape.safeParse(reply.scanned);
    if (!checked.success || checked.data.scanned > text.length || checked.data.findings.some((f) => f.end > text.length)) return undefined;
    return checked.data;
  }

  /**
   * Posts a request and waits for its answer: undefined when the frame says nothing for `waitMs` or the signal
   * aborts. Progress (scans send it) restarts the wait and goes to `onProgress`; a scan given up on is cancelled
   * in the frame too.
   */
  private ask<R extends ExtractReply | ScanReply>(port: MessagePort, request: (id: number) => ExtractRequest | ScanRequest, transfer: Transferable[], waitMs: number, signal?: AbortSignal, onProgress?: (done: number) => void): Promise<R | undefined> {
    const id = this.nextId++;
    return new Promise<R | undefined>((resolve) => {
      let timer = setTimeout(() => done(undefined), waitMs);
      const done = (r: R | undefined) => {
        clearTimeout(timer);
        this.pending.delete(id);
        if (!r && onProgress) port.postMessage({ cancel: id } satisfies ScanCancel);
        resolve(r);
      };
      signal?.addEventListener('abort', () => done(undefined));
      this.pending.set(id, (r) => {
        if (!('progress' in r)) return done(r as R);
        clearTimeout(timer);
        timer = setTimeout(() => done(undefined), waitMs);
        if (typeof r.progress === 'number') onProgress?.(r.progress);
      });
      port.postMessage(request(id), transfer);
    });
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
        this.pending.get((data as ExtractReply).id)?.(data as ExtractReply | ScanReply);
      };
      iframe.addEventListener('load', () => iframe.contentWindow?.postMessage(EXTRACTOR_TAG, new URL(iframe.src).origin, [channel.port2]), { once: true });
      (document.body ?? document.documentElement).append(host);
    });
  }
}

export const extractor = new ExtractorFrame();
