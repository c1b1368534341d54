import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../../../src/core/detect';
import { combinePatterns } from '../../../src/core/detect/combine';
import { KeywordScanner } from '../../../src/core/detect/keywords';
import { keywordLed } from '../../../src/core/detect/keyword-led';
import { execAt, execInParts, partsOf, windowsAround } from '../../../src/core/detect/windows';
import { mixedCorpus } from '../../bench/corpus';
import { random } from '../../random';

describe('keyword-led patterns: run where their keywords stand', () => {
  it('names the keywords every match begins with', () => {
    expect(keywordLed(String.raw`\b(?:acct|account|invoice)\s*#?\d{4,12}`, 'gi', ['acct', 'account', 'invoice', 'bill'])?.sort()).toEqual(['account', 'acct', 'invoice']);
    // A keyword that is a prefix of the literal counts: "ref" begins "reference".
    expect(keywordLed(String.raw`(?<![A-Za-z0-9_])(?:reference|ref)[ :#]+\d{6}`, 'g', ['ref'])).toEqual(['ref']);
    expect(keywordLed(String.raw`(?<![A-Za-z0-9_])ghp_[A-Za-z0-9]{36}(?![A-Za-z0-9_])`, 'g', ['ghp_'])).toEqual(['ghp_']);
    // Letters in either case, or under the i flag, are their lower case.
    expect(keywordLed(String.raw`[Jj][Ee][Nn][Kk][Ii][Nn][Ss][_-]?token=\w{20}`, 'g', ['jenkins'])).toEqual(['jenkins']);
  });

  it('leaves to their scans the patterns it cannot show begin at a keyword', () => {
    // The keyword inside the match, an optional start, another word where the keyword stands, a class.
    expect(keywordLed(String.raw`[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9]{60}`, 'g', ['atlasv1'])).toBeUndefined();
    expect(keywordLed(String.raw`(?:my)?token=\w{20}`, 'g', ['token'])).toBeUndefined();
    expect(keywordLed(String.raw`(?:token|secret)=\w{20}`, 'g', ['token'])).toBeUndefined();
    expect(keywordLed(String.raw`[tT]oken|tok[eé]n=\w{20}`, 'g', ['token'])).toBeUndefined();
    // A keyword longer than the literal that is known.
    expect(keywordLed(String.raw`tok\w*=\w{20}`, 'g', ['token'])).toBeUndefined();
  });

  it('tries each place once, and none inside the last match, as a global scan would', () => {
    const found: number[] = [];
    execAt(/aba/y, [{ offset: 10, text: 'ababa aba' }], [10, 10, 12, 16], (m, o) => void found.push(m.index + o));
    expect(found).toEqual([10, 16]);
  });

  // The mechanism's promise: for every built-in detector gated by keywords, each regex tried where its keywords
  // stand reports exactly the matches of its scan over the windows around them.
  const gated = DETECTORS.filter((d) => d.keywords && !d.find);
  const next = random(11);
  const examples = gated.flatMap((d) => [...(d.examples?.match ?? []).map((m) => m.text), ...(d.examples?.noMatch ?? [])]);
  // The examples shuffled and glued with little or much between them, so that windows meet, merge and part.
  const glued = Array.from({ length: 3 }, () => examples.map((e) => e + (next() < 0.5 ? ' ' : ' filler text '.repeat(1 + Math.floor(next() * 60)))).sort(() => next() - 0.5).join('\n'));
  const texts = [...glued, mixedCorpus(256 * 1024), mixedCorpus(256 * 1024, 7, 'config')];

  it('finds what the windows find, regex by regex, on the examples and the bench corpus', () => {
    let led = 0, matches = 0;
    for (const d of gated) {
      const before = d.window?.before ?? 128, after = d.window?.after ?? 512;
      const scanner = new KeywordScanner([...new Set(d.keywords)]);
      for (const c of combinePatterns(d.patterns ?? [])) {
        const keywords = keywordLed(c.source, c.flags, d.keywords!);
        if (!keywords) continue;
        led++;
        const stickyRegex = new RegExp(c.source, c.flags.replace('g', '') + 'y');
        for (const text of texts) {
          const hits = scanner.scan(text.toLowerCase());
          const windowed: number[][] = [], atKeywords: number[][] = [];
          execInParts(new RegExp(c.source, c.flags), partsOf(text, windowsAround(text, d.keywords!.map((k) => hits.get(k)), before, after)), (m, o) => void windowed.push([m.index + o, m[0].length]));
          const parts = partsOf(text, windowsAround(text, d.keywords!.map((k) => hits.get(k)), before, after));
          // As the engine lists them: a place where two keywords begin ('ref', 'reference') comes twice.
          const positions = keywords.flatMap((k) => hits.get(k) ?? []).sort((a, b) => a - b);
          execAt(stickyRegex, parts, positions, (m, o) => void atKeywords.push([m.index + o, m[0].length]));
          expect(atKeywords, `${d.id}: ${c.source.slice(0, 60)}`).toEqual(windowed);
          matches += windowed.length;
        }
      }
    }
    expect(led).toBeGreaterThan(200);
    expect(matches).toBeGreaterThan(1000);
  });
});
