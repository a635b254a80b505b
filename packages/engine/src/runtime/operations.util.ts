import type {
  BoundaryEventDefinition,
  ElementDefinition,
  TimerDefinition,
  UserTaskDefinition,
  ValueExpression,
} from '../definition/definition.types.js';
import { BEHAVIORS } from '../behaviors/behavior.registry.js';
import { multiInstanceBehavior } from '../behaviors/multi-instance.behavior.js';
import { EngineError } from '../errors.js';
import type { Subscription, Token } from '../state/state.types.js';
import { scheduleTimer } from '../time/timer.util.js';
import type { Run } from './run.types.js';
import {
  childTokens,
  createToken,
  elementOf,
  evaluateExpression,
  evaluateString,
  EvaluationFailure,
  findToken,
  history,
  nextId,
  raiseIncident,
  removeToken,
  setVariables,
  visibleVariables,
} from './run.util.js';

const ACTIVITIES = new Set<ElementDefinition['type']>([
  'userTask',
  'serviceTask',
  'businessRuleTask',
  'task',
  'subProcess',
  'callActivity',
]);

export const isActivity = (element: ElementDefinition): boolean => ACTIVITIES.has(element.type);

const isMultiInstanceBody = (element: ElementDefinition, token: Token): element is UserTaskDefinition =>
  element.type === 'userTask' && element.multiInstance !== null && token.loopIndex === undefined;

export const scopeToken = (run: Run, token: Token): Token | null =>
  token.parentId === null ? null : (findToken(run, token.parentId) ?? null);

/** Runs queued operations until the agenda is empty and no inclusive join can fire. */
export const runAgenda = (run: Run): void => {
  for (;;) {
    for (let operation = run.agenda.shift(); operation; operation = run.agenda.shift()) {
      run.steps += 1;
      if (run.steps > run.maxSteps) {
        throw new EngineError(
          'too-many-steps',
          `more than ${run.maxSteps} operations in one step (endless loop?)`,
        );
      }
      const token = findToken(run, operation.tokenId);
      if (!token) {
        continue;
      }
      switch (operation.type) {
        case 'enter':
          enterToken(run, token);
          break;
        case 'leave':
          leaveToken(run, token);
          break;
        case 'run-service':
          guarded(run, token, 'run-service', () => {
            const element = elementOf(run, token.elementId);
            if (element.type === 'serviceTask') {
              BEHAVIORS.serviceTask.enter(run, token, element);
            }
          });
          break;
      }
    }
    if (!settleInclusiveJoins(run)) {
      return;
    }
  }
};

const guarded = (
  run: Run,
  token: Token,
  operation: 'enter' | 'leave' | 'run-service' | 'complete-instances',
  action: () => void,
): void => {
  try {
    action();
  } catch (error) {
    if (error instanceof EvaluationFailure) {
      raiseIncident(run, token, error.message, operation);
      return;
    }
    throw error;
  }
};

export const enterToken = (run: Run, token: Token): void => {
  const element = elementOf(run, token.elementId);
  if (token.loopIndex === undefined) {
    history(run, element.id, element.type, 'entered', token.id);
  }
  try {
    if (isActivity(element) && token.loopIndex === undefined) {
      subscribeBoundaries(run, token, element);
    }
    if (isMultiInstanceBody(element, token)) {
      multiInstanceBehavior.enter(run, token, element);
      return;
    }
    if (isActivity(element) && element.inputs.length > 0) {
      const data = visibleVariables(run, token);
      const locals: Record<string, unknown> = {};
      for (const input of element.inputs) {
        locals[input.name] = evaluateExpression(run, input.value, { ...data, ...locals });
      }
      token.variables = { ...token.variables, ...locals };
    }
    enterBehavior(run, token, element);
  } catch (error) {
    if (error instanceof EvaluationFailure) {
      clearSubscriptions(run, token.id);
      raiseIncident(run, token, error.message, 'enter');
      return;
    }
    throw error;
  }
};

const enterBehavior = (run: Run, token: Token, element: ElementDefinition): void => {
  // The registry is keyed by type; the cast narrows the behaviour to the element's own kind.
  const behavior = BEHAVIORS[element.type] as {
    enter(run: Run, token: Token, element: ElementDefinition): void;
  };
  behavior.enter(run, token, element);
};

const selectFlows = (run: Run, token: Token, element: ElementDefinition): string[] => {
  const behavior = BEHAVIORS[element.type] as {
    selectFlows?: (run: Run, token: Token, element: ElementDefinition) => string[];
  };
  return behavior.selectFlows ? behavior.selectFlows(run, token, element) : [...element.outgoing];
};

