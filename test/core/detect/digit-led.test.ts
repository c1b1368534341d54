import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../../../src/core/detect';
import { combinePatterns, type Combined } from '../../../src/core/detect/combine';
import { DigitDispatch } from '../../../src/core/detect/digit-dispatch';
import { digitLed, DIGIT_KIND, END, NON_ASCII } from '../../../src/core/detect/digit-led';
import { tokensOf } from '../../../src/core/detect/tokens';
import { random } from '../../random';

const code = (c: string): number => c.charCodeAt(0);

/** Every match of a global scan of the whole text, as [start, end). */
function scanned(c: Combined, text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = new RegExp(c.source, c.flags);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex++;
    else out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

function dispatched(d: DigitDispatch, c: Combined, text: string): [number, number][] {
  const out: [number, number][] = [];
  expect(d.dispatch(text, tokensOf(text))).toBe(true);
  expect(d.run(c, (m) => void out.push([m.index, m.index + m[0].length]))).toBe(true);
  return out;
}

/** Text dense with numbers in the shapes identifiers take: runs of digits between separators, letters and words. */
function numbery(seed: number, length: number): string {
  const next = random(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const pieces = [' ', ' ', '-', '.', '/', ':', ', ', '\n', '(', ')', '+', 'A', 'X', 'de ', ' March ', ' mars ', 'é', 'CP ', 'ab', 'Z', '年', '\t'];
  let s = '';
  while (s.length < length) {
    const digits = 1 + Math.floor(next() * (next() < 0.2 ? 16 : 5));
    for (let i = 0; i < digits; i++) s += String(Math.floor(next() * 10));
    s += pick(pieces);
    if (next() < 0.3) s += pick(pieces);
  }
  return s;
}

describe('digit-led patterns: read from a regex where its matches can begin', () => {
  it('tells the run lengths and following characters a pattern can begin at', () => {
    const ssn = digitLed(String.raw`(?<![\w.+-])\d{3}-\d{2}-\d{4}(?![\w]|-[\w]*\d|\.\d)`, 'g')!;
    expect(ssn.offsets).toEqual([0]);
    expect(ssn.startsAt(3, code('-'), DIGIT_KIND)).toBe(true);
    expect(ssn.startsAt(3, code('-'), code('x'))).toBe(false);
    expect(ssn.startsAt(3, code(' '), DIGIT_KIND)).toBe(false);
    expect(ssn.startsAt(4, code('-'), DIGIT_KIND)).toBe(false);
    expect(ssn.startsAt(3, END, END)).toBe(false);

    const nine = digitLed(String.raw`(?<![\w.+-])\d{9}(?![\w]|-[\w]*\d|\.\d)`, 'g')!;
    expect(nine.startsAt(9, code(' '), code('a'))).toBe(true);
    expect(nine.startsAt(9, END, END)).toBe(true);
    // The look-ahead rules out a letter right after the nine digits.
    expect(nine.startsAt(9, code('a'), code('b'))).toBe(false);
    expect(nine.startsAt(8, code(' '), code('a'))).toBe(false);
    expect(nine.startsAt(10, code(' '), code('a'))).toBe(false);
  });

  it('lets a few characters lead the first digit, and names them', () => {
    const nric = digitLed(String.raw`(?<!\p{LC}|\p{N}|[_.+/-])(?:[STFGM]\d{7}[A-Z])(?![-/.]?\p{N}|\p{LC}|_)`, 'gu')!;
    expect(nric.offsets).toEqual([1]);
    expect(nric.leadEnds[0]![code('S')]).toBe(1);
    expect(nric.leadEnds[0]![code('Q')]).toBe(0);
    expect(nric.startsAt(7, code('A'), END)).toBe(true);
    expect(nric.startsAt(7, NON_ASCII, END)).toBe(false);
    // Each lead is asked about on its own: two digits and a space end an ICD code after its letter, never an NDC code.
    const codes = digitLed(String.raw`((?<![\w.-])[A-TV-Z]\d[0-9AB](?![\w-]))|((?<![\w-])\d{4}-\d{4}-\d{2}(?![\w-]))`, 'g')!;
    expect(codes.offsets).toEqual([0, 1]);
    expect(codes.startsAt(2, code(' '), code('x'))).toBe(true);
    expect(codes.startsAt(2, code(' '), code('x'), 1)).toBe(true);
    expect(codes.startsAt(2, code(' '), code('x'), 0)).toBe(false);
    expect(codes.startsAt(4, code('-'), DIGIT_KIND, 0)).toBe(true);
    expect(codes.startsAt(4, code('-'), DIGIT_KIND, 1)).toBe(false);
  });

  it('names the characters before a match that its leading look-behinds rule out', () => {
    const blocked = (source: string, flags = 'g'): string => {
      const b = digitLed(source, flags)!.blockedBefore;
      return [...b].flatMap((x, c) => (x ? [String.fromCharCode(c)] : [])).join('');
    };
    expect(blocked(String.raw`(?<![\w.+-])\d{3}-\d{4}`)).toBe('+-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz');
    // Every branch must rule a character out; a longer alternative of a look-behind rules nothing out here.
    expect(blocked(String.raw`(?<![x\d])(?:(?<![-.])\d{3}|(?<![-/]|ab)\d{5})`)).toBe('-0123456789x');
    expect(blocked(String.raw`(?<!\d)(?:(?<!-)\d{3}|\d{5})`)).toBe('0123456789');
    // Case-insensitive sets are read with their other case; a positive look-behind or a look-ahead rules nothing out.
    expect(blocked(String.raw`(?<![a-c\d])\d{4}`, 'gi')).toBe('0123456789ABCabc');
    expect(blocked(String.raw`(?<=\s)(?<!\d)(?!-)\d{4}`)).toBe('0123456789');
    // With a lead before the first digit, the look-behind stands before the lead.
    expect(blocked(String.raw`(?<!\p{LC}|\p{N}|[_.+/-])(?:[STFGM]\d{7}[A-Z])`, 'gu')).toContain('_');
  });

  it('leaves patterns that can begin elsewhere to their scans', () => {
    // No look-behind: a match can begin inside a run of digits.
    expect(digitLed(String.raw`\d{3}-\d{2}`, 'g')).toBeUndefined();
    // A match without any digit, and a lead of any length before the digits.
    expect(digitLed(String.raw`(?<!\w)(?:\d{3}|abc)`, 'g')).toBeUndefined();
    expect(digitLed(String.raw`\bCAS\s*\d{2,7}-\d{2}-\d`, 'g')).toBeUndefined();
    // Syntax the reader does not know (the v flag) is not guessed at.
    expect(digitLed(String.raw`(?<!\d)[\d--[0]]{3}`, 'gv')).toBeUndefined();
  });

  // The mechanism's promise: every digit-led regex of the built-in detectors, run from the digit runs, reports
  // exactly the matches of a scan over the whole text.
  const regexes = DETECTORS.filter((d) => d.requires === 'digit' && !d.keywords && !d.find).flatMap((d) => combinePatterns(d.patterns ?? []));
  const led = regexes.filter((c) => digitLed(c.source, c.flags));

  it('reads most of the built-in digit patterns', () => {
    expect(led.length).toBeGreaterThanOrEqual(20);
    expect(led.length).toBeLessThan(regexes.length);
  });

  it('finds what a scan finds, regex by regex, on text dense with numbers', () => {
    const dispatch = new DigitDispatch(regexes);
    let matches = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const text = numbery(seed, 12_000);
      for (const c of led) {
        const want = scanned(c, text);
        matches += want.length;
        expect(dispatched(dispatch, c, text), `${c.source.slice(0, 60)} on text ${seed}`).toEqual(want);
      }
    }
    // The text must give the patterns something to find, or the comparison proves nothing.
    expect(matches).toBeGreaterThan(500);
  });

  it("finds what a scan finds in the detectors' own examples", () => {
    const dispatch = new DigitDispatch(regexes);
    const examples = DETECTORS.filter((d) => d.requires === 'digit').flatMap((d) => [...d.examples.match.map((e) => e.text), ...d.examples.noMatch]);
    const text = Array.from({ length: 4 }, () => examples.join(' 12 ; ')).join('\n');
    let matches = 0;
    for (const c of led) {
      const want = scanned(c, text);
      matches += want.length;
      expect(dispatched(dispatch, c, text)).toEqual(want);
    }
    expect(matches).toBeGreaterThan(100);
  });

  it('leaves a chunk with few digit runs to the scans', () => {
    expect(new DigitDispatch(regexes).dispatch('call 555-0100 today', tokensOf('call 555-0100 today'))).toBe(false);
  });
});
