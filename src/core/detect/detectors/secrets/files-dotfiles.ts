import { classOf, SPACE } from '../../tokens';
import type { Candidate, Detector, Verdict } from '../../types';
import { digitsAt, fillIn, fromBase64, lineAround, lineMatches, positionsOf, printable, type LinePattern } from './files-parse';

/** No value: empty, a template or variable, a fill-in word (files-parse.ts). */
export const unset = (v: string): boolean => !v || fillIn(v);

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/** One netrc token from `i`: a run of non-space characters, or a "quoted" string (curl's netrc reader). */
function netrcToken(text: string, i: number, limit: number): { start: number; end: number; next: number } | undefined {
  while (i < limit && isSpace(text.charCodeAt(i))) i++;
  if (i >= limit) return undefined;
  if (text.charCodeAt(i) === 34) {
    let j = i + 1;
    while (j < limit && text.charCodeAt(j) !== 34 && text.charCodeAt(j) !== 10) j += text.charCodeAt(j) === 92 ? 2 : 1;
    if (j >= limit || text.charCodeAt(j) !== 34) return undefined;
    return { start: i + 1, end: j, next: j + 1 };
  }
  let j = i;
  while (j < limit && !isSpace(text.charCodeAt(j))) j++;
  return { start: i, end: j, next: j };
}

const NETRC_VALUE_KEYS = new Set(['login', 'password', 'account', 'port']);
const NETRC_KEYS = new Set([...NETRC_VALUE_KEYS, 'machine', 'default', 'macdef']);

/**
 * netrc(5) and Windows' _netrc: "machine HOST login USER password PASS" (any whitespace between tokens, one
 * entry per line or spread over several, "default" entries too). An entry is read token by token from its
 * "machine" or "default": every token must be a netrc keyword followed by its value, so prose that happens to
 * say "machine" and "password" is not an entry.
 */