/** Leaves the token's element along the selected flows (forking when several). No flow = implicit end. */
export const leaveToken = (run: Run, token: Token): void => {
  const element = elementOf(run, token.elementId);
  let flows: string[];
  try {
    flows = selectFlows(run, token, element);
  } catch (error) {
    if (error instanceof EvaluationFailure) {
      raiseIncident(run, token, error.message, 'leave');
      return;
    }
    throw error;
  }
  history(run, element.id, element.type, 'left', token.id);
  delete token.wait;
  delete token.variables;
  if (flows.length === 0) {
    consumeToken(run, token);
    return;
  }
  flows.forEach((flowId, index) => {
    const moving = index === 0 ? token : createToken(run, element.id, token.parentId);
    takeFlow(run, moving, flowId);
  });
};

export const takeFlow = (run: Run, token: Token, flowId: string): void => {
  const flow = run.definition.flows[flowId];
  if (!flow) {
    throw new EngineError('bad-definition', `flow ${flowId} is not in the definition`);
  }
  history(run, flow.id, 'sequenceFlow', 'taken', token.id);
  token.elementId = flow.targetId;
  token.via = flow.id;
  run.agenda.push({ type: 'enter', tokenId: token.id });
};

/** An activity finished with `output`: map outputs, drop boundary subscriptions, then leave. */
export const completeActivity = (run: Run, token: Token, output: Record<string, unknown>): void => {
  const element = elementOf(run, token.elementId);
  if (token.loopIndex !== undefined) {
    multiInstanceBehavior.instanceCompleted(run, token, output);
    return;
  }
  try {
    setVariables(run, scopeToken(run, token), mapOutputs(run, token, element, output));
  } catch (error) {
    if (error instanceof EvaluationFailure) {
      delete token.wait;
      raiseIncident(run, token, `output mapping: ${error.message}`, 'leave');
      return;
    }
    throw error;
  }
  clearSubscriptions(run, token.id);
  delete token.wait;
  run.agenda.push({ type: 'leave', tokenId: token.id });
};

export const mapOutputs = (
  run: Run,
  token: Token,
  element: ElementDefinition,
  output: Record<string, unknown>,
): Record<string, unknown> => {
  if (element.outputs.length === 0) {
    return output;
  }
  const data = { ...visibleVariables(run, token), ...output };
  const values: Record<string, unknown> = {};
  for (const parameter of element.outputs) {
    values[parameter.name] = evaluateExpression(run, parameter.value, data);
  }
  return values;
};

/** Removes a token that reached its end; completes its scope when it was the last one. */
export const consumeToken = (run: Run, token: Token): void => {
  removeToken(run, token.id);
  completeScopeIfEmpty(run, token.parentId);
};

export const completeScopeIfEmpty = (run: Run, scopeId: string | null): void => {
  if (childTokens(run, scopeId).length > 0) {
    return;
  }
  if (scopeId === null) {
    if (run.state.status === 'active' || run.state.status === 'incident') {
      endInstance(run, 'completed');
    }
    return;
  }
  const scope = findToken(run, scopeId);
  if (scope && elementOf(run, scope.elementId).type === 'subProcess') {
    completeActivity(run, scope, {});
  }
};

export const endInstance = (run: Run, status: 'completed' | 'terminated' | 'cancelled'): void => {
  for (const token of childTokens(run, null)) {
    cancelToken(run, token);
  }
  for (const subscription of [...run.state.subscriptions]) {
    dropSubscription(run, subscription);
  }
  run.state.incidents = [];
  run.state.status = status;
  run.agenda = [];
  run.effects.push({ type: 'ended', status });
};

/** Cancels a token and everything below it: tasks, jobs' waits, children, timers and subscriptions. */
export const cancelToken = (run: Run, token: Token): void => {
  for (const child of childTokens(run, token.id)) {
    cancelToken(run, child);
  }
  const wait = token.wait;
  if (wait?.type === 'task') {
    run.effects.push({ type: 'cancel-task', taskId: wait.taskId });
  } else if (wait?.type === 'call') {
    run.effects.push({ type: 'cancel-child', callId: wait.callId });
  }
  clearSubscriptions(run, token.id);
  run.state.incidents = run.state.incidents.filter((incident) => incident.tokenId !== token.id);
  if (run.state.incidents.length === 0 && run.state.status === 'incident') {
    run.state.status = 'active';
  }
  const element = elementOf(run, token.elementId);
  if (token.loopIndex === undefined) {
    history(run, element.id, element.type, 'cancelled', token.id);
  }
  removeToken(run, token.id);
};

export const dropSubscription = (run: Run, subscription: Subscription): void => {
  run.state.subscriptions = run.state.subscriptions.filter((item) => item.id !== subscription.id);
  run.effects.push(
    subscription.type === 'timer'
      ? { type: 'cancel-timer', timerId: subscription.id }
      : { type: 'unsubscribe-message', subscriptionId: subscription.id },
  );
};

export const clearSubscriptions = (run: Run, tokenId: string, except?: string): void => {
  for (const subscription of run.state.subscriptions.filter((item) => item.tokenId === tokenId)) {
    if (subscription.id !== except) {
      dropSubscription(run, subscription);
    }
  }
};

