import { has, parseRegex, type CharSet, type RegexNode } from './regex-tree';

/**
 * Keyword-led patterns, tried where their keywords stand instead of at every position of the windows around them.
 *
 * Most patterns of a detector gated by keywords begin with one of them: `\b(?:acct|account|invoice)...`,
 * `(?<![A-Za-z0-9_])ghp_[A-Za-z0-9]{36}`. The keyword automaton has found every place a keyword begins; such a
 * regex runs sticky there only, in the same windows (V8 tries an alternation of words at every position, and the
 * windows of common keywords cover most of a chunk). The matches are those of the scan: every match begins where
 * a keyword does, and each sees the same window. `keywordLed` reads a pattern's source once and answers which of
 * the detector's keywords every match must begin with, or undefined when that cannot be shown.
 */
export function keywordLed(source: string, flags: string, keywords: readonly string[]): string[] | undefined {
  let ast: RegexNode;
  try {
    ast = parseRegex(source, flags);
  } catch {
    return undefined;
  }
  const starts = literals(ast);
  if (!starts) return undefined;
  const led = new Set<string>();
  for (const { text } of starts) {
    const begins = keywords.filter((k) => k.length > 0 && text.startsWith(k));
    if (!begins.length) return undefined;
    for (const k of begins) led.add(k);
  }
  return [...led];
}

/** A literal every match of a node begins with (lower case), and whether the node matches it and nothing more. */
interface Literal {
  text: string;
  whole: boolean;
}

/** More alternatives than this are not spelled out: the pattern keeps its scan. */
const MOST_LITERALS = 256;

/** The literals a node's matches begin with (each match begins with one of them), or undefined when too many. */
function literals(n: RegexNode): Literal[] | undefined {
  switch (n.t) {
    case 'set': {
      const c = oneLetter(n.set);
      return [c === undefined ? { text: '', whole: false } : { text: c, whole: true }];
    }
    case 'look':
    case 'edge':
      return [{ text: '', whole: true }];
    case 'backref':
      return [{ text: '', whole: false }];
    case 'alt': {
      const out: Literal[] = [];
      for (const item of n.items) {
        const l = literals(item);
        if (!l || out.length + l.length > MOST_LITERALS) return undefined;
        out.push(...l);
      }
      return out;
    }
    case 'rep': {
      if (n.min === 0) return [{ text: '', whole: false }];
      const one = literals(n.node);
      if (!one) return undefined;
      // The first copy, and the others while the node is one literal: "a{3}" begins with "aaa".
      if (one.length !== 1 || !one[0]!.whole) return one.map((l) => ({ text: l.text, whole: false }));
      const copies = Math.min(n.min, 16);
      return [{ text: one[0]!.text.repeat(copies), whole: n.min === n.max && copies === n.min }];
    }
    case 'seq': {
      let out: Literal[] = [{ text: '', whole: true }];
      for (const item of n.items) {
        if (!out.some((l) => l.whole)) break;
        const next = literals(item);
        if (!next) return undefined;
        const joined: Literal[] = [];
        for (const l of out) {
          if (!l.whole) joined.push(l);
          else for (const m of next) joined.push({ text: l.text + m.text, whole: m.whole });
          if (joined.length > MOST_LITERALS) return undefined;
        }
        out = joined;
      }
      return out;
    }
  }
}

/** The one letter or sign a set stands for in lower case ("[Cc]", "a" under the i flag), if it is one. */
function oneLetter(s: CharSet): string | undefined {
  if (s.other) return undefined;
  let found: number | undefined;
  for (let c = 0; c < 128; c++) {
    if (!has(s, c)) continue;
    const lower = c >= 65 && c <= 90 ? c + 32 : c;
    if (found !== undefined && found !== lower) return undefined;
    found = lower;
  }
  return found === undefined ? undefined : String.fromCharCode(found);
}
