import { decodeRuns, type Budget, type Decoded } from './decoded';
import { compose, MapBuilder, type Mapped } from './mapped';

/**
 * Text as a person reads it. What renders the same to the reader must read the same to the detectors:
 * "４１２-５６-７８９０" (full-width), "219‐09‐9999" (Unicode hyphens), "219-09-99\u200B99" (a zero-width space),
 * "2 1 9 0 9 9 9 9 9" (one digit at a time) and btoa("SSN 219-09-9999") all carry the same identifier. The engine
 * scans the readable text and maps what it finds back to the text the employee sees.
 *
 * Three stages, each skipped after one fast check when it has nothing to do (most text is ASCII):
 * 1. NFKC normalisation, with format characters (category Cf), default-ignorable characters (variation selectors,
 *    tag characters, fillers) removed; the full-width colon read as ": "; digits of other scripts ("٢١٩") read
 *    as ASCII digits, dashes (\p{Pd}) and the minus sign as "-", and combining marks on a digit ("2\u0332") dropped.
 * 2. Digits written one by one joined (see joinSpacedDigits).
 * 3. Encoded runs (base64, hex, percent-encoding) decoded and inserted after their paragraph (see decoded.ts).
 */
export interface Readable extends Mapped {
  /** Stretches of `text` decoded from an encoded run, in order; empty when nothing was decoded. */
  decoded: Decoded[];
}

export function readable(text: string, depth = 0, budget: Budget = { left: DECODE_BUDGET }): Readable {
  const normal = normalise(text);
  const joined = compose(normal, joinSpacedDigits(normal.text));
  const { decoded, ...mapped } = decodeRuns(joined.text, depth, budget, readable);
  return { ...compose(joined, mapped), decoded };
}

/** Characters decoded per scan at most: the readable text grows by this much at most. */
export const DECODE_BUDGET = 1024 * 1024;

/** Non-ASCII characters that NFKC or the folds below may change; ASCII never changes in stage 1. */
const NEEDS = /[\p{Changes_When_NFKC_Casefolded}\p{M}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Nd}\p{Pd}\u2212]/uy;
/** The fast check: a search for the next non-ASCII character is several times faster than one for NEEDS. */
const NON_ASCII = /[^\x00-\x7f]/g;
const MARK = /\p{M}/u;
/** A cluster is a character and the marks that follow it, up to the stream-safe limit of NFKC (30 marks). */
const MARKS = /\p{M}{0,30}/uy;
const FOLD = /[\p{Cf}\p{Default_Ignorable_Code_Point}]|(?<=\p{Nd})\p{M}+|(?![0-9-])[\p{Nd}\p{Pd}\u2212]/gu;
const ND = /\p{Nd}/u;
/**
 * The full-width colon of CJK text ("パスワード：hunter22") carries its own space: it reads as ": ", the way a key's
 * colon stands in ASCII text (NFKC alone would make it ":" and glue the value to it).
 */
const WIDE_COLON = /\uff1a/g;

export function normalise(text: string): Mapped {
  let out: MapBuilder | undefined;
  let from = 0;
  NON_ASCII.lastIndex = 0;
  // test(), not exec(): no match array for every non-ASCII character; each match is one code unit.
  while (NON_ASCII.test(text)) {
    const at = NON_ASCII.lastIndex - 1;
    NEEDS.lastIndex = at;
    const hit = NEEDS.exec(text);
    if (!hit) continue;
    let begin = at;
    // A mark belongs to the character before it: "e\u0301" becomes "é" only when both are normalised together.
    if (begin > from && MARK.test(hit[0])) begin = Math.max(from, begin - (isLowSurrogate(text.charCodeAt(begin - 1)) ? 2 : 1));
    MARKS.lastIndex = at + hit[0].length;
    MARKS.exec(text);
    const end = MARKS.lastIndex;
    NON_ASCII.lastIndex = end;
    const cluster = text.slice(begin, end), read = readCluster(cluster);
    // Most candidates stay as they are ("ß", "Ö", a mark already composed): the text is copied, not mapped.
    if (read === cluster) continue;
    out ??= new MapBuilder(text.length);
    out.keep(text, from, begin);
    out.put(read, begin, end);
    from = end;
  }
  if (!out) return { text };
  out.keep(text, from, text.length);
  return out.done();
}

