import type { ModdleElement } from './bpmn-model.types.js';
import type { PanelProblem } from './io-parameters.util.js';
import { planReference, type ReferencePlan } from './process-panel.util.js';

/** What a boundary event reacts to (the kinds the engine runs). */
export type BoundaryTrigger = 'timer' | 'message' | 'error';

const TRIGGERS: Record<string, BoundaryTrigger> = {
  'bpmn:TimerEventDefinition': 'timer',
  'bpmn:MessageEventDefinition': 'message',
  'bpmn:ErrorEventDefinition': 'error',
};

/** The trigger of a boundary event; null for other elements and other event definitions. */
export function boundaryTrigger(bo: ModdleElement): BoundaryTrigger | null {
  if (bo.$type !== 'bpmn:BoundaryEvent') {
    return null;
  }
  const [definition] = bo.eventDefinitions ?? [];
  return definition ? (TRIGGERS[definition.$type] ?? null) : null;
}

/** The error event definition of an event, if it has one. */
export function errorDefinition(bo: ModdleElement): ModdleElement | undefined {
  return bo.eventDefinitions?.find((definition) => definition.$type === 'bpmn:ErrorEventDefinition');
}

/** The bpmn:Error root elements of the definitions. */
export function errorsOf(definitions: ModdleElement): ModdleElement[] {
  const roots = definitions.get('rootElements');
  return Array.isArray(roots) ? (roots as ModdleElement[]).filter((root) => root.$type === 'bpmn:Error') : [];
}

/** The code the engine matches an error by: `errorCode`, else its `name` (as `compile.util` reads it). */
export function errorCodeOf(error: ModdleElement | undefined): string {
  if (!error) {
    return '';
  }
  const code = error.get('errorCode');
  return typeof code === 'string' && code !== '' ? code : (error.name ?? '');
}

/** Naming an error event's code: see `planReference`. */
export function planError(
  code: string,
  current: ModdleElement | undefined,
  errors: readonly ModdleElement[],
  currentUses: number,
): ReferencePlan {
  return planReference(code, current, errors, currentUses, errorCodeOf, 'Error');
}

/** Activities an error boundary event may sit on (`validate.util` of the engine). */
const ERROR_HOSTS = new Set(['bpmn:ServiceTask', 'bpmn:SubProcess', 'bpmn:CallActivity']);

export interface BoundaryFacts {
  trigger: BoundaryTrigger;
  interrupting: boolean;
  /** `$type` of the activity the event is attached to. */
  hostType: string | undefined;
  /** The timer's value when the trigger is a timer (`R/P1D` repeats for ever). */
  timer?: { kind: 'duration' | 'date' | 'cycle'; value: string };
}

/** What the engine would refuse about a boundary event, as panel messages. */
export function boundaryProblems(facts: BoundaryFacts): PanelProblem[] {
  const problems: PanelProblem[] = [];
  if (facts.trigger === 'error') {
    if (!facts.interrupting) {
      problems.push({ key: 'pe.bnd.errorInterrupts' });
    }
    if (facts.hostType !== undefined && !ERROR_HOSTS.has(facts.hostType)) {
      problems.push({ key: 'pe.bnd.errorHost' });
    }
  }
  if (
    facts.trigger === 'timer' &&
    facts.interrupting &&
    facts.timer?.kind === 'cycle' &&
    /^R\//.test(facts.timer.value.trim())
  ) {
    problems.push({ key: 'pe.bnd.unboundedCycle' });
  }
  return problems;
}

/** The sentence under the interrupting switch ("不中断：到时走此分支（如提醒），任务「…」继续"). */
export function boundarySentence(facts: BoundaryFacts, hostName: string, errorCode: string): PanelProblem {
  const mode = facts.interrupting ? 'interrupting' : 'nonInterrupting';
  const host = hostName.trim() === '' ? '—' : hostName.trim();
  switch (facts.trigger) {
    case 'timer': {
      const repeats = facts.timer?.kind === 'cycle' && !facts.interrupting;
      return { key: `pe.bnd.sentence.${repeats ? 'cycle' : 'timer'}.${mode}`, params: { host } };
    }
    case 'message':
      return { key: `pe.bnd.sentence.message.${mode}`, params: { host } };
    case 'error':
      return errorCode.trim() === ''
        ? { key: 'pe.bnd.sentence.errorAny', params: { host } }
        : { key: 'pe.bnd.sentence.error', params: { host, code: errorCode.trim() } };
  }
}
