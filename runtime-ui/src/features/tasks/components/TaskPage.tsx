import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Skeleton, Space, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { ErrorSchema } from '@rjsf/utils';
import { ApiProblemError, unwrap } from '@careloom/api-client';
import { describeError, useApi, useI18n, useSession } from '@careloom/app-shell';
import { applyServerErrors, CareForm, type FormData } from '@careloom/form-kit';
import { useTaskDetail } from '../hooks/useTasks.js';
import { isOverdue, relativeTime } from '../utils/task-view.util.js';

/** `/tasks/:id`: the task's form (or a plain complete button), completed with the form's data. */
export function TaskPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const { user } = useSession();
  const { message } = App.useApp();
  const { data, error, loading, reload } = useTaskDetail(id);
  const [saving, setSaving] = useState(false);
  const [serverErrors, setServerErrors] = useState<ErrorSchema | undefined>(undefined);
  const [conflict, setConflict] = useState(false);

  const complete = async (formData: FormData | undefined) => {
    setSaving(true);
    try {
      unwrap(
        await api.POST('/api/tasks/{id}/complete', {
          params: { path: { id } },
          body: formData === undefined ? {} : { data: formData },
        }),
      );
      void message.success(t('task.completed'));
      void navigate('/tasks', { replace: true });
    } catch (e) {
      if (e instanceof ApiProblemError && e.status === 409) {
        setConflict(true);
      } else if (e instanceof ApiProblemError && e.problem.errors?.length) {
        setServerErrors(applyServerErrors(e.problem.errors));
        void message.error(t('fill.invalid'));
      } else {
        void message.error(describeError(e, t));
      }
    } finally {
      setSaving(false);
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
  const { task, form, formKey, residentName } = data;
  const now = new Date();
  const open = task.status === 'open' && !conflict;
  const takenByOther = task.assignee !== null && task.assignee !== user?.username;
  const cancel = (
    <Button size="large" onClick={() => void navigate('/tasks')} style={{ flex: '1 1 100px' }}>
      {t('form.cancel')}
    </Button>
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
          {task.residentId && (
            <Typography.Text>
              {t('task.resident')}
              <Link to={`/residents/${task.residentId}`}>{residentName ?? t('tasks.residentUnknown')}</Link>
            </Typography.Text>
          )}
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
          <Alert type="info" showIcon title={t(`task.status.${task.status}`)} />
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
            onSubmit={(formData) => void complete(formData)}
            submitting={saving}
            submitText={t('task.complete')}
            {...(serverErrors ? { extraErrors: serverErrors } : {})}
            actions={cancel}
          />
        )}
        {open && formKey === null && (
          <Flex gap={8} wrap>
            <Button
              type="primary"
              size="large"
              loading={saving}
              onClick={() => void complete(undefined)}
              data-testid="task-complete"
              style={{ flex: '1 1 160px' }}
            >
              {t('task.complete')}
            </Button>
            {cancel}
          </Flex>
        )}
      </Card>
    </Space>
  );
}
