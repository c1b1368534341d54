import type { Candidate, Detector } from '../../types';

/**
 * Blocks of source code, so that policy can keep code away from generative AI. A line is code when it reads
 * like code in the common languages (a statement's end, a keyword with code punctuation, an operator, an
 * assignment, a tag); comments and blank lines neither make nor break a block; three lines of prose end it.
 * A block is code from five code lines that are most of its lines; a fenced Markdown block of three lines or more
 * is code outright (a one-line command in a fence is not worth stopping).
 */
const KEYWORD_START = /^(?:import|from|export|const|let|var|function|def|class|return|if|elif|else|for|while|do|switch|case|try|catch|except|finally|raise|throw|public|private|protected|static|package|using|namespace|fn|func|impl|struct|enum|interface|module|async|await|lambda|echo|print|println|printf|SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|FROM|WHERE|JOIN|GROUP BY|ORDER BY)\b/;
const OPERATOR = /=>|->|::|===|!==|[=!<>]=|&&|\|\||\+=|-=|\+\+|<\/|\/>|\)\s*\{|\w\.\w+\(|\w\([^()]*\)\s*;?$/;
const ASSIGNMENT = /^[A-Za-z_$][\w$.[\]'"]*\s*:?=\s*\S/;
/** Statements that read as code even without punctuation: "import numpy as np", "return None". */
const BARE_STATEMENT = /^(?:import|package|return|def|using|require|include|pass|break|continue)\b/;
const TAG = /^<\/?[A-Za-z][\w:-]*(?:\s|>|\/>|$)/;
const CODE_PUNCTUATION = /[=;{}()<>:[\]]/;
const CLOSERS = new Set(['}', '};', '})', '});', ')', ');', ']', '];', 'end', 'fi', 'done', 'esac']);

export const MIN_CODE_LINES = 5;
const MIN_FENCED_LINES = 3;
const MIN_DENSITY = 0.6;
const PROSE_BREAK = 3;

type Kind = 'code' | 'neutral' | 'prose';

export function lineKind(line: string): Kind {
  const t = line.trim();
  if (!t) return 'neutral';
  if (t.startsWith('#include') || t.startsWith('#define') || t.startsWith('#!')) return 'code';
  if (t.startsWith('//') || t.startsWith('/*') || t.startsWith('*') || t.startsWith('#') || t.startsWith('--')) return 'neutral';
  if (CLOSERS.has(t) || BARE_STATEMENT.test(t)) return 'code';
  if (!CODE_PUNCTUATION.test(t)) return 'prose';
  const last = t.charCodeAt(t.length - 1);
  if (last === 59 /* ; */ || last === 123 /* { */) return 'code';
  if (KEYWORD_START.test(t) || OPERATOR.test(t) || ASSIGNMENT.test(t) || TAG.test(t)) return 'code';
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
    const line = text.slice(at, nl);
    const indent = line.length - line.trimStart().length;
    if (line.trimStart().startsWith('```')) {
      if (fence >= 0 && fenced >= MIN_FENCED_LINES) out.push({ start: fence, end: at + line.trimEnd().length, score: 0.95, why: [`fenced code block of ${fenced} lines`] });
      else if (fence < 0) close();
      fence = fence >= 0 ? -1 : at + indent;
      fenced = 0;
    } else if (fence >= 0) {
      if (line.trim()) fenced++;
    } else {
      const kind = lineKind(line);
      if (kind === 'code') {
        block ??= { start: at + indent, end: 0, code: 0, counted: 0, prose: 0 };
        block.code++;
        block.counted++;
        block.prose = 0;
        block.end = at + line.trimEnd().length;
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
