import { entropy } from '../../checks';
import type { Candidate, Detector, Verdict } from '../../types';
import { fillIn, positionsOf } from './files-parse';

/**
 * scheme://user:password@host. The user name ends at the first ":" (it may hold an unencoded "@", as an e-mail
 * address does); the password may hold any punctuation, "@" and "#" included, and ends at the last "@" that a
 * host name follows (git credentials such as https://user:p@ss!#w0rd@github.com). A "?" or "/" ends it: those
 * start a query or a path, and a password that holds them must be percent-encoded.
 */
const USER = '[^\\s:/"\'`<>]{0,128}';
const PASSWORD = '[^\\s/?"\'`<>]{1,128}';
const HOST = '[A-Za-z0-9._-]{1,253}(?::\\d{1,5})?';

const DB_SCHEMES = 'mongodb(?:\\+srv)?|mysqlx?|mariadb|postgres(?:ql)?|cockroachdb|redis|rediss|valkey|amqps?|mssql|sqlserver|oracle|clickhouse|couchdbs?|neo4j(?:\\+s|\\+ssc)?|bolt|cassandra|memcached|influxdb|db2|snowflake|vertica|presto|trino';


/** A password of a URL, percent-decoded, that is a real value: not a template, a fill-in word, short or flat. */
function realPassword(raw: string): Verdict {
  let v = raw;
  try {
    if (/%[0-9A-Fa-f]{2}/.test(v)) v = decodeURIComponent(v);
  } catch {
    /* a lone "%" is part of the password */
  }
  if (v.length < 4 || fillIn(v)) return false;
  return entropy(v) >= 1.5 ? undefined : false;
}

/**
 * The user and password of scheme://user:password@host, the password up to the last "@" before the host.
 * GitHub's "TOKEN:x-oauth-basic@" form carries the token as the user name.
 */
