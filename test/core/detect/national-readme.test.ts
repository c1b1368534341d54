import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../../../src/core/detect/registry';

describe("the administrator's guide on national identifiers", () => {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('### National identifiers'), readme.indexOf('### Protected data'));
  const kinds = DETECTORS.filter((d) => d.type === 'NATIONAL_ID').map((d) => d.id.slice('national.'.length));

  it('lists every kind the registry has, by its detector id', () => {
    expect(kinds.filter((k) => !section.includes(`\`${k}\``))).toEqual([]);
  });

  it('says how many kinds there are', () => {
    expect(section).toContain(`numbers of ${kinds.length} kinds`);
  });
});
