import type { BridgePart } from '../bridge-protocol';
import { textOrFile } from './body';
import type { Bridge } from './bridge';

/**
 * navigator.clipboard.readText() and read(): the page gets the clipboard only after the decision, as a paste
 * (redacted text where the employee chose to remove the sensitive values; a NotAllowedError where it stops).
 */
export function hookClipboard(win: Window & typeof globalThis, bridge: Bridge): void {
  const proto = win.Clipboard?.prototype;
  if (!proto) return;
  const { readText, read } = proto;
  const decide = async (parts: BridgePart[]) => {
    const answer = await bridge.ask({ id: bridge.id(), kind: 'paste', url: win.location.href, parts });
    if (!answer.go) throw new win.DOMException('Reading the clipboard was stopped by Bulwark, your organization’s data protection', 'NotAllowedError');
    return answer;
  };

  proto.readText = async function (this: Clipboard) {
    const text = await readText.call(this);
    if (!text) return text;
    return (await decide([textOrFile(text, 'text/plain')])).text ?? text;
  };

  proto.read = async function (this: Clipboard, ...args: unknown[]) {
    const items = await (read as (...a: unknown[]) => Promise<ClipboardItems>).apply(this, args);
    const parts: BridgePart[] = [];
    const kept: Record<string, Blob>[] = [];
    for (const item of items) {
      const blobs: Record<string, Blob> = {};
      for (const type of item.types) {
        const blob = (blobs[type] = await item.getType(type));
        parts.push(type === 'text/plain' || type === 'text/html' ? textOrFile(await blob.text(), type) : { file: blob });
      }
      kept.push(blobs);
    }
    if (!parts.length) return items;
    const answer = await decide(parts);
    if (answer.text !== undefined) return [new win.ClipboardItem({ 'text/plain': new win.Blob([answer.text], { type: 'text/plain' }) })];
    return kept.map((blobs) => new win.ClipboardItem(blobs));
  };
}
