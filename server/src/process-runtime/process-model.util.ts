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

/** Rows besides its own that an instance of a definition may ever own, swept when it ends. */
export type OwnedRows = { subscriptions: boolean; jobs: boolean };

/**
 * Whether an instance of `definition` can ever have message subscription rows (an element waits for a message)
 * or pending jobs (a timer, a service task, a user task with a due date: its `task-due` job). Without any, the
 * sweep of an ended instance has nothing to delete. Every such row comes from the engine's effects for these
 * elements (rules and start timers write jobs without an instance), and an instance never changes definition.
 */
export function rowsOwnedBy(definition: ProcessDefinition): OwnedRows {
  const elements = Object.values(definition.elements);
  const triggered = (type: 'timer' | 'message') =>
    elements.some((element) => 'trigger' in element && element.trigger.type === type);
  return {
    subscriptions: triggered('message'),
    jobs:
      triggered('timer') ||
      elements.some(
        (element) =>
          element.type === 'serviceTask' || (element.type === 'userTask' && element.dueDate !== null),
      ),
  };
}
