import { Alert, Button, Card, Flex, Form, Input, Segmented, Select, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '@careloom/app-shell';
import { ComputeBuilder, type BuilderField } from '../../../shared/logic-builder/index.js';
import type { RuleResources } from '../hooks/useRuleResources.js';
import { problemAt, type FieldProblem } from '../utils/explanation.util.js';
import { retriggeringTasks } from '../utils/rule-loop.util.js';
import { newAction, shifted } from '../utils/rule-state.util.js';
import { describeDuration } from '../../processes/utils/iso-duration.util.js';
import {
  ACTION_TYPES,
  type ActionState,
  type ActionType,
  type LocalizedText,
  type RuleTrigger,
  type VariableMapping,
} from '../utils/rule.types.js';

interface ActionsEditorProps {
  actions: readonly ActionState[];
  /** The rule's trigger: a started process whose task fills the trigger's form would fire the rule again. */
  trigger: RuleTrigger;
  resources: RuleResources;
  /** The triggering form's fields (record-relative paths), for update-field. */
  recordFields: readonly BuilderField[];
  /** Var paths offered as process variable sources. */
  sourcePaths: readonly { value: string; label: string }[];
  problems: readonly FieldProblem[];
  onChange: (actions: ActionState[], key?: string) => void;
}

const MAX_ACTIONS = 10;

interface ActionBodyProps {
  action: ActionState;
  index: number;
  trigger: RuleTrigger;
  resources: RuleResources;
  recordFields: readonly BuilderField[];
  sourcePaths: readonly { value: string; label: string }[];
  problems: readonly FieldProblem[];
  onChange: (action: ActionState, key?: string) => void;
}

function LocalizedInputs({
  value,
  label,
  pointer,
  problems,
  onChange,
}: {
  value: LocalizedText;
  label: string;
  pointer: string;
  problems: readonly FieldProblem[];
  onChange: (value: LocalizedText, key: string) => void;
}) {
  const { t } = useI18n();
  const message = problemAt(problems, pointer, true);
  return (
    <Form.Item label={label} {...(message ? { validateStatus: 'error' as const, help: message } : {})}>
      <Flex vertical gap={6}>
        <Input.TextArea
          aria-label={`${label}（${t('rules.zh')}）`}
          placeholder={t('rules.zh')}
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={1000}
          value={value['zh-CN']}
          onChange={(event) => onChange({ ...value, 'zh-CN': event.target.value }, `${pointer}.zh`)}
        />
        <Input.TextArea
          aria-label={`${label}（${t('rules.en')}）`}
          placeholder={t('rules.en')}
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={1000}
          value={value.en}
          onChange={(event) => onChange({ ...value, en: event.target.value }, `${pointer}.en`)}
        />
      </Flex>
    </Form.Item>
  );
}

type Option = { value: string; label: string };

/** A role or a user (notify, create-task). */
function RecipientPicker({
  value,
  roles,
  users,
  onChange,
}: {
  value: { role?: string; username?: string };
  roles: readonly Option[];
  users: readonly Option[];
  onChange: (to: { role?: string; username?: string }) => void;
}) {
  const { t } = useI18n();
  const byUser = value.username !== undefined && value.role === undefined;
  return (
    <Flex gap={6} wrap>
      <Segmented<'role' | 'user'>
        value={byUser ? 'user' : 'role'}
        options={[
          { value: 'role', label: t('rules.action.toRole') },
          { value: 'user', label: t('rules.action.toUser') },
        ]}
        onChange={(kind) => onChange(kind === 'role' ? { role: 'head-nurse' } : { username: '' })}
      />
      {byUser ? (
        <Select<string>
          aria-label={t('rules.action.toUser')}
          style={{ flex: '1 1 160px' }}
          showSearch={{ optionFilterProp: 'label' }}
          value={value.username || undefined}
          options={[...users]}
          onChange={(username) => onChange({ username })}
        />
      ) : (
        <Select<string>
          aria-label={t('rules.action.toRole')}
          style={{ flex: '1 1 160px' }}
          value={value.role}
          options={[...roles]}
          onChange={(role) => onChange({ role })}
        />
      )}
    </Flex>
  );
}

/** Name → value taken from the condition's data (`{"var": path}`): process variables, webhook body fields. */
function MappingList({
  items,
  sourcePaths,
  onChange,
}: {
  items: readonly VariableMapping[];
  sourcePaths: readonly Option[];
  onChange: (items: VariableMapping[], key?: string) => void;
}) {
  const { t } = useI18n();
  const sourceOf = (value: unknown): string | undefined =>
    typeof value === 'object' && value !== null && 'var' in value && typeof value.var === 'string'
      ? value.var
      : undefined;
  const replace = (index: number, item: VariableMapping, key?: string) =>
    onChange(
      items.map((current, i) => (i === index ? item : current)),
      key,
    );
  return (
    <Flex vertical gap={6}>
      {items.map((item, i) => (
        <Flex key={i} gap={6} wrap align="center">
          <Input
            aria-label={t('rules.action.variableName')}
            placeholder={t('rules.action.variableName')}
            style={{ flex: '1 1 120px' }}
            value={item.name}
            onChange={(event) => replace(i, { ...item, name: event.target.value.trim() }, `mapping.${i}`)}
          />
          <Select<string>
            aria-label={t('rules.action.variableSource')}
            placeholder={
              sourceOf(item.value) === undefined
                ? JSON.stringify(item.value)
                : t('rules.action.variableSource')
            }
            style={{ flex: '2 1 160px' }}
            showSearch={{ optionFilterProp: 'label' }}
            value={sourceOf(item.value)}
            options={[...sourcePaths]}
            onChange={(path) => replace(i, { ...item, value: { var: path } })}
          />
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('rules.action.removeVariable')}
            onClick={() => onChange(items.filter((_, j) => j !== i))}
          />
        </Flex>
      ))}
      <Button
        size="small"
        icon={<PlusOutlined />}
        style={{ alignSelf: 'flex-start' }}
        onClick={() =>
          onChange([...items, { name: `field${items.length + 1}`, value: { var: 'resident.id' } }])
        }
      >
        {t('rules.action.addVariable')}
      </Button>
    </Flex>
  );
}

