import { describe, expect, it } from 'vitest';
import { scan, type Finding } from '../../../src/core/detect';
import { joinSpacedDigits, normalise, readable, SPACED_MIN } from '../../../src/core/detect/readable';

/** The values found, as the employee sees them (spans in the original text). */
const seen = (text: string, type?: string): string[] =>
  scan(text).findings.filter((f: Finding) => f.category !== 'health' && (!type || f.type === type)).map((f) => text.slice(f.start, f.end));

describe('NFKC normalisation, mapped back to the original', () => {
  it('reads full-width digits, letters and punctuation as ASCII', () => {
    expect(seen('SSN ４１２－５６－７８９０ on file', 'SSN')).toEqual(['４１２－５６－７８９０']);
    expect(seen('write to ａｎｎａ．ｒｏｅ＠ｅｘａｍｐｌｅ．ｃｏｍ today', 'EMAIL')).toEqual(['ａｎｎａ．ｒｏｅ＠ｅｘａｍｐｌｅ．ｃｏｍ']);
    expect(normalise('ﬁle ①②③ Ｋ').text).toBe('file 123 K');
  });

  it('reads the digits of other scripts and every kind of dash', () => {
    expect(normalise('٢١٩-٠٩-٩٩٩٩ २१९ ১২৩').text).toBe('219-09-9999 219 123');
    expect(seen('SSN ٢١٩-٠٩-٩٩٩٩', 'SSN')).toEqual(['٢١٩-٠٩-٩٩٩٩']);
    for (const dash of ['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212', '\ufe63', '\uff0d'])
      expect(seen(`SSN 219${dash}09${dash}9999`, 'SSN')).toEqual([`219${dash}09${dash}9999`]);
  });

  it('removes every format, variation and tag character, and maps the finding over them', () => {
    const hidden = ['\u2061', '\u2062', '\u2063', '\u2064', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e',
      '\u2066', '\u2067', '\u2068', '\u2069', '\u00ad', '\u200b', '\ufeff', '\u180e', '\ufe0f', '\ufe00', '\u{e0100}', '\u{e01ef}', '\u{e0041}', '\u{e007f}', '\u034f'];
    for (const h of hidden) {
      const text = `SSN 219-0${h}9-99${h}99 on file`;
      expect(seen(text, 'SSN'), JSON.stringify(h)).toEqual([`219-0${h}9-99${h}99`]);
    }
  });

  it('drops combining marks on digits and composes them on letters, mapping the whole cluster', () => {
    expect(seen('SSN 2\u03329\u0332-09-9999 1'.replace('2\u03329', '2\u03321\u03329'), 'SSN')).toEqual(['2\u03321\u03329\u0332-09-9999']);
    const r = normalise('Jose\u0301 Garci\u0301a');
    expect(r.text).toBe('José García');
    // "é" stands for "e\u0301": both characters of the original.
    expect([r.start![3], r.end![3]]).toEqual([3, 5]);
  });

  it('reads the full-width colon of CJK text as a colon and a space', () => {
    expect(normalise('パスワード：hunter22').text).toBe('パスワード: hunter22');
  });

  it('leaves ASCII and already-normal text alone, without a map (the fast path)', () => {
    for (const t of ['plain ASCII text, 2024-05-01', 'Grüße aus Köln, 東京都', ''])
      expect(readable(t)).toEqual({ text: t, decoded: [] });
  });
});

describe('digits written one by one', () => {
  it('joins single digits separated by spaces, dots, dashes or underscores', () => {
    for (const [written, read] of [
      ['2 1 9 0 9 9 9 9 9', '219099999'], ['2.1.9.0.9.9.9.9.9', '219099999'], ['2-1-9-0-9-9-9-9-9', '219099999'],
      ['2_1_9_0_9_9_9_9_9', '219099999'], ['2 1 9-0 9-9 9 9 9', '219-09-9999'], ['4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1', '4111111111111111'],
    ]) expect(joinSpacedDigits(`SSN ${written} ok`).text).toBe(`SSN ${read} ok`);
    expect(seen('SSN 2 1 9-0 9-9 9 9 9 on file', 'SSN')).toEqual(['2 1 9-0 9-9 9 9 9']);
    expect(seen('her social security number is 2 1 9 0 9 9 9 9 9', 'SSN')).toEqual(['2 1 9 0 9 9 9 9 9']);
  });

  it(`joins from ${SPACED_MIN} single digits on, not fewer`, () => {
    expect(joinSpacedDigits('1 2 3 4 5 6').text).toBe('123456');
    expect(joinSpacedDigits('1 2 3 4 5').text).toBe('1 2 3 4 5');
  });

  it('leaves what honest text writes with separators as it is', () => {
    for (const t of [
      'call 555 123 4567', 'on 12 03 2019', 'IBAN DE89 3704 0044 0532 0130 00', 'card 4111 1111 1111 1111', 'steps 1 2 3 and go',
      'version 1.2.3', 'release 1.2.3.4.5', 'host 10.0.0.1', 'weights 0.1 0.2 0.3 0.4', 'v1.2.3.4.5.6', '10.1.2.3.4.5.6',
      'x-1-2-3-4-5-6', '1 2 3 4 5 67', 'a 1 2 3 4 5 6b', '1  2  3  4  5  6', '1, 2, 3, 4, 5, 6', '1 - 2 - 3 - 4 - 5 - 6',
    ]) expect(joinSpacedDigits(t).text, t).toBe(t);
  });

  it('maps a joined value to the written digits', () => {
    const text = 'SSN: 2 1 9 0 9 9 9 9 9.';
    const f = scan(text).findings.find((x) => x.type === 'SSN')!;
    expect(text.slice(f.start, f.end)).toBe('2 1 9 0 9 9 9 9 9');
  });
});
