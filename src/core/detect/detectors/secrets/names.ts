/**
 * Names of credentials: which names say "the value is a secret", how strongly, and which say it is not
 * (`password_min_length`, `token_url`, `passwordField`, `public_key`, `tokenizer`).
 *
 * A name is split into parts (snake_case, kebab-case, dotted, camelCase, PascalCase and ALLCAPS runs): the
 * credential word must be a whole part (or end a run of letters, as in `dbpassword`, `mysqlPassword`), and it
 * must be the head of the name: what follows it may only say how the secret is written (`_hash`, `_b64`, `2`,
 * `_confirm`), anything else (`_length`, `_url`, `_field`, `_name`, `_id`, `_file`) makes the name describe
 * something else. Words before it that say "not a secret" (`public`, `show`, `min`, `forgot`) reject it too.
 *
 * Decisions:
 * - `key` alone, or after anything but a credential qualifier (`api`, `secret`, `private`, `access`, `auth`,
 *   `signing`, `encryption`, `master`, `client`, `app`, `account`, ... see STRONG_KEY_QUALIFIERS), is not a
 *   credential name: `key: value`, `cache_key`, `sort_key`, `i18n key` are everywhere. An environment variable
 *   named SERVICE_KEY (MAILGUN_KEY) counts at a lower score. GPG, PGP and SSH keys are left out (fingerprints
 *   and public keys). `key_id`, `access_key_id`, `client_id` name identifiers, not secrets.
 * - `token`, `secret`, `auth`, `credential(s)`, `salt` count alone, but their value must look generated
 *   (assignments.ts); a password may be weak.
 * - `pass` counts only as a whole part or a run ending (`db_pass`, `smtppass`, `requirepass`), not in `bypass`,
 *   `compass`, `passenger`; `pw`/`pwd` likewise (`bindpw`, `DB_PWD`).
 * - Trailers allowed after the credential word: how it is written or which one (`_hash`, `_b64`, `_enc`, `2`,
 *   `_confirm`, `_base` as in Rails' secret_key_base); any other (`_file`, `_path`, `_url`, `_length`, `_hint`,
 *   `_field`, `_name`, `_id`, `_policy`) rejects the name.
 * - File names and manual pages (`passwd.5`, `secrets.json`) are not keys.
 */

/** What kind of credential a name announces; it decides which values count (see assignments.ts). */
export type CredentialKind = 'password' | 'secret' | 'token' | 'key' | 'auth' | 'salt' | 'credential';

export interface NameVerdict {
  kind: CredentialKind;
  /** Base score for a real value under this name. */
  score: number;
}

/** Password words, English and other languages (lower case, accents kept and stripped). */
const PASSWORD_WORDS = new Set([
  'password', 'passwords', 'passwd', 'pwd', 'pass', 'pw', 'passw', 'passphrase', 'passcode', 'pword', 'pswd', 'psw',
  'passwort', 'kennwort', 'motdepasse', 'mdp', 'contraseña', 'contrasena', 'contrasenya', 'clave', 'senha', 'wachtwoord',
  'parola', 'hasło', 'haslo', 'heslo', 'jelszó', 'jelszo', 'lösenord', 'losenord', 'adgangskode', 'passord', 'salasana', 'sifre', 'şifre',
  'пароль', 'パスワード', '密码', '密碼', '비밀번호', 'mật_khẩu',
]);
/** Run endings that make a password word even inside one lower-case run (`dbpassword`, `rootpasswd`). */
const PASSWORD_ENDINGS = ['password', 'passwd', 'passwort', 'kennwort', 'passphrase', 'pwd', 'pw', 'pass'];
/** Words that end like a password word and are not one. */
const NOT_PASSWORD = new Set(['bypass', 'compass', 'overpass', 'underpass', 'trespass', 'surpass', 'encompass', 'impass', 'biopass', 'lowpass', 'highpass', 'bandpass', 'multipass', 'subpass', 'renderpass', 'firstpass', 'onepass', 'twopass']);
const SECRET_WORDS = new Set(['secret', 'secrets', 'clientsecret', 'appsecret', 'apisecret', 'consumersecret']);
const TOKEN_WORDS = new Set(['token', 'tokens', 'apitoken', 'authtoken', 'accesstoken', 'refreshtoken', 'bearer', 'jwt', 'pat']);
const KEY_WORDS = new Set(['key', 'keys', 'apikey', 'secretkey', 'privatekey', 'privkey', 'accesskey', 'authkey', 'masterkey', 'signingkey', 'encryptionkey', 'appkey', 'licensekey', 'sharedkey', 'accountkey', 'subscriptionkey']);
const CREDENTIAL_WORDS = new Set(['credential', 'credentials', 'creds', 'cred']);
const SALT_WORDS = new Set(['salt', 'pepper']);
const AUTH_WORDS = new Set(['auth', 'authorization', 'authorisation']);

