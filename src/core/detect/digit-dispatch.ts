import { sticky, type Combined } from './combine';
import { DIGIT_KIND, digitLed, END, KINDS, LONGEST_RUN, NON_ASCII, type DigitLed } from './digit-led';
import type { Tokens } from './tokens';

/**
 * A chunk with fewer digit runs is scanned as before (each regex over the windows around its digits). Reading
 * the patterns costs about 0.3 G instructions once per process (some 100 ms on a cold engine), where the dispatch
 * saves about 15 ms per MB of text dense with numbers: it pays off on large texts only (a 64 KB chunk of the
 * bench's mixed text has some 4,000 runs), and pastes, typed text and a short text never build the automata.
 */
const MIN_RUNS = 1024;

/** By run length and the kinds after and before the run (see DigitDispatch.table). */
type Table = (((Cell | undefined)[] | undefined)[] | undefined)[];
/** The tables of the sets of regexes seen in this process, by their sources in order. */
const TABLES = new Map<string, Table>();

/** What digitLed found for a source, shared by every engine in the process (keyed by flags and source). */
const ANALYSED = new Map<string, DigitLed | null>();

function analysed(c: Combined): DigitLed | undefined {
  const key = `${c.flags}/${c.source}`;
  let led = ANALYSED.get(key);
  if (led === undefined) ANALYSED.set(key, (led = digitLed(c.source, c.flags) ?? null));
  return led ?? undefined;
}

/**
 * The digit-led regexes of the detectors that need digits, run from a chunk's digit runs (digit-led.ts): one
 * pass over the runs puts each run's start into the lists of the regexes that can begin there (a table by run
 * length and the character after it), then each regex runs sticky at its own positions only.
 */
export class DigitDispatch {
  private ready = false;
  /** For each digit-led regex: its index; the sticky regex; where it may begin in the current chunk. */
  private readonly index = new Map<Combined, number>();
  private led: DigitLed[] = [];
  private at: Combined[] = [];
  /** Per regex, its positions in the current chunk: the first `counts[j]` of `positions[j]` (kept, not freed, between chunks). */
  private positions: Int32Array[] = [];
  private counts = new Int32Array(0);
  /**
   * By run length (capped) and the kind of the character after the run, then by the kind of the one after that,
   * then by the kind of the one before the run: what can begin there (cells filled when a chunk first has such a
   * run). The character before decides a lead's last character and a leading look-behind of a match at the run.
   */
  private table: Table = [];
  private chunk = '';

  constructor(private readonly regexes: readonly Combined[]) {}

  /** Lists where each digit-led regex may begin in this chunk; false when the chunk is left to the scans. */
  dispatch(chunk: string, t: Tokens): boolean {
    if (t.digits < MIN_RUNS) return false;
    if (!this.ready) this.prepare();
    this.chunk = chunk;
    this.counts.fill(0);
    const n = chunk.length;
    for (let k = 0; k < t.digits; k++) {
      const s = t.digitStart[k]!, e = t.digitEnd[k]!;
      const key = Math.min(e - s, LONGEST_RUN + 1) * KINDS + kindAt(chunk, e, n), then = kindAt(chunk, e + 1, n), before = kindAt(chunk, s - 1, n);
      const byThen = (this.table[key] ??= new Array(KINDS));
      const byBefore = (byThen[then] ??= new Array(KINDS));
      const cell = byBefore[before] ?? (byBefore[before] = this.fill(key, then, before));
      for (let i = 0; i < cell.atRun.length; i++) this.add(cell.atRun[i]!, s);
      for (let i = 0; i < cell.led.length; i++) {
        const j = cell.led[i]! >> 4, led = this.led[j]!, p = s - led.offsets[cell.led[i]! & 15]!;
        // The character before a lead, where a leading look-behind may rule the match out (ASCII only).
        const c = chunk.charCodeAt(p - 1);
        if (p >= 0 && !(c < 128 && led.blockedBefore[c] === 1)) this.add(j, p);
      }
    }
    return true;
  }

  /**
   * Runs a regex at the positions dispatch() listed, as a global scan would report its matches (leftmost, each
   * after the last one's end); false when the regex is not digit-led (the caller scans).
   */
  run(c: Combined, onMatch: (m: RegExpExecArray, offset: number) => boolean | void): boolean {
    const j = this.index.get(c);
    if (j === undefined) return false;
    const re = this.at[j]!.regex, text = this.chunk, count = this.counts[j]!, positions = this.positions[j]!;
    // With several leads, one run's positions interleave with the next run's (a typed array sorts by number).
    if (this.led[j]!.offsets.length > 1) positions.subarray(0, count).sort();
    let after = 0;
    for (let k = 0; k < count; k++) {
      const p = positions[k]!;
      if (p < after) continue;
      after = p + 1;
      re.lastIndex = p;
      const m = re.exec(text);
      if (!m || m[0].length === 0) continue;
      after = p + m[0].length;
      if (onMatch(m, 0) === false) break;
    }
    return true;
  }

  private add(j: number, p: number): void {
    const n = this.counts[j]!;
    let list = this.positions[j]!;
    if (n === list.length) {
      list = new Int32Array(n * 2);
      list.set(this.positions[j]!);
      this.positions[j] = list;
    }
    list[n] = p;
    this.counts[j] = n + 1;
  }

  private prepare(): void {
    const keys: string[] = [];
    for (const c of this.regexes) {
      const led = analysed(c);
      if (!led) continue;
      keys.push(`${c.flags}/${c.source}`);
      this.index.set(c, this.led.length);
      this.led.push(led);
      this.at.push(sticky(c));
      this.positions.push(new Int32Array(64));
    }
    this.counts = new Int32Array(this.positions.length);
    // Engines of the same detectors share the cells they fill (a cell depends only on the regexes, in order).
    const signature = keys.join('\n');
    this.table = TABLES.get(signature) ?? (TABLES.set(signature, []).get(signature)!);
    this.ready = true;
  }

  private fill(key: number, then: number, before: number): Cell {
    const length = Math.floor(key / KINDS), next = key % KINDS;
    const atRun: number[] = [], led: number[] = [];
    this.led.forEach((l, j) =>
      l.offsets.forEach((offset, o) => {
        if (!l.startsAt(length, next, then, o)) return;
        // A match at the run: the character before it must pass its look-behind. With a lead: must end the lead.
        if (offset === 0) {
          if (!(before < 128 && l.blockedBefore[before] === 1)) atRun.push(j);
        } else if (l.leadEnds[o]![before < 128 ? before : 128] === 1) led.push(j * 16 + o);
      }),
    );
    return { atRun: Int32Array.from(atRun), led: Int32Array.from(led) };
  }
}

/**
 * What a kind of run can begin: the regexes that may match at the run itself, and (j * 16 + the lead's index)
 * those that may match a lead of characters before it (a lead has at most 8).
 */
interface Cell {
  atRun: Int32Array;
  led: Int32Array;
}

/** The kind of the character at i (digit-led.ts): its code, one kind for all digits, others, or the end. */
function kindAt(text: string, i: number, n: number): number {
  if (i >= n) return END;
  const c = text.charCodeAt(i);
  return c < 128 ? (c >= 48 && c <= 57 ? DIGIT_KIND : c) : NON_ASCII;
}
