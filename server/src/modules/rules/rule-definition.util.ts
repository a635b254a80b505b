import { assertTimeZone, checkLogic, type JsonLogic } from '@careloom/logic';
import type { WordedFieldError } from '../../common/errors/domain.errors.js';
import { isDueDuration } from '../../process-runtime/business-time.util.js';
import { webhookUrlProblemWorded } from '../../process-runtime/webhook.util.js';
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
const ACTION_TYPES = 'notify, update-field, start-process, cancel-process, create-task or webhook';
const ACTION_TYPES_ZH = 'notify、update-field、start-process、cancel-process、create-task 或 webhook';
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

/** One problem at `path`, worded in English (`message`) and Chinese (`zh`). */
const problem = (path: string, message: string, zh: string): WordedFieldError => ({ path, message, zh });

function logicErrors(logic: JsonLogic, path: string): WordedFieldError[] {
  return checkLogic(logic)
    .filter((issue) => issue.severity === 'error')
    .map((issue) => problem(`${path}${issue.path}`, issue.message, issue.messages['zh-CN']));
}

function checkTrigger(trigger: unknown): WordedFieldError[] {
  if (!isObject(trigger) || typeof trigger.type !== 'string') {
    return [
      problem('/trigger', 'trigger must be an object with a type', 'trigger 须为带有 type（触发类型）的对象'),
    ];
  }
  if (RECORD_TRIGGERS.includes(trigger.type)) {
    return isText(trigger.formKey, 64)
      ? []
      : [
          problem(
            '/trigger/formKey',
            'a record trigger needs the key of the form it watches',
            '记录触发需要填写所监听表单的标识（formKey）',
          ),
        ];
  }
  if (trigger.type === 'resident.status-changed') {
    return trigger.to === undefined || isText(trigger.to, 20)
      ? []
      : [
          problem(
            '/trigger/to',
            'to must be a resident status',
            'to 须为长者状态，例如 admitted 或 discharged',
          ),
        ];
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
        : [problem(`/trigger/${key}`, `${key} must be a non-empty text`, `${key} 须为非空文本`)],
    );
  }
  return [
    problem(
      '/trigger/type',
      `unknown trigger type "${trigger.type}"; use one of ${TRIGGER_TYPES.join(', ')}`,
      `不认识的触发类型“${trigger.type}”；请使用以下之一：${TRIGGER_TYPES.join('、')}`,
    ),
  ];
}

function checkScheduleTrigger(trigger: Record<string, unknown>): WordedFieldError[] {
  const errors: WordedFieldError[] = [];
  if (typeof trigger.cron !== 'string') {
    errors.push(
      problem(
        '/trigger/cron',
        'a schedule needs cron: "minute hour day month weekday"',
        '定时触发需要 cron 表达式："分 时 日 月 周"',
      ),
    );
  } else {
    const parsed = parseCron(trigger.cron);
    if (!parsed.ok) {
      errors.push(problem('/trigger/cron', parsed.message, parsed.zh));
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
      errors.push(
        problem(
          '/trigger/timeZone',
          'timeZone must be an IANA zone such as Asia/Shanghai',
          'timeZone 须为 IANA 时区名，例如 Asia/Shanghai',
        ),
      );
    }
  }
  const statuses = trigger.residentStatus;
  if (
    statuses !== undefined &&
    (!Array.isArray(statuses) ||
      statuses.length === 0 ||
      statuses.some((s) => !(RESIDENT_STATUSES as readonly unknown[]).includes(s)))
  ) {
    errors.push(
      problem(
        '/trigger/residentStatus',
        `residentStatus must be a non-empty list of ${RESIDENT_STATUSES.join(', ')}`,
        `residentStatus 须为非空列表，每项取 ${RESIDENT_STATUSES.join('、')} 之一`,
      ),
    );
  }
  return errors;
}

