import type { UserTaskDefinition } from '../definition/definition.types.js';
import type { CreateTaskEffect } from '../effects.js';
import {
  findToken,
  evaluateList,
  evaluateString,
  EvaluationFailure,
  nextId,
  visibleVariables,
} from '../runtime/run.util.js';
import { parseDuration, addDuration } from '../time/duration.util.js';
import { formatInstant, parseInstant } from '../time/zone.util.js';
import type { Run } from '../runtime/run.types.js';
import type { Behavior } from './behavior.types.js';

/** dueDate / followUpDate: an ISO date or instant, or a duration from now (`P3D`). */
const dateValue = (run: Run, text: string | undefined, what: string): string | undefined => {
  if (text === undefined) {
    return undefined;
  }
  if (parseDuration(text)) {
    return addDuration(run.now, text, run.timeZone);
  }
  const epoch = parseInstant(text, run.timeZone);
  if (epoch === null) {
    throw new EvaluationFailure(`${what} is not a date, instant or duration: ${text}`);
  }
  return formatInstant(epoch);
};

/** Creates a task for people and waits for complete-task. */
export const userTaskBehavior: Behavior<UserTaskDefinition> = {
  enter(run, token, element) {
    const data = visibleVariables(run, token);
    const assignee = evaluateString(run, element.assignee, data);
    const dueAt = dateValue(run, evaluateString(run, element.dueDate, data), 'dueDate');
    const followUpAt = dateValue(run, evaluateString(run, element.followUpDate, data), 'followUpDate');
    const effect: CreateTaskEffect = {
      type: 'create-task',
      taskId: nextId(run, 'task'),
      elementId: element.id,
      name: element.name,
      candidateGroups: evaluateList(run, element.candidateGroups, data),
      candidateUsers: evaluateList(run, element.candidateUsers, data),
      variables: element.inputs.length > 0 || token.loopIndex !== undefined ? { ...token.variables } : data,
    };
    if (assignee !== undefined) {
      effect.assignee = assignee;
    }
    if (element.formKey !== null) {
      effect.formKey = element.formKey;
    }
    if (dueAt !== undefined) {
      effect.dueAt = dueAt;
    }
    if (followUpAt !== undefined) {
      effect.followUpAt = followUpAt;
    }
    if (token.loopIndex !== undefined) {
      const body = token.parentId === null ? undefined : findToken(run, token.parentId);
      const total = body?.wait?.type === 'multi-instance' ? body.wait.total : 0;
      effect.multiInstance = { index: token.loopIndex, total };
      if (element.inputs.length === 0) {
        effect.variables = data;
      }
    }
    token.wait = { type: 'task', taskId: effect.taskId };
    run.effects.push(effect);
  },
};
