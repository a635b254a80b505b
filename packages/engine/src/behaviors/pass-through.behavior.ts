import type { IntermediateThrowEventDefinition, TaskDefinition } from '../definition/definition.types.js';
import type { Behavior } from './behavior.types.js';

/** `task` (no implementation) and none intermediate throw events: leave at once. */
export const passThroughBehavior: Behavior<TaskDefinition | IntermediateThrowEventDefinition> = {
  enter(run, token) {
    run.agenda.push({ type: 'leave', tokenId: token.id });
  },
};
