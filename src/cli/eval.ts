/**
 * npm run eval [-- --data DIR] [--iou 0.5] [--ablate people-names,common-words,places,regions]
 *              [--no-benign] [--benign-report N] [--benign-files N]
 * Scans every labelled file in ../shared/eval/data and scores it with ../shared/eval/score.mjs (presidio-research's
 * span rules), printing one table per file and the targets of the detection-engine issue. Then scans the benign
 * corpus (src/cli/benign-corpus.ts: read-me, change-log and configuration files under node_modules, the licences of
 * /usr/share/common-licenses), where every PHI or SECRET label is a false alarm; --benign-report N lists up to N
 * of them with the detectors and explanations behind each (values masked), and the commonest causes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultEngine, type DocumentLabel, type Engine } from '../core/detect';
import { ablateLexicons, LEXICONS, type LexiconName } from '../core/detect/lexicon';
import { assembleBenignCorpus, benignTable, DEFAULT_MAX_FILES, falseAlarmReport, scanBenign, topCauses } from './benign-corpus';
import { readLetters } from './letters';
import { toPrediction } from './scan';

interface Cell { tp: number; gold: number; pred: number; precision: number; recall: number; f1: number }
interface Score { types: Record<string, Cell>; all: Cell; docs: { tp: number; fp: number; fn: number; tn: number; precision: number; recall: number; falseAlarmRate: number }; missing: number }
type Scorer = (gold: unknown[], pred: Map<unknown, unknown>, o: { iou: number; secrets: boolean; label: string }) => Score;

const arg = (k: string, d: string): string => {
  const i = process.argv.indexOf(k);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : d;
};

/** What each file is scored as: secrets, general PII, or PHI in clinical text. */
const modeOf = (file: string) =>
  file.includes('secret') ? { secrets: true, label: 'SECRET' } : file.includes('presidio') ? { secrets: false, label: 'PII' } : { secrets: false, label: 'PHI' };

/**
 * The targets of issue 13, by data file. secretlint_snapshots has a recall target only: 5 of its 7 reported
 * negatives repeat a positive's key word for word, which no detector can tell apart (the issue dropped the
 * "<= 2 negatives" target). meddocan_es_train (Spanish clinical cases) has the targets of issue 17.
 */
const TARGETS: Record<string, (s: Score) => Target[]> = {
  asq_phi_dev: (s) => [['entity F1 >= 0.97', s.all.f1 >= 0.97], ['document PHI recall >= 0.98', s.docs.recall >= 0.98], ['false alarms on hard negatives <= 5%', s.docs.falseAlarmRate <= 0.05]],
  meddocan_es_train: (s) => [['entity F1 >= 0.90', s.all.f1 >= 0.9], ['document PHI recall >= 0.98', s.docs.recall >= 0.98]],
  presidio_synth_v2: (s) => [['F1 >= 0.86', s.all.f1 >= 0.86]],
  secretlint_snapshots: (s) => [['recall >= 0.96', s.all.recall >= 0.96]],
  secrets_noseyparker: (s) => [['recall >= 0.95', s.all.recall >= 0.95], ['<= 3 negative texts reported', s.docs.fp <= 3]],
};
type Target = [string, boolean];

const f = (x: number) => x.toFixed(3);

/** Prints each target's outcome; returns how many were missed. */
function printTargets(targets: Target[]): number {
  for (const [what, ok] of targets) console.log(`target ${ok ? 'met   ' : 'MISSED'} ${what}`);
  return targets.filter(([, ok]) => !ok).length;
}

/** Scans and scores one labelled file; returns how many of its targets were missed. */
function evalFile(engine: Engine, score: Scorer, data: string, file: string, iou: number): number {
  const rows = readFileSync(resolve(data, file), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { id: string; full_text: string });
  const s = evalRows(engine, score, file, rows, iou, modeOf(file));
  return printTargets(TARGETS[file.replace(/\.jsonl$/, '')]?.(s) ?? []);
}

/** Scans labelled rows, prints their table, and returns their score. */
function evalRows(engine: Engine, score: Scorer, name: string, rows: { id: string; full_text: string }[], iou: number, mode: { secrets: boolean; label: string }): Score {
  const started = performance.now();
  const pred = new Map(rows.map((r) => [r.id, toPrediction(engine.scan(r.full_text))]));
  const ms = performance.now() - started;
  const s = score(rows, pred, { iou, ...mode });
  console.log(`\n${name}  (${rows.length} texts, label ${mode.label}, IoU ${iou}, scanned in ${ms.toFixed(0)} ms)`);
  console.log('type'.padEnd(16), 'gold'.padStart(5), 'pred'.padStart(5), 'tp'.padStart(5), '  P      R      F1');
  for (const [t, v] of [...Object.entries(s.types), ['ALL', s.all] as const])
    console.log(t.padEnd(16), String(v.gold).padStart(5), String(v.pred).padStart(5), String(v.tp).padStart(5), ' ', f(v.precision), f(v.recall), f(v.f1));
  const d = s.docs;
  console.log(`documents: precision ${f(d.precision)} recall ${f(d.recall)} false-alarm rate ${f(d.falseAlarmRate)} (tp ${d.tp} fp ${d.fp} fn ${d.fn} tn ${d.tn})`);
  return s;
}

