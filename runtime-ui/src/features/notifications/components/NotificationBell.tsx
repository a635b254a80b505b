import { useState } from 'react';
import { Alert, App, Badge, Button, Drawer, List, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { describeError, useApi, useI18n } from '@careloom/app-shell';
import { useAutoRefresh } from '../../../shared/hooks/useAutoRefresh.js';
import { useNotifications, type Notification } from '../hooks/useNotifications.js';
import { targetOf, unreadBadge } from '../utils/notification.util.js';

/** The bell with the unread count (refreshed every 30 s) and a drawer listing the notifications. */
export function NotificationBell() {
  const { t, locale } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const unread = useNotifications(true);
  const all = useNotifications(false, open);
  useAutoRefresh(unread.reload);
  const count = unread.data?.length ?? 0;
  const badge = unreadBadge(count);

  const pick = async (notification: Notification) => {
    if (!notification.read) {
      const answer = await api.POST('/api/notifications/{id}/read', {
        params: { path: { id: notification.id } },
      });
      if (!answer.response.ok) {
        void message.error(describeError(answer.error, t));
      }
      unread.reload();
      all.reload();
    }
    const target = targetOf(notification.payload);
    if (target !== null) {
      setOpen(false);
      void navigate(target);
    }
  };

  return (
    <>
      <Badge count={badge} size="small" offset={[-6, 6]}>
        <Button
          type="text"
          size="large"
          icon={<BellOutlined />}
          aria-label={badge ? t('notifications.bellUnread', { count }) : t('notifications.bell')}
          data-testid="notification-bell"
          onClick={() => setOpen(true)}
        />
      </Badge>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={t('notifications.title')}
        placement="right"
        size={Math.min(380, window.innerWidth)}
      >
        {all.error !== undefined && <Alert type="error" showIcon title={describeError(all.error, t)} />}
        <List
          loading={all.loading && all.data === undefined}
          dataSource={all.data ?? []}
          locale={{ emptyText: t('notifications.empty') }}
          renderItem={(notification) => (
            <List.Item
              onClick={() => void pick(notification)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  void pick(notification);
                }
              }}
              role="button"
              tabIndex={0}
              aria-label={notification.title}
              data-testid={`notification-${notification.id}`}
              style={{
                cursor: 'pointer',
                background: notification.read ? undefined : '#f0f7ff',
                paddingInline: 8,
              }}
            >
              <List.Item.Meta
                title={
                  <Typography.Text strong={!notification.read} style={{ overflowWrap: 'anywhere' }}>
                    {notification.read ? null : <Badge status="processing" style={{ marginInlineEnd: 6 }} />}
                    {notification.title}
                  </Typography.Text>
                }
                description={
                  <>
                    {notification.body && (
                      <Typography.Paragraph style={{ margin: 0, overflowWrap: 'anywhere' }}>
                        {notification.body}
                      </Typography.Paragraph>
                    )}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {new Date(notification.createdAt).toLocaleString(locale, {
                        dateStyle: 'short',
                        timeStyle: 'short',
                      })}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Drawer>
    </>
  );
}
