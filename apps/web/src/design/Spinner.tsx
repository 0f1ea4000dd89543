import { joinClassNames } from './class-names.ts';

export function Spinner({ size = 'sm', label = 'Loading' }: { size?: 'sm' | 'lg'; label?: string | null }) {
  const spinner = (
    <span className={joinClassNames('b-spinner', size === 'lg' && 'b-spinner--lg')} aria-hidden="true" />
  );
  if (!label) return spinner;
  return (
    <span role="status">
      {spinner}
      <span className="visually-hidden">{label}</span>
    </span>
  );
}

/** A centred spinner with a caption, for a whole region that is loading. */
export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="b-loading" role="status" aria-live="polite">
      <span className="b-spinner b-spinner--lg" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
