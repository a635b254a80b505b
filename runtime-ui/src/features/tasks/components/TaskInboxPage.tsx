import { useState } from 'react';
import { Alert, App, Badge, Empty, Flex, Segmented, Skeleton, Typography } from 'antd';
import { unwrap } from '@careloom/api-client';
import { describeError, useApi, useI18n, useSession } from '@careloom/app-shell';
import { useAutoRefresh } from '../../../shared/hooks/useAutoRefresh.js';
import { INBOX_TABS, useTaskInbox, type InboxTab, type Task } from '../hooks/useTasks.js';
import { sortTasks } from '../utils/task-view.util.js';
import { TaskCard } from './TaskCard.js';

/** `/tasks`: my tasks, my roles' unclaimed tasks and overdue tasks, refreshed every 30 s and on focus. */
export function TaskInboxPage() {
  const { t } = useI18n();
  const api = useApi();
  const { user } = useSession();
  const { message } = App.useApp();
  const [tab, setTab] = useState<InboxTab>('mine');
  const [busy, setBusy] = useState<string | null>(null);
  const { data, error, reload } = useTaskInbox();
  useAutoRefresh(reload);
  const now = new Date();

  const act = async (task: Task, action: 'claim' | 'unclaim') => {
    setBusy(task.id);
    try {
      const path = action === 'claim' ? '/api/tasks/{id}/claim' : '/api/tasks/{id}/unclaim';
      unwrap(await api.POST(path, { params: { path: { id: task.id } } }));
      void message.success(t(action === 'claim' ? 'tasks.claimed' : 'tasks.unclaimed', { name: task.name }));
    } catch (e) {
      void message.error(describeError(e, t));
    } finally {
      setBusy(null);
      reload();
    }
  };

  // the done list keeps the server's order: newest first
  const tasks = data ? (tab === 'done' ? data.lists.done : sortTasks(data.lists[tab], now)) : [];
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('tasks.title')}
      </Typography.Title>
      <Segmented<InboxTab>
        block
        value={tab}
        onChange={setTab}
        options={INBOX_TABS.map((value) => ({
          value,
          label: (
            <Flex align="center" justify="center" gap={4} data-testid={`tab-${value}`}>
              <span>{t(`tasks.tab.${value}`)}</span>
              {value !== 'done' && (
                <Badge
                  count={data?.lists[value].length ?? 0}
                  showZero
                  size="small"
                  color={value === 'overdue' && (data?.lists.overdue.length ?? 0) > 0 ? 'red' : 'blue'}
                  data-testid={`count-${value}`}
                />
              )}
            </Flex>
          ),
        }))}
      />
      {error !== undefined && <Alert type="error" showIcon title={describeError(error, t)} />}
      {data === undefined ? (
        <Skeleton active />
      ) : tasks.length === 0 ? (
        <Empty description={t(`tasks.empty.${tab}`)} />
      ) : (
        <Flex vertical gap={8} data-testid="task-list">
          {tasks.map((task) => (
            <TaskCard
              key={task.id}
              task={task}
              residentName={task.residentName ?? undefined}
              username={user?.username ?? ''}
              now={now}
              busy={busy === task.id}
              onClaim={(picked) => void act(picked, 'claim')}
              onUnclaim={(picked) => void act(picked, 'unclaim')}
            />
          ))}
        </Flex>
      )}
    </Flex>
  );
}