/** The team's hand-written letters in seven languages (src/cli/letters.ts): one table per language, no target. */
function evalLetters(engine: Engine, score: Scorer, iou: number): void {
  for (const [language, rows] of readLetters()) evalRows(engine, score, `letters/${language} (hand-written, held out)`, rows, iou, { secrets: false, label: 'PHI' });
}

/**
 * Scans a benign corpus: sizes, labels by kind, and the report if asked for; for the issue's corpus (node_modules
 * and the licences) the two false-alarm targets too. `/usr/share/doc` (the read-me files and change logs of the
 * machine's Debian packages) is measured beside it, without a target: other people's real change logs.
 */
function evalBenign(engine: Engine, report: number, maxFiles: number, debian = false): number {
  const licences = '/usr/share/common-licenses';
  const assembled = performance.now();
  const corpus = debian
    ? assembleBenignCorpus({ trees: ['/usr/share/doc'], licences: [], maxFiles })
    : assembleBenignCorpus({ trees: [resolve(import.meta.dirname, '../../node_modules')], licences: [licences], maxFiles });
  const readMs = performance.now() - assembled;
  const started = performance.now();
  const scans = scanBenign(engine, corpus);
  const ms = performance.now() - started;
  const bytes = corpus.files.reduce((a, x) => a + Buffer.byteLength(x.text), 0);
  const k = corpus.skipped;
  console.log(`\n${debian ? 'benign: Debian package documentation, /usr/share/doc' : 'benign corpus'}  (${corpus.files.length} files, ${(bytes / 1e6).toFixed(2)} MB, read in ${readMs.toFixed(0)} ms, scanned in ${ms.toFixed(0)} ms; every PHI or SECRET label is a false alarm)`);
  console.log(`found ${Object.entries(corpus.found).map(([kind, n]) => `${kind} ${n}`).join(', ')}; left out: ${k.duplicate} duplicates, ${k.overCap} over the cap of ${maxFiles}, ${k.tooLarge} over 1 MB, ${k.symlink} symbolic links, ${k.binary} binary, ${k.unreadable} unreadable`);
  if (corpus.missing.length) console.log(`not on this machine (left out): ${corpus.missing.join(', ')}`);
  for (const line of benignTable(scans)) console.log(line);
  if (report > 0) {
    console.log(`\nfalse alarms (up to ${report} files; values masked):`);
    for (const line of [...falseAlarmReport(scans, report), ...topCauses(scans)]) console.log(line);
  }
  if (debian) return 0;
  const target = (label: DocumentLabel, max: number): Target => {
    const n = scans.filter((s) => s.labels.includes(label)).length;
    return [`benign ${label} <= ${max * 100}% (${n} of ${scans.length} files)`, n <= max * scans.length];
  };
  return printTargets([target('PHI', 0.01), target('SECRET', 0.005)]);
}

async function main(): Promise<number> {
  const data = resolve(arg('--data', resolve(import.meta.dirname, '../../../shared/eval/data')));
  const scorerPath = resolve(data, '../score.mjs');
  if (!existsSync(data) || !existsSync(scorerPath)) {
    process.stderr.write(`eval: no evaluation data at ${data} (with score.mjs beside it); pass --data DIR\n`);
    return 2;
  }
  const { score } = (await import(pathToFileURL(scorerPath).href)) as { score: Scorer };
  const ablate = arg('--ablate', '').split(',').filter(Boolean);
  const unknown = ablate.filter((n) => !(LEXICONS as readonly string[]).includes(n));
  if (unknown.length) throw new Error(`--ablate takes ${LEXICONS.join(', ')}; not ${unknown.join(', ')}`);
  ablateLexicons(ablate as LexiconName[]);
  if (ablate.length) console.log(`without the word lists: ${ablate.join(', ')}`);
  const iou = Number(arg('--iou', '0.5'));
  const engine = defaultEngine();
  let failed = 0;
  for (const file of readdirSync(data).filter((n) => n.endsWith('.jsonl')).sort()) failed += evalFile(engine, score, data, file, iou);
  evalLetters(engine, score, iou);
  if (!process.argv.includes('--no-benign')) {
    const report = Number(arg('--benign-report', '0')), maxFiles = Number(arg('--benign-files', String(DEFAULT_MAX_FILES)));
    failed += evalBenign(engine, report, maxFiles);
    evalBenign(engine, report, maxFiles, true);
  }
  return failed ? 1 : 0;
}

main().then((code) => (process.exitCode = code), (e: Error) => {
  process.stderr.write(`eval: ${e.message}\n`);
  process.exitCode = 2;
});
