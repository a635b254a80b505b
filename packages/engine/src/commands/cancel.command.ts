import type { Command } from './command.types.js';
import { endInstance } from '../runtime/operations.util.js';
import type { Run } from '../runtime/run.types.js';

/** Cancels every token (tasks, timers, subscriptions, children) and ends the instance as cancelled. */
export const cancelCommand = (run: Run, _command: Extract<Command, { type: 'cancel' }>): void => {
  endInstance(run, 'cancelled');
};
