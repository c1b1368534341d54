/**
 * The benign corpus of `npm run eval`: text on this machine that holds no health data and no credentials, so that
 * every PHI or SECRET label on it is a false alarm. Read-me files, change logs and configuration files (package.json,
 * tsconfig, lint and CI configurations) under the project's node_modules, and the licence texts of
 * /usr/share/common-licenses. Assembled deterministically: the same tree gives the same files in the same order.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DOCUMENT_LABELS, type DocumentLabel, type Engine, type Finding } from '../core/detect';
import { documentLabels } from '../core/detect/labels';
import { mask } from '../core/events/mask';

export const BENIGN_KINDS = ['readme', 'changelog', 'config', 'licence'] as const;
export type BenignKind = (typeof BENIGN_KINDS)[number];

export interface BenignFile {
  kind: BenignKind;
  /** Where the file is, relative to its root (node_modules or the licence folder), with `/` between parts. */
  path: string;
  root: string;
  text: string;
}

export interface BenignCorpus {
  files: BenignFile[];
  /** Files found of each kind before the cap and de-duplication. */
  found: Record<BenignKind, number>;
  skipped: { tooLarge: number; duplicate: number; binary: number; symlink: number; overCap: number; unreadable: number };
  /** Roots that were asked for and are not there (the licence folder on a machine without it). */
  missing: string[];
}

export interface BenignOptions {
  /** Folders to walk for read-me, change-log and configuration files (symbolic links are not followed). */
  trees: string[];
  /** Folders whose every file is a licence text (symbolic links followed; not walked below the top level). */
  licences: string[];
  /** At most this many files from the trees: an even, deterministic sample of the sorted list when there are more. */
  maxFiles?: number;
  /** Files larger than this are skipped. */
  maxBytes?: number;
}

export const DEFAULT_MAX_FILES = 4000;
export const DEFAULT_MAX_BYTES = 1_000_000;

/** Extensions a read-me or a change log has: none, or a text or markup format. `history.js` is code, not a log. */
const DOC_EXT = new Set(['', '.debian', '.md', '.markdown', '.txt', '.rst', '.adoc', '.asciidoc', '.org', '.mdown', '.textile']);
const README = /^readme([-_.][\w.-]*)?$/i;
const CHANGELOG = /^(changelog|changes|history)([-_.][\w.-]*)?$/i;
/** package.json, TypeScript, lint and formatting configurations. */
const CONFIG = /^(package\.json|tsconfig[\w.-]*\.json|\.eslintrc(\.\w+)?|eslint\.config\.\w+|\.prettierrc(\.\w+)?|prettier\.config\.\w+|\.jshintrc|\.editorconfig|\.markdownlint(\.\w+|rc)?|\.stylelintrc(\.\w+)?|\.travis\.yml|appveyor\.yml|\.gitlab-ci\.yml|azure-pipelines\.yml|\.nycrc(\.\w+)?|\.mocharc(\.\w+)?|\.babelrc(\.\w+)?)$/i;

/**
 * The kind of a file under a tree, by its name (and, for CI workflows, its folder); undefined for any other file.
 * A compressed document counts as its content (Debian ships `changelog.Debian.gz`).
 */
export function kindOf(path: string): BenignKind | undefined {
  const name = basename(path).replace(/\.gz$/i, '');
  const ext = extname(name).toLowerCase();
  const stem = ext ? name.slice(0, -ext.length) : name;
  if (DOC_EXT.has(ext) && README.test(stem)) return 'readme';
  if (DOC_EXT.has(ext) && CHANGELOG.test(stem)) return 'changelog';
  if (CONFIG.test(name)) return 'config';
  const dir = dirname(path).split(sep).slice(-2).join('/');
  if (/\.ya?ml$/i.test(name) && (dir === '.github/workflows' || dir.endsWith('.circleci'))) return 'config';
  return undefined;
}

