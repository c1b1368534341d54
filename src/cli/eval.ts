/**
 * npm run eval [-- --data DIR] [--iou 0.5] [--ablate people-names,common-words,places,regions]
 * Scans every labelled file in ../shared/eval/data and scores it with ../shared/eval/score.mjs (presidio-research's
 * span rules), printing one table per file and the targets of the detection-engine issue.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultEngine } from '../core/detect';
import { ablateLexicons, LEXICONS, type LexiconName } from '../core/detect/lexicon';
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

const TARGETS: Record<string, (s: Score) => [string, boolean][]> = {
  asq_phi_dev: (s) => [['entity F1 >= 0.90', s.all.f1 >= 0.9], ['document PHI recall >= 0.98', s.docs.recall >= 0.98], ['false alarms on hard negatives <= 5%', s.docs.falseAlarmRate <= 0.05]],
  presidio_synth_v2: (s) => [['F1 >= 0.85', s.all.f1 >= 0.85]],
  secretlint_snapshots: (s) => [['recall >= 0.95', s.all.recall >= 0.95], ['<= 2 negative cases reported', s.docs.fp <= 2]],
};

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
  const f = (x: number) => x.toFixed(3);
  let failed = 0;
  for (const file of readdirSync(data).filter((n) => n.endsWith('.jsonl')).sort()) {
    const rows = readFileSync(resolve(data, file), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { id: string; full_text: string });
    const started = performance.now();
    const pred = new Map(rows.map((r) => {
      return [r.id, toPrediction(engine.scan(r.full_text))];
    }));
    const ms = performance.now() - started;
    const mode = modeOf(file);
    const s = score(rows, pred, { iou, ...mode });
    console.log(`\n${file}  (${rows.length} texts, label ${mode.label}, IoU ${iou}, scanned in ${ms.toFixed(0)} ms)`);
    console.log('type'.padEnd(16), 'gold'.padStart(5), 'pred'.padStart(5), 'tp'.padStart(5), '  P      R      F1');
    for (const [t, v] of [...Object.entries(s.types), ['ALL', s.all] as const])
      console.log(t.padEnd(16), String(v.gold).padStart(5), String(v.pred).padStart(5), String(v.tp).padStart(5), ' ', f(v.precision), f(v.recall), f(v.f1));
    const d = s.docs;
    console.log(`documents: precision ${f(d.precision)} recall ${f(d.recall)} false-alarm rate ${f(d.falseAlarmRate)} (tp ${d.tp} fp ${d.fp} fn ${d.fn} tn ${d.tn})`);
    for (const [what, ok] of TARGETS[file.replace(/\.jsonl$/, '')]?.(s) ?? []) {
      console.log(`target ${ok ? 'met   ' : 'MISSED'} ${what}`);
      if (!ok) failed++;
    }
  }
  return failed ? 1 : 0;
}

main().then((code) => (process.exitCode = code), (e: Error) => {
  process.stderr.write(`eval: ${e.message}\n`);
  process.exitCode = 2;
});
