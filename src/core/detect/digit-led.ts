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
  /** Whether the character before a run (its code) can be the last of a lead of offsets[i] characters. */
  precededBy(i: number, code: number): boolean;
  /** Whether a match can begin at a run of `length` digits followed by characters of the kinds `next`, `then`. */
  startsAt(length: number, next: number, then: number): boolean;
}

/**
 * A set of characters: 128 bits for ASCII (eight words of 16, small integers that V8 keeps unboxed: parsing makes
 * thousands of these), and whether it holds any other character.
 */
type CharSet = { ascii: number[]; other: boolean };

type Node =
  | { t: 'set'; set: CharSet }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; items: Node[] }
  | { t: 'rep'; node: Node; min: number; max: number }
  | { t: 'look'; behind: boolean; negative: boolean; node: Node }
  | { t: 'edge'; kind: 'b' | '^' | 'other' };

/** The digit-led view of a pattern, or undefined when it can begin elsewhere (or its syntax is not read here). */
export function digitLed(source: string, flags: string): DigitLed | undefined {
  let ast: Node;
  try {
    ast = new Parser(source, flags).parse();
  } catch {
    return undefined;
  }
  const led = simulate(compile(ast));
  // A match that begins with a digit must begin where a run does.
  return led && (led.offsets[0] !== 0 || lead(ast) === 'yes') ? led : undefined;
}

const DIGITS = (() => {
  const s = emptySet();
  for (let c = 48; c <= 57; c++) add(s, c);
  return s;
})();

function emptySet(): CharSet {
  return { ascii: [0, 0, 0, 0, 0, 0, 0, 0], other: false };
}
function add(s: CharSet, c: number): void {
  if (c < 128) s.ascii[c >> 4]! |= 1 << (c & 15);
  else s.other = true;
}
const has = (s: CharSet, c: number): boolean => (c < 128 ? (s.ascii[c >> 4]! & (1 << (c & 15))) !== 0 : s.other);
function union(into: CharSet, s: CharSet): void {
  for (let i = 0; i < 8; i++) into.ascii[i]! |= s.ascii[i]!;
  into.other ||= s.other;
}
function complement(s: CharSet): CharSet {
  return { ascii: s.ascii.map((w) => w ^ 0xffff), other: true };
}
/** The digits 0-9 are bits 0 to 9 of word 3 (codes 48 to 63). */
const DIGIT_BITS = 0x3ff;
const meetsDigits = (s: CharSet): boolean => (s.ascii[3]! & DIGIT_BITS) !== 0;
const allDigits = (s: CharSet): boolean => (s.ascii[3]! & DIGIT_BITS) === DIGIT_BITS;
/** Whether the set holds a character other than a digit. */
const meetsOthers = (s: CharSet): boolean => s.other || s.ascii.some((w, i) => (i === 3 ? w & ~DIGIT_BITS : w) !== 0);
function fromTest(test: (c: string) => boolean): CharSet {
  const s = emptySet();
  for (let c = 0; c < 128; c++) if (test(String.fromCharCode(c))) add(s, c);
  s.other = true;
  return s;
}

/** The set of each literal character (negative keys: under the i flag), made once: parsing allocates little. */
const LITERALS = new Map<number, CharSet>();
const WORD = fromTest((c) => /\w/.test(c)), SPACE = fromTest((c) => /\s/.test(c));
const BRACE = /\{(\d+)(,(\d*))?\}/y, HEX = /\{([0-9a-f]+)\}|[0-9a-f]{4}/iy;

/**
 * ASCII members of \p{...} classes, read once per property. The letter and number categories are known (building
 * a regex with a property costs V8 more than the rest of reading a pattern); others are tested.
 */
