const LONG = 32;

/**
 * A masked preview shows the shape of a value without the value: "4111 1111 1111 1111" -> "4••• •••• •••• ••11".
 * Letters and digits are hidden except the first and the last `keep` characters; short values are hidden whole.
 */
export function mask(value: string, keep = 2): string {
  let chars = [...value];
  // A long value (a key block, a sequence, a passage) shows its beginning's shape and its end: a preview stays short.
  if (chars.length > LONG) chars = [...chars.slice(0, LONG - 4), '…', ...chars.slice(-keep)];
  const visible = chars.length >= 8 ? keep : 0;
  return chars
    .map((c, i) => (i < Math.min(visible, 1) || i >= chars.length - visible || !/[\p{L}\p{N}]/u.test(c) ? c : '•'))
    .join('');
}
