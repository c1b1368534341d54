import type { Candidate, Detector, Pattern } from '../../types';
import { digitsAt, fillIn, fromBase64, lineAround, lineMatches, positionsOf, sqlTuple, type Cell, type LinePattern } from './files-parse';

/** crypt(3)'s alphabet ("./0-9A-Za-z"); bcrypt uses the same characters in another order. */
const C = '[./0-9A-Za-z]';
/** Not inside a longer run of hash characters. */
const END = '(?![./0-9A-Za-z])';
const p = (name: string, source: string, score = 0.9): Pattern => ({ name, regex: new RegExp(source, 'g'), score });

/**
 * Password hashes by their exact shape (crypt(5), passlib, Django, phpass, LDAP): whoever holds one can try
 * passwords against it offline, so a hash is a credential wherever it stands (shadow and htpasswd files, SQL
 * dumps, fixtures). Each pattern is the scheme's prefix, its parameters and the exact length of its salt and
 * digest in its alphabet.
 */
const cryptHash: Detector = {
  id: 'secret.password-hash',
  type: 'SECRET',
  category: 'secret',
  description: 'Password hash in a crypt, bcrypt, Argon2, PBKDF2, Django, phpass or LDAP format',
  keywords: ['$1$', '$5$', '$6$', '$8$', '$9$', '$krb5asrep$', '$krb5tgs$', '$2a$', '$2b$', '$2x$', '$2y$', '$apr1$', '$y$', '$gy$', '$7$', '$argon2', '$pbkdf2', '$scrypt$', 'pbkdf2_sha', 'sha1$', 'md5$', '$p$', '$h$', '{sha', '{ssha', '{md5}', '{smd5}'],
  window: { before: 16, after: 8600 },
  patterns: [
    p('bcrypt', `\\$2[abxy]?\\$(?:0[4-9]|[12]\\d|3[01])\\$${C}{53}${END}`, 0.95),
    p('sha512-crypt', `\\$6\\$(?:rounds=\\d{1,9}\\$)?${C}{1,16}\\$${C}{86}${END}`, 0.95),
    p('sha256-crypt', `\\$5\\$(?:rounds=\\d{1,9}\\$)?${C}{1,16}\\$${C}{43}${END}`, 0.95),
    p('md5-crypt', `\\$(?:1|apr1)\\$${C}{1,8}\\$${C}{22}${END}`, 0.95),
    p('yescrypt', `\\$g?y\\$${C}{1,32}\\$${C}{1,86}\\$${C}{43}${END}`, 0.95),
    // Cisco IOS type 8 (PBKDF2-SHA256) and type 9 (scrypt): 14 characters of salt, 43 of digest.
    p('cisco-type-8-9', `\\$[89]\\$${C}{14}\\$${C}{43}${END}`, 0.9),
    // Kerberos 5 AS-REP and TGS-REP hashes as hashcat and John print them (roasting output).
    p('kerberos-asrep', `\\$krb5asrep\\$(?:17|18|23)\\$(?:[^\\s$:]{1,256}:)?[0-9a-f]{24,64}\\$[0-9a-f]{64,8192}(?![0-9a-f])`, 0.9),
    p('kerberos-tgs', `\\$krb5tgs\\$(?:17|18|23)\\$(?:\\*[^*\\s]{1,512}\\*\\$)?[0-9a-f]{24,64}\\$[0-9a-f]{64,8192}(?![0-9a-f])`, 0.9),
    p('scrypt-crypt', `\\$7\\$${C}{11,80}\\$${C}{43}${END}`, 0.9),
    p('argon2', `(?<![A-Za-z0-9_])(?:argon2)?\\$argon2(?:id|i|d)\\$(?:v=\\d{1,3}\\$)?m=\\d{1,10},t=\\d{1,10},p=\\d{1,3}\\$[A-Za-z0-9+/]{8,128}\\$[A-Za-z0-9+/]{16,256}(?![A-Za-z0-9+/])`, 0.95),
    p('passlib-pbkdf2', `\\$pbkdf2(?:-sha(?:1|256|512))?\\$\\d{1,8}\\$[./A-Za-z0-9+]{0,128}\\$[./A-Za-z0-9+]{22,172}(?![./A-Za-z0-9+])`, 0.9),
    p('passlib-scrypt', `\\$scrypt\\$ln=\\d{1,2},r=\\d{1,3},p=\\d{1,3}\\$[./A-Za-z0-9+]{8,128}\\$[./A-Za-z0-9+]{22,172}(?![./A-Za-z0-9+])`, 0.9),
    p('django-pbkdf2', `(?<![A-Za-z0-9_$])pbkdf2_sha(?:1|256)\\$\\d{4,8}\\$[A-Za-z0-9./+]{1,128}\\$[A-Za-z0-9+/]{27,86}={0,2}(?![A-Za-z0-9+/=])`, 0.9),
    p('django-legacy', `(?<![A-Za-z0-9_$])(?:sha1|md5)\\$[A-Za-z0-9]{1,32}\\$(?:[0-9a-f]{40}|[0-9a-f]{32})(?![0-9A-Za-z])`, 0.85),
    p('phpass', `\\$[PH]\\$${C}{31}${END}`, 0.9),
    p('ldap-hash', `\\{(?:SSHA512|SSHA256|SSHA|SHA512|SHA256|SHA|SMD5|MD5)\\}[A-Za-z0-9+/]{20,200}={0,2}(?![A-Za-z0-9+/=])`, 0.9),
  ],
  validate: (v) => {
    const ldap = /^\{([A-Z0-9]+)\}(.*)$/.exec(v);
    if (ldap) {
      // {SHA} is exactly a SHA-1 digest; {SSHA} is a digest with a salt after it.
      const bytes = fromBase64(ldap[2]!)?.length ?? 0;
      const scheme = ldap[1]!, digest = scheme.includes('512') ? 64 : scheme.includes('256') ? 32 : scheme.includes('MD5') ? 16 : 20;
      return /^S(?:SHA|MD5)/.test(scheme) ? bytes > digest : bytes === digest;
    }
    // A made-up run of one character ("$1$xxxxxxxx$...") is documentation, not a hash.
    const digest = v.slice(v.lastIndexOf('$') + 1);
    return !/^(.)\1+$/.test(digest) && !/^[.]+$|^x+$/i.test(digest);
  },
  examples: {
    match: [
      { text: 'root:$6$Zq7Lk2Pa$Ck8Bq1D7tTn3s9fW2eXmR5uY0hJ4vG6pL1zN8kM3xQ9aE7cS2bV5rT0yU4iO6wP3lK8jH1gF7dD9sA2qZ5xC0v:19000:0:99999:7:::', value: '$6$Zq7Lk2Pa$Ck8Bq1D7tTn3s9fW2eXmR5uY0hJ4vG6pL1zN8kM3xQ9aE7cS2bV5rT0yU4iO6wP3lK8jH1gF7dD9sA2qZ5xC0v' },
      { text: "INSERT INTO users VALUES (1,'admin','$2y$10$Lq3Vd8nQe5mK2xYp7TcR4uJ0oWbZs9Fh1gA6iN3vC8kD2eL5rM4tO');", value: '$2y$10$Lq3Vd8nQe5mK2xYp7TcR4uJ0oWbZs9Fh1gA6iN3vC8kD2eL5rM4tO' },
      { text: 'deploy:$apr1$Rk3mQ9zL$Tn5Wq8Yb2Xc7Vd1Fg4Hj0.', value: '$apr1$Rk3mQ9zL$Tn5Wq8Yb2Xc7Vd1Fg4Hj0.' },
      { text: 'alice:{SHA}qUqP5cyxm6YcTAhz05Hph5gvu9M=', value: '{SHA}qUqP5cyxm6YcTAhz05Hph5gvu9M=' },
      { text: 'hash = "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzYWx0$RdescudvJCsgt3ub+b+dWRWJTmaaJObG"', value: '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzYWx0$RdescudvJCsgt3ub+b+dWRWJTmaaJObG' },
      { text: 'pbkdf2_sha256$260000$Xq8Lm2Rt5Vw9$kQ3n7Yb1Tc5Vx9Zd2Fg6Hj0Lm4Np8Qs2Uw6Ya0Ce4Gi=', value: 'pbkdf2_sha256$260000$Xq8Lm2Rt5Vw9$kQ3n7Yb1Tc5Vx9Zd2Fg6Hj0Lm4Np8Qs2Uw6Ya0Ce4Gi=' },
      { text: 'bob:$y$j9T$Fq2Lm8Rt5Vw1Xz3Bc7Dn$Kp4Qr8St2Uv6Wx0Yz3Ab7Cd1Ef5Gh9Ij2Kl6Mn0Op4Q:19700:0:99999:7:::', value: '$y$j9T$Fq2Lm8Rt5Vw1Xz3Bc7Dn$Kp4Qr8St2Uv6Wx0Yz3Ab7Cd1Ef5Gh9Ij2Kl6Mn0Op4Q' },
      { text: "(2,'editor','$P$BdK3mQ9zLTn5Wq8Yb2Xc7Vd1Fg4Hj0.')", value: '$P$BdK3mQ9zLTn5Wq8Yb2Xc7Vd1Fg4Hj0.' },
      { text: 'enable secret 8 $8$Rk3mQ9zLTn5Wq8$Kp4Qr8St2Uv6Wx0Yz3Ab7Cd1Ef5Gh9Ij2Kl6Mn0Op4Q', value: '$8$Rk3mQ9zLTn5Wq8$Kp4Qr8St2Uv6Wx0Yz3Ab7Cd1Ef5Gh9Ij2Kl6Mn0Op4Q' },
      { text: `$krb5asrep$23$svc_backup@CORP.EXAMPLE:${'3e1f'.repeat(8)}$${'a07c4b9e'.repeat(30)}`, value: `$krb5asrep$23$svc_backup@CORP.EXAMPLE:${'3e1f'.repeat(8)}$${'a07c4b9e'.repeat(30)}` },
    ],
    noMatch: [
      'The widget costs $6$ per unit, or $5$ in bulk.',
      'root:$6$::19000:0:99999:7:::',
      'the format is $6$salt$hash, see crypt(5)',
      'bcrypt: $2y$10$ followed by 53 characters',
      'alice:{SHA}notbase64',
      'user:$1$xxxxxxxx$xxxxxxxxxxxxxxxxxxxxxx',
    ],
  },
};

