import type { ReactNode } from 'react';

/** A form's main button: disabled and announced busy while the form is being sent. */
export function SubmitButton({ pending, children }: { pending: boolean; children: ReactNode }) {
  return (
    <button type="submit" className="button button--primary" disabled={pending} aria-busy={pending}>
      {children}
    </button>
  );
}
