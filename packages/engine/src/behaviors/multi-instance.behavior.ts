import { countersignPassed, isRejection } from '../definition/countersign.util.js';
import type { UserTaskDefinition } from '../definition/definition.types.js';
import { EngineError } from '../errors.js';
import { cancelToken, completeActivity, mapOutputs, scopeToken } from '../runtime/operations.util.js';
import type { Run } from '../runtime/run.types.js';
import {
  childTokens,
  createToken,
  elementOf,
  evaluateCondition,
  evaluateExpression,
  EvaluationFailure,
  findToken,
  raiseIncident,
  removeToken,
  setVariables,
  visibleVariables,
} from '../runtime/run.util.js';
import type { Token } from '../state/state.types.js';

const MAX_INSTANCES = 1000;

const startInstance = (run: Run, body: Token, element: UserTaskDefinition, index: number): void => {
  if (body.wait?.type !== 'multi-instance') {
    return;
  }
  const locals: Record<string, unknown> = { loopCounter: index };
  const elementVariable = element.multiInstance?.elementVariable ?? null;
  if (elementVariable !== null && body.wait.items !== null) {
    locals[elementVariable] = body.wait.items[index];
  }
  body.wait.active += 1;
  body.wait.next = index + 1;
  const instance = createToken(run, element.id, body.id, { loopIndex: index, variables: locals });
  run.agenda.push({ type: 'enter', tokenId: instance.id });
};

const finish = (run: Run, body: Token, element: UserTaskDefinition): void => {
  if (body.wait?.type !== 'multi-instance') {
    return;
  }
  const outputs = body.wait.outputs;
  for (const instance of childTokens(run, body.id)) {
    cancelToken(run, instance);
  }
  const collection = element.multiInstance?.outputCollection ?? null;
  if (collection !== null) {
    setVariables(run, scopeToken(run, body), { [collection]: outputs });
  }
  const countersign = element.multiInstance?.countersign ?? null;
  if (countersign !== null) {
    const passed = countersignPassed(countersign, { ...votesOf(outputs), instances: body.wait.total });
    setVariables(run, scopeToken(run, body), { approved: passed });
  }
  completeActivity(run, body, {});
};

/** Approvals and rejections among the collected outputs (`approved: false` rejects). */
const votesOf = (outputs: unknown[]): { approved: number; rejected: number } => {
  const rejected = outputs.filter(isRejection).length;
  return { approved: outputs.length - rejected, rejected };
};

/** Checks the completion condition (nrOfInstances, nrOfCompletedInstances, nrOfActiveInstances, outputs). */
export const checkMultiInstanceCompletion = (run: Run, body: Token): void => {
  const element = elementOf(run, body.elementId);
  if (element.type !== 'userTask' || body.wait?.type !== 'multi-instance' || !element.multiInstance) {
    return;
  }
  const wait = body.wait;
  let done = wait.completed >= wait.total;
  const condition = element.multiInstance.completionCondition;
  if (!done && condition !== null) {
    try {
      done = evaluateCondition(run, condition, {
        ...visibleVariables(run, body),
        nrOfInstances: wait.total,
        nrOfCompletedInstances: wait.completed,
        nrOfActiveInstances: wait.active,
        nrOfApprovedInstances: votesOf(wait.outputs).approved,
        nrOfRejectedInstances: votesOf(wait.outputs).rejected,
        outputs: wait.outputs,
      });
    } catch (error) {
      if (error instanceof EvaluationFailure) {
        raiseIncident(run, body, `completionCondition: ${error.message}`, 'complete-instances');
        return;
      }
      throw error;
    }
  }
  if (done) {
    finish(run, body, element);
  } else if (element.multiInstance.sequential && wait.active === 0 && wait.next < wait.total) {
    startInstance(run, body, element, wait.next);
  }
};

/**
 * Multi-instance user task body: parallel starts every instance at once, sequential one after the other.
 * Instance outputs are collected (in completion order) instead of being merged into the process variables.
 */
