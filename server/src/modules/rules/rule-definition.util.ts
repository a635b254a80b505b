import { checkLogic, type JsonLogic } from '@careloom/logic';
import type { FieldError } from '../../common/errors/domain.errors.js';
import type { RuleAction, RuleContextWindow, RuleDefinition, RuleTrigger } from './rule.types.js';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown, max = 200): value is string =>
  typeof value === 'string' && value.trim().length > 0 && value.length <= max;
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,39}$/;
const FIELD = /^[A-Za-z_\u4e00-\u9fa5][\w\u4e00-\u9fa5-]{0,63}$/;
const RECORD_TRIGGERS = ['record.created', 'record.updated', 'record.saved'];
export const MAX_CONTEXT_DAYS = 366;
export const MAX_CONTEXT_LIMIT = 500;

function logicErrors(logic: JsonLogic, path: string): FieldError[] {
  return checkLogic(logic)
    .filter((issue) => issue.severity === 'error')
    .map((issue) => ({ path: `${path}${issue.path}`, message: issue.message }));
}

function checkTrigger(trigger: unknown): FieldError[] {
  if (!isObject(trigger) || typeof trigger.type !== 'string') {
    return [{ path: '/trigger', message: 'trigger must be an object with a type' }];
  }
  if (RECORD_TRIGGERS.includes(trigger.type)) {
    return isText(trigger.formKey, 64)
      ? []
      : [{ path: '/trigger/formKey', message: 'a record trigger needs the key of the form it watches' }];
  }
  if (trigger.type === 'resident.status-changed') {
    return trigger.to === undefined || isText(trigger.to, 20)
      ? []
      : [{ path: '/trigger/to', message: 'to must be a resident status' }];
  }
  if (trigger.type === 'task.completed' || trigger.type === 'process.ended') {
    return (['processKey', 'elementId', 'status'] as const).flatMap((key) =>
      trigger[key] === undefined || isText(trigger[key], 200)
        ? []
        : [{ path: `/trigger/${key}`, message: `${key} must be a non-empty text` }],
    );
  }
  return [
    {
      path: '/trigger/type',
      message: `unknown trigger type "${trigger.type}"; use one of ${[...RECORD_TRIGGERS, 'resident.status-changed', 'task.completed', 'process.ended'].join(', ')}`,
    },
  ];
}

function checkContext(context: unknown): FieldError[] {
  if (context === undefined) {
    return [];
  }
  if (!Array.isArray(context) || context.length > 5) {
    return [{ path: '/context', message: 'context must be a list of at most 5 windows' }];
  }
  const names = new Set<string>();
  return context.flatMap((window: unknown, i): FieldError[] => {
    const at = `/context/${i}`;
    if (!isObject(window)) {
      return [{ path: at, message: 'a context window is an object {name, formKey, days, limit?}' }];
    }
    const errors: FieldError[] = [];
    if (typeof window.name !== 'string' || !NAME.test(window.name) || names.has(window.name)) {
      errors.push({ path: `${at}/name`, message: 'name must be a unique identifier (letters, digits, _)' });
    } else {
      names.add(window.name);
    }
    if (!isText(window.formKey, 64)) {
      errors.push({ path: `${at}/formKey`, message: 'formKey must name the form whose records to read' });
    }
    if (
      !Number.isInteger(window.days) ||
      (window.days as number) < 1 ||
      (window.days as number) > MAX_CONTEXT_DAYS
    ) {
      errors.push({
        path: `${at}/days`,
        message: `days must be a whole number from 1 to ${MAX_CONTEXT_DAYS}`,
      });
    }
    if (
      window.limit !== undefined &&
      (!Number.isInteger(window.limit) ||
        (window.limit as number) < 1 ||
        (window.limit as number) > MAX_CONTEXT_LIMIT)
    ) {
      errors.push({
        path: `${at}/limit`,
        message: `limit must be a whole number from 1 to ${MAX_CONTEXT_LIMIT}`,
      });
    }
    return errors;
  });
}

