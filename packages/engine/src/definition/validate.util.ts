import type {
  ElementDefinition,
  ProcessDefinition,
  TimerDefinition,
  ValueExpression,
} from './definition.types.js';
import type { IssueCollector } from './issues.util.js';
import {
  addDeadline,
  checkCycleLimits,
  parseTimerCycle,
  scheduleTimer,
  type TimerLimits,
} from '../time/timer.util.js';
import { parseInstant } from '../time/zone.util.js';

const ACTIVITY_TYPES = new Set([
  'userTask',
  'serviceTask',
  'businessRuleTask',
  'task',
  'subProcess',
  'callActivity',
]);

/** Graph rules over a compiled definition; links boundary events and computes inclusive-join sources. */
export const validateProcess = (
  definition: ProcessDefinition,
  issues: IssueCollector,
  timerLimits: TimerLimits,
): void => {
  const { elements, flows } = definition;
  // Flows: both ends exist, in the same scope, not into start / boundary events.
  for (const flow of Object.values(flows)) {
    const source = elements[flow.sourceId];
    const target = elements[flow.targetId];
    if (!source || !target) {
      issues.error(
        flow.id,
        'sequenceFlow',
        `sequence flow points to a missing or unsupported element ${source ? flow.targetId : flow.sourceId}`,
        `顺序流指向不存在或不支持的元素 ${source ? flow.targetId : flow.sourceId}`,
      );
      continue;
    }
    if (source.parentId !== target.parentId) {
      issues.error(
        flow.id,
        'sequenceFlow',
        'sequence flows may not cross a sub-process boundary',
        '顺序流不能跨越子流程边界',
      );
    }
    if (target.type === 'startEvent' || target.type === 'boundaryEvent') {
      issues.error(
        flow.id,
        'sequenceFlow',
        `a sequence flow may not enter a ${target.type}`,
        `顺序流不能进入 ${target.type}`,
      );
    }
    if (source.type === 'endEvent') {
      issues.error(
        flow.id,
        'sequenceFlow',
        'a sequence flow may not leave an end event',
        '顺序流不能从结束事件流出',
      );
    }
    if (flow.condition !== null && source.type !== 'exclusiveGateway' && source.type !== 'inclusiveGateway') {
      issues.error(
        flow.id,
        'sequenceFlow',
        'conditions are only allowed on flows leaving exclusive or inclusive gateways',
        '只有排他网关或包容网关的出口顺序流可以设置条件',
      );
    }
  }
  if (
    !definition.startEvents.none &&
    definition.startEvents.timers.length === 0 &&
    definition.startEvents.messages.length === 0
  ) {
    issues.error(definition.id, 'process', 'the process has no start event', '流程没有启动事件');
  }
  for (const element of Object.values(elements)) {
    validateElement(definition, element, issues, timerLimits);
  }
  definition.inclusiveSources = {};
  for (const element of Object.values(elements)) {
    if (element.type === 'inclusiveGateway') {
      definition.inclusiveSources[element.id] = inclusiveSources(definition, element.id);
    }
  }
  warnUnreachable(definition, issues);
};

