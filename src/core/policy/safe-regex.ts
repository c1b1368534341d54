/**
 * Decides whether an administrator's regular expression is safe to run on every paste: no back-references, no
 * repetition that can split the same text in more than one way. That ambiguity is what makes a backtracking
 * engine take exponential or polynomial time ("catastrophic backtracking"), and JavaScript cannot time a regex
 * out. The check is conservative: it refuses what it cannot prove safe, and says how to write it instead.
 *
 *   (a+)+, (\w+\s?)*     a repeat of variable length inside a repeat of variable count
 *   (a|ab)*              a repeated choice whose options can start alike
 *   \d+\d*, \w+\s?\w+   a variable repeat followed by another that can take the same characters
 *
 * A repeat followed by a fixed character it could also take (".*x", "\S+@") costs one backtrack per character
 * and is accepted; `searchableSource` keeps a leading repeat from being retried at every position of its run.
 */

/** A set of characters: ASCII exactly, everything else as one bit. */
interface CharSet {
  ascii: Uint32Array;
  other: boolean;
}

type Node =
  | { t: 'set'; set: CharSet }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; options: Node[] }
  | { t: 'rep'; body: Node; min: number; max: number; text: string }
  | { t: 'empty'; inner?: Node };

const emptySet = (): CharSet => ({ ascii: new Uint32Array(4), other: false });
const add = (s: CharSet, c: number) => (c < 128 ? (s.ascii[c >> 5]! |= 1 << (c & 31)) : (s.other = true));
const union = (a: CharSet, b: CharSet): CharSet => ({ ascii: a.ascii.map((x, i) => x | b.ascii[i]!), other: a.other || b.other });
const overlaps = (a: CharSet, b: CharSet) => a.other && b.other ? true : a.ascii.some((x, i) => (x & b.ascii[i]!) !== 0);
function range(from: number, to: number): CharSet {
  const s = emptySet();
  for (let c = from; c <= Math.min(to, 127); c++) add(s, c);
  if (to > 127) s.other = true;
  return s;
}
function negate(s: CharSet): CharSet {
  return { ascii: s.ascii.map((x) => ~x >>> 0), other: true };
}
const DIGIT = range(48, 57);
const WORD = [range(48, 57), range(65, 90), range(97, 122), range(95, 95)].reduce(union);
const SPACE = [range(9, 13), range(32, 32)].reduce(union);
SPACE.other = true;
const ANY = negate(emptySet());

export class UnsafeRegexError extends Error {}

class Parser {
  private i = 0;
  constructor(private readonly src: string, private readonly ignoreCase: boolean) {}

  parse(): Node {
    const n = this.alt();
    if (this.i < this.src.length) throw new UnsafeRegexError(`unexpected "${this.src[this.i]}" at ${this.i}`);
    return n;
  }

  private alt(): Node {
    const options = [this.seq()];
    while (this.src[this.i] === '|') {
      this.i++;
      options.push(this.seq());
    }
    return options.length === 1 ? options[0]! : { t: 'alt', options };
  }

