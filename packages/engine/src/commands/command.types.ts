import type { Effect } from '../effects.js';
import type { InstanceState } from '../state/state.types.js';

export type Command =
  | { type: 'start'; variables?: Record<string, unknown>; startEventId?: string }
  | { type: 'complete-task'; taskId: string; output?: Record<string, unknown> }
  | { type: 'fire-timer'; timerId: string }
  | { type: 'correlate-message'; subscriptionId: string; variables?: Record<string, unknown> }
  | { type: 'service-completed'; jobId: string; output?: Record<string, unknown> }
  | { type: 'service-failed'; jobId: string; errorCode?: string; message: string }
  | { type: 'child-completed'; callId: string; variables?: Record<string, unknown> }
  | { type: 'retry'; incidentId: string }
  | { type: 'cancel'; reason?: string };

export type CommandType = Command['type'];

export interface ExecutionContext {
  /** ISO instant: the only clock. */
  now: string;
  /** IANA zone for date-only timers and calendar arithmetic. Default 'Asia/Shanghai'. */
  timeZone?: string;
  /** Chosen by the server; prefix of every generated id. */
  instanceId: string;
  /** Maximum element entries in one step (guards loops without wait states). Default 10000. */
  maxSteps?: number;
  /** Timer limits applied to runtime expressions (defaults as for deploy). */
  maxTimerRepetitions?: number;
  minTimerCycle?: string;
}

export interface StepResult {
  state: InstanceState;
  effects: Effect[];
}
