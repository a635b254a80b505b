import { Button, Card, Flex, Tag, Typography } from 'antd';
import { CheckOutlined, ClockCircleOutlined, UserOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useI18n } from '@careloom/app-shell';
import type { Task } from '../hooks/useTasks.js';
import { isOverdue, relativeTime } from '../utils/task-view.util.js';

interface TaskCardProps {
  task: Task;
  residentName: string | undefined;
  username: string;
  now: Date;
  busy: boolean;
  onClaim: (task: Task) => void;
  onUnclaim: (task: Task) => void;
}

/** One task in the inbox: what, for whom, by when (or when it was completed), and claim / unclaim. */
export function TaskCard({ task, residentName, username, now, busy, onClaim, onUnclaim }: TaskCardProps) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const open = task.status === 'open';
  const overdue = open && isOverdue(task, now);
  const mine = open && task.assignee === username;
  const when = (at: string) => ({
    relative: relativeTime(at, now, locale),
    absolute: new Date(at).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' }),
  });
  return (
    <Card
      size="small"
      data-testid={`task-${task.id}`}
      style={overdue ? { borderColor: '#ff4d4f' } : undefined}
    >
      <Flex vertical gap={6}>
        <Link to={`/tasks/${task.id}`} style={{ color: 'inherit' }}>
          <Typography.Text strong style={{ fontSize: 16, overflowWrap: 'anywhere' }}>
            {task.name}
          </Typography.Text>
        </Link>
        {task.residentId && (
          <Typography.Text type="secondary">
            <UserOutlined /> {residentName ?? t('tasks.residentUnknown')}
          </Typography.Text>
        )}
        {!open && task.completedAt ? (
          <Typography.Text type="secondary" data-testid="task-completed">
            <CheckOutlined /> {t('tasks.completedAt', when(task.completedAt))}
          </Typography.Text>
        ) : task.dueAt ? (
          <Typography.Text type={overdue ? 'danger' : 'secondary'} data-testid="task-due">
            <ClockCircleOutlined /> {t(overdue ? 'tasks.overdueSince' : 'tasks.due', when(task.dueAt))}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('tasks.noDue')}</Typography.Text>
        )}
        <Flex gap={8} wrap align="center">
          {overdue && <Tag color="red">{t('tasks.tab.overdue')}</Tag>}
          {open && task.assignee && !mine && <Tag>{t('tasks.assignedTo', { name: task.assignee })}</Tag>}
          <Flex gap={8} style={{ marginLeft: 'auto' }}>
            {open && task.assignee === null && (
              <Button loading={busy} onClick={() => onClaim(task)}>
                {t('tasks.claim')}
              </Button>
            )}
            {mine && (
              <Button loading={busy} onClick={() => onUnclaim(task)}>
                {t('tasks.unclaim')}
              </Button>
            )}
            <Button type="primary" onClick={() => void navigate(`/tasks/${task.id}`)}>
              {t('tasks.open')}
            </Button>
          </Flex>
        </Flex>
      </Flex>
    </Card>
  );
}