/** Parts after the credential word that only say how it is written or which one it is. */
const TRAILERS = new Set([
  'value', 'val', 'plain', 'plaintext', 'clear', 'cleartext', 'raw', 'enc', 'encrypted', 'crypted', 'hash', 'hashed', 'digest', 'b64', 'base64', 'hex',
  'old', 'new', 'prod', 'production', 'dev', 'staging', 'live', 'confirm', 'confirmation', 'again', 'repeat', 'verify', 'verification',
  'secret', 'key', 'token', 'pass', 'password', 'string', 'str', 'data', 'bytes', 'main', 'primary', 'secondary', 'default', 'admin', 'root', 'user',
  'base', // Rails secret_key_base
]);
/** Words before the credential word that say the value is not a secret. */
const NOT_SECRET_BEFORE = new Set([
  'public', 'pub', 'show', 'hide', 'toggle', 'forgot', 'forget', 'min', 'max', 'has', 'is', 'no', 'use', 'uses', 'enable', 'enabled', 'disable', 'require', 'requires', 'required',
  'validate', 'check', 'get', 'fetch', 'load', 'read', 'generate', 'gen', 'create', 'parse', 'num', 'count', 'len', 'length', 'allow', 'can', 'should', 'needs', 'need', 'expect',
  'on', 'by', 'of', 'to', 'for', 'without', 'kid', 'bypass', 'input', 'display', 'last', 'prompt', 'type', 'mask', 'masked', 'reset', 'change', 'update', 'verify', 'confirm',
  'compare', 'match', 'matches', 'add', 'remove', 'delete', 'edit', 'ask', 'prompt', 'empty', 'blank', 'weak', 'strong', 'bad', 'wrong', 'invalid',
]);
/** Before "key" only: keys of data structures, databases and keyboards (a hash_salt stays a salt). */
const NOT_KEY_BEFORE = new Set([
  'sort', 'partition', 'range', 'hash', 'cache', 'map', 'dict', 'lookup', 'group', 'object', 'row', 'field', 'column', 'unique', 'index', 'registry', 'translation', 'i18n',
  'message', 'label', 'hot', 'short', 'shortcut', 'item', 'list', 'route', 'query', 'keyboard', 'foreign', 'composite', 'idempotency', 'dedup', 'sequence', 'primary',
]);
/** Before "token" only: tokens of parsers, pages and cancellation. */
const NOT_TOKEN_BEFORE = new Set(['next', 'page', 'pagination', 'continuation', 'cursor', 'cancellation', 'cancel', 'lexer', 'sync', 'csrf', 'xsrf', 'max', 'input', 'output', 'completion', 'prompt']);
/**
 * Qualifiers that make a "key" a secret. GPG, PGP and SSH are left out: "GPG key: <fingerprint>" and
 * "SSH key: ssh-ed25519 ..." name public keys far more often than private ones (PEM blocks have a detector).
 */
const STRONG_KEY_QUALIFIERS = new Set([
  'api', 'secret', 'private', 'priv', 'access', 'auth', 'signing', 'sign', 'encryption', 'encrypt', 'crypt', 'crypto', 'master', 'client', 'app', 'application',
  'consumer', 'account', 'shared', 'session', 'storage', 'sas', 'hmac', 'jwt', 'license', 'licence', 'service', 'admin', 'root', 'cipher', 'aes', 'rsa', 'dsa', 'ecdsa', 'ed25519',
  'decryption', 'nonce', 'logged', 'in', 'subscription', 'write', 'deploy', 'cookie', 'webhook', 'recaptcha', 'server', 'x',
]);

const FILE_NAME = /\.(?:\d[a-z]?|txt|json|ya?ml|toml|ini|cfg|conf|xml|md|rst|html?|c|h|cc|cpp|go|rs|py|rb|js|ts|mjs|cjs|java|cs|php|sh|gz|zip|tar|bak|orig|pem|crt|jks|p12|pfx|gpg|asc|sqlite)$/i;

/** Splits a name into lower-case parts: "DB_PASSWORD" -> db, password; "mysqlPassword" -> mysql, password; "APIKey" -> api, key. */
export function nameParts(name: string): string[] {
  return name
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\d]+|(?<=\p{L})(?=\d)|(?<=\d)(?=\p{L})/u)
    .filter(Boolean);
}