const netrc: Detector = {
  id: 'secret.netrc',
  type: 'SECRET',
  category: 'secret',
  description: 'Password in a .netrc or _netrc entry',
  keywords: ['password'],
  anchors: ['machine', 'default'],
  find: (text, lower, anchors) => {
    const out: Candidate[] = [];
    const starts = positionsOf(text, lower, anchors, ['machine', 'default']);
    let after = 0;
    for (const i of starts) {
      if (i < after || (i > 0 && !isSpace(text.charCodeAt(i - 1)) && text.charCodeAt(i - 1) !== 34 && text.charCodeAt(i - 1) !== 39)) continue;
      const isDefault = text.startsWith('default', i) || text.startsWith('DEFAULT', i);
      let pos = i + 7; // "machine" and "default" have the same length
      if (pos < text.length && !isSpace(text.charCodeAt(pos))) continue;
      const limit = Math.min(text.length, i + 1024);
      let host: ReturnType<typeof netrcToken>;
      if (!isDefault) {
        host = netrcToken(text, pos, limit);
        if (!host || NETRC_KEYS.has(text.slice(host.start, host.end)) || !/^[A-Za-z0-9._:[\]%@-]{1,253}$/.test(text.slice(host.start, host.end))) continue;
        pos = host.next;
      }
      let login: boolean | 'anonymous' = false, clean = true;
      let user: { start: number; end: number } | undefined;
      let password: { start: number; end: number } | undefined;
      let last = -1;
      for (let pairs = 0; pairs < 8; pairs++) {
        const key = netrcToken(text, pos, limit);
        if (!key) break;
        const k = text.slice(key.start, key.end);
        if (k.startsWith('#')) {
          pos = text.indexOf('\n', key.start);
          if (pos < 0 || pos > limit) break;
          continue;
        }
        if (!NETRC_VALUE_KEYS.has(k)) {
          // An entry ends at the next entry or at the end of its line: a sentence goes on with other words.
          // (or at the quote that closes an echoed entry: echo "machine h login u password p" > ~/.netrc).
          clean = NETRC_KEYS.has(k) || text.slice(pos, key.start).includes('\n') || last === 34 || last === 39;
          break;
        }
        const value = netrcToken(text, key.next, limit);
        if (!value) break;
        if (k === 'login') {
          login = !/^(?:anonymous|ftp)$/i.test(text.slice(value.start, value.end)) || 'anonymous';
          user = value;
        }
        if (k === 'password') password = value;
        pos = value.next;
        last = text.charCodeAt(value.end - 1);
      }
      after = pos;
      // Anonymous FTP asks for an e-mail address as the password: no secret.
      // A login makes the entry: "machine example.com password 123456" alone is how manuals and change logs
      // quote the syntax.
      if (!password || !clean || login !== true) continue;
      const start = password.start;
      let end = password.end;
      // A netrc line echoed from a shell command: "... password s3cr3t" > ~/.netrc
      const first = text.charCodeAt(start), final = text.charCodeAt(end - 1);
      if ((final === 34 || final === 39) && first !== final) end--;
      const value = text.slice(start, end);
      if (!value || unset(value)) continue;
      const score = value.length >= 4 ? 0.9 : 0.7;
      out.push({ start, end, score, why: [`netrc ${isDefault ? 'default' : 'machine'} entry with login and password (${score})`] });
      // The login and the machine belong to the credential: on the password's line, each is reported with it.
      const sameLine = (t: { end: number }) => !text.slice(t.end, start).includes('\n');
      if (user && sameLine(user)) out.push({ start: user.start, end: user.end, score: 0.7, why: ['login of a netrc entry with a password (0.7)'] });
      if (host && sameLine(host)) out.push({ start: host.start, end: host.end, score: 0.7, why: ['machine of a netrc entry with a password (0.7)'] });
      if (out.length > 2000) break;
    }
    return out;
  },
  examples: {
    match: [
      { text: 'machine api.example.net login deploy password Wq7!zP3rLk', value: 'Wq7!zP3rLk' },
      { text: 'machine git.internal.example\n  login ci-bot\n  password 8fK2mQ9xLp\n\ndefault login anonymous password guest@\n', value: '8fK2mQ9xLp' },
      { text: 'default login ftpuser password Zr4tLm8q', value: 'Zr4tLm8q' },
    ],
    noMatch: [
      'machine api.example.net login myuser password mypassword',
      'machine example.com login USER password ${NETRC_PASSWORD}',
      'The build machine asks for a login and a password every morning.',
      'Use the machine learning login password to sign in.',
      'The default password for the user "kim" is "Zr4tLm8q".',
      'the default login password is shown on the machine label',
    ],
  },
};


