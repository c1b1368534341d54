import { tokensOf, type Tokens } from './tokens';

/** A stretch [start, end) of a chunk where patterns are worth running. */
export type Window = [number, number];

/**
 * Sorted, merged windows clipped to the chunk. A window starts at a line or word boundary so that a pattern's
 * look-behind sees the real text before a match, never a cut. When the windows cover most of the chunk, the
 * whole chunk is one window: slicing would cost more than it saves.
 */
export function mergeWindows(chunk: string, raw: Window[], sorted = false): Window[] {
  if (!sorted) raw.sort((a, b) => a[0] - b[0]);
  const merged = new Merged(chunk);
  for (const [a, b] of raw) merged.add(a, b);
  return merged.windows();
}

/**
 * The same windows as `mergeWindows` over [at - before, at + after] for each keyword position: the windows have
 * one width, so the positions are sorted as numbers (one list, when the detector has one keyword, is in order
 * already) and no window is made before it is merged.
 */
export function windowsAround(chunk: string, lists: readonly (readonly number[] | undefined)[], before: number, after: number): Window[] {
  const present = lists.filter((l): l is readonly number[] => l !== undefined && l.length > 0);
  let at: ArrayLike<number>;
  if (present.length <= 1) at = present[0] ?? [];
  else {
    const all = new Float64Array(present.reduce((n, l) => n + l.length, 0));
    let k = 0;
    for (const l of present) for (const p of l) all[k++] = p;
    at = all.sort();
  }
  const merged = new Merged(chunk);
  for (let i = 0; i < at.length; i++) merged.add(at[i]! - before, at[i]! + after);
  return merged.windows();
}

/** Windows added in order of their starts, merged as they come (the one way mergeWindows and digitWindows merge). */
class Merged {
  private readonly out: Window[] = [];
  private covered = 0;

  constructor(private readonly chunk: string) {}

  add(a: number, b: number): void {
    const e = Math.min(this.chunk.length, b);
    const last = this.out[this.out.length - 1];
    if (last && a <= last[1]) {
      if (e > last[1]) {
        this.covered += e - last[1];
        last[1] = e;
      }
      return;
    }
    let s = Math.max(0, a);
    while (s > 0 && s > a - 64 && this.chunk.charCodeAt(s - 1) > 32) s--;
    if (last && s <= last[1]) {
      this.covered += e - last[1];
      last[1] = e;
    } else {
      this.covered += e - s;
      this.out.push([s, e]);
    }
  }

  windows(): Window[] {
    return this.covered > this.chunk.length * 0.6 ? [[0, this.chunk.length]] : this.out;
  }
}

/**
 * Windows around runs of digits: where every number-shaped pattern (and a date's month name) must be.
 * The same windows as `mergeWindows` over [run start - 48, run end + 48] for each run, read from the digit runs
 * of the token stream (the chunk is not read again).
 */
export function digitWindows(chunk: string, t: Tokens = tokensOf(chunk)): Window[] {
  const merged = new Merged(chunk);
  for (let k = 0; k < t.digits; k++) merged.add(t.digitStart[k]! - 48, t.digitEnd[k]! + 48);
  return merged.windows();
}

/** The text of each window, sliced once and shared by every pattern that runs there. */
export interface Part {
  offset: number;
  text: string;
}

export const partsOf = (chunk: string, windows: readonly Window[]): Part[] =>
  windows.map(([s, e]) => ({ offset: s, text: s === 0 && e === chunk.length ? chunk : chunk.slice(s, e) }));

/** Runs a global regex over each part, reporting matches with chunk offsets; `false` from onMatch stops. */
export function execInParts(re: RegExp, parts: readonly Part[], onMatch: (m: RegExpExecArray, offset: number) => boolean | void): void {
  for (const { offset, text } of parts) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) re.lastIndex++;
      else if (onMatch(m, offset) === false) return;
    }
  }
}

/**
 * Whole tokens around seeds: for each match of `seed`, the longest run of characters that `inToken` accepts,
 * kept when `accept` says so. Finds fixed-shape tokens (a VIN, an IPv6 address) in time proportional to
 * the seeds, where a regex would try every position of the text. Tokens shorter than `shortest` are not offered
 * (not sliced: a lone ":" of every "key: value" line is no IPv6 address).
 */
export function tokensAt(text: string, seed: RegExp, inToken: (c: number) => boolean, accept: (token: string) => boolean, shortest = 1): Window[] {
  const out: Window[] = [];
  let after = 0;
  seed.lastIndex = 0;
  for (let m = seed.exec(text); m; m = seed.exec(text)) {
    if (m.index < after) continue;
    let s = m.index, e = m.index + m[0].length;
    while (s > 0 && inToken(text.charCodeAt(s - 1))) s--;
    while (e < text.length && inToken(text.charCodeAt(e))) e++;
    after = e;
    seed.lastIndex = Math.max(seed.lastIndex, e);
    if (e - s >= shortest && accept(text.slice(s, e))) out.push([s, e]);
  }
  return out;
}
