import type { Command, ExecutionContext } from '../commands/command.types.js';
import type { ProcessDefinition } from '../definition/definition.types.js';
import type { Effect } from '../effects.js';
import { EngineError } from '../errors.js';
import { execute } from '../runtime/execute.js';
import type { InstanceState } from '../state/state.types.js';
import { addDuration } from '../time/duration.util.js';
import { DEFAULT_TIME_ZONE, formatInstant, parseInstant } from '../time/zone.util.js';
import type {
  SimulationOptions,
  SimulationScript,
  SimulationStep,
  SimulationTrace,
} from './simulate.types.js';

interface Pending {
  at: number;
  order: number;
  /** Id of the task / timer / job / call / subscription this action answers (for cancellation). */
  key: string;
  command: Command;
}

/**
 * Runs a definition on a virtual clock: timers fire when due, tasks, services, messages and children
 * answer per the script. Returns the ordered trace — what the designer shows before publishing.
 */
export const simulate = (
  definition: ProcessDefinition,
  script: SimulationScript,
  options: SimulationOptions,
): SimulationTrace => {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const startMs = parseInstant(options.start, timeZone);
  if (startMs === null) {
    throw new EngineError('bad-command', `simulation start is not an ISO instant: ${options.start}`);
  }
  const maxSteps = options.maxSteps ?? 1000;
  const taskScript = [...(script.tasks ?? [])];
  const messageScript = [...(script.messages ?? [])];
  const pending: Pending[] = [];
  const steps: SimulationStep[] = [];
  const trace: SimulationTrace['effects'] = [];
  let order = 0;
  let now = startMs;
  let state: InstanceState | null = null;

  const later = (after: string | undefined): number => {
    if (after === undefined) {
      return now;
    }
    return parseInstant(addDuration(formatInstant(now), after, timeZone), timeZone) ?? now;
  };
  const plan = (at: number, key: string, command: Command): void => {
    order += 1;
    pending.push({ at, order, key, command });
  };
  const cancel = (key: string): void => {
    const index = pending.findIndex((item) => item.key === key);
    if (index >= 0) {
      pending.splice(index, 1);
    }
  };
  const react = (effect: Effect): void => {
    switch (effect.type) {
      case 'create-task': {
        const index = taskScript.findIndex((entry) => entry.elementId === effect.elementId);
        const entry = index >= 0 ? taskScript.splice(index, 1)[0] : undefined;
        plan(later(entry?.after), effect.taskId, {
          type: 'complete-task',
          taskId: effect.taskId,
          output: entry?.output ?? {},
        });
        return;
      }
      case 'schedule-timer':
        plan(parseInstant(effect.dueAt, timeZone) ?? now, effect.timerId, {
          type: 'fire-timer',
          timerId: effect.timerId,
        });
        return;
      case 'run-service': {
        const answer = script.services?.[effect.elementId] ?? script.services?.[effect.serviceType] ?? {};
        plan(
          later(answer.after),
          effect.jobId,
          answer.errorCode === undefined && answer.message === undefined
            ? { type: 'service-completed', jobId: effect.jobId, output: answer.output ?? {} }
            : {
                type: 'service-failed',
                jobId: effect.jobId,
                message: answer.message ?? 'simulated failure',
                ...(answer.errorCode === undefined ? {} : { errorCode: answer.errorCode }),
              },
        );
        return;
      }
      case 'subscribe-message': {
        const index = messageScript.findIndex((entry) => entry.elementId === effect.elementId);
        const entry = index >= 0 ? messageScript.splice(index, 1)[0] : undefined;
        if (entry) {
          plan(later(entry.after), effect.subscriptionId, {
            type: 'correlate-message',
            subscriptionId: effect.subscriptionId,
            variables: entry.variables ?? {},
          });
        }
        return;
      }
      case 'start-child': {
        const answer = script.children?.[effect.processKey] ?? {};
        plan(later(answer.after), effect.callId, {
          type: 'child-completed',
          callId: effect.callId,
          variables: answer.variables ?? {},
        });
        return;
      }
      case 'cancel-task':
        cancel(effect.taskId);
        return;
      case 'cancel-timer':
        cancel(effect.timerId);
        return;
      case 'unsubscribe-message':
        cancel(effect.subscriptionId);
        return;
      case 'cancel-child':
        cancel(effect.callId);
        return;
      case 'incident':
      case 'history':
      case 'ended':
        return;
    }
  };

  let command: Command = {
    type: 'start',
    variables: script.variables ?? {},
    ...(script.startEventId === undefined ? {} : { startEventId: script.startEventId }),
  };
  let stopped: SimulationTrace['stopped'] = 'no-pending-work';
  let error: SimulationTrace['error'];
  for (;;) {
    if (steps.length >= maxSteps) {
      stopped = 'max-steps';
      break;
    }
    const at = formatInstant(now);
    const context: ExecutionContext = { now: at, timeZone, instanceId: options.instanceId ?? 'simulation' };
    try {
      const result = execute(definition, state, command, context);
      state = result.state;
      steps.push({ at, command, effects: result.effects });
      for (const effect of result.effects) {
        trace.push({ at, effect });
        react(effect);
      }
    } catch (caught) {
      stopped = 'error';
      error =
        caught instanceof EngineError
          ? { code: caught.code, message: caught.message }
          : { code: 'error', message: caught instanceof Error ? caught.message : String(caught) };
      break;
    }
    if (state.status === 'completed' || state.status === 'terminated' || state.status === 'cancelled') {
      stopped = 'finished';
      break;
    }
    pending.sort((a, b) => a.at - b.at || a.order - b.order);
    const next = pending.shift();
    if (!next) {
      break;
    }
    now = Math.max(now, next.at);
    command = next.command;
  }
  return {
    steps,
    effects: trace,
    status: state?.status ?? 'active',
    endedAt: formatInstant(now),
    stopped,
    ...(error === undefined ? {} : { error }),
  };
};
