import type { Command } from './command.types.js';
import type { IntermediateCatchEventDefinition } from '../definition/definition.types.js';
import { EngineError } from '../errors.js';
import { clearSubscriptions, fireBoundary, scopeToken, takeFlow } from '../runtime/operations.util.js';
import type { Run } from '../runtime/run.types.js';
import { elementOf, findToken, history, nextId, setVariables } from '../runtime/run.util.js';
import type { Subscription, Token } from '../state/state.types.js';
import { nextCycleDue } from '../time/timer.util.js';

/** The catch event behind a subscription happened (timer fired or message correlated). */
const trigger = (run: Run, subscription: Subscription, variables: Record<string, unknown>): void => {
  const token = findToken(run, subscription.tokenId);
  if (!token) {
    throw new EngineError(
      'bad-command',
      `subscription ${subscription.id} has no token`,
      subscription.elementId,
    );
  }
  const element = elementOf(run, subscription.elementId);
  if (element.type === 'boundaryEvent') {
    keepOrDrop(run, subscription, element.cancelActivity);
    setVariables(run, scopeToken(run, token), variables);
    fireBoundary(run, element, token);
    return;
  }
  if (element.type !== 'intermediateCatchEvent') {
    throw new EngineError(
      'bad-command',
      `subscription ${subscription.id} is not on a catch event`,
      element.id,
    );
  }
  run.state.subscriptions = run.state.subscriptions.filter((item) => item.id !== subscription.id);
  setVariables(run, scopeToken(run, token), variables);
  if (token.elementId !== element.id) {
    passEventGateway(run, token, element);
    return;
  }
  delete token.wait;
  run.agenda.push({ type: 'leave', tokenId: token.id });
};

/** An event-based gateway's race was won by `target`: cancel the other subscriptions and move on. */
const passEventGateway = (run: Run, token: Token, target: IntermediateCatchEventDefinition): void => {
  const gateway = elementOf(run, token.elementId);
  clearSubscriptions(run, token.id);
  delete token.wait;
  history(run, gateway.id, gateway.type, 'left', token.id);
  const flowId = gateway.outgoing.find((id) => run.definition.flows[id]?.targetId === target.id);
  if (flowId === undefined) {
    throw new EngineError('bad-definition', `no flow from ${gateway.id} to ${target.id}`, gateway.id);
  }
  takeFlow(run, token, flowId);
  run.agenda.pop();
  history(run, target.id, target.type, 'entered', token.id);
  run.agenda.push({ type: 'leave', tokenId: token.id });
};

/** Non-interrupting cycles reschedule the next occurrence; everything else is consumed. */
const keepOrDrop = (run: Run, subscription: Subscription, interrupting: boolean): void => {
  run.state.subscriptions = run.state.subscriptions.filter((item) => item.id !== subscription.id);
  if (interrupting) {
    return;
  }
  if (subscription.type === 'message') {
    run.state.subscriptions.push(subscription);
    return;
  }
  const { remaining, interval } = subscription;
  if (interval === null || remaining === 0) {
    return;
  }
  const next: Subscription = {
    ...subscription,
    id: nextId(run, 'timer'),
    dueAt: nextCycleDue(subscription.dueAt, interval, run.timeZone),
    remaining: remaining === null ? null : remaining - 1,
  };
  run.state.subscriptions.push(next);
  run.effects.push({
    type: 'schedule-timer',
    timerId: next.id,
    elementId: next.elementId,
    dueAt: next.dueAt,
  });
};

export const fireTimerCommand = (run: Run, command: Extract<Command, { type: 'fire-timer' }>): void => {
  const subscription = run.state.subscriptions.find(
    (item) => item.type === 'timer' && item.id === command.timerId,
  );
  if (!subscription) {
    throw new EngineError('unknown-timer', `no scheduled timer ${command.timerId}`);
  }
  trigger(run, subscription, {});
};

export const correlateMessageCommand = (
  run: Run,
  command: Extract<Command, { type: 'correlate-message' }>,
): void => {
  const subscription = run.state.subscriptions.find(
    (item) => item.type === 'message' && item.id === command.subscriptionId,
  );
  if (!subscription) {
    throw new EngineError('unknown-subscription', `no message subscription ${command.subscriptionId}`);
  }
  trigger(run, subscription, command.variables ?? {});
};
