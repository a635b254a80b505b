import type { ElementDefinition, ElementType } from '../definition/definition.types.js';
import type { Run } from '../runtime/run.types.js';
import type { Token } from '../state/state.types.js';

/** How one element kind behaves when a token enters it and which flows it leaves by. */
export interface Behavior<E extends ElementDefinition> {
  enter(run: Run, token: Token, element: E): void;
  /** Outgoing flows to take when leaving (default: all). Throws EvaluationFailure → incident. */
  selectFlows?(run: Run, token: Token, element: E): string[];
}

export type BehaviorRegistry = { [K in ElementType]: Behavior<Extract<ElementDefinition, { type: K }>> };
