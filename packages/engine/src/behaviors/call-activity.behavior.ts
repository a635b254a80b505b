import type { CallActivityDefinition, CallMapping } from '../definition/definition.types.js';
import type { Run } from '../runtime/run.types.js';
import { evaluateExpression, nextId, visibleVariables } from '../runtime/run.util.js';
import type { Behavior } from './behavior.types.js';

/** Applies camunda:in / camunda:out mappings (`variables="all"`, source/sourceExpression → target). */
export const applyCallMappings = (
  run: Run,
  mappings: CallMapping[],
  data: Record<string, unknown>,
): Record<string, unknown> => {
  const result: Record<string, unknown> = {};
  for (const mapping of mappings) {
    if (mapping.all) {
      Object.assign(result, data);
      continue;
    }
    const target = mapping.target ?? mapping.source;
    if (target === null) {
      continue;
    }
    if (mapping.sourceExpression) {
      result[target] = evaluateExpression(run, mapping.sourceExpression, data);
    } else if (mapping.source !== null && Object.hasOwn(data, mapping.source)) {
      result[target] = data[mapping.source];
    }
  }
  return result;
};

/** Asks the server to start the child process and waits for child-completed. */
export const callActivityBehavior: Behavior<CallActivityDefinition> = {
  enter(run, token, element) {
    const variables = applyCallMappings(run, element.in, visibleVariables(run, token));
    const callId = nextId(run, 'call');
    token.wait = { type: 'call', callId };
    run.effects.push({
      type: 'start-child',
      callId,
      elementId: element.id,
      processKey: element.processKey,
      variables,
    });
  },
};
