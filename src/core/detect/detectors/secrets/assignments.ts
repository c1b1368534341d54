import { entropy } from '../../checks';
import { ASCII, classOf, LETTER, MARK, tokensOf } from '../../tokens';
import type { Candidate, Detector } from '../../types';
import { judgeName, namesACredential, type CredentialKind, type NameVerdict } from './names';
import { companionsOf } from './companions';
import { echoesName, isPlaceholder, isProse, isReference, looksTyped } from './placeholder';

/**
 * Credentials read from structure. From each credential word (anchors found in the engine's single keyword pass),
 * the reader takes the whole name around it, reads the syntax that follows on the same line (an operator, a
 * quoted name and a colon, an XML tag, a call, a flag, a header, a connection-string pair, a name/value pair) and
 * the value that syntax delimits, then judges the name (names.ts) and the value (placeholder.ts and the rules
 * below). Every step reads a bounded stretch from its anchor and anchors inside a name already read are skipped,
 * so the work is linear in the text. The finding's span is the value; the explanation names the syntax and the
 * name, never the value.
 *
 * What needs structure: an operator (=, :, =>, :=), a quoted key, a tag, a call or a flag. A credential word
 * followed by prose ("Pass --disable-silent-rules", "press any key", "the password field") is not an assignment;
 * prose counts only as "<password word> is <value>" with a value shaped like a password (a digit, a symbol or
 * mixed case), and not for weaker names.
 */

/** ASCII anchors: each credential word of names.ts has one of these inside it. */
const ANCHORS = [
  'pass', 'pw', 'psw', 'secret', 'token', 'key', 'cred', 'auth', 'salt', 'pepper', 'kennwort', 'mdp', 'contrase', 'clave', 'senha', 'wachtwoord',
  'parola', 'heslo', 'haslo', 'jelsz', 'losenord', 'adgangskode', 'salasana', 'sifre', 'bearer',
];
/** Names with no ASCII anchor, looked for inside the chunk's words that are not all ASCII (each is letters only). */
const NON_ASCII = ['hasło', 'lösenord', 'şifre', 'パスワード', '密码', '密碼', '비밀번호', 'пароль'];

const MAX_NAME = 64;
const MAX_QUOTED = 512;
const MAX_UNQUOTED = 256;
const MAX_CANDIDATES = 2000;

/** Characters of a name: letters, digits, _ . - and letters of any script. */
function isNameChar(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 45;
  return (classOf(c) & (LETTER | MARK)) !== 0;
}
const isQuote = (c: string | undefined): boolean => c === '"' || c === "'" || c === '`';
const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

interface Value {
  start: number;
  end: number;
  quoted: boolean;
  /** The character after an unquoted value. */
  next: string;
}

/** Where unquoted values end: whitespace, quotes and structure; `&` too in a query string. */
function endsUnquoted(c: number, query: boolean): boolean {
  return c <= 32 || c === 34 || c === 39 || c === 96 || c === 44 || c === 59 || c === 41 || c === 93 || c === 125 || c === 60 || (query && c === 38);
}

/** Reads a quoted or unquoted value at `i` (after blanks) on the same line. */
function readValue(text: string, i: number, query = false): Value | undefined {
  const n = text.length;
  for (let k = 0; k < 16 && isBlank(text[i]); k++) i++;
  let c = text[i];
  // String prefixes: Python b'' r'' u'', C# @"".
  if ((c === 'b' || c === 'r' || c === 'u' || c === '@') && isQuote(text[i + 1])) c = text[++i];
  // A JSON document inside a string: {\"password\":\"x\"}.
  if (c === '\\' && text[i + 1] === '"') {
    const close = text.indexOf('\\"', i + 2);
    if (close < 0 || close - i > MAX_QUOTED || text.slice(i + 2, close).includes('\n')) return undefined;
    return { start: i + 2, end: close, quoted: true, next: text[close + 2] ?? '' };
  }
  if (isQuote(c)) {
    let j = i + 1;
    while (j < n && j - i <= MAX_QUOTED && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
    if (text[j] !== c) return undefined;
    return { start: i + 1, end: j, quoted: true, next: text[j + 1] ?? '' };
  }
  // A hash scheme's braces belong to the value: {SSHA}..., {bcrypt}$2a$...
  const scheme = /^\{[A-Za-z0-9-]{2,12}\}/.exec(text.slice(i, i + 16));
  let j = i + (scheme ? scheme[0].length : 0);
  while (j < n && j - i <= MAX_UNQUOTED && !endsUnquoted(text.charCodeAt(j), query)) j++;
  if (j === i || j - i > MAX_UNQUOTED) return undefined;
  return { start: i, end: j, quoted: false, next: text[j] ?? '' };
}

/** The rest of the line after `i`, at most `max` characters. */
function restOfLine(text: string, i: number, max = 300): string {
  const s = text.slice(i, i + max);
  const nl = s.indexOf('\n');
  return nl < 0 ? s : s.slice(0, nl);
}

/** The line's text before `s` (at most 200 characters). */
function lineBefore(text: string, s: number): string {
  // A bounded walk back: lastIndexOf would scan a whole line-less chunk for every anchor.
  let b = s;
  while (b > 0 && s - b < 200 && text[b - 1] !== '\n') b--;
  return text.slice(b, s);
}

/** Shapes that are data but not secrets: URLs without credentials, file paths, e-mail addresses, versions. */
function notASecretShape(v: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) && !/:\/\/[^/@\s]*:[^/@\s]*@/.test(v)) return true;
  if (/^(?:~?\/|\.\.?\/|[A-Za-z]:\\)[\w.\\/ -]*$/.test(v) && /[\\/][\w.-]/.test(v.slice(1))) return true;
  if (/^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/.test(v)) return true;
  return /^v?\d+(?:\.\d+){1,3}$/.test(v);
}

