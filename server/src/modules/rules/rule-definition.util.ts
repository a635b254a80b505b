import { assertTimeZone, checkLogic, type JsonLogic } from '@careloom/logic';
import type { FieldError } from '../../common/errors/domain.errors.js';
import { isDueDuration } from '../../process-runtime/business-time.util.js';
import { webhookUrlProblem } from '../../process-runtime/webhook.util.js';
import { parseCron } from './cron.util.js';
import { parseLocalTime, parsePeriod } from './rule-schedule.util.js';
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
export const RESIDENT_STATUSES = ['inquiry', 'trial', 'admitted', 'discharged', 'deceased'] as const;
/** Whom a schedule rule looks at when it does not say: the residents living in the home. */
export const DEFAULT_SCHEDULE_STATUSES = ['trial', 'admitted'];
export const MAX_OFFSET_DAYS = 3660;
const TRIGGER_TYPES = [
  ...RECORD_TRIGGERS,
  'resident.status-changed',
  'task.completed',
  'process.ended',
  'schedule',
  'date-field',
  'task.overdue',
];
const HEADER_NAME = /^[A-Za-z0-9-]{1,64}$/;
/** Headers a webhook action may set: Authorization and custom X- headers (not ours, not proxies'). */
export const isAllowedWebhookHeader = (name: string): boolean => {
  const lower = name.toLowerCase();
  return (
    HEADER_NAME.test(name) &&
    (lower === 'authorization' ||
      (lower.startsWith('x-') && !lower.startsWith('x-careloom-') && !lower.startsWith('x-forwarded-')))
  );
};

export type RuleCheckOptions = { allowPrivateWebhooks: boolean };

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
  if (trigger.type === 'schedule') {
    return checkScheduleTrigger(trigger);
  }
  if (trigger.type === 'date-field') {
    return checkDateFieldTrigger(trigger);
  }
  if (
    trigger.type === 'task.completed' ||
    trigger.type === 'process.ended' ||
    trigger.type === 'task.overdue'
  ) {
    return (['processKey', 'elementId', 'status'] as const).flatMap((key) =>
      trigger[key] === undefined || isText(trigger[key], 200)
        ? []
        : [{ path: `/trigger/${key}`, message: `${key} must be a non-empty text` }],
    );
  }
  return [
    {
      path: '/trigger/type',
      message: `unknown trigger type "${trigger.type}"; use one of ${TRIGGER_TYPES.join(', ')}`,
    },
  ];
}

function checkScheduleTrigger(trigger: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  if (typeof trigger.cron !== 'string') {
    errors.push({ path: '/trigger/cron', message: 'a schedule needs cron: "minute hour day month weekday"' });
  } else {
    const parsed = parseCron(trigger.cron);
    if (!parsed.ok) {
      errors.push({ path: '/trigger/cron', message: parsed.message });
    }
  }
  if (trigger.timeZone !== undefined) {
    let known = isText(trigger.timeZone, 64);
    if (known) {
      try {
        assertTimeZone(trigger.timeZone as string);
      } catch {
        known = false;
      }
    }
    if (!known) {
      errors.push({
        path: '/trigger/timeZone',
        message: 'timeZone must be an IANA zone such as Asia/Shanghai',
      });
    }
  }
  const statuses = trigger.residentStatus;
  if (
    statuses !== undefined &&
    (!Array.isArray(statuses) ||
      statuses.length === 0 ||
      statuses.some((s) => !(RESIDENT_STATUSES as readonly unknown[]).includes(s)))
  ) {
    errors.push({
      path: '/trigger/residentStatus',
      message: `residentStatus must be a non-empty list of ${RESIDENT_STATUSES.join(', ')}`,
    });
  }
  return errors;
}

