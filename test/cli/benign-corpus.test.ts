import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assembleBenignCorpus, benignTable, evenSample, falseAlarmReport, kindOf, scanBenign, topCauses } from '../../src/cli/benign-corpus';
import { defaultEngine } from '../../src/core/detect';

const dir = mkdtempSync(join(tmpdir(), 'bulwark-benign-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (path: string, text: string) => {
  const at = join(dir, path);
  mkdirSync(dirname(at), { recursive: true });
  writeFileSync(at, text);
  return at;
};

const nm = join(dir, 'node_modules');
const licences = join(dir, 'licences');
file('node_modules/a/README.md', '# a\nParses things.\n');
file('node_modules/a/CHANGELOG.md', '## 1.0.0\nFirst release.\n');
file('node_modules/a/package.json', '{"name": "a"}\n');
file('node_modules/a/tsconfig.build.json', '{"compilerOptions": {}}\n');
file('node_modules/a/.eslintrc.json', '{"root": true}\n');
file('node_modules/a/.github/workflows/ci.yml', 'on: push\n');
file('node_modules/a/history.js', 'export const history = [];\n');
file('node_modules/a/index.js', 'module.exports = 1;\n');
file('node_modules/b/HISTORY', '0.1.0 first\n');
file('node_modules/b/README.md', '# a\nParses things.\n'); // the same text as a's: one copy is kept
file('node_modules/b/node_modules/c/readme.txt', 'deep read-me\n');
file('node_modules/big/README.md', `# big\n${'x'.repeat(5000)}\n`);
symlinkSync(nm, join(nm, 'b/node_modules/loop')); // a loop: never followed
symlinkSync(join(nm, 'a/README.md'), join(nm, 'b/README.zh.md'));
file('licences/MIT', 'Permission is hereby granted, free of charge...\n');
file('licences/GPL-3', 'GNU GENERAL PUBLIC LICENSE\nVersion 3\n');
symlinkSync(join(licences, 'GPL-3'), join(licences, 'GPL')); // followed there, and its text is a duplicate

const assemble = (o: { maxFiles?: number; licences?: string[] } = {}) =>
  assembleBenignCorpus({ trees: [nm], licences: o.licences ?? [licences], maxBytes: 1000, maxFiles: o.maxFiles });

describe('the benign corpus of npm run eval', () => {
  it('finds read-me, change-log, configuration and licence files on disk, at any depth', () => {
    const c = assemble();
    const byPath = Object.fromEntries(c.files.map((f) => [f.path, f.kind]));
    expect(byPath).toEqual({
      'a/.eslintrc.json': 'config',
      'a/.github/workflows/ci.yml': 'config',
      'a/CHANGELOG.md': 'changelog',
      'a/README.md': 'readme',
      'a/package.json': 'config',
      'a/tsconfig.build.json': 'config',
      'b/HISTORY': 'changelog',
      'b/node_modules/c/readme.txt': 'readme',
      'GPL': 'licence',
      'MIT': 'licence',
    });
    expect(c.found).toEqual({ readme: 4, changelog: 2, config: 4, licence: 3 });
    expect(c.missing).toEqual([]);
  });

  it('skips symbolic links under the trees (loops included), files over the cap and duplicate texts', () => {
    const c = assemble();
    expect(c.skipped).toMatchObject({ symlink: 1, tooLarge: 1, duplicate: 2 });
    expect(c.files.some((f) => f.path.includes('loop') || f.path === 'b/README.md' || f.path.startsWith('big/'))).toBe(false);
  });

  it('is deterministic, and samples evenly when there are more files than asked for', () => {
    expect(assemble()).toEqual(assemble());
    const capped = assemble({ maxFiles: 3, licences: [] });
    expect(capped.files.map((f) => f.path)).toEqual(assemble({ maxFiles: 3, licences: [] }).files.map((f) => f.path));
    expect(capped.skipped.overCap).toBe(7);
    expect(capped.files.length).toBeLessThanOrEqual(3);
    expect(evenSample([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([1, 4, 7]);
  });

  it('says that a missing licence folder is missing, and goes on', () => {
    const c = assemble({ licences: [join(dir, 'no-such-folder')] });
    expect(c.missing).toEqual([join(dir, 'no-such-folder')]);
    expect(c.files.filter((f) => f.kind === 'licence')).toEqual([]);
    expect(c.files.length).toBe(8);
  });

  it('tells read-me and change-log files from code of the same name', () => {
    expect(kindOf('x/README')).toBe('readme');
    expect(kindOf('x/readme.zh-CN.md')).toBe('readme');
    expect(kindOf('x/CHANGES.txt')).toBe('changelog');
    expect(kindOf('x/history.js')).toBeUndefined();
    expect(kindOf('x/changes.ts')).toBeUndefined();
    expect(kindOf('x/eslint.config.mjs')).toBe('config');
    expect(kindOf('x/.prettierrc')).toBe('config');
    expect(kindOf('x/.github/workflows/test.yaml')).toBe('config');
    expect(kindOf('x/docs/test.yaml')).toBeUndefined();
  });

  it('reports false alarms by detector and explanation, with masked previews, never the values', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzz9KEYq2';
    const t = mkdtempSync(join(dir, 'alarms-'));
    writeFileSync(join(t, 'README.md'), `Set AWS_SECRET_ACCESS_KEY=${secret}\n`);
    writeFileSync(join(t, 'CHANGELOG.md'), 'Patient Maria Gonzalez was admitted with pneumonia. SSN 219-09-9999\n');
    writeFileSync(join(t, 'package.json'), '{"name": "quiet"}\n');
    const scans = scanBenign(defaultEngine(), assembleBenignCorpus({ trees: [t], licences: [] }));
    const report = [...falseAlarmReport(scans, 10), ...topCauses(scans)].join('\n');
    expect(report).toMatch(/readme README\.md {2}\[.*SECRET/);
    expect(report).toMatch(/changelog CHANGELOG\.md {2}\[.*PHI/);
    expect(report).toMatch(/SECRET {2}secret\.\S+ SECRET/);
    expect(report).not.toContain('package.json');
    // Identifiers and credentials never appear; vocabulary words may, as explanations name their context words.
    for (const value of [secret, 'Maria', 'Gonzalez', '219-09-9999']) expect(report).not.toContain(value);
    expect(benignTable(scans)[1]).toMatch(/^all +3 /);
  });
});