/** MySQL's PASSWORD() / mysql_native_password: "*" and 40 upper-case hex digits. */
const mysqlNative: Detector = {
  id: 'secret.mysql-native-hash',
  type: 'SECRET',
  category: 'secret',
  description: 'MySQL native password hash (PASSWORD(): "*" and 40 hex digits)',
  keywords: ["'*", '"*', 'password', 'identified', 'authentication_string'],
  window: { before: 256, after: 4096 },
  patterns: [p('mysql-native-password', `(?<![0-9A-Za-z*])\\*[0-9A-F]{40}(?![0-9A-Za-z])`, 0.85)],
  validate: (v) => !/^\*(.)\1{39}$/.test(v),
  context: { words: ['password', 'identified', 'mysql', 'authentication_string', 'insert', 'user'], boost: 0.1 },
  examples: {
    match: [
      { text: "INSERT INTO `user` VALUES ('%','app','*6A7F3C92B1D04E58A9C2F7B16D3E8A40C5B9F721','Y');", value: '*6A7F3C92B1D04E58A9C2F7B16D3E8A40C5B9F721' },
      { text: "CREATE USER 'app'@'%' IDENTIFIED BY PASSWORD '*2F9B7D1A6E3C05C48A2B9F1E7D6C3A0B5E8F4D27';", value: '*2F9B7D1A6E3C05C48A2B9F1E7D6C3A0B5E8F4D27' },
    ],
    noMatch: ["password: '*0000000000000000000000000000000000000000'", 'password hint: *6a7f3c92b1d04e58a9c2f7b16d3e8a40c5b9f721 (lower case)'],
  },
};