const PROPERTIES = new Map<string, CharSet>();
const KNOWN: Record<string, (c: string) => boolean> = {
  L: (c) => /[A-Za-z]/.test(c),
  LC: (c) => /[A-Za-z]/.test(c),
  Lu: (c) => /[A-Z]/.test(c),
  Ll: (c) => /[a-z]/.test(c),
  N: (c) => /[0-9]/.test(c),
  Nd: (c) => /[0-9]/.test(c),
};
function property(name: string, negated: boolean): CharSet {
  let s = PROPERTIES.get(name);
  if (!s) {
    const known = KNOWN[name.replace(/^(?:gc|General_Category)=/, '')];
    const re = known ? undefined : new RegExp(`^\\p{${name}}$`, 'u');
    PROPERTIES.set(name, (s = fromTest(known ?? ((c) => re!.test(c)))));
  }
  return negated ? complement(s) : s;
}

/** A recursive-descent parser of the regex syntax detectors use; anything else throws (the pattern keeps its scan). */
class Parser {
  private i = 0;
  private readonly ignoreCase: boolean;
  private readonly unicode: boolean;

  constructor(private readonly s: string, flags: string) {
    this.ignoreCase = flags.includes('i');
    this.unicode = flags.includes('u') || flags.includes('v');
    if (flags.includes('v')) throw new Error('v flag');
  }

  parse(): Node {
    const n = this.disjunction();
    if (this.i < this.s.length) throw new Error(`unexpected ${this.s[this.i]}`);
    return n;
  }

  private disjunction(): Node {
    const items = [this.alternative()];
    while (this.s[this.i] === '|') {
      this.i++;
      items.push(this.alternative());
    }
    return items.length === 1 ? items[0]! : { t: 'alt', items };
  }

  private alternative(): Node {
    const items: Node[] = [];
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') items.push(this.quantified(this.atom()));
    return { t: 'seq', items };
  }

