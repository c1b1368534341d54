/**
 * Finds every occurrence of many keywords in one pass: an Aho-Corasick automaton turned into a full transition
 * table, so each character costs one table lookup. (A regex alternation of the same keywords retries every
 * alternative at every position and was the engine's largest single cost.) Keywords are lower-case; the text is
 * the lower-cased chunk. The table's columns are only the ASCII characters that occur in some keyword: every other
 * ASCII character shares one column and returns the automaton to its start. Characters outside ASCII ("個人番号",
 * "número") take the trie's sparse edges and the failure links instead (read only for such characters), so that
 * many scripts do not widen the table of every state; a keyword is matched in its NFKC form, the form in which
 * the engine reads text.
 *
 * Only the trie is built at once. A state's failure link, whether keywords end there, and its row are made when
 * the automaton first needs them (as a lazy DFA): the default detectors' 2,300 keywords make 11,000 states and
 * 630,000 cells, a text visits a small part of them, and computing every failure link up front was most of
 * building an engine (170 M instructions of a cold start, counted by callgrind).
 */
export class KeywordScanner {
  /** Column of each ASCII character; 0 for characters in no keyword. */
  private readonly column = new Uint8Array(128);
  private readonly width: number;
  /**
   * Per state (its row at (state + 1) * width: no entry is 0), per column: the entry of the next state, or 0 where
   * the row is not filled yet. A zeroed array costs nothing to make; filling 630,000 cells with a mark did.
   */
  private readonly delta: Int32Array;
  /** Whether each state's row is filled. */
  private readonly filled: Uint8Array;
  /** The trie: each state's first child, the next child of the same parent, and the column of the edge into it. */
  private readonly firstChild: Int32Array;
  private readonly sibling: Int32Array;
  private readonly via: Uint8Array;
  /** Each state's parent and the character of the edge into it (its failure link is read from theirs). */
  private readonly parent: Int32Array;
  private readonly code: Uint16Array;
  /** Each state's failure link plus one (0: not known yet). */
  private readonly fail: Int32Array;
  /** Whether keywords end at a state (its own or a suffix state's): 0 not known yet, 1 no, 2 yes. */
  private readonly ends: Uint8Array;
  /** For each state, the keywords that end there: its own, and (made when first asked for) its own and its suffix states'. */
  private readonly own: (number[] | undefined)[];
  private readonly outputs: (number[] | undefined)[];
  /** Each keyword's length as matched (its NFKC form). */
  private readonly lengths: number[];
  /** Trie edges on characters outside ASCII: per state, character -> child. */
  private readonly wideEdges: (Map<number, number> | undefined)[];
  private readonly anyWide: boolean;

  constructor(readonly keywords: readonly string[]) {
    const forms = keywords.map(matchedForm);
    this.lengths = forms.map((k) => k.length);
    let width = 1;
    let capacity = 1;
    for (const k of forms) {
      capacity += k.length;
      for (let i = 0; i < k.length; i++) if (k.charCodeAt(i) < 128 && this.column[k.charCodeAt(i)] === 0) this.column[k.charCodeAt(i)] = width++;
    }
    this.width = width;
    const firstChild = new Int32Array(capacity), sibling = new Int32Array(capacity), via = new Uint8Array(capacity);
    const parent = new Int32Array(capacity), code = new Uint16Array(capacity);
    /** The start state's children by column (the one state with many; the others are walked as lists). */
    const rootChild = new Int32Array(width);
    const wideEdges: (Map<number, number> | undefined)[] = [];
    const own: (number[] | undefined)[] = [];
    let states = 1;
    for (let index = 0; index < forms.length; index++) {
      const k = forms[index]!;
      let s = 0;
      for (let i = 0; i < k.length; i++) {
        const c = k.charCodeAt(i);
        let next = 0;
        if (c < 128) {
          const col = this.column[c]!;
          if (s === 0) next = rootChild[col]!;
          else for (let x = firstChild[s]!; x !== 0 && next === 0; x = sibling[x]!) if (via[x] === col) next = x;
          if (next === 0) {
            next = states++;
            via[next] = col;
            sibling[next] = firstChild[s]!;
            firstChild[s] = next;
            if (s === 0) rootChild[col] = next;
            parent[next] = s;
            code[next] = c;
          }
        } else {
          const edges = (wideEdges[s] ??= new Map());
          next = edges.get(c) ?? 0;
          if (next === 0) {
            edges.set(c, (next = states++));
            parent[next] = s;
            code[next] = c;
          }
        }
        s = next;
      }
      (own[s] ??= []).push(index);
    }
    this.firstChild = firstChild;
    this.sibling = sibling;
    this.via = via;
    this.parent = parent;
    this.code = code;
    this.own = own;
    this.wideEdges = wideEdges;
    this.anyWide = wideEdges.length > 0;
    this.delta = new Int32Array((states + 1) * width);
    this.filled = new Uint8Array(states);
    this.fail = new Int32Array(states);
    this.ends = new Uint8Array(states);
    this.outputs = new Array(states);
  }

