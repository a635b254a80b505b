import type { BusinessRuleTaskDefinition } from '../definition/definition.types.js';
import { completeActivity } from '../runtime/operations.util.js';
import { evaluateLogic, visibleVariables } from '../runtime/run.util.js';
import type { Behavior } from './behavior.types.js';

/** Evaluates the JSON Logic decision and writes the result variable; no wait state. */
export const businessRuleTaskBehavior: Behavior<BusinessRuleTaskDefinition> = {
  enter(run, token, element) {
    const result = evaluateLogic(run, element.decision, visibleVariables(run, token));
    completeActivity(run, token, { [element.resultVariable]: result });
  },
};
