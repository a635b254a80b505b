import { useCallback } from 'react';
import {
  AutoComplete,
  Button,
  Checkbox,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { unwrap } from '@careloom/api-client';
import { useApi, useI18n, useLoader } from '@careloom/app-shell';
import type {
  CommandStack,
  DiagramElement,
  ElementRegistry,
  Moddle,
  ModdleElement,
  Modeling,
} from '../utils/bpmn-model.types.js';
import { CAMUNDA_NS } from '../utils/bpmn-model.constants.js';
import { attr } from '../utils/bpmn-model.util.js';
import { addRootAndRefer, replaceExtensionValues } from '../utils/extension-elements.util.js';
import {
  callMappingsKey,
  extensionValuesOf,
  knownTotal,
  loopProblems,
  loopSentence,
  loopSourceKind,
  mappingsToWrite,
  messageDefinition,
  messagesOf,
  otherExtensionValues,
  planMessage,
  readCallMappings,
  readCountersign,
  readSigners,
  writeCountersign,
  writeSigners,
  type CallMapping,
  type CallMappings,
  type CountersignChoice,
  type CountersignModeName,
  type LoopSourceKind,
  type Signers,
} from '../utils/process-panel.util.js';
import { useModelDraft } from '../hooks/useModelDraft.js';
import { ProblemText } from './IoParametersEditor.js';

interface EditorProps {
  element: DiagramElement;
  service: <T>(name: string) => T;
}

const MODES: readonly CountersignModeName[] = ['all', 'any', 'sequential', 'percent'];

/** 会签 / multi-instance of a user task: `bpmn:multiInstanceLoopCharacteristics` as the engine reads it. */
export function CountersignEditor({ element, service }: EditorProps) {
  const { t, locale } = useI18n();
  const bo = element.businessObject;
  const loop =
    bo.loopCharacteristics?.$type === 'bpmn:MultiInstanceLoopCharacteristics'
      ? bo.loopCharacteristics
      : undefined;
  const modeling = () => service<Modeling>('modeling');
  const collection = loop ? attr(loop, 'camunda:collection') : '';
  const cardinalityElement = loop?.get('loopCardinality') as ModdleElement | undefined;
  const cardinality = cardinalityElement?.body ?? '';
  const modelKind = loopSourceKind(collection, cardinality) ?? 'variable';
  // the radio may point at a source not written yet; undo / redo show the model's source again
  const { draft: sourceKind, edit: setSourceKind } = useModelDraft<LoopSourceKind>(modelKind, String);
  const signers = readSigners(collection);
  const choice = loop ? readCountersign(attr(loop, 'careloom:countersign')) : null;
  const hasCompletion = loop?.get('completionCondition') !== undefined;

  const setLoop = (properties: Record<string, unknown>) => {
    if (loop) {
      modeling().updateModdleProperties(element, loop, properties);
    }
  };
  const writeChoice = (next: CountersignChoice | undefined) =>
    setLoop(
      next === undefined
        ? { 'careloom:countersign': undefined }
        : {
            'careloom:countersign': writeCountersign(next),
            isSequential: next.mode === 'sequential',
            // the engine refuses a countersign next to a completion condition
            completionCondition: undefined,
          },
    );
  const writeCollection = (next: Signers) => {
    const text = writeSigners(next);
    setLoop({ 'camunda:collection': text === '' ? undefined : text, loopCardinality: undefined });
  };
  const writeCardinality = (text: string) =>
    setLoop({
      'camunda:collection': undefined,
      loopCardinality:
        text.trim() === ''
          ? undefined
          : service<Moddle>('moddle').create('bpmn:FormalExpression', { body: text.trim() }),
    });
  const toggle = (on: boolean) => {
    if (!on) {
      modeling().updateProperties(element, { loopCharacteristics: undefined });
      return;
    }
    const created = service<Moddle>('moddle').create('bpmn:MultiInstanceLoopCharacteristics', {
      isSequential: false,
      'camunda:collection': '${signers}',
      'camunda:elementVariable': 'signer',
      'careloom:countersign': 'all',
    });
    setSourceKind('variable');
    modeling().updateProperties(element, {
      loopCharacteristics: created,
      ...(attr(bo, 'camunda:assignee') === '' ? { 'camunda:assignee': '${signer}' } : {}),
    });
  };
  const sentence = loop ? loopSentence(choice, hasCompletion, knownTotal(collection, cardinality)) : null;
  const problems = loop
    ? loopProblems(
        {
          collection,
          cardinality,
          elementVariable: attr(loop, 'camunda:elementVariable'),
          outputCollection: attr(loop, 'careloom:outputCollection'),
          assignee: attr(bo, 'camunda:assignee'),
        },
        locale,
      )
    : [];
  const shownKind = signers.kind === 'expression' && collection !== '' ? 'expression' : sourceKind;

  return (
    <Flex vertical gap={8} data-testid="countersign" style={{ marginBottom: 16 }}>
      <Checkbox checked={loop !== undefined} onChange={(event) => toggle(event.target.checked)}>
        {t('pe.sign.enable')}
      </Checkbox>
      {loop && (
        <>
          <Form.Item
            label={t('pe.sign.signers')}
            extra={t('pe.sign.signersHelp')}
            style={{ marginBottom: 8 }}
          >
            <Radio.Group
              value={shownKind}
              onChange={(event) => setSourceKind(event.target.value as LoopSourceKind)}
              options={[
                { value: 'variable', label: t('pe.sign.fromVariable') },
                { value: 'users', label: t('pe.sign.fromUsers') },
                { value: 'count', label: t('pe.mi.fromCount') },
              ]}
              aria-label={t('pe.sign.signers')}
            />
            {shownKind === 'expression' ? (
              <Input
                aria-label={t('pe.sign.collection')}
                value={collection}
                onChange={(event) => writeCollection({ kind: 'expression', text: event.target.value })}
              />
            ) : shownKind === 'users' ? (
              <Select
                aria-label={t('pe.sign.users')}
                mode="tags"
                style={{ width: '100%', marginTop: 6 }}
                placeholder={t('pe.sign.usersPlaceholder')}
                value={signers.kind === 'users' ? signers.users : []}
                onChange={(users: string[]) => writeCollection({ kind: 'users', users })}
              />
            ) : shownKind === 'count' ? (
              <Input
                aria-label={t('pe.mi.count')}
                style={{ marginTop: 6 }}
                placeholder={t('pe.mi.countPlaceholder')}
                value={modelKind === 'count' ? cardinality : ''}
                onChange={(event) => writeCardinality(event.target.value)}
              />
            ) : (
              <Input
                aria-label={t('pe.sign.variable')}
                style={{ marginTop: 6 }}
                addonBefore="${"
                addonAfter="}"
                value={signers.kind === 'variable' && modelKind !== 'count' ? signers.name : ''}
                onChange={(event) => writeCollection({ kind: 'variable', name: event.target.value })}
              />
            )}
          </Form.Item>
          {shownKind !== 'count' && (
            <Form.Item label={t('pe.sign.elementVariable')} extra={t('pe.sign.elementVariableHelp')}>
              <Input
                aria-label={t('pe.sign.elementVariable')}
                value={attr(loop, 'camunda:elementVariable')}
                onChange={(event) =>
                  setLoop({ 'camunda:elementVariable': event.target.value.trim() || undefined })
                }
              />
            </Form.Item>
          )}
          <Form.Item label={t('pe.sign.mode')}>
            <Flex gap={8} wrap>
              <Select<CountersignModeName>
                aria-label={t('pe.sign.mode')}
                style={{ minWidth: 160, flex: 1 }}
                value={choice?.mode}
                allowClear
                placeholder={t(hasCompletion ? 'pe.sign.modeNone' : 'pe.mi.modeAllDone')}
                options={MODES.map((mode) => ({ value: mode, label: t(`pe.sign.mode.${mode}`) }))}
                onChange={(mode?: CountersignModeName) =>
                  writeChoice(
                    mode === undefined
                      ? undefined
                      : mode === 'percent'
                        ? { mode, percent: choice?.mode === 'percent' ? choice.percent : 60 }
                        : { mode },
                  )
                }
              />
              {choice?.mode === 'percent' && (
                <InputNumber<number>
                  aria-label={t('pe.sign.percent')}
                  min={1}
                  max={100}
                  suffix="%"
                  value={choice.percent}
                  onChange={(percent) => {
                    if (typeof percent === 'number') {
                      writeChoice({ mode: 'percent', percent });
                    }
                  }}
                />
              )}
            </Flex>
          </Form.Item>
          {hasCompletion && !choice && (
            <Typography.Text type="secondary">{t('pe.sign.completionCondition')}</Typography.Text>
          )}
          {sentence && (
            <Typography.Text data-testid="countersign-preview" type="secondary">
              {t(sentence.key, sentence.params)}
            </Typography.Text>
          )}
          <Form.Item label={t('pe.mi.outputCollection')} extra={t('pe.mi.outputCollectionHelp')}>
            <Input
              aria-label={t('pe.mi.outputCollection')}
              placeholder="reviews"
              value={attr(loop, 'careloom:outputCollection')}
              onChange={(event) =>
                setLoop({ 'careloom:outputCollection': event.target.value.trim() || undefined })
              }
            />
          </Form.Item>
          {problems.map((problem) => (
            <ProblemText key={problem.key} problem={problem} testId="loop-problem" />
          ))}
        </>
      )}
    </Flex>
  );
}

/** Message start / intermediate catch / boundary events: the message name and the correlation key. */
export function MessageEventEditor({ element, service, revision }: EditorProps & { revision: number }) {
  const { t } = useI18n();
  const bo = element.businessObject;
  const definition = messageDefinition(bo);
  const definitions = service<{ getDefinitions: () => ModdleElement }>('bpmnjs').getDefinitions();
  const messages = messagesOf(definitions);
  const current = definition?.messageRef;
  // undo / redo (or another event renaming the shared message) shows the model's name again
  const { draft, edit: setDraft } = useModelDraft(current?.name ?? '', String);

  if (!definition) {
    return null;
  }
  const commit = (name: string) => {
    const uses = service<ElementRegistry>('elementRegistry')
      .getAll()
      .filter((shape) =>
        shape.businessObject.eventDefinitions?.some((item) => current && item.messageRef === current),
      ).length;
    const plan = planMessage(name, current, messages, uses);
    const modeling = service<Modeling>('modeling');
    switch (plan.action) {
      case 'clear':
        modeling.updateModdleProperties(element, definition, { messageRef: undefined });
        return;
      case 'use':
        modeling.updateModdleProperties(element, definition, { messageRef: plan.message });
        return;
      case 'rename':
        modeling.updateModdleProperties(element, plan.message, { name: name.trim() });
        return;
      case 'create': {
        const message = service<Moddle>('moddle').create('bpmn:Message', { id: plan.id, name: name.trim() });
        addRootAndRefer(
          element,
          service<CommandStack>('commandStack'),
          definitions,
          message,
          definition,
          'messageRef',
        );
        return;
      }
      case 'none':
        return;
    }
  };
  const correlated = bo.$type === 'bpmn:IntermediateCatchEvent' || bo.$type === 'bpmn:BoundaryEvent';

  return (
    <>
      <Form.Item label={t('pe.msg.name')} extra={t('pe.msg.nameHelp')}>
        <AutoComplete
          key={`${element.id}-${revision}`}
          aria-label={t('pe.msg.name')}
          value={draft}
          options={messages
            .map((message) => message.name ?? '')
            .filter((name) => name !== '')
            .map((name) => ({ value: name }))}
          onChange={(value: string) => setDraft(value)}
          onSelect={(value: string) => {
            setDraft(value);
            commit(value);
          }}
          onBlur={() => commit(draft)}
        />
      </Form.Item>
      {correlated && (
        <Form.Item label={t('pe.msg.correlationKey')} extra={t('pe.msg.correlationKeyHelp')}>
          <Input
            aria-label={t('pe.msg.correlationKey')}
            placeholder="${residentId}"
            value={attr(bo, 'careloom:correlationKey')}
            onChange={(event) =>
              service<Modeling>('modeling').updateProperties(element, {
                'careloom:correlationKey': event.target.value.trim() === '' ? undefined : event.target.value,
              })
            }
          />
        </Form.Item>
      )}
    </>
  );
}

function MappingRows({
  label,
  all,
  rows,
  onChange,
}: {
  label: string;
  all: boolean;
  rows: CallMapping[];
  onChange: (all: boolean, rows: CallMapping[], commit: boolean) => void;
}) {
  const { t } = useI18n();
  const edit = (index: number, patch: Partial<CallMapping>) =>
    onChange(
      all,
      rows.map((row, i) => (i === index ? { ...row, ...patch } : row)),
      false,
    );
  return (
    <Flex vertical gap={6}>
      <Typography.Text strong>{label}</Typography.Text>
      <Checkbox checked={all} onChange={(event) => onChange(event.target.checked, rows, true)}>
        {t('pe.call.all')}
      </Checkbox>
      {rows.map((row, index) => (
        <Flex key={index} gap={6} align="center">
          <Input
            aria-label={`${label} ${t('pe.call.source')}`}
            placeholder={t('pe.call.source')}
            value={row.source}
            onChange={(event) => edit(index, { source: event.target.value })}
            onBlur={() => onChange(all, rows, true)}
          />
          <span aria-hidden>→</span>
          <Input
            aria-label={`${label} ${t('pe.call.target')}`}
            placeholder={t('pe.call.target')}
            value={row.target}
            onChange={(event) => edit(index, { target: event.target.value })}
            onBlur={() => onChange(all, rows, true)}
          />
          <Button
            icon={<DeleteOutlined />}
            aria-label={t('pe.call.remove')}
            onClick={() =>
              onChange(
                all,
                rows.filter((_, i) => i !== index),
                true,
              )
            }
          />
        </Flex>
      ))}
      <Button
        size="small"
        icon={<PlusOutlined />}
        onClick={() => onChange(all, [...rows, { source: '', target: '' }], false)}
      >
        {t('pe.call.add')}
      </Button>
    </Flex>
  );
}

/** Call activity: the called process key (`calledElement`) and `camunda:in` / `camunda:out` mappings. */
export function CallActivityEditor({ element, service }: EditorProps) {
  const { t } = useI18n();
  const api = useApi();
  const bo = element.businessObject;
  const load = useCallback(async () => unwrap(await api.GET('/api/processes')), [api]);
  const { data: processes } = useLoader(load);
  // rows typed but not written yet stay; undo / redo (the model changes under them) shows the model's rows
  const {
    draft: mappings,
    edit,
    written,
  } = useModelDraft(readCallMappings(extensionValuesOf(bo)), callMappingsKey);

  const write = (next: CallMappings) => {
    written(next);
    if (callMappingsKey(next) === callMappingsKey(readCallMappings(extensionValuesOf(bo)))) {
      return;
    }
    const moddle = service<Moddle>('moddle');
    const created = mappingsToWrite(next).map(({ direction, attributes }) =>
      moddle.createAny(`camunda:${direction}`, CAMUNDA_NS, attributes),
    );
    replaceExtensionValues(
      element,
      { moddle, modeling: service<Modeling>('modeling') },
      otherExtensionValues,
      created,
    );
  };
  const change = (direction: 'in' | 'out') => (all: boolean, rows: CallMapping[], commit: boolean) => {
    const next: CallMappings = {
      ...mappings,
      [direction === 'in' ? 'inAll' : 'outAll']: all,
      [direction]: rows,
    };
    if (commit) {
      write(next);
    } else {
      edit(next);
    }
  };

  return (
    <Flex vertical gap={12} style={{ marginBottom: 16 }}>
      <Form.Item label={t('pe.call.process')} extra={t('pe.call.processHelp')} style={{ marginBottom: 0 }}>
        <AutoComplete
          aria-label={t('pe.call.process')}
          value={bo.calledElement ?? ''}
          options={(processes ?? []).map((process) => ({
            value: process.key,
            label: `${process.name} (${process.key})`,
          }))}
          filterOption={(input, option) =>
            String(option?.label ?? '')
              .toLowerCase()
              .includes(input.toLowerCase())
          }
          onChange={(value: string) =>
            service<Modeling>('modeling').updateProperties(element, {
              calledElement: value.trim() === '' ? undefined : value.trim(),
            })
          }
        />
      </Form.Item>
      <MappingRows label={t('pe.call.in')} all={mappings.inAll} rows={mappings.in} onChange={change('in')} />
      <MappingRows
        label={t('pe.call.out')}
        all={mappings.outAll}
        rows={mappings.out}
        onChange={change('out')}
      />
      {!mappings.outAll && mappings.out.length === 0 && (
        <Typography.Text type="secondary">{t('pe.call.noOut')}</Typography.Text>
      )}
    </Flex>
  );
}
