import { Link } from 'react-router';
import type { Notification } from '../../api/notifications.ts';
import { Button } from '../../design/Button.tsx';
import { joinClassNames } from '../../design/class-names.ts';
import { formatDateTime, formatRelative } from '../../design/format.ts';

/** One notification: its title links to what it is about (marking it read), with a "Mark read" button. */
export function NotificationItem({
  n,
  onRead,
  onOpen,
}: {
  n: Notification;
  onRead: (id: string) => void;
  onOpen?: () => void;
}) {
  const unread = n.readAt === null;
  const open = () => {
    if (unread) onRead(n.id);
    onOpen?.();
  };
  return (
    <li className={joinClassNames('notice', unread && 'notice--unread')}>
      <span className="notice__dot" aria-hidden="true" />
      <div className="notice__main">
        <div className="notice__title">
          {n.link?.startsWith('/') ? (
            <Link to={n.link} onClick={open}>
              {n.title}
            </Link>
          ) : (
            n.title
          )}
          {unread && <span className="visually-hidden"> (unread)</span>}
        </div>
        {n.body && <p className="notice__body">{n.body}</p>}
        <p className="notice__time">
          <time dateTime={n.createdAt} title={formatDateTime(n.createdAt)}>
            {formatRelative(n.createdAt)}
          </time>
        </p>
      </div>
      {unread && (
        <Button size="sm" variant="ghost" onClick={() => onRead(n.id)} aria-label={`Mark read: ${n.title}`}>
          Mark read
        </Button>
      )}
    </li>
  );
}
