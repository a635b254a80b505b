import { Button, Card, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '@careloom/app-shell';
import { ConditionBuilder } from '../../../shared/logic-builder/index.js';
import type { RuleResources } from '../hooks/useRuleResources.js';
import { problemAt, type FieldProblem } from '../utils/explanation.util.js';
import { uniqueWindowName } from '../utils/rule-state.util.js';
import type { ContextWindowState } from '../utils/rule.types.js';

interface ContextWindowsEditorProps {
  windows: readonly ContextWindowState[];
  resources: RuleResources;
  problems: readonly FieldProblem[];
  /** The form a new window reads first (the trigger's). */
  defaultFormKey: string;
  onChange: (windows: ContextWindowState[], key?: string) => void;
}

const MAX_WINDOWS = 5;

/**
 * Context windows: this resident's recent records of a form, named for the condition (`context.<name>`), with
 * an optional "consecutive" measure: how many of the newest records in a row meet a per-record condition.
 */
export function ContextWindowsEditor({
  windows,
  resources,
  problems,
  defaultFormKey,
  onChange,
}: ContextWindowsEditorProps) {
  const { t, locale } = useI18n();
  const status = (index: number, key: string) => {
    const message = problemAt(problems, `/context/${index}/${key}`);
    return message === undefined ? {} : { validateStatus: 'error' as const, help: message };
  };
  const update = (index: number, patch: Partial<ContextWindowState>, key?: string) =>
    onChange(
      windows.map((window, i) => (i === index ? { ...window, ...patch } : window)),
      key === undefined ? undefined : `context.${index}.${key}`,
    );
  const add = () => {
    const formKey = defaultFormKey || resources.forms[0]?.key || '';
    onChange([
      ...windows,
      {
        name: uniqueWindowName(
          windows.map((w) => w.name),
          formKey.split('-').pop() ?? 'records',
        ),
        formKey,
        days: 3,
      },
    ]);
  };
  return (
    <Flex vertical gap={8} data-testid="context-windows">
      <Typography.Text type="secondary">{t('rules.context.help')}</Typography.Text>
      {problemAt(problems, '/context') && (
        <Typography.Text type="danger">{problemAt(problems, '/context')}</Typography.Text>
      )}
      {windows.map((window, index) => (
        <Card
          key={index}
          size="small"
          data-testid={`context-window-${index}`}
          title={<Typography.Text code>context.{window.name || '…'}</Typography.Text>}
          extra={
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('rules.context.remove')}
              onClick={() => onChange(windows.filter((_, i) => i !== index))}
            />
          }
        >
          <Form layout="vertical" component="div">
            <Flex gap={8} wrap>
              <Form.Item
                label={t('rules.context.name')}
                style={{ flex: '1 1 140px', marginBottom: 8 }}
                {...status(index, 'name')}
              >
                <Input
                  aria-label={t('rules.context.name')}
                  value={window.name}
                  onChange={(event) => update(index, { name: event.target.value.trim() }, 'name')}
                />
              </Form.Item>
              <Form.Item
                label={t('rules.context.form')}
                style={{ flex: '2 1 200px', marginBottom: 8 }}
                {...status(index, 'formKey')}
              >
                <Select<string>
                  aria-label={t('rules.context.form')}
                  value={window.formKey || undefined}
                  showSearch={{ optionFilterProp: 'label' }}
                  options={resources.forms.map((form) => ({
                    value: form.key,
                    label: `${form.name[locale] || form.name['zh-CN']} (${form.key})`,
                  }))}
                  onChange={(formKey) => update(index, { formKey, streak: undefined })}
                />
              </Form.Item>
              <Form.Item
                label={t('rules.context.days')}
                style={{ flex: '1 1 100px', marginBottom: 8 }}
                {...status(index, 'days')}
              >
                <InputNumber
                  aria-label={t('rules.context.days')}
                  min={1}
                  max={366}
                  precision={0}
                  style={{ width: '100%' }}
                  value={window.days}
                  onChange={(days) => update(index, { days: days ?? 1 }, 'days')}
                />
              </Form.Item>
              <Form.Item
                label={t('rules.context.limit')}
                style={{ flex: '1 1 100px', marginBottom: 8 }}
                {...status(index, 'limit')}
              >
                <InputNumber
                  aria-label={t('rules.context.limit')}
                  min={1}
                  max={500}
                  precision={0}
                  placeholder="100"
                  style={{ width: '100%' }}
                  value={window.limit ?? null}
                  onChange={(limit) => update(index, { limit: limit ?? undefined }, 'limit')}
                />
              </Form.Item>
            </Flex>
            <Form.Item
              label={t('rules.context.streak')}
              extra={t('rules.context.streakHelp')}
              style={{ marginBottom: 0 }}
            >
              <ConditionBuilder
                key={`${window.formKey}:${resources.fieldsOf(window.formKey).length}`}
                testId={`streak-${index}`}
                value={window.streak}
                fields={resources.fieldsOf(window.formKey)}
                locale={locale}
                onChange={(streak) => update(index, { streak })}
              />
            </Form.Item>
          </Form>
        </Card>
      ))}
      {windows.length < MAX_WINDOWS && (
        <Button
          icon={<PlusOutlined />}
          onClick={add}
          style={{ alignSelf: 'flex-start' }}
          data-testid="add-context"
        >
          {t('rules.context.add')}
        </Button>
      )}
    </Flex>
  );
}
