import browser from 'webextension-polyfill';
import { redactFreeText } from '../../core/events/event';
import { redact } from '../../core/detect/redact';
import type { Finding } from '../../core/detect/types';
import { keyedHash } from '../../core/events/hash';
import { mergeSummaries, summarize, summaryValues, type FindingSummary } from '../../core/events/summary';
import { ACTIONS, imageReading, type Decision, type EvaluationContext } from '../../core/policy';
import { BackstopAsk, type BackstopAnswer, type DecisionReport, type GuardRequest, type ToBackground } from '../messages';
import type { BridgeAnswer, TextPart } from '../bridge-protocol';
import { consentTo, listenForBackstop } from './backstop-client';
import { BridgeRequestSchema, RequestNowSchema } from './bridge-schema';
import { textOfRequest } from '../../core/extract/request';
import { formValues } from './request-text';
import { PolicyClient } from './policy-client';
import { Cancelled, readFile, scanText } from './scanning';
import { destinationHost, type Share, type Verdict } from './share';
import { askEmployee, closeSurface, showProgress } from './ui/mount';
import { FieldWatcher, stops } from './fields/watcher';
import { Markers } from './ui/markers';
import { redactionLabels } from './ui/redaction-labels';
import { offerFor } from './ui/asking';

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
  /** Texts of requests the employee refused on this page (the latest few), refused again without asking. */
  private readonly refusedRequests = new Set<string>();
  private readonly markers = new Markers();
  /** What each field holds and what policy would do with it, known before anything sends it (fields/watcher.ts). */
  readonly fields = new FieldWatcher(
    {
      engine: () => this.policy?.engine(),
      decide: (text, findings, channel) => this.policy!.decide(this.unconsented(text, findings), { channel, host: destinationHost() }, text),
    },
    (field, entry) => (entry && stops(entry.decision) ? this.markers.show(field, entry.decision.action, summarize(entry.text, this.unconsented(entry.text, entry.findings))) : this.markers.hide(field)),
  );

  constructor() {
    // Questions from the network backstop are heard from here, not from the light guard: touching the runtime's
    // message events at page load costs every page about 1.4 ms. The backstop loads the decider when none listens.
    listenForBackstop(new AbortController().signal);
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
    const decision = this.policy.decide(findings, { channel: share.channel, host, recipients: share.recipients }, share.text);
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
        const scanned = this.lastScan?.text === share.text ? this.lastScan.findings : (await scanText(policy, share.text, progressOf, stop.signal)).findings;
        this.lastScan = undefined;
        textFindings = this.unconsented(share.text, scanned);
        decisions.push(policy.decide(textFindings, base, share.text));
        summaries.push(summarize(share.text, textFindings));
      }
      for (const file of share.files ?? []) {
        // Reading a large document takes a while before scanning starts: show progress (and Stop) meanwhile.
        const ticking = setInterval(() => progressOf(0), 100);
        const read = await readFile(file, stop.signal, imageReading(policy.policy, host)).finally(() => clearInterval(ticking));
        if (read.failure) {
          unreadable.push(file.name);
          decisions.push(policy.decide([], { ...base, file: read.file, failure: read.failure }));
        } else if (!read.parts.length) decisions.push(policy.decide([], { ...base, file: read.file })); // no text (an image): its facts still count
        for (const part of read.parts) {
          const findings = this.unconsented(part.text, (await scanText(policy, part.text, progressOf, stop.signal)).findings);
          decisions.push(policy.decide(findings, { ...base, file: read.file }, part.text));
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
    const { decision: shown, canRedact } = offerFor(decision, summary, share.redactable && !share.files?.length);
    const choice = await askEmployee({ decision: shown, channel: share.channel, host, summary, unreadable, canRedact, canRequest: Boolean(this.policy?.canRequest) });
    if (choice.kind === 'cancel' || choice.kind === 'request') {
      void report(this.policy?.organisationHashKey(), share, host, shown, 'cancelled', summary, undefined, choice.kind === 'request' ? choice.request : undefined);
      return { go: false };
    }
    if (choice.kind === 'redact') {
      void report(this.policy?.organisationHashKey(), share, host, shown, 'redacted', summary);
      // Values only: a passage among what was merely found stays as it is (offerFor never offers to redact one that stops it).
      return { go: true, text: redact(share.text, textFindings.filter((f) => !f.passage), redactionLabels()) };
    }
    // Employees explain themselves in their own words, values included ("the SSN is the patient's"): the record
    // keeps the words and not the values.
    const justification = choice.justification && redactFreeText(choice.justification);
    void report(this.policy?.organisationHashKey(), share, host, shown, 'sent', summary, justification);
    for (const f of textFindings) this.consented.add(consentKey(share.text, f));
    // The recipients are part of what the employee chose to send: the app's own request of this email carries them.
    const recipients = (share.recipients ?? []).flatMap((r) => {
      const found = this.policy?.engine().scan(r).findings ?? [];
      for (const f of found) this.consented.add(consentKey(r, f));
      return summarize(r, found);
    });
    // The network backstop must not stop the request that carries what the employee just chose to share.
    await consentTo([...summary, ...recipients]);
    this.fields.rejudge();
    return { go: true, text: share.text };
  }

  /**
   * The network backstop stopped a request of this frame (a worker's, a form navigation, a beacon) and asks
   * here, with what it found (masked). The question comes from the background, checked all the same.
   */
  async askAboutStoppedRequest(message: unknown): Promise<BackstopAnswer> {
    const ask = BackstopAsk.safeParse(message);
    if (!ask.success) return { choice: 'cancel' };
    const { channel, host, summary } = ask.data;
    const { decision } = offerFor(ask.data.decision, summary, false);
    const choice = await askEmployee({ decision, channel, host, summary, unreadable: [], canRedact: false, canRequest: ask.data.canRequest ?? false });
    if (choice.kind === 'continue') return { choice: 'continue', justification: choice.justification };
    return choice.kind === 'request' ? { choice: 'cancel', request: choice.request } : { choice: 'cancel' };
  }

  /**
   * A request from the page-world hook, validated here because any page script can send one. Files this
   * frame already let through (chosen in an input, dropped) are not asked about again when the app uploads them.
   * Text the page sends by itself is 'web-request', files 'programmatic-upload', a clipboard read 'paste' (the
   * page gets the redacted text where the employee chooses so). A form's fields are read from the form.
   */
  async decideRequest(request: unknown, form?: HTMLFormElement): Promise<BridgeAnswer> {
    const parsed = BridgeRequestSchema.safeParse(request);
    if (!parsed.success || (parsed.data.kind === 'form' && !form)) {
      console.warn('[bulwark] refused a malformed request from the page');
      return { go: false };
    }
    const { kind, url, parts } = parsed.data;
    const host = new URL(url).hostname.toLowerCase();
    if (kind === 'form') return { go: await this.decideShare(this.formShare(form!), host) };
    const files = parts.flatMap((p) => ('file' in p ? [asFile(p.file)] : [])).filter((f) => !this.passedFiles.has(fileKey(f)));
    const texts = parts.filter((p): p is TextPart => !('file' in p));
    if (kind === 'paste') {
      const text = texts.map((p) => ('body' in p ? p.body : p.value)).join('\n');
      const share: Share = { channel: 'paste', text, files, redactable: texts.length === 1 && !files.length };
      const verdict = await this.decide(share, host || destinationHost());
      return verdict.go ? { go: true, text: verdict.text !== text ? verdict.text : undefined } : { go: false };
    }
    if (kind === 'file-input') return { go: (await this.decide({ channel: 'file-upload', text: textOfRequest(texts), files, redactable: false }, host)).go };
    return { go: await this.decideShare(this.requestShare(texts, files), host) };
  }

  /** The synchronous path of a request (REQUEST_EVENT's JSON detail): true when it may go on now. */
  decideRequestNow(detail: unknown): true | undefined {
    if (typeof detail !== 'string') return undefined;
    let json: unknown;
    try {
      json = JSON.parse(detail);
    } catch {
      return undefined;
    }
    const parsed = RequestNowSchema.safeParse(json);
    if (!parsed.success || parsed.data.files) return undefined;
    return this.decideShareNow(this.requestShare(parsed.data.parts, []), new URL(parsed.data.url).hostname.toLowerCase());
  }

  /** The synchronous path of form.submit() and requestSubmit(). */
  decideFormNow(form: HTMLFormElement): true | undefined {
    const share = this.formShare(form);
    return share.files?.length ? undefined : this.decideShareNow(share, formHost(form));
  }

  private requestShare(texts: readonly TextPart[], files: File[]): Share {
    return { channel: files.length ? 'programmatic-upload' : 'web-request', text: textOfRequest(texts), files, redactable: false };
  }

  private formShare(form: HTMLFormElement): Share {
    const { values, files } = formValues(form);
    const unpassed = files.filter((f) => !this.passedFiles.has(fileKey(f)));
    return this.requestShare(values.map((value) => ({ field: '', value })), unpassed);
  }

  private decideShareNow(share: Share, host: string): true | undefined {
    if (!share.text.trim() && !share.files?.length) return true;
    if (this.refusedRequests.has(share.text)) return undefined;
    return this.decideNow(share, host);
  }

  /**
   * The full decision of a request. Apps retry what failed (autosave, polling): a request the employee refused
   * is refused again on this page without a new dialog.
   */
  private async decideShare(share: Share, host: string): Promise<boolean> {
    if (!share.text.trim() && !share.files?.length) return true;
    if (!share.files?.length && this.refusedRequests.has(share.text)) return false;
    const { go } = await this.decide(share, host);
    if (!go && !share.files?.length) {
      if (this.refusedRequests.size >= 32) this.refusedRequests.delete(this.refusedRequests.values().next().value!);
      this.refusedRequests.add(share.text);
    }
    return go;
  }

  private unconsented(text: string, findings: Finding[]): Finding[] {
    return this.consented.size ? findings.filter((f) => !this.consented.has(consentKey(text, f))) : findings;
  }
}

