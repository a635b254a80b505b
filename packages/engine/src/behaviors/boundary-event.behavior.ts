import type { BoundaryEventDefinition } from '../definition/definition.types.js';
import type { Behavior } from './behavior.types.js';

/** A boundary event's token is created when it fires (see fireBoundary) and leaves at once. */
export const boundaryEventBehavior: Behavior<BoundaryEventDefinition> = {
  enter(run, token) {
    run.agenda.push({ type: 'leave', tokenId: token.id });
  },
};
