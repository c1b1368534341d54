/**
 * Regular expressions read as a tree, for the checks that reason about what a pattern can match: whether an
 * administrator's pattern is safe to run (policy/safe-regex.ts) and where a detector's pattern can begin in a
 * run of digits (digit-led.ts). A recursive-descent parser of the syntax those patterns use; what it does not
 * know it refuses with a RegexSyntaxError, so that a check never guesses (JavaScript checks the syntax first).
 */

/**
 * A set of characters: 128 bits for ASCII (eight words of 16, small integers that V8 keeps unboxed: parsing makes
 * thousands of these), and whether it holds any other character.
 */
export type CharSet = { ascii: number[]; other: boolean };

/**
 * A pattern's tree. A repeat keeps its source text (for messages); a look-around its body (a positive
 * look-ahead's is left unread when the reader asks: `edge`); a back-reference stands for what it repeats.
 */
export type RegexNode =
  | { t: 'set'; set: CharSet }
  | { t: 'seq'; items: RegexNode[] }
  | { t: 'alt'; items: RegexNode[] }
  | { t: 'rep'; node: RegexNode; min: number; max: number; text: string }
  | { t: 'look'; behind: boolean; negative: boolean; node: RegexNode }
  | { t: 'edge'; kind: 'b' | '^' | 'other' }
  | { t: 'backref' };

/** Syntax the reader does not take (with where), or a pattern that JavaScript would refuse. */
export class RegexSyntaxError extends Error {}

export interface ParseOptions {
  /** Leave positive look-aheads unread (as an edge): a check that takes them as always passing. */
  skipPositiveLookaheads?: boolean;
}

/** The tree of a pattern's source under its flags. */
export const parseRegex = (source: string, flags = '', options: ParseOptions = {}): RegexNode => new Parser(source, flags, options).parse();

const DIGITS = (() => {
  const s = emptySet();
  for (let c = 48; c <= 57; c++) add(s, c);
  return s;
})();

export function emptySet(): CharSet {
  return { ascii: [0, 0, 0, 0, 0, 0, 0, 0], other: false };
}
function add(s: CharSet, c: number): void {
  if (c < 128) s.ascii[c >> 4]! |= 1 << (c & 15);
  else s.other = true;
}
export const has = (s: CharSet, c: number): boolean => (c < 128 ? (s.ascii[c >> 4]! & (1 << (c & 15))) !== 0 : s.other);
/** Adds the characters of `s` to `into`. */
export function addAll(into: CharSet, s: CharSet): void {
  for (let i = 0; i < 8; i++) into.ascii[i]! |= s.ascii[i]!;
  into.other ||= s.other;
}
export function complement(s: CharSet): CharSet {
  return { ascii: s.ascii.map((w) => w ^ 0xffff), other: true };
}
/** The digits 0-9 are bits 0 to 9 of word 3 (codes 48 to 63). */
const DIGIT_BITS = 0x3ff;
export const meetsDigits = (s: CharSet): boolean => (s.ascii[3]! & DIGIT_BITS) !== 0;
export const allDigits = (s: CharSet): boolean => (s.ascii[3]! & DIGIT_BITS) === DIGIT_BITS;
/** Whether the set holds a character other than a digit. */
export const meetsOthers = (s: CharSet): boolean => s.other || s.ascii.some((w, i) => (i === 3 ? w & ~DIGIT_BITS : w) !== 0);
function fromTest(test: (c: string) => boolean): CharSet {
  const s = emptySet();
  for (let c = 0; c < 128; c++) if (test(String.fromCharCode(c))) add(s, c);
  s.other = true;
  return s;
}

/** The set of each literal character (negative keys: under the i flag), made once: parsing allocates little. */
const LITERALS = new Map<number, CharSet>();
const WORD = fromTest((c) => /\w/.test(c));
const SPACE = fromTest((c) => /\s/.test(c));
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

class Parser {
  private i = 0;
  private readonly ignoreCase: boolean;
  private readonly unicode: boolean;

  constructor(private readonly s: string, flags: string, private readonly options: ParseOptions) {
    this.ignoreCase = flags.includes('i');
    this.unicode = flags.includes('u') || flags.includes('v');
    if (flags.includes('v')) throw new RegexSyntaxError('the v flag is not read');
  }

  parse(): RegexNode {
    const n = this.disjunction();
    if (this.i < this.s.length) throw new RegexSyntaxError(`unexpected "${this.s[this.i]}" at ${this.i}`);
    return n;
  }

  private disjunction(): RegexNode {
    const items = [this.alternative()];
    while (this.s[this.i] === '|') {
      this.i++;
      items.push(this.alternative());
    }
    return items.length === 1 ? items[0]! : { t: 'alt', items };
  }

