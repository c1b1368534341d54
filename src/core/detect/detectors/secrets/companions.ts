import type { Candidate } from '../../types';
import { isPlaceholder, isReference } from './placeholder';

/**
 * The user name and the host that go with a password: a credential is the three together ("$user = 'mg1021'"
 * beside "$password = 'goodspec'", "User ID=b2b;Password=...", "-u Administrator -p ...", "for user 'postgres'
 * is 'admin'"), and catalogues of leaked credentials mark each part. They are reported only beside a password
 * found by its own structure, on its line (a connection string, a command, a call, a sentence): a user name alone
 * is never a secret, and a file's other lines are not flagged for it.
 */

/** How far along its line a password's companions are looked for. */
const REACH = 300;
const SCORE = 0.7;

const USER_NAME = '(?:[A-Za-z0-9]{1,24}[_.-])?(?:user(?:[ _-]?(?:name|id))?|uid|login(?:name)?|account(?:name)?|client[_-]?id)';
const HOST_NAME = '(?:[A-Za-z0-9]{1,24}[_.-])?(?:host(?:name)?|server(?:name)?|data source|endpoint|domain)';
const VALUE = `(?:"([^"\\n]{1,128})"|'([^'\\n]{1,128})'|([^\\s"',;<>(){}\\[\\]]{1,128}))`;
/** name = value, name: value, "name": "value", name => value, Name=value; (connection strings), -name value. */
const assignment = (name: string) =>
  new RegExp(`(?<![A-Za-z0-9_$-])(?:[$@]|--?|\\$[A-Za-z_]{1,24}->)?["']?(${name})["']?[ \\t]{0,8}(?:=>|:=|[:=]|(?<=-\\w{1,12})[ \\t])[ \\t]{0,8}${VALUE}`, 'gid');
const USER_ASSIGNMENT = assignment(USER_NAME);
const HOST_ASSIGNMENT = assignment(HOST_NAME);
/** Flags of remote-execution commands: psexec -u NAME, Connect-VIServer -User NAME, net use /user:NAME. */
const USER_FLAG = /(?<![\w-])(?:-User[ \t]+|-u[ \t]+|\/user:)(?:"([^"\n]{1,128})"|'([^'\n]{1,128})'|([^\s"'-][^\s"']{0,127}))/gd;
/** Prose: "the password for user 'postgres' is ...". */
const USER_PROSE = /\bfor (?:the )?user[ \t]+(?:"([^"\n]{1,64})"|'([^'\n]{1,64})'|([A-Za-z0-9._@-]{1,64}))/gid;
/** An element: <user>kim</user>, <username>kim</username>. */
const USER_ELEMENT = /<(user(?:name)?|login)>([^<\n]{1,128})<\/\1>/gid;

const HOST_SHAPE = /^(?:[a-z][a-z0-9+.-]{1,15}:\/\/)?[A-Za-z0-9](?:[A-Za-z0-9._-]{0,252})(?::\d{1,5})?\/?$/;

function valueOf(m: RegExpExecArray, from: number): [number, number, string] | undefined {
  for (let g = from; g < m.length; g++) if (m[g] !== undefined && m.indices?.[g]) return [m.indices[g]![0], m.indices[g]![1], m[g]!];
  return undefined;
}

function collect(re: RegExp, text: string, from: number, to: number, first: number, why: string, host: boolean, out: Candidate[]): void {
  const part = text.slice(from, to);
  re.lastIndex = 0;
  for (let m = re.exec(part); m; m = re.exec(part)) {
    const v = valueOf(m, first);
    if (!v) continue;
    const [s, e, value] = v;
    // A dotted host reads like a reference to a variable (config.password); hosts are judged by their shape.
    if (isPlaceholder(value) || (host ? !HOST_SHAPE.test(value) : isReference(value))) continue;
    out.push({ start: from + s, end: from + e, score: SCORE, why: [why] });
  }
}

/** Companions of the passwords at `spans`, each window read once (overlapping windows are merged). */
export function companionsOf(text: string, spans: readonly { start: number; end: number }[]): Candidate[] {
  const windows: [number, number][] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    // The password's line, at most REACH either side (read in slices: a text without line breaks stays linear).
    const back = Math.max(0, s.start - REACH), ahead = Math.min(text.length, s.end + REACH);
    const before = text.slice(back, s.start).lastIndexOf('\n'), after = text.slice(s.end, ahead).indexOf('\n');
    const from = before < 0 ? back : back + before + 1, to = after < 0 ? ahead : s.end + after;
    const last = windows[windows.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else windows.push([from, to]);
  }
  const out: Candidate[] = [];
  for (const [from, to] of windows) {
    collect(USER_ASSIGNMENT, text, from, to, 2, `user name beside a password (${SCORE})`, false, out);
    collect(HOST_ASSIGNMENT, text, from, to, 2, `host beside a password (${SCORE})`, true, out);
    collect(USER_FLAG, text, from, to, 1, `user flag beside a password (${SCORE})`, false, out);
    collect(USER_PROSE, text, from, to, 1, `user named beside a password (${SCORE})`, false, out);
    collect(USER_ELEMENT, text, from, to, 2, `user element beside a password (${SCORE})`, false, out);
  }
  const taken = new Set(spans.map((s) => s.start));
  return out.filter((c) => !taken.has(c.start) && !spans.some((s) => c.start < s.end && s.start < c.end));
}