  private quantified(node: Node): Node {
    const c = this.s[this.i];
    let min: number, max: number;
    if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '?') [min, max] = [0, 1];
    else if (c === '{') {
      BRACE.lastIndex = this.i;
      const m = BRACE.exec(this.s);
      if (!m) throw new Error('brace');
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity;
      this.i += m[0].length - 1;
    } else return node;
    this.i++;
    if (this.s[this.i] === '?') this.i++;
    return { t: 'rep', node, min, max };
  }

  private atom(): Node {
    const c = this.s[this.i++]!;
    if (c === '(') return this.group();
    if (c === '[') return { t: 'set', set: this.cls() };
    if (c === '.') return { t: 'set', set: complement(emptySet()) };
    if (c === '^') return { t: 'edge', kind: '^' };
    if (c === '$') return { t: 'edge', kind: 'other' };
    if (c === '\\') {
      const e = this.s[this.i]!;
      if (e === 'b') return this.i++, { t: 'edge', kind: 'b' };
      if (e === 'B') return this.i++, { t: 'edge', kind: 'other' };
      // A back-reference: any characters, any number of them.
      if ((e >= '1' && e <= '9') || e === 'k') {
        if (e === 'k') this.i = this.s.indexOf('>', this.i) + 1;
        else while (this.s[this.i]! >= '0' && this.s[this.i]! <= '9') this.i++;
        return { t: 'rep', node: { t: 'set', set: complement(emptySet()) }, min: 0, max: Infinity };
      }
      return { t: 'set', set: this.escape() };
    }
    if ('*+?{}|)'.includes(c) && c !== '}') throw new Error(`bare ${c}`);
    return { t: 'set', set: this.literal(c.codePointAt(0)!) };
  }

  private group(): Node {
    let look: { behind: boolean; negative: boolean } | undefined;
    if (this.s[this.i] === '?') {
      const rest = this.s.slice(this.i, this.i + 3);
      if (rest.startsWith('?:')) this.i += 2;
      else if (rest.startsWith('?=') || rest.startsWith('?!')) [look, this.i] = [{ behind: false, negative: rest[1] === '!' }, this.i + 2];
      else if (rest === '?<=' || rest === '?<!') [look, this.i] = [{ behind: true, negative: rest[2] === '!' }, this.i + 3];
      else if (rest.startsWith('?<')) this.i = this.s.indexOf('>', this.i) + 1;
      else throw new Error('group kind');
    }
    // A positive look-ahead says nothing the automaton uses (it is taken as always passing): its text, a date's
    // month names in nine languages, is skipped unread.
    if (look && !look.behind && !look.negative) return this.skipGroup(), { t: 'edge', kind: 'other' };
    const node = this.disjunction();
    if (this.s[this.i++] !== ')') throw new Error('unclosed group');
    return look ? { t: 'look', ...look, node } : node;
  }

  /** Moves past the ")" that closes the group the reader is in (escapes and classes read as such). */
  private skipGroup(): void {
    for (let depth = 1, inClass = false; this.i < this.s.length; this.i++) {
      const c = this.s[this.i];
      if (c === '\\') this.i++;
      else if (inClass) inClass = c !== ']';
      else if (c === '[') inClass = true;
      else if (c === '(') depth++;
      else if (c === ')' && --depth === 0) return void this.i++;
    }
    throw new Error('unclosed group');
  }

  /** A character, both cases under the i flag (and, with i, any other character: Unicode case folding). Shared: never changed. */
  private literal(code: number): CharSet {
    const key = this.ignoreCase ? -1 - code : code;
    let s = LITERALS.get(key);
    if (s) return s;
    s = emptySet();
    add(s, code);
    if (this.ignoreCase) {
      const ch = String.fromCodePoint(code);
      for (const v of [ch.toLowerCase(), ch.toUpperCase()]) if (v.length === 1) add(s, v.charCodeAt(0));
      if (/[a-z]/i.test(ch)) s.other = true;
    }
    LITERALS.set(key, s);
    return s;
  }

  /** After a backslash: a class escape or an escaped character. */
  private escape(): CharSet {
    const e = this.s[this.i++]!;
    switch (e) {
      case 'd':
        return { ascii: DIGITS.ascii.slice(), other: false };
      case 'D':
        return complement(DIGITS);
      case 'w':
      case 'W': {
        // /iu: ſ and the Kelvin sign are word characters too.
        const w = { ascii: WORD.ascii, other: this.ignoreCase && this.unicode };
        return e === 'w' ? w : complement(w);
      }
      case 's':
        return SPACE;
      case 'S':
        return complement(SPACE);
      case 'p':
      case 'P': {
        const end = this.s.indexOf('}', this.i);
        if (!this.unicode || this.s[this.i] !== '{' || end < 0) throw new Error('property');
        const name = this.s.slice(this.i + 1, end);
        this.i = end + 1;
        return property(name, e === 'P');
      }
      case 'n':
        return this.literal(10);
      case 'r':
        return this.literal(13);
      case 't':
        return this.literal(9);
      case 'v':
        return this.literal(11);
      case 'f':
        return this.literal(12);
      case '0':
        return this.literal(0);
      case 'x':
      case 'u': {
        HEX.lastIndex = this.i;
        const m = HEX.exec(this.s);
        const hex = e === 'x' ? this.s.slice(this.i, this.i + 2) : m ? (m[1] ?? m[0]) : '';
        if (!/^[0-9a-f]+$/i.test(hex)) throw new Error('hex escape');
        this.i += e === 'x' ? 2 : m![0].length;
        return this.literal(parseInt(hex, 16));
      }
      case 'c':
        throw new Error('control escape');
      default:
        return this.literal(e.codePointAt(0)!);
    }
  }

  /** A class, after its "[". */
  private cls(): CharSet {
    const negated = this.s[this.i] === '^';
    if (negated) this.i++;
    const out = emptySet();
    while (this.s[this.i] !== ']') {
      if (this.i >= this.s.length) throw new Error('unclosed class');
      const from = this.classAtom();
      if (this.s[this.i] === '-' && this.s[this.i + 1] !== ']' && from.code !== undefined) {
        this.i++;
        const to = this.classAtom();
        if (to.code === undefined) throw new Error('range to a class');
        for (let c = from.code; c <= Math.min(to.code, 127); c++) union(out, this.literal(c));
        if (to.code >= 128) out.other = true;
      } else union(out, from.set);
    }
    this.i++;
    return negated ? complement(out) : out;
  }

  private classAtom(): { set: CharSet; code?: number } {
    const c = this.s[this.i++]!;
    if (c !== '\\') {
      const code = this.s.codePointAt(this.i - 1)!;
      if (code > 0xffff) this.i++;
      return { set: this.literal(code), code };
    }
    const e = this.s[this.i]!;
    if ('dDwWsSpP'.includes(e)) return { set: this.escape() };
    if (e === 'b') return this.i++, { set: this.literal(8), code: 8 };
    if (e === '-') return this.i++, { set: this.literal(45), code: 45 };
    const set = this.escape();
    // The escaped character's code, for a range: the one ASCII member, or beyond ASCII.
    let code = 128;
    for (let k = 0; k < 128; k++) if (has(set, k)) code = Math.min(code, k);
    return { set, code };
  }
}

