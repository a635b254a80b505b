import type { JsonLogic } from '@careloom/logic';
import type {
  BoundaryEventDefinition,
  CallMapping,
  ElementDefinition,
  FieldRightsDefinition,
  FlowDefinition,
  IoParameter,
  MultiInstanceDefinition,
  ProcessDefinition,
  TimerDefinition,
  ValueExpression,
} from './definition.types.js';
import { countersignCondition, parseCountersign } from './countersign.util.js';
import { parseCondition, parseValueExpression, logicError } from './expression.util.js';
import { parseFieldRights } from './field-rights.util.js';
import type { IssueCollector } from './issues.util.js';
import {
  elementProp,
  extensionValues,
  listProp,
  prop,
  stringProp,
  type ModdleElement,
} from './moddle.util.js';

/** Flow-element kinds the engine runs. */
const SUPPORTED = new Set([
  'bpmn:StartEvent',
  'bpmn:EndEvent',
  'bpmn:IntermediateCatchEvent',
  'bpmn:IntermediateThrowEvent',
  'bpmn:BoundaryEvent',
  'bpmn:UserTask',
  'bpmn:ServiceTask',
  'bpmn:BusinessRuleTask',
  'bpmn:Task',
  'bpmn:ExclusiveGateway',
  'bpmn:ParallelGateway',
  'bpmn:InclusiveGateway',
  'bpmn:EventBasedGateway',
  'bpmn:SubProcess',
  'bpmn:CallActivity',
  'bpmn:SequenceFlow',
]);

/** Flow elements that carry no behaviour and are skipped. */
const IGNORED = new Set(['bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference']);

export const localType = (type: string): string =>
  type.replace(/^bpmn:/, '').replace(/^./, (c) => c.toLowerCase());

interface CompileState {
  elements: Record<string, ElementDefinition>;
  flows: Record<string, FlowDefinition>;
  count: number;
}

export interface CompileLimits {
  maxElements: number;
  maxDepth: number;
}

/** Turns one bpmn:Process into a ProcessDefinition (structure only; see validate for the graph rules). */
export const compileProcess = (
  process: ModdleElement,
  issues: IssueCollector,
  limits: CompileLimits,
): ProcessDefinition => {
  const state: CompileState = { elements: {}, flows: {}, count: 0 };
  const id = stringProp(process, 'id') ?? '';
  const children = compileScope(process, null, 0, state, issues, limits);
  const startEvents: ProcessDefinition['startEvents'] = { timers: [], messages: [] };
  for (const childId of children) {
    const element = state.elements[childId];
    if (element?.type !== 'startEvent') {
      continue;
    }
    if (element.trigger.type === 'none') {
      if (startEvents.none !== undefined) {
        issues.error(
          element.id,
          'startEvent',
          'a process may have only one none start event',
          '流程只能有一个空启动事件',
        );
      }
      startEvents.none = element.id;
    } else if (element.trigger.type === 'timer') {
      startEvents.timers.push(element.id);
    } else {
      startEvents.messages.push({ name: element.trigger.messageName, elementId: element.id });
    }
  }
  return {
    schemaVersion: 1,
    id,
    name: stringProp(process, 'name') ?? id,
    isExecutable: prop(process, 'isExecutable') === true,
    elements: state.elements,
    flows: state.flows,
    startEvents,
    children,
    inclusiveSources: {},
  };
};

