import { useMemo, useState } from 'react';
import { Alert, Flex, Form, Input, Select, Typography } from 'antd';
import { useI18n } from '@careloom/app-shell';
import type { RuleResources } from '../hooks/useRuleResources.js';
import { formatInZone, isCronProblem, nextCronTimes, parseCron } from '../utils/cron.util.js';
import { problemAt, type FieldProblem } from '../utils/explanation.util.js';
import { newTrigger } from '../utils/rule-state.util.js';
import {
  DATE_FIELD_EVERY,
  DEFAULT_SCHEDULE_STATUSES,
  PROCESS_END_STATUSES,
  RESIDENT_STATUSES,
  TRIGGER_TYPES,
  type RuleTrigger,
  type TriggerType,
} from '../utils/rule.types.js';
import { describeTrigger } from '../utils/trigger-summary.util.js';

interface TriggerEditorProps {
  trigger: RuleTrigger;
  resources: RuleResources;
  problems: readonly FieldProblem[];
  onChange: (trigger: RuleTrigger, key?: string) => void;
}

const TIME_ZONES = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Tokyo', 'UTC'];

/** Picks the trigger type and the inputs that type needs, with the trigger as a sentence. */
export function TriggerEditor({ trigger, resources, problems, onChange }: TriggerEditorProps) {
  const { t, locale } = useI18n();
  const status = (pointer: string) => {
    const message = problemAt(problems, `/trigger${pointer}`);
    return message === undefined ? {} : { validateStatus: 'error' as const, help: message };
  };
  const formOptions = resources.forms.map((form) => ({
    value: form.key,
    label: `${form.name[locale] || form.name['zh-CN']} (${form.key})`,
  }));
  const processOptions = resources.processes.map((process) => ({
    value: process.key,
    label: `${process.name || process.key} (${process.key})`,
  }));
  const names = {
    form: (key: string) => resources.forms.find((form) => form.key === key)?.name,
    field: (formKey: string, path: string) =>
      resources.fieldsOf(formKey).find((field) => field.path === path)?.label,
  };
  const [openedAt] = useState(() => Date.now());
  const preview = useMemo(() => {
    if (trigger.type !== 'schedule') {
      return null;
    }
    const parsed = parseCron(trigger.cron);
    if (isCronProblem(parsed)) {
      return { problem: t(`rules.cron.problem.${parsed.field}`, { text: parsed.text }) };
    }
    const zone = trigger.timeZone ?? 'Asia/Shanghai';
    return { times: nextCronTimes(parsed, zone, openedAt, 3).map((at) => formatInZone(at, zone)) };
  }, [trigger, t, openedAt]);

  return (
    <Form layout="vertical" component="div" data-testid="trigger-editor">
      <Form.Item label={t('rules.trigger.type')} {...status('/type')}>
        <Select<TriggerType>
          aria-label={t('rules.trigger.type')}
          value={trigger.type}
          options={TRIGGER_TYPES.map((type) => ({ value: type, label: t(`rules.trigger.${type}`) }))}
          onChange={(type) => onChange(newTrigger(type, trigger))}
        />
      </Form.Item>
      {'formKey' in trigger && (
        <Form.Item label={t('rules.trigger.form')} {...status('/formKey')}>
          <Select<string>
            aria-label={t('rules.trigger.form')}
            value={trigger.formKey || undefined}
            showSearch={{ optionFilterProp: 'label' }}
            options={formOptions}
            placeholder={t('rules.trigger.formPlaceholder')}
            onChange={(formKey) => onChange({ ...trigger, formKey })}
          />
        </Form.Item>
      )}
      {trigger.type === 'date-field' && (
        <>
          <Form.Item label={t('rules.trigger.dateField')} {...status('/field')}>
            <Select<string>
              aria-label={t('rules.trigger.dateField')}
              value={trigger.field || undefined}
              options={resources
                .fieldsOf(trigger.formKey)
                .filter((field) => field.kind === 'date')
                .map((field) => ({ value: field.path, label: field.label[locale] }))}
              notFoundContent={t('rules.trigger.noDateFields')}
              onChange={(field) => onChange({ ...trigger, field })}
            />
          </Form.Item>
          <Form.Item
            label={t('rules.trigger.offsets')}
            extra={t('rules.trigger.offsetsHelp')}
            {...status('/offsetsDays')}
          >
            <Select<string[]>
              mode="tags"
              aria-label={t('rules.trigger.offsets')}
              value={(trigger.offsetsDays ?? []).map(String)}
              tokenSeparators={[',', '，', ' ']}
              open={false}
              suffixIcon={null}
              onChange={(values) => {
                const { offsetsDays: _old, ...rest } = trigger;
                const offsetsDays = [...new Set(values.map(Number).filter(Number.isInteger))].sort(
                  (a, b) => a - b,
                );
                onChange(offsetsDays.length > 0 ? { ...rest, offsetsDays } : rest);
              }}
            />
          </Form.Item>
          <Flex gap={8} wrap>
            <Form.Item label={t('rules.trigger.every')} style={{ flex: '2 1 180px' }} {...status('/every')}>
              <Select<string>
                allowClear
                aria-label={t('rules.trigger.every')}
                placeholder={t('rules.trigger.every.none')}
                value={trigger.every}
                options={[
                  ...DATE_FIELD_EVERY.map((every) => ({
                    value: every,
                    label: t(`rules.trigger.every.${every}`),
                  })),
                  ...(trigger.every && !(DATE_FIELD_EVERY as readonly string[]).includes(trigger.every)
                    ? [{ value: trigger.every, label: trigger.every }]
                    : []),
                ]}
                onChange={(every) => {
                  const { every: _old, ...rest } = trigger;
                  onChange(every ? { ...rest, every } : rest);
                }}
              />
            </Form.Item>
            <Form.Item label={t('rules.trigger.at')} style={{ flex: '1 1 120px' }} {...status('/at')}>
              <Input
                type="time"
                aria-label={t('rules.trigger.at')}
                value={trigger.at ?? '09:00'}
                onChange={(event) => {
                  const { at: _old, ...rest } = trigger;
                  onChange(event.target.value ? { ...rest, at: event.target.value } : rest, 'at');
                }}
              />
            </Form.Item>
          </Flex>
        </>
      )}
      {trigger.type === 'resident.status-changed' && (
        <Form.Item label={t('rules.trigger.toStatus')} {...status('/to')}>
          <Select<string>
            allowClear
            aria-label={t('rules.trigger.toStatus')}
            placeholder={t('rules.trigger.anyStatus')}
            value={trigger.to}
            options={RESIDENT_STATUSES.map((s) => ({ value: s, label: t(`rules.status.${s}`) }))}
            onChange={(to) => onChange({ type: trigger.type, ...(to ? { to } : {}) })}
          />
        </Form.Item>
      )}
      {(trigger.type === 'task.completed' ||
        trigger.type === 'task.overdue' ||
        trigger.type === 'process.ended') && (
        <Form.Item label={t('rules.trigger.process')} {...status('/processKey')}>
          <Select<string>
            allowClear
            aria-label={t('rules.trigger.process')}
            placeholder={t('rules.trigger.anyProcess')}
            value={trigger.processKey}
            showSearch={{ optionFilterProp: 'label' }}
            options={processOptions}
            onChange={(processKey) => {
              const { processKey: _p, ...rest } = trigger as RuleTrigger & {
                processKey?: string;
                elementId?: string;
              };
              const { elementId: _e, ...base } = rest;
              onChange({ ...base, ...(processKey ? { processKey } : {}) });
            }}
          />
        </Form.Item>
      )}
      {(trigger.type === 'task.completed' || trigger.type === 'task.overdue') && (
        <Form.Item label={t('rules.trigger.element')} {...status('/elementId')}>
          <Select<string>
            allowClear
            aria-label={t('rules.trigger.element')}
            placeholder={t('rules.trigger.anyElement')}
            disabled={!trigger.processKey}
            value={trigger.elementId}
            options={resources.tasksOf(trigger.processKey ?? '').map((task) => ({
              value: task.id,
              label: task.name ? `${task.name} (${task.id})` : task.id,
            }))}
            onChange={(elementId) => {
              const { elementId: _e, ...rest } = trigger;
              onChange({ ...rest, ...(elementId ? { elementId } : {}) });
            }}
          />
        </Form.Item>
      )}
      {trigger.type === 'process.ended' && (
        <Form.Item label={t('rules.trigger.endStatus')} {...status('/status')}>
          <Select<string>
            allowClear
            aria-label={t('rules.trigger.endStatus')}
            placeholder={t('rules.trigger.anyEnd')}
            value={trigger.status}
            options={PROCESS_END_STATUSES.map((s) => ({ value: s, label: t(`rules.processStatus.${s}`) }))}
            onChange={(endStatus) => {
              const { status: _s, ...rest } = trigger;
              onChange({ ...rest, ...(endStatus ? { status: endStatus } : {}) });
            }}
          />
        </Form.Item>
      )}
      {trigger.type === 'schedule' && (
        <>
          <Form.Item label={t('rules.trigger.cron')} extra={t('rules.trigger.cronHelp')} {...status('/cron')}>
            <Input
              aria-label={t('rules.trigger.cron')}
              value={trigger.cron}
              style={{ fontFamily: 'monospace' }}
              onChange={(event) => onChange({ ...trigger, cron: event.target.value }, 'cron')}
            />
          </Form.Item>
          <Form.Item label={t('rules.trigger.timeZone')} {...status('/timeZone')}>
            <Select<string>
              aria-label={t('rules.trigger.timeZone')}
              value={trigger.timeZone ?? 'Asia/Shanghai'}
              options={TIME_ZONES.map((zone) => ({ value: zone, label: zone }))}
              onChange={(timeZone) => onChange({ ...trigger, timeZone })}
            />
          </Form.Item>
          <Form.Item
            label={t('rules.trigger.residentStatus')}
            extra={t('rules.trigger.residentStatusHelp')}
            {...status('/residentStatus')}
          >
            <Select<string[]>
              mode="multiple"
              aria-label={t('rules.trigger.residentStatus')}
              value={trigger.residentStatus ?? [...DEFAULT_SCHEDULE_STATUSES]}
              options={RESIDENT_STATUSES.map((s) => ({ value: s, label: t(`rules.status.${s}`) }))}
              onChange={(residentStatus) => {
                const { residentStatus: _old, ...rest } = trigger;
                onChange(residentStatus.length > 0 ? { ...rest, residentStatus } : rest);
              }}
            />
          </Form.Item>
          {preview && 'problem' in preview ? (
            <Alert type="warning" showIcon title={preview.problem} />
          ) : (
            preview && (
              <Typography.Paragraph type="secondary" data-testid="cron-preview">
                {preview.times.length > 0
                  ? t('rules.trigger.nextTimes', { times: preview.times.join('，') })
                  : t('rules.trigger.never')}
              </Typography.Paragraph>
            )
          )}
        </>
      )}
      <Typography.Text strong data-testid="trigger-sentence">
        {describeTrigger(trigger, locale, names)}
      </Typography.Text>
    </Form>
  );
}
