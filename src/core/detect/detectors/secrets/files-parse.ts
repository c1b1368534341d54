import { isDigit } from '../../chars';
import type { Candidate } from '../../types';

/**
 * Small bounded readers for the positional file formats of files-*.ts: lines, CSV records and SQL value
 * tuples. The engine core has no dependencies (it runs unchanged in a content script, a worker and Node), so a
 * CSV library is not an option here; these readers do only what the detectors need, each in one forward pass
 * with hard limits, so that a hostile page cannot make them slow.
 */

/** One field of a record: its text (unquoted) and where that text stands in the source. */
export interface Cell {
  value: string;
  start: number;
  end: number;
}

/** The line around `at`: [start, end) without its line break, or undefined when it is longer than `max`. */
export function lineAround(text: string, at: number, max = 2048): [number, number] | undefined {
  let s = at, e = at;
  while (s > 0 && text.charCodeAt(s - 1) !== 10) if (at - --s > max) return undefined;
  while (e < text.length && text.charCodeAt(e) !== 10) if (++e - at > max) return undefined;
  if (e > s && text.charCodeAt(e - 1) === 13) e--;
  return [s, e];
}

/**
 * One CSV record from `from`: fields split on `delim`, double-quoted fields with "" escapes and line breaks
 * inside quotes (a browser's note column), at most `maxLength` characters and `maxFields` fields.
 * Returns the cells and where the next record starts, or undefined when the record is malformed or too long.
 */
