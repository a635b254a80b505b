import { useState } from 'react';
import { Alert, Button, Checkbox, Flex, Form, Input, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Schemas } from '@careloom/api-client';
import { useI18n } from '@careloom/app-shell';
import {
  ConditionBuilder,
  type BuilderField,
  type BuilderFieldKind,
} from '../../../shared/logic-builder/index.js';
import type { DiagramElement, ElementRegistry, Moddle, Modeling } from '../utils/bpmn-model.types.js';
import { FORM_KEY_PREFIX, SERVICE_TYPES } from '../utils/bpmn-model.constants.js';
import {
  attr,
  conditionLogic,
  elementKind,
  isActivity,
  splitList,
  timerDefinition,
  timerProperty,
  timerValue,
} from '../utils/bpmn-model.util.js';
import { describeDuration, describeTimer, type TimerKind } from '../utils/iso-duration.util.js';
import { roleMatches, roleOptions, type RoleName } from '../utils/candidate-roles.util.js';
import { keyAfterRename } from '../utils/process-key.util.js';
import { CyclePicker, DurationPicker } from './DurationPicker.js';
import { FieldRightsEditor } from './FieldRightsEditor.js';
import { BoundaryEventEditor, ErrorEventEditor } from './BoundaryEventEditors.js';
import { IoParametersEditor } from './IoParametersEditor.js';
import { CallActivityEditor, CountersignEditor, MessageEventEditor } from './ProcessExtensionEditors.js';

type FormSummary = Schemas['FormSummaryDto'];

/** A process variable typed by hand, for the condition builder of gateway flows. */
export interface ProcessVariable {
  name: string;
  kind: BuilderFieldKind;
}

export interface ElementPropertiesProps {
  element: DiagramElement | null;
  /** Changes whenever the diagram changes, so values are re-read from the business object. */
  revision: number;
  service: <T>(name: string) => T;
  forms: readonly FormSummary[];
  variables: readonly ProcessVariable[];
  onVariablesChange: (variables: ProcessVariable[]) => void;
  /** The roles tasks can be offered to (`GET /api/roles`); undefined until read. */
  roles?: readonly RoleName[];
  /**
   * True once the process key was typed by hand (or came with an opened or deployed diagram): until then a new
   * name suggests the key (`Fall incident` → `fall-incident`).
   */
  keyTypedByHand?: boolean;
  onKeyTyped?: () => void;
}

const VARIABLE_KINDS: readonly BuilderFieldKind[] = ['text', 'number', 'boolean', 'date'];

/** A short reading of a due / follow-up value: "3 天后" for durations, the text itself otherwise. */
function DurationPreview({ value }: { value: string }) {
  const { t, locale } = useI18n();
  if (value.trim() === '') {
    return null;
  }
  const text = describeDuration(value, locale) ?? describeTimer('date', value, locale);
  return (
    <Typography.Text type={text ? 'secondary' : 'warning'}>
      {text ?? t('pe.props.unreadable')}
    </Typography.Text>
  );
}

/** The JSON of `careloom:parameters`, edited as text and written when it parses to an object. */
function ParametersEditor({
  value,
  onCommit,
}: {
  value: string;
  onCommit: (text: string | undefined) => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(value);
  const [invalid, setInvalid] = useState(false);
  return (
    <Form.Item
      label={t('pe.props.parameters')}
      validateStatus={invalid ? 'error' : undefined}
      help={invalid ? t('pe.props.parametersInvalid') : undefined}
    >
      <Input.TextArea
        aria-label={t('pe.props.parameters')}
        autoSize={{ minRows: 3, maxRows: 10 }}
        value={draft}
        style={{ fontFamily: 'monospace' }}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => {
          if (draft.trim() === '') {
            setInvalid(false);
            onCommit(undefined);
            return;
          }
          try {
            const parsed: unknown = JSON.parse(draft);
            const ok = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
            setInvalid(!ok);
            if (ok) {
              onCommit(JSON.stringify(parsed));
            }
          } catch {
            setInvalid(true);
          }
        }}
      />
    </Form.Item>
  );
}