/** Code-point order, not the locale's: the same on every machine. */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every file of a known kind under `root`, sorted; symbolic links are counted and never followed (no loops). */
function walk(root: string, skipped: BenignCorpus['skipped']): { path: string; kind: BenignKind }[] {
  const out: { path: string; kind: BenignKind }[] = [];
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      skipped.unreadable++;
      continue;
    }
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isSymbolicLink()) {
        if (kindOf(path)) skipped.symlink++;
      } else if (e.isDirectory()) stack.push(path);
      else if (e.isFile()) {
        const kind = kindOf(path);
        if (kind) out.push({ path, kind });
      }
    }
  }
  return out.sort((a, b) => byCodePoint(a.path, b.path));
}

/** An even sample of `n` items of a sorted list, first and last included: every part of the tree is represented. */
export function evenSample<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return [...items];
  if (n <= 0) return [];
  if (n === 1) return [items[0]!];
  return Array.from({ length: n }, (_, i) => items[Math.round((i * (items.length - 1)) / (n - 1))]!);
}

/** A file's text, or why it is left out: too large, not text (a NUL byte), unreadable. */
function readText(path: string, follow: boolean, maxBytes: number): string | 'tooLarge' | 'binary' | 'unreadable' | 'symlink' {
  try {
    const st = follow ? statSync(path) : lstatSync(path);
    if (st.isSymbolicLink()) return 'symlink';
    if (!st.isFile()) return 'unreadable';
    if (st.size > maxBytes) return 'tooLarge';
    const read = readFileSync(path);
    const bytes = /\.gz$/i.test(path) ? gunzipSync(read) : read;
    if (bytes.length > maxBytes) return 'tooLarge';
    if (bytes.includes(0)) return 'binary';
    return bytes.toString('utf8');
  } catch {
    return 'unreadable';
  }
}

