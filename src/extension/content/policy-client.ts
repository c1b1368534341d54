import browser from 'webextension-polyfill';
import type { Finding } from '../../core/detect/types';
import { importHashKey } from '../../core/events/hash';
import { DEFAULT_POLICY, evaluate, type Decision, type EvaluationContext, type Policy } from '../../core/policy';
import { PolicyAnswer, type ToBackground } from '../messages';

/**
 * The content script's copy of the effective policy: fetched from the background once, refreshed when policy
 * storage changes, and used synchronously, so that a decision never waits for a message round trip. Until the
 * first answer arrives the bundled default applies, never nothing.
 */
export class PolicyClient {
  private current: Policy = DEFAULT_POLICY;
  private source: PolicyAnswer['source'] = 'default';
  private hashKeyBase64: string | undefined;
  private hashKey: Promise<CryptoKey> | undefined;
  private readonly onChanged = (_: unknown, area: string) => {
    if (area === 'managed' || area === 'local') void this.refresh();
  };

  static async start(): Promise<PolicyClient> {
    const client = new PolicyClient();
    browser.storage.onChanged.addListener(client.onChanged);
    await client.refresh();
    return client;
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

  decide(findings: readonly Finding[], ctx: EvaluationContext): Decision {
    return evaluate(this.current, findings, ctx);
  }

  /** Asks the background; a malformed or missing answer keeps the copy in hand. */
  async refresh(): Promise<void> {
    try {
      const answer = PolicyAnswer.safeParse(await browser.runtime.sendMessage({ type: 'get-policy' } satisfies ToBackground));
      if (answer.success) {
        [this.current, this.source] = [answer.data.policy, answer.data.source];
        if (answer.data.hashKey !== this.hashKeyBase64) {
          this.hashKeyBase64 = answer.data.hashKey;
          this.hashKey = answer.data.hashKey ? importHashKey(Uint8Array.from(atob(answer.data.hashKey), (c) => c.charCodeAt(0))) : undefined;
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
