/**
 * Characters that render as nothing (zero-width spaces and joiners, the word joiner, the soft hyphen, a stray
 * byte-order mark). Slipped into "219-09-99\u200B99" they would split a value for every detector while the
 * reader sees it whole: the engine scans the text without them and maps what it finds back.
 */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/;
const isInvisible = (c: number): boolean => c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;

export interface Visible {
  text: string;
  /** For each character of `text`, its index in the original; absent when nothing was removed. */
  origin?: Int32Array;
}

export function withoutInvisible(text: string): Visible {
  if (!INVISIBLE.test(text)) return { text };
  const origin = new Int32Array(text.length);
  const parts: string[] = [];
  let n = 0, from = 0;
  for (let i = 0; i < text.length; i++) {
    if (isInvisible(text.charCodeAt(i))) {
      parts.push(text.slice(from, i));
      from = i + 1;
    } else origin[n++] = i;
  }
  parts.push(text.slice(from));
  return { text: parts.join(''), origin: origin.subarray(0, n) };
}