/** Where a form goes: its action's host; this frame's for an action that is not a web address. */
function formHost(form: HTMLFormElement): string {
  try {
    const url = new URL(form.getAttribute('action') ?? '', document.baseURI);
    if (/^https?:$/.test(url.protocol)) return url.hostname.toLowerCase();
  } catch {
    // not a URL: this frame's host
  }
  return destinationHost();
}

const fileKey = (f: File): string => `${f.name}\u0000${f.size}\u0000${f.lastModified}\u0000${f.type}`;

/** A Blob posted without a name is a file all the same. */
const asFile = (b: Blob): File => (b instanceof File ? b : new File([b], 'upload', { type: b.type }));

const consentKey = (text: string, f: Finding): string => `${f.type}\u0000${text.slice(f.start, f.end)}`;

async function report(hashKey: Promise<CryptoKey> | undefined, share: Share, host: string, decision: Decision, outcome: DecisionReport['outcome'], summary: readonly FindingSummary[], justification?: string, request?: GuardRequest): Promise<void> {
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
      exceptions: decision.exceptions,
      // The employee's words are kept without the values in them, as a justification is.
      request: request && { ...request, reason: request.reason && redactFreeText(request.reason) },
    },
  };
  browser.runtime.sendMessage(message).catch(() => {
    // The background may be restarting; the decision itself stands.
  });
}
