import type { DeployProblem, DiagramElement, ModdleElement } from './bpmn-model.types.js';
import type { TimerKind } from './iso-duration.util.js';

/** What the properties panel edits for the selected element. */
export type ElementKind =
  | 'process'
  | 'user-task'
  | 'service-task'
  | 'call-activity'
  | 'timer-event'
  | 'message-event'
  | 'error-event'
  | 'conditional-flow'
  | 'flow'
  | 'other';

export function elementKind(element: DiagramElement): ElementKind {
  const bo = element.businessObject;
  switch (bo.$type) {
    case 'bpmn:Process':
      return 'process';
    case 'bpmn:UserTask':
      return 'user-task';
    case 'bpmn:ServiceTask':
      return 'service-task';
    case 'bpmn:CallActivity':
      return 'call-activity';
    case 'bpmn:SequenceFlow': {
      const source = bo.sourceRef?.$type;
      return source === 'bpmn:ExclusiveGateway' || source === 'bpmn:InclusiveGateway'
        ? 'conditional-flow'
        : 'flow';
    }
    default:
      if (timerDefinition(bo)) {
        return 'timer-event';
      }
      if (bo.eventDefinitions?.some((definition) => definition.$type === 'bpmn:MessageEventDefinition')) {
        return 'message-event';
      }
      return bo.eventDefinitions?.some((definition) => definition.$type === 'bpmn:ErrorEventDefinition')
        ? 'error-event'
        : 'other';
  }
}

/** Activities whose input/output parameters the engine evaluates (`camunda:inputOutput`). */
const ACTIVITIES = new Set([
  'bpmn:UserTask',
  'bpmn:ServiceTask',
  'bpmn:BusinessRuleTask',
  'bpmn:Task',
  'bpmn:SubProcess',
  'bpmn:CallActivity',
]);

export function isActivity(bo: ModdleElement): boolean {
  return ACTIVITIES.has(bo.$type);
}

/** The timer event definition of an event, if it has one. */
export function timerDefinition(bo: ModdleElement): ModdleElement | undefined {
  return bo.eventDefinitions?.find((definition) => definition.$type === 'bpmn:TimerEventDefinition');
}

/** Which of timeDuration / timeDate / timeCycle a timer uses, and its text. */
export function timerValue(definition: ModdleElement): { kind: TimerKind; value: string } {
  if (definition.timeDate) {
    return { kind: 'date', value: definition.timeDate.body ?? '' };
  }
  if (definition.timeCycle) {
    return { kind: 'cycle', value: definition.timeCycle.body ?? '' };
  }
  return { kind: 'duration', value: definition.timeDuration?.body ?? '' };
}

/** The moddle property that holds a timer value of the given kind. */
export function timerProperty(kind: TimerKind): 'timeDuration' | 'timeDate' | 'timeCycle' {
  return kind === 'date' ? 'timeDate' : kind === 'cycle' ? 'timeCycle' : 'timeDuration';
}

/** A string attribute such as `camunda:assignee` ('' when absent). */
export function attr(bo: ModdleElement, name: string): string {
  const value = bo.get(name);
  return typeof value === 'string' ? value : '';
}

/** `a, b,c` → ['a','b','c']. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** The JSON Logic of a condition body (`{"…"}` or `={"…"}`); undefined when empty, null when not JSON Logic. */
export function conditionLogic(body: string | undefined): unknown {
  const text = (body ?? '').trim().replace(/^=/, '');
  if (text === '') {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The element problems of a refused deploy (problem+json `errors: [{elementId, elementType, message}]`). */
export function deployProblemsOf(problem: unknown): DeployProblem[] {
  const errors = isRecord(problem) ? problem.errors : undefined;
  if (!Array.isArray(errors)) {
    return [];
  }
  return errors.filter(isRecord).map((error) => ({
    elementId: typeof error.elementId === 'string' ? error.elementId : null,
    elementType: typeof error.elementType === 'string' ? error.elementType : null,
    message: typeof error.message === 'string' ? error.message : '',
  }));
}

/** Whether a file's text looks like BPMN 2.0 XML at all (before giving it to the modeler). */
export function looksLikeBpmn(text: string): boolean {
  return (
    /<([\w-]+:)?definitions[\s>]/.test(text) && text.includes('http://www.omg.org/spec/BPMN/20100524/MODEL')
  );
}
