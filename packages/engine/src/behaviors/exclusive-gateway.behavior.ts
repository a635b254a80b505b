import type { GatewayDefinition } from '../definition/definition.types.js';
import { evaluateCondition, EvaluationFailure, visibleVariables } from '../runtime/run.util.js';
import type { Behavior } from './behavior.types.js';

/** Takes the first flow (document order) whose condition holds, else the default; none → incident. */
export const exclusiveGatewayBehavior: Behavior<GatewayDefinition> = {
  enter(run, token) {
    run.agenda.push({ type: 'leave', tokenId: token.id });
  },
  selectFlows(run, token, element) {
    if (element.outgoing.length <= 1) {
      return [...element.outgoing];
    }
    const data = visibleVariables(run, token);
    for (const flowId of element.outgoing) {
      const condition = run.definition.flows[flowId]?.condition ?? null;
      if (flowId !== element.defaultFlow && condition !== null && evaluateCondition(run, condition, data)) {
        return [flowId];
      }
    }
    if (element.defaultFlow !== null) {
      return [element.defaultFlow];
    }
    throw new EvaluationFailure(`no outgoing flow of ${element.id} can be taken`);
  },
};
