/**
 * Finds every occurrence of many keywords in one pass: an Aho-Corasick automaton turned into a full transition
 * table, so each character costs one table lookup. (A regex alternation of the same keywords retries every
 * alternative at every position and was the engine's largest single cost.) Keywords are lower-case; the text is
 * the lower-cased chunk. The table's columns are only the ASCII characters that occur in some keyword: every other
 * ASCII character shares one column and returns the automaton to its start. Characters outside ASCII ("個人番号",
 * "número") take sparse transitions instead (a map, read only for such characters), so that many scripts do not
 * widen the table of every state; a keyword is matched in its NFKC form, the form in which the engine reads text.
 *
 * A state's row is filled when the automaton first reaches it (as a lazy DFA): the default detectors' 2,300
 * keywords make 11,000 states and 630,000 cells, and filling them all took a sixth of the engine's cold start,
 * while a text visits a small part of them. Failure links, outputs and the transitions outside ASCII are made
 * at once (they are per state, not per cell).
 */
export class KeywordScanner {
  /** Column of each ASCII character; 0 for characters in no keyword. */
  private readonly column = new Uint8Array(128);
  private readonly width: number;
  /** Per state (row offset state * width), per column: the entry of the next state, or UNFILLED. */
  private readonly delta: Int32Array;
  /** Whether each state's row is filled. */
  private readonly filled: Uint8Array;
  /** The trie: each state's first child, the next child of the same parent, and the column of the edge into it. */
  private readonly firstChild: Int32Array;
  private readonly sibling: Int32Array;
  private readonly via: Uint8Array;
  private readonly fail: Int32Array;
  /** 1 where keywords end at a state (its own or a suffix state's): known with its failure link. */
  private readonly ends: Uint8Array;
  /** For each state, the keywords that end there: its own, and (made when first asked for) its own and its suffix states'. */
  private readonly own: (number[] | undefined)[];
  private readonly outputs: (number[] | undefined)[];
  /** Each keyword's length as matched (its NFKC form). */
  private readonly lengths: number[];
  /**
   * Transitions on characters outside ASCII, per state, where they differ from the start state's: character ->
   * next state (the start state's own row holds its transitions). Read only for such characters.
   */
  private readonly wide: (Map<number, number> | undefined)[];
  private readonly anyWide: boolean;

  constructor(readonly keywords: readonly string[]) {
    const forms = keywords.map(matchedForm);
    this.lengths = forms.map((k) => k.length);
    let width = 1;
    for (const k of forms) for (let i = 0; i < k.length; i++) if (k.charCodeAt(i) < 128 && this.column[k.charCodeAt(i)] === 0) this.column[k.charCodeAt(i)] = width++;
    this.width = width;
    let capacity = 1;
    for (const k of forms) capacity += k.length;
    const firstChild = new Int32Array(capacity), sibling = new Int32Array(capacity), via = new Uint8Array(capacity);
    /** The start state's children by column (the one state with many; the others are walked as lists). */
    const rootChild = new Int32Array(width);
    /** Trie edges on characters outside ASCII: per state, character -> child. */
    const wideEdges: (Map<number, number> | undefined)[] = [];
    const own: (number[] | undefined)[] = [];
    let states = 1;
    forms.forEach((k, index) => {
      let s = 0;
      for (let i = 0; i < k.length; i++) {
        const code = k.charCodeAt(i);
        if (code < 128) {
          const col = this.column[code]!;
          let next = s === 0 ? rootChild[col]! : 0;
          if (s !== 0) for (let x = firstChild[s]!; x !== 0 && next === 0; x = sibling[x]!) if (via[x] === col) next = x;
          if (next === 0) {
            next = states++;
            via[next] = col;
            sibling[next] = firstChild[s]!;
            firstChild[s] = next;
            if (s === 0) rootChild[col] = next;
          }
          s = next;
        } else {
          const edges = (wideEdges[s] ??= new Map());
          let next = edges.get(code);
          if (next === undefined) edges.set(code, (next = states++));
          s = next;
        }
      }
      (own[s] ??= []).push(index);
    });
    this.firstChild = firstChild;
    this.sibling = sibling;
    this.via = via;
    this.delta = new Int32Array(states * width).fill(UNFILLED);
    this.filled = new Uint8Array(states);
    const fail = (this.fail = new Int32Array(states));
    const ends = (this.ends = new Uint8Array(states));
    const link = (x: number, f: number): void => {
      fail[x] = f;
      ends[x] = own[x] || ends[f] ? 1 : 0;
    };
    this.own = own;
    this.outputs = new Array(states);
    // Per state, its transitions on other characters where they differ from the start state's (raw states).
    const wide: (Map<number, number> | undefined)[] = (this.wide = new Array(states));
    // Breadth-first: a state's failure link and outputs are known before its children's; a child's failure link
    // is the step from its parent's failure state, whose row is filled for it (the rows of shallower states only,
    // whose children all have their links by then).
    const queue = new Int32Array(states);
    for (let q = 0, tail = 1; q < tail; q++) {
      const s = queue[q]!;
      for (let x = firstChild[s]!; x !== 0; x = sibling[x]!) {
        link(x, s === 0 ? 0 : this.step(fail[s]!, via[x]!));
        queue[tail++] = x;
      }
      const mine = s === 0 || fail[s] === 0 ? undefined : wide[fail[s]!];
      let row = mine && new Map(mine);
      const edges = wideEdges[s];
      if (edges)
        for (const [code, next] of edges) {
          link(next, s === 0 ? 0 : this.wideStep(fail[s]!, code));
          (row ??= new Map()).set(code, next);
          queue[tail++] = next;
        }
      wide[s] = row;
    }
    this.anyWide = wide.some((row) => row !== undefined);
  }

