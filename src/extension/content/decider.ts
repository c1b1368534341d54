import browser from 'webextension-polyfill';
import { redactFreeText } from '../../core/events/event';
import { redact } from '../../core/detect/redact';
import type { Finding } from '../../core/detect/types';
import { keyedHash } from '../../core/events/hash';
import { mergeSummaries, summarize, summaryValues, type FindingSummary } from '../../core/events/summary';
import { ACTIONS, type Decision, type EvaluationContext } from '../../core/policy';
import type { DecisionReport, ToBackground } from '../messages';
import { BridgeRequestSchema } from './bridge-schema';
import { PolicyClient } from './policy-client';
import { Cancelled, readFile, scanInSlices } from './scanning';
import type { Share, Verdict } from './share';
import { askEmployee, closeSurface, showProgress } from './ui/mount';
import { FieldWatcher, stops } from './fields/watcher';
import { destinationHost } from './share';
import { Markers } from './ui/markers';

/**
 * Texts up to this size are decided inside the event when everything is loaded (a scan of 256 KB takes some
 * 20-30 ms): allowed content then goes on as the browser's own event, untouched. Longer texts are held.
 */
const DECIDE_IN_EVENT_CHARS = 256 * 1024;
/** Scans that take longer than this show progress. */
const PROGRESS_AFTER_MS = 300;
/** A capitalised word for every initial, so that a scan of it reads every word list. */
const WARM_UP = 'Abel Bern Cato Dax Eli Fay Gus Hal Ida Jon Kit Lev Max Ned Oda Pia Quin Rex Sol Tia Ugo Vic Wes Xia Yul Zed met at 1 Main St.';

const rank = (d: Decision): number => ACTIONS.indexOf(d.action);

/**
 * The decision pipeline of one frame: scan, evaluate, ask the employee where policy says so, report. Loaded
 * on demand (entrypoints/decider.ts); the light guard in every page holds events until it answers.
 */
export class Decider {
  readonly ready: Promise<unknown>;
  private policy: PolicyClient | undefined;
  /**
   * Values the employee already chose to share on this page after a warning (type and value, in this frame's
   * memory only): sending the prompt they were pasted into does not ask again.
   */
  private readonly consented = new Set<string>();
  /** Files that went on in this frame (name, size, date, type), so that an app's upload of them is not asked again. */
  private readonly passedFiles = new Set<string>();
  /** The text decideNow scanned last: when it must be held after all, decide does not scan it again. */
  private lastScan: { text: string; findings: Finding[] } | undefined;
  private readonly markers = new Markers();
  /** What each field holds and what policy would do with it, known before anything sends it (fields/watcher.ts). */
  readonly fields = new FieldWatcher(
    {
      engine: () => this.policy?.engine(),
      decide: (text, findings, channel) => this.policy!.decide(this.unconsented(text, findings), { channel, host: destinationHost() }),
    },
    (field, entry) => (entry && stops(entry.decision) ? this.markers.show(field, entry.decision.action, summarize(entry.text, this.unconsented(entry.text, entry.findings))) : this.markers.hide(field)),
  );

  constructor() {
    this.ready = PolicyClient.start().then((p) => {
      this.policy = p;
      // The engine reads its word lists one initial at a time on first use (~15 ms): read them now, not in a paste.
      setTimeout(() => p.engine().scan(WARM_UP));
      this.fields.flush();
    });
  }

  /**
   * The verdict inside the event handler, when the policy and engine are loaded and the share is small text:
   * true when the share may go on untouched (allow or audit), undefined when it must be held and decided.
   */
  decideNow(share: Share, host: string): true | undefined {
    if (!this.policy || share.files?.length || share.text.length > DECIDE_IN_EVENT_CHARS) return undefined;
    const findings = this.unconsented(share.text, this.policy.engine().scan(share.text).findings);
    const decision = this.policy.decide(findings, { channel: share.channel, host, recipients: share.recipients });
    if (decision.action !== 'allow' && decision.action !== 'audit') {
      this.lastScan = { text: share.text, findings };
      return undefined;
    }
    // The record is made after the event, off the employee's path.
    if (decision.action === 'audit') setTimeout(() => void report(this.policy?.organisationHashKey(), share, host, decision, 'sent', summarize(share.text, findings)));
    return true;
  }

  /** The full decision: scans in slices with progress, and asks the employee where policy says so. */
  async decide(share: Share, host: string): Promise<Verdict> {
    await this.ready;
    const policy = this.policy!;
    const stop = new AbortController();
    const started = performance.now();
    const progressOf = (done: number) => {
      if (performance.now() - started > PROGRESS_AFTER_MS) showProgress(done, () => stop.abort());
    };
    const base: EvaluationContext = { channel: share.channel, host, recipients: share.recipients };
    const decisions: Decision[] = [];
    const summaries: FindingSummary[][] = [];
    const unreadable: string[] = [];
    let textFindings: Finding[] = [];
    try {
      if (share.text) {
        const scanned = this.lastScan?.text === share.text ? this.lastScan.findings : (await scanInSlices(policy.engine(), share.text, progressOf, stop.signal)).findings;
        this.lastScan = undefined;
        textFindings = this.unconsented(share.text, scanned);
        decisions.push(policy.decide(textFindings, base));
        summaries.push(summarize(share.text, textFindings));
      }
      for (const file of share.files ?? []) {
        // Reading a large document takes a while before scanning starts: show progress (and Stop) meanwhile.
        const ticking = setInterval(() => progressOf(0), 100);
        const read = await readFile(file, stop.signal, { ocr: policy.policy.readImages }).finally(() => clearInterval(ticking));
        if (read.failure) {
          unreadable.push(file.name);
          decisions.push(policy.decide([], { ...base, file: read.file, failure: read.failure }));
        } else if (!read.parts.length) decisions.push(policy.decide([], { ...base, file: read.file })); // no text (an image): its facts still count
        for (const part of read.parts) {
          const findings = this.unconsented(part.text, (await scanInSlices(policy.engine(), part.text, progressOf, stop.signal)).findings);
          decisions.push(policy.decide(findings, { ...base, file: read.file }));
          summaries.push(summarize(part.text, findings));
        }
      }
    } catch (e) {
      closeSurface();
      if (e instanceof Cancelled) return { go: false };
      throw e;
    }
    closeSurface();
    const verdict = await this.conclude(share, host, decisions, summaries, unreadable, textFindings);
    if (verdict.go) for (const f of share.files ?? []) this.passedFiles.add(fileKey(f));
    return verdict;
  }

