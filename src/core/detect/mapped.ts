/**
 * A text made from another (normalised, joined, decoded) with, for each of its characters, the span of the other
 * text it stands for, so that what the engine finds in it is reported where the employee sees it.
 */
export interface Mapped {
  text: string;
  /** text[i] stands for source[start[i], end[i]); both absent when the text is the source itself. */
  start?: Int32Array;
  end?: Int32Array;
}

/** Builds a mapped text piece by piece, left to right. */
export class MapBuilder {
  /** Appended to piece by piece: V8 keeps the pieces as a rope and flattens it once, at the end. */
  private text = '';
  private starts: Int32Array;
  private ends: Int32Array;
  length = 0;

  constructor(capacity: number) {
    this.starts = new Int32Array(Math.max(16, capacity));
    this.ends = new Int32Array(Math.max(16, capacity));
  }

  private room(n: number): void {
    if (this.length + n <= this.starts.length) return;
    const size = Math.max(this.starts.length * 2, this.length + n);
    const s = new Int32Array(size), e = new Int32Array(size);
    s.set(this.starts.subarray(0, this.length));
    e.set(this.ends.subarray(0, this.length));
    [this.starts, this.ends] = [s, e];
  }

  /** source[from, to), unchanged. */
  keep(source: string, from: number, to: number): void {
    if (to <= from) return;
    this.text += from === 0 && to === source.length ? source : source.slice(from, to);
    this.room(to - from);
    for (let i = from; i < to; i++, this.length++) {
      this.starts[this.length] = i;
      this.ends[this.length] = i + 1;
    }
  }

  /** `s` in place of source[from, to): each of its characters stands for the whole stretch. */
  put(s: string, from: number, to: number): void {
    if (!s) return;
    this.text += s;
    this.room(s.length);
    this.starts.fill(from, this.length, this.length + s.length);
    this.ends.fill(to, this.length, this.length + s.length);
    this.length += s.length;
  }

  /** `s` whose characters stand for the given spans of the source. */
  putSpans(s: string, starts: Int32Array, ends: Int32Array): void {
    this.text += s;
    this.room(s.length);
    this.starts.set(starts.subarray(0, s.length), this.length);
    this.ends.set(ends.subarray(0, s.length), this.length);
    this.length += s.length;
  }

  done(): Required<Mapped> {
    return { text: this.text, start: this.starts.subarray(0, this.length), end: this.ends.subarray(0, this.length) };
  }
}

/** `outer` made from `inner.text`, `inner` made from a source: `outer` made from that source. */
export function compose(inner: Mapped, outer: Mapped): Mapped {
  if (!outer.start || !outer.end) return { ...inner, text: outer.text };
  if (!inner.start || !inner.end) return outer;
  const n = outer.text.length, start = new Int32Array(n), end = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    start[i] = inner.start[outer.start[i]!]!;
    end[i] = inner.end[outer.end[i]! - 1]!;
  }
  return { text: outer.text, start, end };
}
