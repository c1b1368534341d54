import { entropy } from '../../checks';
import type { Verdict } from '../../types';

/**
 * Values that documentation, templates and code put where a secret goes: they say "a secret goes here" and are
 * not one. Each rule is general (a shape, a template syntax, a word that means "fill me in"), never a list of
 * somebody's development values.
 */

/** Whole values that mean "nothing here", "fill me in" or name a type. */
const WORDS = new Set([
  // Nothing, or a boolean.
  'null', 'nil', 'none', 'undefined', 'true', 'false', 'yes', 'no', 'on', 'off', 'empty', 'blank', 'nothing', 'n/a', 'na', 'tbd', 'todo', 'fixme', 'unset', 'notset', 'not_set', 'unknown', 'default',
  // Fill me in.
  'changeme', 'change_me', 'change-me', 'changeit', 'replaceme', 'replace_me', 'redacted', 'removed', 'hidden', 'masked', 'omitted', 'censored', 'secret', 'secrets', 'password', 'passwd', 'pass', 'pwd', 'passphrase', 'mypassword', 'yourpassword', 'my_password', 'your_password', 'mysecret', 'yoursecret', 'token', 'mytoken', 'yourtoken', 'apikey', 'api_key', 'myapikey', 'key', 'value', 'placeholder', 'example', 'sample', 'dummy', 'fake', 'test', 'foo', 'bar', 'baz', 'foobar', 'xyz', 'abc', 'required', 'optional', 'sensitive', 'private',
  // Types: annotations, schemas, SQL columns.
  'string', 'str', 'text', 'varchar', 'nvarchar', 'char', 'int', 'integer', 'number', 'bool', 'boolean', 'any', 'object', 'bytes', 'byte', 'secretstr', 'securestring', 'binary', 'blob', 'uuid', 'serial', 'mixed', 'unknown', 'void',
]);