  private seq(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const from = this.i;
      const atom = this.atom();
      items.push(this.quantified(atom, from));
    }
    return { t: 'seq', items };
  }

  private quantified(atom: Node, from: number): Node {
    const c = this.src[this.i];
    let min: number, max: number;
    if (c === '*' || c === '+' || c === '?') {
      this.i++;
      [min, max] = c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1];
    } else if (c === '{' && /^\{\d+(?:,\d*)?\}/.test(this.src.slice(this.i))) {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.src.slice(this.i))!;
      this.i += m[0].length;
      min = Number(m[1]);
      max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min;
    } else return atom;
    if (this.src[this.i] === '?') this.i++;
    return { t: 'rep', body: atom, min, max, text: this.src.slice(from, this.i) };
  }

  private atom(): Node {
    const c = this.src[this.i++]!;
    if (c === '(') {
      let look = false;
      if (this.src[this.i] === '?') {
        const head = /^\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(this.src.slice(this.i));
        if (!head) throw new UnsafeRegexError(`unknown group at ${this.i - 1}`);
        look = /^\?(?:=|!|<=|<!)$/.test(head[0]);
        this.i += head[0].length;
      }
      const body = this.alt();
      if (this.src[this.i++] !== ')') throw new UnsafeRegexError('a group is not closed');
      return look ? { t: 'empty', inner: body } : body;
    }
    if (c === '[') return { t: 'set', set: this.cls() };
    if (c === '.') return { t: 'set', set: ANY };
    if (c === '^' || c === '$') return { t: 'empty' };
    if (c === '\\') return this.escape(false) ?? { t: 'empty' };
    if (c === ')' || c === '*' || c === '+' || c === '?') throw new UnsafeRegexError(`unexpected "${c}" at ${this.i - 1}`);
    return { t: 'set', set: this.char(c.charCodeAt(0)) };
  }

  private char(code: number): CharSet {
    const s = emptySet();
    add(s, code);
    if (this.ignoreCase) {
      add(s, String.fromCharCode(code).toLowerCase().charCodeAt(0));
      add(s, String.fromCharCode(code).toUpperCase().charCodeAt(0));
    }
    return s;
  }

  /** After a backslash; undefined for \b and \B (assertions). In a class, \b is a backspace. */
  private escape(inClass: boolean): Node | undefined {
    const c = this.src[this.i++];
    if (c === undefined) throw new UnsafeRegexError('a pattern cannot end with a backslash');
    if (/[1-9]/.test(c) || (c === 'k' && this.src[this.i] === '<')) throw new UnsafeRegexError('back-references (\\1, \\k<name>) are not accepted: they make matching exponential');
    const sets: Record<string, CharSet> = { d: DIGIT, D: negate(DIGIT), w: WORD, W: negate(WORD), s: SPACE, S: negate(SPACE) };
    if (sets[c]) return { t: 'set', set: sets[c] };
    if ((c === 'b' || c === 'B') && !inClass) return undefined;
    const controls: Record<string, number> = { t: 9, n: 10, v: 11, f: 12, r: 13, '0': 0, b: 8 };
    if (controls[c] !== undefined) return { t: 'set', set: this.char(controls[c]) };
    const hex = c === 'x' ? /^[0-9a-fA-F]{2}/.exec(this.src.slice(this.i)) : c === 'u' ? /^[0-9a-fA-F]{4}/.exec(this.src.slice(this.i)) : null;
    if (hex) {
      this.i += hex[0].length;
      return { t: 'set', set: this.char(parseInt(hex[0], 16)) };
    }
    return { t: 'set', set: this.char(c.charCodeAt(0)) };
  }

  private cls(): CharSet {
    let negated = false;
    if (this.src[this.i] === '^') {
      negated = true;
      this.i++;
    }
    let s = emptySet();
    let first = true;
    while (this.i < this.src.length && (this.src[this.i] !== ']' || first)) {
      first = false;
      const from = this.member();
      if (this.src[this.i] === '-' && this.src[this.i + 1] !== ']' && this.i + 1 < this.src.length && typeof from === 'number') {
        this.i++;
        const to = this.member();
        if (typeof to !== 'number' || to < from) throw new UnsafeRegexError('a character range is out of order');
        s = union(s, range(from, to));
        if (this.ignoreCase) s = union(s, union(range(from | 32, to | 32), range(from & ~32, to & ~32)));
      } else s = union(s, typeof from === 'number' ? this.char(from) : from);
    }
    if (this.src[this.i++] !== ']') throw new UnsafeRegexError('a character class is not closed');
    return negated ? negate(s) : s;
  }

  /** One member of a class: a character code, or a set for \d, \w, \s and their negations. */
  private member(): number | CharSet {
    const c = this.src[this.i++]!;
    if (c !== '\\') return c.charCodeAt(0);
    const e = this.escape(true)!;
    if (e.t !== 'set') throw new UnsafeRegexError('unexpected escape in a class');
    let only = -1, n = 0;
    for (let k = 0; k < 128; k++)
      if (e.set.ascii[k >> 5]! & (1 << (k & 31))) {
        only = k;
        n++;
      }
    return n === 1 && !e.set.other && !this.ignoreCase ? only : e.set;
  }
}

const nullable = (n: Node): boolean =>
  n.t === 'empty' || (n.t === 'seq' && n.items.every(nullable)) || (n.t === 'alt' && n.options.some(nullable)) || (n.t === 'rep' && (n.min === 0 || nullable(n.body)));

/**
 * What the start of a match of `n` can be, as `atRepeat` sees each repeat met there: the walk that both the
 * first characters and the leading variable repeats need.
 */
function leading(n: Node, atSet: (s: CharSet) => CharSet, atRepeat: (r: Extract<Node, { t: 'rep' }>) => CharSet): CharSet {
  switch (n.t) {
    case 'set':
      return atSet(n.set);
    case 'empty':
      return emptySet();
    case 'alt':
      return n.options.map((o) => leading(o, atSet, atRepeat)).reduce(union, emptySet());
    case 'rep':
      return atRepeat(n);
    case 'seq': {
      let s = emptySet();
      for (const item of n.items) {
        s = union(s, leading(item, atSet, atRepeat));
        if (!nullable(item)) break;
      }
      return s;
    }
  }
}

