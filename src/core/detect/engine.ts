import { decodedAt } from './decoded';
import { combinePatterns, matchedSpan, sourceOf, type Combined } from './combine';
import { DigitDispatch } from './digit-dispatch';
import { ownString } from './chars';
import { compileContext, findContext, type CompiledContext } from './context';
import { KeywordScanner } from './keywords';
import { documentLabels, HEALTH_CONTEXT_CHARS } from './labels';
import { readable } from './readable';
import { tokensOf, type Tokens } from './tokens';
import { digitWindows, execInParts, partsOf, windowsAround, type Part } from './windows';
import type { Candidate, Detector, Finding, Pattern, ScanResult } from './types';

export interface ScanOptions {
  /** Characters scanned at most; the rest is reported as `truncated` so that policy can decide. */
  maxChars?: number;
  /** Findings under this score are dropped (each detector may ask for more). */
  minScore?: number;
  /**
   * When given, every scan adds its milliseconds by stage (readable, tokens, keywords, score, context,
   * resolveOverlaps...), by detector ("detector <id>") and by validator ("validate <id>") into this map: the bench's
   * "where the time goes". Off (undefined), it costs a test. On, it reads the clock around every validator call and
   * context lookup, which adds to "score" and the whole scan.
   */
  profile?: Map<string, number>;
}

export const DEFAULT_MAX_CHARS = 8 * 1024 * 1024;
export const DEFAULT_MIN_SCORE = 0.5;
const CHUNK = 64 * 1024;
/** Chunks overlap by this much so that a value across a boundary (a PEM key, an address) is seen whole. */
const OVERLAP = 4 * 1024;
/** No pattern reports more than this many matches per chunk: a page of near-identical junk stays bounded. */
export const MAX_MATCHES_PER_PATTERN = 2_000;

interface Prepared {
  detector: Detector;
  context: CompiledContext | undefined;
  minScore: number;
  patterns: Combined[];
}

/**
 * An engine holds detectors prepared once (context sets, global regexes) and scans synchronously.
 * It is pure: the same code runs in a content script, a worker and Node.
 */
export class Engine {
  private readonly prepared: Prepared[];
  /** Every detector keyword in one automaton: a chunk is searched once, not once per keyword. */
  private readonly keywords: KeywordScanner;
  /** For each keyword, the prepared detectors it gates: a chunk visits only those whose keywords occurred. */
  private readonly gates = new Map<string, number[]>();
  /** 1 for a detector gated by keywords (it runs only when one occurred). */
  private readonly gated: Uint8Array;
  private readonly profile: Map<string, number> | undefined;
  /** With a profile: when the current stage began (score() splits its time into validators, context and the rest). */
  private clock = 0;
  /** The digit-led patterns of the detectors that need digits, run from the chunk's digit runs. */
  private readonly digitLed: DigitDispatch;

  constructor(readonly detectors: readonly Detector[], private readonly options: ScanOptions = {}) {
    for (const d of detectors)
      for (const p of d.patterns ?? [])
        if (!sourceOf(p).flags.includes('g')) throw new Error(`detector ${d.id}: pattern ${p.name} needs the g flag`);
    this.prepared = detectors.map((detector) => ({
      detector,
      context: detector.context && compileContext(detector.context),
      minScore: Math.max(detector.minScore ?? 0, options.minScore ?? DEFAULT_MIN_SCORE),
      patterns: combinePatterns(detector.patterns ?? []),
    }));
    this.keywords = new KeywordScanner([...new Set(detectors.flatMap((d) => [...(d.keywords ?? []), ...(d.anchors ?? [])]))]);
    this.gated = new Uint8Array(detectors.length);
    detectors.forEach((d, i) => {
      if (!d.keywords) return;
      this.gated[i] = 1;
      for (const k of new Set(d.keywords)) (this.gates.get(k) ?? this.gates.set(k, []).get(k)!).push(i);
    });
    this.profile = options.profile;
    this.digitLed = new DigitDispatch(this.prepared.flatMap((p) => (p.detector.requires === 'digit' && !p.detector.keywords && !p.detector.find ? p.patterns : [])));
  }

