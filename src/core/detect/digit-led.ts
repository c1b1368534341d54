/**
 * Digit-led patterns, dispatched from the token stream instead of scanned over the text.
 *
 * Most identifier patterns (dates, phone and account numbers, national identifiers) can only match where a run
 * of ASCII digits begins, and only runs of some lengths followed by some characters: `\d{3}-\d{2}-\d{4}` needs
 * a run of three followed by "-". Scanned one regex at a time, thirty-five such detectors read the whole text
 * thirty-five times (V8 runs each at about 1 GB/s: most of the engine's time on text dense with numbers). Read
 * from the chunk's digit runs, which the tokenizer found anyway, each regex runs sticky only at the runs whose
 * length and following character it can start with.
 *
 * `digitLed(source, flags)` reads a pattern's source once (a small parser for the regex syntax the detectors use)
 * and builds a Thompson automaton over characters, run on digits: after k digits, can a match end, or go on with
 * the two characters that follow the run? The answer over-approximates (look-arounds and back-references are
 * treated as "anything"), so the candidates are a superset of where matches begin, and the sticky regex decides:
 * the matches are exactly those of a global scan. A match may have a few characters before its first digit (a
 * NINO's letters, a phone number's "+"): it then begins that many characters before a run. A pattern that can
 * match without a digit, with a long lead before one, or begin with a digit inside a run (no look-behind or \b
 * that rules out a digit before it) is not digit-led (undefined): it keeps its scan.
 */

import { addAll, allDigits, complement, emptySet, has, meetsDigits, meetsOthers, parseRegex, type CharSet, type RegexNode } from './regex-tree';

const ANY = complement(emptySet());

/** Run lengths told apart; a longer run is a candidate for every pattern that can read that far. */
export const LONGEST_RUN = 32;
/** A pattern can have at most this many characters before its first digit (a NINO's two letters and a space). */
const LONGEST_LEAD = 8;
/** In the automaton's runs: any character but a digit. */
const OTHER_KIND = -1;
/**
 * The kind of a character after a run: its code below 128 (DIGIT_KIND for any digit), NON_ASCII for any other,
 * END past the end of the text.
 */
export const DIGIT_KIND = 48, NON_ASCII = 128, END = 129, KINDS = 130;

export interface DigitLed {
  /** How many characters (not digits) a match can have before its first digit, in increasing order. */
  offsets: readonly number[];
  /**
   * For each lead (offsets[i] characters), 1 for each character that can be its last, the one just before the run:
   * indexed by the code below 128, at 128 for any other (all 1 for no lead).
   */
  leadEnds: readonly Uint8Array[];
  /**
   * Whether a match can begin at a run of `length` digits followed by characters of the kinds `next`, `then`: with
   * the lead of offsets[o] characters before the run, or (o undefined) with any of them.
   */
  startsAt(length: number, next: number, then: number, o?: number): boolean;
  /**
   * 1 for each ASCII character that, standing just before a match's first character, rules the match out (a
   * leading negative look-behind such as `(?<![\w.+-])`): most runs in logs and configuration files follow a
   * "-", a "." or a letter, and a sticky regex tried there would only fail.
   */
  blockedBefore: Uint8Array;
}

/** The digit-led view of a pattern, or undefined when it can begin elsewhere (or its syntax is not read here). */
export function digitLed(source: string, flags: string): DigitLed | undefined {
  let ast: RegexNode;
  try {
    // A positive look-ahead is taken as passing: its text (a date's month names in nine languages) is not read.
    ast = parseRegex(source, flags, { skipPositiveLookaheads: true });
  } catch {
    return undefined;
  }
  const led = simulate(compile(ast));
  // A match that begins with a digit must begin where a run does.
  if (!led || (led.offsets[0] === 0 && lead(ast) !== 'yes')) return undefined;
  const blocked = new Uint8Array(128), before = blockedBefore(ast);
  if (before) for (let c = 0; c < 128; c++) blocked[c] = has(before, c) ? 1 : 0;
  return { ...led, blockedBefore: blocked };
}