const subscribeBoundaries = (run: Run, token: Token, element: ElementDefinition): void => {
  for (const boundaryId of element.boundaryEvents) {
    const boundary = elementOf(run, boundaryId);
    if (boundary.type !== 'boundaryEvent') {
      continue;
    }
    if (boundary.trigger.type === 'timer') {
      subscribeTimer(run, token, boundary.id, boundary.trigger.timer, !boundary.cancelActivity);
    } else if (boundary.trigger.type === 'message') {
      subscribeMessage(
        run,
        token,
        boundary.id,
        boundary.trigger.messageName,
        boundary.trigger.correlationKey,
      );
    }
  }
};

/** Evaluates a timer for `token` and schedules it (cycles repeat only when `repeating`). */
export const subscribeTimer = (
  run: Run,
  token: Token,
  elementId: string,
  timer: TimerDefinition,
  repeating: boolean,
): Subscription => {
  const text = evaluateString(run, timer.expression, visibleVariables(run, token));
  if (text === undefined) {
    throw new EvaluationFailure(`timer of ${elementId} evaluated to no value`);
  }
  const scheduled = scheduleTimer(
    timer.kind,
    text.trim(),
    run.now,
    run.timeZone,
    run.timerLimits,
    run.calendar,
  );
  if (!scheduled.ok) {
    throw new EvaluationFailure(scheduled.message);
  }
  const subscription: Subscription = {
    type: 'timer',
    id: nextId(run, 'timer'),
    elementId,
    tokenId: token.id,
    dueAt: scheduled.dueAt,
    remaining: repeating ? scheduled.remaining : 0,
    interval: repeating ? scheduled.interval : null,
  };
  run.state.subscriptions.push(subscription);
  run.effects.push({
    type: 'schedule-timer',
    timerId: subscription.id,
    elementId,
    dueAt: subscription.dueAt,
    ...(scheduled.businessCalendar ? { businessCalendar: scheduled.businessCalendar } : {}),
  });
  return subscription;
};

export const subscribeMessage = (
  run: Run,
  token: Token,
  elementId: string,
  messageName: string,
  correlation: ValueExpression | null,
): Subscription => {
  const correlationKey = evaluateString(run, correlation, visibleVariables(run, token)) ?? null;
  const subscription: Subscription = {
    type: 'message',
    id: nextId(run, 'msg'),
    elementId,
    tokenId: token.id,
    messageName,
    correlationKey,
  };
  run.state.subscriptions.push(subscription);
  run.effects.push({
    type: 'subscribe-message',
    subscriptionId: subscription.id,
    elementId,
    messageName,
    correlationKey,
  });
  return subscription;
};

/** A boundary event of `host` fired: interrupting ones cancel the host first. */
export const fireBoundary = (run: Run, boundary: BoundaryEventDefinition, host: Token): void => {
  const token = createToken(run, boundary.id, host.parentId);
  if (boundary.cancelActivity) {
    cancelToken(run, host);
  }
  run.agenda.push({ type: 'enter', tokenId: token.id });
};

/** Throws a BPMN error from `token`: the nearest matching error boundary catches it. */
export const throwError = (run: Run, token: Token, errorCode: string | null): boolean => {
  let current: Token | null = token;
  while (current) {
    const element = elementOf(run, current.elementId);
    const catcher = element.boundaryEvents
      .map((id) => elementOf(run, id))
      .find(
        (boundary): boundary is BoundaryEventDefinition =>
          boundary.type === 'boundaryEvent' &&
          boundary.trigger.type === 'error' &&
          (boundary.trigger.errorCode === null || boundary.trigger.errorCode === errorCode),
      );
    if (catcher) {
      fireBoundary(run, catcher, current);
      return true;
    }
    current = scopeToken(run, current);
  }
  return false;
};

/** Fires inclusive joins that no other token can still reach. Returns true when one fired. */
const settleInclusiveJoins = (run: Run): boolean => {
  for (const token of run.state.tokens) {
    if (token.wait?.type !== 'join' || token.incidentId !== undefined) {
      continue;
    }
    const element = elementOf(run, token.elementId);
    if (element.type !== 'inclusiveGateway') {
      continue;
    }
    const sources = new Set(run.definition.inclusiveSources[element.id] ?? []);
    const siblings = childTokens(run, token.parentId);
    const pending = siblings.some((other) => other.elementId !== element.id && sources.has(other.elementId));
    if (pending) {
      continue;
    }
    const waiting = siblings.filter((other) => other.elementId === element.id && other.wait?.type === 'join');
    for (const other of waiting) {
      if (other.id !== token.id) {
        removeToken(run, other.id);
      }
    }
    delete token.wait;
    run.agenda.push({ type: 'leave', tokenId: token.id });
    return true;
  }
  return false;
};
