import { PageHeader } from '../../app/PageHeader.tsx';
import { ButtonLink } from '../../design/Button.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';

export function NotFoundPage() {
  return (
    <div className="page">
      <PageHeader title="Page not found" />
      <EmptyState title="There is nothing at this address" actions={<ButtonLink to="/">Go home</ButtonLink>}>
        The link may be old, or the page moved.
      </EmptyState>
    </div>
  );
}
