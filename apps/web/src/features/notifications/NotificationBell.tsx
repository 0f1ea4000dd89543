import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../design/Button.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { NotificationItem } from './NotificationItem.tsx';
import { useNotifications } from './use-notifications.ts';
import './notifications.css';

/** The bell in the top bar: the unread count, and a popover of the latest notifications. */
export function NotificationBell() {
  const { query, markRead, markAll } = useNotifications({ unread: false, limit: 10 }, true);
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const popoverId = useId();
  const headingId = useId();
  const unread = query.data?.unread ?? 0;

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        triggerRef.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    rootRef.current?.querySelector<HTMLElement>('.bell__popover')?.focus();
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const label = `Notifications, ${unread} unread`;
  return (
    <div className="bell" ref={rootRef}>
      <button
        ref={triggerRef}
        type="button"
        className="bell__trigger"
        aria-expanded={open}
        aria-controls={popoverId}
        aria-label={label}
        title={label}
        onClick={() => setOpen((o) => !o)}
      >
        <svg
          className="bell__icon"
          viewBox="0 0 24 24"
          width="20"
          height="20"
          aria-hidden="true"
          focusable="false"
        >
          <path
            d="M12 3a6 6 0 0 0-6 6v3.6l-1.7 2.9A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.5L18 12.6V9a6 6 0 0 0-6-6Zm-2.5 15.5a2.5 2.5 0 0 0 5 0"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        {unread > 0 && (
          <span className="bell__count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <div className="bell__popover" id={popoverId} role="dialog" aria-labelledby={headingId} tabIndex={-1}>
          <div className="bell__head">
            <h2 id={headingId}>Notifications</h2>
            {unread > 0 && (
              <Button size="sm" variant="ghost" onClick={() => markAll.mutate()} disabled={markAll.isPending}>
                Mark all read
              </Button>
            )}
          </div>
          <div className="bell__list">
            {query.isPending ? (
              <LoadingState />
            ) : query.isError ? (
              <ErrorState error={query.error} onRetry={() => query.refetch()} />
            ) : query.data.items.length === 0 ? (
              <EmptyState title="Nothing new" icon="◔">
                Submissions, reviews, comments, reminders and delivered reports appear here.
              </EmptyState>
            ) : (
              <ul className="notice-list">
                {query.data.items.map((n) => (
                  <NotificationItem
                    key={n.id}
                    n={n}
                    onRead={(id) => markRead.mutate(id)}
                    onOpen={() => setOpen(false)}
                  />
                ))}
              </ul>
            )}
          </div>
          <div className="bell__foot">
            <Link to="/notifications" onClick={() => setOpen(false)}>
              See all notifications
            </Link>
          </div>
        </div>
      )}
    </div>
  );
}
