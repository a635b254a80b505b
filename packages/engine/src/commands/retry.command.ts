import type { Command } from './command.types.js';
import { checkMultiInstanceCompletion } from '../behaviors/multi-instance.behavior.js';
import { EngineError } from '../errors.js';
import type { Run } from '../runtime/run.types.js';
import { findToken } from '../runtime/run.util.js';

/** Resolves an incident and repeats the operation that failed. */
export const retryCommand = (run: Run, command: Extract<Command, { type: 'retry' }>): void => {
  const incident = run.state.incidents.find((item) => item.id === command.incidentId);
  if (!incident) {
    throw new EngineError('unknown-incident', `no open incident ${command.incidentId}`);
  }
  run.state.incidents = run.state.incidents.filter((item) => item.id !== incident.id);
  if (run.state.incidents.length === 0) {
    run.state.status = 'active';
  }
  const token = findToken(run, incident.tokenId);
  if (!token) {
    return;
  }
  delete token.incidentId;
  if (incident.operation === 'complete-instances') {
    checkMultiInstanceCompletion(run, token);
    return;
  }
  run.agenda.push({ type: incident.operation, tokenId: token.id });
};
