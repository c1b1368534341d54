import { counts } from '../../../core/detect/redact';
import type { Detector, Finding } from '../../../core/detect/types';
import { summarize, type FindingSummary } from '../../../core/events/summary';
import { DEFAULT_POLICY, engineFor, evaluate, hostMatches, withValueHashes, type Channel, type Decision, type Policy } from '../../../core/policy';
import { Allowances } from './allowances';
import { consentHash, valueHash, type SipKey } from './hashes';
import { readRequest, type RequestDetails } from './read';

/** What the backstop decides for one request, synchronously. */
export type RequestVerdict =
  | { kind: 'pass' }
  /** Goes on; recorded (audit). */
  | ({ kind: 'audit' } & Stopped)
  /** Cancelled: blocked, or waiting for the employee (warn, redact). */
  | ({ kind: 'stop' } & Stopped);

export interface Stopped {
  decision: Decision;
  channel: Channel;
  host: string;
  /** The origin of the page (or worker) that sent it: allowances are kept per tab and origin. */
  origin: string;
  tabId: number;
  /** The frame whose document sent it (a frame's navigation: the frame that started it). */
  frameId: number;
  /** A navigation of the tab's page (form.submit()): Chromium shows its error page in place of the page. */
  navigation: boolean;
  summary: FindingSummary[];
  /** What "continue" allows: the hashes of the values found, or of the content itself when it holds none. */
  hashes: string[];
}

/** The state the synchronous decision needs, in memory: kept up to date from storage by the backstop's start. */
export interface BackstopState {
  policy: Policy;
  /** The organisation's protected data (when enrolled), for the engine: see engineFor. */
  extra?: { key: object; detectors: readonly Detector[] };
  key: SipKey;
  allowances: Allowances;
  /** Origins never checked: the extension itself, the organisation's policy and events servers. */
  skipOrigins: ReadonlySet<string>;
  /** The enrolled person and the organisation's key (raw): for the exceptions granted to them and their values. */
  user?: string;
  hashKey?: Uint8Array;
}

export function initialState(key: SipKey): BackstopState {
  // Until the policy in force is read from storage (a few milliseconds after the worker starts), the bundled default decides.
  return { policy: DEFAULT_POLICY, key, allowances: new Allowances(), skipOrigins: new Set() };
}

/**
 * Decides a request from what it carries, without waiting (the browser holds the request while the listener
 * runs): read, scan, drop what the employee already allowed on this page, evaluate on the web-request channel
 * (programmatic-upload when it carries files) for the request's destination host.
 */
export function decideRequest(state: BackstopState, details: RequestDetails): RequestVerdict {
  const origin = details.initiator ?? originOf(details.originUrl);
  // Requests the browser starts itself (a typed address, a bookmark) come from no page. A sandboxed frame's
  // opaque origin ("null") is a page all the same.
  if (!origin || state.skipOrigins.has(origin)) return { kind: 'pass' };
  let url: URL;
  try {
    url = new URL(details.url);
  } catch {
    return { kind: 'pass' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { kind: 'pass' };
  if (state.skipOrigins.has(url.origin)) return { kind: 'pass' };
  const host = url.hostname.toLowerCase();
  if (state.policy.exceptions.hosts.some((p) => hostMatches(p, host))) return { kind: 'pass' };
  const content = readRequest(details);
  if (!content.text.trim() && !content.failure) return { kind: 'pass' };
  const { tabId } = details;
  const allowed = (h: string) => state.allowances.has(tabId, origin, h);
  let whole: string | undefined;
  const contentHash = () => (whole ??= consentHash(state.key, 'content', content.text));
  const isAllowed = (f: Finding) => (f.passage ? allowed(contentHash()) : allowed(valueHash(state.key, f.type, content.text.slice(f.start, f.end))));
  // Built on first use, once per policy (engineFor keeps it): building it allocates a lot, which a starting worker should not.
  const findings = engineFor(state.policy, state.extra).scan(content.text).findings.filter((f) => !counts(f) || !isAllowed(f));
  const channel: Channel = content.files ? 'programmatic-upload' : 'web-request';
  const failure = content.failure && !allowed(contentHash()) ? content.failure : undefined;
  const decision = evaluate(state.policy, findings, withValueHashes(state.policy, { channel, host, failure, user: state.user }, content.text, state.hashKey));
  if (decision.action === 'allow') return { kind: 'pass' };
  const stopped: Stopped = { decision, channel, host, origin, tabId, frameId: frameOf(details), navigation: details.type === 'main_frame', summary: summarize(content.text, findings), hashes: hashesOf(state.key, content.text, findings, failure ? contentHash() : undefined, contentHash) };
  return decision.action === 'audit' ? { kind: 'audit', ...stopped } : { kind: 'stop', ...stopped };
}

function hashesOf(key: SipKey, text: string, findings: readonly Finding[], failed: string | undefined, contentHash: () => string): string[] {
  const values = new Set(findings.filter((f) => counts(f) && !f.passage).map((f) => valueHash(key, f.type, text.slice(f.start, f.end))));
  // Content that could not be read whole, or a passage (no value of its own): "continue" allows this content as a whole.
  if (failed || findings.some((f) => counts(f) && f.passage) || !values.size) values.add(contentHash());
  return [...values];
}

/** A frame's navigation (a form submitted into it) is the new document's request: the page that asked is its parent. */
const frameOf = (d: RequestDetails): number => (d.type === 'main_frame' ? 0 : d.type === 'sub_frame' ? (d.parentFrameId ?? 0) : d.frameId);

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
