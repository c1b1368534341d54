import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { managedSchemaText } from '../../../src/cli/build-managed-schema';
import { DEFAULT_POLICY, ManagedSettings } from '../../../src/core/policy';

type Node = { [k: string]: unknown };

describe('the managed-storage schema in public/', () => {
  const checkedIn = readFileSync(new URL('../../../public/managed_schema.json', import.meta.url), 'utf8');

  it('is what the zod schema generates (run npm run managed-schema after changing the policy schema)', () => {
    expect(checkedIn).toBe(managedSchemaText());
  });

  it('keeps to what Chrome accepts: one type per node, known keys, an object at the top without additionalProperties', () => {
    const schema = JSON.parse(checkedIn) as Node;
    expect(schema.type).toBe('object');
    expect(schema).not.toHaveProperty('additionalProperties');
    const walk = (node: Node, path: string): void => {
      expect(['object', 'array', 'string', 'integer', 'number', 'boolean'], path).toContain(node.type);
      for (const k of Object.keys(node)) expect(['type', 'title', 'description', 'properties', 'additionalProperties', 'items', 'enum'], `${path}.${k}`).toContain(k);
      for (const [k, v] of Object.entries((node.properties ?? {}) as Record<string, Node>)) walk(v, `${path}.${k}`);
      if (node.items) walk(node.items as Node, `${path}[]`);
      if (node.additionalProperties) walk(node.additionalProperties as Node, `${path}.*`);
    };
    walk(schema, '$');
    // A rule's messages by language: a map Chrome must keep (a key outside a schema's properties is dropped).
    const rule = ((((schema.properties as Record<string, Node>).policy!.properties as Record<string, Node>).rules!.items as Node).properties as Record<string, Node>);
    expect(rule.messages).toMatchObject({ type: 'object', additionalProperties: { type: 'string' } });
    expect(rule.message).toMatchObject({ type: 'string' });
    expect(Object.keys(schema.properties as object).sort()).toEqual(['deviceId', 'enrollmentToken', 'eventsUrl', 'policy', 'policyPublicKey', 'policyUrl', 'refreshMinutes', 'serverUrl', 'user']);
  });
});

describe('managed settings', () => {
  it('accepts what an administrator writes and fills the refresh interval', () => {
    const r = ManagedSettings.parse({ policy: DEFAULT_POLICY, policyUrl: 'https://bulwark.acme-cdmo.com/policy', policyPublicKey: 'E0+Vp0Fu9oOD4GGUOjvkXOvN3Eq8Qc4NgZEQx9JsSLs=' });
    expect(r.refreshMinutes).toBe(60);
  });

  it('refuses plain HTTP, a malformed key and unknown keys', () => {
    expect(ManagedSettings.safeParse({ policyUrl: 'http://x.example/p' }).success).toBe(false);
    expect(ManagedSettings.safeParse({ policyPublicKey: 'short' }).success).toBe(false);
    expect(ManagedSettings.safeParse({ polcyUrl: 'https://x.example' }).success).toBe(false);
  });
});
