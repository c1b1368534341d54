import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../src/core/policy';
import { validatePolicy } from '../../src/server/org';
import { diffRules, pathLines, placeIssue } from '../../src/console/policy-text';

const DRAFT = JSON.stringify({ ...DEFAULT_POLICY, rules: DEFAULT_POLICY.rules.map((r) => (r.id === 'warn-phi' ? { ...r, action: 'explode' } : r)) }, null, 2);

describe('the policy editor: problems at their rule and line', () => {
  it('finds the line of every path of the JSON as typed (any layout)', () => {
    const text = '{"a": 1,\n  "b": {\n "c": [10,\n 20, {"d": "x\\"}"}]}}';
    const lines = pathLines(text);
    expect(Object.fromEntries(lines)).toEqual({ '': 1, a: 1, b: 2, 'b.c': 3, 'b.c.0': 3, 'b.c.1': 4, 'b.c.2': 4, 'b.c.2.d': 4 });
  });

  it('names a problem the API reports by its rule id, with the line where the field is', () => {
    const checked = validatePolicy(JSON.parse(DRAFT));
    expect(checked.ok).toBe(false);
    const issue = (checked as { errors: Array<{ path: string; message: string }> }).errors[0]!;
    const index = DEFAULT_POLICY.rules.findIndex((r) => r.id === 'warn-phi');
    expect(issue.path).toBe(`rules.${index}.action`);
    const placed = placeIssue(issue, JSON.parse(DRAFT), pathLines(DRAFT));
    expect(placed.where).toBe('rule warn-phi: action');
    expect(DRAFT.split('\n')[placed.line! - 1]).toContain('"action": "explode"');
  });

  it('a missing field points at its object; a rule with no id is named by its place', () => {
    const text = '{\n  "rules": [\n    {\n      "match": {}\n    }\n  ]\n}';
    const placed = placeIssue({ path: 'rules.0.id', message: 'expected a string' }, JSON.parse(text), pathLines(text));
    expect(placed).toEqual({ where: 'rule 1: id', message: 'expected a string', line: 3 });
    expect(placeIssue({ path: 'name', message: 'm' }, {}, new Map([['', 1]]))).toEqual({ where: 'name', message: 'm', line: 1 });
  });
});

describe('the policy editor: a diff by rule', () => {
  it('says which rules were added, removed and changed, and how', () => {
    const before = [
      { id: 'a', action: 'warn', match: { categories: ['phi'] } },
      { id: 'b', action: 'audit' },
    ];
    const after = [
      { id: 'c', action: 'block' },
      { id: 'a', action: 'block', match: { categories: ['phi'], destinations: ['generative-ai'] } },
    ];
    expect(diffRules(before, after)).toEqual([
      { id: 'c', kind: 'added', fields: [] },
      { id: 'a', kind: 'changed', fields: ['action: "warn" → "block"', 'match.destinations: (none) → ["generative-ai"]'] },
      { id: 'b', kind: 'removed', fields: [] },
    ]);
    expect(diffRules(before, before)).toEqual([]);
  });
});