function checkDateFieldTrigger(trigger: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  if (!isText(trigger.formKey, 64)) {
    errors.push({ path: '/trigger/formKey', message: 'a date-field trigger needs the key of the form' });
  }
  if (typeof trigger.field !== 'string' || !FIELD.test(trigger.field)) {
    errors.push({ path: '/trigger/field', message: 'field must be a top-level date field of the form' });
  }
  const offsets = trigger.offsetsDays;
  if (offsets === undefined && trigger.every === undefined) {
    errors.push({ path: '/trigger/offsetsDays', message: 'give offsetsDays (e.g. [3, 7, 15, 30]) or every' });
  }
  if (
    offsets !== undefined &&
    (!Array.isArray(offsets) ||
      offsets.length === 0 ||
      offsets.length > 20 ||
      new Set(offsets).size !== offsets.length ||
      offsets.some((d) => !Number.isInteger(d) || Math.abs(d as number) > MAX_OFFSET_DAYS))
  ) {
    errors.push({
      path: '/trigger/offsetsDays',
      message: `offsetsDays must be 1 to 20 different whole numbers of days from -${MAX_OFFSET_DAYS} to ${MAX_OFFSET_DAYS}`,
    });
  }
  if (
    trigger.every !== undefined &&
    (typeof trigger.every !== 'string' || parsePeriod(trigger.every) === null)
  ) {
    errors.push({
      path: '/trigger/every',
      message: 'every must be an ISO 8601 period of whole days, weeks, months or years (e.g. P6M, P1Y, P14D)',
    });
  }
  if (trigger.at !== undefined && (typeof trigger.at !== 'string' || parseLocalTime(trigger.at) === null)) {
    errors.push({ path: '/trigger/at', message: 'at must be a local time HH:MM (e.g. 09:00)' });
  }
  return errors;
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

function checkRecipient(to: unknown, at: string, what: string): FieldError[] {
  return isObject(to) && (isText(to.role, 50) || isText(to.username, 100))
    ? []
    : [{ path: `${at}/to`, message: `${what} needs to.role or to.username` }];
}

function checkWebhookAction(
  action: Record<string, unknown>,
  at: string,
  options: RuleCheckOptions,
): FieldError[] {
  const errors: FieldError[] = [];
  const problem = webhookUrlProblem(action.url, options.allowPrivateWebhooks);
  if (problem !== null) {
    errors.push({ path: `${at}/url`, message: problem });
  }
  const headers = action.headers;
  if (headers !== undefined) {
    if (!isObject(headers) || Object.keys(headers).length > 10) {
      errors.push({ path: `${at}/headers`, message: 'headers map at most 10 header names to texts' });
    } else {
      for (const [name, value] of Object.entries(headers)) {
        if (!isAllowedWebhookHeader(name)) {
          errors.push({
            path: `${at}/headers/${name}`,
            message: 'only Authorization and X- headers may be set (not X-CareLoom- or X-Forwarded-)',
          });
        } else if (typeof value !== 'string' || value.length > 1000 || /[\r\n]/.test(value)) {
          errors.push({
            path: `${at}/headers/${name}`,
            message: 'a header value is one line of at most 1,000 characters',
          });
        }
      }
    }
  }
  const body = action.body;
  if (body !== undefined) {
    if (!isObject(body) || Object.keys(body).length > 50) {
      errors.push({ path: `${at}/body`, message: 'body maps at most 50 field names to JSON Logic' });
    } else {
      for (const [name, logic] of Object.entries(body)) {
        errors.push(
          ...(name.trim() !== '' && name.length <= 64
            ? logicErrors(logic, `${at}/body/${name}`)
            : [{ path: `${at}/body/${name}`, message: 'body field names are 1 to 64 characters' }]),
        );
      }
    }
  }
  return errors;
}

/** The fields each action type takes besides `type` (a misspelt one is refused, not ignored). */
const ACTION_FIELDS: Record<string, readonly string[]> = {
  notify: ['to', 'message'],
  'update-field': ['field', 'value'],
  'start-process': ['processKey', 'variables'],
  'cancel-process': ['processKey', 'reason'],
  'create-task': ['title', 'to', 'formKey', 'due'],
  webhook: ['url', 'headers', 'body'],
};

function unknownFields(action: Record<string, unknown>, at: string, type: string): FieldError[] {
  const fields = ACTION_FIELDS[type] ?? [];
  return Object.keys(action)
    .filter((name) => name !== 'type' && !fields.includes(name))
    .map((name) => ({
      path: `${at}/${name}`,
      message: `${type} has no field "${name}"; it takes ${fields.join(', ')}`,
    }));
}

function checkCancelProcessAction(action: Record<string, unknown>, at: string): FieldError[] {
  const reason = action.reason;
  return [
    ...(isText(action.processKey, 200)
      ? []
      : [{ path: `${at}/processKey`, message: 'cancel-process needs the key of the process to cancel' }]),
    ...(isObject(reason) && isText(reason['zh-CN'], 500) && isText(reason.en, 500)
      ? []
      : [
          {
            path: `${at}/reason`,
            message:
              'cancel-process needs a reason with a zh-CN and an en text (at most 500 characters each)',
          },
        ]),
  ];
}

function checkAction(action: unknown, at: string, options: RuleCheckOptions): FieldError[] {
  if (!isObject(action)) {
    return [{ path: at, message: 'an action is an object with a type' }];
  }
  const type = action.type;
  return typeof type === 'string' && type in ACTION_FIELDS
    ? [...unknownFields(action, at, type), ...checkActionFields(action, at, options)]
    : checkActionFields(action, at, options);
}

function checkActionFields(
  action: Record<string, unknown>,
  at: string,
  options: RuleCheckOptions,
): FieldError[] {
  switch (action.type) {
    case 'notify': {
      const to = action.to;
      const message = action.message;
      const errors: FieldError[] = checkRecipient(to, at, 'notify');
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
    case 'cancel-process':
      return checkCancelProcessAction(action, at);
    case 'create-task': {
      const title = action.title;
      return [
        ...(isObject(title) &&
        isText(title['zh-CN'], 200) &&
        (title.en === undefined || title.en === '' || isText(title.en, 200))
          ? []
          : [{ path: `${at}/title`, message: 'create-task needs a title with a zh-CN text (en optional)' }]),
        ...checkRecipient(action.to, at, 'create-task'),
        ...(action.formKey === undefined || isText(action.formKey, 64)
          ? []
          : [{ path: `${at}/formKey`, message: 'formKey must name a published form' }]),
        ...(action.due === undefined || (typeof action.due === 'string' && isDueDuration(action.due))
          ? []
          : [
              {
                path: `${at}/due`,
                message:
                  'due must be an ISO 8601 duration such as P2D or PT4H, or business time such as P3WD, PT4WH or 3个工作日',
              },
            ]),
      ];
    }
    case 'webhook':
      return checkWebhookAction(action, at, options);
    default:
      return [
        {
          path: `${at}/type`,
          message: `unknown action type "${String(action.type)}"; use notify, update-field, start-process, cancel-process, create-task or webhook`,
        },
      ];
  }
}

/** Everything wrong with a rule definition, each error at its JSON pointer; [] when it can be saved. */
export function checkRuleDefinition(
  definition: unknown,
  options: RuleCheckOptions = { allowPrivateWebhooks: false },
): FieldError[] {
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
      ? actions.flatMap((action: unknown, i) => checkAction(action, `/actions/${i}`, options))
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
    field?: string;
    to?: string;
    processKey?: string | null;
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
    case 'task.overdue':
      return (
        event.type === 'task.overdue' &&
        (trigger.processKey === undefined || trigger.processKey === event.processKey) &&
        (trigger.elementId === undefined || trigger.elementId === event.elementId)
      );
    case 'schedule':
      return event.type === 'schedule';
    case 'date-field':
      return (
        event.type === 'date-field' && event.formKey === trigger.formKey && event.field === trigger.field
      );
    case 'process.ended':
      return (
        event.type === 'process.ended' &&
        (trigger.processKey === undefined || trigger.processKey === event.processKey) &&
        (trigger.status === undefined || trigger.status === event.status)
      );
  }
}