function kindOf(part: string): CredentialKind | undefined {
  if (PASSWORD_WORDS.has(part) || (!NOT_PASSWORD.has(part) && PASSWORD_ENDINGS.some((e) => part.length > e.length && part.endsWith(e)))) return 'password';
  if (SECRET_WORDS.has(part) || (part.length > 6 && part.endsWith('secret'))) return 'secret';
  if (TOKEN_WORDS.has(part) || (part.length > 5 && part.endsWith('token'))) return 'token';
  if (KEY_WORDS.has(part)) return 'key';
  if (CREDENTIAL_WORDS.has(part)) return 'credential';
  if (SALT_WORDS.has(part)) return 'salt';
  if (AUTH_WORDS.has(part)) return 'auth';
  for (const w of ['passwort', 'kennwort', 'パスワード', '密码', '密碼', '비밀번호', 'пароль']) if (part.includes(w)) return 'password';
  return undefined;
}

const SCORES: Record<CredentialKind, number> = { password: 0.85, secret: 0.85, token: 0.8, key: 0.8, credential: 0.75, salt: 0.75, auth: 0.75 };

/** Verdicts already given, by name and word before: config files and code repeat their names ("proxy_pass", "publickey"). */
const judged = new Map<string, Map<string, NameVerdict | null>>();
let judgedCount = 0;
/** Entries kept at most (then the memo starts again): a text of ever new names costs no more than judging them. */
const MAX_JUDGED = 4096;

/**
 * Judges a name: undefined when it does not name a credential. `before` is the word in front of it in prose
 * ("API key"), used to qualify a bare "key". Verdicts are shared between calls: callers must not change them.
 */
export function judgeName(name: string, before = ''): NameVerdict | undefined {
  let byBefore = judged.get(name);
  const known = byBefore?.get(before);
  if (known !== undefined) return known ?? undefined;
  if (judgedCount >= MAX_JUDGED) {
    judged.clear();
    judgedCount = 0;
    byBefore = undefined;
  }
  if (!byBefore) judged.set(name, (byBefore = new Map()));
  const verdict = judgeNow(name, before);
  byBefore.set(before, verdict ?? null);
  judgedCount++;
  return verdict;
}

function judgeNow(name: string, before: string): NameVerdict | undefined {
  // A file or a manual page: passwd.5, chpasswd.8, readpassphrase.3, secrets.json, token.txt.
  if (FILE_NAME.test(name)) return undefined;
  const parts = nameParts(name);
  if (!parts.length || parts.length > 8) return undefined;
  const joined = parts.join('');
  if (joined.includes('motdepasse')) return { kind: 'password', score: SCORES.password };
  // The head: the last credential part that only trailers follow.
  let head = -1;
  for (let i = parts.length - 1; i >= 0; i--) {
    const kind = kindOf(parts[i]!);
    if (kind) {
      head = i;
      break;
    }
    if (!TRAILERS.has(parts[i]!) && !/^\d+$/.test(parts[i]!)) return undefined;
  }
  if (head < 0) return undefined;
  let kind = kindOf(parts[head]!)!;
  const prefix = parts.slice(0, head);
  const negative = (p: string): boolean => NOT_SECRET_BEFORE.has(p) || (kind === 'key' && NOT_KEY_BEFORE.has(p)) || (kind === 'token' && NOT_TOKEN_BEFORE.has(p));
  if (prefix.some(negative) && !(kind === 'password' && prefix.at(-1) === 'confirm')) return undefined;
  if (!prefix.length && negative(before.toLowerCase())) return undefined;
  // A credential word earlier in the name sets the kind: secret_key and api_secret_key are secrets, access_token a token.
  const earlier = prefix.map(kindOf).filter(Boolean) as CredentialKind[];
  if (kind === 'key' || kind === 'auth') {
    const qualifier = prefix.at(-1) ?? before.toLowerCase();
    if (parts[head] === 'key' || parts[head] === 'keys') {
      if (earlier.includes('secret') || earlier.includes('password')) return { kind: 'key', score: SCORES.secret };
      // A bare key or one qualified by anything else (cache_key, sort_key, stream_key, s3_key) is too often not a secret.
      // An environment variable's name (MAILGUN_KEY, STRIPE_KEY) names a service's key: a lower score, and the
      // value must still look generated.
      if (!STRONG_KEY_QUALIFIERS.has(qualifier)) return prefix.length && /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_KEYS?$/.test(name) ? { kind: 'key', score: 0.7 } : undefined;
      return { kind: 'key', score: SCORES.key };
    }
  }
  if (kind === 'salt' && earlier.includes('password')) kind = 'salt';
  return { kind, score: SCORES[kind] };
}

/** True when a value is itself a credential's name (`password: pw`, `secret = my_secret`): a reference. */
export function namesACredential(value: string): boolean {
  // Only letters and separators: "db_password", "userPassword". With digits it may be a weak password ("password123").
  return /^[#.@:]?[\p{L}_$][\p{L}_$.-]*$/u.test(value) && nameParts(value).some((p) => kindOf(p) !== undefined);
}
