import type { StartEventDefinition } from '../definition/definition.types.js';
import type { Behavior } from './behavior.types.js';

/** Start events (none, timer, message) pass straight through: the trigger happened before the token existed. */
export const startEventBehavior: Behavior<StartEventDefinition> = {
  enter(run, token) {
    run.agenda.push({ type: 'leave', tokenId: token.id });
  },
};
