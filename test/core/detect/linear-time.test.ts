import { describe, expect, it } from 'vitest';
import { DETECTORS, Engine, type Detector } from '../../../src/core/detect';
import { KeywordScanner } from '../../../src/core/detect/keywords';
import { readable } from '../../../src/core/detect/readable';

/**
 * No pattern may take more than linear time. Each pattern (and each find hook) is fed 1 MB of near matches:
 * its own examples cut short and repeated, plus shapes that make naive regexes backtrack. The time for 1 MB is
 * compared with the time for 256 KB: linear work grows 4x, quadratic work 16x.
 */
const KB = 1024;

function nearMatches(d: Detector): string[] {
  const seeds = d.examples.match.map((e) => e.value ?? e.text);
  const out = seeds.flatMap((s) => [s.slice(0, -1), s.slice(1), s.replace(/\s/g, '')]);
  out.push('1'.repeat(64), '1-'.repeat(32), 'a'.repeat(64), 'A1'.repeat(32), '@'.repeat(16) + 'a.'.repeat(24), 'Ab '.repeat(20), '-----BEGIN PRIVATE KEY-----\n' + 'A'.repeat(60));
  return out;
}

const repeatTo = (unit: string, size: number): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

function timeOf(fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    fn();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

// One text per detector with all its near matches in turn: each still repeats thousands of times in a megabyte,
// and the cost is one test per detector instead of one per seed (there are some 450 detectors).
describe('every detector runs in linear time', () => {
  it.each(DETECTORS.map((d) => [d.id, d] as const))('%s, on its near-match input', (_id, d) => {
    const unit = nearMatches(d).join(' ');
    const run = (size: number) => {
      const text = repeatTo(`${unit} `, size);
      if (d.find) {
        const lower = text.toLowerCase();
        const anchors = new KeywordScanner([...(d.anchors ?? [])]);
        return () => d.find!(text, lower, anchors.scan(lower));
      }
      return () => {
        for (const p of d.patterns ?? []) {
          p.regex.lastIndex = 0;
          while (p.regex.exec(text)) if (p.regex.lastIndex === 0) break;
        }
      };
    };
    const small = timeOf(run(256 * KB));
    const large = timeOf(run(1024 * KB));
    // Quadratic work on a megabyte of near matches takes seconds; under 100 ms nothing is. Above that, the
    // growth from 256 KB to 1 MB must stay near 4x (a garbage collection can add some; 16x is quadratic).
    const linear = large <= 100 || large / Math.max(small, 0.5) < 10;
    expect(linear, `${large.toFixed(1)} ms for 1 MB, ${small.toFixed(1)} ms for 256 KB`).toBe(true);
  });
});

describe('the whole engine', () => {
  it('scans 1 MB of near matches of every detector', () => {
    const text = repeatTo(DETECTORS.flatMap(nearMatches).join(' \n'), 1024 * KB);
    const engine = new Engine(DETECTORS);
    const small = timeOf(() => engine.scan(text.slice(0, 256 * KB)));
    const large = timeOf(() => engine.scan(text));
    expect(large <= 500 || large / Math.max(small, 0.5) < 10, `${large.toFixed(0)} ms for 1 MB, ${small.toFixed(0)} ms for 256 KB`).toBe(true);
  });
});

// The input stage (normalisation, joined digits, decoding) sees every text first: fed what would make it
// backtrack, re-read or decode again and again, it still grows 4x from 256 KB to 1 MB, alone and in the engine.
describe('reading text as a person reads it', () => {
  const base64 = Buffer.from('a line of text that decodes. ').toString('base64');
  const hostile: Record<string, string> = {
    'base64 of text, end to end': base64,
    'base64 of text between blank lines': `${base64}\n\n`,
    'base64 of text wrapped at 76': `${Buffer.from('a line of text that decodes to something. 0123456789').toString('base64').slice(0, 76)}\n`,
    'base64-like characters': 'QUFBQUFBQUFBQUFB+/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    'hex-like characters': '0123456789abcdef',
    'percent escapes': '%41%42%43%25%32%35',
    'broken percent escapes': '%4%%G%',
    'long words': 'microcrystallinecellulose ',
    'alternating digits and spaces': '1 ',
    'alternating digits and separators': '1 2.3-4_5 6 7 ',
    'single digits that just miss': '1 2 3 4 5 67 ',
    'combining marks': 'e\u0301\u0302\u0303\u0304\u0305\u0306\u0307',
    'combining marks alone': '\u0301',
    'marks on digits': '2\u0332',
    'full-width text': 'ＳＳＮ４１２－５６－７８９０ ',
    'format characters': '2\u200b1\u2063\u{e0041}\ufe0f',
    'digits of another script': '٢١٩٠',
    'unclosed key blocks': '-----BEGIN PRIVATE KEY-----\n',
  };
  it.each(Object.entries(hostile))('%s', (_name, unit) => {
    const small = timeOf(() => readable(repeatTo(unit, 256 * KB)));
    const large = timeOf(() => readable(repeatTo(unit, 1024 * KB)));
    expect(large <= 100 || large / Math.max(small, 0.5) < 10, `${large.toFixed(1)} ms for 1 MB, ${small.toFixed(1)} ms for 256 KB`).toBe(true);
  });

  it('keeps the whole engine linear on all of them at once', () => {
    const text = repeatTo(Object.values(hostile).join('\n'), 1024 * KB);
    const engine = new Engine(DETECTORS);
    const small = timeOf(() => engine.scan(text.slice(0, 256 * KB)));
    const large = timeOf(() => engine.scan(text));
    expect(large <= 500 || large / Math.max(small, 0.5) < 10, `${large.toFixed(0)} ms for 1 MB, ${small.toFixed(0)} ms for 256 KB`).toBe(true);
  });
});
