import { useState } from 'preact/hooks';
import { ACTIONS, CHANNELS, CONTENT_CATEGORIES, DESTINATION_CATEGORIES, SEVERITIES } from '../../core/policy/schema';

type Draft = { rules?: Array<Record<string, unknown>> } & Record<string, unknown>;
type Match = Record<string, unknown>;

/**
 * The draft's rules as forms, beside its JSON, both ways: a change in a form rewrites the JSON, a change in the
 * JSON shows in the form. Fields the forms do not hold (hosts, files, messages per language...) are kept as they are.
 */
export function RuleForm({ draft, onChange }: { draft: unknown; onChange: (update: (draft: Draft) => Draft) => void }) {
  const [index, setIndex] = useState(0);
  const doc = draft as Draft | undefined;
  if (!doc || typeof doc !== 'object' || !Array.isArray(doc.rules)) return <p class="muted">The forms show the rules once the draft is JSON with a list of rules.</p>;
  const rules = doc.rules;
  const at = Math.min(index, Math.max(0, rules.length - 1));
  const rule = rules[at];
  const match = (rule?.match ?? {}) as Match;
  // Each change applies to the draft as it is then (two quick changes in a row both stay).
  const write = (next: (rules: Array<Record<string, unknown>>) => Array<Record<string, unknown>>) => onChange((d) => ({ ...d, rules: next(d.rules ?? []) }));
  const edit = (change: (rule: Record<string, unknown>) => Record<string, unknown>) => write((all) => all.map((r, i) => (i === at ? change(r) : r)));
  const set = (key: string, value: unknown) => edit((r) => withField(r, key, value));
  const setMatch = (key: string, value: (old: unknown) => unknown) => edit((r) => withField(r, 'match', withField((r.match ?? {}) as Match, key, value(((r.match ?? {}) as Match)[key]))));
  const list = (key: string, all: readonly string[], legend: string) => {
    const chosen = (match[key] as string[] | undefined) ?? [];
    return (
      <fieldset>
        <legend>{legend}</legend>
        {all.map((v) => (
          <label class="check">
            <input
              type="checkbox"
              checked={chosen.includes(v)}
              onChange={(e) => {
                const on = (e.target as HTMLInputElement).checked;
                setMatch(key, (old) => ((old as string[] | undefined) ?? []).filter((c) => c !== v).concat(on ? [v] : []));
              }}
            />{' '}
            {v}
          </label>
        ))}
      </fieldset>
    );
  };
  const text = (key: string, label: string) => (
    <label>
      {label}
      <input value={(rule?.[key] as string | undefined) ?? ''} onChange={(e) => set(key, (e.target as HTMLInputElement).value)} />
    </label>
  );
  return (
    <form aria-label="Rule editor" class="rule-form" onSubmit={(e) => e.preventDefault()}>
      <h2>Rules</h2>
      <div class="row">
        <label>
          Rule to edit
          <select value={String(at)} onChange={(e) => setIndex(Number((e.target as HTMLSelectElement).value))}>
            {rules.map((r, i) => (
              <option value={String(i)}>{String(r.id ?? `rule ${i + 1}`)}</option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() => {
            write((all) => [...all, { id: `new-rule-${all.length + 1}`, match: { categories: ['phi'] }, action: 'warn' }]);
            setIndex(rules.length);
          }}
        >
          Add a rule
        </button>
        {rule ? (
          <button type="button" onClick={() => write((all) => all.filter((_, i) => i !== at))}>
            Remove this rule
          </button>
        ) : null}
      </div>
      {rule ? (
        <>
          {text('id', 'Id')}
          {text('description', 'Description')}
          <label>
            Action
            <select value={String(rule.action ?? '')} onChange={(e) => set('action', (e.target as HTMLSelectElement).value)}>
              {ACTIONS.map((a) => (
                <option>{a}</option>
              ))}
            </select>
          </label>
          <label class="check">
            <input type="checkbox" checked={rule.enabled !== false} onChange={(e) => set('enabled', (e.target as HTMLInputElement).checked ? undefined : false)} /> Enabled
          </label>
          <label class="check">
            <input type="checkbox" checked={rule.requireJustification === true} onChange={(e) => set('requireJustification', (e.target as HTMLInputElement).checked || undefined)} /> Ask why (with warn)
          </label>
          {text('message', 'Message to the employee')}
          {list('categories', CONTENT_CATEGORIES, 'Kinds of data')}
          {list('destinations', DESTINATION_CATEGORIES, 'Destinations')}
          {list('channels', CHANNELS, 'Channels (none: all)')}
          <label>
            At least this many values
            <input type="number" min={1} value={String(match.minCount ?? 1)} onChange={(e) => {
                const count = Number((e.target as HTMLInputElement).value);
                setMatch('minCount', () => (count > 1 ? count : undefined));
              }}
            />
          </label>
          <label>
            Severity of its incidents
            <select value={String(rule.severity ?? '')} onChange={(e) => set('severity', (e.target as HTMLSelectElement).value || undefined)}>
              <option value="">derived</option>
              {SEVERITIES.map((s) => (
                <option>{s}</option>
              ))}
            </select>
          </label>
        </>
      ) : null}
    </form>
  );
}

/** The object with `key` set, or left out when the value is empty (undefined, '' or an empty list). */
function withField(o: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const { [key]: _, ...rest } = o;
  return value === undefined || value === '' || (Array.isArray(value) && !value.length) ? rest : { ...o, [key]: value };
}