/** Column names that hold a password or its hash. */
const PASSWORD_COLUMN = /^(?:user_?|login_?|db_?|admin_?|account_?)?(?:pass(?:word|wd)?|pwd|pw)(?:_?(?:hash|hashed|digest|crypt|encrypted|md5|sha1?))?$|^(?:hashed|encrypted|crypted)_?pass(?:word|wd)?$|^authentication_string$/i;
const HEX_DIGEST = /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{128})$|^(?:[0-9A-F]{32}|[0-9A-F]{40}|[0-9A-F]{64}|[0-9A-F]{128})$/;
const IDENT = /^[`"[]?([A-Za-z_][\w$]{0,63})[`"\]]?$/;
/** A statement is read this far at most; mysqldump's one-line INSERTs beyond it are left to the other detectors. */
const MAX_STATEMENT = 64 * 1024;

const unquote = (name: string): string => IDENT.exec(name.trim())?.[1]?.toLowerCase() ?? '';
const tableName = (name: string): string => unquote(name.split('.').pop() ?? '');

/** The column names of each CREATE TABLE in the chunk, in order (constraints and keys left out). */
function createdTables(text: string, at: readonly number[]): Map<string, string[]> {
  const tables = new Map<string, string[]>();
  const head = /CREATE\s+(?:TEMPORARY\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?((?:[`"[]?[\w$]{1,64}[`"\]]?\.)?[`"[]?[\w$]{1,64}[`"\]]?)\s*\(/iy;
  for (const i of at.slice(0, 256)) {
    head.lastIndex = i;
    const m = head.exec(text);
    if (!m) continue;
    const columns: string[] = [];
    let depth = 0, start = head.lastIndex;
    const limit = Math.min(text.length, start + 16384);
    for (let j = start; j < limit; j++) {
      const c = text.charCodeAt(j);
      if (c === 39) while (++j < limit && text.charCodeAt(j) !== 39);
      else if (c === 40) depth++;
      else if (c === 41 && depth > 0) depth--;
      else if ((c === 44 || c === 41) && depth === 0) {
        const name = /^\s*([`"[]?[\w$]{1,64}[`"\]]?)/.exec(text.slice(start, Math.min(j, start + 200)))?.[1] ?? '';
        if (!/^(?:primary|key|unique|constraint|index|foreign|check|fulltext|spatial)$/i.test(name)) columns.push(unquote(name));
        start = j + 1;
        if (c === 41) break;
      }
    }
    tables.set(tableName(m[1]!), columns);
  }
  return tables;
}

