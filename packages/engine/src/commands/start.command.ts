import type { Command } from './command.types.js';
import { EngineError } from '../errors.js';
import type { Run } from '../runtime/run.types.js';
import { createToken } from '../runtime/run.util.js';

/** Starts at the none start event, or at `startEventId` (a process-level timer or message start). */
export const startCommand = (run: Run, command: Extract<Command, { type: 'start' }>): void => {
  const { definition } = run;
  const startId = command.startEventId ?? definition.startEvents.none;
  const start = startId === undefined ? undefined : definition.elements[startId];
  if (!start || start.type !== 'startEvent' || start.parentId !== null) {
    throw new EngineError(
      'unknown-start-event',
      `no start event ${startId ?? '(none)'} in ${definition.id}`,
      startId,
    );
  }
  run.state.variables = { ...(command.variables ?? {}) };
  const token = createToken(run, start.id, null);
  run.agenda.push({ type: 'enter', tokenId: token.id });
};
