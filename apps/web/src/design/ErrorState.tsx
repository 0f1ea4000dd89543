import { Button } from './Button.tsx';

export function ErrorState({
  error,
  title = 'Something went wrong',
  onRetry,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}) {
  return (
    <div className="b-state b-state--error" role="alert">
      <div className="b-state__icon" aria-hidden="true">
        !
      </div>
      <p className="b-state__title">{title}</p>
      <p className="b-state__text">
        {error instanceof Error ? error.message : 'An unexpected error occurred.'}
      </p>
      {onRetry && (
        <div className="b-state__actions">
          <Button onClick={onRetry}>Try again</Button>
        </div>
      )}
    </div>
  );
}
