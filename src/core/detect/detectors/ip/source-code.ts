import { classOf, SPACE } from '../../tokens';
import type { Candidate, Detector } from '../../types';

/**
 * Blocks of source code, so that policy can keep code away from generative AI. A line is code when it reads
 * like code in the common languages (a statement's end, a keyword with code punctuation, an operator, an
 * assignment, a tag); comments and blank lines neither make nor break a block; three lines of prose end it.
 * A block is code from five code lines that are most of its lines; a fenced Markdown block of three lines or more
 * is code outright (a one-line command in a fence is not worth stopping).
 *
 * The line tests are sticky regexes tried at the first character of the trimmed line (where "^" stood): what
 * follows the trimmed line in the text is blanks and a line break, which end "\b", "\s" and "$" alike.
 */
const KEYWORD_START = /(?:import|from|export|const|let|var|function|def|class|return|if|elif|else|for|while|do|switch|case|try|catch|except|finally|raise|throw|public|private|protected|static|package|using|namespace|fn|func|impl|struct|enum|interface|module|async|await|lambda|echo|print|println|printf|SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|FROM|WHERE|JOIN|GROUP BY|ORDER BY)\b/y;
/** Not anchored (and "$" is the trimmed line's end): tried on the line's own text. */
const OPERATOR = /=>|->|::|===|!==|[=!<>]=|&&|\|\||\+=|-=|\+\+|<\/|\/>|\)\s*\{|\w\.\w+\(|\w\([^()]*\)\s*;?$/;
/** Its "\s*" could read on into the next line: a match counts only when it ends on the line. */
const ASSIGNMENT = /[A-Za-z_$][\w$.[\]'"]*\s*:?=\s*\S/y;
/** Statements that read as code even without punctuation: "import numpy as np", "return None". */
const BARE_STATEMENT = /(?:import|package|return|def|using|require|include|pass|break|continue)\b/y;
const TAG = /<\/?[A-Za-z][\w:-]*(?:\s|>|\/>|$)/y;
const CODE_PUNCTUATION = /[=;{}()<>:[\]\n]/g;
const CLOSERS = new Set(['}', '};', '})', '});', ')', ');', ']', '];', 'end', 'fi', 'done', 'esac']);
const LONGEST_CLOSER = 4;

export const MIN_CODE_LINES = 5;
const MIN_FENCED_LINES = 3;
const MIN_DENSITY = 0.6;
const PROSE_BREAK = 3;

type Kind = 'code' | 'neutral' | 'prose';

const isSpace = (c: number): boolean => (classOf(c) & SPACE) !== 0;

const sticky = (re: RegExp, text: string, at: number): boolean => {
  re.lastIndex = at;
  return re.test(text);
};

/** The kind of the trimmed line text[s, e) (s === e for a blank line), read in place. */
export function lineKind(text: string, s: number, e: number): Kind {
  if (s === e) return 'neutral';
  const c = text.charCodeAt(s);
  if (c === 35 /* # */ && (text.startsWith('#include', s) || text.startsWith('#define', s) || text.startsWith('#!', s))) return 'code';
  if ((c === 47 /* / */ && (text.startsWith('//', s) || text.startsWith('/*', s))) || c === 42 /* * */ || c === 35 /* # */ || text.startsWith('--', s)) return 'neutral';
  if ((e - s <= LONGEST_CLOSER && CLOSERS.has(text.slice(s, e))) || sticky(BARE_STATEMENT, text, s)) return 'code';
  // The next punctuation or line break: the search never reads past the line.
  CODE_PUNCTUATION.lastIndex = s;
  if (!CODE_PUNCTUATION.test(text) || CODE_PUNCTUATION.lastIndex > e) return 'prose';
  const last = text.charCodeAt(e - 1);
  if (last === 59 /* ; */ || last === 123 /* { */) return 'code';
  if (sticky(KEYWORD_START, text, s) || sticky(TAG, text, s) || (sticky(ASSIGNMENT, text, s) && ASSIGNMENT.lastIndex <= e) || OPERATOR.test(text.slice(s, e))) return 'code';
  return 'prose';
}

/** A block being read: where it starts and ends, its code lines and the lines that count for its density. */
interface Block {
  start: number;
  end: number;
  code: number;
  counted: number;
  prose: number;
}

function findCode(text: string): Candidate[] {
  const out: Candidate[] = [];
  let block: Block | undefined;
  let fence = -1, fenced = 0;
  const close = () => {
    if (block && block.code >= MIN_CODE_LINES && block.code / block.counted >= MIN_DENSITY)
      out.push({ start: block.start, end: block.end, score: Math.min(0.95, 0.7 + 0.02 * (block.code - MIN_CODE_LINES)), why: [`${block.code} lines of code`] });
    block = undefined;
  };
  for (let at = 0; at < text.length; ) {
    let nl = text.indexOf('\n', at);
    if (nl < 0) nl = text.length;
    // The line trimmed as String.prototype.trim does (its white space is the tokens' SPACE class): [s, e).
    let s = at, e = nl;
    while (s < nl && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (text.startsWith('```', s)) {
      if (fence >= 0 && fenced >= MIN_FENCED_LINES) out.push({ start: fence, end: e, score: 0.95, why: [`fenced code block of ${fenced} lines`] });
      else if (fence < 0) close();
      fence = fence >= 0 ? -1 : s;
      fenced = 0;
    } else if (fence >= 0) {
      if (s < e) fenced++;
    } else {
      const kind = lineKind(text, s, e);
      if (kind === 'code') {
        block ??= { start: s, end: 0, code: 0, counted: 0, prose: 0 };
        block.code++;
        block.counted++;
        block.prose = 0;
        block.end = e;
      } else if (kind === 'prose' && block) {
        block.counted++;
        if (++block.prose >= PROSE_BREAK) close();
      }
    }
    at = nl + 1;
  }
  close();
  return out;
}

export const sourceCodeDetectors: Detector[] = [
  {
    id: 'ip.source-code',
    type: 'SOURCE_CODE',
    category: 'ip',
    description: `Block of source code (${MIN_CODE_LINES}+ lines of code in most of its lines, or a fenced block of ${MIN_FENCED_LINES}+ lines)`,
    passage: true,
    find: findCode,
    examples: {
      match: [
        {
          text: 'Can you fix this?\nimport numpy as np\n\ndef yield_pct(actual, theory):\n    if theory == 0:\n        return None\n    ratio = actual / theory\n    return round(ratio * 100, 2)\n\nThanks!',
          value: 'import numpy as np\n\ndef yield_pct(actual, theory):\n    if theory == 0:\n        return None\n    ratio = actual / theory\n    return round(ratio * 100, 2)',
        },
        {
          text: 'const total = items.reduce((a, b) => a + b.qty, 0);\nif (total > limit) {\n  throw new Error("over");\n}\nexport default total;',
          value: 'const total = items.reduce((a, b) => a + b.qty, 0);\nif (total > limit) {\n  throw new Error("over");\n}\nexport default total;',
        },
        { text: 'Here:\n```\nmake build\n./run --fast\n./check\n```\n', value: '```\nmake build\n./run --fast\n./check\n```' },
      ],
      noMatch: [
        'Agenda:\n1. Budget (Q3)\n2. Hiring: two roles\n3. Office move\n4. AOB\n5. Next meeting: Tuesday',
        'x = 1;\ny = 2;\nThat is all for today.',
        'Dear team,\nThe release is on Monday (not Friday).\nPlease review the notes: they are short.\nThanks,\nAnna',
        'Install it:\n```\nnpm install bulwark\n```\nthen restart.',
      ],
    },
  },
];