/**
 * Whether every match must begin where the character before is not a digit: a look-behind that rules digits
 * out, a \b before the first (digit) character, or a start of line. "yes", "no", or "open" for zero-width items
 * that say nothing (the next item decides).
 */
function lead(n: Node): 'yes' | 'no' | 'open' {
  switch (n.t) {
    case 'set':
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
function excludesDigits(n: Node): boolean {
  if (n.t === 'set') return allDigits(n.set);
  if (n.t === 'seq') return n.items.length === 1 && excludesDigits(n.items[0]!);
  if (n.t === 'alt') return n.items.some(excludesDigits);
  return false;
}

/** A positive look-behind whose every match ends in a character that is not a digit: (?<=\p{Ll}[ ]). */
function lastExcludesDigits(n: Node): boolean {
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
function blockedBy(n: Node): CharSet | undefined {
  const items = n.t === 'alt' ? n.items : [n];
  const block = emptySet();
  let any = false;
  for (const item of items) {
    const one = item.t === 'seq' && item.items.length === 1 ? item.items[0]! : item;
    if (one.t !== 'set') continue;
    union(block, one.set);
    any = true;
  }
  return any ? block : undefined;
}

/** Repetitions are unrolled up to this many copies; beyond, a loop (more than the pattern allows: a superset). */
const UNROLL = 40;

function compile(ast: Node): Automaton {
  const a: Automaton = { eps: [], edges: [], peeks: [], start: 0, accept: 0 };
  const state = (): number => (a.eps.push([]), a.edges.push([]), a.peeks.push([]), a.eps.length - 1);
  const build = (n: Node, from: number): number => {
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
function simulate(a: Automaton): DigitLed | undefined {
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
    if (j > 0) for (const s of prefixes[j - 1]!) for (const e of a.edges[s]!) if (digitNext([e.to])) union(last, e.set);
    return last;
  });
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
  // Answers are kept: engines share this object (digit-dispatch.ts), and each asks for the kinds its texts show.
  const answers = new Map<number, boolean>();
  const atEnds = new Map<number, Set<number>>();
  // For each run length, whether a match can end there, and which characters can follow (with no look-ahead
  // closed): most questions are answered from these, without a closure.
  const mayEnd: boolean[] = [], mayContinue: CharSet[] = [];
  for (const to of reached) {
    const open = closure(to, OTHER_KIND), next = emptySet();
    for (const s of open) for (const e of a.edges[s]!) union(next, e.set);
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
  return {
    offsets,
    precededBy: (i, code) => offsets[i] === 0 || has(lastOfLead[i]!, code < 128 ? code : 128),
    startsAt(length, next, then) {
      const key = (length * KINDS + next) * KINDS + then;
      let answer = answers.get(key);
      if (answer === undefined) answers.set(key, (answer = startsAt(length, next, then)));
      return answer;
    },
  };
}