const compileScope = (
  scope: ModdleElement,
  parentId: string | null,
  depth: number,
  state: CompileState,
  issues: IssueCollector,
  limits: CompileLimits,
): string[] => {
  const children: string[] = [];
  for (const item of listProp(scope, 'flowElements')) {
    state.count += 1;
    if (state.count === limits.maxElements + 1) {
      issues.error(
        null,
        null,
        `the process has more than ${limits.maxElements} elements`,
        `流程元素超过 ${limits.maxElements} 个`,
      );
    }
    const id = stringProp(item, 'id') ?? '';
    const type = localType(item.$type);
    if (IGNORED.has(item.$type)) {
      continue;
    }
    if (
      !SUPPORTED.has(item.$type) ||
      (item.$type === 'bpmn:SubProcess' && prop(item, 'triggeredByEvent') === true)
    ) {
      const kind = item.$type === 'bpmn:SubProcess' ? 'event sub-process' : type;
      issues.error(id, type, `unsupported BPMN element ${kind}`, `不支持的 BPMN 元素 ${kind}`);
      continue;
    }
    if (item.$type === 'bpmn:SequenceFlow') {
      const flow = compileFlow(item, issues);
      if (flow) {
        state.flows[flow.id] = flow;
      }
      continue;
    }
    const element = compileElement(item, parentId, depth, state, issues, limits);
    if (element) {
      state.elements[element.id] = element;
      children.push(element.id);
    }
  }
  for (const flow of Object.values(state.flows)) {
    for (const [end, elementId] of [
      ['outgoing', flow.sourceId],
      ['incoming', flow.targetId],
    ] as const) {
      const element = state.elements[elementId];
      if (element && children.includes(elementId) && !element[end].includes(flow.id)) {
        element[end].push(flow.id);
      }
    }
  }
  return children;
};

const compileFlow = (item: ModdleElement, issues: IssueCollector): FlowDefinition | null => {
  const id = stringProp(item, 'id') ?? '';
  const source = elementProp(item, 'sourceRef');
  const target = elementProp(item, 'targetRef');
  if (!source || !target) {
    issues.error(
      id,
      'sequenceFlow',
      `sequence flow has a missing ${source ? 'target' : 'source'}`,
      `顺序流缺少${source ? '目标' : '来源'}`,
    );
    return null;
  }
  let condition: JsonLogic = null;
  const careloomCondition = stringProp(item, 'careloom:condition');
  const expression = elementProp(item, 'conditionExpression');
  const body = careloomCondition ?? (expression ? (stringProp(expression, 'body') ?? '') : null);
  if (body !== null) {
    const parsed = parseCondition(body);
    if (parsed.ok) {
      condition = parsed.logic;
    } else {
      issues.error(id, 'sequenceFlow', parsed.en, parsed.zh);
    }
  }
  return {
    id,
    name: stringProp(item, 'name') ?? '',
    sourceId: stringProp(source, 'id') ?? '',
    targetId: stringProp(target, 'id') ?? '',
    condition,
  };
};

const expressionOf = (
  raw: string | null,
  elementId: string,
  elementType: string,
  what: string,
  issues: IssueCollector,
): ValueExpression | null => {
  if (raw === null || raw.trim() === '') {
    return null;
  }
  const parsed = parseValueExpression(raw);
  if (!parsed.ok) {
    issues.error(elementId, elementType, `${what}: ${parsed.en}`, `${what}：${parsed.zh}`);
    return null;
  }
  return parsed.value;
};

const ioParameters = (
  item: ModdleElement,
  kind: 'inputParameters' | 'outputParameters',
  id: string,
  type: string,
  issues: IssueCollector,
): IoParameter[] => {
  const result: IoParameter[] = [];
  for (const io of extensionValues(item, 'camunda:InputOutput')) {
    for (const parameter of listProp(io, kind)) {
      const name = stringProp(parameter, 'name') ?? '';
      if (elementProp(parameter, 'definition')) {
        issues.error(
          id,
          type,
          `parameter ${name}: list/map/script definitions are not supported`,
          `参数 ${name}：不支持 list/map/script 定义`,
        );
        continue;
      }
      const value = expressionOf(stringProp(parameter, 'value') ?? '', id, type, `parameter ${name}`, issues);
      result.push({ name, value: value ?? { type: 'literal', value: '' } });
    }
  }
  return result;
};

