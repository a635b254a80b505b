import type { InstanceState } from '@careloom/engine';
import type { ProcessInstanceStatus } from './process-instance.entity.js';
import type { FieldRightsDefinition, ProcessDefinition } from './process-model.util.js';

/** The contract's four statuses: an instance ended by a terminate end event has completed. */
export function instanceStatusOf(state: InstanceState): ProcessInstanceStatus {
  switch (state.status) {
    case 'active':
      return 'active';
    case 'incident':
      return 'incident';
    case 'cancelled':
      return 'cancelled';
    case 'completed':
    case 'terminated':
      return 'completed';
  }
}

/** Where the tokens are: element ids in document-independent, first-seen order, without duplicates. */
export function activeElementIds(state: InstanceState): string[] {
  return [...new Set(state.tokens.map((token) => token.elementId))];
}

/** The key a task's `formKey` names in the forms module (`careloom:form:<key>` or the key itself). */
export function formKeyOf(formKey: string): string {
  return formKey.startsWith('careloom:form:') ? formKey.slice('careloom:form:'.length) : formKey;
}

/** Exponential backoff for failed jobs: base · 2^(attempt−1), capped. */
export function backoffMs(attempt: number, baseMs = 10_000, capMs = 3_600_000): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

/** The `careloom:fieldRights` of every user task of a definition that sets some (the instance view's filter). */
export function stepFieldRights(definition: ProcessDefinition): FieldRightsDefinition[] {
  return Object.values(definition.elements).flatMap((element) =>
    element.type === 'userTask' && element.fieldRights ? [element.fieldRights] : [],
  );
}