/** Template and variable syntaxes: ${X}, $X, $(cmd), %(x)s, %X%, {{ x }}, {x}, <x>, [x], #{x}, @X@, __X__, :param, @param, ?. */
const TEMPLATE = /^(?:\\?\$[{(A-Za-z_]|\$\d+$|%\(|%[A-Za-z_]\w*%$|%[sd]$|\{\s*[A-Za-z_][A-Za-z_.\s-]*\d?\s*\}$|\{\d+\}$|\{\s*$|\{["'{]|<|\[|#\{|@[A-Za-z_]\w*@?$|__\w+__$|:[A-Za-z_]\w*$|\?$)/;
/** A template marker anywhere inside the value (prefix${VAR}, "{{ token }}", "<%= x %>", f-string {x}). */
const INNER_TEMPLATE = /\$\{|\{\{|%\(\w+\)|<%|#\{|\{[A-Za-z_][A-Za-z_.]*\d?\}/;
/** crypt(3), bcrypt, apr1, argon2 and PBKDF2 hashes start with "$": they are values, not variables. */
const CRYPT = /^\$(?:1|2[abxy]?|5|6|7|y|gy|apr1|argon2(?:id|i|d)|pbkdf2(?:-sha\d+)?|scrypt|sha1|md5)\$/;
/** LDAP and Spring Security hash schemes: {SSHA}..., {bcrypt}$2a$..., {noop}x are values. */
const SCHEME_PREFIX = /^\{(?:s?sha(?:256|384|512)?|s?md5|crypt|pbkdf2[\w-]*|x-pbkdf2[\w-]*|argon2\w*|bcrypt|scrypt|noop|cleartext|plain)\}./i;
/** Words that say "fill me in" anywhere in the value. */
const FILL_IN = /your[_\s-]?|replace|example|placeholder|xxxx|not[_-]?a[_-]?real|fake|sample|goes[_\s-]?here|[_-]here$|^(?:enter|insert|put)[_\s-]|^my[_-]?(?:pass|secret|token|key)|^(?:some|a|the)[_-]?(?:pass|secret|token|key)|changeme|redacted|dummy/i;

export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (!v) return true;
  if (CRYPT.test(v) || SCHEME_PREFIX.test(v)) return false;
  if (/^(.)\1*$/.test(v)) return true; // xxx, ***, ..., 0000
  if (/^[*xX.•?#-]{3,}$/.test(v) || /^(?:x{3,}|\*{3,})/i.test(v)) return true;
  if (TEMPLATE.test(v) || INNER_TEMPLATE.test(v)) return true;
  // Elided: "-----BEGIN PRIVATE KEY-----\n...\n-----END", "sk-...".
  if (/\.\.\.|…/.test(v)) return true;
  const lower = v.toLowerCase();
  if (WORDS.has(lower) || WORDS.has(lower.replace(/^(?:my|your|the|some|a)[_-]?/, ''))) return true;
  return FILL_IN.test(v);
}

/**
 * Credential words that, as a value, only repeat the name: "secret123", "p@ssw0rd!", "pa$$word". People do
 * use them (they top every list of leaked passwords), so they are weak passwords, not placeholders.
 */
const ECHO = new Set(['password', 'passwd', 'passw', 'pass', 'pwd', 'pw', 'passphrase', 'secret', 'token', 'key', 'apikey', 'mypassword', 'mypass', 'mysecret', 'mytoken', 'passwort', 'motdepasse']);
const UNLEET: Record<string, string> = { '@': 'a', '4': 'a', $: 's', '5': 's', '0': 'o', '3': 'e', '1': 'i', '!': 'i', '7': 't' };

/** A credential word with digits or punctuation after it, or written in leetspeak. */
export function echoesName(value: string): boolean {
  const core = value.toLowerCase().replace(/[\d!?.*#_-]+$/, '');
  if (core.length < 2) return false;
  return ECHO.has(core) || ECHO.has(core.replace(/[@4$5013!7]/g, (c) => UNLEET[c]!));
}

/**
 * A value that is code, not data: a reference to a variable or a setting (`os.environ["X"]`, `process.env.X`,
 * `config.password`, `self.pw`), a call (`getenv(...)`), a generic type (`Option<String>`), a constant's name
 * (`DB_PASSWORD`). `next` is the character right after an unquoted value.
 */
export function isReference(value: string, next = ''): boolean {
  if (/^[A-Za-z_$][\w$]*$/.test(value) && (next === '(' || next === '[' || next === '<' || next === '.')) return true;
  // A call or an index: getenv("X"), os.environ["X"], ENV.fetch('X'), secrets[0].
  if (/^[A-Za-z_$][\w$]*(?:(?:\.|::|->)[A-Za-z_$][\w$]*)*[([]/.test(value)) return true;
  // A dotted or scoped path of identifiers: config.password, process.env.X, Settings::Token, $this->pw.
  if (/^[A-Za-z_$@][\w$]*(?:(?:\.|::|->)[A-Za-z_$][\w$]*)+$/.test(value) && !/\d[.]\d/.test(value)) return true;
  // A constant's name: DB_PASSWORD, MY_SECRET_KEY.
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value) && /[A-Z]{2}/.test(value) && !/\d{3}/.test(value)) return true;
  return false;
}

/** Words and only words: a label, a sentence or a description ("Enter your password", "the one you set"). */
export function isProse(value: string): boolean {
  return /\s/.test(value.trim()) && /^[\p{L}'’,.!?:()\s-]+$/u.test(value);
}

/**
 * Made up by hand: a generated secret has no long runs of neighbouring characters, while "1234567890",
 * "abcdefg" and "a1b2c3d4" are what people type for an example. Looks at the letters and the digits separately:
 * half their neighbours one apart (ascending or descending) over six pairs or more.
 */
export function looksTyped(value: string): boolean {
  for (const re of [/[a-z]/g, /\d/g]) {
    const chars = value.toLowerCase().match(re) ?? [];
    if (chars.length < 7) continue;
    let near = 0;
    for (let i = 1; i < chars.length; i++) if (Math.abs(chars[i]!.charCodeAt(0) - chars[i - 1]!.charCodeAt(0)) === 1) near++;
    if (near >= 6 && near / (chars.length - 1) >= 0.5) return true;
  }
  return /0123456|1234567|12345|abcde|abc12|qwert|asdf/i.test(value);
}

/** For credentials without a fixed shape: refuse placeholders, short and low-entropy values. */
export function credentialLike(value: string, minLength = 4, minEntropy = 1.5): Verdict {
  if (value.length < minLength || isPlaceholder(value)) return false;
  return entropy(value) >= minEntropy ? undefined : false;
}