export function credentialsOf(url: string): { user: string; password: string; host: string } | undefined {
  const m = /:\/\/([^:/\s]*):([^/?\s]*)@([A-Za-z0-9._-]+)(?::\d+)?(?:[/?#]|$)/.exec(url) ?? /:\/\/([^:/\s]*):([^/?\s]*)@([^@]*)$/.exec(url);
  if (!m) return undefined;
  return m[2] === 'x-oauth-basic' || m[2] === 'x-oauth' ? { user: '', password: m[1]!, host: m[3]! } : { user: m[1]!, password: m[2]!, host: m[3]! };
}

/** A host that is a fill-in word: "http://user:pass@host/repo" in a change log or a manual. */
const PLACEHOLDER_HOST = /^(?:host|hostname|server|servername|domain|proxy|remote|machine|myhost|yourhost|your-?server|example)$/i;

const validUrl = (v: string): Verdict => {
  const c = credentialsOf(v);
  if (!c || PLACEHOLDER_HOST.test(c.host)) return false;
  // CVS's ":pserver:anoncvs@host:/cvs" is a connection method, not a user and a password.
  if (!c.user && c.password.includes(':')) return false;
  // A product's default account (amqp://guest:guest@, admin:admin) is public knowledge, not a leak.
  if (c.user && c.user.toLowerCase() === c.password.toLowerCase()) return false;
  return realPassword(c.password);
};

/**
 * Documentation writes "user:pass" in connection strings (secretlint's database rule leaves
 * jdbc:mysql://admin:pass@localhost alone, while its basic-auth rule reports https://user:pass@example.com).
 */
const validDbUrl = (v: string): Verdict => (/^pass$/i.test(credentialsOf(v)?.password ?? '') ? false : validUrl(v));
/** A scheme that is itself a fill-in word (uri://user:pass@example.com in a URI library's read-me). */
const PLACEHOLDER_SCHEME = /^(?:uri|url|scheme|protocol|proto|foo|bar):/i;

/** After "scheme:": //user:password@host[:port]. */
const AUTHORITY = new RegExp(`\\/\\/${USER}:${PASSWORD}@${HOST}`, 'y');
const DB_PATH = /\/[^\s"'`<>]{0,512}/y;
const URL_PATH = /\/[^\s"'`<>)]{0,512}/y;
/** GitHub's TOKEN:x-oauth-basic@github.com: the token is the secret, and it is most of the URL. */
const TOKEN_AS_USER = /\/\/([A-Za-z0-9_-]{16,255}):x-oauth-basic@/y;
const SCHEME_ONLY_DB = new RegExp(`^(?:${DB_SCHEMES})(?:\\+[a-z0-9]{1,20})?$`, 'i');
const WHY_TOKEN = ['pattern token-as-user-url (0.95)'];
const WHY = {
  db: { password: ['password of a database URL (0.95)'], user: ['user name of a database URL with a password (0.7)'], host: ['host and port of a database URL with a password (0.7)'] },
  url: { password: ['password of a URL (0.95)'], user: ['user name of a URL with a password (0.7)'], host: ['host and port of a URL with a password (0.7)'] },
};

/**
 * A credential URL as its parts: the password, and the user name and the host that go with it, each a finding of
 * its own. The three together are the credential (catalogues such as Nosey Parker's mark each); redaction then
 * masks each and leaves the scheme, the port and the path readable.
 */
function parts(text: string, start: number, end: number, db: boolean): Candidate[] {
  const url = text.slice(start, end);
  if (!url.includes('://') || PLACEHOLDER_SCHEME.test(url) || (db ? validDbUrl(url) : validUrl(url)) === false) return [];
  const c = credentialsOf(url)!;
  const at = start + url.indexOf('://') + 3;
  const why = db ? WHY.db : WHY.url;
  const out: Candidate[] = [];
  if (c.user) out.push({ start: at, end: at + c.user.length, score: 0.7, why: why.user });
  const p = at + c.user.length + 1;
  out.push({ start: p, end: p + c.password.length, score: 0.95, why: why.password });
  // The host with its port: where the credential opens a door.
  const h = p + c.password.length + 1;
  const port = /^:\d{1,5}/.exec(text.slice(h + c.host.length, h + c.host.length + 6))?.[0].length ?? 0;
  if (c.host) out.push({ start: h, end: h + c.host.length + port, score: 0.7, why: why.host });
  return out;
}

const isSchemeChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;
const isLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/**
 * URLs with credentials, read from each "://": the scheme is the run of scheme characters before it (at most
 * 24, starting with a letter, not glued to a word), the rest one sticky match after it. A pattern with the
 * scheme in front would be tried at every word of the text; this costs one short match per "://".
 * Database schemes (with a driver, "postgresql+psycopg2", or JDBC's "jdbc:" before them) are one detector's,
 * every other scheme (https, git+https, ftp, sftp, smb, ldap, socks5, rtsp...) the other's.
 */
function urlsAt(text: string, lower: string, anchors: ReadonlyMap<string, readonly number[]>, db: boolean): Candidate[] {
  const out: Candidate[] = [];
  for (const i of positionsOf(text, lower, anchors, ['://'])) {
    let s = i;
    while (s > 0 && i - s < 25 && isSchemeChar(text.charCodeAt(s - 1))) s--;
    while (s < i && !isLetter(text.charCodeAt(s))) s++;
    if (i - s < 2 || (s > 0 && (isSchemeChar(text.charCodeAt(s - 1)) || text.charCodeAt(s - 1) === 95))) continue;
    if (SCHEME_ONLY_DB.test(text.slice(s, i)) !== db) continue;
    const start = db && /jdbc:$/i.test(text.slice(Math.max(0, s - 5), s)) ? s - 5 : s;
    if (!db) {
      TOKEN_AS_USER.lastIndex = i + 1;
      const t = TOKEN_AS_USER.exec(text);
      if (t) {
        out.push({ start: i + 3, end: i + 3 + t[1]!.length, score: 0.95, why: WHY_TOKEN });
        continue;
      }
    }
    AUTHORITY.lastIndex = i + 1;
    if (!AUTHORITY.exec(text)) continue;
    let end = AUTHORITY.lastIndex;
    const path = db ? DB_PATH : URL_PATH;
    path.lastIndex = end;
    if (path.exec(text)) end = path.lastIndex;
    out.push(...parts(text, start, end, db));
    if (out.length >= 2000) break;
  }
  return out;
}

/** Database connection strings and other URLs that carry a password. */
export const credentialUrls: Detector[] = [
  {
    id: 'secret.database-url',
    type: 'SECRET',
    category: 'secret',
    description: 'Database connection string with a password',
    keywords: ['mongodb', 'mysql', 'postgres', 'redis', 'valkey', 'amqp', 'mssql', 'sqlserver', 'mariadb', 'oracle', 'jdbc:', 'cockroachdb', 'clickhouse', 'couchdb', 'neo4j', 'bolt:', 'cassandra', 'memcached', 'influxdb', 'db2:', 'snowflake', 'vertica', 'presto', 'trino'],
    anchors: ['://'],
    find: (text, lower, anchors) => urlsAt(text, lower, anchors, true),
    examples: {
      match: [
        { text: 'DB=postgres://api_user:myC0mpl3xPwd@db.internal.com:5432/api_db', value: 'myC0mpl3xPwd' }, { text: 'DB=postgres://api_user:myC0mpl3xPwd@db.internal.com:5432/api_db', value: 'db.internal.com:5432' },
        { text: 'MONGO=mongodb+srv://app:R3alP@ss#w0rd@cluster0.example.net/app', value: 'R3alP@ss#w0rd' },
        { text: "engine = create_engine('postgresql+psycopg2://etl:Gx7%40kLq2%23@10.0.4.2/warehouse')", value: 'Gx7%40kLq2%23' },
      ],
      noMatch: ['mongodb://username:password@localhost:27017/database', 'mysql://user:${PASSWORD}@example.com:3306/db', 'postgresql://db.server.com:5432/production', 'redis://:%s@localhost:6379', 'redis://user:pass@localhost:6379', 'amqp://guest:guest@localhost/'],
    },
  },
  {
    id: 'secret.url-credentials',
    type: 'SECRET',
    category: 'secret',
    description: 'URL with a user name and password (basic auth, git credentials, ftp, smb, ldap, proxies)',
    keywords: ['://'],
    anchors: ['://'],
    find: (text, lower, anchors) => urlsAt(text, lower, anchors, false),
    // The token of TOKEN:x-oauth-basic@ is checked here; the parts of a URL were checked as a whole when found.
    validate: (v) => (/^[A-Za-z0-9_-]{16,255}$/.test(v) ? realPassword(v) : undefined),
    examples: {
      match: [
        { text: 'https://apiuser:r3alP4ssw0rd@api.production.com', value: 'r3alP4ssw0rd' }, { text: 'https://apiuser:r3alP4ssw0rd@api.production.com', value: 'apiuser' },
        { text: 'https://kim:p@ss!#w0rd@github.com', value: 'p@ss!#w0rd' },
        { text: '"pkg": "git+https://5c2e9a7f1b3d4c6e8a0f2b4d6c8e0a1f3b5d7c9e:x-oauth-basic@github.com/org/pkg.git"', value: '5c2e9a7f1b3d4c6e8a0f2b4d6c8e0a1f3b5d7c9e' },
        { text: 'url = https://kim%40example.org:Tq9%21zLm2@git.example.org/team/repo.git', value: 'Tq9%21zLm2' },
        { text: 'smb://CORP;backup:Wn4$tq8Lp@fileserver01/share', value: 'Wn4$tq8Lp' },
        { text: 'ldaps://cn=admin,dc=example,dc=org:Ld4p!pass@ldap.example.org', value: 'Ld4p!pass' },
      ],
      noMatch: [
        'https://${username}:${password}@api.example.com/v1', 'https://user:abc@api.com/v1', 'https://YOUR_USERNAME:YOUR_PASSWORD@api.service.com',
        'https://user:<pass>@host.example', 'https://git:${PASS}@github.com/org/repo', 'ftp://anonymous:password@ftp.example.org', 'https://host.example/path?user=a:b@c', 'uri://user:pass@example.com:123/one', 'git fetch http://user:s3cr3tPw@host/repo', 'cvs://:pserver:anoncvs@sources.example.org:/cvs/src',
      ],
    },
  },
];