const timerOf = (
  definition: ModdleElement,
  id: string,
  type: string,
  issues: IssueCollector,
): TimerDefinition | null => {
  for (const kind of ['timeDuration', 'timeDate', 'timeCycle'] as const) {
    const formal = elementProp(definition, kind);
    if (!formal) {
      continue;
    }
    const expression = expressionOf(stringProp(formal, 'body') ?? '', id, type, 'timer', issues);
    if (!expression) {
      issues.error(id, type, 'the timer has no value', '定时器没有设置值');
      return null;
    }
    return {
      kind: kind === 'timeDuration' ? 'duration' : kind === 'timeDate' ? 'date' : 'cycle',
      expression,
    };
  }
  issues.error(
    id,
    type,
    'the timer has no timeDuration, timeDate or timeCycle',
    '定时器缺少 timeDuration、timeDate 或 timeCycle',
  );
  return null;
};

type Trigger =
  | { type: 'none' }
  | { type: 'timer'; timer: TimerDefinition }
  | { type: 'message'; messageName: string; correlationKey: ValueExpression | null }
  | { type: 'error'; errorCode: string | null }
  | { type: 'terminate' };

const triggerOf = (item: ModdleElement, id: string, type: string, issues: IssueCollector): Trigger | null => {
  const definitions = listProp(item, 'eventDefinitions');
  if (definitions.length === 0) {
    return { type: 'none' };
  }
  const [definition] = definitions;
  if (definitions.length > 1 || !definition) {
    issues.error(id, type, 'multiple event definitions are not supported', '不支持多个事件定义');
    return null;
  }
  switch (definition.$type) {
    case 'bpmn:TimerEventDefinition': {
      const timer = timerOf(definition, id, type, issues);
      return timer ? { type: 'timer', timer } : null;
    }
    case 'bpmn:MessageEventDefinition': {
      const message = elementProp(definition, 'messageRef');
      const messageName = message ? stringProp(message, 'name') : null;
      if (!messageName) {
        issues.error(id, type, 'the message event has no message with a name', '消息事件未引用带名称的消息');
        return null;
      }
      const correlationKey = expressionOf(
        stringProp(item, 'careloom:correlationKey'),
        id,
        type,
        'correlationKey',
        issues,
      );
      return { type: 'message', messageName, correlationKey };
    }
    case 'bpmn:ErrorEventDefinition': {
      const error = elementProp(definition, 'errorRef');
      return {
        type: 'error',
        errorCode: error ? (stringProp(error, 'errorCode') ?? stringProp(error, 'name')) : null,
      };
    }
    case 'bpmn:TerminateEventDefinition':
      return { type: 'terminate' };
    default: {
      const kind = localType(definition.$type);
      issues.error(id, type, `unsupported event definition ${kind}`, `不支持的事件定义 ${kind}`);
      return null;
    }
  }
};

