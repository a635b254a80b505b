import { useCallback, useState } from 'react';
import { Alert, App, Button, Card, Input, List, Modal, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { unwrap } from '@careloom/api-client';
import { describeError, useApi, useI18n, useLoader, useSession } from '@careloom/app-shell';
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
  cancelled: 'red',
};

/** Instance statuses that may still be ended by hand. */
const ACTIVE = new Set(['active', 'incident']);

/**
 * What people did on the task's process instance — submitted, transferred, sent back, withdrew … — with who,
 * when and why, newest first. A row links to its task (a completed one is where its submitter may withdraw).
 * Remount it (`key`) to read it again after a move.
 */
export function InstanceHistory({ instanceId, onEnded }: { instanceId: string; onEnded?: () => void }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const { user, hasRole } = useSession();
  const load = useCallback(async () => {
    const instance = unwrap(
      await api.GET('/api/process-instances/{id}', { params: { path: { id: instanceId } } }),
    );
    return {
      items: peopleHistory(instance.history),
      // the server's rule: administrators and whoever started the instance
      mayEnd: ACTIVE.has(instance.status) && (hasRole('admin') || instance.startedBy === user?.id),
    };
  }, [api, instanceId, hasRole, user?.id]);
  const { data, error, loading, reload } = useLoader(load);
  return (
    <Card
      size="small"
      title={t('history.title')}
      data-testid="instance-history"
      extra={
        data?.mayEnd ? (
          <EndProcessButton
            instanceId={instanceId}
            onEnded={() => {
              reload();
              onEnded?.();
            }}
          />
        ) : undefined
      }
    >
      {error !== undefined && <Alert type="error" showIcon title={describeError(error, t)} />}
      {!data ? (
        <Skeleton active loading={loading} />
      ) : (
        <List
          size="small"
          dataSource={data.items}
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
                  {item.taskName !== '' && ` · ${item.taskName}`}
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

/** 结束流程: asks why (it goes into the history), then cancels the instance with its tasks and timers. */
function EndProcessButton({ instanceId, onEnded }: { instanceId: string; onEnded: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const end = async () => {
    if (reason.trim() === '') {
      setMissing(true);
      return;
    }
    setBusy(true);
    try {
      unwrap(
        await api.POST('/api/process-instances/{id}/cancel', {
          params: { path: { id: instanceId } },
          body: { reason: reason.trim() },
        }),
      );
      void message.success(t('endProcess.done'));
      setOpen(false);
      onEnded();
    } catch (e) {
      void message.error(describeError(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button danger size="small" onClick={() => setOpen(true)} data-testid="end-process">
        {t('endProcess.button')}
      </Button>
      <Modal
        open={open}
        title={t('endProcess.title')}
        okText={t('endProcess.ok')}
        okButtonProps={{ danger: true, loading: busy }}
        onOk={() => void end()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('endProcess.help')}</Typography.Paragraph>
        <Typography.Text strong>{t('endProcess.reason')}</Typography.Text>
        <Input.TextArea
          aria-label={t('endProcess.reason')}
          value={reason}
          maxLength={2000}
          autoSize={{ minRows: 2, maxRows: 6 }}
          status={missing ? 'error' : undefined}
          onChange={(event) => {
            setReason(event.target.value);
            setMissing(false);
          }}
        />
        {missing && <Typography.Text type="danger">{t('endProcess.reasonRequired')}</Typography.Text>}
      </Modal>
    </>
  );
}