/** Base64 of readable words ("ZHVtbXkgdGV4dA==" is "dummy text"): an encoded sentence, not key material. */
function decodesToText(v: string): boolean {
  if (!/^[A-Za-z0-9+/]{16,}={0,2}$/.test(v) || v.length % 4 !== 0) return false;
  try {
    const t = atob(v);
    return /^[\x20-\x7e]+$/.test(t) && / [a-z]{2,}/i.test(t) && !t.includes(':');
  } catch {
    return false;
  }
}

const classes = (v: string): number => Number(/[a-z]/.test(v)) + Number(/[A-Z]/.test(v)) + Number(/\d/.test(v)) + Number(/[^A-Za-z0-9]/.test(v));

/** A password-shaped word in prose: a digit, a symbol or a capital inside it (not a plain word). */
const passwordShaped = (v: string): boolean => /\d/.test(v) || /[^\p{L}\d]/u.test(v) || /\p{Ll}\p{Lu}/u.test(v);

/**
 * The score of a value under a name of this kind, or undefined when it is not a secret. A password may be weak
 * (`hunter22`, `admin123`, four digits); tokens, keys, salts and the like must look generated.
 */
function judgeValue(v: string, name: NameVerdict, value: Value): number | undefined {
  if (v.length > 400 || isPlaceholder(v) || isProse(v) || notASecretShape(v)) return undefined;
  if (!value.quoted) {
    if (isReference(v, value.next)) return undefined;
    // Unquoted in a shell or an env file, $X expands: super$ecret is not a literal. (An expression starts with "(".)
    if (/\$[A-Za-z_{(]/.test(v) || v.startsWith('(')) return undefined;
  } else {
    // A value wrapped in the other quotes ("'$X'") is judged by what is inside; string concatenation (" + x + ") is code.
    const inner = /^(["'])(.*)\1$/.exec(v);
    if (inner && inner[2] !== v && isPlaceholder(inner[2]!)) return undefined;
    if (/^\s*[+.]\s|\s[+.]\s*$/.test(v)) return undefined;
  }
  if (namesACredential(v)) return undefined;
  // Structure or code inside the value: "cvs#password: [empty]" (a sed command), "$1 >= 1000 && $1 < 60000" (awk).
  if (/(?:pass(?:word|wd)?|secret|token|key)[:=]/i.test(v) || /\s(?:&&|\|\||[<>=!]=|=>)\s/.test(v)) return undefined;
  if (name.kind === 'password') {
    if (/^\d+$/.test(v)) return v.length >= 4 && !looksTyped(v) ? 0.65 : undefined;
    if (v.length < 4) return undefined;
    // "P@ssw0rd", "secret123": the commonest leaked passwords, and the commonest examples; reported, weaker.
    if (echoesName(v)) return 0.6;
    return v.length < 6 ? name.score - 0.1 : name.score;
  }
  if (echoesName(v) || v.length < 8 || /^\d+$/.test(v) || /^[\p{L}]+(?:[-_. ][\p{L}]+)*$/u.test(v)) return undefined;
  // Generated secrets have digits; one without needs length and mixed case inside (base64), not words and dashes.
  if (!/\d/.test(v) && (v.length < 20 || (v.match(/\p{Ll}\p{Lu}/gu) ?? []).length < 3)) return undefined;
  if (classes(v) < 2 || entropy(v) < 3 || looksTyped(v) || decodesToText(v)) return undefined;
  return name.score;
}

/** A syntax's reading: the value, the syntax's name, a cap on the score (weaker syntaxes) or a confirmation (a decoded Basic credential). */
type Found = { value: Value; syntax: string; cap?: number; confirmed?: number };

/** XML element content after `i` (just past the element's name): `<password>x</password>`, `<Pass encoding="base64">x</Pass>`. */
function elementContent(text: string, i: number): Value | undefined {
  let j = i;
  if (text[j] !== '>') {
    if (!isBlank(text[j])) return undefined;
    const tag = restOfLine(text, j, 200);
    const close = tag.indexOf('>');
    if (close < 0 || tag.lastIndexOf('<', close) >= 0) return undefined;
    if (tag[close - 1] === '/') {
      // <password value="x"/>
      const m = /\svalue[ \t]*=[ \t]*(["'])([^"'\n]{1,256})\1/.exec(tag.slice(0, close));
      return m ? { start: j + m.index + m[0].length - m[2]!.length - 1, end: j + m.index + m[0].length - 1, quoted: true, next: m[1]! } : undefined;
    }
    j += close;
  }
  const body = text.slice(j + 1, j + 1 + MAX_QUOTED);
  const lt = body.indexOf('<');
  if (lt < 0) return undefined;
  const raw = body.slice(0, lt);
  const lead = raw.length - raw.trimStart().length;
  const v = raw.trim();
  if (!v || v.includes('\n') || body[lt + 1] !== '/') return undefined;
  return { start: j + 1 + lead, end: j + 1 + lead + v.length, quoted: true, next: '<' };
}

/** An HTTP Authorization value: `Basic <base64>`, `Bearer <token>`, `token <t>`, or a bare token. */
const TOKEN_CHAR = /[A-Za-z0-9._~+/=:-]/;
const SCHEME = /^(?:basic|bearer|token|bot|sswss?|apikey|key|digest|negotiate)[ \t]+/i;
function authorizationValue(text: string, i: number): Found | undefined {
  for (let k = 0; k < 16 && isBlank(text[i]); k++) i++;
  const quote = isQuote(text[i]) ? text[i] : '';
  if (quote) i++;
  const m = SCHEME.exec(text.slice(i, i + 24));
  const at = i + (m ? m[0].length : 0);
  let j = at;
  while (j < text.length && j - at < 2048 && TOKEN_CHAR.test(text[j]!)) j++;
  if (j === at) return undefined;
  const scheme = m ? m[0].trim().toLowerCase() : '';
  let confirmed: number | undefined;
  if (scheme === 'basic') {
    // Basic is base64 of user:password; a decoded colon confirms it.
    const v = text.slice(at, j);
    try {
      if (/^[A-Za-z0-9+/]+=*$/.test(v) && atob(v).includes(':')) confirmed = 0.9;
    } catch { /* not base64 */ }
  }
  return { value: { start: at, end: j, quoted: true, next: text[j] ?? '' }, syntax: `http header${scheme ? ` (${scheme})` : ''}`, confirmed };
}

const PROSE_WHOSE = /^[ \t]+(?:for|of)[ \t]+(?:the[ \t]+)?(?:user|account|login)?[ \t]*(?:'[^'\n]{1,32}'|"[^"\n]{1,32}"|[\w.@-]{1,32})/i;
const PROSE_VERBS = /^[ \t]+(?:is|was|es|est|ist|é|är|er|jest)[ \t]*:?[ \t]+/i;
/** Password words that are not also verbs or other words ("pass to", "la clave de", "parola" is any word in Italian). */
const PROSE_NAMES = /^(?:password|passwort|kennwort|passphrase|passcode|contraseña|contrasena|senha|wachtwoord|hasło|haslo|heslo|lösenord|salasana|şifre|пароль|パスワード|密码|密碼|비밀번호|motdepasse)$/;
/** Credential names that are also everyday words: not directives on their own. */
const DICTIONARY_NAMES = /^(?:pass|pw|pwd|passwd|secret|secrets|token|tokens|key|keys|auth|salt|pepper|credentials?|creds|clave|parola|mdp|bearer)$/;
/** name: / name= / "name": before a value: a name/value pair (`<add key="password" value="x"/>`, k8s `- name: X` then `value: y`). */
const PAIR_KEY = /(?:^|[\s{,;<(])["']?(?:name|key|param|parameter|variable|setting|property|field)["']?[ \t]*[=:][ \t]*["']?$/i;
const PAIR_VALUE = /(?:^|[\s{,;<])["']?value["']?[ \t]*[=:]/i;

/** Reads what follows a credential name at [s, e): the syntax and the value, if any. */
function readSyntax(text: string, s: number, e: number, dashes: number, verdict: NameVerdict, nameLower: string, motDePasse: boolean): Found | undefined {
  let before = text[s - 1];
  let quoted = isQuote(before) && text[e] === before;
  let i = quoted ? e + 1 : e;
  if (!quoted && before === '"' && text[s - 2] === '\\' && text[e] === '\\' && text[e + 1] === '"') {
    quoted = true;
    i = e + 2;
  }
  // Ruby symbols: set :password, "x" (Capistrano); ssh_options[:password] = "x".
  if (before === ':' && !quoted && (text[e] === ',' || text[e] === ']') && /(?:^|\s)set[ \t]+:$|\[:$/.test(text.slice(Math.max(0, s - 6), s))) {
    if (text[e] === ',') {
      const v = readValue(text, e + 1);
      return v?.quoted ? { value: v, syntax: 'ruby symbol' } : undefined;
    }
    before = '[';
    i = e + 1;
  }

  if (before === '<' && !quoted) {
    const v = elementContent(text, e);
    return v && { value: v, syntax: 'xml element' };
  }

  // A name that is itself the value of a name/key field: the secret is in the value field that follows.
  const lb = lineBefore(text, quoted ? s - 1 : s);
  if (PAIR_KEY.test(lb.slice(-24) + (quoted ? before : ''))) {
    const ahead = text.slice(i, i + 300);
    const nextName = ahead.search(/["'\s](?:name|key)["']?[ \t]*[=:]/i);
    const scope = nextName < 0 ? ahead : ahead.slice(0, nextName);
    const m = PAIR_VALUE.exec(scope);
    if (m) {
      const v = readValue(text, i + m.index + m[0].length);
      return v && { value: v, syntax: 'name/value pair' };
    }
    if (lb.includes('<')) {
      // <entry key="password">x</entry>, <property name="password">x</property>
      const tag = restOfLine(text, i, 200);
      const close = tag.indexOf('>');
      if (close >= 0 && tag[close - 1] !== '/') {
        const v = elementContent(text, i + close);
        return v && { value: v, syntax: 'xml element' };
      }
    }
    return undefined;
  }

  // A key follows "{", ",", "(", "[", a list dash or the start of a line; after "?" it is a ternary (x ? "PASS" : "FAIL").
  const open = lb.replace(/\\$/, '').trimEnd().slice(-1);
  if (open === '?') return undefined;
  if (quoted && text[i] === ']') i++;
  const nameEnd = i;
  for (let k = 0; k < 8 && isBlank(text[i]); k++) i++;
  const c = text[i], c2 = text[i + 1];

  if (nameLower === 'bearer' && isBlank(text[e])) {
    // After "Authorization:" the header reader has it already.
    if (/authori[sz]ation["']?[ \t]*[:=][ \t]*["']?$/i.test(lb)) return undefined;
    const v = readValue(text, e);
    return v && { value: v, syntax: 'bearer token' };
  }
  // PHP define('DB_PASSWORD', 'x'), put("password", "x"), setProperty("password", "x").
  if (quoted && c === ',') {
    const call = lb.trimEnd();
    if (!call.endsWith('(')) return undefined;
    const v = readValue(text, i + 1);
    return v?.quoted ? { value: v, syntax: /define\s*\($/i.test(call) ? 'php define' : 'call argument' } : undefined;
  }
  // setPassword("x"), .password('x'), withToken("x").
  if (!quoted && c === '(' && i === nameEnd) {
    if (verdict.kind === 'auth' || verdict.kind === 'credential' || verdict.kind === 'salt') return undefined;
    const v = readValue(text, i + 1);
    // The literal is the whole argument: setPassword("x") or setPassword("x", ...), not setPassword("x" + y).
    return v?.quoted && /^[\s,)]?$/.test(v.next) ? { value: v, syntax: 'setter call' } : undefined;
  }
  // if password == "team10", creds.Secret != "open-sesame": the literal a credential is compared with is hard-coded.
  if ((c === '=' || c === '!') && c2 === '=') {
    const v = readValue(text, i + (text[i + 2] === '=' ? 3 : 2));
    return v?.quoted ? { value: v, syntax: 'comparison' } : undefined;
  }
  let op = '';
  if (c === '=' && c2 === '>') op = '=>';
  else if (c === ':' && c2 === '=') op = ':=';
  else if (c === '=' && c2 !== '=' && !/[=!<>]/.test(text[nameEnd - 1] ?? '')) op = '=';
  else if ((c === ':' && c2 !== ':') || c === '：') op = ':';
  else if (c === '?' && c2 === ':') return undefined; // password?: string

  if (!op) {
    // csh setenv DB_PASSWORD x; Dockerfile ENV DB_PASSWORD x (the old form without "=").
    if (isBlank(text[nameEnd]) && /(?:^|[\s;])setenv[ \t]+$|^[ \t]*ENV[ \t]+$/.test(lb)) {
      const v = readValue(text, i);
      return v && { value: v, syntax: /setenv/.test(lb) ? 'csh setenv' : 'dockerfile env' };
    }
    // fetchmailrc/esmtprc "password 'x'", SQL "WITH PASSWORD 'x'": a password word, blanks, a quoted value.
    // Only the unambiguous words: "pass 'prng'" and "palabra clave \"dotenv\"" are prose.
    // Gradle's storePassword "x" and keyPassword 'x' (a call without parentheses) count too: compound names are not prose.
    if ((/^(?:password|passwd|passphrase)$/.test(nameLower) || /[a-z][A-Z]|_/.test(text.slice(s, e))) && !quoted && isBlank(text[nameEnd]) && isQuote(text[i]) && text[i] !== '`') {
      const v = readValue(text, i);
      return v && { value: v, syntax: 'keyword and quoted value', cap: 0.75 };
    }
    // redis.conf "requirepass x", slapd.conf "rootpw x": a directive at the start of a line and its one value.
    // (A compound directive only: "pass lint." at the start of a wrapped line is prose.)
    if (!quoted && !dashes && /^[ \t]*$/.test(lb) && isBlank(text[nameEnd]) && !PROSE_NAMES.test(nameLower) && !DICTIONARY_NAMES.test(nameLower)) {
      const v = readValue(text, i);
      const rest = v && restOfLine(text, v.end, 80);
      if (v && !v.quoted && /^[ \t]*(?:#.*)?\r?$/.test(rest ?? '') && !/[.,;:]$/.test(text.slice(v.start, v.end)) && (verdict.kind !== 'password' || passwordShaped(text.slice(v.start, v.end))))
        return { value: v, syntax: 'config directive', cap: 0.7 };
    }
    // --password hunter22
    // (Not a word after it: "--passphrase with --quick-gen-key", "the -pass option" are prose about the flag.)
    if (dashes >= 1 && isBlank(text[nameEnd]) && i > nameEnd) {
      const v = readValue(text, i);
      return v && text[v.start] !== '-' && !/^\p{L}+[.,;:!?)]*$/u.test(text.slice(v.start, v.end)) ? { value: v, syntax: 'command-line flag' } : undefined;
    }
    // the password is Tr0ub4dor; contraseña es ...; Passwort ist ...
    if (verdict.kind === 'password' && !quoted && PROSE_NAMES.test(motDePasse ? 'motdepasse' : nameLower)) {
      // "the password for user 'postgres' is ...", "the password of root is ...": whose password, then the verb.
      const whose = PROSE_WHOSE.exec(text.slice(nameEnd, nameEnd + 80))?.[0].length ?? 0;
      const m = PROSE_VERBS.exec(text.slice(nameEnd + whose, nameEnd + whose + 24));
      if (!m) return undefined;
      const v = readValue(text, nameEnd + whose + m[0].length);
      if (!v) return undefined;
      while (v.end > v.start + 1 && /[.,!?:)]/.test(text[v.end - 1]!)) v.end--;
      const word = text.slice(v.start, v.end);
      // The value ends the clause: "the password is UCS2-encoded before hashing" describes it.
      // A quoted word is a literal however plain ("is 'admin'"); an unquoted one must look like a password.
      if (/^[ \t]+\p{Ll}/u.test(text.slice(v.end, v.end + 3)) || word.length < (v.quoted ? 4 : 6) || !/\p{L}/u.test(word)) return undefined;
      return v.quoted || passwordShaped(word) ? { value: v, syntax: 'prose', cap: 0.75 } : undefined;
    }
    return undefined;
  }
  // An unquoted YAML-like key needs a blank (or a quote) after the colon: "user:pass@host" and "pw:x" in URLs are not keys.
  // (At the start of a line a dotted .properties key may take its value straight after the colon.)
  if (op === ':' && !quoted && c !== '：' && !isBlank(c2) && !isQuote(c2) && c2 !== '\n' && c2 !== '\r' && c2 !== undefined && !(/^\s*$/.test(lb) && text.slice(s, e).includes('.'))) return undefined;

  if (/^authori[sz]ation$|^proxy-authori[sz]ation$/.test(nameLower)) return authorizationValue(text, i + op.length);

  // "Password: " + getPassword(): the name opens a string literal and the quote after the colon closes it.
  if (!quoted && isQuote(before) && text[i + op.length + (isBlank(text[i + op.length]) ? 1 : 0)] === before) return undefined;
  const prev = lb.trimEnd().slice(-1);
  const query = before === '?' || before === '&';
  let v = readValue(text, i + op.length, query);
  if (!v) return undefined;
  // const password: string = "x"
  if (op === ':' && !v.quoted && /^(?:string|str|&str|String)$/.test(text.slice(v.start, v.end))) {
    const m = /^[ \t]*=[ \t]*/.exec(text.slice(v.end, v.end + 8));
    if (!m) return undefined;
    v = readValue(text, v.end + m[0].length);
    if (!v) return undefined;
  }
  const word = text.slice(v.start, v.end);
  if (!v.quoted) {
    // YAML block and tag markers, anchors and aliases: the value is elsewhere.
    if (/^(?:[|>][+-]?\d*|[&*][\w-]+|!{1,2}[A-Za-z]\w*)$/.test(word)) return undefined;
    // "Password: Enter the one you chose" is a label followed by prose.
    if (/^\p{L}+$/u.test(word) && /^[ \t]+\p{L}/u.test(text.slice(v.end, v.end + 4))) return undefined;
    // In code, an identifier followed by ; , or ) is a variable (password = pw;) unless pairs of a connection string follow.
    if (/^[A-Za-z_$][\w$]*$/.test(word) && /[,)]/.test(v.next) && !query && before !== ';') return undefined;
    // A PowerShell cmdlet: $pw = ConvertTo-SecureString ..., Read-Host -AsSecureString.
    if (/^[A-Z][a-z]+(?:[A-Z][a-z]*)*-[A-Z][A-Za-z]+$/.test(word) && isBlank(v.next)) return undefined;
    // An identifier in an expression: password = given ?? randomBytes(12), pw = opts.pw || default, x = y if z else w.
    if (/^[A-Za-z_$][\w$]*$/.test(word) && /^[ \t]+(?:\?\?|\|\||&&|[+*/%?]|-[ \t]|or[ \t]|and[ \t]|if[ \t])/.test(text.slice(v.end, v.end + 8))) return undefined;
    if (v.next === ';' && /^[A-Za-z_$][\w$]*$/.test(word) && before !== ';' && !/^;\s*[\w ]+=/.test(text.slice(v.end, v.end + 40))) return undefined;
  }
  let syntax: string;
  if (op === '=>') syntax = 'hash key';
  else if (op === ':=') syntax = 'go assignment';
  else if (op === ':') {
    if (quoted && !/^[{,([\-/#*;]?$/.test(open)) return undefined;
    syntax = quoted ? 'json key' : 'yaml key';
  }
  else if (before === ';') syntax = 'connection string';
  else if (query) {
    // A token in an image's URL (a README badge: badge.svg?token=...) is published with the page by design.
    if (/\.(?:svg|png|gif|jpe?g|webp)$/i.test(lb.slice(0, -1).split(/[?\s("'<>]/).at(-1) ?? '')) return undefined;
    syntax = 'query parameter';
  }
  else if (dashes >= 1) syntax = 'command-line flag';
  else if (before === '$') syntax = 'php variable';
  else if (quoted) syntax = 'array key';
  else if (lb.lastIndexOf('<') > lb.lastIndexOf('>')) syntax = 'xml attribute';
  else if (/^\s*export\s+$/.test(lb)) syntax = 'shell export';
  else if (/^\s*$/.test(lb)) syntax = /^[A-Z][A-Z0-9_]*$/.test(text.slice(s, e)) ? 'env assignment' : v.quoted ? 'assignment' : 'ini key';
  else if (prev === '(' || prev === ',') syntax = 'keyword argument';
  else syntax = 'assignment';
  return { value: v, syntax };
}

/** A value in one of a flag's quotes or none: the password group of a command's pattern. */
const ARG = `(?:'([^'\\n]{1,128})'|"([^"\\n]{1,128})"|([^\\s'"-][^\\s'"]{0,127}))`;
/**
 * Commands that take a password on their command line (shell histories and scripts): mysql -pSecret (glued:
 * "-p secret" makes secret the database), sshpass -p x, redis-cli -a x, mongo -p x, docker login -p x,
 * curl -u user:password, PowerShell ConvertTo-SecureString "x" -AsPlainText.
 */
const COMMANDS: { words: string[]; flag: RegExp; needs?: RegExp }[] = [
  { words: ['mysql', 'mysqldump', 'mysqladmin', 'mysqlimport', 'mariadb'], flag: new RegExp(`(?:^|[ \\t])-p${ARG}`, 'd') },
  { words: ['sshpass'], flag: new RegExp(`(?:^|[ \\t])-p[ \\t]*${ARG}`, 'd') },
  { words: ['redis-cli'], flag: new RegExp(`(?:^|[ \\t])-a[ \\t]+${ARG}`, 'd') },
  { words: ['mongo', 'mongosh', 'mongodump', 'mongorestore', 'mongoimport', 'mongoexport'], flag: new RegExp(`(?:^|[ \\t])-p[ \\t]+${ARG}`, 'd') },
  { words: ['docker', 'podman'], needs: /^[ \t]+login\b/, flag: new RegExp(`(?:^|[ \\t])-p[ \\t]+${ARG}`, 'd') },
  // PowerShell: ConvertTo-SecureString "x" -AsPlainText -Force
  { words: ['convertto-securestring'], needs: /-AsPlainText/i, flag: /^[ \t]+(?:-String[ \t]+)?(?:'([^'\n]{1,128})'|"([^"\n]{1,128})")/di },
  // Sysinternals PsExec and its clones: psexec \\host -u user -p password
  { words: ['psexec', 'psexec64', 'paexec'], flag: new RegExp(`(?:^|[ \\t])-p[ \\t]+${ARG}`, 'd') },
  { words: ['curl'], flag: /(?:^|[ \t])(?:-u|--user)[ \t]*(?:'[^':\n]{1,64}:([^'\n]{1,128})'|"[^":\n]{1,64}:([^"\n]{1,128})"|[^\s'":]{1,64}:([^\s'"]{1,128}))/d },
];
const COMMAND_ANCHORS = [...new Set(COMMANDS.flatMap((c) => c.words.map((w) => w.slice(0, 5))))];

function commandPassword(text: string, at: number): Candidate | undefined {
  if (isNameChar(text, at - 1) && text[at - 1] !== '.' && text[at - 1] !== '-') return undefined;
  let e = at;
  while (e < text.length && e - at < 24 && /[a-z-]/i.test(text[e]!)) e++;
  const word = text.slice(at, e).toLowerCase();
  const command = COMMANDS.find((c) => c.words.includes(word));
  if (!command || !isBlank(text[e])) return undefined;
  const line = restOfLine(text, e, 300);
  if (command.needs && !command.needs.test(line)) return undefined;
  const m = command.flag.exec(line);
  if (!m) return undefined;
  const g = [1, 2, 3].find((k) => m[k] !== undefined)!;
  const v = m[g]!;
  if (isPlaceholder(v) || v.length < 4 || /^(?:PASSWORD|PASS)$/i.test(v)) return undefined;
  const start = e + m.indices![g]![0];
  return { start, end: start + v.length, score: 0.8, why: [`command-line flag '${word}'`] };
}

/**
 * Constructors that take a user name and a password as literals: .NET's NetworkCredential("user", "pw"),
 * DirectoryEntry("LDAP://host", "user", "pw"), PowerShell's PSCredential("user", ...). The password is the
 * argument at `password` (0-based), the user name the one at `user`.
 */
const CREDENTIAL_CALLS: Record<string, { user: number; password: number }> = {
  networkcredential: { user: 0, password: 1 }, directoryentry: { user: 1, password: 2 }, pscredential: { user: 0, password: 1 },
};
const CALL_ARG = /[ \t]*(?:@?"([^"\n]{0,128})"|'([^'\n]{0,128})'|([^,()"'\n]{0,128}))[ \t]*([,)])/y;
function credentialCall(text: string, at: number, word: string): Candidate[] {
  const spec = CREDENTIAL_CALLS[word]!;
  let i = at + word.length;
  while (text[i] === ' ') i++;
  if (text[i] !== '(') return [];
  const args: { start: number; end: number; literal: boolean }[] = [];
  CALL_ARG.lastIndex = i + 1;
  for (let m = CALL_ARG.exec(text); m && args.length < 4; m = CALL_ARG.exec(text)) {
    const g = m[1] !== undefined ? 1 : m[2] !== undefined ? 2 : 3;
    const start = text.indexOf(m[g]!, m.index);
    args.push({ start, end: start + m[g]!.length, literal: g < 3 });
    if (m[4] === ')') break;
  }
  const pw = args[spec.password], user = args[spec.user];
  if (!pw?.literal || pw.end - pw.start < 4 || isPlaceholder(text.slice(pw.start, pw.end))) return [];
  const out: Candidate[] = [{ start: pw.start, end: pw.end, score: 0.85, why: [`password argument of ${word} (0.85)`] }];
  if (user?.literal && user.end > user.start) out.push({ start: user.start, end: user.end, score: 0.7, why: [`user argument of ${word} (0.7)`] });
  return out;
}

/** SQL: CREATE USER ... IDENTIFIED BY 'x', ALTER USER ... IDENTIFIED WITH plugin BY 'x'. */
const IDENTIFIED_BY = /identified[ \t]+(?:with[ \t]+\w+[ \t]+)?by[ \t]+(?:password[ \t]*\(?[ \t]*)?(?:'([^'\n]{1,128})'|"([^"\n]{1,128})")/iyd;
function identifiedBy(text: string, at: number): Candidate | undefined {
  IDENTIFIED_BY.lastIndex = at;
  const m = IDENTIFIED_BY.exec(text);
  if (!m) return undefined;
  const g = m[1] !== undefined ? 1 : 2;
  const v = m[g]!;
  if (isPlaceholder(v) || v.length < 4 || /^[*]?[0-9A-F]{40}$/.test(v)) return undefined;
  return { start: m.indices![g]![0], end: m.indices![g]![1], score: 0.85, why: ["sql 'identified by'"] };
}

/** Positions of every credential word in the chunk, in order. */
function anchorPositions(text: string, lower: string, anchors: ReadonlyMap<string, readonly number[]>): number[] {
  const out: number[] = [];
  if (lower.length === text.length) {
    for (const a of ANCHORS) for (const p of anchors.get(a) ?? []) out.push(p);
  } else {
    // Lower-casing changed lengths (a rare character): find the anchors again in a same-length lower case.
    lower = Array.from(text, (ch) => (ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch)).join('');
    for (const a of ANCHORS) for (let i = lower.indexOf(a); i >= 0; i = lower.indexOf(a, i + 1)) out.push(i);
  }
  const t = tokensOf(text);
  for (let k = 0; k < t.words; k++) {
    if (t.wordShape[k]! & ASCII) continue;
    const from = t.wordStart[k]!, word = lower.slice(from, t.wordEnd[k]!);
    for (const w of NON_ASCII) for (let i = word.indexOf(w); i >= 0; i = word.indexOf(w, i + w.length)) out.push(from + i);
  }
  return out.sort((a, b) => a - b);
}

function find(text: string, lower: string, anchors: ReadonlyMap<string, readonly number[]>): Candidate[] {
  const out: Candidate[] = [];
  /** Passwords found by their names: their user names and hosts are reported with them (companions.ts). */
  const passwords: Candidate[] = [];
  const n = text.length;
  if (lower.length === text.length) {
    for (const a of COMMAND_ANCHORS)
      for (const p of anchors.get(a) ?? []) {
        const c = commandPassword(text, p);
        if (c && out.length < MAX_CANDIDATES) {
          out.push(c);
          passwords.push(c);
        }
      }
    for (const word of Object.keys(CREDENTIAL_CALLS))
      for (const p of anchors.get(word) ?? []) if (out.length < MAX_CANDIDATES) out.push(...credentialCall(text, p, word));
    for (const p of anchors.get('identified') ?? []) {
      const c = identifiedBy(text, p);
      if (c && out.length < MAX_CANDIDATES) out.push(c);
    }
  }
  let done = 0;
  for (const p of anchorPositions(text, lower, anchors)) {
    if (out.length >= MAX_CANDIDATES) break;
    if (p < done) continue;
    let s = p, e = p;
    while (s > 0 && p - s < MAX_NAME && isNameChar(text, s - 1)) s--;
    while (e < n && e - p < MAX_NAME && isNameChar(text, e)) e++;
    if ((s > 0 && isNameChar(text, s - 1)) || (e < n && isNameChar(text, e))) {
      while (e < n && isNameChar(text, e)) e++;
      done = e;
      continue;
    }
    done = e;
    let dashes = 0;
    while (s < e && (text[s] === '-' || text[s] === '.')) {
      if (text[s] === '-') dashes++;
      s++;
    }
    while (e > s && (text[e - 1] === '.' || text[e - 1] === '-')) e--;
    if (e - s < 2) continue;
    const name = text.slice(s, e);
    // "mot de passe", "API key": the word before counts when the name is a single word.
    let wordBefore = '';
    if (text[s - 1] === ' ') {
      let b = s - 1;
      while (b > 0 && s - b < 24 && (classOf(text.charCodeAt(b - 1)) & LETTER) !== 0) b--;
      wordBefore = text.slice(b, s - 1);
    }
    const lowerName = name.toLowerCase();
    // -pS3cret is a value glued to a flag, not a name.
    if (dashes === 1 && /\d/.test(name)) continue;
    const motDePasse = /^passe$/i.test(name) && /mot de $/i.test(text.slice(Math.max(0, s - 7), s));
    const verdict = motDePasse ? judgeName('motdepasse') : judgeName(name, wordBefore);
    if (!verdict) continue;
    const found = readSyntax(text, s, e, dashes, verdict, lowerName, motDePasse);
    if (!found) continue;
    const v = text.slice(found.value.start, found.value.end);
    // A header's value is a token whatever its name says; a decoded user:password confirms it.
    const score = found.confirmed !== undefined
      ? (isPlaceholder(v) ? undefined : found.confirmed)
      : judgeValue(v, found.syntax.startsWith('http header') && verdict.kind === 'auth' ? { ...verdict, kind: 'token' } : verdict, found.value);
    if (score === undefined) continue;
    const final = found.cap !== undefined ? Math.min(found.cap, score) : score;
    out.push({ start: found.value.start, end: found.value.end, score: final, why: [`${found.syntax} '${motDePasse ? 'mot de passe' : clip(name)}' (${kindLabel(verdict.kind)}, ${final})`] });
    if (verdict.kind === 'password') passwords.push(out[out.length - 1]!);
  }
  return passwords.length ? [...out, ...companionsOf(text, passwords)] : out;
}

const clip = (name: string): string => (name.length > 40 ? `${name.slice(0, 37)}...` : name);
const kindLabel = (k: CredentialKind): string => (k === 'password' ? 'password name' : `${k} name`);

export const assignments: Detector = {
  id: 'secret.assignment',
  type: 'SECRET',
  category: 'secret',
  description: 'Credential read from structure: a password, secret, token or key assigned to its name in a config file, code, a connection string, a header or a flag',
  anchors: [...ANCHORS, ...COMMAND_ANCHORS, 'identified', ...Object.keys(CREDENTIAL_CALLS)],
  find,
  examples: {
    match: [
      { text: 'DB_PASSWORD=hunter22', value: 'hunter22' },
      { text: '{"auth": {"password": "hunter22"}}', value: 'hunter22' },
      { text: 'password = "Xk9#mQ2$vL8p"', value: 'Xk9#mQ2$vL8p' },
      { text: "define('DB_PASSWORD', 'admin123');", value: 'admin123' },
      { text: '<Pass encoding="base64">aHVudGVyMjI=</Pass>', value: 'aHVudGVyMjI=' },
      { text: 'Server=db1;User Id=app;Password=Sup3rS3cret!;', value: 'Sup3rS3cret!' },
      { text: 'api_key: Zt8Kq3Lm9Np2Rs6Tu0Wx4Yb7', value: 'Zt8Kq3Lm9Np2Rs6Tu0Wx4Yb7' },
      { text: 'the password is Tr0ub4dor', value: 'Tr0ub4dor' },
    ],
    noMatch: [
      'Pass --disable-silent-rules to configure', 'jwt.sign(payload, key)', 'press any key to continue', 'the secret to success is patience',
      'password = os.environ["DB_PASSWORD"]', 'token: ${TOKEN}', 'password: changeme', 'password_min_length = 12', 'api_key = "your_api_key_here"',
    ],
  },
};
