import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { PolicyAnswer, type ToBackground } from './messages';

/**
 * For the extension's pages (popup, options): the policy in force and where it came from, as the background
 * answers; undefined while it answers, 'error' when it cannot or its answer is malformed.
 */
export function usePolicyAnswer(): PolicyAnswer | 'error' | undefined {
  const [answer, setAnswer] = useState<PolicyAnswer | 'error' | undefined>();
  useEffect(() => {
    browser.runtime.sendMessage({ type: 'get-policy' } satisfies ToBackground).then(
      (a) => setAnswer(PolicyAnswer.safeParse(a).data ?? 'error'),
      () => setAnswer('error'),
    );
  }, []);
  return answer;
}