export const multiInstanceBehavior = {
  enter(run: Run, body: Token, element: UserTaskDefinition): void {
    const definition = element.multiInstance;
    if (!definition) {
      return;
    }
    const data = visibleVariables(run, body);
    let items: unknown[] | null = null;
    let total: number;
    if (definition.collection) {
      const value = evaluateExpression(run, definition.collection, data);
      if (!Array.isArray(value)) {
        throw new EvaluationFailure(`collection of ${element.id} is not an array`);
      }
      items = value;
      total = value.length;
    } else {
      const value = Number(
        definition.loopCardinality ? evaluateExpression(run, definition.loopCardinality, data) : 0,
      );
      if (!Number.isInteger(value) || value < 0) {
        throw new EvaluationFailure(`loopCardinality of ${element.id} is not a whole number`);
      }
      total = value;
    }
    if (total > MAX_INSTANCES) {
      throw new EvaluationFailure(`more than ${MAX_INSTANCES} instances for ${element.id}`);
    }
    body.wait = { type: 'multi-instance', total, completed: 0, active: 0, next: 0, items, outputs: [] };
    if (total === 0) {
      completeActivity(run, body, {});
      return;
    }
    const count = definition.sequential ? 1 : total;
    for (let index = 0; index < count; index += 1) {
      startInstance(run, body, element, index);
    }
  },

  instanceCompleted(run: Run, instance: Token, output: Record<string, unknown>): void {
    const body = instance.parentId === null ? undefined : findToken(run, instance.parentId);
    if (body?.wait?.type !== 'multi-instance') {
      return;
    }
    const element = elementOf(run, instance.elementId);
    let collected: Record<string, unknown>;
    try {
      collected = mapOutputs(run, instance, element, output);
    } catch (error) {
      if (error instanceof EvaluationFailure) {
        collected = output;
      } else {
        throw error;
      }
    }
    body.wait.outputs.push(collected);
    body.wait.completed += 1;
    body.wait.active -= 1;
    removeToken(run, instance.id);
    checkMultiInstanceCompletion(run, body);
  },
};

/**
 * Adds an instance for `item` to the running multi-instance body of `instance` (a signer added to a
 * countersign). Parallel: it starts at once. Sequential: `after` inserts it right after `instance`; `before`
 * inserts it at `instance`'s place, cancels `instance` and starts the new one (`instance`'s item comes next).
 */
export const addMultiInstance = (
  run: Run,
  instance: Token,
  item: unknown,
  position: 'before' | 'after',
): void => {
  const body = instance.parentId === null ? undefined : findToken(run, instance.parentId);
  const element = elementOf(run, instance.elementId);
  if (
    instance.loopIndex === undefined ||
    body?.wait?.type !== 'multi-instance' ||
    element.type !== 'userTask' ||
    !element.multiInstance
  ) {
    throw new EngineError('bad-command', `${element.id} is not a multi-instance user task`, element.id);
  }
  const wait = body.wait;
  if (wait.items === null || element.multiInstance.elementVariable === null) {
    throw new EngineError(
      'bad-command',
      `${element.id} has no camunda:collection with an elementVariable to add an instance to`,
      element.id,
    );
  }
  if (wait.total >= MAX_INSTANCES) {
    throw new EngineError('bad-command', `${element.id} already has ${MAX_INSTANCES} instances`, element.id);
  }
  if (!element.multiInstance.sequential) {
    wait.items.push(item);
    wait.total += 1;
    startInstance(run, body, element, wait.total - 1);
    return;
  }
  const index = instance.loopIndex;
  if (position === 'after') {
    wait.items.splice(index + 1, 0, item);
    wait.total += 1;
    return;
  }
  wait.items.splice(index, 0, item);
  wait.total += 1;
  cancelToken(run, instance);
  wait.active -= 1;
  startInstance(run, body, element, index);
};