  scan(input: string): ScanResult {
    const steps = this.scanInSteps(input);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * The same scan, one chunk per step: each step yields the characters scanned so far, so that a caller on a
   * page's main thread can pause between chunks, show progress and stop.
   */
  *scanInSteps(input: string): Generator<number, ScanResult, void> {
    if (typeof input !== 'string') throw new TypeError('scan() takes a string');
    const maxChars = this.options.maxChars ?? DEFAULT_MAX_CHARS;
    const truncated = input.length > maxChars;
    const original = truncated ? input.slice(0, maxChars) : input;
    const prof = this.profile;
    let t = prof ? performance.now() : 0;
    // The text as a person reads it (normalised, joined, decoded); what is found there is mapped back.
    const { text, start: from, end: to, decoded } = readable(original);
    if (prof) t = lap(prof, 'readable', t);
    const found: Finding[] = [];
    let progress = 0;
    for (let start = 0; start < text.length; ) {
      let end = Math.min(text.length, start + CHUNK);
      if (end < text.length) end = keepBlockWhole(text, start, breakAt(text, end));
      this.scanChunk(text, start, end, found);
      if (prof) t = performance.now();
      start = end;
      // Decoded text stands after its run: progress is the furthest point of the original reached.
      progress = Math.max(progress, from ? from[start] ?? original.length : start);
      if (start < text.length) yield progress;
    }
    /** The words of health context as the engine read them (a decoded term is not shown in its encoded form). */
    const read = new Map<Finding, string>();
    for (const f of found) {
      if (f.category === 'health') read.set(f, text.slice(f.start, f.end));
      const how = decoded.length ? decodedAt(decoded, f.start) : undefined;
      if (how) f.why.push(`decoded from ${how}`);
      if (from && to) {
        f.start = from[f.start]!;
        f.end = to[f.end - 1]!;
      }
    }
    if (prof) t = lap(prof, 'map back', t);
    const findings = resolveOverlaps(found);
    if (prof) t = lap(prof, 'resolveOverlaps', t);
    const { labels, phi, contextOf, outOfContext } = documentLabels(findings);
    for (const f of phi) {
      f.category = 'phi';
      // The explanation names the term that made the context (a vocabulary word, never the identifier).
      const h = contextOf.get(f);
      f.why.push(h ? `health context: "${(read.get(h) ?? original.slice(h.start, h.end)).toLowerCase()}" within ${HEALTH_CONTEXT_CHARS} characters` : 'health context: a clinical text throughout');
    }
    for (const f of outOfContext) f.quasi = true;
    if (prof) lap(prof, 'documentLabels', t);
    return { findings, labels, scanned: original.length, truncated };
  }

  /**
   * Scans text[start, end + OVERLAP) and keeps the findings that begin before `end`. Detectors with keywords
   * run only in windows around their keywords, detectors that need digits only around digits: the prefilter
   * decides where to look, not just whether.
   */
  private scanChunk(text: string, start: number, end: number, out: Finding[]): void {
    const prof = this.profile;
    let t = prof ? performance.now() : 0;
    const chunk = ownString(text.slice(start, Math.min(text.length, end + OVERLAP)));
    const lower = chunk.toLowerCase();
    if (prof) t = lap(prof, 'lower-case', t);
    // The chunk's tokens, read once: context lookups and every detector that calls tokensOf(chunk) share them.
    const tokens = tokensOf(chunk);
    // Phrases of context are read from the lower-cased chunk where lower-casing kept its length.
    const context: ChunkText = { tokens, lower: lower.length === chunk.length ? lower : undefined };
    if (prof) t = lap(prof, 'tokens', t);
    const hits = this.keywords.scan(lower);
    const active = new Uint8Array(this.prepared.length);
    for (const k of hits.keys()) for (const i of this.gates.get(k) ?? []) active[i] = 1;
    if (prof) t = lap(prof, 'keywords', t);
    let digits: Part[] | undefined;
    let dispatched = false;
    const whole: Part[] = [{ offset: 0, text: chunk }];
    for (let i = 0; i < this.prepared.length; i++) {
      if (this.gated[i] && !active[i]) continue;
      const p = this.prepared[i]!, d = p.detector;
      let candidates: Candidate[];
      if (d.keywords) {
        if (d.find) candidates = d.find(chunk, lower, hits);
        else {
          const windows = windowsAround(chunk, d.keywords.map((k) => hits.get(k)), d.window?.before ?? 128, d.window?.after ?? 512);
          const parts = partsOf(chunk, windows);
          if (prof) t = lap(prof, 'keyword windows', t);
          candidates = this.matchPatterns(p, parts);
        }
      } else if (d.requires === 'digit') {
        if (!digits) {
          digits = partsOf(chunk, digitWindows(chunk, tokens));
          if (prof) t = lap(prof, 'digitWindows', t);
        }
        if (!digits.length) continue;
        if (d.find) candidates = d.find(chunk, lower, hits);
        else {
          if (!dispatched) {
            dispatched = this.digitLed.dispatch(chunk, tokens);
            if (prof) t = lap(prof, 'digit dispatch', t);
          }
          candidates = this.matchPatterns(p, digits, dispatched);
        }
      } else candidates = d.find ? d.find(chunk, lower, hits) : this.matchPatterns(p, whole);
      if (prof) this.clock = lap(prof, `detector ${d.id}`, t);
      for (const c of candidates) {
        if (c.start >= end - start && end < text.length) continue;
        const f = this.score(p, text, context, c, start);
        if (f) out.push(f);
      }
      if (prof) t = lap(prof, 'score', this.clock);
    }
  }

  /** With a profile: adds the time since the last lap to `stage`. */
  private lap(stage: string): void {
    if (this.profile) this.clock = lap(this.profile, stage, this.clock);
  }

  /** Candidates from each of a detector's regexes: over the parts, or where the digit dispatch put them. */
  private matchPatterns(p: Prepared, parts: readonly Part[], dispatched = false): Candidate[] {
    const out: Candidate[] = [];
    for (const c of p.patterns) {
      let n = 0;
      const onMatch = (m: RegExpExecArray, offset: number): boolean | void => {
        const hit = matchedSpan(c, m);
        if (!hit) return;
        out.push({ start: hit.span[0] + offset, end: hit.span[1] + offset, score: hit.pattern.score, why: whyOf(hit.pattern) });
        return ++n < MAX_MATCHES_PER_PATTERN;
      };
      if (!dispatched || !this.digitLed.run(c, onMatch)) execInParts(c.regex, parts, onMatch);
    }
    return out;
  }

  private score(p: Prepared, text: string, chunk: ChunkText, c: Candidate, offset: number): Finding | undefined {
    const d = p.detector;
    const start = c.start + offset, end = c.end + offset;
    let score = c.score;
    let check: string | undefined;
    if (d.validate) {
      this.lap('score');
      const v = d.validate(text.slice(start, end), text, start);
      this.lap(`validate ${d.id}`);
      if (v === false) return undefined;
      if (v === true) [score, check] = [1, 'check passed (1.0)'];
      else if (typeof v === 'number') [score, check] = [v, `check (${v})`];
      else if (v) [score, check] = [v.score, `${v.note} (${v.score})`];
    }
    let cue: string | undefined;
    // Context can only lift a score; one that cannot reach the threshold even with it is dropped unread.
    if (p.context && score < 1 && score + p.context.boost >= p.minScore) {
      this.lap('score');
      cue = findContext(p.context, chunk.tokens, chunk.lower, c.start, c.end);
      this.lap('context');
      if (cue) score = Math.min(1, score + p.context.boost);
    }
    if (score < p.minScore) return undefined;
    // The explanation is built only for what is kept.
    const why = [...c.why];
    if (check) why.push(check);
    if (cue) why.push(`context "${cue}" (+${p.context!.boost})`);
    const f: Finding = { type: d.type, category: d.category, detector: d.id, start, end, score: round(score), why };
    if (d.quasi) f.quasi = true;
    if (d.passage) f.passage = true;
    return f;
  }
}

/** What context lookups read of a chunk. */
interface ChunkText {
  tokens: Tokens;
  lower: string | undefined;
}

/** The explanation of a pattern, made once per pattern: candidates share it until one becomes a finding. */
const WHY = new WeakMap<Pattern, string[]>();
function whyOf(p: Pattern): string[] {
  let w = WHY.get(p);
  if (!w) WHY.set(p, (w = [`pattern ${p.name} (${p.score})`]));
  return w;
}

/** Adds the time since `t` to a stage and returns the time now (the start of the next stage). */
function lap(profile: Map<string, number>, stage: string, t: number): number {
  const now = performance.now();
  profile.set(stage, (profile.get(stage) ?? 0) + now - t);
  return now;
}

const round = (x: number): number => Math.round(x * 100) / 100;

/** Moves a chunk boundary back to whitespace (at most 256 characters) so that no word is cut. */
function breakAt(text: string, at: number): number {
  for (let i = at; i > at - 256; i--) if (text.charCodeAt(i) <= 32) return i;
  return at;
}

/** Key blocks can outgrow the overlap (a PGP private key, a long PuTTY key): a chunk never ends inside one. */
const BLOCKS: readonly [string, string][] = [['-----BEGIN ', '-----END '], ['PuTTY-User-Key-File-', 'Private-MAC:']];
const LONGEST_BLOCK = 16 * 1024;

/**
 * Moves a chunk boundary back to the start of a key block that begins in the chunk's last 16 KiB and ends beyond
 * the overlap, so that the next chunk sees the block whole. Bounded: it looks back 16 KiB at most.
 */
function keepBlockWhole(text: string, start: number, end: number): number {
  const from = Math.max(start + CHUNK / 2, end - LONGEST_BLOCK);
  // Only this stretch is read: searches in the whole text would cost its length at every chunk.
  const part = text.slice(from, Math.min(text.length, end + OVERLAP));
  let best = end;
  for (const [open, close] of BLOCKS) {
    const at = part.lastIndexOf(open, end - from - 1);
    if (at < 0) continue;
    const closed = part.indexOf(close, at + open.length);
    if (closed < 0 || from + closed + 64 > end + OVERLAP) best = Math.min(best, from + at);
  }
  return best;
}

/** Context words, IP values and each kind of passage are layers of their own beside identifiers and secrets. */
const layer = (f: Finding): string => (f.passage ? f.type : f.category === 'pii' || f.category === 'secret' ? 'identifier' : f.category);

/**
 * One finding per stretch of text within a layer: the higher score wins, then the longer span.
 * Health context (diagnoses, codes), IP and passages are separate layers and never hide an identifier: a code
 * block still shows the key inside it, and a compound code never hides an account number.
 *
 * Most findings overlap nothing: the findings are read once in the order of the result, and only clusters of
 * findings of one layer that overlap are ranked. A finding's fate depends only on those it overlaps, so this keeps
 * what ranking every finding would.
 */
function resolveOverlaps(found: Finding[]): Finding[] {
  if (found.length < 2) return found;
  const order = inResultOrder(found);
  const kept = new Uint8Array(found.length);
  // One open cluster per layer (there are a handful), reused: a finding that overlaps nothing allocates nothing.
  const open = new Map<string, Cluster>();
  // Indexed loops: a for-of here allocated an iterator result per finding (V8 did not optimise it away).
  for (let o = 0; o < order.length; o++) {
    const i = order[o]!, f = found[i]!, key = layer(f);
    let c = open.get(key);
    if (!c) open.set(key, (c = { members: [], size: 0, end: 0 }));
    else if (c.size && f.start < c.end) {
      c.members[c.size++] = i;
      c.end = Math.max(c.end, f.end);
      continue;
    }
    keepBest(found, c, kept);
    c.members[c.size++] = i;
    c.end = f.end;
  }
  for (const c of open.values()) keepBest(found, c, kept);
  const out: Finding[] = [];
  for (let o = 0; o < order.length; o++) if (kept[order[o]!]) out.push(found[order[o]!]!);
  return out;
}

/** Findings of one layer that overlap one another (through each other), as indices into the findings. */
interface Cluster {
  /** The first `size` are the cluster's: emptied by its size, since setting an array's length to 0 frees its store. */
  members: number[];
  size: number;
  end: number;
}

/**
 * The indices of the findings in the order of the result: by start, then end; then the rank (a higher score
 * first), then the order found. One numeric sort of start * n + index (exact in a double for any text the engine
 * takes), then each run of equal starts (few, short) put in order by the rest.
 */
function inResultOrder(found: Finding[]): Int32Array {
  const n = found.length, keys = new Float64Array(n);
  let last = 0;
  for (const f of found) last = Math.max(last, f.start);
  const byRest = (i: number, j: number): number => inResult(found[i]!, found[j]!) || i - j;
  const order = new Int32Array(n);
  if ((last + 1) * n > Number.MAX_SAFE_INTEGER) return order.map((_, i) => i).sort((i, j) => found[i]!.start - found[j]!.start || byRest(i, j));
  for (let i = 0; i < n; i++) keys[i] = found[i]!.start * n + i;
  keys.sort();
  // Typed: an index read back from a double would be a heap number in a plain array.
  for (let i = 0; i < n; i++) order[i] = keys[i]! % n;
  for (let a = 0; a < n; ) {
    let b = a + 1;
    while (b < n && found[order[b]!]!.start === found[order[a]!]!.start) b++;
    if (b - a > 1) order.slice(a, b).sort(byRest).forEach((i, k) => (order[a + k] = i));
    a = b;
  }
  return order;
}

const inResult = (x: Finding, y: Finding): number => x.end - y.end || y.score - x.score;

/** Which characters of a cluster the findings kept so far cover: one array, reused (zeroed over each cluster's span). */
let taken = new Uint8Array(1024);

/** Marks the findings a cluster keeps (in rank order, each that overlaps none kept before it) and empties it. */
function keepBest(found: Finding[], c: Cluster, kept: Uint8Array): void {
  const { members, size } = c;
  c.size = 0;
  if (size <= 1) {
    if (size) kept[members[0]!] = 1;
    return;
  }
  // Members come in the order of the result: the first starts the cluster.
  const start = found[members[0]!]!.start;
  const ranked = members.slice(0, size).sort((a, b) => {
    const x = found[a]!, y = found[b]!;
    return y.score - x.score || y.end - y.start - (x.end - x.start) || x.start - y.start || a - b;
  });
  const span = c.end - start;
  if (taken.length < span) taken = new Uint8Array(Math.max(span, taken.length * 2));
  else taken.fill(0, 0, span);
  for (const i of ranked) {
    const f = found[i]!;
    let free = true;
    for (let k = f.start; k < f.end && free; k++) free = taken[k - start] === 0;
    if (!free) continue;
    taken.fill(1, f.start - start, f.end - start);
    kept[i] = 1;
  }
}