function ActionBody({
  action,
  index,
  trigger,
  resources,
  recordFields,
  sourcePaths,
  problems,
  onChange,
}: ActionBodyProps) {
  const { t, locale } = useI18n();
  const at = `/actions/${index}`;
  const status = (key: string, deep = false) => {
    const message = problemAt(problems, `${at}/${key}`, deep);
    return message === undefined ? {} : { validateStatus: 'error' as const, help: message };
  };
  const roles = resources.roles.map((role) => ({
    value: role.key,
    label: locale === 'zh-CN' ? role.nameZh : role.nameEn,
  }));
  const users = resources.users.map((user) => ({
    value: user.username,
    label: `${user.displayName} (${user.username})`,
  }));
  switch (action.type) {
    case 'notify':
      return (
        <>
          <Form.Item label={t('rules.action.to')} {...status('to', true)}>
            <RecipientPicker
              value={action.to}
              roles={roles}
              users={users}
              onChange={(to) => onChange({ ...action, to })}
            />
          </Form.Item>
          <LocalizedInputs
            label={t('rules.action.message')}
            value={action.message}
            pointer={`${at}/message`}
            problems={problems}
            onChange={(message, key) => onChange({ ...action, message }, key)}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('rules.action.messageHelp')}
          </Typography.Text>
        </>
      );
    case 'update-field': {
      const writable = recordFields.filter((field) => !field.path.includes('.'));
      return (
        <>
          <Form.Item label={t('rules.action.field')} {...status('field')}>
            <Select<string>
              aria-label={t('rules.action.field')}
              value={action.field || undefined}
              options={writable.map((field) => ({ value: field.path, label: field.label[locale] }))}
              onChange={(field) => onChange({ ...action, field })}
            />
          </Form.Item>
          <Form.Item label={t('rules.action.value')} {...status('value', true)}>
            <ComputeBuilder
              value={action.value}
              fields={recordFields.map((field) => ({ ...field, path: `record.${field.path}` }))}
              locale={locale}
              onChange={(value) => onChange({ ...action, value })}
            />
          </Form.Item>
        </>
      );
    }
    case 'start-process': {
      const loops = retriggeringTasks(trigger, resources.tasksOf(action.processKey));
      const triggerForm =
        'formKey' in trigger
          ? (resources.forms.find((form) => form.key === trigger.formKey)?.name[locale] ?? trigger.formKey)
          : '';
      return (
        <>
          <Form.Item
            label={t('rules.action.process')}
            extra={<span data-testid="start-process-resident">{t('rules.action.startsForResident')}</span>}
            {...status('processKey')}
          >
            <Select<string>
              aria-label={t('rules.action.process')}
              showSearch={{ optionFilterProp: 'label' }}
              value={action.processKey || undefined}
              options={resources.processes.map((process) => ({
                value: process.key,
                label: `${process.name || process.key} (${process.key})`,
              }))}
              onChange={(processKey) => onChange({ ...action, processKey })}
            />
          </Form.Item>
          {loops.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="start-process-loop"
              title={t('rules.action.startLoop', {
                tasks: loops
                  .map((task) =>
                    locale === 'zh-CN' ? `「${task.name || task.id}」` : `"${task.name || task.id}"`,
                  )
                  .join(locale === 'zh-CN' ? '、' : ', '),
                form: triggerForm,
              })}
            />
          )}
          <Form.Item
            label={t('rules.action.variables')}
            extra={t('rules.action.variablesHelp')}
            {...status('variables', true)}
          >
            <MappingList
              items={action.variables}
              sourcePaths={sourcePaths}
              onChange={(variables, key) => onChange({ ...action, variables }, key && `${at}.${key}`)}
            />
          </Form.Item>
        </>
      );
    }
    case 'cancel-process':
      return (
        <>
          <Form.Item
            label={t('rules.action.processToCancel')}
            extra={<span data-testid="cancel-process-resident">{t('rules.action.cancelsForResident')}</span>}
            {...status('processKey')}
          >
            <Select<string>
              aria-label={t('rules.action.processToCancel')}
              showSearch={{ optionFilterProp: 'label' }}
              value={action.processKey || undefined}
              options={resources.processes.map((process) => ({
                value: process.key,
                label: `${process.name || process.key} (${process.key})`,
              }))}
              onChange={(processKey) => onChange({ ...action, processKey })}
            />
          </Form.Item>
          <LocalizedInputs
            label={t('rules.action.cancelReason')}
            value={action.reason}
            pointer={`${at}/reason`}
            problems={problems}
            onChange={(reason, key) => onChange({ ...action, reason }, key)}
          />
        </>
      );
    case 'create-task': {
      const due = action.due ? describeDuration(action.due, locale) : null;
      return (
        <>
          <LocalizedInputs
            label={t('rules.action.taskTitle')}
            value={{ 'zh-CN': action.title['zh-CN'], en: action.title.en ?? '' }}
            pointer={`${at}/title`}
            problems={problems}
            onChange={(title, key) => onChange({ ...action, title }, key)}
          />
          <Form.Item label={t('rules.action.taskTo')} {...status('to', true)}>
            <RecipientPicker
              value={action.to}
              roles={roles}
              users={users}
              onChange={(to) => onChange({ ...action, to })}
            />
          </Form.Item>
          <Flex gap={8} wrap>
            <Form.Item
              label={t('rules.action.taskForm')}
              style={{ flex: '2 1 200px' }}
              {...status('formKey')}
            >
              <Select<string>
                allowClear
                aria-label={t('rules.action.taskForm')}
                showSearch={{ optionFilterProp: 'label' }}
                value={action.formKey}
                options={resources.forms.map((form) => ({
                  value: form.key,
                  label: `${form.name[locale]} (${form.key})`,
                }))}
                onChange={(formKey) => onChange({ ...action, formKey })}
              />
            </Form.Item>
            <Form.Item
              label={t('rules.action.due')}
              style={{ flex: '1 1 140px' }}
              {...status('due')}
              extra={action.due ? (due ?? t('rules.action.dueInvalid')) : t('rules.action.dueHelp')}
            >
              <Input
                aria-label={t('rules.action.due')}
                placeholder="P2D"
                value={action.due ?? ''}
                onChange={(event) => {
                  const next = event.target.value.trim().toUpperCase();
                  onChange({ ...action, due: next === '' ? undefined : next }, `${at}/due`);
                }}
              />
            </Form.Item>
          </Flex>
        </>
      );
    }
    case 'webhook':
      return (
        <>
          <Form.Item label={t('rules.action.url')} extra={t('rules.action.urlHelp')} {...status('url')}>
            <Input
              aria-label={t('rules.action.url')}
              type="url"
              placeholder="https://"
              value={action.url}
              onChange={(event) => onChange({ ...action, url: event.target.value.trim() }, `${at}/url`)}
            />
          </Form.Item>
          <Form.Item
            label={t('rules.action.headers')}
            extra={t('rules.action.headersHelp')}
            {...status('headers', true)}
          >
            <Flex vertical gap={6}>
              {action.headers.map((header, i) => (
                <Flex key={i} gap={6} wrap align="center">
                  <Input
                    aria-label={t('rules.action.headerName')}
                    placeholder="X-Source"
                    style={{ flex: '1 1 120px' }}
                    value={header.name}
                    onChange={(event) =>
                      onChange(
                        {
                          ...action,
                          headers: action.headers.map((h, j) =>
                            j === i ? { ...h, name: event.target.value.trim() } : h,
                          ),
                        },
                        `${at}/headers/${i}/name`,
                      )
                    }
                  />
                  <Input
                    aria-label={t('rules.action.headerValue')}
                    style={{ flex: '2 1 160px' }}
                    value={header.value}
                    onChange={(event) =>
                      onChange(
                        {
                          ...action,
                          headers: action.headers.map((h, j) =>
                            j === i ? { ...h, value: event.target.value } : h,
                          ),
                        },
                        `${at}/headers/${i}/value`,
                      )
                    }
                  />
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('rules.action.removeHeader')}
                    onClick={() => onChange({ ...action, headers: action.headers.filter((_, j) => j !== i) })}
                  />
                </Flex>
              ))}
              <Button
                size="small"
                icon={<PlusOutlined />}
                style={{ alignSelf: 'flex-start' }}
                onClick={() =>
                  onChange({ ...action, headers: [...action.headers, { name: 'X-', value: '' }] })
                }
              >
                {t('rules.action.addHeader')}
              </Button>
            </Flex>
          </Form.Item>
          <Form.Item
            label={t('rules.action.body')}
            extra={t('rules.action.bodyHelp')}
            {...status('body', true)}
          >
            <MappingList
              items={action.body}
              sourcePaths={sourcePaths}
              onChange={(body, key) => onChange({ ...action, body }, key && `${at}.body.${key}`)}
            />
          </Form.Item>
        </>
      );
  }
}