  private alternative(): RegexNode {
    const items: RegexNode[] = [];
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      const from = this.i;
      items.push(this.quantified(this.atom(), from));
    }
    return { t: 'seq', items };
  }

  private quantified(node: RegexNode, from: number): RegexNode {
    const c = this.s[this.i];
    let min: number, max: number;
    if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '?') [min, max] = [0, 1];
    else if (c === '{') {
      BRACE.lastIndex = this.i;
      const m = BRACE.exec(this.s);
      if (!m) return node; // a "{" that starts no count is a character
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity;
      this.i += m[0].length - 1;
    } else return node;
    this.i++;
    if (this.s[this.i] === '?') this.i++;
    return { t: 'rep', node, min, max, text: this.s.slice(from, this.i) };
  }

  private atom(): RegexNode {
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
      if ((e >= '1' && e <= '9') || (e === 'k' && this.s[this.i + 1] === '<')) {
        if (e === 'k') this.i = this.s.indexOf('>', this.i) + 1;
        else while (this.s[this.i]! >= '0' && this.s[this.i]! <= '9') this.i++;
        return { t: 'backref' };
      }
      return { t: 'set', set: this.escape() };
    }
    if (c === ')' || c === '*' || c === '+' || c === '?') throw new RegexSyntaxError(`unexpected "${c}" at ${this.i - 1}`);
    return { t: 'set', set: this.literal(c.codePointAt(0)!) };
  }

  private group(): RegexNode {
    let look: { behind: boolean; negative: boolean } | undefined;
    if (this.s[this.i] === '?') {
      const rest = this.s.slice(this.i, this.i + 3);
      if (rest.startsWith('?:')) this.i += 2;
      else if (rest.startsWith('?=') || rest.startsWith('?!')) [look, this.i] = [{ behind: false, negative: rest[1] === '!' }, this.i + 2];
      else if (rest === '?<=' || rest === '?<!') [look, this.i] = [{ behind: true, negative: rest[2] === '!' }, this.i + 3];
      else if (rest.startsWith('?<')) this.i = this.s.indexOf('>', this.i) + 1;
      else throw new RegexSyntaxError(`unknown group at ${this.i - 1}`);
    }
    if (look && !look.behind && !look.negative && this.options.skipPositiveLookaheads) return this.skipGroup(), { t: 'edge', kind: 'other' };
    const node = this.disjunction();
    if (this.s[this.i++] !== ')') throw new RegexSyntaxError('a group is not closed');
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
    throw new RegexSyntaxError('a group is not closed');
  }

  /**
   * A character, both cases under the i flag (and under iu any other character too: Unicode case folding makes
   * "ſ" an s). Shared between trees: never changed.
   */
  private literal(code: number): CharSet {
    const key = code + (this.ignoreCase ? (this.unicode ? 2 : 1) * 0x110000 : 0);
    let s = LITERALS.get(key);
    if (s) return s;
    s = emptySet();
    add(s, code);
    if (this.ignoreCase) {
      const ch = String.fromCodePoint(code);
      for (const v of [ch.toLowerCase(), ch.toUpperCase()]) if (v.length === 1) add(s, v.charCodeAt(0));
      if (this.unicode && /[a-z]/i.test(ch)) s.other = true;
    }
    LITERALS.set(key, s);
    return s;
  }

  /** After a backslash: a class escape or an escaped character. */
  private escape(): CharSet {
    const e = this.s[this.i++];
    if (e === undefined) throw new RegexSyntaxError('a pattern cannot end with a backslash');
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
        if (!this.unicode) return this.literal(e.charCodeAt(0)); // without u, \p is a p
        const end = this.s.indexOf('}', this.i);
        if (this.s[this.i] !== '{' || end < 0) throw new RegexSyntaxError('a property escape is not closed');
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
        if (!/^[0-9a-f]+$/i.test(hex)) throw new RegexSyntaxError(`an escape the reader does not take at ${this.i - 2}`);
        this.i += e === 'x' ? 2 : m![0].length;
        return this.literal(parseInt(hex, 16));
      }
      case 'c':
        throw new RegexSyntaxError(`an escape the reader does not take at ${this.i - 2}`);
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
      if (this.i >= this.s.length) throw new RegexSyntaxError('a character class is not closed');
      const from = this.classAtom();
      if (this.s[this.i] === '-' && this.s[this.i + 1] !== ']' && from.code !== undefined) {
        this.i++;
        const to = this.classAtom();
        if (to.code === undefined || to.code < from.code) throw new RegexSyntaxError('a character range is out of order');
        for (let c = from.code; c <= Math.min(to.code, 127); c++) addAll(out, this.literal(c));
        if (to.code >= 128) out.other = true;
      } else addAll(out, from.set);
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

