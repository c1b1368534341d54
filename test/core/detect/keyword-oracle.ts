/** Every start position of every keyword, by brute force: what the keyword automaton must agree with. */
export function naive(keywords: string[], text: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const k of keywords)
    for (let i = text.indexOf(k); i >= 0; i = text.indexOf(k, i + 1)) (out.get(k) ?? out.set(k, []).get(k)!).push(i);
  return out;
}

/** Hits in one order, to compare the automaton's with the oracle's. */
export const sorted = (m: Map<string, number[]>) => [...m].map(([k, v]) => [k, [...v].sort((a, b) => a - b)] as const).sort(([a], [b]) => a.localeCompare(b));
