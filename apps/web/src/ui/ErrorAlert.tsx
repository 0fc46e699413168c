import type { ReactNode } from 'react';

/** A failure the user must see, announced to screen readers as it appears. */
export function ErrorAlert({ children }: { children: ReactNode }) {
  return (
    <p className="alert error" role="alert">
      {children}
    </p>
  );
}