function exists(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

export function assembleBenignCorpus(o: BenignOptions): BenignCorpus {
  const maxFiles = o.maxFiles ?? DEFAULT_MAX_FILES;
  const maxBytes = o.maxBytes ?? DEFAULT_MAX_BYTES;
  const skipped: BenignCorpus['skipped'] = { tooLarge: 0, duplicate: 0, binary: 0, symlink: 0, overCap: 0, unreadable: 0 };
  const found = Object.fromEntries(BENIGN_KINDS.map((k) => [k, 0])) as Record<BenignKind, number>;
  const missing = [...o.trees, ...o.licences].filter((d) => !exists(d));

  const candidates: { path: string; kind: BenignKind; root: string; follow: boolean }[] = [];
  for (const root of o.trees.filter(exists)) {
    const all = walk(root, skipped);
    for (const f of all) found[f.kind]++;
    candidates.push(...all.map((f) => ({ ...f, root, follow: false })));
  }
  const fromTrees = evenSample(candidates, maxFiles);
  skipped.overCap = candidates.length - fromTrees.length;
  const licences = o.licences.filter(exists).flatMap((root) =>
    readdirSync(root).sort(byCodePoint).map((name) => ({ path: join(root, name), kind: 'licence' as const, root, follow: true })),
  );
  found.licence = licences.length;

  const seen = new Set<string>();
  const files: BenignFile[] = [];
  for (const c of [...fromTrees, ...licences]) {
    const text = readText(c.path, c.follow, maxBytes);
    if (text === 'tooLarge' || text === 'binary' || text === 'unreadable' || text === 'symlink') {
      skipped[text]++;
      continue;
    }
    const hash = createHash('sha256').update(text).digest('hex');
    if (seen.has(hash)) {
      skipped.duplicate++;
      continue;
    }
    seen.add(hash);
    files.push({ kind: c.kind, path: relative(c.root, c.path).split(sep).join('/'), root: c.root, text });
  }
  return { files, found, skipped, missing };
}

/** One scanned file of the corpus: its labels and the findings that gave the false-alarm labels (PHI, SECRET). */
export interface BenignScan {
  file: BenignFile;
  labels: DocumentLabel[];
  /** The findings behind each false alarm: the identifiers in health context and the health terms near them for
   * PHI, the credentials for SECRET. */
  causes: { label: 'PHI' | 'SECRET'; findings: Finding[] }[];
}

export function scanBenign(engine: Engine, corpus: BenignCorpus): BenignScan[] {
  return corpus.files.map((file) => {
    const r = engine.scan(file.text);
    const causes: BenignScan['causes'] = [];
    if (r.labels.includes('PHI')) {
      // The terms that made each identifier's context, as the labels found them (all of them in a clinical text).
      const { phi, contextOf } = documentLabels(r.findings);
      const near = [...new Set([...contextOf.values()].filter((h) => h !== undefined))];
      causes.push({ label: 'PHI', findings: [...phi, ...(near.length ? near : r.findings.filter((h) => h.category === 'health'))] });
    }
    if (r.labels.includes('SECRET')) causes.push({ label: 'SECRET', findings: r.findings.filter((f) => f.category === 'secret') });
    return { file, labels: r.labels, causes };
  });
}

const pct = (n: number, of: number) => `${of ? ((100 * n) / of).toFixed(1) : '0.0'}%`;

/** Share of files labelled PHI, SECRET, PII and IP, for the whole corpus and for each kind. */
export function benignTable(scans: readonly BenignScan[]): string[] {
  const rows: [string, readonly BenignScan[]][] = [['all', scans], ...BENIGN_KINDS.map((k): [string, BenignScan[]] => [k, scans.filter((s) => s.file.kind === k)])];
  const head = `${'kind'.padEnd(10)} ${'files'.padStart(5)} ${'KB'.padStart(6)}  ${DOCUMENT_LABELS.map((l) => l.padStart(7)).join(' ')}`;
  return [head, ...rows.map(([kind, s]) => {
    const kb = s.reduce((a, x) => a + Buffer.byteLength(x.file.text), 0) / 1000;
    return `${kind.padEnd(10)} ${String(s.length).padStart(5)} ${kb.toFixed(0).padStart(6)}  ${DOCUMENT_LABELS.map((l) => pct(s.filter((x) => x.labels.includes(l)).length, s.length).padStart(7)).join(' ')}`;
  })];
}

/** A finding as the report shows it: detector, type, score, a masked preview (never the value) and the explanation. */
const describe = (text: string, f: Finding) => `${f.detector} ${f.type} ${f.score.toFixed(2)} ${mask(text.slice(f.start, f.end))}  ${f.why.join('; ')}`;

/** Up to `n` false-alarm files with the findings that caused each label; at most `perFile` distinct causes each. */
export function falseAlarmReport(scans: readonly BenignScan[], n: number, perFile = 6): string[] {
  const out: string[] = [];
  for (const s of scans.filter((x) => x.causes.length).slice(0, n)) {
    out.push(`${s.file.kind} ${s.file.path}  [${s.labels.join(', ')}]`);
    for (const c of s.causes) {
      const groups = new Map<string, { f: Finding; n: number }>();
      for (const f of c.findings) {
        const key = `${f.detector}\0${f.why.join('; ')}`;
        const g = groups.get(key);
        if (g) g.n++;
        else groups.set(key, { f, n: 1 });
      }
      for (const { f, n: times } of [...groups.values()].slice(0, perFile)) out.push(`  ${c.label}  ${times > 1 ? `${times}x ` : ''}${describe(s.file.text, f)}`);
      if (groups.size > perFile) out.push(`  ${c.label}  ... ${groups.size - perFile} more`);
    }
  }
  return out;
}

/** The commonest causes over every false alarm: detectors, and explanations, by the number of files they appear in. */
export function topCauses(scans: readonly BenignScan[], n = 12): string[] {
  const count = (key: (c: BenignScan['causes'][number], f: Finding) => string[]) => {
    const m = new Map<string, number>();
    for (const s of scans) {
      const keys = new Set(s.causes.flatMap((c) => c.findings.flatMap((f) => key(c, f))));
      for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    }
    return [...m].sort((a, b) => b[1] - a[1] || byCodePoint(a[0], b[0])).slice(0, n).map(([k, v]) => `  ${String(v).padStart(4)} files  ${k}`);
  };
  return [
    'top detectors behind false alarms (files):',
    ...count((c, f) => [`${c.label} ${f.detector}`]),
    'top explanations behind false alarms (files):',
    ...count((c, f) => f.why.map((w) => `${c.label} ${f.detector}: ${w}`)),
  ];
}
