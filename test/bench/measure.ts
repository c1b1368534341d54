/** What the benchmarks measure with: medians of repeated passes, in MB/s of text. */
export const MB = 1024 * 1024;
export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
export const quantile = (xs: number[], q: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

/** Median MB/s of `runs` passes of `scan` over `docs`. */
export function throughput(docs: string[], scan: (t: string) => unknown, runs: number): number {
  const bytes = docs.reduce((n, d) => n + d.length, 0);
  const rates: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    for (const d of docs) scan(d);
    rates.push(bytes / MB / ((performance.now() - t) / 1000));
  }
  return median(rates);
}

export const split = (text: string, size: number): string[] => Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));
