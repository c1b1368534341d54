import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/core/detect/engine';
import { lineKind, sourceCodeDetectors } from '../../../src/core/detect/detectors/ip/source-code';

const engine = new Engine(sourceCodeDetectors);
const blocks = (text: string): string[] => engine.scan(text).findings.map((f) => text.slice(f.start, f.end));
/** The kind of the first line of `text`, trimmed as the detector trims it (String.prototype.trim). */
const kindOfFirstLine = (text: string): string => {
  const line = text.split('\n')[0]!;
  const s = line.length - line.trimStart().length;
  return lineKind(text, s, s + line.trim().length);
};

describe('source code lines, read in place', () => {
  it('reads each test within the trimmed line: nothing on the next line counts', () => {
    expect(kindOfFirstLine('total =\n  5 apples')).toBe('prose');
    expect(kindOfFirstLine('total = 5\n')).toBe('code');
    expect(kindOfFirstLine('  <div\nclass')).toBe('code');
    expect(kindOfFirstLine('return\nNone')).toBe('code');
    expect(kindOfFirstLine('GROUP\nBY x (y)')).toBe('prose');
    expect(kindOfFirstLine('if x\n(y);')).toBe('prose');
    expect(kindOfFirstLine('f(a)\n;')).toBe('code');
    expect(kindOfFirstLine('a (b)\n{')).toBe('prose');
    expect(kindOfFirstLine('   \t\n x = 1;')).toBe('neutral');
    expect(kindOfFirstLine('# a comment (x = 1)\n')).toBe('neutral');
    expect(kindOfFirstLine('#include <stdio.h>')).toBe('code');
    expect(kindOfFirstLine('});\r\n')).toBe('code');
  });

  it('trims lines as String.prototype.trim does: CR, tabs, no-break and ideographic spaces', () => {
    const code = ['\u00a0import os\r', '\u3000def f(x):\r', '\t  y = x + 1\u00a0\r', '    return y\r', '\ufeffprint(f(2))\u2003\r', ''].join('\n');
    expect(blocks(`Look:\n${code}thanks`)).toEqual([code.slice(1, code.length - 3)]);
  });

  it('spans a fenced block from its opening fence to the end of its closing one', () => {
    const text = 'Here:\n  ```sh  \nmake\n./run\n./check\n  ```  \nok';
    expect(blocks(text)).toEqual(['```sh  \nmake\n./run\n./check\n  ```']);
  });
});