export function csvRecord(text: string, from: number, delim: number, maxLength = 8192, maxFields = 64): { cells: Cell[]; next: number } | undefined {
  const cells: Cell[] = [];
  const limit = Math.min(text.length, from + maxLength);
  let i = from;
  for (;;) {
    if (cells.length >= maxFields) return undefined;
    if (i < limit && text.charCodeAt(i) === 34) {
      const cell = quotedCell(text, i, limit, false);
      if (!cell) return undefined;
      cells.push(cell);
      i = cell.end + 1;
    } else {
      const start = i;
      while (i < limit && text.charCodeAt(i) !== delim && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
      if (i >= limit && limit < text.length) return undefined;
      cells.push({ value: text.slice(start, i), start, end: i });
    }
    const c = i < text.length ? text.charCodeAt(i) : -1;
    if (c === delim) {
      i++;
      continue;
    }
    if (c === 13 && text.charCodeAt(i + 1) === 10) return { cells, next: i + 2 };
    if (c === 10 || c === 13) return { cells, next: i + 1 };
    if (c === -1) return { cells, next: i };
    return undefined; // text after a closing quote
  }
}

/**
 * The values of one SQL tuple starting at the "(" at `from`: quoted strings ('...' with '' or backslash
 * escapes, "..." too), bare values (numbers, NULL, a function call with its own parentheses). Returns the cells
 * and the position after ")", or undefined when the tuple is malformed or longer than `maxLength`.
 */
export function sqlTuple(text: string, from: number, maxLength = 16384, maxFields = 256): { cells: (Cell | undefined)[]; next: number } | undefined {
  if (text.charCodeAt(from) !== 40) return undefined;
  const limit = Math.min(text.length, from + maxLength);
  const cells: (Cell | undefined)[] = [];
  let i = from + 1;
  for (;;) {
    while (i < limit && isSpace(text.charCodeAt(i))) i++;
    if (i >= limit || cells.length >= maxFields) return undefined;
    const q = text.charCodeAt(i);
    if (q === 39 || q === 34) {
      const cell = quotedCell(text, i, limit, true);
      if (!cell) return undefined;
      cells.push(cell);
      i = cell.end + 1;
    } else {
      // A bare value: up to the next comma or closing parenthesis at depth 0 (NOW(), CONCAT('a','b') are skipped).
      let depth = 0;
      while (i < limit) {
        const c = text.charCodeAt(i);
        if (c === 39) {
          i++;
          while (i < limit && text.charCodeAt(i) !== 39) i++;
        } else if (c === 40) depth++;
        else if (c === 41) {
          if (depth === 0) break;
          depth--;
        } else if (c === 44 && depth === 0) break;
        i++;
      }
      cells.push(undefined);
    }
    while (i < limit && isSpace(text.charCodeAt(i))) i++;
    const c = text.charCodeAt(i);
    if (c === 44) i++;
    else if (c === 41) return { cells, next: i + 1 };
    else return undefined;
  }
}

/**
 * The quoted field whose opening quote is at `at` (CSV's "...", SQL's '...' or "..."): a doubled quote stands for
 * one, and with `backslash` (SQL) a backslash escapes the next character. The cell ends before the closing quote;
 * undefined when none comes before `limit`.
 */
function quotedCell(text: string, at: number, limit: number, backslash: boolean): Cell | undefined {
  const q = text.charCodeAt(at), start = at + 1;
  let j = start, escaped = false;
  for (;;) {
    if (j >= limit) return undefined;
    const c = text.charCodeAt(j);
    if (backslash && c === 92) {
      escaped = true;
      j += 2;
      continue;
    }
    if (c === q) {
      if (text.charCodeAt(j + 1) !== q) break;
      escaped = true;
      j += 2;
      continue;
    }
    j++;
  }
  const raw = text.slice(start, j);
  const value = !escaped ? raw : backslash ? raw.replace(/\\(.)|''|""/g, (m, c: string | undefined) => c ?? m[0]!) : raw.replace(/""/g, '"');
  return { value, start, end: j };
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/** base64 (standard or URL-safe, padding optional) to a binary string, or undefined. */
export function fromBase64(s: string): string | undefined {
  try {
    const std = s.replace(/-/g, '+').replace(/_/g, '/');
    return atob(std + '='.repeat((4 - (std.length % 4)) % 4));
  } catch {
    return undefined;
  }
}

/** Printable text of a decoded credential: ASCII without control characters (binary that base64 hides is not). */
export const printable = (s: string): boolean => /^[\x20-\x7e]*$/.test(s);

/**
 * Positions of `words` that are valid in `text`. The engine's anchors index the lower-cased chunk, which is
 * longer than the text when lower-casing changed a character's length (rare: "İ"); then the words are looked up
 * again in an ASCII-only lower-casing of the text, which keeps every offset.
 */
export function positionsOf(text: string, lower: string, anchors: ReadonlyMap<string, readonly number[]>, words: readonly string[], max = 4096): number[] {
  if (lower.length === text.length) return words.flatMap((w) => anchors.get(w) ?? []).sort((a, b) => a - b).slice(0, max);
  const ascii = text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
  const out: number[] = [];
  for (const w of words) for (let i = ascii.indexOf(w); i >= 0 && out.length < max; i = ascii.indexOf(w, i + 1)) out.push(i);
  return out.sort((a, b) => a - b);
}

/** The lines of a chunk that hold a colon: where each starts and where its first colon stands. */
export interface ColonLines {
  starts: number[];
  colons: number[];
}

let linesOf: string | undefined;
let colonLinesOf: ColonLines = { starts: [], colons: [] };

/**
 * The lines of `text` that hold a colon: where the colon-separated line formats (pgpass, htpasswd, passwd,
 * shadow, pwdump) can stand. Found with indexOf (lines without a colon are skipped in one step), and kept for the
 * chunk: the detectors that need them run one after another on the same chunk.
 */
export function colonLines(text: string): ColonLines {
  if (text === linesOf) return colonLinesOf;
  const out: ColonLines = { starts: [], colons: [] };
  for (let ls = 0; ls < text.length; ) {
    const colon = text.indexOf(':', ls);
    if (colon < 0) break;
    out.starts.push(text.lastIndexOf('\n', colon) + 1);
    out.colons.push(colon);
    const end = text.indexOf('\n', colon);
    if (end < 0) break;
    ls = end + 1;
  }
  linesOf = text;
  colonLinesOf = out;
  return out;
}

export interface LinePattern {
  name: string;
  /** Sticky ('y') with 'm' (so that "$" ends a line) and 'd' (group positions); matched at each line start. */
  regex: RegExp;
  score: number;
  group: number;
}

/**
 * Each pattern tried once at the start of every line with a colon; the value is its group. `worthTrying` is a
 * cheap test, at the line's first colon, of a shape that every match has: it keeps the patterns off the other
 * lines (a time of day, "key: value").
 */
export function lineMatches(text: string, patterns: readonly LinePattern[], worthTrying: (text: string, colon: number) => boolean, max = 2000): Candidate[] {
  const out: Candidate[] = [];
  const { starts, colons } = colonLines(text);
  for (let k = 0; k < starts.length; k++) {
    if (!worthTrying(text, colons[k]!)) continue;
    const ls = starts[k]!;
    for (const p of patterns) {
      p.regex.lastIndex = ls;
      const m = p.regex.exec(text);
      const span = m?.indices?.[p.group];
      if (!span) continue;
      out.push({ start: span[0], end: span[1], score: p.score, why: [`pattern ${p.name} (${p.score})`] });
      break;
    }
    if (out.length >= max) break;
  }
  return out;
}

/** The end of the run of 1 to `max` digits at `at`, or -1 when there is none or a longer one. */
export function digitsAt(text: string, at: number, max: number): number {
  let i = at;
  while (isDigit(text.charCodeAt(i))) i++;
  return i === at || i - at > max ? -1 : i;
}

/** Values that stand where a password goes in documentation and templates. */
const TEMPLATE = /^(?:\$\{.*\}|\$\(.*\)|\$[A-Za-z_]\w*|\{\{.*\}\}|\{[A-Za-z_]\w*\}|%\(\w+\)s|%[sd]|%[A-Za-z_]\w*%|<[^>]*>|\[[^\]]*\]|:[A-Za-z_]\w*|__\w+__|\*+|x+|\.+|#+)$/i;
const FILL_IN = /^(?:(?:my|your|the|some)?[_-]?(?:pass(?:word|wd)\d?|pwd|secret|token|key)|changeme|change[_-]me|changeit|null|none|nil|undefined|redacted|masked|hidden|dummy|test|sample|example|placeholder|\.\.\.)$|your[_-]|replace|placeholder|xxxx|not[_-]?a[_-]?real|fake/i;

/**
 * A value that stands where a credential goes: a template or variable, a fill-in word, one repeated character.
 * Narrower than placeholder.ts's isPlaceholder on purpose: these formats say by their structure that the value
 * is a password, so a weak or leet one ("P@ssw0rd", "S3cret!23") is still reported; only "fill me in" is not.
 */
export const fillIn = (v: string): boolean => !v.trim() || TEMPLATE.test(v) || FILL_IN.test(v) || /^(.)\1*$/.test(v) || /\$\{|\{\{|%\(\w+\)|<%/.test(v);