/**
 * The characters that, just before where a match begins, rule every match out: the one-character alternatives of
 * the negative look-behinds that stand before the pattern's first character (in every branch of an alternation).
 * Undefined when nothing is known. Under-approximating: a longer alternative of a look-behind blocks nothing here.
 */
function blockedBefore(n: RegexNode): CharSet | undefined {
  switch (n.t) {
    case 'look':
      return n.behind && n.negative ? blockedBy(n.node) : undefined;
    case 'rep':
      return n.min > 0 ? blockedBefore(n.node) : undefined;
    case 'alt': {
      let common: CharSet | undefined;
      for (const item of n.items) {
        const b = blockedBefore(item);
        if (!b) return undefined;
        common = common ? intersection(common, b) : b;
      }
      return common;
    }
    case 'seq': {
      // The zero-width items before the first character all look at the same place; the first item that reads a
      // character (or may read none) ends the prefix, and what it blocks counts too.
      const all = emptySet();
      for (const item of n.items) {
        const b = blockedBefore(item);
        if (b) addAll(all, b);
        if (item.t !== 'look' && item.t !== 'edge') break;
      }
      return all;
    }
    default:
      return undefined;
  }
}

function intersection(a: CharSet, b: CharSet): CharSet {
  return { ascii: a.ascii.map((w, i) => w & b.ascii[i]!), other: a.other && b.other };
}

/**
 * Whether every match must begin where the character before is not a digit: a look-behind that rules digits
 * out, a \b before the first (digit) character, or a start of line. "yes", "no", or "open" for zero-width items
 * that say nothing (the next item decides).
 */
function lead(n: RegexNode): 'yes' | 'no' | 'open' {
  switch (n.t) {
    case 'set':
    case 'backref':
      return 'no';
    case 'edge':
      return n.kind === 'other' ? 'open' : 'yes';
    case 'look':
      if (!n.behind) return 'open';
      return (n.negative ? excludesDigits(n.node) : lastExcludesDigits(n.node)) ? 'yes' : 'open';
    case 'rep':
      return n.min === 0 ? 'no' : lead(n.node);
    case 'seq':
      for (const item of n.items) {
        const r = lead(item);
        if (r !== 'open') return r;
      }
      return 'open';
    case 'alt':
      return n.items.every((i) => lead(i) === 'yes') ? 'yes' : 'no';
  }
}

/** A negative look-behind's body that matches any single digit: (?<!\d), (?<![\w.]), (?<!\p{L}|\p{N}). */
function excludesDigits(n: RegexNode): boolean {
  if (n.t === 'set') return allDigits(n.set);
  if (n.t === 'seq') return n.items.length === 1 && excludesDigits(n.items[0]!);
  if (n.t === 'alt') return n.items.some(excludesDigits);
  return false;
}

/** A positive look-behind whose every match ends in a character that is not a digit: (?<=\p{Ll}[ ]). */
function lastExcludesDigits(n: RegexNode): boolean {
  if (n.t === 'set') return !meetsDigits(n.set);
  if (n.t === 'seq') return n.items.length > 0 && lastExcludesDigits(n.items[n.items.length - 1]!);
  if (n.t === 'alt') return n.items.every(lastExcludesDigits);
  return false;
}

/** A Thompson automaton: state s has epsilon edges eps[s] and character edges (set, to). */
interface Automaton {
  eps: number[][];
  edges: { set: CharSet; to: number }[][];
  /** Negative look-aheads, as epsilon edges that a next character in `block` closes. */
  peeks: { block: CharSet; to: number }[][];
  start: number;
  accept: number;
}

/**
 * The characters that certainly close a negative look-ahead: the union of its one-character alternatives
 * ((?![\w-]|\.\d) is closed by a word character or "-"; ".5" may close it or not, so "." does not count).
 */
function blockedBy(n: RegexNode): CharSet | undefined {
  const items = n.t === 'alt' ? n.items : [n];
  const block = emptySet();
  let any = false;
  for (const item of items) {
    const one = item.t === 'seq' && item.items.length === 1 ? item.items[0]! : item;
    if (one.t !== 'set') continue;
    addAll(block, one.set);
    any = true;
  }
  return any ? block : undefined;
}

/** Repetitions are unrolled up to this many copies; beyond, a loop (more than the pattern allows: a superset). */
const UNROLL = 40;

