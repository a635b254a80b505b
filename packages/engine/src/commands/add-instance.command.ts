import type { Command } from './command.types.js';
import { addMultiInstance } from '../behaviors/multi-instance.behavior.js';
import { EngineError } from '../errors.js';
import type { Run } from '../runtime/run.types.js';

/** Adds a signer to a running countersign (multi-instance user task with a collection). */
export const addInstanceCommand = (run: Run, command: Extract<Command, { type: 'add-instance' }>): void => {
  const token = run.state.tokens.find(
    (item) => item.wait?.type === 'task' && item.wait.taskId === command.taskId,
  );
  if (!token) {
    throw new EngineError('unknown-task', `no open task ${command.taskId}`);
  }
  addMultiInstance(run, token, command.item, command.position);
};
