import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  notificationKeys,
} from '../../api/notifications.ts';

/** How often the bell asks for news. */
export const POLL_MS = 60_000;

/** The user's notifications (polled), with mark-read actions that refresh every list of them. */
export function useNotifications(p: { unread: boolean; limit: number }, poll = false) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: notificationKeys.list(p),
    queryFn: ({ signal }) => listNotifications(p, signal),
    ...(poll ? { refetchInterval: POLL_MS } : {}),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  const markRead = useMutation({ mutationFn: markNotificationRead, onSettled: refresh });
  const markAll = useMutation({ mutationFn: markAllNotificationsRead, onSettled: refresh });
  return { query, markRead, markAll };
}