  private async conclude(share: Share, host: string, decisions: Decision[], summaries: FindingSummary[][], unreadable: string[], textFindings: Finding[]): Promise<Verdict> {
    const decision = decisions.reduce<Decision | undefined>((a, d) => (!a || rank(d) > rank(a) ? d : a), undefined);
    const summary = mergeSummaries(summaries.flat());
    if (!decision || decision.action === 'allow') return { go: true, text: share.text };
    if (decision.action === 'audit') {
      void report(this.policy?.organisationHashKey(), share, host, decision, 'sent', summary);
      return { go: true, text: share.text };
    }
    // Redaction rewrites text; files and forms of several fields cannot be rewritten, so there it blocks.
    const canRedact = share.redactable && !share.files?.length && summary.length > 0;
    const shown = decision.action === 'redact' && !canRedact ? { ...decision, action: 'block' as const } : decision;
    const choice = await askEmployee({ decision: shown, channel: share.channel, host, summary, unreadable, canRedact });
    if (choice.kind === 'cancel') {
      void report(this.policy?.organisationHashKey(), share, host, shown, 'cancelled', summary);
      return { go: false };
    }
    if (choice.kind === 'redact') {
      void report(this.policy?.organisationHashKey(), share, host, shown, 'redacted', summary);
      return { go: true, text: redact(share.text, textFindings) };
    }
    // Employees explain themselves in their own words, values included ("the SSN is the patient's"): the record
    // keeps the words and not the values.
    const justification = choice.justification && redactFreeText(choice.justification);
    void report(this.policy?.organisationHashKey(), share, host, shown, 'sent', summary, justification);
    for (const f of textFindings) this.consented.add(consentKey(share.text, f));
    this.fields.rejudge();
    return { go: true, text: share.text };
  }

  /**
   * A request from the page-world hook, validated here because any page script can send one. Files this
   * frame already let through (chosen in an input, dropped) are not asked about again when the app uploads them.
   */
  async decideRequest(request: unknown): Promise<boolean> {
    const parsed = BridgeRequestSchema.safeParse(request);
    if (!parsed.success) {
      console.warn('[bulwark] refused a malformed request from the page');
      return false;
    }
    const { kind, url, parts } = parsed.data;
    const files = parts.flatMap((p) => ('file' in p ? [asFile(p.file)] : [])).filter((f) => !this.passedFiles.has(fileKey(f)));
    const text = parts.flatMap((p) => ('field' in p ? [p.value] : [])).join('\n');
    if (!files.length && !text.trim()) return true;
    const share: Share = { channel: kind === 'upload' ? 'programmatic-upload' : 'file-upload', text, files, redactable: false };
    return (await this.decide(share, new URL(url).hostname.toLowerCase())).go;
  }

  private unconsented(text: string, findings: Finding[]): Finding[] {
    return this.consented.size ? findings.filter((f) => !this.consented.has(consentKey(text, f))) : findings;
  }
}

const fileKey = (f: File): string => `${f.name}\u0000${f.size}\u0000${f.lastModified}\u0000${f.type}`;

/** A Blob posted without a name is a file all the same. */
const asFile = (b: Blob): File => (b instanceof File ? b : new File([b], 'upload', { type: b.type }));

const consentKey = (text: string, f: Finding): string => `${f.type}\u0000${text.slice(f.start, f.end)}`;

async function report(hashKey: Promise<CryptoKey> | undefined, share: Share, host: string, decision: Decision, outcome: DecisionReport['outcome'], summary: readonly FindingSummary[], justification?: string): Promise<void> {
  const file = share.files?.length === 1 ? share.files[0] : undefined;
  const key = await hashKey;
  const hashesOf = async (s: FindingSummary) => (key ? Promise.all([...summaryValues(s)].map((v) => keyedHash(key, v))) : []);
  const findings = await Promise.all(
    summary.map(async (s) => ({ type: s.type, category: s.category === 'health' ? ('phi' as const) : s.category === 'manufacturing' ? ('ip' as const) : s.category, count: s.count, previews: s.previews, hashes: await hashesOf(s) })),
  );
  const message: ToBackground = {
    type: 'decision',
    report: {
      channel: share.channel,
      host,
      action: decision.action,
      rule: decision.rule,
      outcome,
      justification,
      findings,
      recipientDomains: share.recipients && [...new Set(share.recipients.map((r) => r.slice(r.lastIndexOf('@') + 1).toLowerCase()))],
      file: file && { name: redactFreeText(file.name), type: file.type, size: file.size },
    },
  };
  browser.runtime.sendMessage(message).catch(() => {
    // The background may be restarting; the decision itself stands.
  });
}