/** The characters a match of `n` can begin with. */
const first = (n: Node): CharSet => leading(n, (s) => s, (r) => first(r.body));

/** Every character a match of `n` can hold. */
function chars(n: Node): CharSet {
  switch (n.t) {
    case 'set':
      return n.set;
    case 'empty':
      return emptySet();
    case 'alt':
      return n.options.map(chars).reduce(union, emptySet());
    case 'rep':
      return chars(n.body);
    case 'seq':
      return n.items.map(chars).reduce(union, emptySet());
  }
}

/** The characters a variable repeat at the start of `n` can take (what makes a split between two repeats ambiguous). */
const leadingVariable = (n: Node): CharSet => leading(n, emptySet, (r) => (r.min !== r.max ? chars(r.body) : leadingVariable(r.body)));

const hasVariableRepeat = (n: Node): boolean =>
  n.t === 'rep' ? n.min !== n.max || hasVariableRepeat(n.body) : n.t === 'seq' ? n.items.some(hasVariableRepeat) : n.t === 'alt' ? n.options.some(hasVariableRepeat) : false;

/** Walks the tree with what may follow each node; throws at the first ambiguous repetition. */
function check(n: Node, follow: CharSet): void {
  switch (n.t) {
    case 'set':
      return;
    case 'empty':
      if (n.inner) check(n.inner, emptySet());
      return;
    case 'alt':
      for (const o of n.options) check(o, follow);
      return;
    case 'seq':
      n.items.forEach((item, k) => {
        let after = emptySet();
        let all = true;
        for (const next of n.items.slice(k + 1)) {
          after = union(after, leadingVariable(next));
          if (!nullable(next)) {
            all = false;
            break;
          }
        }
        check(item, all ? union(after, follow) : after);
      });
      return;
    case 'rep': {
      const variable = n.min !== n.max;
      if (variable && n.max > 1 && hasVariableRepeat(n.body))
        throw new UnsafeRegexError(`"${n.text}" repeats something of variable length a variable number of times (nested quantifiers): write one repeat, e.g. [a-z0-9-]+ instead of ([a-z0-9]+-?)+`);
      if (n.max > 1 && n.body.t === 'alt') {
        const starts = n.body.options.map(first);
        starts.forEach((a, x) => starts.slice(x + 1).forEach((b) => {
          if (overlaps(a, b)) throw new UnsafeRegexError(`"${n.text}" repeats a choice whose options can begin with the same character: make them distinct`);
        }));
      }
      if (variable && overlaps(chars(n.body), follow))
        throw new UnsafeRegexError(`"${n.text}" and the repeat that follows it can take the same characters, so the text splits in many ways: make them distinct (e.g. \\d+\\s+\\d+ instead of \\d+\\s*\\d+)`);
      check(n.body, n.max > 1 ? union(leadingVariable(n.body), follow) : follow);
      return;
    }
  }
}

export const MAX_PATTERN_LENGTH = 500;

/**
 * Parses and checks a pattern (source text, no slashes). Returns an explanation of why it is unsafe or invalid,
 * or undefined when it may be run.
 */
export function unsafeRegexReason(source: string, ignoreCase = false): string | undefined {
  if (source.length > MAX_PATTERN_LENGTH) return `longer than ${MAX_PATTERN_LENGTH} characters`;
  try {
    new RegExp(source, ignoreCase ? 'i' : '');
  } catch (e) {
    return `not a valid regular expression: ${(e as Error).message}`;
  }
  try {
    const tree = new Parser(source, ignoreCase).parse();
    check(tree, emptySet());
    if (nullable(tree)) return 'matches the empty text';
    return undefined;
  } catch (e) {
    if (e instanceof UnsafeRegexError) return e.message;
    throw e;
  }
}

/**
 * The pattern as the engine runs it: a leading unbounded repeat may not start inside a run it would have
 * consumed ("\d+-\d+" is tried once per run of digits, not once per digit), so a search stays linear.
 */
export function searchableSource(source: string, ignoreCase = false): string {
  const tree = new Parser(source, ignoreCase).parse();
  const lead = tree.t === 'seq' ? tree.items[0] : tree;
  if (lead?.t !== 'rep' || lead.max !== Infinity || lead.body.t !== 'set') return source;
  return `(?<!${lead.text.replace(/[*+]\??$|\{\d+,\}\??$/, '')})(?:${source})`;
}
