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
import { addAll, emptySet, parseRegex, RegexSyntaxError, type CharSet, type RegexNode } from '../detect/regex-tree';

/** The tree as the checks below read it: look-arounds and edges match no characters. */
type Node = RegexNode;

const union = (a: CharSet, b: CharSet): CharSet => {
  const s = emptySet();
  addAll(s, a);
  addAll(s, b);
  return s;
};
const overlaps = (a: CharSet, b: CharSet) => (a.other && b.other ? true : a.ascii.some((x, i) => (x & b.ascii[i]!) !== 0));

export class UnsafeRegexError extends Error {}

/** The pattern's tree; back-references and syntax the reader does not take are refused. */
function treeOf(source: string, ignoreCase: boolean): Node {
  let tree: Node;
  try {
    tree = parseRegex(source, ignoreCase ? 'i' : '');
  } catch (e) {
    if (e instanceof RegexSyntaxError) throw new UnsafeRegexError(e.message);
    throw e;
  }
  if (has(tree, (n) => n.t === 'backref')) throw new UnsafeRegexError('back-references (\\1, \\k<name>) are not accepted: they make matching exponential');
  return tree;
}

/** Whether some node of the tree is one `test` accepts. */
function has(n: Node, test: (n: Node) => boolean): boolean {
  if (test(n)) return true;
  if (n.t === 'seq' || n.t === 'alt') return n.items.some((i) => has(i, test));
  if (n.t === 'rep' || n.t === 'look') return has(n.node, test);
  return false;
}

/** Matches no characters: a look-around, an edge (^, $, \b). */
const zeroWidth = (n: Node): boolean => n.t === 'look' || n.t === 'edge' || n.t === 'backref';

const nullable = (n: Node): boolean =>
  zeroWidth(n) || (n.t === 'seq' && n.items.every(nullable)) || (n.t === 'alt' && n.items.some(nullable)) || (n.t === 'rep' && (n.min === 0 || nullable(n.node)));

/**
 * What the start of a match of `n` can be, as `atRepeat` sees each repeat met there: the walk that both the
 * first characters and the leading variable repeats need.
 */
function leading(n: Node, atSet: (s: CharSet) => CharSet, atRepeat: (r: Extract<Node, { t: 'rep' }>) => CharSet): CharSet {
  switch (n.t) {
    case 'set':
      return atSet(n.set);
    case 'look':
    case 'edge':
    case 'backref':
      return emptySet();
    case 'alt':
      return n.items.map((o) => leading(o, atSet, atRepeat)).reduce(union, emptySet());
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
const first = (n: Node): CharSet => leading(n, (s) => s, (r) => first(r.node));

/** Every character a match of `n` can hold. */
function chars(n: Node): CharSet {
  switch (n.t) {
    case 'set':
      return n.set;
    case 'look':
    case 'edge':
    case 'backref':
      return emptySet();
    case 'alt':
      return n.items.map(chars).reduce(union, emptySet());
    case 'rep':
      return chars(n.node);
    case 'seq':
      return n.items.map(chars).reduce(union, emptySet());
  }
}

/** The characters a variable repeat at the start of `n` can take (what makes a split between two repeats ambiguous). */
const leadingVariable = (n: Node): CharSet => leading(n, emptySet, (r) => (r.min !== r.max ? chars(r.node) : leadingVariable(r.node)));

const hasVariableRepeat = (n: Node): boolean =>
  n.t === 'rep' ? n.min !== n.max || hasVariableRepeat(n.node) : n.t === 'seq' || n.t === 'alt' ? n.items.some(hasVariableRepeat) : false;

/** Walks the tree with what may follow each node; throws at the first ambiguous repetition. */
function check(n: Node, follow: CharSet): void {
  switch (n.t) {
    case 'set':
      return;
    case 'look':
      check(n.node, emptySet());
      return;
    case 'edge':
    case 'backref':
      return;
    case 'alt':
      for (const o of n.items) check(o, follow);
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
      if (variable && n.max > 1 && hasVariableRepeat(n.node))
        throw new UnsafeRegexError(`"${n.text}" repeats something of variable length a variable number of times (nested quantifiers): write one repeat, e.g. [a-z0-9-]+ instead of ([a-z0-9]+-?)+`);
      if (n.max > 1 && n.node.t === 'alt') {
        const starts = n.node.items.map(first);
        starts.forEach((a, x) => starts.slice(x + 1).forEach((b) => {
          if (overlaps(a, b)) throw new UnsafeRegexError(`"${n.text}" repeats a choice whose options can begin with the same character: make them distinct`);
        }));
      }
      if (variable && overlaps(chars(n.node), follow))
        throw new UnsafeRegexError(`"${n.text}" and the repeat that follows it can take the same characters, so the text splits in many ways: make them distinct (e.g. \\d+\\s+\\d+ instead of \\d+\\s*\\d+)`);
      check(n.node, n.max > 1 ? union(leadingVariable(n.node), follow) : follow);
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
    const tree = treeOf(source, ignoreCase);
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
  const tree = treeOf(source, ignoreCase);
  const lead = tree.t === 'seq' ? tree.items[0] : tree;
  if (lead?.t !== 'rep' || lead.max !== Infinity || lead.node.t !== 'set') return source;
  return `(?<!${lead.text.replace(/[*+]\??$|\{\d+,\}\??$/, '')})(?:${source})`;
}
