import browser from 'webextension-polyfill';
import type { Finding } from '../../core/detect/types';
import { importHashKey } from '../../core/events/hash';
import type { Engine } from '../../core/detect/engine';
import type { Detector } from '../../core/detect/types';
import { DEFAULT_POLICY, engineFor, evaluate, withValueHashes, type Decision, type EvaluationContext, type Policy } from '../../core/policy';
import { decodeProtectedData, protectedDataDetectors, protectedDataKey } from '../../core/protect/bundle';
import { PROTECTED_DATA, type StoredProtectedData } from '../background/protected-data';
import { PolicyAnswer, type ToBackground } from '../messages';

/**
 * The content script's copy of the effective policy: fetched from the background once, refreshed when policy
 * storage changes, and used synchronously, so that a decision never waits for a message round trip. Until the
 * first answer arrives the bundled default applies, never nothing.
 */
export class PolicyClient {
  private current: Policy = DEFAULT_POLICY;
  private currentJson = '';
  private source: PolicyAnswer['source'] = 'default';
  private hashKeyBase64: string | undefined;
  private hashKeyBytes: Uint8Array | undefined;
  private hashKey: Promise<CryptoKey> | undefined;
  private user: string | undefined;
  /** The detectors of the organisation's protected data (tables, documents), with the version they come from. */
  private protectedData: { version: number; detectors: readonly Detector[] } = { version: 0, detectors: [] };
  private readonly onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'managed' || area === 'local') void this.refresh();
    if (area === 'local' && PROTECTED_DATA in changes) void this.loadProtectedData();
  };

  static async start(): Promise<PolicyClient> {
    const client = new PolicyClient();
    browser.storage.onChanged.addListener(client.onChanged);
    await client.refresh();
    return client;
  }

  /** The engine for the policy in force: the product's detectors, the organisation's classifiers and protected data. */
  engine(): Engine {
    return engineFor(this.current, { key: this.protectedData, detectors: this.protectedData.detectors });
  }

  /**
   * Reads the protected data the background verified and kept; it is only usable with the organisation's key, so
   * a browser that is not enrolled has none. A copy that cannot be read leaves the one in hand.
   */
  async loadProtectedData(): Promise<void> {
    try {
      const stored = (await browser.storage.local.get(PROTECTED_DATA))[PROTECTED_DATA] as StoredProtectedData | undefined;
      const hashKey = await this.hashKey;
      if (!stored || !hashKey) return;
      if (stored.version === this.protectedData.version) return;
      const detectors = protectedDataDetectors(decodeProtectedData(stored.data), await protectedDataKey(hashKey));
      this.protectedData = { version: stored.version, detectors };
    } catch (e) {
      console.warn(`[bulwark] protected data could not be read: ${(e as Error).message}`);
    }
  }

  /** Whether the organisation's protected data (keyed detectors) is in force. */
  get hasProtectedData(): boolean {
    return this.protectedData.detectors.length > 0;
  }

  get policy(): Policy {
    return this.current;
  }

  get policySource(): string {
    return this.source;
  }

  /** The organisation's key for keyed hashes, when this browser is enrolled. */
  organisationHashKey(): Promise<CryptoKey> | undefined {
    return this.hashKey;
  }

  /** Whether the employee can send requests to the security team: only an enrolled browser has someone to decide them. */
  get canRequest(): boolean {
    return this.hashKeyBase64 !== undefined;
  }

  /** The decision for findings of `text`, with the exceptions granted to the enrolled person (and their values). */
  decide(findings: readonly Finding[], ctx: EvaluationContext, text = ''): Decision {
    return evaluate(this.current, findings, withValueHashes(this.current, { user: this.user, ...ctx }, text, this.hashKeyBytes));
  }

  /** Asks the background; a malformed or missing answer keeps the copy in hand. */
  async refresh(): Promise<void> {
    try {
      const answer = PolicyAnswer.safeParse(await browser.runtime.sendMessage({ type: 'get-policy' } satisfies ToBackground));
      if (answer.success) {
        // The same policy keeps its object, and with it its engine (built once per policy).
        const json = JSON.stringify(answer.data.policy);
        if (json !== this.currentJson) [this.current, this.currentJson] = [answer.data.policy, json];
        this.source = answer.data.source;
        this.user = answer.data.user;
        if (answer.data.hashKey !== this.hashKeyBase64) {
          this.hashKeyBase64 = answer.data.hashKey;
          this.hashKeyBytes = answer.data.hashKey ? Uint8Array.from(atob(answer.data.hashKey), (c) => c.charCodeAt(0)) : undefined;
          this.hashKey = this.hashKeyBytes && importHashKey(this.hashKeyBytes as Uint8Array<ArrayBuffer>);
          this.protectedData = { version: 0, detectors: [] };
          await this.loadProtectedData();
        }
      }
      else console.warn('[bulwark] the background answered with no valid policy; keeping the current one');
    } catch (e) {
      console.warn(`[bulwark] could not reach the background: ${(e as Error).message}`);
    }
  }

  stop(): void {
    browser.storage.onChanged.removeListener(this.onChanged);
  }
}