function checkDateFieldTrigger(trigger: Record<string, unknown>): WordedFieldError[] {
  const errors: WordedFieldError[] = [];
  if (!isText(trigger.formKey, 64)) {
    errors.push(
      problem(
        '/trigger/formKey',
        'a date-field trigger needs the key of the form',
        '日期触发需要填写表单的标识（formKey）',
      ),
    );
  }
  if (typeof trigger.field !== 'string' || !FIELD.test(trigger.field)) {
    errors.push(
      problem(
        '/trigger/field',
        'field must be a top-level date field of the form',
        'field 须为该表单第一层的日期字段',
      ),
    );
  }
  const offsets = trigger.offsetsDays;
  if (offsets === undefined && trigger.every === undefined) {
    errors.push(
      problem(
        '/trigger/offsetsDays',
        'give offsetsDays (e.g. [3, 7, 15, 30]) or every',
        '请填写 offsetsDays（例如 [3, 7, 15, 30]）或 every',
      ),
    );
  }
  if (
    offsets !== undefined &&
    (!Array.isArray(offsets) ||
      offsets.length === 0 ||
      offsets.length > 20 ||
      new Set(offsets).size !== offsets.length ||
      offsets.some((d) => !Number.isInteger(d) || Math.abs(d as number) > MAX_OFFSET_DAYS))
  ) {
    errors.push(
      problem(
        '/trigger/offsetsDays',
        `offsetsDays must be 1 to 20 different whole numbers of days from -${MAX_OFFSET_DAYS} to ${MAX_OFFSET_DAYS}`,
        `offsetsDays 须为 1 到 20 个互不相同的整数天数，每个在 -${MAX_OFFSET_DAYS} 到 ${MAX_OFFSET_DAYS} 之间`,
      ),
    );
  }
  if (
    trigger.every !== undefined &&
    (typeof trigger.every !== 'string' || parsePeriod(trigger.every) === null)
  ) {
    errors.push(
      problem(
        '/trigger/every',
        'every must be an ISO 8601 period of whole days, weeks, months or years (e.g. P6M, P1Y, P14D)',
        'every 须为按整天、整周、整月或整年计的 ISO 8601 周期（例如 P6M、P1Y、P14D）',
      ),
    );
  }
  if (trigger.at !== undefined && (typeof trigger.at !== 'string' || parseLocalTime(trigger.at) === null)) {
    errors.push(
      problem(
        '/trigger/at',
        'at must be a local time HH:MM (e.g. 09:00)',
        'at 须为当地时间 HH:MM（例如 09:00）',
      ),
    );
  }
  return errors;
}

function checkContext(context: unknown): WordedFieldError[] {
  if (context === undefined) {
    return [];
  }
  if (!Array.isArray(context) || context.length > 5) {
    return [
      problem(
        '/context',
        'context must be a list of at most 5 windows',
        'context 须为列表，最多 5 个数据窗口',
      ),
    ];
  }
  const names = new Set<string>();
  return context.flatMap((window: unknown, i): WordedFieldError[] => {
    const at = `/context/${i}`;
    if (!isObject(window)) {
      return [
        problem(
          at,
          'a context window is an object {name, formKey, days, limit?}',
          '数据窗口须为对象 {name, formKey, days, limit?}',
        ),
      ];
    }
    const errors: WordedFieldError[] = [];
    if (typeof window.name !== 'string' || !NAME.test(window.name) || names.has(window.name)) {
      errors.push(
        problem(
          `${at}/name`,
          'name must be a unique identifier (letters, digits, _)',
          'name 须为不与其他窗口重复的标识符（字母、数字或 _）',
        ),
      );
    } else {
      names.add(window.name);
    }
    if (!isText(window.formKey, 64)) {
      errors.push(
        problem(
          `${at}/formKey`,
          'formKey must name the form whose records to read',
          'formKey 须填写要读取其记录的表单标识',
        ),
      );
    }
    if (
      !Number.isInteger(window.days) ||
      (window.days as number) < 1 ||
      (window.days as number) > MAX_CONTEXT_DAYS
    ) {
      errors.push(
        problem(
          `${at}/days`,
          `days must be a whole number from 1 to ${MAX_CONTEXT_DAYS}`,
          `days 须为 1 到 ${MAX_CONTEXT_DAYS} 之间的整数`,
        ),
      );
    }
    if (
      window.limit !== undefined &&
      (!Number.isInteger(window.limit) ||
        (window.limit as number) < 1 ||
        (window.limit as number) > MAX_CONTEXT_LIMIT)
    ) {
      errors.push(
        problem(
          `${at}/limit`,
          `limit must be a whole number from 1 to ${MAX_CONTEXT_LIMIT}`,
          `limit 须为 1 到 ${MAX_CONTEXT_LIMIT} 之间的整数`,
        ),
      );
    }
    return errors;
  });
}

