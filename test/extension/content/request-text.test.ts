// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { textOfRequest } from '../../../src/core/extract/request';
import { formValues } from '../../../src/extension/content/request-text';

describe('a request read as the person who typed it reads it', () => {
  it('unescapes JSON string values (\\uXXXX, \\n) and reads numbers', () => {
    const escaped = '{"note":"SSN \\u0032\\u0031\\u0039-09-9999\\nnext line","mrn":48213377,"tags":["a"]}';
    const text = textOfRequest([{ body: escaped, type: 'application/json' }]);
    expect(text).toContain('SSN 219-09-9999\nnext line');
    expect(text).toContain('48213377');
    expect(text).not.toContain('\\u');
  });

  it('reads JSON sent as text/plain, and JSON inside a JSON string', () => {
    expect(textOfRequest([{ body: '{"variables":"{\\"q\\":\\"219-09-9999\\"}"}', type: 'text/plain' }])).toContain('219-09-9999');
  });

  it('decodes URL-encoded bodies and queries, keys without values included', () => {
    expect(textOfRequest([{ body: 'note=Maria+Gonzalez%2C+SSN+219-09-9999&x=1', type: '' }])).toContain('Maria Gonzalez, SSN 219-09-9999');
    expect(textOfRequest([{ body: '219-09-9999', type: 'application/x-www-form-urlencoded' }])).toContain('219-09-9999');
  });

  it('joins an identifier split over fields, as one send carries them', () => {
    expect(textOfRequest([{ body: '{"a":"219","b":"09","c":"9999"}', type: 'application/json' }]).split('\n')).toContain('219-09-9999');
    expect(textOfRequest([{ field: 'a', value: '219' }, { field: 'b', value: '09' }, { field: 'c', value: '9999' }]).split('\n')).toContain('219-09-9999');
  });

  it('leaves plain text as it is, and survives malformed or deeply nested JSON', () => {
    expect(textOfRequest([{ body: 'Hello there', type: 'text/plain' }])).toBe('Hello there');
    expect(textOfRequest([{ body: '{"broken": ', type: 'application/json' }])).toBe('{"broken":');
    const deep = '['.repeat(5000) + '"219-09-9999"' + ']'.repeat(5000);
    expect(textOfRequest([{ body: deep, type: 'application/json' }])).toBe('219-09-9999');
  });

  it('reads a form by form.elements: a textarea outside it that names it, hidden inputs, checked boxes only', () => {
    document.body.innerHTML = `<form id="f"><input type="hidden" name="h" value="hidden value"><input type="checkbox" name="c" value="off-box"><input type="checkbox" name="d" value="on-box" checked><input type="submit" value="Send"><select name="s"><option value="chosen" selected>x</option></select></form><textarea form="f" name="t">outside text</textarea>`;
    const { values, files } = formValues(document.getElementById('f') as HTMLFormElement);
    expect(values).toEqual(['hidden value', 'on-box', 'chosen', 'outside text']);
    expect(files).toEqual([]);
  });
});