function checkAction(action: unknown, at: string): FieldError[] {
  if (!isObject(action)) {
    return [{ path: at, message: 'an action is an object with a type' }];
  }
  switch (action.type) {
    case 'notify': {
      const to = action.to;
      const message = action.message;
      const errors: FieldError[] = [];
      if (!isObject(to) || (!isText(to.role, 50) && !isText(to.username, 100))) {
        errors.push({ path: `${at}/to`, message: 'notify needs to.role or to.username' });
      }
      if (!isObject(message) || !isText(message['zh-CN'], 1000)) {
        errors.push({ path: `${at}/message`, message: 'notify needs a message with a zh-CN text' });
      }
      return errors;
    }
    case 'update-field':
      return [
        ...(typeof action.field === 'string' && FIELD.test(action.field)
          ? []
          : [{ path: `${at}/field`, message: 'field must be a top-level field key of the triggering form' }]),
        ...logicErrors(action.value, `${at}/value`),
      ];
    case 'start-process': {
      const variables = action.variables;
      return [
        ...(isText(action.processKey, 200)
          ? []
          : [{ path: `${at}/processKey`, message: 'start-process needs the key of a deployed process' }]),
        ...(variables === undefined
          ? []
          : isObject(variables)
            ? Object.entries(variables).flatMap(([name, logic]) =>
                NAME.test(name)
                  ? logicErrors(logic, `${at}/variables/${name}`)
                  : [{ path: `${at}/variables/${name}`, message: 'variable names are identifiers' }],
              )
            : [{ path: `${at}/variables`, message: 'variables map names to JSON Logic' }]),
      ];
    }
    default:
      return [
        {
          path: `${at}/type`,
          message: `unknown action type "${String(action.type)}"; use notify, update-field or start-process`,
        },
      ];
  }
}

/** Everything wrong with a rule definition, each error at its JSON pointer; [] when it can be saved. */
export function checkRuleDefinition(definition: unknown): FieldError[] {
  if (!isObject(definition)) {
    return [{ path: '', message: 'the definition must be an object' }];
  }
  const actions = definition.actions;
  return [
    ...checkTrigger(definition.trigger),
    ...checkContext(definition.context),
    ...(definition.condition === undefined
      ? [{ path: '/condition', message: 'condition is required (use true to always act)' }]
      : logicErrors(definition.condition, '/condition')),
    ...(Array.isArray(actions) && actions.length <= 10
      ? actions.flatMap((action: unknown, i) => checkAction(action, `/actions/${i}`))
      : [{ path: '/actions', message: 'actions must be a list of at most 10' }]),
  ];
}

/** The definition with defaults filled in; call after checkRuleDefinition found nothing. */
export function normaliseRuleDefinition(definition: Record<string, unknown>): RuleDefinition {
  return {
    schemaVersion: 1,
    trigger: definition.trigger as RuleTrigger,
    context: (definition.context as RuleContextWindow[] | undefined) ?? [],
    condition: definition.condition,
    actions: definition.actions as RuleAction[],
  };
}

/** Does this event wake the rule? */
export function triggerMatches(
  trigger: RuleTrigger,
  event: {
    type: string;
    formKey?: string;
    to?: string;
    processKey?: string;
    elementId?: string;
    status?: string;
  },
): boolean {
  switch (trigger.type) {
    case 'record.created':
    case 'record.updated':
      return event.type === trigger.type && event.formKey === trigger.formKey;
    case 'record.saved':
      return (
        (event.type === 'record.created' || event.type === 'record.updated') &&
        event.formKey === trigger.formKey
      );
    case 'resident.status-changed':
      return (
        event.type === 'resident.status-changed' && (trigger.to === undefined || trigger.to === event.to)
      );
    case 'task.completed':
      return (
        event.type === 'task.completed' &&
        (trigger.processKey === undefined || trigger.processKey === event.processKey) &&
        (trigger.elementId === undefined || trigger.elementId === event.elementId)
      );
    case 'process.ended':
      return (
        event.type === 'process.ended' &&
        (trigger.processKey === undefined || trigger.processKey === event.processKey) &&
        (trigger.status === undefined || trigger.status === event.status)
      );
  }
}