const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/;
const HOSTNAME = /^(?=[^.]*[A-Za-z])[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*\.?$/;

/** The five fields of a pgpass line, split at colons that are not escaped. */
function pgpassFields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\' && i + 1 < line.length) cur += line[++i];
    else if (c === ':') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

const PGPASS_LINE: LinePattern[] = [{
  name: 'pgpass-line',
  regex: /[ \t]{0,8}(?:[^\s:#\\]|\\.){1,253}:(?:\d{1,5}|\*):(?:[^\s:\\]|\\.){1,128}:(?:[^\s:\\]|\\.){1,128}:((?:[^\s:\\]|\\.){1,256})[ \t]{0,8}\r?$/ymd,
  score: 0.8,
  group: 1,
}];

/**
 * What a pgpass line has after its host's colon (the line's first, unless a backslash escapes it: then the
 * pattern decides): a port ("*" or digits), a colon, a database name without blanks and its colon.
 */
function pgpassShaped(text: string, colon: number): boolean {
  if (text.charCodeAt(colon - 1) === 92) return true;
  const port = text.charCodeAt(colon + 1) === 42 ? colon + 2 : digitsAt(text, colon + 1, 5);
  if (port < 0 || text.charCodeAt(port) !== 58) return false;
  for (let i = port + 1; ; i++) {
    const c = text.charCodeAt(i);
    if (c === 58) return i > port + 1;
    if (c === 92) return true;
    if (Number.isNaN(c) || (classOf(c) & SPACE) !== 0) return false;
  }
}

/**
 * PostgreSQL's password file (~/.pgpass, %APPDATA%\postgresql\pgpass.conf): lines of exactly
 * hostname:port:database:username:password, "*" for any field but the password, "\:" and "\\" escaped.
 * The host must be a host name, an address, "*" or a socket directory, and the port digits or "*".
 */
const pgpass: Detector = {
  id: 'secret.pgpass',
  type: 'SECRET',
  category: 'secret',
  description: 'Password in a PostgreSQL .pgpass line',
  // No keyword marks a pgpass file: the pattern is tried at the start of each line that holds a colon.
  find: (text) => lineMatches(text, PGPASS_LINE, pgpassShaped),
  validate: (value, text, start): Verdict => {
    const line = lineAround(text, start, 1024);
    if (!line) return false;
    const [host, port, db, user, password] = pgpassFields(text.slice(line[0], line[1]).trim());
    if (password === undefined) return false;
    if (!(host === '*' || host === 'localhost' || IPV4.test(host!) || HOSTNAME.test(host!) || /^\/[\w./-]{1,200}$/.test(host!))) return false;
    if (port !== '*' && (Number(port) < 1 || Number(port) > 65535)) return false;
    // An IPv6 address or a MAC address has the same colons.
    if ([host, port, db, user, password].every((f) => /^[0-9a-f]{1,4}$/i.test(f!))) return false;
    if (!/^[\w.$*@-]{1,128}$/.test(db!) || !/^[\w.$*@-]{1,128}$/.test(user!)) return false;
    if (password.length < 3 || unset(password) || /^\d{1,4}$/.test(password)) return false;
    void value;
    return undefined;
  },
  context: { words: ['pgpass', 'postgres', 'postgresql', 'psql', 'pgpassfile'], boost: 0.1 },
  examples: {
    match: [
      { text: 'localhost:5432:orders:app_rw:Hq7#kL2pVz9\n', value: 'Hq7#kL2pVz9' },
      { text: 'db-prod.internal.example:*:*:reporting:s3cr\\:et!42', value: 's3cr\\:et!42' },
      { text: '# pgpass\n*:*:*:postgres:Pg4dm1n!2024\n10.0.3.17:6432:billing:billing_ro:Rb8mZq2x\n', value: 'Rb8mZq2x' },
    ],
    noMatch: ['a:b:c:d:e', 'ratio 1:2:3:4:5', 'fe80:1:2:3:abcd', 'localhost:5432:db:user:${PGPASSWORD}', '12:30:45:00:error', 'see host:port:db:user:password in the docs'],
  },
};

/** "user:password" in a decoded Docker auth field. */
function userPassword(decoded: string | undefined): boolean {
  if (!decoded || !printable(decoded)) return false;
  const m = /^([^:\s]{1,256}):([^]{1,1024})$/.exec(decoded);
  return Boolean(m && !unset(m[2]!) && !fillIn(m[1]!));
}

/**
 * Docker's ~/.docker/config.json and the older ~/.dockercfg: "auth" is base64 of "user:password". Also a
 * Kubernetes secret's .dockerconfigjson / .dockercfg field, base64 of a whole config that holds such auths.
 */
const dockerAuth: Detector = {
  id: 'secret.docker-auth',
  type: 'SECRET',
  category: 'secret',
  description: 'Docker registry credentials (config.json or .dockercfg auth: base64 of user:password)',
  keywords: ['"auth"', '.dockerconfigjson', '.dockercfg'],
  window: { before: 64, after: 12500 },
  patterns: [
    { name: 'docker-auth', regex: /"auth"\s{0,8}:\s{0,8}"([A-Za-z0-9+/]{8,1400}={0,2})"/g, score: 0.9, group: 1 },
    { name: 'docker-config-secret', regex: /\.docker(?:configjson|cfg)["']?\s{0,8}:\s{0,8}["']?([A-Za-z0-9+/]{24,12000}={0,2})(?![A-Za-z0-9+/=])/g, score: 0.9, group: 1 },
  ],
  validate: (v) => {
    const decoded = fromBase64(v);
    if (decoded?.startsWith('{')) {
      const auths = [...decoded.slice(0, 12000).matchAll(/"auth"\s{0,8}:\s{0,8}"([A-Za-z0-9+/]{8,1400}={0,2})"/g)].slice(0, 16);
      return auths.some((m) => userPassword(fromBase64(m[1]!))) ? { score: 0.95, note: 'base64 config holds an auth that decodes to user:password' } : false;
    }
    return userPassword(decoded) ? { score: 0.95, note: 'decodes to user:password' } : false;
  },
  examples: {
    match: [
      // base64 of "ci-robot:Zq8#Lm2vPx7k"
      { text: '{\n  "auths": {\n    "registry.example.com": {\n      "auth": "Y2ktcm9ib3Q6WnE4I0xtMnZQeDdr"\n    }\n  }\n}', value: 'Y2ktcm9ib3Q6WnE4I0xtMnZQeDdr' },
      { text: `data:\n  .dockerconfigjson: ${btoa('{"auths":{"ghcr.io":{"auth":"Y2ktcm9ib3Q6WnE4I0xtMnZQeDdr"}}}')}\n`, value: btoa('{"auths":{"ghcr.io":{"auth":"Y2ktcm9ib3Q6WnE4I0xtMnZQeDdr"}}}') },
    ],
    noMatch: [
      // base64 of "just-a-user-name" (no colon) and of "user:${PASSWORD}"
      '{"auths": {"r.example.com": {"auth": "anVzdC1hLXVzZXItbmFtZQ=="}}}',
      '{"auths": {"r.example.com": {"auth": "dXNlcjoke1BBU1NXT1JEfQ=="}}}',
      '{"auth": "required"}',
    ],
  },
};

/**
 * PuTTY's private key files (.ppk, versions 2 and 3): the whole key block, from the PuTTY-User-Key-File line
 * through the Private-Lines and the Private-MAC. An encrypted key is still reported (it can be attacked
 * offline); the explanation says which it is.
 */
const puttyKey: Detector = {
  id: 'secret.putty-private-key',
  type: 'SECRET',
  category: 'secret',
  description: 'PuTTY private key file (.ppk)',
  keywords: ['putty-user-key-file-'],
  anchors: ['putty-user-key-file-'],
  find: (text, lower, anchors) => {
    const out: Candidate[] = [];
    let after = 0;
    for (const i of positionsOf(text, lower, anchors, ['putty-user-key-file-'])) {
      if (i < after) continue;
      const first = lineAround(text, i, 256);
      if (!first || !/^PuTTY-User-Key-File-[23]: [\w@.-]{3,64}\s*$/.test(text.slice(i, first[1]))) continue;
      let pos = first[1], encrypted = false, end = -1, privateChars = 0;
      const next = (): [number, number] | undefined => {
        const nl = text.indexOf('\n', pos);
        if (nl < 0 || nl - pos > 512) return undefined;
        const line = lineAround(text, nl + 1, 256);
        if (line) pos = line[1];
        return line;
      };
      for (let n = 0; n < 64; n++) {
        const line = next();
        if (!line) break;
        const s = text.slice(line[0], line[1]);
        if (/^Encryption: /.test(s)) encrypted = !/^Encryption: none\s*$/.test(s);
        const priv = /^Private-Lines: (\d{1,3})\s*$/.exec(s);
        if (!priv) {
          if (/^[A-Za-z][\w-]{0,40}: /.test(s) || /^[A-Za-z0-9+/=]{1,128}$/.test(s)) continue;
          break;
        }
        let k = 0;
        for (; k < Number(priv[1]); k++) {
          const l = next();
          if (!l || !/^[A-Za-z0-9+/=]{1,128}\s*$/.test(text.slice(l[0], l[1]))) break;
          privateChars += l[1] - l[0];
          end = l[1];
        }
        if (k < Number(priv[1])) end = -1;
        const mac = end > 0 ? next() : undefined;
        if (mac && /^Private-(?:MAC|Hash): [0-9a-fA-F]{40,128}\s*$/.test(text.slice(mac[0], mac[1]))) end = mac[1];
        break;
      }
      after = pos;
      if (end < 0 || privateChars < 40) continue;
      out.push({ start: i, end, score: 0.95, why: [`PuTTY key file, ${encrypted ? 'encrypted' : 'unencrypted'} private lines (0.95)`] });
    }
    return out;
  },
  examples: {
    match: [{
      text: [
        'PuTTY-User-Key-File-2: ssh-rsa', 'Encryption: none', 'Comment: rsa-key-20240101', 'Public-Lines: 2',
        'AAAAB3NzaC1yc2EAAAABJQAAAQEAq3Lm8Vd2Kp9Qz4Tn7Wx1Rb5Yc0Fg6Hj3Mk8Np2Qs', 'Vd2Kp9Qz4Tn7Wx1Rb5Yc0Fg6Hj3Mk8Np2Qs5Uv',
        'Private-Lines: 2', 'AAABAQCm4Tn7Wx1Rb5Yc0Fg6Hj3Mk8Np2Qs5UvVd2Kp9Qz4Tn7Wx1Rb5Yc0Fg6Hj3Mk8Np', 'Qz4Tn7Wx1Rb5Yc0Fg6Hj3Mk8Np2Qs5Uv==',
        'Private-MAC: 5f2a9c7e1b3d4f6a8c0e2b4d6f8a0c2e4b6d8f0a',
      ].join('\n'),
    }],
    noMatch: ['PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\nComment: example\nPrivate-Lines: 1\n...\n', 'Open the PuTTY-User-Key-File-3 format docs'],
  },
};

/** A Rails master key: 32 lower-case hex digits (SecureRandom.hex(16)), the whole config/master.key. */
const HEX32 = /(?<![0-9A-Za-z])[0-9a-f]{32}(?![0-9A-Za-z])/g;
const keyLike = (v: string): boolean => /[0-9]/.test(v) && /[a-f]/.test(v) && !/^(.)\1+$/.test(v);

const railsMasterKey: Detector = {
  id: 'secret.rails-master-key',
  type: 'SECRET',
  category: 'secret',
  description: 'Rails master key (config/master.key, RAILS_MASTER_KEY)',
  // No keyword: a master.key file is the key alone. Near "master.key" or "master_key" the key is a whole line
  // or stands on the same line.
  anchors: ['master.key', 'master_key'],
  find: (text, lower, anchors) => {
    const out: Candidate[] = [];
    if (text.length <= 80) {
      const m = /^\s*([0-9a-f]{32})\s*$/.exec(text);
      if (m && keyLike(m[1]!)) {
        const start = text.indexOf(m[1]!);
        out.push({ start, end: start + 32, score: 0.7, why: ['the whole text is 32 hex digits, a Rails master.key (0.7)'] });
      }
    }
    let after = 0;
    for (const i of positionsOf(text, lower, anchors, ['master.key', 'master_key'], 512)) {
      const from = Math.max(after, i - 200), to = Math.min(text.length, i + 400);
      if (from >= to) continue;
      const anchorLine = lineAround(text, i, 512);
      HEX32.lastIndex = 0;
      const part = text.slice(from, to);
      for (let m = HEX32.exec(part); m; m = HEX32.exec(part)) {
        const start = from + m.index, end = start + 32;
        const line = lineAround(text, start, 256);
        const whole = line && text.slice(line[0], line[1]).trim() === m[0];
        // On the anchor's line, the key is what is assigned to it or written to the file.
        const sameLine = anchorLine && start >= anchorLine[0] && end <= anchorLine[1] &&
          (/master[._]key\w{0,8}["']?\s{0,4}[:=]\s{0,4}["']?$/i.test(text.slice(Math.max(anchorLine[0], start - 48), start)) ||
            /^["']?\s{0,4}>{1,2}\s{0,4}\S{0,200}master\.key/i.test(text.slice(end, anchorLine[1])));
        if ((whole || sameLine) && keyLike(m[0]) && !out.some((c) => c.start === start))
          out.push({ start, end, score: 0.9, why: [`32 hex digits ${whole ? 'on a line of their own' : 'on the line'} near master.key (0.9)`] });
      }
      after = to;
    }
    return out;
  },
  examples: {
    match: [
      { text: '4f1d9c2a7b3e8d05f6a1c9e2b7d4a083\n', value: '4f1d9c2a7b3e8d05f6a1c9e2b7d4a083' },
      { text: 'RAILS_MASTER_KEY=9b2e7c4a1f8d3e06a5c2b9f1e7d4a3c8', value: '9b2e7c4a1f8d3e06a5c2b9f1e7d4a3c8' },
      { text: '$ cat config/master.key\n0c8e2f9a4b7d1e36c5a8f2b9e1d7c4a6\n', value: '0c8e2f9a4b7d1e36c5a8f2b9e1d7c4a6' },
    ],
    noMatch: [
      'md5 4f1d9c2a7b3e8d05f6a1c9e2b7d4a083 of the release tarball, see master.key docs elsewhere in the text for more',
      'commit 4f1d9c2a7b3e8d05f6a1c9e2b7d4a083aa',
      'RAILS_MASTER_KEY: ${{ secrets.RAILS_MASTER_KEY }}',
    ],
  },
};

/**
 * npm's .npmrc basic auth: `_auth` is base64 of user:password and `_password` base64 of the password
 * (`_authToken` is a provider token, found elsewhere).
 */
const npmrcAuth: Detector = {
  id: 'secret.npmrc-auth',
  type: 'SECRET',
  category: 'secret',
  description: 'npm basic auth in an .npmrc (_auth or _password, base64)',
  keywords: ['_auth', '_password'],
  patterns: [{ name: 'npmrc-auth', regex: /(?<![^\s:])(_auth|_password)\s{0,4}=\s{0,4}["']?([A-Za-z0-9+/]{4,1400}={0,2})(?![A-Za-z0-9+/=])/gd, score: 0.9, group: 2 }],
  validate: (v, text, start) => {
    const decoded = fromBase64(v);
    if (text.slice(Math.max(0, start - 16), start).includes('_auth')) return userPassword(decoded) ? { score: 0.95, note: 'decodes to user:password' } : false;
    return decoded && printable(decoded) && !unset(decoded) && decoded.length >= 3 ? { score: 0.9, note: 'decodes to a password' } : false;
  },
  examples: {
    match: [
      { text: '//registry.example.org/:_auth=Y2ktcm9ib3Q6WnE4I0xtMnZQeDdr', value: 'Y2ktcm9ib3Q6WnE4I0xtMnZQeDdr' },
      // base64 of "Zq8#Lm2vPx7k"
      { text: '//npm.example.net/:username=kim\n//npm.example.net/:_password="WnE4I0xtMnZQeDdr"', value: 'WnE4I0xtMnZQeDdr' },
    ],
    noMatch: ['_auth=${NPM_AUTH}', '//registry.example.org/:_password=cGFzc3dvcmQ=', 'this._password = password;'],
  },
};

/** A component of an S-expression key: "(d #00A1...#)". */
const SEXP_SECRET = /\((?:d|x)\s{1,4}#[0-9A-Fa-f]{32,2100}#\)/;

/**
 * Private keys as S-expressions: libgcrypt's "(private-key (rsa|dsa|ecc ...))", which Pidgin's OTR plug-in
 * keeps in otr.private_key and GnuPG in private-keys-v1.d (also "Key: (private-key ...)" of its extended
 * format). The span is the whole "(private-key ...)" expression; it must hold a private component (d or x).
 */
const sexpKey: Detector = {
  id: 'secret.sexp-private-key',
  type: 'SECRET',
  category: 'secret',
  description: 'Private key as an S-expression (OTR otr.private_key, GnuPG private-keys-v1.d)',
  keywords: ['(private-key'],
  anchors: ['(private-key'],
  find: (text, lower, anchors) => {
    const out: Candidate[] = [];
    let after = 0;
    for (const i of positionsOf(text, lower, anchors, ['(private-key'])) {
      if (i < after) continue;
      // The matching parenthesis, within 12 KB (a 4096-bit RSA key is about 3 KB of hex).
      let depth = 0, end = -1;
      const limit = Math.min(text.length, i + 12288);
      for (let j = i; j < limit; j++) {
        const c = text.charCodeAt(j);
        if (c === 40) depth++;
        else if (c === 41 && --depth === 0) {
          end = j + 1;
          break;
        }
      }
      // Unbalanced: no anchor in the stretch already read starts a key either (keeps the work linear).
      after = end > 0 ? end : limit;
      if (end < 0 || !SEXP_SECRET.test(text.slice(i, end))) continue;
      out.push({ start: i, end, score: 0.95, why: ['S-expression private key with a private component (0.95)'] });
    }
    return out;
  },
  examples: {
    match: [{
      text: `(privkeys\n (account\n(name "kim@example.org/laptop")\n(protocol prpl-jabber)\n(private-key \n (dsa \n  (p #00${'C4F1A9'.repeat(20)}#)\n  (q #00${'9B3E'.repeat(10)}#)\n  (g #${'5A7D'.repeat(30)}#)\n  (y #${'2E8C'.repeat(30)}#)\n  (x #${'7F1B3D'.repeat(7)}#)\n  )\n )\n )\n)`,
      value: `(private-key \n (dsa \n  (p #00${'C4F1A9'.repeat(20)}#)\n  (q #00${'9B3E'.repeat(10)}#)\n  (g #${'5A7D'.repeat(30)}#)\n  (y #${'2E8C'.repeat(30)}#)\n  (x #${'7F1B3D'.repeat(7)}#)\n  )\n )`,
    }],
    noMatch: ['(public-key (rsa (n #00C4F1A9C4F1A9C4F1A9C4F1A9C4F1A9C4F1A9#) (e #010001#)))', '(private-key (rsa (n #00AB#) (e #010001#)))'],
  },
};

/** Key lines only msmtp's configuration has: "account work", "tls_trust_file ...", "auth on", "logfile ...". */
const MSMTP_OWN_KEY = /^[ \t]{0,8}(?:account[ \t]{1,32}\S|tls_\w{1,20}[ \t]{1,32}\S|auth[ \t]{1,32}(?:on|off|plain|login|cram-md5|scram-sha-1|xoauth2|oauthbearer|external|gssapi|ntlm)\b|logfile[ \t]{1,32}\S)/m;
/** Key lines it shares with other formats. */
const MSMTP_KEY = /^[ \t]{0,8}(?:host|port|from|user|tls|protocol|domain)[ \t]{1,32}\S/gm;

/**
 * Space-separated configuration lines "password VALUE": msmtp's ~/.msmtprc (and its system-wide msmtprc),
 * recognised by the msmtp keys around the line (account, host, user, auth, tls...), two at least.
 * "passwordeval" runs a command and holds no secret.
 */
const msmtprc: Detector = {
  id: 'secret.msmtprc',
  type: 'SECRET',
  category: 'secret',
  description: 'Password line of an msmtp configuration (.msmtprc)',
  keywords: ['password'],
  anchors: ['password'],
  find: (text, lower, anchors) => {
    const out: Candidate[] = [];
    for (const i of positionsOf(text, lower, anchors, ['password'], 512)) {
      const line = lineAround(text, i, 512);
      if (!line || !/^[ \t]*$/.test(text.slice(line[0], i))) continue;
      // One token, or a quoted string: "password required pam_deny.so" is another format.
      const m = /^password[ \t]{1,32}(?:"([^"\r\n]{1,256})"|([^\s"]{1,256}))[ \t]*$/.exec(text.slice(i, line[1]));
      const v = m?.[1] ?? m?.[2];
      if (!m || !v || unset(v)) continue;
      const around = text.slice(Math.max(0, line[0] - 1000), Math.min(text.length, line[1] + 1000));
      if (!MSMTP_OWN_KEY.test(around) || (around.match(MSMTP_KEY) ?? []).length < 1) continue;
      const start = i + m[0].indexOf(v, 8);
      out.push({ start, end: start + v.length, score: 0.9, why: ['password line among msmtp configuration keys (0.9)'] });
    }
    return out;
  },
  examples: {
    match: [{ text: 'defaults\ntls on\naccount work\nhost smtp.example.org\nport 587\nuser kim@example.org\npassword Zq8#mL2pVx\n', value: 'Zq8#mL2pVx' }],
    noMatch: ['account work\nhost smtp.example.org\npasswordeval "pass show mail"\n', 'password Zq8#mL2pVx\n', 'auth required pam_unix.so\npassword required pam_deny.so\nhost x\n', 'host = a\nuser kim\npassword Zq8#mL2pVx\n', 'account work\nhost smtp.example.org\npassword ${SMTP_PASSWORD}\n'],
  },
};

/**
 * Subversion's cached credentials (~/.subversion/auth/svn.simple/<hash>): a hash dump of "K <length>" keys and
 * "V <length>" values; the value after the key "password" is the password, of exactly its stated length.
 */
const svnSimple: Detector = {
  id: 'secret.svn-cached-password',
  type: 'SECRET',
  category: 'secret',
  description: 'Password cached by Subversion (auth/svn.simple)',
  keywords: ['password'],
  anchors: ['password'],
  find: (text, lower, anchors) => {
    const out: Candidate[] = [];
    const value = /\r?\nV (\d{1,4})\r?\n/y;
    for (const i of positionsOf(text, lower, anchors, ['password'], 512)) {
      if (!/K 8\r?\n$/.test(text.slice(Math.max(0, i - 5), i))) continue;
      value.lastIndex = i + 8;
      const m = value.exec(text);
      if (!m) continue;
      const start = value.lastIndex, end = start + Number(m[1]);
      if (end > text.length || !/^\r?\n/.test(text.slice(end, end + 2)) || end === start) continue;
      if (unset(text.slice(start, end))) continue;
      out.push({ start, end, score: 0.95, why: ['svn.simple credential cache: value of the key "password" (0.95)'] });
    }
    return out;
  },
  examples: {
    match: [{ text: 'K 8\npasstype\nV 6\nsimple\nK 8\npassword\nV 10\nZq8#mL2pVx\nK 15\nsvn:realmstring\nV 39\n<https://svn.example.org:443> Subversion\nK 8\nusername\nV 3\nkim\nEND\n', value: 'Zq8#mL2pVx' }],
    noMatch: ['K 8\npassword\nV 12\nshort\nEND\n', 'K 8\npasstype\nV 8\nkeychain\nK 8\nusername\nV 3\nkim\nEND\n'],
  },
};

export const dotfileDetectors: Detector[] = [msmtprc, svnSimple, netrc, pgpass, dockerAuth, npmrcAuth, puttyKey, sexpKey, railsMasterKey];