function VariablesEditor({
  variables,
  onChange,
}: {
  variables: readonly ProcessVariable[];
  onChange: (variables: ProcessVariable[]) => void;
}) {
  const { t } = useI18n();
  const update = (index: number, patch: Partial<ProcessVariable>) =>
    onChange(variables.map((variable, i) => (i === index ? { ...variable, ...patch } : variable)));
  return (
    <Flex vertical gap={6} data-testid="process-variables">
      <Typography.Text strong>{t('pe.props.variables')}</Typography.Text>
      {variables.map((variable, index) => (
        <Flex key={index} gap={6}>
          <Input
            aria-label={t('pe.props.variableName')}
            value={variable.name}
            onChange={(event) => update(index, { name: event.target.value.trim() })}
          />
          <Select<BuilderFieldKind>
            aria-label={t('pe.props.type')}
            value={variable.kind}
            style={{ width: 110 }}
            options={VARIABLE_KINDS.map((kind) => ({ value: kind, label: kind }))}
            onChange={(kind) => update(index, { kind })}
          />
          <Button
            icon={<DeleteOutlined />}
            aria-label="delete"
            onClick={() => onChange(variables.filter((_, i) => i !== index))}
          />
        </Flex>
      ))}
      <Button
        size="small"
        icon={<PlusOutlined />}
        onClick={() => onChange([...variables, { name: `var${variables.length + 1}`, kind: 'text' }])}
      >
        {t('pe.props.addVariable')}
      </Button>
    </Flex>
  );
}

