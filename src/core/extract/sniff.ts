import { imageMagic } from './image';

/**
 * What a file is, from its first bytes (names lie more often than bytes do). For an image this is only a claim:
 * checkImage (image.ts) says whether the structure behind the magic is one.
 */
export type Sniffed = 'zip' | 'pdf' | 'ole' | 'image' | 'rtf' | 'gzip' | 'other';

const starts = (b: Uint8Array, magic: readonly number[], at = 0) => magic.every((m, i) => b[at + i] === m);

export function sniff(b: Uint8Array): Sniffed {
  if (starts(b, [0x50, 0x4b, 0x03, 0x04]) || starts(b, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (starts(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (starts(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (starts(b, [0x1f, 0x8b])) return 'gzip';
  if (imageMagic(b)) return 'image';
  if (starts(b, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'rtf';
  return 'other';
}

/**
 * An OLE compound file: legacy Word, Excel and PowerPoint, or an encrypted Office Open XML package (Office
 * puts those in a compound file with an EncryptionInfo stream). The directory's names are UTF-16.
 */
export function oleKind(b: Uint8Array): 'encrypted-office' | 'legacy-office' {
  const needle = [...'EncryptionInfo'].flatMap((c) => [c.charCodeAt(0), 0]);
  for (let i = 512; i + needle.length < b.length; i++) if (b[i] === 0x45 && starts(b, needle, i)) return 'encrypted-office';
  return 'legacy-office';
}

/** A PDF whose trailer names an /Encrypt dictionary. */
export const pdfEncrypted = (text: string) => /\/Encrypt\s+(\d+\s+\d+\s+R|<<)/.test(text);
