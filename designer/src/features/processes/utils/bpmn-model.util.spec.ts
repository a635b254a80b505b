import { describe, expect, it } from '@jest/globals';
import type { DiagramElement, ModdleElement } from './bpmn-model.types.js';
import {
  attr,
  conditionLogic,
  deployProblemsOf,
  elementKind,
  isActivity,
  looksLikeBpmn,
  splitList,
  timerValue,
} from './bpmn-model.util.js';

/** A business object as moddle builds it: typed properties plus namespaced `$attrs`. */
function bo(
  type: string,
  properties: Partial<ModdleElement> = {},
  attrs: Record<string, unknown> = {},
): ModdleElement {
  const element: ModdleElement = {
    $type: type,
    $attrs: attrs,
    ...properties,
    get: (name) => (name in attrs ? attrs[name] : (element as unknown as Record<string, unknown>)[name]),
    set: (name, value) => {
      attrs[name] = value;
    },
  };
  return element;
}

const shape = (businessObject: ModdleElement): DiagramElement => ({
  id: businessObject.id ?? 'x',
  type: businessObject.$type,
  businessObject,
});

describe(elementKind.name, () => {
  it('should tell user tasks, timers and gateway flows apart', () => {
    const timer = bo('bpmn:IntermediateCatchEvent', { eventDefinitions: [bo('bpmn:TimerEventDefinition')] });
    const gatewayFlow = bo('bpmn:SequenceFlow', { sourceRef: bo('bpmn:ExclusiveGateway') });
    const taskFlow = bo('bpmn:SequenceFlow', { sourceRef: bo('bpmn:UserTask') });
    expect(elementKind(shape(bo('bpmn:UserTask')))).toBe('user-task');
    expect(elementKind(shape(timer))).toBe('timer-event');
    expect(elementKind(shape(gatewayFlow))).toBe('conditional-flow');
    expect(elementKind(shape(taskFlow))).toBe('flow');
    expect(elementKind(shape(bo('bpmn:EndEvent')))).toBe('other');
  });

  it('should tell error events, and the activities whose input/output parameters run', () => {
    const errorBoundary = bo('bpmn:BoundaryEvent', { eventDefinitions: [bo('bpmn:ErrorEventDefinition')] });
    expect(elementKind(shape(errorBoundary))).toBe('error-event');
    expect(isActivity(bo('bpmn:BusinessRuleTask'))).toBe(true);
    expect(isActivity(bo('bpmn:SubProcess'))).toBe(true);
    expect(isActivity(bo('bpmn:ExclusiveGateway'))).toBe(false);
    expect(isActivity(errorBoundary)).toBe(false);
  });
});

describe(timerValue.name, () => {
  it('should read which of date, cycle or duration a timer uses', () => {
    const cycle = bo('bpmn:TimerEventDefinition', {
      timeCycle: bo('bpmn:FormalExpression', { body: 'R4/P7D' }),
    });
    expect(timerValue(cycle)).toEqual({ kind: 'cycle', value: 'R4/P7D' });
    expect(timerValue(bo('bpmn:TimerEventDefinition'))).toEqual({ kind: 'duration', value: '' });
  });
});

describe(attr.name, () => {
  it('should read a namespaced attribute and give empty text when it is absent', () => {
    const task = bo('bpmn:UserTask', {}, { 'camunda:candidateGroups': 'nurse, doctor' });
    expect(splitList(attr(task, 'camunda:candidateGroups'))).toEqual(['nurse', 'doctor']);
    expect(attr(task, 'camunda:assignee')).toBe('');
  });
});

describe(conditionLogic.name, () => {
  it('should parse JSON Logic with or without "=" and flag other expressions', () => {
    expect(conditionLogic('={">":[{"var":"score"},3]}')).toEqual({ '>': [{ var: 'score' }, 3] });
    expect(conditionLogic(undefined)).toBeUndefined();
    expect(conditionLogic('${approved}')).toBeNull();
  });
});

describe(deployProblemsOf.name, () => {
  it('should read the element problems of a refused deploy and ignore anything else', () => {
    const problem = {
      status: 400,
      errors: [{ elementId: 'choose', elementType: 'exclusiveGateway', message: 'no default' }, 'x'],
    };
    expect(deployProblemsOf(problem)).toEqual([
      { elementId: 'choose', elementType: 'exclusiveGateway', message: 'no default' },
    ]);
    expect(deployProblemsOf(undefined)).toEqual([]);
  });
});

describe(looksLikeBpmn.name, () => {
  it('should accept BPMN definitions and refuse other XML', () => {
    expect(
      looksLikeBpmn(
        '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"></bpmn:definitions>',
      ),
    ).toBe(true);
    expect(looksLikeBpmn('<svg></svg>')).toBe(false);
  });
});
