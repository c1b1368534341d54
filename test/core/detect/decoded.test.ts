import { describe, expect, it } from 'vitest';
import { scan } from '../../../src/core/detect';
import { DECODE_BUDGET, readable } from '../../../src/core/detect/readable';
import { isText, MAX_DEPTH, type Decoded } from '../../../src/core/detect/decoded';
import { random } from '../../random';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const b64url = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex');
const RECORD = 'Patient Anna Roe, SSN 219-09-9999, seen for hypertension';

/** The SSNs found: the encoded characters they stand at, and how they were read. */
function ssns(text: string): { at: string; why: string }[] {
  return scan(text).findings.filter((f) => f.type === 'SSN').map((f) => ({ at: text.slice(f.start, f.end), why: f.why.find((w) => w.startsWith('decoded')) ?? '' }));
}

const depth = (ds: readonly Decoded[]): number => Math.max(0, ...ds.map((d) => 1 + depth(d.inner)));

describe('encoded runs, decoded and scanned', () => {
  it('finds a record in base64 (both alphabets, padded or not) at the encoded characters that carry it', () => {
    // Bytes 6 to 17 ("219-09-9999") are carried by characters 8 (6 * 4 / 3) to 23 (the one that holds bits of byte 16).
    const encoded = b64('SSN = 219-09-9999 ok');
    expect(ssns(`data ${encoded} end`)).toEqual([{ at: encoded.slice(8, 23), why: 'decoded from base64' }]);
    expect(ssns(`record=${b64url(RECORD + '??>>')}`)[0]!.why).toBe('decoded from base64');
    expect(scan(b64(RECORD)).labels).toEqual(['PHI', 'PII']);
  });

  it('finds an encoded run wherever it stands: runs are found by probing every 16th character, and "%" by search', () => {
    const shortest = b64('hello world!'), escaped = encodeURIComponent('SSN: 219 09 9999');
    for (let pad = 0; pad < 40; pad++) {
      const before = 'x '.repeat(pad >> 1) + (pad & 1 ? 'word ' : '');
      expect(readable(`${before}${shortest} and`).decoded, `${pad}`).toHaveLength(1);
      expect(readable(`${before}${escaped}`).decoded, `${pad}`).toHaveLength(1);
      expect(readable(`${before}${shortest} ${'y'.repeat(pad)}%20${escaped}`).decoded, `${pad}`).toHaveLength(2);
    }
    // Fifteen base64 characters in a row are too few; a long word is not base64 of text.
    expect(readable(`a ${'Q'.repeat(15)} b`).decoded).toEqual([]);
  });

  it('finds a record in the hex of its UTF-8 bytes, and in percent-encoding, once or twice', () => {
    expect(ssns(`x=${hex(RECORD)}`)).toEqual([{ at: hex('219-09-9999'), why: 'decoded from hex' }]);
    const once = `https://x.example/?q=${encodeURIComponent('SSN: 219 09 9999 for Anna Roe')}`;
    expect(ssns(once)).toEqual([{ at: '219%2009%209999', why: 'decoded from percent-encoding' }]);
    const twice = encodeURIComponent(encodeURIComponent('SSN: 219 09 9999'));
    expect(ssns(twice)).toEqual([{ at: '219%252009%25209999', why: 'decoded from percent-encoding, then percent-encoding' }]);
  });

  it('reads a run wrapped over lines (base64 at 76, PEM at 64, xxd -p at 60) as one, a value across a break included', () => {
    // 52 characters before the SSN: its bytes 52 to 62 straddle a line break at 76 base64 characters (57 bytes a
    // line) and at 60 hex characters (30 bytes); at 64 base64 characters (48 bytes) they stand on the second line.
    const record = `${'a note about the visit, nothing more to say here. '.slice(0, 47)} SSN 219-09-9999, seen for hypertension.`;
    for (const [encoded, wrap, across] of [[b64(record), 76, true], [b64(record), 64, false], [hex(record), 60, true]] as const) {
      const lines = encoded.replace(new RegExp(`.{${wrap}}`, 'g'), '$&\n');
      const found = ssns(lines);
      expect(found, `${wrap}`).toHaveLength(1);
      expect(found[0]!.at.includes('\n'), `${wrap}`).toBe(across);
      expect(ssns(lines.replace(/\n/g, '\r\n'))).toHaveLength(1);
    }
    // Lines of different widths are separate runs: each is read alone.
    expect(readable(`${b64('first line of a note: fine')}\n${b64('second one, quite a bit longer than the first')}`).decoded).toHaveLength(2);
  });

  it('finds base64 of percent-encoding, and keeps two values in one run apart', () => {
    const text = `b=${b64(encodeURIComponent('SSN: 219-09-9999 and SSN 536-22-8726'))}`;
    const found = ssns(text);
    expect(found.map((f) => f.why)).toEqual(['decoded from base64, then percent-encoding', 'decoded from base64, then percent-encoding']);
    expect(found[0]!.at).not.toBe(found[1]!.at);
  });

  it('shows health context from a decoded record as the word, never its encoded form', () => {
    const f = scan(`note: ${b64(RECORD)}`).findings.find((x) => x.type === 'SSN')!;
    expect(f.category).toBe('phi');
    expect(f.why.join(' ')).toMatch(/health context: "(hypertension|patient)"/);
  });

  it('decodes no further than depth 2', () => {
    const thrice = encodeURIComponent(encodeURIComponent(encodeURIComponent('name: Anna Roe, a note')));
    expect(depth(readable(thrice).decoded)).toBe(MAX_DEPTH);
    expect(readable(thrice).text).toContain('name%3A%20Anna');
  });

  it('decodes within a budget per scan', () => {
    const run = b64('a line of honest text, '.repeat(2000));
    const r = readable(Array.from({ length: 40 }, () => run).join('\n\n'));
    const decoded = r.decoded.reduce((n, d) => n + d.to - d.from, 0);
    expect(decoded).toBeGreaterThan(DECODE_BUDGET / 2);
    expect(decoded).toBeLessThanOrEqual(DECODE_BUDGET);
  });
});

