import { useCallback, useState } from 'react';
import { Alert, App, Button, Dropdown, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import { ApiProblemError, unwrap, type ApiClient } from '@careloom/api-client';
import { describeError, useApi, useI18n } from '@careloom/app-shell';
import type { Task } from '../hooks/useTasks.js';
import { menuActions, sendBackTargets, type MenuAction } from '../utils/approval.util.js';

type Values = {
  user?: string;
  users?: string[];
  roles?: string[];
  position?: 'before' | 'after';
  target?: string;
  reason?: string;
};

type Option = { value: string; label: string };

/** Makes one move; answers the task the page should show next (send back / withdraw: the reopened one). */
async function perform(api: ApiClient, task: Task, action: MenuAction, values: Values): Promise<Task | null> {
  const path = { params: { path: { id: task.id } } };
  const reason = values.reason?.trim() ? values.reason.trim() : undefined;
  switch (action) {
    case 'transfer':
      return unwrap(
        await api.POST('/api/tasks/{id}/transfer', {
          ...path,
          body: { toUserId: values.user ?? '', reason },
        }),
      );
    case 'delegate':
      return unwrap(
        await api.POST('/api/tasks/{id}/delegate', {
          ...path,
          body: { toUserId: values.user ?? '', reason },
        }),
      );
    case 'add-signer':
      return unwrap(
        await api.POST('/api/tasks/{id}/add-signer', {
          ...path,
          body: { userId: values.user ?? '', position: values.position ?? 'after', reason },
        }),
      );
    case 'send-back':
      return unwrap(
        await api.POST('/api/tasks/{id}/send-back', {
          ...path,
          body: { reason: reason ?? '', ...(values.target ? { toElementId: values.target } : {}) },
        }),
      );
    case 'withdraw':
      return unwrap(await api.POST('/api/tasks/{id}/withdraw', { ...path, body: { reason: reason ?? '' } }));
    case 'cc':
      unwrap(
        await api.POST('/api/tasks/{id}/cc', {
          ...path,
          body: { userIds: values.users ?? [], roles: values.roles ?? [], note: reason },
        }),
      );
      return null;
  }
}

/** Field errors from the server (`/toUserId`, `/userId`, `/roles/0` …) on the modal's fields. */
function fieldOf(path: string): keyof Values | null {
  if (path.startsWith('/toUserId') || path.startsWith('/userId')) {
    return path.startsWith('/userIds') ? 'users' : 'user';
  }
  if (path.startsWith('/roles')) {
    return 'roles';
  }
  if (path.startsWith('/toElementId')) {
    return 'target';
  }
  if (path.startsWith('/reason') || path.startsWith('/note')) {
    return 'reason';
  }
  return null;
}

/**
 * "More" menu of the task page: the approval moves the server allows this user on this task, each in a small
 * modal (person picker, position, earlier step, reason). `onDone` gets the move and the task it answered
 * (send back / withdraw: the reopened one; copy: null).
 */
export function ApprovalActions({
  task,
  onDone,
}: {
  task: Task;
  onDone: (action: MenuAction, next: Task | null) => void;
}) {
  const { t, locale } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [action, setAction] = useState<MenuAction | null>(null);
  const [saving, setSaving] = useState(false);
  const [people, setPeople] = useState<Option[]>([]);
  const [roles, setRoles] = useState<Option[]>([]);
  const [targets, setTargets] = useState<Option[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const actions = menuActions(task.allowedActions);

  const loadOptions = useCallback(
    async (chosen: MenuAction) => {
      if (chosen === 'transfer' || chosen === 'delegate' || chosen === 'add-signer' || chosen === 'cc') {
        const colleagues = unwrap(await api.GET('/api/tasks/colleagues'));
        setPeople(colleagues.map((c) => ({ value: c.username, label: `${c.displayName}（${c.username}）` })));
      }
      if (chosen === 'cc') {
        setRoles(
          unwrap(await api.GET('/api/roles'))
            // a copy is for staff (the server refuses the family role: every family account would read it)
            .filter((r) => r.key !== 'family')
            .map((r) => ({
              value: r.key,
              label: locale === 'en' ? r.nameEn : r.nameZh,
            })),
        );
      }
      if (chosen === 'send-back' && task.processInstanceId) {
        const steps = unwrap(
          await api.GET('/api/tasks', {
            params: { query: { processInstanceId: task.processInstanceId, status: 'completed' } },
          }),
        );
        const options = sendBackTargets(steps, task.elementId).map((s) => ({
          value: s.elementId,
          label: s.name,
        }));
        setTargets(options);
        form.setFieldValue('target', options[0]?.value);
      }
    },
    [api, form, locale, task.elementId, task.processInstanceId],
  );

  const choose = (chosen: MenuAction) => {
    setFailure(null);
    setTargets(null);
    setAction(chosen);
    loadOptions(chosen).catch((e: unknown) => setFailure(describeError(e, t)));
  };

  if (actions.length === 0) {
    return null;
  }

  const submit = async (values: Values) => {
    if (action === null) {
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      const next = await perform(api, task, action, values);
      void message.success(t(`approval.done.${action}`));
      setAction(null);
      onDone(action, next);
    } catch (e) {
      const fields = e instanceof ApiProblemError ? (e.problem.errors ?? []) : [];
      const placed = fields.flatMap((error) => {
        const name = fieldOf(error.path);
        return name === null ? [] : [{ name, errors: [error.message] }];
      });
      if (placed.length > 0) {
        form.setFields(placed);
      } else {
        setFailure(describeError(e, t));
      }
    } finally {
      setSaving(false);
    }
  };

  const reasonRequired = action === 'send-back' || action === 'withdraw';
  const personField = (name: 'user' | 'users', label: string, multiple: boolean) => (
    <Form.Item
      name={name}
      label={label}
      rules={multiple ? [] : [{ required: true, message: t('approval.required.user') }]}
    >
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        mode={multiple ? 'multiple' : undefined}
        options={people}
        data-testid={`approval-${name}`}
      />
    </Form.Item>
  );

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: actions.map((key) => ({ key, label: t(`approval.action.${key}`) })),
          onClick: ({ key }) => choose(key as MenuAction),
        }}
      >
        <Button size="large" data-testid="approval-more" style={{ flex: '1 1 100px' }}>
          {t('approval.more')} <DownOutlined />
        </Button>
      </Dropdown>
      <Modal
        open={action !== null}
        title={action === null ? '' : t(`approval.action.${action}`)}
        okText={t('approval.submit')}
        confirmLoading={saving}
        onOk={() => form.submit()}
        onCancel={() => setAction(null)}
        afterClose={() => form.resetFields()}
        forceRender
        okButtonProps={{
          disabled: action === 'send-back' && targets !== null && targets.length === 0,
          ...{ 'data-testid': 'approval-ok' },
        }}
        width={480}
      >
        {action !== null && (
          <Typography.Paragraph type="secondary">{t(`approval.hint.${action}`)}</Typography.Paragraph>
        )}
        {failure !== null && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) => void submit(values)}
          initialValues={{ position: 'after' }}
        >
          {(action === 'transfer' || action === 'delegate') &&
            personField('user', t('approval.field.user'), false)}
          {action === 'add-signer' && (
            <>
              {personField('user', t('approval.field.signer'), false)}
              <Form.Item name="position" label={t('approval.field.position')}>
                <Radio.Group
                  options={[
                    { value: 'before', label: t('approval.position.before') },
                    { value: 'after', label: t('approval.position.after') },
                  ]}
                />
              </Form.Item>
            </>
          )}
          {action === 'send-back' &&
            (targets !== null && targets.length === 0 ? (
              <Alert type="warning" showIcon title={t('approval.noTargets')} style={{ marginBottom: 12 }} />
            ) : (
              <Form.Item
                name="target"
                label={t('approval.field.target')}
                rules={[{ required: true, message: t('approval.required.target') }]}
              >
                <Select options={targets ?? []} loading={targets === null} data-testid="approval-target" />
              </Form.Item>
            ))}
          {action === 'cc' && (
            <>
              {personField('users', t('approval.field.users'), true)}
              <Form.Item
                name="roles"
                label={t('approval.field.roles')}
                dependencies={['users']}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: (_rule, value?: string[]) => {
                      const users = getFieldValue('users') as string[] | undefined;
                      return (value?.length ?? 0) === 0 && (users?.length ?? 0) === 0
                        ? Promise.reject(new Error(t('approval.required.copy')))
                        : Promise.resolve();
                    },
                  }),
                ]}
              >
                <Select mode="multiple" options={roles} showSearch={{ optionFilterProp: 'label' }} />
              </Form.Item>
            </>
          )}
          <Form.Item
            name="reason"
            label={t(action === 'cc' ? 'approval.field.note' : 'approval.field.reason')}
            rules={
              reasonRequired
                ? [{ required: true, whitespace: true, message: t('approval.required.reason') }]
                : []
            }
          >
            <Input.TextArea rows={3} maxLength={2000} data-testid="approval-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
