import { useState } from 'preact/hooks';

interface Pending {
  question: string;
  yes: string;
  run: () => Promise<void> | void;
}

/**
 * A question before a bulk or closing change: `ask` shows it in the page (an alert dialog with the action's own
 * button and Cancel) and runs the change only on yes; `dialog` is what to render.
 */
export function useConfirm() {
  const [pending, setPending] = useState<Pending>();
  const ask = (question: string, yes: string, run: Pending['run']) => setPending({ question, yes, run });
  const dialog = pending ? (
    <div role="alertdialog" aria-labelledby="confirm-question" class="confirm">
      <p id="confirm-question">{pending.question}</p>
      <button
        type="button"
        onClick={async () => {
          setPending(undefined);
          await pending.run();
        }}
      >
        {pending.yes}
      </button>{' '}
      <button type="button" onClick={() => setPending(undefined)}>
        Cancel
      </button>
    </div>
  ) : null;
  return { ask, dialog };
}