describe('no noise from what only looks encoded', () => {
  const r = random(7);
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(r() * 256)));

  it('leaves random ids, hashes, keys and UUIDs undecoded', () => {
    const noise: string[] = [];
    for (let i = 0; i < 300; i++) {
      const b = bytes(12 + (i % 40));
      noise.push(b.toString('base64'), b.toString('base64url'), b.toString('hex'));
    }
    noise.push('550e8400-e29b-41d4-a716-446655440000', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(readable(noise.join(' ')).decoded).toEqual([]);
    expect(readable(noise.join('\n')).decoded).toEqual([]);
  });

  it('leaves JWTs to the secret detectors, and images in data: URLs alone', () => {
    const jwt = `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url('{"sub":"1234567890","email":"anna.roe@example.com"}')}.${bytes(32).toString('base64url')}`;
    expect(readable(`Authorization: Bearer ${jwt}`).decoded).toEqual([]);
    const svg = b64('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M12 2 555 123 4567"/></svg>');
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), bytes(64)]).toString('base64');
    expect(readable(`<img src="data:image/svg+xml;base64,${svg}"><img src="data:image/png;base64,${png}">`).decoded).toEqual([]);
    // The same SVG outside a data: URL is text, and decoded.
    expect(readable(`payload ${svg}`).decoded).toHaveLength(1);
  });

  it('leaves long words, paths, identifiers and minified code undecoded', () => {
    const text = [
      'microcrystalline internationalization antidisestablishmentarianism',
      '/usr/local/lib/node_modules/abort-controller/dist/index.js io/npm/v/abort-controller',
      'getElementsByTagName querySelectorAll XMLHttpRequestEventTarget',
      '!function(e,t){"object"==typeof exports&&"undefined"!=typeof module?module.exports=t():e.ReactDOMServer=t()}(this,function(){return 42});',
      'AKIAIOSFODNN7EXAMPLE wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    ].join('\n');
    expect(readable(text).decoded).toEqual([]);
  });

  it('does not decode lines of a key block, but does decode a block that is no key', () => {
    // "b2stUHJvLmxvY2Fs" is base64 of "ok-Pro.local": a line of a real key that happens to be printable.
    const key = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\nb2stUHJvLmxvY2Fs\n-----END OPENSSH PRIVATE KEY-----';
    expect(readable(key).decoded).toEqual([]);
    const note = `-----BEGIN NOTE-----\n${b64(RECORD)}\n-----END NOTE-----`;
    expect(ssns(note)).toHaveLength(1);
  });

  it('says what counts as text: printable, mostly letters, digits and spaces, at least 8 characters', () => {
    expect(isText('SSN 219-09-9999')).toBe(true);
    expect(isText('{"ssn":"219-09-9999"}')).toBe(true);
    expect(isText('Grüße, 東京')).toBe(true);
    expect(isText('short')).toBe(false);
    expect(isText('a\u0000b\u0001cdefgh')).toBe(false);
    expect(isText('#$%&*()!@#$%^&*a')).toBe(false);
    expect(isText('abc\ufffddefghij')).toBe(false);
  });
});