/** The rule's actions, run in order when the condition holds: add, remove, reorder, edit per type. */
export function ActionsEditor({
  actions,
  trigger,
  resources,
  recordFields,
  sourcePaths,
  problems,
  onChange,
}: ActionsEditorProps) {
  const { t } = useI18n();
  const replace = (index: number, action: ActionState, key?: string) =>
    onChange(
      actions.map((current, i) => (i === index ? action : current)),
      key,
    );
  return (
    <Flex vertical gap={8} data-testid="actions-editor">
      {problemAt(problems, '/actions') && (
        <Typography.Text type="danger">{problemAt(problems, '/actions')}</Typography.Text>
      )}
      {actions.map((action, index) => (
        <Card
          key={index}
          size="small"
          data-testid={`action-${index}`}
          title={
            <Select<ActionType>
              aria-label={t('rules.action.type')}
              variant="borderless"
              value={action.type}
              popupMatchSelectWidth={false}
              options={ACTION_TYPES.map((type) => ({ value: type, label: t(`rules.action.${type}`) }))}
              onChange={(type) => replace(index, newAction(type))}
            />
          }
          extra={
            <Flex gap={2}>
              <Button
                size="small"
                type="text"
                icon={<ArrowUpOutlined />}
                aria-label={t('rules.action.up')}
                disabled={index === 0}
                onClick={() => onChange(shifted(actions, index, -1))}
              />
              <Button
                size="small"
                type="text"
                icon={<ArrowDownOutlined />}
                aria-label={t('rules.action.down')}
                disabled={index === actions.length - 1}
                onClick={() => onChange(shifted(actions, index, 1))}
              />
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('rules.action.remove')}
                onClick={() => onChange(actions.filter((_, i) => i !== index))}
              />
            </Flex>
          }
        >
          {problemAt(problems, `/actions/${index}/type`) && (
            <Typography.Text type="danger">{problemAt(problems, `/actions/${index}/type`)}</Typography.Text>
          )}
          <Form layout="vertical" component="div">
            <ActionBody
              action={action}
              index={index}
              trigger={trigger}
              resources={resources}
              recordFields={recordFields}
              sourcePaths={sourcePaths}
              problems={problems}
              onChange={(next, key) => replace(index, next, key)}
            />
          </Form>
        </Card>
      ))}
      {actions.length < MAX_ACTIONS && (
        <Button
          icon={<PlusOutlined />}
          style={{ alignSelf: 'flex-start' }}
          onClick={() => onChange([...actions, newAction('notify')])}
          data-testid="add-action"
        >
          {t('rules.action.add')}
        </Button>
      )}
    </Flex>
  );
}
