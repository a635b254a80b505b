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
import { addDeadline } from '../time/timer.util.js';
import { formatInstant, parseInstant } from '../time/zone.util.js';
import type { Run } from '../runtime/run.types.js';
import type { Behavior } from './behavior.types.js';

type DateValue = { at: string; businessCalendar: 'context' | 'standard' | null };

/**
 * dueDate / followUpDate: an ISO date or instant, a duration from now (`P3D`) or a business duration
 * from now on the run's calendar (`P3WD`, `PT4WH`, "3 个工作日").
 */
const dateValue = (run: Run, text: string | undefined, what: string): DateValue | undefined => {
  if (text === undefined) {
    return undefined;
  }
  const nowMs = parseInstant(run.now, run.timeZone) ?? 0;
  let deadline: ReturnType<typeof addDeadline>;
  try {
    deadline = addDeadline(nowMs, text.trim(), run.timeZone, run.calendar);
  } catch (error) {
    throw new EvaluationFailure(`${what} ${text}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (deadline) {
    return { at: deadline.dueAt, businessCalendar: deadline.businessCalendar };
  }
  const epoch = parseInstant(text, run.timeZone);
  if (epoch === null) {
    throw new EvaluationFailure(`${what} is not a date, instant, duration or business duration: ${text}`);
  }
  return { at: formatInstant(epoch), businessCalendar: null };
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
      effect.dueAt = dueAt.at;
    }
    if (followUpAt !== undefined) {
      effect.followUpAt = followUpAt.at;
    }
    const businessCalendar = dueAt?.businessCalendar ?? followUpAt?.businessCalendar;
    if (businessCalendar) {
      effect.businessCalendar = businessCalendar;
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