const multiInstanceOf = (
  item: ModdleElement,
  id: string,
  type: string,
  issues: IssueCollector,
): MultiInstanceDefinition | null | 'invalid' => {
  const loop = elementProp(item, 'loopCharacteristics');
  if (!loop) {
    return null;
  }
  if (loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') {
    issues.error(
      id,
      type,
      'standard loops are not supported (use a gateway)',
      '不支持标准循环（请使用网关）',
    );
    return 'invalid';
  }
  if (type !== 'userTask') {
    issues.error(id, type, 'multi-instance is supported on user tasks only', '多实例只支持用户任务');
    return 'invalid';
  }
  const cardinality = elementProp(loop, 'loopCardinality');
  const completion = elementProp(loop, 'completionCondition');
  let completionCondition: JsonLogic = null;
  if (completion) {
    const parsed = parseCondition(stringProp(completion, 'body') ?? '');
    if (parsed.ok) {
      completionCondition = parsed.logic;
    } else {
      issues.error(id, type, `completionCondition: ${parsed.en}`, `完成条件：${parsed.zh}`);
    }
  }
  const result: MultiInstanceDefinition = {
    sequential: prop(loop, 'isSequential') === true,
    loopCardinality: cardinality
      ? expressionOf(stringProp(cardinality, 'body') ?? '', id, type, 'loopCardinality', issues)
      : null,
    collection: expressionOf(stringProp(loop, 'camunda:collection'), id, type, 'collection', issues),
    elementVariable: stringProp(loop, 'camunda:elementVariable'),
    completionCondition,
    outputCollection: stringProp(loop, 'careloom:outputCollection'),
  };
  const countersignText = stringProp(loop, 'careloom:countersign');
  if (countersignText !== null) {
    const countersign = parseCountersign(countersignText);
    if (countersign === null) {
      issues.error(
        id,
        type,
        `careloom:countersign must be all, any, sequential or percent:N (1–100), not "${countersignText}"`,
        `careloom:countersign 必须是 all、any、sequential 或 percent:N（1–100），而不是“${countersignText}”`,
      );
    } else if (completion) {
      issues.error(
        id,
        type,
        'careloom:countersign and a completionCondition cannot both be set',
        'careloom:countersign 与完成条件不能同时设置',
      );
    } else {
      result.countersign = countersign;
      result.completionCondition = countersignCondition(countersign);
      result.sequential ||= countersign.mode === 'sequential';
    }
  }
  if (!result.loopCardinality && !result.collection) {
    issues.error(
      id,
      type,
      'multi-instance needs camunda:collection or loopCardinality',
      '多实例需要 camunda:collection 或 loopCardinality',
    );
  }
  return result;
};

/** `careloom:fieldRights` of a user task; a problem is reported on the task and gives null. */
const fieldRightsOf = (
  item: ModdleElement,
  id: string,
  type: string,
  issues: IssueCollector,
): FieldRightsDefinition | null => {
  const text = stringProp(item, 'careloom:fieldRights');
  if (text === null) {
    return null;
  }
  const parsed = parseFieldRights(text);
  if (!parsed.ok) {
    issues.error(id, type, parsed.en, parsed.zh);
    return null;
  }
  if (parsed.value !== null && !stringProp(item, 'camunda:formKey')) {
    issues.error(
      id,
      type,
      'careloom:fieldRights needs a form on the task (camunda:formKey)',
      'careloom:fieldRights 需要任务设置表单（camunda:formKey）',
    );
    return null;
  }
  return parsed.value;
};

const callMappings = (
  item: ModdleElement,
  kind: 'camunda:In' | 'camunda:Out',
  id: string,
  issues: IssueCollector,
): CallMapping[] =>
  extensionValues(item, kind).map((mapping) => {
    const sourceExpression = stringProp(mapping, 'sourceExpression');
    return {
      source: stringProp(mapping, 'source'),
      sourceExpression:
        sourceExpression === null
          ? null
          : expressionOf(sourceExpression, id, 'callActivity', 'sourceExpression', issues),
      target: stringProp(mapping, 'target'),
      all: stringProp(mapping, 'variables') === 'all',
    };
  });