function compile(ast: RegexNode): Automaton {
  const a: Automaton = { eps: [], edges: [], peeks: [], start: 0, accept: 0 };
  const state = (): number => (a.eps.push([]), a.edges.push([]), a.peeks.push([]), a.eps.length - 1);
  const build = (n: RegexNode, from: number): number => {
    switch (n.t) {
      case 'set': {
        const to = state();
        a.edges[from]!.push({ set: n.set, to });
        return to;
      }
      case 'look': {
        const block = !n.behind && n.negative ? blockedBy(n.node) : undefined;
        if (!block) return from;
        const to = state();
        a.peeks[from]!.push({ block, to });
        return to;
      }
      case 'edge':
        return from;
      case 'backref': {
        // What it repeats, taken as any characters, any number of them.
        const loop = state();
        a.eps[from]!.push(loop);
        a.edges[loop]!.push({ set: ANY, to: loop });
        return loop;
      }
      case 'seq':
        return n.items.reduce((at, item) => build(item, at), from);
      case 'alt': {
        const out = state();
        for (const item of n.items) {
          const s = state();
          a.eps[from]!.push(s);
          a.eps[build(item, s)]!.push(out);
        }
        return out;
      }
      case 'rep': {
        let at = from;
        const min = Math.min(n.min, UNROLL);
        for (let k = 0; k < min; k++) at = build(n.node, at);
        if (n.max === Infinity || n.max > UNROLL || n.min > UNROLL) {
          const loop = state();
          a.eps[at]!.push(loop);
          a.eps[build(n.node, loop)]!.push(loop);
          return loop;
        }
        const out = state();
        a.eps[at]!.push(out);
        for (let k = min; k < n.max; k++) {
          at = build(n.node, at);
          a.eps[at]!.push(out);
        }
        return out;
      }
    }
  };
  a.start = state();
  a.accept = build(ast, a.start);
  return a;
}

/**
 * The automaton run over k = 0, 1, 2 ... digits (the states after each, computed once), then, on demand, over the
 * two characters after a run. Undefined when a match can have no digit or too long a lead before its first.
 */
function simulate(a: Automaton): Omit<DigitLed, 'blockedBefore'> | undefined {
  /** Whether a next character of this kind certainly closes a look-ahead (unknown kinds never do). */
  const closes = (block: CharSet, kind: number): boolean =>
    kind === DIGIT_KIND ? allDigits(block) : kind >= 0 && kind < 128 ? has(block, kind) : false;
  /** The states reachable without reading, when the next character is of kind `next`. */
  const closure = (from: Iterable<number>, next: number): Set<number> => {
    const seen = new Set<number>(), stack = [...from];
    while (stack.length) {
      const s = stack.pop()!;
      if (seen.has(s)) continue;
      seen.add(s);
      for (const t of a.eps[s]!) stack.push(t);
      for (const p of a.peeks[s]!) if (!closes(p.block, next)) stack.push(p.to);
    }
    return seen;
  };
  /** The states a character of the given kind leads to (DIGIT_KIND: any digit; OTHER_KIND: any other), unclosed. */
  const step = (states: Set<number>, kind: number): number[] => {
    const to: number[] = [];
    for (const s of states)
      for (const e of a.edges[s]!) {
        const takes = kind === DIGIT_KIND ? meetsDigits(e.set) : kind === OTHER_KIND ? meetsOthers(e.set) : has(e.set, kind === NON_ASCII ? 128 : kind);
        if (takes) to.push(e.to);
      }
    return to;
  };
  // The characters before the first digit: after j of them (not digits), can a digit come, or the match end?
  const offsets: number[] = [], prefixes: Set<number>[] = [];
  const beforeDigits = new Set<number>();
  const digitNext = (states: Iterable<number>): boolean => [...closure(states, DIGIT_KIND)].some((s) => a.edges[s]!.some((e) => meetsDigits(e.set)));
  for (let j = 0, prefix = closure([a.start], OTHER_KIND); prefix.size; j++) {
    if (prefix.has(a.accept) || j > LONGEST_LEAD) return undefined;
    prefixes.push(prefix);
    if (digitNext(prefix)) {
      offsets.push(j);
      for (const s of closure(prefix, DIGIT_KIND)) beforeDigits.add(s);
    }
    prefix = closure(step(prefix, OTHER_KIND), OTHER_KIND);
  }
  // The characters that end a lead of j: those of the edges (from the states after j - 1) into states where a
  // digit can come. Read only for a pattern that is digit-led (the loop above turns most others away cheaply).
  const lastOfLead = offsets.map((j) => {
    const last = emptySet();
    if (j > 0) for (const s of prefixes[j - 1]!) for (const e of a.edges[s]!) if (digitNext([e.to])) addAll(last, e.set);
    return last;
  });
  // The questions about runs, asked from the states a lead of any length leaves (for the table of all leads), or
  // of one length (made when first asked: most patterns have one lead).
  const byLead: (((length: number, next: number, then: number) => boolean) | undefined)[] = [];
  const anyLead = runReader(a, beforeDigits, closure, step);
  return {
    offsets,
    leadEnds: offsets.map((j, i) => Uint8Array.from({ length: 129 }, (_, c) => (j === 0 || has(lastOfLead[i]!, c) ? 1 : 0))),
    startsAt: (length, next, then, o) =>
      o === undefined || offsets.length === 1 ? anyLead(length, next, then) : (byLead[o] ??= runReader(a, closure(prefixes[offsets[o]!]!, DIGIT_KIND), closure, step))(length, next, then),
  };
}

