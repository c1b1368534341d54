/**
 * Finds every occurrence of many keywords in one pass: an Aho-Corasick automaton turned into a full transition
 * table, so each character costs one table lookup. (A regex alternation of the same keywords retries every
 * alternative at every position and was the engine's largest single cost.) Keywords are lower-case ASCII; the
 * text is the lower-cased chunk. The table's columns are only the characters that occur in some keyword: every
 * other character (any non-ASCII one among them) shares one column and returns the automaton to its start.
 */
export class KeywordScanner {
  /** Column of each ASCII character; 0 for characters in no keyword. */
  private readonly column = new Uint8Array(128);
  private readonly width: number;
  private readonly delta: Int32Array;
  /** For each state, the keywords that end there (its own and those of its suffix states). */
  private readonly outputs: (number[] | undefined)[];

  constructor(readonly keywords: readonly string[]) {
    for (const k of keywords) if (!/^[\t\n\x20-\x7e]+$/.test(k)) throw new Error(`keyword ${JSON.stringify(k)} must be printable ASCII (or a tab or line break)`);
    let width = 1;
    for (const k of keywords) for (let i = 0; i < k.length; i++) if (this.column[k.charCodeAt(i)] === 0) this.column[k.charCodeAt(i)] = width++;
    this.width = width;
    const goto: Map<number, number>[] = [new Map()];
    const own: number[][] = [[]];
    keywords.forEach((k, index) => {
      let s = 0;
      for (let i = 0; i < k.length; i++) {
        const c = this.column[k.charCodeAt(i)]!;
        let next = goto[s]!.get(c);
        if (next === undefined) {
          next = goto.length;
          goto.push(new Map());
          own.push([]);
          goto[s]!.set(c, next);
        }
        s = next;
      }
      own[s]!.push(index);
    });
    const states = goto.length;
    const delta = new Int32Array(states * width);
    const fail = new Int32Array(states);
    const outputs: (number[] | undefined)[] = new Array(states);
    // Breadth-first: a state's failure link and row are known before its children's.
    const queue: number[] = [0];
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q]!;
      const out = s === 0 ? [] : [...own[s]!, ...(outputs[fail[s]!] ?? [])];
      outputs[s] = out.length ? out : undefined;
      for (let c = 1; c < width; c++) {
        const next = goto[s]!.get(c);
        if (next !== undefined) {
          fail[next] = s === 0 ? 0 : delta[fail[s]! * width + c]!;
          delta[s * width + c] = next;
          queue.push(next);
        } else delta[s * width + c] = s === 0 ? 0 : delta[fail[s]! * width + c]!;
      }
    }
    // Entries become the next state's row offset (no multiplication per character), bitwise-negated where that
    // state has outputs: one sign test per character tells the hot loop whether a keyword ended.
    for (let i = 0; i < delta.length; i++) delta[i] = outputs[delta[i]!] ? ~(delta[i]! * width) : delta[i]! * width;
    this.delta = delta;
    this.outputs = outputs;
  }

  /** Start positions of each keyword found in `text`. */
  scan(text: string): Map<string, number[]> {
    const hits = new Map<string, number[]>();
    if (!this.keywords.length) return hits;
    const { delta, keywords, column, width, outputs } = this;
    const n = text.length;
    let s = 0;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      const next = c < 128 ? delta[s + column[c]!]! : 0;
      if (next >= 0) {
        s = next;
        continue;
      }
      s = ~next;
      for (const k of outputs[s / width]!) {
        const word = keywords[k]!;
        const at = i - word.length + 1;
        const list = hits.get(word);
        if (list) list.push(at);
        else hits.set(word, [at]);
      }
    }
    return hits;
  }
}
