import { useState } from 'preact/hooks';

/** A button that copies `value` and says so; `label` names what it copies for screen readers. */
export function CopyButton({ value, label }: { value: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button type="button" aria-label={label} onClick={() => navigator.clipboard.writeText(value).then(() => setCopied(true), () => setCopied(false))}>
      {copied ? 'Copied' : 'Copy'}
    </button>
  );
}
