import { useCallback } from 'react';
import { unwrap, type Schemas } from '@careloom/api-client';
import { useApi, useLoader } from '@careloom/app-shell';

export type Notification = Schemas['NotificationDto'];

/** Unread notifications (the bell's count) when `unreadOnly`, else all of them (newest first). */
export function useNotifications(unreadOnly: boolean, enabled = true) {
  const api = useApi();
  const load = useCallback(async () => {
    if (!enabled) {
      return [];
    }
    const list = unwrap(
      await api.GET('/api/notifications', { params: { query: unreadOnly ? { unread: 'true' } : {} } }),
    );
    return [...list].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  }, [api, unreadOnly, enabled]);
  return useLoader(load);
}
