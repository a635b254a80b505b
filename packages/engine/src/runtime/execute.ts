import type { Command, ExecutionContext, StepResult } from '../commands/command.types.js';
import { cancelCommand } from '../commands/cancel.command.js';
import { childCompletedCommand } from '../commands/child-completed.command.js';
import { completeTaskCommand } from '../commands/complete-task.command.js';
import { correlateMessageCommand, fireTimerCommand } from '../commands/event.command.js';
import { addInstanceCommand } from '../commands/add-instance.command.js';
import { moveCommand } from '../commands/move.command.js';
import { retryCommand } from '../commands/retry.command.js';
import { serviceCompletedCommand, serviceFailedCommand } from '../commands/service.command.js';
import { startCommand } from '../commands/start.command.js';
import type { ProcessDefinition } from '../definition/definition.types.js';
import { EngineError } from '../errors.js';
import type { InstanceState } from '../state/state.types.js';
import { approximateDurationMs, parseDuration } from '../time/duration.util.js';
import { DEFAULT_TIME_ZONE, parseInstant } from '../time/zone.util.js';
import { runAgenda } from './operations.util.js';
import type { Run } from './run.types.js';
import { clone } from './run.util.js';

const FINISHED = new Set(['completed', 'cancelled', 'terminated']);

export const initialState = (definition: ProcessDefinition): InstanceState => ({
  schemaVersion: 1,
  definitionId: definition.id,
  status: 'active',
  variables: {},
  tokens: [],
  subscriptions: [],
  incidents: [],
  counter: 0,
});

const dispatch = (run: Run, command: Command): void => {
  switch (command.type) {
    case 'start':
      startCommand(run, command);
      return;
    case 'complete-task':
      completeTaskCommand(run, command);
      return;
    case 'fire-timer':
      fireTimerCommand(run, command);
      return;
    case 'correlate-message':
      correlateMessageCommand(run, command);
      return;
    case 'service-completed':
      serviceCompletedCommand(run, command);
      return;
    case 'service-failed':
      serviceFailedCommand(run, command);
      return;
    case 'child-completed':
      childCompletedCommand(run, command);
      return;
    case 'retry':
      retryCommand(run, command);
      return;
    case 'cancel':
      cancelCommand(run, command);
      return;
    case 'move':
      moveCommand(run, command);
      return;
    case 'add-instance':
      addInstanceCommand(run, command);
      return;
  }
};

/**
 * The step function: applies one command to a copy of `state` and runs until every token waits.
 * Pure and deterministic: time comes from `context.now`, ids from the state's counter.
 */
export const execute = (
  definition: ProcessDefinition,
  state: InstanceState | null,
  command: Command,
  context: ExecutionContext,
): StepResult => {
  const timeZone = context.timeZone ?? DEFAULT_TIME_ZONE;
  if (parseInstant(context.now, timeZone) === null) {
    throw new EngineError('bad-command', `context.now is not an ISO instant: ${context.now}`);
  }
  if (state === null) {
    if (command.type !== 'start') {
      throw new EngineError('not-active', `the instance has not started; ${command.type} needs a state`);
    }
  } else {
    if (state.definitionId !== definition.id) {
      throw new EngineError('bad-command', `state belongs to ${state.definitionId}, not ${definition.id}`);
    }
    if (command.type === 'start') {
      throw new EngineError('already-started', 'the instance has already started');
    }
    if (FINISHED.has(state.status)) {
      throw new EngineError('not-active', `the instance is ${state.status}`);
    }
  }
  const minCycle = parseDuration(context.minTimerCycle ?? 'PT1M');
  const run: Run = {
    definition,
    state: state === null ? initialState(definition) : clone(state),
    effects: [],
    now: context.now,
    timeZone,
    instanceId: context.instanceId,
    agenda: [],
    steps: 0,
    maxSteps: context.maxSteps ?? 10_000,
    timerLimits: {
      maxRepetitions: context.maxTimerRepetitions ?? 1000,
      minCycleMs: minCycle ? approximateDurationMs(minCycle) : 60_000,
    },
    calendar: context.calendar ?? null,
  };
  dispatch(run, command);
  runAgenda(run);
  return { state: run.state, effects: run.effects };
};
