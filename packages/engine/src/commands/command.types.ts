import type { Effect } from '../effects.js';
import type { BusinessCalendar } from '../time/business-time.util.js';
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
  | { type: 'cancel'; reason?: string }
  /**
   * Cancels the tokens waiting at `taskIds` (a multi-instance task's whole body) and activates the user task
   * `toElementId` in the same scope, first writing `variables` there (send back, withdraw).
   */
  | { type: 'move'; taskIds: string[]; toElementId: string; variables?: Record<string, unknown> }
  /**
   * Adds an instance for `item` to the running multi-instance user task of `taskId` (add a signer). Parallel:
   * one more instance at once. Sequential: `before` = the new one acts now and `taskId` waits for its turn
   * again, `after` = the new one acts right after `taskId`.
   */
  | { type: 'add-instance'; taskId: string; item: unknown; position: 'before' | 'after' };

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
  /**
   * Working days, hours, holidays and make-up workdays for business durations (`P3WD`, `PT4WH`,
   * "3 个工作日") in timers, dueDate and followUpDate. Without one they use the standard Monday–Friday
   * 08:30–12:00/13:30–17:30 calendar with no holidays, in `timeZone`, and the effect says `businessCalendar: 'standard'`.
   */
  calendar?: BusinessCalendar;
}

export interface StepResult {
  state: InstanceState;
  effects: Effect[];
}
