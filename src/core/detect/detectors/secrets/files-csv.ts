import type { Candidate, Detector } from '../../types';
import { csvRecord, lineAround, positionsOf } from './files-parse';
import { unset } from './files-dotfiles';

/** The password column of a saved-login export (Chrome, Edge, Firefox, Safari, Bitwarden, LastPass, KeePass...). */
const PASSWORD = /^(?:login[_ ]?)?pass(?:word|wd)$/i;
/** The columns that say whose password it is and where it opens. */
const IDENTITY = /^(?:user(?:[_ ]?name)?|login(?:[_ ](?:name|username|uri|url))?|e-?mail|url|uri|site|web ?site|origin|hostname|host|account|title|name|formactionorigin)$/i;
const HEADER_CELL = /^[A-Za-z][\w .-]{0,40}$/;
const NOT_A_PASSWORD = /^(?:true|false|yes|no|null|none|n\/a|-+|\d{1,3})$/i;
/** A header cell holds the word alone: a delimiter, quote or line edge on each side (checked before any parse). */
function cellAlone(text: string, at: number, length: number): boolean {
  let s = at;
  while (s > 0 && at - s < 12 && /[A-Za-z_ ]/.test(text[s - 1]!)) s--;
  let e = at + length;
  if (text.charCodeAt(s - 1) === 34) s--;
  if (text.charCodeAt(e) === 34) e++;
  const before = s === 0 ? 10 : text.charCodeAt(s - 1), after = e >= text.length ? 10 : text.charCodeAt(e);
  const edge = (c: number): boolean => c === 44 || c === 59 || c === 9 || c === 10 || c === 13;
  return edge(before) && edge(after) && !(before === 10 && after === 10);
}

/** Rows read after one header at most; the chunk bounds the text. */
const MAX_ROWS = 20_000;

/** The delimiter of a header line: the commonest of comma, semicolon and tab. */
function delimiterOf(line: string): number | undefined {
  let best: number | undefined, most = 0;
  for (const d of [44, 59, 9]) {
    let n = 0;
    for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) === d) n++;
    if (n > most) [best, most] = [d, n];
  }
  return best;
}

/**
 * Browsers' and password managers' saved-login exports: a CSV whose header names a password column and a user
 * or site column ("name,url,username,password" from Chrome, "url","username","password","httpRealm",... from
 * Firefox). Each non-empty password cell of the rows under that header is reported.
 * The CSV is read by the small bounded reader of files-parse.ts, not a library: the engine core has no
 * dependencies, and only headers and quoted cells (with "" and line breaks) need handling.
 */
const savedLogins: Detector = {
  id: 'secret.saved-logins-csv',
  type: 'SECRET',
  category: 'secret',
  description: 'Password cells of a saved-login export (CSV with a password column)',
  keywords: ['password', 'passwd'],
  anchors: ['password', 'passwd'],
  find: (text, lower, anchors) => {
    const out: Candidate[] = [];
    let after = 0;
    const hits = positionsOf(text, lower, anchors, ['password', 'passwd']);
    for (const i of hits) {
      if (i < after || !cellAlone(text, i, /^passwd/i.test(text.slice(i, i + 6)) ? 6 : 8)) continue;
      const line = lineAround(text, i, 1024);
      if (!line) continue;
      after = line[1];
      const delim = delimiterOf(text.slice(line[0], line[1]));
      if (delim === undefined) continue;
      const header = csvRecord(text, line[0], delim, 2048, 64);
      if (!header || header.cells.length < 2) continue;
      const names = header.cells.map((c) => c.value.trim());
      if (!names.every((n) => HEADER_CELL.test(n))) continue;
      const column = names.findIndex((n) => PASSWORD.test(n));
      if (column < 0 || !names.some((n) => IDENTITY.test(n))) continue;
      const browser = names.some((n) => /url|uri|origin|site/i.test(n)) && names.some((n) => /user|login|e-?mail/i.test(n));
      const score = browser ? 0.9 : 0.8;
      const why = [`${browser ? 'saved-login export' : 'CSV with a password column'} (${score})`];
      let pos = header.next;
      for (let rows = 0; rows < MAX_ROWS && pos < text.length; rows++) {
        const row = csvRecord(text, pos, delim);
        if (!row || row.cells.length !== names.length) break;
        const cell = row.cells[column]!;
        if (cell.value && !NOT_A_PASSWORD.test(cell.value) && !unset(cell.value) && cell.value.length >= 3)
          out.push({ start: cell.start, end: cell.end, score, why });
        pos = row.next;
      }
      after = Math.max(after, pos);
    }
    return out;
  },
  examples: {
    match: [
      { text: 'name,url,username,password,note\nexample.org,https://example.org/login,kim@example.org,Vq8#mL2pZx,\nshop,https://shop.example/,kim,"pa,ss""w0rd",\n', value: 'Vq8#mL2pZx' },
      { text: '"url","username","password","httpRealm","formActionOrigin","guid","timeCreated","timeLastUsed","timePasswordChanged"\n"https://mail.example.com","lee","Hk3!tR9wQm",,"https://mail.example.com","{5f2a9c7e-1b3d-4f6a-8c0e-2b4d6f8a0c2e}","1700000000000","1700000000000","1700000000000"\n', value: 'Hk3!tR9wQm' },
    ],
    noMatch: [
      'name,email,phone\nKim Lee,kim@example.org,555-0100\n',
      'name,url,username,password\nexample,https://example.org,kim,\n',
      'The password, the user name and the url go in the form.',
      'id,password_changed_at,name\n1,2024-01-01,kim\n',
    ],
  },
};

export const csvDetectors: Detector[] = [savedLogins];
