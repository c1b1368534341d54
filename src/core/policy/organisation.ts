import { isAlnum } from '../detect/chars';
import { DETECTORS } from '../detect/registry';
import { Engine } from '../detect/engine';
import { organisationDetectorId, type Candidate, type Detector } from '../detect/types';
import type { Classifiers } from './classifiers';
import { searchableSource } from './safe-regex';
import type { Policy } from './schema';

const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;
const normaliseTerm = (t: string): string => t.trim().replace(/\s+/g, ' ');

/**
 * A dictionary as detectors: ASCII terms go into the engine's keyword automaton (one pass for every term of every
 * dictionary); other terms ("Müller Pharma") into a regex. Terms match as whole words, in any case unless the
 * dictionary says otherwise.
 */
function dictionaryDetectors(d: Classifiers['dictionaries'][number]): Detector[] {
  const terms = [...new Set(d.terms.map(normaliseTerm))];
  const ascii = terms.filter((t) => PRINTABLE_ASCII.test(t));
  const other = terms.filter((t) => !PRINTABLE_ASCII.test(t));
  const base = { id: organisationDetectorId(d.id), type: 'ORG_TERM' as const, category: 'ip' as const, description: d.description ?? `${d.kind} names (${terms.length})`, examples: { match: [], noMatch: [] } };
  const out: Detector[] = [];
  if (ascii.length) {
    const keywords = [...new Set(ascii.map((t) => t.toLowerCase()))];
    const exact = new Set(ascii);
    const why = [`${d.kind} dictionary "${d.id}" (0.9)`];
    out.push({
      ...base,
      keywords,
      find: (text, lower, hits) => {
        const found: Candidate[] = [];
        for (const k of keywords)
          for (const at of hits.get(k) ?? []) {
            const end = at + k.length;
            if ((at > 0 && isAlnum(lower.charCodeAt(at - 1))) || (end < lower.length && isAlnum(lower.charCodeAt(end)))) continue;
            if (d.caseSensitive && !exact.has(text.slice(at, end))) continue;
            found.push({ start: at, end, score: 0.9, why });
          }
        return found;
      },
    });
  }
  if (other.length) {
    const escaped = other.sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    out.push({ ...base, patterns: [{ name: `dictionary-${d.id}`, regex: new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, `gu${d.caseSensitive ? '' : 'i'}`), score: 0.9 }] });
  }
  return out;
}

/** "ABC-####" as a regex: # a digit, @ a capital letter, the rest literal. */
export function formatSource(format: string): string {
  return [...format].map((c) => (c === '#' ? '\\d' : c === '@' ? '[A-Z]' : c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'))).join('');
}

function compoundCodeDetector(c: Classifiers['compoundCodes'][number]): Detector {
  const prefixes = c.formats.map((f) => /^[A-Za-z]{2,}/.exec(f)?.[0].toLowerCase());
  const gated = prefixes.every(Boolean);
  return {
    id: organisationDetectorId(c.id),
    type: 'COMPOUND_CODE',
    category: 'ip',
    description: c.description ?? `compound codes ${c.formats.join(', ')}`,
    ...(gated ? { keywords: [...new Set(prefixes as string[])], window: { before: 0, after: 48 } } : c.formats.every((f) => f.includes('#')) ? { requires: 'digit' as const } : {}),
    patterns: [{ name: `code-${c.id}`, regex: new RegExp(`(?<![A-Za-z0-9])(?:${c.formats.map(formatSource).join('|')})(?![A-Za-z0-9])`, 'g'), score: 0.9 }],
    examples: { match: [], noMatch: [] },
  };
}

function patternDetector(p: Classifiers['patterns'][number]): Detector {
  return {
    id: organisationDetectorId(p.id),
    type: 'CUSTOM_PATTERN',
    category: 'ip',
    description: p.description ?? `pattern ${p.regex}`,
    patterns: [{ name: `pattern-${p.id}`, regex: new RegExp(searchableSource(p.regex, p.ignoreCase), `g${p.ignoreCase ? 'i' : ''}`), score: p.score }],
    examples: { match: [], noMatch: [] },
  };
}

/** The detectors of the organisation's own classifiers, in policy order. */
export function organisationDetectors(c: Classifiers): Detector[] {
  return [...c.compoundCodes.map(compoundCodeDetector), ...c.dictionaries.flatMap(dictionaryDetectors), ...c.patterns.map(patternDetector)];
}

const engines = new WeakMap<object, Map<unknown, Engine>>();

/**
 * The engine for a policy (and the protected data in force): the product's detectors plus the organisation's.
 * Built once per policy object and extra detectors' owner, so that deciding never rebuilds it.
 */
export function engineFor(policy: Policy, extra: { key: object; detectors: readonly Detector[] } = { key: engines, detectors: [] }): Engine {
  let byExtra = engines.get(policy);
  if (!byExtra) engines.set(policy, (byExtra = new Map()));
  let engine = byExtra.get(extra.key);
  if (!engine) {
    byExtra.clear();
    byExtra.set(extra.key, (engine = new Engine([...DETECTORS, ...organisationDetectors(policy.classifiers), ...extra.detectors])));
  }
  return engine;
}
