import type { GatewayDefinition } from '../definition/definition.types.js';
import { childTokens, removeToken } from '../runtime/run.util.js';
import type { Behavior } from './behavior.types.js';

/** Join: waits for a token on every incoming flow (per scope); split: all outgoing flows. */
export const parallelGatewayBehavior: Behavior<GatewayDefinition> = {
  enter(run, token, element) {
    if (element.incoming.length <= 1) {
      run.agenda.push({ type: 'leave', tokenId: token.id });
      return;
    }
    token.wait = { type: 'join', flowId: token.via ?? null };
    const waiting = childTokens(run, token.parentId).filter(
      (other) => other.elementId === element.id && other.wait?.type === 'join',
    );
    const chosen = new Map<string, string>();
    for (const other of waiting) {
      const flowId = other.wait?.type === 'join' ? other.wait.flowId : null;
      if (flowId !== null && !chosen.has(flowId)) {
        chosen.set(flowId, other.id);
      }
    }
    if (!element.incoming.every((flowId) => chosen.has(flowId))) {
      return;
    }
    const survivor = chosen.get(token.via ?? '') ?? token.id;
    for (const tokenId of chosen.values()) {
      if (tokenId !== survivor) {
        removeToken(run, tokenId);
      }
    }
    const merged = waiting.find((other) => other.id === survivor) ?? token;
    delete merged.wait;
    run.agenda.push({ type: 'leave', tokenId: merged.id });
  },
};