const validateElement = (
  definition: ProcessDefinition,
  element: ElementDefinition,
  issues: IssueCollector,
  timerLimits: TimerLimits,
): void => {
  const { elements, flows } = definition;
  if (element.defaultFlow !== null) {
    if (!element.outgoing.includes(element.defaultFlow)) {
      issues.error(
        element.id,
        element.type,
        'the default flow is not an outgoing flow',
        '默认顺序流不是该元素的出口',
      );
    } else if (element.type !== 'exclusiveGateway' && element.type !== 'inclusiveGateway') {
      issues.error(
        element.id,
        element.type,
        'default flows are only supported on gateways',
        '只有网关支持默认顺序流',
      );
    }
  }
  switch (element.type) {
    case 'exclusiveGateway':
    case 'inclusiveGateway': {
      if (element.outgoing.length >= 2) {
        const withoutCondition = element.outgoing.filter(
          (flowId) => flowId !== element.defaultFlow && flows[flowId]?.condition === null,
        );
        if (withoutCondition.length > 0) {
          issues.error(
            element.id,
            element.type,
            `outgoing flows without a condition that are not the default: ${withoutCondition.join(', ')}`,
            `存在既无条件也不是默认的出口顺序流：${withoutCondition.join(', ')}`,
          );
        } else if (element.defaultFlow === null) {
          issues.error(
            element.id,
            element.type,
            'the gateway needs a default flow: no condition may hold',
            '网关需要默认顺序流：可能没有任何条件成立',
          );
        }
      }
      break;
    }
    case 'eventBasedGateway': {
      if (element.outgoing.length < 2) {
        issues.error(
          element.id,
          element.type,
          'an event-based gateway needs at least two outgoing flows',
          '事件网关至少需要两个出口',
        );
      }
      for (const flowId of element.outgoing) {
        const target = elements[flows[flowId]?.targetId ?? ''];
        if (target && (target.type !== 'intermediateCatchEvent' || target.incoming.length !== 1)) {
          issues.error(
            element.id,
            element.type,
            `an event-based gateway may only be followed by catch events with one incoming flow (${target.id})`,
            `事件网关之后只能是只有一个入口的捕获事件（${target.id}）`,
          );
        }
      }
      break;
    }
    case 'boundaryEvent': {
      const host = elements[element.attachedTo];
      if (!host || !ACTIVITY_TYPES.has(host.type) || host.parentId !== element.parentId) {
        issues.error(
          element.id,
          element.type,
          'the boundary event is attached to an unsupported element',
          '边界事件附加到了不支持的元素',
        );
        break;
      }
      if (!host.boundaryEvents.includes(element.id)) {
        host.boundaryEvents.push(element.id);
      }
      if (
        element.trigger.type === 'error' &&
        !['serviceTask', 'subProcess', 'callActivity'].includes(host.type)
      ) {
        issues.error(
          element.id,
          element.type,
          'error boundary events are supported on service tasks, sub-processes and call activities',
          '错误边界事件只支持服务任务、子流程和调用活动',
        );
      }
      if (element.outgoing.length === 0) {
        issues.warning(
          element.id,
          element.type,
          'the boundary event has no outgoing flow',
          '边界事件没有出口顺序流',
        );
      }
      if (element.trigger.type === 'timer') {
        checkTimer(
          element.id,
          element.type,
          element.trigger.timer,
          !element.cancelActivity,
          issues,
          timerLimits,
        );
      }
      break;
    }
    case 'intermediateCatchEvent':
      if (element.trigger.type === 'timer') {
        checkTimer(element.id, element.type, element.trigger.timer, false, issues, timerLimits);
      }
      break;
    case 'startEvent':
      if (element.trigger.type === 'timer') {
        checkTimer(element.id, element.type, element.trigger.timer, true, issues, timerLimits);
      }
      if (element.parentId !== null && element.trigger.type !== 'none') {
        issues.error(
          element.id,
          element.type,
          'sub-process start events must be none events',
          '子流程启动事件必须是空事件',
        );
      }
      break;
    case 'userTask':
      checkDeadline(element.id, element.type, 'dueDate', element.dueDate, issues);
      checkDeadline(element.id, element.type, 'followUpDate', element.followUpDate, issues);
      break;
    case 'endEvent':
    case 'intermediateThrowEvent':
    case 'serviceTask':
    case 'businessRuleTask':
    case 'task':
    case 'parallelGateway':
    case 'subProcess':
    case 'callActivity':
      break;
  }
};