  /** A state's failure link: the step from its parent's failure state on the character of its edge. */
  private failOf(state: number): number {
    const known = this.fail[state]!;
    if (known) return known - 1;
    const p = this.parent[state]!;
    const c = this.code[state]!;
    const f = p === 0 ? 0 : c < 128 ? this.step(this.failOf(p), this.column[c]!) : this.wideStep(this.failOf(p), c);
    this.fail[state] = f + 1;
    return f;
  }

  /** Whether keywords end at a state: its own, or its failure state's. */
  private endsAt(state: number): boolean {
    if (!this.ends[state]) this.ends[state] = this.own[state] || (state !== 0 && this.endsAt(this.failOf(state))) ? 2 : 1;
    return this.ends[state] === 2;
  }

  /** The state after `state` on a character outside ASCII: the trie's edge there, else its failure state's. */
  private wideStep(state: number, c: number): number {
    for (let s = state; ; s = this.failOf(s)) {
      const next = this.wideEdges[s]?.get(c);
      if (next !== undefined) return next;
      if (s === 0) return 0;
    }
  }

  /**
   * The entry for a state: its row offset (no multiplication per character), bitwise-negated where keywords end
   * there, so that one sign test per character tells the hot loop whether a keyword ended.
   */
  private entry(state: number): number {
    const row = (state + 1) * this.width;
    return this.endsAt(state) ? ~row : row;
  }

  /** The keywords that end at a state (one where keywords end). */
  private outputsOf(state: number): number[] {
    const f = state === 0 ? 0 : this.failOf(state);
    return (this.outputs[state] ??= [...(this.own[state] ?? []), ...(f !== 0 && this.endsAt(f) ? this.outputsOf(f) : [])]);
  }

  /** The state after `state` on an ASCII column. */
  private step(state: number, col: number): number {
    if (!this.filled[state]) this.fill(state);
    const e = this.delta[(state + 1) * this.width + col]!;
    return (e < 0 ? ~e : e) / this.width - 1;
  }

  /** Fills a state's row: its failure state's row (filled first), with its own trie edges over it. */
  private fill(state: number): void {
    const { delta, width } = this;
    const row = (state + 1) * width;
    if (state === 0) delta.fill(row, row, row + width);
    else {
      const f = this.failOf(state);
      if (!this.filled[f]) this.fill(f);
      delta.copyWithin(row, (f + 1) * width, (f + 2) * width);
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
    let s = width; // the start state's row
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      const next = c < 128 ? delta[s + column[c]!]! : anyWide ? this.entry(this.wideStep(s / width - 1, c)) : width;
      if (next > 0) {
        s = next;
        continue;
      }
      if (next === 0) {
        this.fill(s / width - 1);
        i--;
        continue;
      }
      s = ~next;
      for (const k of this.outputsOf(s / width - 1)) {
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
