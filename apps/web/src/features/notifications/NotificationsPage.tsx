import { useSearchParams } from 'react-router';
import { PageHeader } from '../../app/PageHeader.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { TabPanel, Tabs } from '../../design/Tabs.tsx';
import { NotificationItem } from './NotificationItem.tsx';
import { useNotifications } from './use-notifications.ts';
import './notifications.css';

const VIEWS = [
  { id: 'all', label: 'All' },
  { id: 'unread', label: 'Unread' },
] as const;

/** Every notification of the signed-in user; the unread filter lives in the URL (?show=unread). */
export function NotificationsPage() {
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('show') === 'unread';
  const { query, markRead, markAll } = useNotifications({ unread: unreadOnly, limit: 200 }, true);
  const unread = query.data?.unread ?? 0;
  return (
    <div className="page page--narrow">
      <PageHeader
        title="Notifications"
        subtitle="Status report submissions, reviews and comments, reminders, and delivered reports."
        actions={
          <Button onClick={() => markAll.mutate()} disabled={unread === 0 || markAll.isPending}>
            Mark all read
          </Button>
        }
      />
      <Tabs
        idBase="notifications"
        label="Which notifications"
        items={VIEWS.map((v) => ({ id: v.id, label: v.id === 'unread' ? `Unread (${unread})` : v.label }))}
        value={unreadOnly ? 'unread' : 'all'}
        onChange={(id) =>
          setParams((p) => {
            if (id === 'unread') p.set('show', 'unread');
            else p.delete('show');
            return p;
          })
        }
      />
      <TabPanel idBase="notifications" id={unreadOnly ? 'unread' : 'all'}>
        <Card flush>
          {query.isPending ? (
            <LoadingState />
          ) : query.isError ? (
            <ErrorState error={query.error} onRetry={() => query.refetch()} />
          ) : query.data.items.length === 0 ? (
            <EmptyState title={unreadOnly ? 'All caught up' : 'No notifications yet'} icon="◔">
              {unreadOnly
                ? 'You have read every notification.'
                : 'Baton tells you here when something needs you.'}
            </EmptyState>
          ) : (
            <ul className="notice-list" aria-label="Notifications">
              {query.data.items.map((n) => (
                <NotificationItem key={n.id} n={n} onRead={(id) => markRead.mutate(id)} />
              ))}
            </ul>
          )}
        </Card>
      </TabPanel>
    </div>
  );
}
