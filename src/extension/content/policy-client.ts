import browser from 'webextension-polyfill';
import type { Finding } from '../../core/detect/types';
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

  decide(findings: readonly Finding[], ctx: EvaluationContext): Decision {
    return evaluate(this.current, findings, ctx);
  }

  /** Asks the background; a malformed or missing answer keeps the copy in hand. */
  async refresh(): Promise<void> {
    try {
      const answer = PolicyAnswer.safeParse(await browser.runtime.sendMessage({ type: 'get-policy' } satisfies ToBackground));
      if (answer.success) [this.current, this.source] = [answer.data.policy, answer.data.source];
      else console.warn('[bulwark] the background answered with no valid policy; keeping the current one');
    } catch (e) {
      console.warn(`[bulwark] could not reach the background: ${(e as Error).message}`);
    }
  }

  stop(): void {
    browser.storage.onChanged.removeListener(this.onChanged);
  }
}