function checkRecipient(to: unknown, at: string, what: string): WordedFieldError[] {
  return isObject(to) && (isText(to.role, 50) || isText(to.username, 100))
    ? []
    : [
        problem(
          `${at}/to`,
          `${what} needs to.role or to.username`,
          `${what} 需要填写接收人：to.role（角色）或 to.username（用户名）`,
        ),
      ];
}

function checkWebhookAction(
  action: Record<string, unknown>,
  at: string,
  options: RuleCheckOptions,
): WordedFieldError[] {
  const errors: WordedFieldError[] = [];
  const urlProblem = webhookUrlProblemWorded(action.url, options.allowPrivateWebhooks);
  if (urlProblem !== null) {
    errors.push(problem(`${at}/url`, urlProblem.message, urlProblem.zh));
  }
  const headers = action.headers;
  if (headers !== undefined) {
    if (!isObject(headers) || Object.keys(headers).length > 10) {
      errors.push(
        problem(
          `${at}/headers`,
          'headers map at most 10 header names to texts',
          'headers 须为请求头名称到文本的映射，最多 10 个',
        ),
      );
    } else {
      for (const [name, value] of Object.entries(headers)) {
        if (!isAllowedWebhookHeader(name)) {
          errors.push(
            problem(
              `${at}/headers/${name}`,
              'only Authorization and X- headers may be set (not X-CareLoom- or X-Forwarded-)',
              '只能设置 Authorization 和以 X- 开头的请求头（X-CareLoom- 和 X-Forwarded- 开头的除外）',
            ),
          );
        } else if (typeof value !== 'string' || value.length > 1000 || /[\r\n]/.test(value)) {
          errors.push(
            problem(
              `${at}/headers/${name}`,
              'a header value is one line of at most 1,000 characters',
              '请求头的值须为一行文本，最多 1,000 个字符',
            ),
          );
        }
      }
    }
  }
  const body = action.body;
  if (body !== undefined) {
    if (!isObject(body) || Object.keys(body).length > 50) {
      errors.push(
        problem(
          `${at}/body`,
          'body maps at most 50 field names to JSON Logic',
          'body 须为字段名到 JSON Logic 的映射，最多 50 个字段',
        ),
      );
    } else {
      for (const [name, logic] of Object.entries(body)) {
        errors.push(
          ...(name.trim() !== '' && name.length <= 64
            ? logicErrors(logic, `${at}/body/${name}`)
            : [
                problem(
                  `${at}/body/${name}`,
                  'body field names are 1 to 64 characters',
                  'body 的字段名须为 1 到 64 个字符',
                ),
              ]),
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

function unknownFields(action: Record<string, unknown>, at: string, type: string): WordedFieldError[] {
  const fields = ACTION_FIELDS[type] ?? [];
  return Object.keys(action)
    .filter((name) => name !== 'type' && !fields.includes(name))
    .map((name) =>
      problem(
        `${at}/${name}`,
        `${type} has no field "${name}"; it takes ${fields.join(', ')}`,
        `${type} 没有“${name}”这个字段；它可用的字段是 ${fields.join('、')}`,
      ),
    );
}

function checkCancelProcessAction(action: Record<string, unknown>, at: string): WordedFieldError[] {
  const reason = action.reason;
  return [
    ...(isText(action.processKey, 200)
      ? []
      : [
          problem(
            `${at}/processKey`,
            'cancel-process needs the key of the process to cancel',
            'cancel-process 需要填写要取消的流程的标识（processKey）',
          ),
        ]),
    ...(isObject(reason) && isText(reason['zh-CN'], 500) && isText(reason.en, 500)
      ? []
      : [
          problem(
            `${at}/reason`,
            'cancel-process needs a reason with a zh-CN and an en text (at most 500 characters each)',
            'cancel-process 需要填写取消原因 reason，zh-CN 和 en 两种文字都要有（各最多 500 个字符）',
          ),
        ]),
  ];
}

function checkAction(action: unknown, at: string, options: RuleCheckOptions): WordedFieldError[] {
  if (!isObject(action)) {
    return [problem(at, 'an action is an object with a type', '每个动作须为带有 type（动作类型）的对象')];
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
): WordedFieldError[] {
  switch (action.type) {
    case 'notify': {
      const to = action.to;
      const message = action.message;
      const errors: WordedFieldError[] = checkRecipient(to, at, 'notify');
      if (!isObject(message) || !isText(message['zh-CN'], 1000)) {
        errors.push(
          problem(
            `${at}/message`,
            'notify needs a message with a zh-CN text',
            'notify 需要填写通知内容 message，至少要有 zh-CN 文字',
          ),
        );
      }
      return errors;
    }
    case 'update-field':
      return [
        ...(typeof action.field === 'string' && FIELD.test(action.field)
          ? []
          : [
              problem(
                `${at}/field`,
                'field must be a top-level field key of the triggering form',
                'field 须为触发表单第一层字段的标识',
              ),
            ]),
        ...logicErrors(action.value, `${at}/value`),
      ];
    case 'start-process': {
      const variables = action.variables;
      return [
        ...(isText(action.processKey, 200)
          ? []
          : [
              problem(
                `${at}/processKey`,
                'start-process needs the key of a deployed process',
                'start-process 需要填写一个已部署流程的标识（processKey）',
              ),
            ]),
        ...(variables === undefined
          ? []
          : isObject(variables)
            ? Object.entries(variables).flatMap(([name, logic]) =>
                NAME.test(name)
                  ? logicErrors(logic, `${at}/variables/${name}`)
                  : [
                      problem(
                        `${at}/variables/${name}`,
                        'variable names are identifiers',
                        '变量名须为标识符（字母、数字或 _，不以数字开头）',
                      ),
                    ],
              )
            : [
                problem(
                  `${at}/variables`,
                  'variables map names to JSON Logic',
                  'variables 须为变量名到 JSON Logic 的映射',
                ),
              ]),
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
          : [
              problem(
                `${at}/title`,
                'create-task needs a title with a zh-CN text (en optional)',
                'create-task 需要填写任务标题 title，至少要有 zh-CN 文字（en 可不填）',
              ),
            ]),
        ...checkRecipient(action.to, at, 'create-task'),
        ...(action.formKey === undefined || isText(action.formKey, 64)
          ? []
          : [
              problem(
                `${at}/formKey`,
                'formKey must name a published form',
                'formKey 须为一个已发布表单的标识',
              ),
            ]),
        ...(action.due === undefined || (typeof action.due === 'string' && isDueDuration(action.due))
          ? []
          : [
              problem(
                `${at}/due`,
                'due must be an ISO 8601 duration such as P2D or PT4H, or business time such as P3WD, PT4WH or 3个工作日',
                'due 须为 ISO 8601 时长（例如 P2D、PT4H），或按工作时间计的时长（例如 P3WD、PT4WH 或 3个工作日）',
              ),
            ]),
      ];
    }
    case 'webhook':
      return checkWebhookAction(action, at, options);
    default:
      return [
        problem(
          `${at}/type`,
          `unknown action type "${String(action.type)}"; use ${ACTION_TYPES}`,
          `不认识的动作类型“${String(action.type)}”；请使用 ${ACTION_TYPES_ZH}`,
        ),
      ];
  }
}

/**
 * Everything wrong with a rule definition, each error at its JSON pointer and worded in English and Chinese (`zh`);
 * [] when it can be saved.
 */
export function checkRuleDefinition(
  definition: unknown,
  options: RuleCheckOptions = { allowPrivateWebhooks: false },
): WordedFieldError[] {
  if (!isObject(definition)) {
    return [problem('', 'the definition must be an object', '规则定义须为对象')];
  }
  const actions = definition.actions;
  return [
    ...checkTrigger(definition.trigger),
    ...checkContext(definition.context),
    ...(definition.condition === undefined
      ? [
          problem(
            '/condition',
            'condition is required (use true to always act)',
            '缺少 condition（条件）；若要每次都执行动作，请填 true',
          ),
        ]
      : logicErrors(definition.condition, '/condition')),
    ...(Array.isArray(actions) && actions.length <= 10
      ? actions.flatMap((action: unknown, i) => checkAction(action, `/actions/${i}`, options))
      : [problem('/actions', 'actions must be a list of at most 10', 'actions 须为列表，最多 10 个动作')]),
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