  /** The state after `state` on a character outside ASCII. */
  private wideStep(state: number, code: number): number {
    return (state === 0 ? undefined : this.wide[state]?.get(code)) ?? this.wide[0]?.get(code) ?? 0;
  }

  /**
   * The entry for a state: its row offset (no multiplication per character), bitwise-negated where keywords end
   * there, so that one sign test per character tells the hot loop whether a keyword ended.
   */
  private entry(state: number): number {
    return this.ends[state] ? ~(state * this.width) : state * this.width;
  }

  /** The keywords that end at a state (one where `ends` is 1). */
  private outputsOf(state: number): number[] {
    const f = this.fail[state]!;
    return (this.outputs[state] ??= [...(this.own[state] ?? []), ...(this.ends[f] ? this.outputsOf(f) : [])]);
  }

  /** The state after `state` on an ASCII column. */
  private step(state: number, col: number): number {
    if (!this.filled[state]) this.fill(state);
    const e = this.delta[state * this.width + col]!;
    return (e < 0 ? ~e : e) / this.width;
  }

  /** Fills a state's row: its failure state's row (filled first), with its own trie edges over it. */
  private fill(state: number): void {
    const { delta, width } = this;
    const row = state * width;
    if (state === 0) delta.fill(0, 0, width);
    else {
      const f = this.fail[state]!;
      if (!this.filled[f]) this.fill(f);
      delta.copyWithin(row, f * width, f * width + width);
    }
    for (let x = this.firstChild[state]!; x !== 0; x = this.sibling[x]!) delta[row + this.via[x]!] = this.entry(x);
    this.filled[state] = 1;
  }

  /** Start positions of each keyword found in `text`. */
  scan(text: string): Map<string, number[]> {
    const hits = new Map<string, number[]>();
    if (!this.keywords.length) return hits;
    const { delta, keywords, column, width, lengths, anyWide } = this;
    const n = text.length;
    let s = 0;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      const next = c < 128 ? delta[s + column[c]!]! : anyWide ? this.entry(this.wideStep(s / width, c)) : 0;
      if (next >= 0) {
        s = next;
        continue;
      }
      if (next === UNFILLED) {
        this.fill(s / width);
        i--;
        continue;
      }
      s = ~next;
      for (const k of this.outputsOf(s / width)) {
        const word = keywords[k]!;
        const at = i - lengths[k]! + 1;
        const list = hits.get(word);
        if (list) list.push(at);
        else hits.set(word, [at]);
      }
    }
    return hits;
  }
}

/**
 * A keyword as it is matched: its NFKC form (an ASCII keyword is its own). Control characters (Cc) other than a
 * tab or a line break never occur in the text the engine reads: a keyword with one, or an empty one, is refused.
 */
function matchedForm(k: string): string {
  if (!k.length) throw new Error('a keyword must not be empty');
  let ascii = true;
  for (let i = 0; i < k.length; i++) {
    const c = k.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10) || (c >= 0x7f && c <= 0x9f)) throw new Error(`keyword ${JSON.stringify(k)} must be printable (or a tab or line break)`);
    if (c >= 128) ascii = false;
  }
  return ascii ? k : k.normalize('NFKC');
}

/** A cell of a row not filled yet: no entry is this (a state's entry is at most -(states * width) - 1 below zero). */
const UNFILLED = -0x80000000;
