import type { ReactNode } from 'react';

/** A polite live region for loading and progress messages. */
export function StatusMessage({ children }: { children: ReactNode }) {
  return (
    <p className="status-message" role="status">
      {children}
    </p>
  );
}
