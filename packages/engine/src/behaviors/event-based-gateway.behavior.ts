import type { GatewayDefinition } from '../definition/definition.types.js';
import { subscribeMessage, subscribeTimer } from '../runtime/operations.util.js';
import { elementOf } from '../runtime/run.util.js';
import type { Behavior } from './behavior.types.js';

/** Subscribes to every following catch event; the first to fire wins and the others are cancelled. */
export const eventBasedGatewayBehavior: Behavior<GatewayDefinition> = {
  enter(run, token, element) {
    for (const flowId of element.outgoing) {
      const target = elementOf(run, run.definition.flows[flowId]?.targetId ?? '');
      if (target.type !== 'intermediateCatchEvent') {
        continue;
      }
      if (target.trigger.type === 'timer') {
        subscribeTimer(run, token, target.id, target.trigger.timer, false);
      } else {
        subscribeMessage(run, token, target.id, target.trigger.messageName, target.trigger.correlationKey);
      }
    }
    token.wait = { type: 'event-gateway' };
  },
};