/** A literal camunda:dueDate / followUpDate: an ISO date or instant, an ISO duration or a business duration. */
const checkDeadline = (
  elementId: string,
  elementType: string,
  what: string,
  expression: ValueExpression | null,
  issues: IssueCollector,
): void => {
  if (expression?.type !== 'literal') {
    return;
  }
  const text = expression.value.trim();
  if (addDeadline(0, text, 'UTC', null) !== null || parseInstant(text, 'UTC') !== null) {
    return;
  }
  issues.error(
    elementId,
    elementType,
    `${what} "${text}" is not a date, an ISO duration (P3D) or a business duration (P3WD, PT4WH, 3 working days)`,
    `${what} "${text}" 不是日期、ISO 时长（P3D）或工作时长（P3WD、PT4WH、3个工作日）`,
  );
};

const checkTimer = (
  elementId: string,
  elementType: string,
  timer: TimerDefinition,
  unboundedAllowed: boolean,
  issues: IssueCollector,
  limits: TimerLimits,
): void => {
  if (timer.expression.type !== 'literal') {
    return;
  }
  const text = timer.expression.value.trim();
  const scheduled = scheduleTimer(timer.kind, text, '2000-01-01T00:00:00Z', 'UTC', limits);
  if (!scheduled.ok) {
    issues.error(elementId, elementType, scheduled.message, scheduled.messageZh);
    return;
  }
  if (timer.kind === 'cycle') {
    const cycle = parseTimerCycle(text);
    const limitIssue = cycle ? checkCycleLimits(cycle, limits) : null;
    if (limitIssue) {
      issues.error(elementId, elementType, limitIssue.message, limitIssue.messageZh);
    } else if (cycle?.repetitions === null && !unboundedAllowed) {
      issues.error(
        elementId,
        elementType,
        'unbounded cycles (R/…) are only allowed on non-interrupting boundary and start timers',
        '无限循环（R/…）只允许用于非中断边界定时器和启动定时器',
      );
    }
  }
};

/** Elements in the gateway's scope from which a token may still arrive at it. */
const inclusiveSources = (definition: ProcessDefinition, gatewayId: string): string[] => {
  const { elements, flows } = definition;
  const seen = new Set<string>();
  const queue = [gatewayId];
  while (queue.length > 0) {
    const current = elements[queue.shift() ?? ''];
    if (!current) {
      continue;
    }
    const predecessors = current.incoming.map((flowId) => flows[flowId]?.sourceId ?? '');
    if (current.type === 'boundaryEvent') {
      predecessors.push(current.attachedTo);
    }
    for (const predecessor of predecessors) {
      if (predecessor !== gatewayId && predecessor !== '' && !seen.has(predecessor)) {
        seen.add(predecessor);
        queue.push(predecessor);
      }
    }
    for (const boundaryId of current.boundaryEvents) {
      if (!seen.has(boundaryId) && current.id !== gatewayId) {
        seen.add(boundaryId);
      }
    }
  }
  return [...seen].sort();
};

const warnUnreachable = (definition: ProcessDefinition, issues: IssueCollector): void => {
  const { elements, flows } = definition;
  const reached = new Set<string>();
  const queue: string[] = [];
  const visit = (id: string): void => {
    if (!reached.has(id) && elements[id]) {
      reached.add(id);
      queue.push(id);
    }
  };
  for (const id of definition.children) {
    if (elements[id]?.type === 'startEvent') {
      visit(id);
    }
  }
  while (queue.length > 0) {
    const element = elements[queue.shift() ?? ''];
    if (!element) {
      continue;
    }
    for (const flowId of element.outgoing) {
      visit(flows[flowId]?.targetId ?? '');
    }
    for (const boundaryId of element.boundaryEvents) {
      visit(boundaryId);
    }
    if (element.type === 'subProcess') {
      for (const child of element.children) {
        if (elements[child]?.type === 'startEvent') {
          visit(child);
        }
      }
    }
  }
  for (const element of Object.values(elements)) {
    if (!reached.has(element.id)) {
      issues.warning(element.id, element.type, 'the element can never be reached', '该元素永远不会被执行到');
    }
  }
};
