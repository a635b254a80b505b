import { useCallback } from 'react';
import { Alert, Card, List, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { unwrap } from '@careloom/api-client';
import { describeError, useApi, useI18n, useLoader } from '@careloom/app-shell';
import { peopleHistory } from '../utils/approval.util.js';

const COLORS: Record<string, string> = {
  'sent-back': 'orange',
  withdrawn: 'orange',
  transferred: 'blue',
  delegated: 'blue',
  resolved: 'blue',
  'signer-added': 'purple',
  copied: 'default',
  completed: 'green',
};

/**
 * What people did on the task's process instance — submitted, transferred, sent back, withdrew … — with who,
 * when and why, newest first. A row links to its task (a completed one is where its submitter may withdraw).
 * Remount it (`key`) to read it again after a move.
 */
export function InstanceHistory({ instanceId }: { instanceId: string }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const load = useCallback(async () => {
    const instance = unwrap(
      await api.GET('/api/process-instances/{id}', { params: { path: { id: instanceId } } }),
    );
    return peopleHistory(instance.history);
  }, [api, instanceId]);
  const { data, error, loading } = useLoader(load);
  return (
    <Card size="small" title={t('history.title')} data-testid="instance-history">
      {error !== undefined && <Alert type="error" showIcon title={describeError(error, t)} />}
      {!data ? (
        <Skeleton active loading={loading} />
      ) : (
        <List
          size="small"
          dataSource={data}
          locale={{ emptyText: t('history.empty') }}
          renderItem={(item) => (
            <List.Item
              extra={
                item.taskId !== null && item.event === 'completed' ? (
                  <Link to={`/tasks/${item.taskId}`}>{t('history.openTask')}</Link>
                ) : undefined
              }
            >
              <div style={{ minWidth: 0 }}>
                <div>
                  <Tag color={COLORS[item.event] ?? 'default'}>{t(`history.event.${item.event}`)}</Tag>
                  <Typography.Text strong>{item.actor}</Typography.Text>
                  {item.target !== null && (
                    <Typography.Text type="secondary">
                      {' '}
                      {t('history.to', { name: item.target })}
                    </Typography.Text>
                  )}
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {new Date(item.at).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' })}
                  {' · '}
                  {item.taskName}
                </Typography.Text>
                {item.reason !== null && (
                  <Typography.Paragraph
                    style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
                  >
                    {t('history.reason', { reason: item.reason })}
                  </Typography.Paragraph>
                )}
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
