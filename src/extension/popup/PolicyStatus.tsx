import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { z } from 'zod';
import type { ToBackground } from '../messages';

const Answer = z.object({ source: z.enum(['managed', 'central', 'default']), policy: z.object({ version: z.number(), name: z.string().optional(), rules: z.array(z.unknown()) }) });
type Answer = z.infer<typeof Answer>;

const WHERE: Record<Answer['source'], string> = {
  managed: 'Managed by your organization',
  central: "Your organization's policy, from its policy server",
  default: 'Default protection (no policy from your organization)',
};

/** Tells the employee who sets the rules: their organization (managed or central policy) or Bulwark's default. */
export function PolicyStatus() {
  const [answer, setAnswer] = useState<Answer | 'error' | undefined>();
  useEffect(() => {
    browser.runtime.sendMessage({ type: 'get-policy' } satisfies ToBackground).then(
      (a) => setAnswer(Answer.safeParse(a).data ?? 'error'),
      () => setAnswer('error'),
    );
  }, []);
  if (answer === undefined) return <p>Loading…</p>;
  if (answer === 'error') return <p role="alert">Bulwark could not read its policy. Your browser is still protected by the default rules.</p>;
  return (
    <section>
      <h1>Bulwark</h1>
      <p data-testid="source">{WHERE[answer.source]}</p>
      <p>
        {answer.policy.name ?? 'Policy'} · version {answer.policy.version} · {answer.policy.rules.length} rules
      </p>
    </section>
  );
}
