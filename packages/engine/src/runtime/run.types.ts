import type { ProcessDefinition } from '../definition/definition.types.js';
import type { Effect } from '../effects.js';
import type { InstanceState } from '../state/state.types.js';
import type { BusinessCalendar } from '../time/business-time.util.js';
import type { TimerLimits } from '../time/timer.util.js';

/** A named atomic operation on a token, queued on the agenda of one step. */
export type Operation =
  | { type: 'enter'; tokenId: string }
  | { type: 'leave'; tokenId: string }
  | { type: 'run-service'; tokenId: string };

/** The working set of one `execute` call: a private copy of the state plus the effects produced. */
export interface Run {
  definition: ProcessDefinition;
  state: InstanceState;
  effects: Effect[];
  now: string;
  timeZone: string;
  instanceId: string;
  agenda: Operation[];
  steps: number;
  maxSteps: number;
  timerLimits: TimerLimits;
  /** For business durations; null = the standard calendar (effects flagged `businessCalendar: 'standard'`). */
  calendar: BusinessCalendar | null;
}
