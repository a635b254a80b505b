import type { GatewayDefinition } from '../definition/definition.types.js';
import { evaluateCondition, EvaluationFailure, visibleVariables } from '../runtime/run.util.js';
import type { Behavior } from './behavior.types.js';

/**
 * Split: every flow whose condition holds (the default only when none does).
 * Join (≥2 incoming): waits until no other token of the scope can still arrive (see settleInclusiveJoins).
 */
export const inclusiveGatewayBehavior: Behavior<GatewayDefinition> = {
  enter(run, token, element) {
    if (element.incoming.length <= 1) {
      run.agenda.push({ type: 'leave', tokenId: token.id });
      return;
    }
    token.wait = { type: 'join', flowId: token.via ?? null };
  },
  selectFlows(run, token, element) {
    if (element.outgoing.length <= 1) {
      return [...element.outgoing];
    }
    const data = visibleVariables(run, token);
    const taken = element.outgoing.filter((flowId) => {
      const condition = run.definition.flows[flowId]?.condition ?? null;
      return flowId !== element.defaultFlow && condition !== null && evaluateCondition(run, condition, data);
    });
    if (taken.length > 0) {
      return taken;
    }
    if (element.defaultFlow !== null) {
      return [element.defaultFlow];
    }
    throw new EvaluationFailure(`no outgoing flow of ${element.id} can be taken`);
  },
};
