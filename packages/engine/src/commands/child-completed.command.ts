import type { Command } from './command.types.js';
import { applyCallMappings } from '../behaviors/call-activity.behavior.js';
import { EngineError } from '../errors.js';
import { completeActivity } from '../runtime/operations.util.js';
import type { Run } from '../runtime/run.types.js';
import { elementOf } from '../runtime/run.util.js';

/** The called process finished: camunda:out mappings copy its variables back. */
export const childCompletedCommand = (
  run: Run,
  command: Extract<Command, { type: 'child-completed' }>,
): void => {
  const token = run.state.tokens.find(
    (item) => item.wait?.type === 'call' && item.wait.callId === command.callId,
  );
  if (!token) {
    throw new EngineError('unknown-call', `no running call ${command.callId}`);
  }
  const element = elementOf(run, token.elementId);
  const output =
    element.type === 'callActivity' ? applyCallMappings(run, element.out, command.variables ?? {}) : {};
  completeActivity(run, token, output);
};
