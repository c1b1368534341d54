import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/core/detect';
import { colonLines, digitsAt } from '../../../src/core/detect/detectors/secrets/files-parse';
import { fileCredentials } from '../../../src/core/detect/detectors/secrets/files';

// The colon-separated line formats try their patterns only on lines whose shape after the first colon fits:
// these lines fit only through the rarer parts of each format (escapes, "*", blanks, line ends).
const engine = new Engine(fileCredentials.filter((d) => ['secret.pgpass', 'secret.htpasswd-des', 'secret.ntlm-hash'].includes(d.id)));
const found = (text: string): [string, string][] => engine.scan(text).findings.map((f) => [f.detector, text.slice(f.start, f.end)]);

describe('colon-separated lines', () => {
  it('lists each line that holds a colon with its first colon', () => {
    expect(colonLines('a\nb:c:d\n\ne f:g\nh')).toEqual({ starts: [2, 9], colons: [3, 12] });
    expect(colonLines(':')).toEqual({ starts: [0], colons: [0] });
    expect(colonLines('no colon\nat all')).toEqual({ starts: [], colons: [] });
  });

  it('reads runs of digits of a bounded length', () => {
    expect(digitsAt('x:5432:', 2, 5)).toBe(6);
    expect(digitsAt('x:543210:', 2, 5)).toBe(-1);
    expect(digitsAt('x::', 2, 5)).toBe(-1);
  });

  it('finds pgpass lines whose port is "*", after blanks, before CR, with escapes in the password', () => {
    expect(found('  db:*:orders:app:Hq7#kL2pVz9  \r\n10.0.3.17:6432:billing:billing_ro:Rb8m\\:Zq2x')).toEqual([['secret.pgpass', 'Hq7#kL2pVz9'], ['secret.pgpass', 'Rb8m\\:Zq2x']]);
    // A port of six digits, an empty database, a time of day before the fields.
    expect(found('db:543210:orders:app:Hq7#kL2pVz9\ndb:5432::app:Hq7#kL2pVz9\n12:30:45 db:5432:x:y:Hq7#kL2pVz9')).toEqual([]);
  });

  it('finds DES crypt and pwdump lines at the end of a text, after blanks and before CR', () => {
    expect(found('  webadmin:rX4pQ9zLm2TcE\r\nguest:Lk3v8Q.mZp1ns')).toEqual([['secret.htpasswd-des', 'rX4pQ9zLm2TcE'], ['secret.htpasswd-des', 'Lk3v8Q.mZp1ns']]);
    expect(found('guest:Lk3v8Q.mZp1nsX\nguest:Lk3v8Q.mZp1n')).toEqual([]);
    expect(found('Administrator:500:AAD3B435B51404EEAAD3B435B51404EE:8846F7EAEE8FB117AD06BDD830B7586C:::')).toEqual([['secret.ntlm-hash', 'AAD3B435B51404EEAAD3B435B51404EE:8846F7EAEE8FB117AD06BDD830B7586C']]);
    expect(found('Administrator:50000000000:aad3b435b51404eeaad3b435b51404ee:8846f7eaee8fb117ad06bdd830b7586c:::')).toEqual([]);
  });
});