/** The properties panel next to the modeler: edits the selected element through the modeling API (undoable). */
export function ElementProperties({
  element,
  revision,
  service,
  forms,
  variables,
  onVariablesChange,
  roles,
  keyTypedByHand = true,
  onKeyTyped,
}: ElementPropertiesProps) {
  const { t, locale } = useI18n();
  if (!element) {
    return <Typography.Text type="secondary">{t('pe.props.empty')}</Typography.Text>;
  }
  const bo = element.businessObject;
  const kind = elementKind(element);
  // looked up when an edit happens, not while rendering: bpmn-js is re-created when the layout switches
  // between the read-only viewer (no modeling service) and the modeler, and a render can fall in between
  const modeling = () => service<Modeling>('modeling');
  const moddle = service<Moddle>('moddle');
  const update = (properties: Record<string, unknown>) => modeling().updateProperties(element, properties);
  const setAttr = (name: string, value: string) =>
    update({ [name]: value.trim() === '' ? undefined : value });

  const formKey = attr(bo, 'camunda:formKey');
  const formOptions = forms.map((form) => ({
    value: `${FORM_KEY_PREFIX}${form.key}`,
    label: form.name[locale],
  }));
  if (formKey !== '' && !formOptions.some((option) => option.value === formKey)) {
    formOptions.push({ value: formKey, label: formKey });
  }
  const chosenForm = forms.find((form) => `${FORM_KEY_PREFIX}${form.key}` === formKey);
  const timer = timerDefinition(bo);
  const currentTimer = timer ? timerValue(timer) : undefined;
  const writeTimer = (timerKind: TimerKind, value: string) => {
    if (!timer) {
      return;
    }
    modeling().updateModdleProperties(element, timer, {
      timeDuration: undefined,
      timeDate: undefined,
      timeCycle: undefined,
      [timerProperty(timerKind)]: moddle.create('bpmn:FormalExpression', { body: value }),
    });
  };
  const fields: BuilderField[] = variables
    .filter((variable) => variable.name !== '')
    .map((variable) => ({
      path: variable.name,
      label: { 'zh-CN': variable.name, en: variable.name },
      kind: variable.kind,
    }));
  const logic = conditionLogic(bo.conditionExpression?.body);
  const gateway = bo.sourceRef?.id
    ? service<ElementRegistry>('elementRegistry').get(bo.sourceRef.id)
    : undefined;

  return (
    // the process keeps its form while a new name renames its key (a new key would remount the name input)
    <Form
      layout="vertical"
      size="small"
      data-testid="element-properties"
      key={kind === 'process' ? 'process' : element.id}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('pe.props.type')}: {bo.$type.replace('bpmn:', '')} · {t('pe.props.id')}:{' '}
        <Typography.Text code>{bo.id}</Typography.Text>
      </Typography.Paragraph>
      {kind === 'process' && (
        <Form.Item label={t('pe.props.id')}>
          <Input
            aria-label={t('pe.props.id')}
            defaultValue={bo.id}
            key={`${bo.id}-${revision}`}
            onBlur={(event) => {
              const id = event.target.value.trim();
              if (/^[A-Za-z_][\w.-]*$/.test(id) && id !== bo.id) {
                onKeyTyped?.();
                update({ id });
              }
            }}
          />
        </Form.Item>
      )}
      <Form.Item label={t('pe.props.name')}>
        <Input
          aria-label={t('pe.props.name')}
          value={bo.name ?? ''}
          onChange={(e) => {
            const name = e.target.value;
            const id = kind === 'process' ? keyAfterRename(name, bo.id ?? '', keyTypedByHand) : null;
            update(id === null ? { name } : { name, id });
          }}
        />
      </Form.Item>

      {kind === 'user-task' && (
        <>
          <Form.Item label={t('pe.props.form')}>
            <Select
              aria-label={t('pe.props.form')}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('pe.props.formNone')}
              value={formKey === '' ? undefined : formKey}
              options={formOptions}
              onChange={(value?: string) => setAttr('camunda:formKey', value ?? '')}
            />
          </Form.Item>
          <Form.Item label={t('pe.props.assignee')} extra={t('pe.props.assigneeHelp')}>
            <Input
              aria-label={t('pe.props.assignee')}
              value={attr(bo, 'camunda:assignee')}
              onChange={(e) => setAttr('camunda:assignee', e.target.value)}
            />
          </Form.Item>
          <Form.Item label={t('pe.props.candidateGroups')}>
            <Select
              aria-label={t('pe.props.candidateGroups')}
              mode="tags"
              value={splitList(attr(bo, 'camunda:candidateGroups'))}
              options={roleOptions(roles, locale, splitList(attr(bo, 'camunda:candidateGroups')))}
              showSearch={{ filterOption: (typed, option) => roleMatches(typed, option) }}
              onChange={(roles: string[]) => setAttr('camunda:candidateGroups', roles.join(','))}
            />
          </Form.Item>
          <Form.Item label={t('pe.props.candidateUsers')}>
            <Input
              aria-label={t('pe.props.candidateUsers')}
              value={attr(bo, 'camunda:candidateUsers')}
              onChange={(e) => setAttr('camunda:candidateUsers', e.target.value)}
            />
          </Form.Item>
          {(['dueDate', 'followUpDate'] as const).map((name) => (
            <Form.Item
              key={name}
              label={t(`pe.props.${name}`)}
              extra={<DurationPreview value={attr(bo, `camunda:${name}`)} />}
            >
              <Flex vertical gap={6}>
                <DurationPicker
                  key={`${element.id}-${name}`}
                  value={attr(bo, `camunda:${name}`)}
                  onChange={(text) => setAttr(`camunda:${name}`, text)}
                  businessTime
                  amountLabel={t(`pe.pick.${name}Amount`)}
                  unitLabel={t(`pe.pick.${name}Unit`)}
                />
                <Input
                  aria-label={t('pe.pick.advanced', { what: t(`pe.props.${name}`) })}
                  prefix={<Typography.Text type="secondary">{t('pe.pick.advancedPrefix')}</Typography.Text>}
                  placeholder={t('pe.props.durationHelp')}
                  value={attr(bo, `camunda:${name}`)}
                  onChange={(e) => setAttr(`camunda:${name}`, e.target.value)}
                />
              </Flex>
            </Form.Item>
          ))}
          <CountersignEditor key={`${element.id}-countersign`} element={element} service={service} />
          {chosenForm && (
            <FieldRightsEditor
              key={`${element.id}-rights-${chosenForm.id}`}
              form={chosenForm}
              value={attr(bo, 'careloom:fieldRights')}
              onChange={(text) => update({ 'careloom:fieldRights': text })}
            />
          )}
        </>
      )}

      {kind === 'timer-event' && currentTimer && (
        <>
          <Form.Item label={t('pe.props.timerType')}>
            <Select<TimerKind>
              aria-label={t('pe.props.timerType')}
              value={currentTimer.kind}
              options={(['duration', 'date', 'cycle'] as const).map((value) => ({
                value,
                label: t(`pe.props.timer.${value}`),
              }))}
              onChange={(value) => writeTimer(value, currentTimer.value)}
            />
          </Form.Item>
          <Form.Item
            label={t('pe.props.timerValue')}
            extra={
              currentTimer.value.trim() === '' ? undefined : (
                <span data-testid="timer-preview">
                  {describeTimer(currentTimer.kind, currentTimer.value, locale) ?? t('pe.props.unreadable')}
                </span>
              )
            }
          >
            <Flex vertical gap={6}>
              {currentTimer.kind === 'duration' && (
                <DurationPicker
                  key={`${element.id}-duration`}
                  value={currentTimer.value}
                  onChange={(text) => writeTimer('duration', text)}
                  businessTime
                  amountLabel={t('pe.pick.timerAmount')}
                  unitLabel={t('pe.pick.timerUnit')}
                  defaultUnit="minutes"
                />
              )}
              {currentTimer.kind === 'cycle' && (
                <CyclePicker
                  key={`${element.id}-cycle`}
                  value={currentTimer.value}
                  onChange={(text) => writeTimer('cycle', text)}
                />
              )}
              <Input
                aria-label={
                  currentTimer.kind === 'date'
                    ? t('pe.props.timerValue')
                    : t('pe.pick.advanced', { what: t('pe.props.timerValue') })
                }
                prefix={
                  currentTimer.kind === 'date' ? undefined : (
                    <Typography.Text type="secondary">{t('pe.pick.advancedPrefix')}</Typography.Text>
                  )
                }
                value={currentTimer.value}
                placeholder={
                  currentTimer.kind === 'cycle'
                    ? 'R4/P7D'
                    : currentTimer.kind === 'date'
                      ? '2026-03-04'
                      : 'PT30M'
                }
                onChange={(e) => writeTimer(currentTimer.kind, e.target.value)}
              />
            </Flex>
          </Form.Item>
        </>
      )}

      {kind === 'message-event' && (
        <MessageEventEditor
          key={`${element.id}-message`}
          element={element}
          service={service}
          revision={revision}
        />
      )}

      {kind === 'error-event' && (
        <ErrorEventEditor key={`${element.id}-error`} element={element} service={service} />
      )}

      {bo.$type === 'bpmn:BoundaryEvent' && (
        <BoundaryEventEditor key={`${element.id}-boundary`} element={element} service={service} />
      )}

      {kind === 'call-activity' && (
        <CallActivityEditor key={`${element.id}-call`} element={element} service={service} />
      )}

      {kind === 'service-task' && (
        <>
          <Form.Item label={t('pe.props.serviceType')}>
            <Select
              aria-label={t('pe.props.serviceType')}
              value={attr(bo, 'careloom:serviceType') || undefined}
              options={SERVICE_TYPES.map((type) => ({ value: type, label: type }))}
              onChange={(value: string) => setAttr('careloom:serviceType', value)}
            />
          </Form.Item>
          <ParametersEditor
            key={`${element.id}-params`}
            value={attr(bo, 'careloom:parameters')}
            onCommit={(text) => update({ 'careloom:parameters': text })}
          />
        </>
      )}

      {isActivity(bo) && <IoParametersEditor key={`${element.id}-io`} element={element} service={service} />}

      {kind === 'conditional-flow' && (
        <Flex vertical gap={12}>
          {gateway && (
            <Checkbox
              checked={gateway.businessObject.default === bo}
              onChange={(event) =>
                modeling().updateProperties(gateway, { default: event.target.checked ? bo : undefined })
              }
            >
              {t('pe.props.default')}
            </Checkbox>
          )}
          {gateway?.businessObject.default !== bo && (
            <>
              <VariablesEditor variables={variables} onChange={onVariablesChange} />
              <Typography.Text strong>{t('pe.props.condition')}</Typography.Text>
              {logic === null && (
                <Alert
                  type="warning"
                  showIcon
                  title={t('pe.props.conditionRaw', { body: bo.conditionExpression?.body ?? '' })}
                />
              )}
              <ConditionBuilder
                key={`${element.id}`}
                value={logic ?? undefined}
                fields={fields}
                locale={locale}
                testId="flow-condition"
                onChange={(next) =>
                  update({
                    conditionExpression:
                      next === undefined || next === null
                        ? undefined
                        : moddle.create('bpmn:FormalExpression', { body: JSON.stringify(next) }),
                  })
                }
              />
            </>
          )}
        </Flex>
      )}
    </Form>
  );
}
