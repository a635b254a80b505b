import type { Command } from './command.types.js';
import { EngineError } from '../errors.js';
import { completeActivity } from '../runtime/operations.util.js';
import type { Run } from '../runtime/run.types.js';

export const completeTaskCommand = (run: Run, command: Extract<Command, { type: 'complete-task' }>): void => {
  const token = run.state.tokens.find(
    (item) => item.wait?.type === 'task' && item.wait.taskId === command.taskId,
  );
  if (!token) {
    throw new EngineError('unknown-task', `no open task ${command.taskId}`);
  }
  completeActivity(run, token, command.output ?? {});
};
