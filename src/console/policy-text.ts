/** The policy editor's words about a draft: where a path is in its JSON, a problem named by rule, a diff by rule. */

/**
 * The line (from 1) where each path of a JSON text begins ("rules.0.action" → the line of its key), read from the
 * text as typed, so that it matches what the editor shows. The text must be JSON (it was parsed first).
 */
export function pathLines(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const starts = [0];
  for (let k = 0; k < text.length; k++) if (text[k] === '\n') starts.push(k + 1);
  const lineOf = (pos: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  };
  const string = (): string => {
    const start = i++;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: string, at: number): void => {
    out.set(path, lineOf(at));
    ws();
    const join = (key: string | number) => (path ? `${path}.${key}` : String(key));
    if (text[i] === '{' || text[i] === '[') {
      const object = text[i++] === '{';
      for (let n = 0; ; n++) {
        ws();
        if (text[i] === '}' || text[i] === ']') break;
        const memberAt = i;
        let key: string | number = n;
        if (object) {
          key = string();
          ws();
          i++; // the colon
        }
        value(join(key), memberAt);
        ws();
        if (text[i] === ',') i++;
      }
      i++;
    } else if (text[i] === '"') string();
    else while (i < text.length && !',]} \t\r\n'.includes(text[i]!)) i++;
  };
  ws();
  value('', i);
  return out;
}

/** A problem as the API names it ("rules.2.action"), named by its rule ("rule warn-phi: action"), with its line. */
export function placeIssue(issue: { path: string; message: string }, draft: unknown, lines: Map<string, number>): { where: string; message: string; line?: number } {
  const parts = issue.path.split('.');
  // The line of the path, or of the nearest part of it that is in the text (a missing field: its object).
  let line: number | undefined;
  for (let n = parts.length; n >= 0 && line === undefined; n--) line = lines.get(parts.slice(0, n).join('.'));
  const rules = (draft as { rules?: Array<{ id?: unknown }> } | undefined)?.rules;
  if (parts[0] === 'rules' && parts[1] !== undefined && /^\d+$/.test(parts[1])) {
    const id = rules?.[Number(parts[1])]?.id;
    const rule = typeof id === 'string' && id ? `rule ${id}` : `rule ${Number(parts[1]) + 1}`;
    return { where: parts.length > 2 ? `${rule}: ${parts.slice(2).join('.')}` : rule, message: issue.message, line };
  }
  return { where: issue.path, message: issue.message, line };
}

type RuleLike = { id: string } & Record<string, unknown>;

export interface RuleChange {
  id: string;
  kind: 'added' | 'removed' | 'changed';
  /** For a changed rule: each field that changed, "action: warn → block". */
  fields: string[];
}

/** Which rules a new version adds, removes and changes (and how), by rule id, in the new version's order. */
export function diffRules(before: readonly RuleLike[] = [], after: readonly RuleLike[] = []): RuleChange[] {
  const old = new Map(before.map((r) => [r.id, r]));
  const now = new Set(after.map((r) => r.id));
  const show = (v: unknown) => (v === undefined ? '(none)' : JSON.stringify(v));
  const changes: RuleChange[] = [];
  for (const rule of after) {
    const was = old.get(rule.id);
    if (!was) {
      changes.push({ id: rule.id, kind: 'added', fields: [] });
      continue;
    }
    const fields = flatten(was, rule);
    if (fields.length) changes.push({ id: rule.id, kind: 'changed', fields: fields.map(([k, a, b]) => `${k}: ${show(a)} → ${show(b)}`) });
  }
  for (const rule of before) if (!now.has(rule.id)) changes.push({ id: rule.id, kind: 'removed', fields: [] });
  return changes;
}

/** The leaf fields that differ between two objects, "match.destinations" and its two values. */
function flatten(a: unknown, b: unknown, path = ''): Array<[string, unknown, unknown]> {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObject(a) && isObject(b)) return [...new Set([...Object.keys(a), ...Object.keys(b)])].flatMap((k) => flatten(a[k], b[k], path ? `${path}.${k}` : k));
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [[path, a, b]];
}
