import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../../../src/core/detect';
import { smilesTokens } from '../../../src/core/detect/detectors/ip/chemistry';
import { mixedCorpus } from '../../bench/corpus';
import { random } from '../../random';

/**
 * The reading smilesTokens replaced, kept as the oracle: every character of every run is read to its end, and a
 * run is a candidate when it starts like an atom, holds structure and spells only atoms outside brackets.
 */
function plainReading(text: string): [number, number][] {
  const chars = (s: string) => new Set([...s].map((c) => c.charCodeAt(0)));
  const smiles = chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz@+-[$:/\\%.0123456789()=#]');
  const structure = chars('0123456789()=#]'), atomStart = chars('BCNOPSFIbcnops['), outside = chars('ADEGHJKLMQRTUVWXYZadefghijklmqrtuvwxyz');
  const out: [number, number][] = [];
  for (let i = 0; i < text.length; ) {
    if (!smiles.has(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i, hasStructure = false, inBracket = false, atomsOnly = true;
    for (; j < text.length && smiles.has(text.charCodeAt(j)); j++) {
      const k = text.charCodeAt(j);
      if (structure.has(k)) hasStructure = true;
      if (k === 91) inBracket = true;
      else if (k === 93) inBracket = false;
      else if (!inBracket && outside.has(k)) {
        const before = text[j - 1];
        if (!((text[j] === 'l' && before === 'C') || (text[j] === 'r' && before === 'B'))) atomsOnly = false;
      }
    }
    let end = j;
    while (end > i && text[end - 1] === '.') end--;
    if (atomStart.has(text.charCodeAt(i)) && hasStructure && atomsOnly && end - i >= 6) out.push([i, end]);
    i = j;
  }
  return out;
}

const spans = (text: string): [number, number][] => smilesTokens(text).map((c) => [c.start, c.end]);

/** Text made of the pieces SMILES and the words around it are made of: atoms, Cl and Br, brackets, bonds, digits, dots. */
function chemical(seed: number, length: number): string {
  const next = random(seed);
  const pieces = ['C', 'c', 'N', 'O', 'Cl', 'Br', 'B', 'r', 'l', '[', ']', '[Na+]', '(', ')', '=', '#', '1', '2', '.', '..', ' ', '\n', 'e', 'x', 'H', 'Ca', 'é', '-', '@', '/', 'CC(=O)O', 'ccccc1'];
  let s = '';
  while (s.length < length) s += pieces[Math.floor(next() * pieces.length)]!;
  return s;
}

describe('smilesTokens', () => {
  it('finds the candidates of a plain reading of every character, on generated chemical text', () => {
    let candidates = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const text = chemical(seed, 4000);
      const expected = plainReading(text);
      candidates += expected.length;
      expect(spans(text)).toEqual(expected);
    }
    expect(candidates).toBeGreaterThan(500); // the generated text makes candidates, so the comparison means something
  });

  it('finds the same on the bench corpus and every detector example', () => {
    const texts = [mixedCorpus(200_000), mixedCorpus(200_000, 7, 'config')];
    for (const d of DETECTORS) for (const e of [...(d.examples?.match ?? []), ...(d.examples?.noMatch ?? [])]) texts.push(typeof e === 'string' ? e : e.text);
    for (const text of texts) expect(spans(text)).toEqual(plainReading(text));
  });

  it('skips the rest of a run once it spells something other than atoms', () => {
    expect(spans('secret=abc123 CC(=O)Oc1ccccc1C(=O)O')).toEqual([[14, 35]]);
    expect(spans('ClC1=CC=C(Br)C=C1.')).toEqual([[0, 17]]);
    expect(spans('[Na+].[O-]C(=O)c1ccccc1')).toEqual([[0, 23]]);
  });
});
