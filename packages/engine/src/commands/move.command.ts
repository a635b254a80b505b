import type { Command } from './command.types.js';
import { EngineError } from '../errors.js';
import { cancelToken } from '../runtime/operations.util.js';
import type { Run } from '../runtime/run.types.js';
import { createToken, findToken, setVariables } from '../runtime/run.util.js';
import type { Token } from '../state/state.types.js';

/** The token that leaves when a task is moved away from: the task's own, or its multi-instance body. */
const movedToken = (run: Run, taskId: string): Token => {
  const token = run.state.tokens.find((item) => item.wait?.type === 'task' && item.wait.taskId === taskId);
  if (!token) {
    throw new EngineError('unknown-task', `no open task ${taskId}`);
  }
  if (token.loopIndex === undefined || token.parentId === null) {
    return token;
  }
  return findToken(run, token.parentId) ?? token;
};

/**
 * Send back / withdraw: the tokens at the given tasks are cancelled and the user task `toElementId` of the same
 * scope (process level or one embedded sub-process) is entered again, with `variables` written first. Other
 * tokens (parallel branches) are left as they are.
 */
export const moveCommand = (run: Run, command: Extract<Command, { type: 'move' }>): void => {
  const target = run.definition.elements[command.toElementId];
  if (target?.type !== 'userTask') {
    throw new EngineError(
      'bad-command',
      `${command.toElementId} is not a user task of ${run.definition.id}`,
      command.toElementId,
    );
  }
  if (command.taskIds.length === 0) {
    throw new EngineError('bad-command', 'move needs the tasks to move away from');
  }
  const moved: Token[] = [];
  for (const taskId of command.taskIds) {
    const token = movedToken(run, taskId);
    if (!moved.includes(token)) {
      moved.push(token);
    }
  }
  const scopeId = moved[0]?.parentId ?? null;
  const scope = scopeId === null ? undefined : findToken(run, scopeId);
  if (moved.some((token) => token.parentId !== scopeId) || target.parentId !== (scope?.elementId ?? null)) {
    throw new EngineError(
      'bad-command',
      `${target.id} is not in the same scope as the tasks it should replace`,
      target.id,
    );
  }
  for (const token of moved) {
    cancelToken(run, token);
  }
  if (command.variables !== undefined) {
    setVariables(run, scope ?? null, command.variables);
  }
  const token = createToken(run, target.id, scopeId);
  run.agenda.push({ type: 'enter', tokenId: token.id });
};
