import type { IntermediateCatchEventDefinition } from '../definition/definition.types.js';
import { subscribeMessage, subscribeTimer } from '../runtime/operations.util.js';
import type { Behavior } from './behavior.types.js';

/** Intermediate timer / message catch: subscribe and wait (a cycle fires once here). */
export const catchEventBehavior: Behavior<IntermediateCatchEventDefinition> = {
  enter(run, token, element) {
    if (element.trigger.type === 'timer') {
      const timer = subscribeTimer(run, token, element.id, element.trigger.timer, false);
      token.wait = { type: 'timer', timerId: timer.id };
      return;
    }
    const subscription = subscribeMessage(
      run,
      token,
      element.id,
      element.trigger.messageName,
      element.trigger.correlationKey,
    );
    token.wait = { type: 'message', subscriptionId: subscription.id };
  },
};
