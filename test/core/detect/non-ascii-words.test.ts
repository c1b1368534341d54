import { describe, expect, it } from 'vitest';
import { compileContext, findContext } from '../../../src/core/detect/context';
import { tokensOf } from '../../../src/core/detect/tokens';
import { KeywordScanner } from '../../../src/core/detect/keywords';
import { naive, sorted } from './keyword-oracle';

describe('keywords outside ASCII', () => {
  it('are found in scripts without spaces, beside ASCII keywords', () => {
    const keywords = ['個人番号', 'マイナンバー', '주민등록번호', '身份证', 'आधार', 'מספר זהות', 'número', 'num', 'pan', 'nric'];
    const text = 'マイナンバー（個人番号）: 1234 主民 주민등록번호 身份证号码 आधार संख्या מספר זהות número nric pan';
    expect(sorted(new KeywordScanner(keywords).scan(text))).toEqual(sorted(naive(keywords, text)));
  });

  it('agree with brute force on random text mixing scripts', () => {
    let seed = 11;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = 'ab 番号个人é-ñ';
    const pick = () => alphabet[Math.floor(rand() * alphabet.length)];
    const keywords = [...new Set(Array.from({ length: 40 }, () => Array.from({ length: 1 + Math.floor(rand() * 4) }, pick).join('')))];
    const text = Array.from({ length: 5000 }, pick).join('');
    expect(sorted(new KeywordScanner(keywords).scan(text))).toEqual(sorted(naive(keywords, text)));
  });

  it('are found where only a later character is outside ASCII', () => {
    expect(new KeywordScanner(["numéro d'assurance sociale"]).scan("le numéro d'assurance sociale").get("numéro d'assurance sociale")).toEqual([3]);
  });

  it('match in their NFKC form, the form of the text the engine reads', () => {
    // Thai SARA AM (U+0E33) reads as two characters in NFKC; the keyword is written with it.
    const word = 'เลขประจำตัวประชาชน', text = `xx ${word.normalize('NFKC')} 1`;
    expect(new KeywordScanner([word]).scan(text).get(word)).toEqual([3]);
  });

  it('leave ASCII keywords as they were: non-ASCII characters still restart the automaton', () => {
    expect(sorted(new KeywordScanner(['ab', '番号']).scan('aéb ab a\u{1F600}b 番号'))).toEqual([['ab', [4]], ['番号', [12]]]);
  });
});

describe('context words outside ASCII', () => {
  const near = (words: string[], text: string, value: string) => {
    const at = text.indexOf(value);
    const read = text.normalize('NFKC');
    return findContext(compileContext({ words, window: 64 }), tokensOf(read), read.toLowerCase(), at, at + value.length);
  };

  it('are found before a value, without spaces around them', () => {
    expect(near(['個人番号'], '私の個人番号は123456789018です', '123456789018')).toBe('個人番号');
    expect(near(['주민등록번호'], '주민등록번호: 900101-1234568', '900101-1234568')).toBe('주민등록번호');
    expect(near(['เลขประจำตัวประชาชน'], 'เลขประจำตัวประชาชน 1101700230705', '1101700230705')).toBe('เลขประจำตัวประชาชน'.normalize('NFKC'));
    expect(near(['numéro d\'assurance sociale'], 'Numéro d\'assurance sociale : 046 454 286', '046 454 286')).toBe('numéro d\'assurance sociale');
  });

  it('stay whole words where a Latin letter follows', () => {
    expect(near(['número'], 'los números 123456789', '123456789')).toBeUndefined();
    expect(near(['sin'], 'basin 046 454 286', '046 454 286')).toBeUndefined();
  });
});
