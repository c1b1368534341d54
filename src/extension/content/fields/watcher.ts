import type { Engine } from '../../../core/detect/engine';
import { textOfFields } from '../../../core/detect/fields';
import type { Finding } from '../../../core/detect/types';
import type { Channel, Decision } from '../../../core/policy';
import { textOf, type Editable } from '../targets';
import { rescan } from './incremental';

/** A field is scanned this long after the employee's last change to it (and at once when they leave it). */
export const SCAN_DELAY_MS = 300;
/** ...and at least this often while they keep typing. */
export const SCAN_MAX_WAIT_MS = 2000;

/** What the decider lends the watcher: the engine in force, and the policy's answer for what a field holds. */
export interface Judge {
  /** Undefined until the policy has loaded. */
  engine(): Engine | undefined;
  decide(text: string, findings: Finding[], channel: Channel): Decision;
}

/** What the ledger knows of one field: its text when last scanned, what was found, what policy would do. */
export interface Entry {
  text: string;
  findings: Finding[];
  channel: Channel;
  decision: Decision;
}

/** While a marker is shown, how often its field is looked at again: a page that clears a field after sending sends no event. */
export const SWEEP_MS = 1000;

/** Called when what policy would do with a watched field changes (its marker follows). */
export type OnEntry = (field: Editable, entry: Entry | undefined) => void;

export const stops = (d: Decision): boolean => d.action !== 'allow' && d.action !== 'audit';

/** Typed text leaves a form by its submit; elsewhere as a message, prompt or comment. */
const channelOf = (field: Editable): Channel => ((field as HTMLInputElement).form || field.closest('form') ? 'form-submit' : 'prompt-submit');

/**
 * The ledger of what the employee's fields hold. The light guard only marks a field as changed (its `input`
 * listener does nothing else); the scan runs here, in the decider, after a pause in typing, when the field
 * loses focus, or at once when something tries to send (flush). Long fields are scanned again only around
 * the change (incremental.ts). Fields that are gone from the page drop out at the next scan.
 */
export class FieldWatcher {
  private readonly entries = new Map<Editable, Entry>();
  private readonly dirty = new Set<Editable>();
  /** Fields the employee changed (they get a marker); others are only looked at when a send comes near them. */
  private readonly watched = new WeakSet<Editable>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstChangeAt = 0;
  /** The combined text of several fields decided last (an SSN over three boxes), so that a click does not scan it twice. */
  private combined: { text: string; stops: boolean } | undefined;
  private sweeper: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly judge: Judge,
    private readonly onEntry: OnEntry = () => undefined,
  ) {}

  /** The employee changed `field`: scan it after a pause, off the event. */
  changed(field: Editable): void {
    const now = Date.now();
    if (!this.dirty.size) this.firstChangeAt = now;
    this.dirty.add(field);
    this.watched.add(field);
    clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(SCAN_DELAY_MS, this.firstChangeAt + SCAN_MAX_WAIT_MS - now));
    this.timer = setTimeout(() => this.flush(), wait);
  }

  /** The employee left `field`: what it holds is known now, before they reach a button. */
  left(field: Editable): void {
    if (this.dirty.delete(field)) this.scan(field);
  }

  /** Scans every changed field now (before a send is decided); a no-op until the policy has loaded. */
  flush(): void {
    clearTimeout(this.timer);
    if (!this.judge.engine()) return;
    for (const f of this.dirty) this.scan(f);
    this.dirty.clear();
    for (const f of this.entries.keys()) if (!f.isConnected) this.drop(f);
  }

  /** The entry for a field as it is now; a field that is not watched (or changed unseen) is scanned now. */
  entryOf(field: Editable): Entry | undefined {
    const known = this.entries.get(field);
    if (known && !this.dirty.has(field) && known.text === textOf(field)) return known;
    return this.scan(field);
  }

  /**
   * Whether policy would stop what these fields hold if they were sent now: one field, or the fields of one
   * composer read together, as a send reads them. Undefined until the policy has loaded.
   */
  wouldStop(fields: readonly Editable[]): boolean | undefined {
    if (!this.judge.engine()) return undefined;
    const held = fields.filter((f) => textOf(f).trim());
    if (held.some((f) => { const e = this.entryOf(f); return e !== undefined && stops(e.decision); })) return true;
    if (held.length < 2) return false;
    const text = textOfFields(held.map(textOf));
    if (this.combined?.text !== text) {
      const engine = this.judge.engine()!;
      this.combined = { text, stops: stops(this.judge.decide(text, engine.scan(text).findings, channelOf(held[0]!))) };
    }
    return this.combined.stops;
  }

  /** The fields of one send read as one text, as the send reads them. */
  textOfFields(values: readonly string[]): string {
    return textOfFields(values);
  }

  /** Policy or consent changed: what each watched field holds is judged again. */
  rejudge(): void {
    this.combined = undefined;
    for (const [field, entry] of this.entries) {
      const decision = this.judge.decide(entry.text, entry.findings, entry.channel);
      if (decision.action !== entry.decision.action) this.set(field, { ...entry, decision });
    }
  }

  private scan(field: Editable): Entry | undefined {
    const engine = this.judge.engine();
    if (!engine) return undefined;
    this.dirty.delete(field);
    const text = textOf(field);
    if (!text.trim()) {
      this.drop(field);
      return undefined;
    }
    const findings = rescan(engine, this.entries.get(field), text);
    const channel = channelOf(field);
    const entry: Entry = { text, findings, channel, decision: this.judge.decide(text, findings, channel) };
    this.set(field, entry);
    return entry;
  }

  private set(field: Editable, entry: Entry): void {
    const before = this.entries.get(field);
    this.entries.set(field, entry);
    if (!this.watched.has(field)) return;
    if (!before || stops(before.decision) || stops(entry.decision)) this.onEntry(field, entry);
    if (stops(entry.decision)) this.sweeper ??= setInterval(() => this.sweep(), SWEEP_MS);
  }

  /** Fields with a marker whose text the page changed or removed without an input event: scanned again. */
  private sweep(): void {
    let marked = 0;
    for (const [field, entry] of this.entries) {
      if (!this.watched.has(field) || !stops(entry.decision)) continue;
      if (!field.isConnected) this.drop(field);
      else if (textOf(field) !== entry.text) marked += this.scan(field) && stops(this.entries.get(field)!.decision) ? 1 : 0;
      else marked++;
    }
    if (!marked) {
      clearInterval(this.sweeper);
      this.sweeper = undefined;
    }
  }

  private drop(field: Editable): void {
    if (this.entries.delete(field) && this.watched.has(field)) this.onEntry(field, undefined);
  }
}
