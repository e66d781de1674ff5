import { Check, Copy } from 'lucide-react';
import { useState } from 'react';
import { Button } from './Button';

/** Copies text to the clipboard and says so for a moment (to screen readers too). */
export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  return (
    <Button
      size="sm"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setCopied('yes');
        } catch {
          setCopied('no');
        }
        setTimeout(() => setCopied(null), 2000);
      }}
    >
      {copied === 'yes' ? (
        <Check size={16} aria-hidden="true" />
      ) : (
        <Copy size={16} aria-hidden="true" />
      )}
      <span aria-live="polite">
        {copied === 'yes' ? 'Copied' : copied === 'no' ? 'Select and copy' : label}
      </span>
    </Button>
  );
}