/** A password cell's value: a hash (hex digest or crypt shape) or a plain password; placeholders are not. */
function judgeCell(cell: Cell): Candidate | undefined {
  const v = cell.value;
  if (!v || v.length > 512 || /^(?:null|\\n|true|false|0|1)$/i.test(v) || fillIn(v)) return undefined;
  if (HEX_DIGEST.test(v)) return { start: cell.start, end: cell.end, score: 0.9, why: ['hex digest in the password column of an SQL dump (0.9)'] };
  if (/^\$[0-9a-z]{1,8}\$|^\*[0-9A-F]{40}$|^\{[A-Z0-9]{2,8}\}/.test(v)) return { start: cell.start, end: cell.end, score: 0.9, why: ['password hash in the password column of an SQL dump (0.9)'] };
  if (v.length < 4 || /\s/.test(v) || /^\d{1,3}$/.test(v)) return undefined;
  return { start: cell.start, end: cell.end, score: 0.8, why: ['value in the password column of an SQL dump (0.8)'] };
}

/**
 * SQL dumps: the cells of a password column in INSERT ... VALUES tuples (columns from the statement's own
 * list or from the table's CREATE TABLE in the same text) and in PostgreSQL COPY ... FROM stdin rows.
 */
const sqlDump: Detector = {
  id: 'secret.sql-dump-password',
  type: 'SECRET',
  category: 'secret',
  description: 'Password or password hash in the password column of an SQL dump',
  keywords: ['insert into', 'insert ignore into', 'from stdin'],
  anchors: ['insert into', 'insert ignore into', 'create table', 'copy '],
  find: (text, lower, anchors) => {
    const out: Candidate[] = [];
    let tables: Map<string, string[]> | undefined;
    const insert = /INSERT\s+(?:IGNORE\s+)?INTO\s+((?:[`"[]?[\w$]{1,64}[`"\]]?\.)?[`"[]?[\w$]{1,64}[`"\]]?)\s*(?:\(([^()]{1,4000})\)\s*)?VALUES\s*/iy;
    let after = 0;
    const starts = positionsOf(text, lower, anchors, ['insert into', 'insert ignore into']);
    for (const i of starts) {
      if (i < after || out.length > 4000) continue;
      insert.lastIndex = i;
      const m = insert.exec(text);
      if (!m) continue;
      let columns = m[2]?.split(',').map(unquote);
      if (!columns) columns = (tables ??= createdTables(text, positionsOf(text, lower, anchors, ['create table'], 256))).get(tableName(m[1]!));
      const wanted = columns?.flatMap((c, k) => (PASSWORD_COLUMN.test(c) ? [k] : [])) ?? [];
      let pos = insert.lastIndex;
      after = pos;
      if (!wanted.length) continue;
      const limit = Math.min(text.length, pos + MAX_STATEMENT);
      while (pos < limit) {
        const t = sqlTuple(text, pos);
        if (!t) break;
        if (t.cells.length === columns!.length)
          for (const k of wanted) {
            const c = t.cells[k] && judgeCell(t.cells[k]!);
            if (c) out.push(c);
          }
        pos = t.next;
        while (pos < limit && /\s/.test(text[pos]!)) pos++;
        if (text.charCodeAt(pos) !== 44) break;
        pos++;
        while (pos < limit && /\s/.test(text[pos]!)) pos++;
      }
      after = pos;
    }
    const copy = /COPY\s+((?:[\w$"]{1,64}\.)?[\w$"]{1,64})\s*\(([^()]{1,4000})\)\s*FROM\s+stdin;?[ \t]*\r?\n/iy;
    for (const i of positionsOf(text, lower, anchors, ['copy '])) {
      if (i < after || (i > 0 && text.charCodeAt(i - 1) !== 10)) continue;
      copy.lastIndex = i;
      const m = copy.exec(text);
      if (!m) continue;
      const columns = m[2]!.split(',').map(unquote);
      const wanted = columns.flatMap((c, k) => (PASSWORD_COLUMN.test(c) ? [k] : []));
      let pos = copy.lastIndex;
      const limit = Math.min(text.length, pos + MAX_STATEMENT);
      while (wanted.length && pos < limit) {
        const line = lineAround(text, pos, 16384);
        if (!line || text.startsWith('\\.', pos)) break;
        const cells: Cell[] = [];
        for (let s = line[0], j = s; j <= line[1]; j++)
          if (j === line[1] || text.charCodeAt(j) === 9) {
            cells.push({ value: text.slice(s, j), start: s, end: j });
            s = j + 1;
          }
        if (cells.length !== columns.length) break;
        for (const k of wanted) {
          const c = judgeCell(cells[k]!);
          if (c) out.push(c);
        }
        pos = text.indexOf('\n', line[1]) + 1 || limit;
      }
      after = pos;
    }
    return out;
  },
  examples: {
    match: [
      { text: "INSERT INTO `accounts` (`id`, `email`, `password`) VALUES (1,'ops@example.org','5f4dcc3b5aa765d61d8327deb882cf99'),(2,'dev@example.org','e10adc3949ba59abbe56e057f20f883f');", value: 'e10adc3949ba59abbe56e057f20f883f' },
      { text: "CREATE TABLE members (\n  id int NOT NULL,\n  login varchar(32),\n  passwd char(40),\n  PRIMARY KEY (id)\n);\nINSERT INTO members VALUES (7,'kim','7c4a8d09ca3762af61e59520943dc26494f8941b');", value: '7c4a8d09ca3762af61e59520943dc26494f8941b' },
      { text: 'COPY public.users (id, username, password_hash) FROM stdin;\n1\tkim\t9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n\\.\n', value: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' },
      { text: "INSERT INTO staff (name, pwd) VALUES ('lee', 'Tr0ub4dor&3');", value: 'Tr0ub4dor&3' },
    ],
    noMatch: [
      "INSERT INTO users (id, name, email) VALUES (1, 'kim', 'kim@example.org');",
      "INSERT INTO users (id, password) VALUES (1, NULL), (2, ''), (3, 'changeme');",
      'We insert into the table a password column later.',
    ],
  },
};

const DES_LINES: LinePattern[] = [
  // DES crypt encodes 64 bits in 11 characters: the last one carries 2 unused bits, so it is one of 16.
  { name: 'htpasswd-des', regex: new RegExp(`[ \\t]{0,8}[A-Za-z0-9._@-]{1,64}:(${C}{12}[.26AEIMQUYcgkosw])[ \\t]{0,8}\\r?$`, 'ymd'), score: 0.75, group: 1 },
  // /etc/passwd's own format with the hash in it (old systems, ProFTPD and Pure-FTPd AuthUserFiles).
  { name: 'passwd-des', regex: new RegExp(`[A-Za-z0-9._-]{1,32}:(${C}{12}[.26AEIMQUYcgkosw]):\\d{1,10}:\\d{1,10}:[^:\\n]{0,256}:[^:\\n]{0,256}:[^:\\n]{0,256}$`, 'ymd'), score: 0.9, group: 1 },
  { name: 'shadow-des', regex: new RegExp(`[A-Za-z0-9._-]{1,32}:(${C}{12}[.26AEIMQUYcgkosw]):\\d{0,6}:\\d{0,6}:\\d{0,6}:\\d{0,6}:\\d{0,6}:\\d{0,6}:`, 'ymd'), score: 0.9, group: 1 },
];

const CRYPT_CHARS = new Uint8Array(128);
for (const c of './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz') CRYPT_CHARS[c.charCodeAt(0)] = 1;
const isCryptChar = (c: number): boolean => c < 128 && CRYPT_CHARS[c] === 1;

/** What every line of DES_LINES has after its first colon (the user name's): exactly 13 characters of crypt's alphabet. */
function desShaped(text: string, colon: number): boolean {
  for (let i = colon + 1; i <= colon + 13; i++) if (!isCryptChar(text.charCodeAt(i))) return false;
  return !isCryptChar(text.charCodeAt(colon + 14));
}

/**
 * Traditional DES crypt (13 characters) and plain {SHA} in htpasswd and shadow lines, where only the line's
 * shape tells a hash from a word: "user:hash" alone on a line, or the nine fields of /etc/shadow.
 */
const desCrypt: Detector = {
  id: 'secret.htpasswd-des',
  type: 'SECRET',
  category: 'secret',
  description: 'DES crypt hash in an htpasswd, passwd or shadow line',
  // No keyword marks these files: the patterns are tried at the start of each line that holds a colon.
  find: (text) => lineMatches(text, DES_LINES, desShaped),
  // A word of 13 letters ("user:Administrators") is not a hash: it needs digits or symbols and both cases.
  validate: (v) => /[0-9./]/.test(v) && /[A-Z]/.test(v) && /[a-z]/.test(v),
  examples: {
    match: [
      { text: 'webadmin:rX4pQ9zLm2TcE\nguest:Lk3v8Q.mZp1ns\n', value: 'rX4pQ9zLm2TcE' },
      { text: 'daemon:Ab3dE5fG7h1jk:19000:0:99999:7:::', value: 'Ab3dE5fG7h1jk' },
      { text: 'ftpuser:Rka5pvCgrSnAU:1001:1001:FTP user:/srv/ftp:/bin/false', value: 'Rka5pvCgrSnAU' },
    ],
    noMatch: ['title:Administrator', 'ratio:AbcdefGhijklm', 'note: rX4pQ9zLm2TcE is the build id', 'see the docs at x webadmin:rX4pQ9zLm2TcE now'],
  },
};

const PWDUMP_LINE: LinePattern[] = [{ name: 'pwdump-line', regex: /[^\s:]{1,64}:\d{1,10}:([0-9A-Fa-f]{32}:[0-9A-Fa-f]{32}):::/ymd, score: 0.95, group: 1 }];

const isHex = (c: number): boolean => (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 102);

/** What a pwdump line has after its first colon (the user name's): a RID, a colon and 32 hex digits. */
function pwdumpShaped(text: string, colon: number): boolean {
  const rid = digitsAt(text, colon + 1, 10);
  if (rid < 0 || text.charCodeAt(rid) !== 58) return false;
  for (let i = rid + 1; i <= rid + 32; i++) if (!isHex(text.charCodeAt(i))) return false;
  return true;
}

/** The LM and NT hashes of a blank password: a disabled or empty account, nothing to crack. */
const BLANK_LM_NT = /^aad3b435b51404eeaad3b435b51404ee:31d6cfe0d16ae931b73c59d7e0c089c0$|^0{32}:/i;

/**
 * Windows password hashes as pwdump, secretsdump and Metasploit's hashdump print them:
 * user:RID:LMhash:NThash::: (the span is LM:NT, the part that passes the hash).
 */
const pwdump: Detector = {
  id: 'secret.ntlm-hash',
  type: 'SECRET',
  category: 'secret',
  description: 'Windows LM/NT password hashes in pwdump format',
  // No keyword: the pattern is tried at the start of each line that holds a colon.
  find: (text) => lineMatches(text, PWDUMP_LINE, pwdumpShaped),
  validate: (v) => !BLANK_LM_NT.test(v) && !/^(.)\1{31}:(.)\2{31}$/.test(v),
  examples: {
    match: [{ text: 'Administrator:500:aad3b435b51404eeaad3b435b51404ee:8846f7eaee8fb117ad06bdd830b7586c:::\nGuest:501:aad3b435b51404eeaad3b435b51404ee:31d6cfe0d16ae931b73c59d7e0c089c0:::', value: 'aad3b435b51404eeaad3b435b51404ee:8846f7eaee8fb117ad06bdd830b7586c' }],
    noMatch: ['Guest:501:aad3b435b51404eeaad3b435b51404ee:31d6cfe0d16ae931b73c59d7e0c089c0:::', 'md5 8846f7eaee8fb117ad06bdd830b7586c'],
  },
};

/**
 * Passwords in SQL statements (scripts, .mysql_history, .psql_history, dumps of grants): MySQL's
 * IDENTIFIED BY '...' and PASSWORD('...'), PostgreSQL's CREATE/ALTER USER|ROLE ... PASSWORD '...'.
 */
const sqlStatement: Detector = {
  id: 'secret.sql-password-statement',
  type: 'SECRET',
  category: 'secret',
  description: "Password in an SQL statement (IDENTIFIED BY, PASSWORD(), CREATE/ALTER USER ... PASSWORD)",
  keywords: ['identified', 'password'],
  window: { before: 256, after: 512 },
  patterns: [
    { name: 'identified-by', regex: /\bIDENTIFIED\s{1,4}(?:WITH\s{1,4}\w{1,40}\s{1,4})?(?:BY|AS)\s{1,4}(?:PASSWORD\s{1,4})?'((?:[^'\\\n]|\\.|''){1,256})'/gid, score: 0.9, group: 1 },
    // PASSWORD('...') as SQL uses it: assigned (SET Password=PASSWORD(...)) or in a VALUES tuple, not a constructor call.
    { name: 'password-function', regex: /(?<=[=,(]\s{0,4})(?:OLD_)?PASSWORD\s{0,4}\(\s{0,4}'((?:[^'\\\n]|\\.|''){1,256})'\s{0,4}\)/gid, score: 0.85, group: 1 },
    { name: 'role-password', regex: /\b(?:CREATE|ALTER)\s{1,4}(?:USER|ROLE)\s{1,4}[^;\n]{1,200}?\b(?:ENCRYPTED\s{1,4})?PASSWORD\s{1,4}'((?:[^'\n]|''){1,256})'/gid, score: 0.9, group: 1 },
  ],
  validate: (v) => !fillIn(v) && !/^\?$/.test(v) && v.length >= 3,
  examples: {
    match: [
      { text: "CREATE USER 'app'@'%' IDENTIFIED BY 'Zq8#mL2pVx';", value: 'Zq8#mL2pVx' },
      { text: "GRANT ALL PRIVILEGES ON shop.* TO 'shop'@'localhost' IDENTIFIED BY 'Sh0p!2024';", value: 'Sh0p!2024' },
      { text: "SET PASSWORD FOR 'root'@'localhost' = PASSWORD('R00t#pw9');", value: 'R00t#pw9' },
      { text: "UPDATE mysql.user SET Password=PASSWORD('Up9#dL2x') WHERE User='root';", value: 'Up9#dL2x' },
      { text: "CREATE ROLE reporting WITH LOGIN PASSWORD 'Rp7$kQ2m' VALID UNTIL 'infinity';", value: 'Rp7$kQ2m' },
      { text: "ALTER USER postgres PASSWORD 'Pg9!xL2q';", value: 'Pg9!xL2q' },
    ],
    noMatch: ["CREATE USER 'app'@'%' IDENTIFIED BY 'password';", "ALTER USER app PASSWORD '${DB_PASSWORD}';", 'the user is identified by a password', "CREATE USER app IDENTIFIED BY '';", "const password = new Password('r0sebud');"],
  },
};

export const hashDetectors: Detector[] = [cryptHash, mysqlNative, sqlDump, desCrypt, pwdump, sqlStatement];