/**
 * Short clusters repeat (a text in full-width forms, digits of one script, the same hidden character): each is
 * read once and remembered (a pure function of the cluster), up to a bound.
 */
const READ = new Map<string, string>();
function readCluster(cluster: string): string {
  let read = READ.get(cluster);
  if (read !== undefined) return read;
  read = fold(cluster.replace(WIDE_COLON, ': ').normalize('NFKC'));
  if (cluster.length <= 4 && READ.size < 4096) READ.set(cluster, read);
  return read;
}

const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

function fold(s: string): string {
  return s.replace(FOLD, (c) => (ND.test(c) ? String(digitValue(c.codePointAt(0)!)) : /[\p{Pd}\u2212]/u.test(c) ? '-' : ''));
}

/**
 * The value of a decimal digit of any script. Unicode assigns decimal digits only in runs of ten, 0 to 9, so the
 * value is the distance from the start of the run (modulo ten where runs of ten follow each other).
 */
function digitValue(cp: number): number {
  let zero = cp;
  while (cp - zero < 60 && ND.test(String.fromCodePoint(zero - 1))) zero--;
  return (cp - zero) % 10;
}

/**
 * Digits written one by one: at least SPACED_MIN single digits in a row, each separated from the next by one space,
 * dot, dash or underscore ("2 1 9 0 9 9 9 9 9", "2.1.9.0.9.9.9.9.9"), are joined. The separator is the one
 * between the first two digits throughout; where it is a space or a dot, dashes may mark groups and are kept
 * ("2 1 9-0 9-9 9 9 9" reads "219-09-9999"). Honest text is left as it is: groups of several digits (phone
 * numbers "555 123 4567", dates "12 03 2019", cards and IBANs in groups), fewer than six single digits ("1 2 3",
 * versions "1.2.3", addresses "10.0.0.1"), decimals "0.1 0.2 0.3" (two separators alternate), and runs that
 * continue a word or a number ("v1.2.3.4.5.6", "10.1.2.3.4.5.6").
 */
export const SPACED_MIN = 6;
// The digit comes first and the look-behind after it (the same condition on what stands before the digit), so
// that the regex engine can skip ahead to digits instead of trying the look-behind at every position.
const SPACED_START = /[0-9](?<!(?:[\p{L}\p{N}]|[\p{L}\p{N}][._-])[0-9])[ ._-][0-9](?![\p{L}\p{N}])/gu;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isSeparator = (c: number): boolean => c === 32 || c === 46 || c === 45 || c === 95;
/** A letter or a digit (ASCII; other letters stand for themselves, a digit's neighbour is rarely one). */
const isWordChar = (c: number): boolean => isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;

export function joinSpacedDigits(text: string): Mapped {
  SPACED_START.lastIndex = 0;
  if (!SPACED_START.test(text)) return { text };
  SPACED_START.lastIndex = 0;
  let out: MapBuilder | undefined;
  let from = 0;
  for (let m = SPACED_START.exec(text); m; m = SPACED_START.exec(text)) {
    const first = m.index, sep = text.charCodeAt(first + 1);
    let last = first, count = 1;
    for (;;) {
      const s = text.charCodeAt(last + 1);
      if (!isSeparator(s) || (s !== sep && !(s === 45 && sep !== 45 && sep !== 95))) break;
      if (!isDigit(text.charCodeAt(last + 2)) || isWordChar(text.charCodeAt(last + 3))) break;
      last += 2;
      count++;
    }
    SPACED_START.lastIndex = Math.max(last, first + 1);
    if (count < SPACED_MIN) continue;
    out ??= new MapBuilder(text.length);
    out.keep(text, from, first);
    for (let i = first; i <= last; i++) if (text.charCodeAt(i) !== sep) out.keep(text, i, i + 1);
    from = last + 1;
  }
  if (!out) return { text };
  out.keep(text, from, text.length);
  return out.done();
}
