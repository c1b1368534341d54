/**
 * Finds every occurrence of many keywords in one pass: an Aho-Corasick automaton turned into a full transition
 * table, so each character costs one table lookup. (A regex alternation of the same keywords retries every
 * alternative at every position and was the engine's largest single cost.) Keywords are lower-case; the text is
 * the lower-cased chunk. The table's columns are only the ASCII characters that occur in some keyword: every other
 * ASCII character shares one column and returns the automaton to its start. Characters outside ASCII ("個人番号",
 * "número") take sparse transitions instead (a map, read only for such characters), so that many scripts do not
 * widen the table of every state; a keyword is matched in its NFKC form, the form in which the engine reads text.
 */
export class KeywordScanner {
  /** Column of each ASCII character; 0 for characters in no keyword. */
  private readonly column = new Uint8Array(128);
  private readonly width: number;
  private readonly delta: Int32Array;
  /** For each state, the keywords that end there (its own and those of its suffix states). */
  private readonly outputs: (number[] | undefined)[];
  /** Each keyword's length as matched (its NFKC form). */
  private readonly lengths: number[];
  /** Transitions on characters outside ASCII from the start state: character -> entry (as in `delta`). */
  private readonly wideRoot = new Map<number, number>();
  /** The same from other states, where they differ from the start state's: row offset * 65536 + character -> entry. */
  private readonly wide = new Map<number, number>();

  constructor(readonly keywords: readonly string[]) {
    for (const k of keywords) if (!/^(?:[\t\n]|\P{Cc})+$/u.test(k)) throw new Error(`keyword ${JSON.stringify(k)} must be printable (or a tab or line break)`);
    const forms = keywords.map((k) => k.normalize('NFKC'));
    this.lengths = forms.map((k) => k.length);
    let width = 1;
    for (const k of forms) for (let i = 0; i < k.length; i++) if (k.charCodeAt(i) < 128 && this.column[k.charCodeAt(i)] === 0) this.column[k.charCodeAt(i)] = width++;
    this.width = width;
    // Trie edges are keyed by column for ASCII and by the negated character code for any other character.
    const goto: Map<number, number>[] = [new Map()];
    const own: number[][] = [[]];
    forms.forEach((k, index) => {
      let s = 0;
      for (let i = 0; i < k.length; i++) {
        const code = k.charCodeAt(i);
        const c = code < 128 ? this.column[code]! : -code;
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
    // Per state, its transitions on other characters where they differ from the start state's (raw states).
    const wide: (Map<number, number> | undefined)[] = new Array(states);
    const wideStep = (s: number, code: number): number => (s === 0 ? undefined : wide[s]?.get(code)) ?? wide[0]?.get(code) ?? 0;
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
      const mine = s === 0 || fail[s] === 0 ? undefined : wide[fail[s]!];
      let row = mine && new Map(mine);
      for (const [c, next] of goto[s]!) {
        if (c >= 0) continue;
        fail[next] = s === 0 ? 0 : wideStep(fail[s]!, -c);
        (row ??= new Map()).set(-c, next);
        queue.push(next);
      }
      wide[s] = row;
    }
    // Entries become the next state's row offset (no multiplication per character), bitwise-negated where that
    // state has outputs: one sign test per character tells the hot loop whether a keyword ended.
    const entry = (state: number): number => (outputs[state] ? ~(state * width) : state * width);
    for (let i = 0; i < delta.length; i++) delta[i] = entry(delta[i]!);
    wide.forEach((row, s) => row?.forEach((next, code) => (s === 0 ? this.wideRoot : this.wide).set(s === 0 ? code : s * width * 65536 + code, entry(next))));
    this.delta = delta;
    this.outputs = outputs;
  }

  /** Start positions of each keyword found in `text`. */
  scan(text: string): Map<string, number[]> {
    const hits = new Map<string, number[]>();
    if (!this.keywords.length) return hits;
    const { delta, keywords, column, width, outputs, lengths, wide, wideRoot } = this;
    const anyWide = wideRoot.size > 0 || wide.size > 0;
    const n = text.length;
    let s = 0;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      const next = c < 128 ? delta[s + column[c]!]! : anyWide ? (wide.get(s * 65536 + c) ?? wideRoot.get(c) ?? 0) : 0;
      if (next >= 0) {
        s = next;
        continue;
      }
      s = ~next;
      for (const k of outputs[s / width]!) {
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
