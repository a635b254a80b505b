// The engine's deploy-time check and model types for server code that reads BPMN without running it
// (bundle validation): the runtime stays the only place that imports @careloom/engine.
export { deployBpmn as checkProcessModel } from '@careloom/engine';
import type { ProcessDefinition } from '@careloom/engine';

export type {
  DeployResult,
  FieldRight,
  FieldRightsDefinition,
  ProcessDefinition,
  ValueExpression,
} from '@careloom/engine';

/**
 * Whether running `definition` can ever need a business calendar: it has a timer (start, catch, boundary) or a
 * user task with a due or follow-up date. Without any, no step computes a time from a calendar.
 */
export function usesBusinessTime(definition: ProcessDefinition): boolean {
  return Object.values(definition.elements).some(
    (element) =>
      ('trigger' in element && element.trigger.type === 'timer') ||
      (element.type === 'userTask' && (element.dueDate !== null || element.followUpDate !== null)),
  );
}