const compileElement = (
  item: ModdleElement,
  parentId: string | null,
  depth: number,
  state: CompileState,
  issues: IssueCollector,
  limits: CompileLimits,
): ElementDefinition | null => {
  const id = stringProp(item, 'id') ?? '';
  const type = localType(item.$type);
  const defaultRef = elementProp(item, 'default');
  const base = {
    id,
    name: stringProp(item, 'name') ?? '',
    parentId,
    incoming: [] as string[],
    outgoing: [] as string[],
    boundaryEvents: [] as string[],
    defaultFlow: defaultRef ? (stringProp(defaultRef, 'id') ?? null) : null,
    inputs: ioParameters(item, 'inputParameters', id, type, issues),
    outputs: ioParameters(item, 'outputParameters', id, type, issues),
  };
  const multiInstance = multiInstanceOf(item, id, type, issues);
  if (multiInstance === 'invalid') {
    return null;
  }
  switch (item.$type) {
    case 'bpmn:StartEvent': {
      const trigger = triggerOf(item, id, type, issues);
      if (!trigger) {
        return null;
      }
      if (trigger.type === 'none' || trigger.type === 'timer') {
        return { ...base, type: 'startEvent', trigger };
      }
      if (trigger.type === 'message') {
        return {
          ...base,
          type: 'startEvent',
          trigger: { type: 'message', messageName: trigger.messageName },
        };
      }
      issues.error(id, type, `unsupported start event ${trigger.type}`, `不支持的启动事件 ${trigger.type}`);
      return null;
    }
    case 'bpmn:EndEvent': {
      const trigger = triggerOf(item, id, type, issues);
      if (!trigger) {
        return null;
      }
      if (trigger.type === 'none' || trigger.type === 'terminate' || trigger.type === 'error') {
        return { ...base, type: 'endEvent', result: trigger };
      }
      issues.error(id, type, `unsupported end event ${trigger.type}`, `不支持的结束事件 ${trigger.type}`);
      return null;
    }
    case 'bpmn:IntermediateCatchEvent': {
      const trigger = triggerOf(item, id, type, issues);
      if (!trigger) {
        return null;
      }
      if (trigger.type === 'timer' || trigger.type === 'message') {
        return { ...base, type: 'intermediateCatchEvent', trigger };
      }
      issues.error(
        id,
        type,
        'intermediate catch events must be timer or message events',
        '中间捕获事件必须是定时或消息事件',
      );
      return null;
    }
    case 'bpmn:IntermediateThrowEvent': {
      if (listProp(item, 'eventDefinitions').length > 0) {
        issues.error(id, type, 'only none intermediate throw events are supported', '只支持空的中间抛出事件');
        return null;
      }
      return { ...base, type: 'intermediateThrowEvent' };
    }
    case 'bpmn:BoundaryEvent': {
      const trigger = triggerOf(item, id, type, issues);
      const attached = elementProp(item, 'attachedToRef');
      if (!trigger) {
        return null;
      }
      if (!attached) {
        issues.error(
          id,
          type,
          'the boundary event is not attached to an activity',
          '边界事件没有附加到活动上',
        );
        return null;
      }
      if (trigger.type !== 'timer' && trigger.type !== 'error' && trigger.type !== 'message') {
        issues.error(
          id,
          type,
          'boundary events must be timer, error or message events',
          '边界事件必须是定时、错误或消息事件',
        );
        return null;
      }
      const cancelActivity = prop(item, 'cancelActivity') !== false;
      if (trigger.type === 'error' && !cancelActivity) {
        issues.error(id, type, 'error boundary events always interrupt', '错误边界事件必须是中断型');
      }
      const boundary: BoundaryEventDefinition = {
        ...base,
        type: 'boundaryEvent',
        attachedTo: stringProp(attached, 'id') ?? '',
        cancelActivity,
        trigger,
      };
      return boundary;
    }
    case 'bpmn:UserTask': {
      const fieldRights = fieldRightsOf(item, id, type, issues);
      return {
        ...base,
        type: 'userTask',
        assignee: expressionOf(stringProp(item, 'camunda:assignee'), id, type, 'assignee', issues),
        candidateGroups: expressionOf(
          stringProp(item, 'camunda:candidateGroups'),
          id,
          type,
          'candidateGroups',
          issues,
        ),
        candidateUsers: expressionOf(
          stringProp(item, 'camunda:candidateUsers'),
          id,
          type,
          'candidateUsers',
          issues,
        ),
        formKey: stringProp(item, 'camunda:formKey'),
        dueDate: expressionOf(stringProp(item, 'camunda:dueDate'), id, type, 'dueDate', issues),
        followUpDate: expressionOf(
          stringProp(item, 'camunda:followUpDate'),
          id,
          type,
          'followUpDate',
          issues,
        ),
        multiInstance,
        ...(fieldRights === null ? {} : { fieldRights }),
      };
    }
    case 'bpmn:ServiceTask': {
      const serviceType =
        stringProp(item, 'careloom:serviceType') ??
        (stringProp(item, 'camunda:type') === 'external' ? stringProp(item, 'camunda:topic') : null);
      if (!serviceType) {
        issues.error(
          id,
          type,
          'the service task has no careloom:serviceType (or camunda external topic)',
          '服务任务缺少 careloom:serviceType（或 camunda 外部任务 topic）',
        );
        return null;
      }
      let parameters: Record<string, unknown> = {};
      const rawParameters = stringProp(item, 'careloom:parameters');
      if (rawParameters !== null && rawParameters.trim() !== '') {
        try {
          const parsed: unknown = JSON.parse(rawParameters);
          if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
            throw new TypeError('not an object');
          }
          parameters = parsed as Record<string, unknown>;
        } catch {
          issues.error(
            id,
            type,
            'careloom:parameters must be a JSON object',
            'careloom:parameters 必须是 JSON 对象',
          );
        }
      }
      return { ...base, type: 'serviceTask', serviceType, parameters };
    }
    case 'bpmn:BusinessRuleTask': {
      const raw = stringProp(item, 'careloom:decision');
      const resultVariable =
        stringProp(item, 'careloom:resultVariable') ?? stringProp(item, 'camunda:resultVariable');
      if (raw === null || !resultVariable) {
        issues.error(
          id,
          type,
          'the business-rule task needs careloom:decision (JSON Logic) and a result variable',
          '业务规则任务需要 careloom:decision（JSON Logic）和结果变量',
        );
        return null;
      }
      let decision: JsonLogic;
      try {
        decision = JSON.parse(raw) as JsonLogic;
      } catch {
        issues.error(id, type, 'careloom:decision is not JSON', 'careloom:decision 不是 JSON');
        return null;
      }
      const problem = logicError(decision);
      if (problem) {
        issues.error(id, type, `careloom:decision: ${problem.en}`, `careloom:decision：${problem.zh}`);
        return null;
      }
      return { ...base, type: 'businessRuleTask', decision, resultVariable };
    }
    case 'bpmn:Task':
      issues.warning(
        id,
        type,
        'a plain task does nothing and is passed through',
        '普通任务不执行任何操作，将直接通过',
      );
      return { ...base, type: 'task' };
    case 'bpmn:ExclusiveGateway':
    case 'bpmn:ParallelGateway':
    case 'bpmn:InclusiveGateway':
    case 'bpmn:EventBasedGateway':
      return {
        ...base,
        type: type as 'exclusiveGateway' | 'parallelGateway' | 'inclusiveGateway' | 'eventBasedGateway',
      };
    case 'bpmn:SubProcess': {
      if (depth + 1 > limits.maxDepth) {
        issues.error(
          id,
          type,
          `sub-processes nest deeper than ${limits.maxDepth}`,
          `子流程嵌套超过 ${limits.maxDepth} 层`,
        );
        return null;
      }
      const children = compileScope(item, id, depth + 1, state, issues, limits);
      const starts = children.filter((child) => state.elements[child]?.type === 'startEvent');
      const start = starts.length === 1 ? state.elements[starts[0] ?? ''] : undefined;
      if (start?.type !== 'startEvent' || start.trigger.type !== 'none') {
        issues.error(
          id,
          type,
          'an embedded sub-process needs exactly one none start event',
          '内嵌子流程需要且只能有一个空启动事件',
        );
        return null;
      }
      return { ...base, type: 'subProcess', startEventId: start.id, children };
    }
    case 'bpmn:CallActivity': {
      const processKey = stringProp(item, 'calledElement');
      if (!processKey) {
        issues.error(id, type, 'the call activity has no calledElement', '调用活动缺少 calledElement');
        return null;
      }
      return {
        ...base,
        type: 'callActivity',
        processKey,
        in: callMappings(item, 'camunda:In', id, issues),
        out: callMappings(item, 'camunda:Out', id, issues),
      };
    }
    default:
      issues.error(id, type, `unsupported BPMN element ${type}`, `不支持的 BPMN 元素 ${type}`);
      return null;
  }
};
