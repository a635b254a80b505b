import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Skeleton, Space, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { unwrap } from '@careloom/api-client';
import { describeError, useApi, useI18n, useSession } from '@careloom/app-shell';
import { CareForm, type FormData } from '@careloom/form-kit';
import { useFormSubmit } from '../../../shared/hooks/useFormSubmit.js';
import { useTaskDetail, type Task } from '../hooks/useTasks.js';
import type { MenuAction } from '../utils/approval.util.js';
import { isOverdue, relativeTime } from '../utils/task-view.util.js';
import { ApprovalActions } from './ApprovalActions.js';
import { InstanceHistory } from './InstanceHistory.js';
import { SourceRecord, TaskResident } from './TaskContext.js';

/**
 * `/tasks/:id`: what the task is about — its resident (room/bed, link) and the record that started its process —
 * then the task's form (or a plain complete button), completed with the form's data.
 */
export function TaskPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const { user } = useSession();
  const { message } = App.useApp();
  const { data, error, loading, reload } = useTaskDetail(id);
  const { saving, serverErrors, conflict, submit } = useFormSubmit({
    invalidMessage: 'fill.invalid',
    detectConflict: true,
  });
  const [moves, setMoves] = useState(0);

  /** Completes the task, or for a delegate hands it back to its owner with the data as their draft. */
  const complete = (formData: FormData | undefined, resolve = false) =>
    submit(async () => {
      const body = formData === undefined ? {} : { data: formData };
      const params = { path: { id } };
      unwrap(
        resolve
          ? await api.POST('/api/tasks/{id}/resolve', { params, body })
          : await api.POST('/api/tasks/{id}/complete', { params, body }),
      );
      void message.success(t(resolve ? 'approval.done.resolve' : 'task.completed'));
      void navigate('/tasks', { replace: true });
    });

  const afterMove = (action: MenuAction, next: Task | null) => {
    if (action === 'withdraw' && next) {
      void navigate(`/tasks/${next.id}`, { replace: true });
    } else if (action === 'cc' || action === 'add-signer') {
      setMoves((n) => n + 1);
      reload();
    } else {
      void navigate('/tasks', { replace: true });
    }
  };

  const back = (
    <Link to="/tasks">
      <ArrowLeftOutlined /> {t('task.back')}
    </Link>
  );
  if (error !== undefined) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        {back}
        <Alert type="error" showIcon title={describeError(error, t)} />
      </Space>
    );
  }
  if (!data) {
    return <Skeleton active loading={loading} />;
  }
  const { task, form, formKey, resident } = data;
  const now = new Date();
  const open = task.status === 'open' && !conflict;
  const takenByOther = task.assignee !== null && task.assignee !== user?.username;
  const delegatedToMe = task.owner !== null && !takenByOther;
  /** A countersign task without a form: the signer votes (the engine counts `approved: false` as a rejection). */
  const countersign = task.loopIndex !== null && !delegatedToMe;
  const cancel = (
    <Button size="large" onClick={() => void navigate('/tasks')} style={{ flex: '1 1 100px' }}>
      {t('form.cancel')}
    </Button>
  );
  const more = <ApprovalActions task={task} onDone={afterMove} />;
  const actions = (
    <>
      {more}
      {cancel}
    </>
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {back}
      <Card
        size="small"
        title={
          <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'normal' }}>
            {task.name}
          </Typography.Title>
        }
      >
        <Flex vertical gap={4} style={{ marginBottom: 12 }}>
          {task.residentId && <TaskResident residentId={task.residentId} resident={resident} />}
          {task.dueAt && (
            <Typography.Text type={isOverdue(task, now) ? 'danger' : 'secondary'}>
              {t(isOverdue(task, now) ? 'tasks.overdueSince' : 'tasks.due', {
                relative: relativeTime(task.dueAt, now, locale),
                absolute: new Date(task.dueAt).toLocaleString(locale, {
                  dateStyle: 'short',
                  timeStyle: 'short',
                }),
              })}
            </Typography.Text>
          )}
        </Flex>
        {task.processInstanceId !== null && <SourceRecord instanceId={task.processInstanceId} />}
        {conflict && (
          <Alert
            type="warning"
            showIcon
            title={t('task.conflict')}
            action={
              <Button size="small" onClick={() => void navigate('/tasks')}>
                {t('task.back')}
              </Button>
            }
          />
        )}
        {!conflict && task.status !== 'open' && (
          <Flex vertical gap={8}>
            <Alert type="info" showIcon title={t(`task.status.${task.status}`)} />
            <Flex gap={8} wrap>
              {more}
            </Flex>
          </Flex>
        )}
        {open && delegatedToMe && (
          <Alert
            type="info"
            showIcon
            title={t('approval.delegatedBy', { owner: task.owner ?? '' })}
            style={{ marginBottom: 12 }}
          />
        )}
        {open && !delegatedToMe && !takenByOther && task.draft !== null && (
          <Alert type="info" showIcon title={t('approval.draft')} style={{ marginBottom: 12 }} />
        )}
        {open && takenByOther && (
          <Alert
            type="warning"
            showIcon
            title={t('tasks.assignedTo', { name: task.assignee ?? '' })}
            style={{ marginBottom: 12 }}
            action={
              <Button size="small" onClick={reload}>
                {t('record.reload')}
              </Button>
            }
          />
        )}
        {open && formKey !== null && form === undefined && (
          <Alert type="warning" showIcon title={t('fill.notFound', { key: formKey })} />
        )}
        {open && form && (
          <CareForm
            schema={form.schema}
            uiSchema={form.uiSchema}
            locale={locale}
            formData={form.data}
            onSubmit={(formData) => void complete(formData, delegatedToMe)}
            submitting={saving}
            submitText={t(delegatedToMe ? 'approval.action.resolve' : 'task.complete')}
            {...(serverErrors ? { extraErrors: serverErrors } : {})}
            actions={actions}
          />
        )}
        {open && formKey === null && (
          <Flex gap={8} wrap>
            {countersign ? (
              <>
                <Button
                  type="primary"
                  size="large"
                  loading={saving}
                  onClick={() => void complete({ approved: true }, delegatedToMe)}
                  data-testid="task-approve"
                  style={{ flex: '1 1 100px' }}
                >
                  {t('approval.vote.approve')}
                </Button>
                <Button
                  danger
                  size="large"
                  loading={saving}
                  onClick={() => void complete({ approved: false }, delegatedToMe)}
                  data-testid="task-reject"
                  style={{ flex: '1 1 100px' }}
                >
                  {t('approval.vote.reject')}
                </Button>
              </>
            ) : (
              <Button
                type="primary"
                size="large"
                loading={saving}
                onClick={() => void complete(undefined, delegatedToMe)}
                data-testid="task-complete"
                style={{ flex: '1 1 160px' }}
              >
                {t(delegatedToMe ? 'approval.action.resolve' : 'task.complete')}
              </Button>
            )}
            {actions}
          </Flex>
        )}
      </Card>
      {task.processInstanceId !== null && (
        <InstanceHistory
          key={`${task.id}-${moves}`}
          instanceId={task.processInstanceId}
          onEnded={() => void navigate('/tasks')}
        />
      )}
    </Space>
  );
}
