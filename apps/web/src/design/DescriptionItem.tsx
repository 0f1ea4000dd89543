import type { ReactNode } from 'react';

/** One term and its value in a description list (`<dl>`). */
export function DescriptionItem({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
