import type { SubProcessDefinition } from '../definition/definition.types.js';
import { createToken } from '../runtime/run.util.js';
import type { Behavior } from './behavior.types.js';

/** Embedded sub-process: a scope token; a child token starts at its none start event. */
export const subProcessBehavior: Behavior<SubProcessDefinition> = {
  enter(run, token, element) {
    token.wait = { type: 'scope' };
    const child = createToken(run, element.startEventId, token.id);
    run.agenda.push({ type: 'enter', tokenId: child.id });
  },
};
