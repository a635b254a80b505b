import type { Command } from './command.types.js';
import { EngineError } from '../errors.js';
import { completeActivity, throwError } from '../runtime/operations.util.js';
import type { Run } from '../runtime/run.types.js';
import { raiseIncident } from '../runtime/run.util.js';
import type { Token } from '../state/state.types.js';

const jobToken = (run: Run, jobId: string): Token => {
  const token = run.state.tokens.find((item) => item.wait?.type === 'job' && item.wait.jobId === jobId);
  if (!token) {
    throw new EngineError('unknown-job', `no running job ${jobId}`);
  }
  return token;
};

export const serviceCompletedCommand = (
  run: Run,
  command: Extract<Command, { type: 'service-completed' }>,
): void => {
  completeActivity(run, jobToken(run, command.jobId), command.output ?? {});
};

/** A matching error boundary (errorCode, or one without a code) catches the failure; otherwise → incident. */
export const serviceFailedCommand = (
  run: Run,
  command: Extract<Command, { type: 'service-failed' }>,
): void => {
  const token = jobToken(run, command.jobId);
  if (command.errorCode !== undefined && throwError(run, token, command.errorCode)) {
    return;
  }
  delete token.wait;
  raiseIncident(run, token, command.message, 'run-service');
};
