import type { Command } from '../commands/command.types.js';
import type { Effect } from '../effects.js';
import type { InstanceStatus } from '../state/state.types.js';

/** What the virtual users and services do. Durations are ISO 8601, counted from when the work appears. */
export interface SimulationScript {
  variables?: Record<string, unknown>;
  startEventId?: string;
  /** Completions of user tasks, used in order per elementId. Tasks without an entry complete at once. */
  tasks?: { elementId: string; after?: string; output?: Record<string, unknown> }[];
  /** Service results by serviceType or elementId (elementId wins). Default: completes at once. */
  services?: Record<
    string,
    { after?: string; output?: Record<string, unknown>; errorCode?: string; message?: string }
  >;
  /** Messages arriving after the subscription opened, used in order per elementId. */
  messages?: { elementId: string; after?: string; variables?: Record<string, unknown> }[];
  /** Called processes by process key. Default: completes at once with no variables. */
  children?: Record<string, { after?: string; variables?: Record<string, unknown> }>;
}

export interface SimulationOptions {
  /** Virtual start time (ISO instant). */
  start: string;
  instanceId?: string;
  /** Maximum commands. Default 1000. */
  maxSteps?: number;
  timeZone?: string;
}

export interface SimulationStep {
  at: string;
  command: Command;
  effects: Effect[];
}

export interface SimulationTrace {
  steps: SimulationStep[];
  /** Every effect with its virtual time, in order. */
  effects: { at: string; effect: Effect }[];
  status: InstanceStatus;
  /** Virtual time of the last step. */
  endedAt: string;
  /** Why the simulation stopped before the instance finished, if it did. */
  stopped: 'finished' | 'no-pending-work' | 'max-steps' | 'error';
  error?: { code: string; message: string };
}