/**
 * The questions about a run of digits, from the states before its first digit: after k digits, can a match end
 * or go on with the next two characters? Answers are kept: engines share them (digit-dispatch.ts), and each asks
 * for the kinds its texts show.
 */
function runReader(a: Automaton, beforeDigits: Set<number>, closure: (from: Iterable<number>, next: number) => Set<number>, step: (states: Set<number>, kind: number) => number[]): (length: number, next: number, then: number) => boolean {
  // reached[k]: the states that k digits lead to (before the next character is known); inRun[k]: with a digit next.
  const reached: number[][] = [[...beforeDigits]];
  const inRun = [beforeDigits];
  /** The fewest digits a match can end after with a digit next (inside a run). */
  let endsInRun = Infinity;
  for (let k = 1; k <= LONGEST_RUN + 1 && inRun[k - 1]!.size; k++) {
    reached.push(step(inRun[k - 1]!, DIGIT_KIND));
    const states = closure(reached[k]!, DIGIT_KIND);
    if (states.has(a.accept)) endsInRun = Math.min(endsInRun, k);
    inRun.push(states);
  }
  const answers = new Map<number, boolean>();
  const atEnds = new Map<number, Set<number>>();
  // For each run length, whether a match can end there, and which characters can follow (with no look-ahead
  // closed): most questions are answered from these, without a closure.
  const mayEnd: boolean[] = [], mayContinue: CharSet[] = [];
  for (const to of reached) {
    const open = closure(to, OTHER_KIND), next = emptySet();
    for (const s of open) for (const e of a.edges[s]!) addAll(next, e.set);
    mayEnd.push(open.has(a.accept));
    mayContinue.push(next);
  }
  const startsAt = (length: number, next: number, then: number): boolean => {
    if (length > endsInRun) return true;
    if (length > LONGEST_RUN) return (inRun[LONGEST_RUN + 1]?.size ?? 0) > 0;
    if (!reached[length]?.length) return false;
    if (!mayEnd[length] && (next === END || !has(mayContinue[length]!, next === NON_ASCII ? 128 : next))) return false;
    const key = length * KINDS + next;
    let atEnd = atEnds.get(key);
    if (!atEnd) atEnds.set(key, (atEnd = closure(reached[length]!, next)));
    if (atEnd.has(a.accept)) return true;
    if (next === END) return false;
    const after = closure(step(atEnd, next), then);
    return after.has(a.accept) || (then !== END && step(after, then).length > 0);
  };
  return (length, next, then) => {
    const key = (length * KINDS + next) * KINDS + then;
    let answer = answers.get(key);
    if (answer === undefined) answers.set(key, (answer = startsAt(length, next, then)));
    return answer;
  };
}

