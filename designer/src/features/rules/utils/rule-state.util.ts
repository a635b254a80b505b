import type { BuilderField, BuilderLabels } from '../../../shared/logic-builder/index.js';
import {
  ACTION_TYPES,
  TRIGGER_TYPES,
  type ActionState,
  type ActionType,
  type ContextWindowState,
  type RuleAction,
  type RuleDefinition,
  type RuleEditorState,
  type RuleTrigger,
  type TriggerType,
} from './rule.types.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const optionalText = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;
const labels = (value: unknown): { 'zh-CN': string; en: string } => ({
  'zh-CN': isObject(value) ? text(value['zh-CN']) : '',
  en: isObject(value) ? text(value.en) : '',
});

/** The trigger a new rule starts with. */
export function newTrigger(type: TriggerType, previous?: RuleTrigger): RuleTrigger {
  const formKey = previous && 'formKey' in previous ? previous.formKey : '';
  switch (type) {
    case 'record.created':
    case 'record.updated':
    case 'record.saved':
      return { type, formKey };
    case 'resident.status-changed':
      return { type };
    case 'task.completed':
    case 'task.overdue':
    case 'process.ended':
      return previous && 'processKey' in previous && previous.processKey
        ? { type, processKey: previous.processKey }
        : { type };
    case 'schedule':
      return { type, cron: '0 8 * * *', timeZone: 'Asia/Shanghai' };
    case 'date-field':
      return { type, formKey, field: '', offsetsDays: [3, 7, 15, 30] };
  }
}

/** A new action of a type, with empty values for the editor to fill. */
export function newAction(type: ActionType): ActionState {
  switch (type) {
    case 'notify':
      return { type, to: { role: 'head-nurse' }, message: { 'zh-CN': '', en: '' } };
    case 'update-field':
      return { type, field: '', value: undefined };
    case 'start-process':
      return { type, processKey: '', variables: [] };
    case 'cancel-process':
      return { type, processKey: '', reason: { 'zh-CN': '', en: '' } };
    case 'create-task':
      return { type, title: { 'zh-CN': '', en: '' }, to: { role: 'nurse' }, due: 'P1D' };
    case 'webhook':
      return { type, url: '', headers: [], body: [] };
  }
}

export function emptyRuleState(): RuleEditorState {
  return {
    trigger: newTrigger('record.created'),
    context: [],
    condition: undefined,
    actions: [newAction('notify')],
  };
}

/** `{"consecutive": [{"var": "context.<name>"}, condition]}` anywhere in the logic → name → condition. */
export function streaksOf(logic: unknown): Map<string, unknown> {
  const found = new Map<string, unknown>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (!isObject(node)) {
      return;
    }
    const args = node.consecutive;
    if (Array.isArray(args) && args.length === 2 && isObject(args[0])) {
      const path = args[0].var;
      if (typeof path === 'string' && path.startsWith('context.') && !found.has(path.slice(8))) {
        found.set(path.slice(8), args[1]);
      }
    }
    Object.values(node).forEach(walk);
  };
  walk(logic);
  return found;
}

function triggerFrom(value: unknown): RuleTrigger {
  if (!isObject(value) || !TRIGGER_TYPES.includes(value.type as TriggerType)) {
    return newTrigger('record.created');
  }
  // keep what the server stored, including keys this designer does not know yet
  return value as unknown as RuleTrigger;
}

function recipient(value: unknown): { role?: string; username?: string } {
  const to = isObject(value) ? value : {};
  return {
    ...(optionalText(to.role) ? { role: text(to.role) } : {}),
    ...(optionalText(to.username) ? { username: text(to.username) } : {}),
  };
}

/** Texts in both languages; an empty English text is left out (the server then shows the Chinese one). */
function localized(value: { 'zh-CN': string; en: string }): { 'zh-CN': string; en?: string } {
  return value.en.trim() === '' ? { 'zh-CN': value['zh-CN'] } : value;
}

function actionFrom(value: unknown): ActionState | undefined {
  if (!isObject(value) || !ACTION_TYPES.includes(value.type as ActionType)) {
    return undefined;
  }
  if (value.type === 'start-process') {
    const variables = isObject(value.variables) ? value.variables : {};
    return {
      type: 'start-process',
      processKey: text(value.processKey),
      variables: Object.entries(variables).map(([name, logic]) => ({ name, value: logic })),
    };
  }
  if (value.type === 'webhook') {
    const headers = isObject(value.headers) ? value.headers : {};
    const body = isObject(value.body) ? value.body : {};
    return {
      type: 'webhook',
      url: text(value.url),
      headers: Object.entries(headers).map(([name, header]) => ({ name, value: text(header) })),
      body: Object.entries(body).map(([name, logic]) => ({ name, value: logic })),
    };
  }
  if (value.type === 'notify') {
    return { type: 'notify', to: recipient(value.to), message: labels(value.message) };
  }
  if (value.type === 'cancel-process') {
    return { type: 'cancel-process', processKey: text(value.processKey), reason: labels(value.reason) };
  }
  if (value.type === 'create-task') {
    return {
      type: 'create-task',
      title: labels(value.title),
      to: recipient(value.to),
      ...(optionalText(value.formKey) ? { formKey: text(value.formKey) } : {}),
      ...(optionalText(value.due) ? { due: text(value.due) } : {}),
    };
  }
  return value as unknown as ActionState;
}

/** The editor's state of a stored definition (tolerant: unknown actions are dropped, windows get their streak). */
export function stateFromDefinition(definition: unknown): RuleEditorState {
  const source = isObject(definition) ? definition : {};
  const streaks = streaksOf(source.condition);
  const context: ContextWindowState[] = (Array.isArray(source.context) ? source.context : [])
    .filter(isObject)
    .map((window) => {
      const name = text(window.name);
      const streak = streaks.get(name);
      return {
        name,
        formKey: text(window.formKey),
        days: typeof window.days === 'number' ? window.days : 3,
        ...(typeof window.limit === 'number' ? { limit: window.limit } : {}),
        ...(streak !== undefined ? { streak } : {}),
      };
    });
  return {
    trigger: triggerFrom(source.trigger),
    context,
    condition: source.condition,
    actions: (Array.isArray(source.actions) ? source.actions : []).flatMap((action) => {
      const state = actionFrom(action);
      return state ? [state] : [];
    }),
  };
}

function cleanTrigger(trigger: RuleTrigger): RuleTrigger {
  // optional filters left empty mean "any": the server wants them absent, not ''
  return Object.fromEntries(
    Object.entries(trigger).filter(([, value]) => value !== '' && value !== undefined && value !== null),
  ) as RuleTrigger;
}

function actionOf(action: ActionState): RuleAction {
  switch (action.type) {
    case 'start-process':
      return {
        type: 'start-process',
        processKey: action.processKey,
        ...(action.variables.length > 0
          ? { variables: Object.fromEntries(action.variables.map((v) => [v.name, v.value])) }
          : {}),
      };
    case 'cancel-process':
      return { type: 'cancel-process', processKey: action.processKey, reason: action.reason };
    case 'notify':
      return { type: 'notify', to: recipient(action.to), message: action.message };
    case 'create-task':
      return {
        type: 'create-task',
        title: localized({ 'zh-CN': action.title['zh-CN'], en: action.title.en ?? '' }),
        to: recipient(action.to),
        ...(optionalText(action.formKey) ? { formKey: action.formKey } : {}),
        ...(optionalText(action.due) ? { due: action.due } : {}),
      };
    case 'webhook':
      return {
        type: 'webhook',
        url: action.url,
        ...(action.headers.length > 0
          ? { headers: Object.fromEntries(action.headers.map((h) => [h.name, h.value])) }
          : {}),
        ...(action.body.length > 0
          ? { body: Object.fromEntries(action.body.map((b) => [b.name, b.value])) }
          : {}),
      };
    case 'update-field':
      return action;
  }
}

/**
 * The definition to save or dry-run. A missing condition becomes `true` (always act) only when the user
 * chose none; windows lose the editor-only `streak`.
 */
export function definitionFromState(state: RuleEditorState): RuleDefinition {
  return {
    schemaVersion: 1,
    trigger: cleanTrigger(state.trigger),
    context: state.context.map(({ name, formKey, days, limit }) => ({
      name,
      formKey,
      days,
      ...(limit !== undefined ? { limit } : {}),
    })),
    condition: state.condition === undefined ? true : state.condition,
    actions: state.actions.map(actionOf),
  };
}

/** The first unused window name: `readings`, `readings2` … */
export function uniqueWindowName(taken: readonly string[], base = 'records'): string {
  const clean = base.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(\d)/, '_$1') || 'records';
  let name = clean;
  for (let i = 2; taken.includes(name); i += 1) {
    name = `${clean}${i}`;
  }
  return name;
}

/** Moves an item of a list by one place (reordering actions). */
export function shifted<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= items.length) {
    return [...items];
  }
  const next = [...items];
  const [item] = next.splice(index, 1);
  if (item !== undefined) {
    next.splice(target, 0, item);
  }
  return next;
}

const RESIDENT_FIELDS: readonly BuilderField[] = [
  {
    path: 'resident.status',
    label: { 'zh-CN': '长者状态', en: 'Resident status' },
    kind: 'choice',
    options: [
      { value: 'inquiry', label: { 'zh-CN': '咨询', en: 'Inquiry' } },
      { value: 'trial', label: { 'zh-CN': '试住', en: 'Trial stay' } },
      { value: 'admitted', label: { 'zh-CN': '入住', en: 'Admitted' } },
      { value: 'discharged', label: { 'zh-CN': '退住', en: 'Discharged' } },
      { value: 'deceased', label: { 'zh-CN': '离世', en: 'Deceased' } },
    ],
  },
  { path: 'resident.careLevel', label: { 'zh-CN': '护理等级', en: 'Care level' }, kind: 'text' },
  {
    path: 'resident.gender',
    label: { 'zh-CN': '性别', en: 'Gender' },
    kind: 'choice',
    options: [
      { value: 'male', label: { 'zh-CN': '男', en: 'Male' } },
      { value: 'female', label: { 'zh-CN': '女', en: 'Female' } },
    ],
  },
  { path: 'resident.birthDate', label: { 'zh-CN': '出生日期', en: 'Date of birth' }, kind: 'date' },
  { path: 'resident.room', label: { 'zh-CN': '房间', en: 'Room' }, kind: 'text' },
];

const MEASURES = {
  max_of: { 'zh-CN': '最高', en: 'highest' },
  min_of: { 'zh-CN': '最低', en: 'lowest' },
  avg: { 'zh-CN': '平均', en: 'average' },
} as const;

/** How the condition's window measures are named: `「血糖记录」近 3 天` / `"Glucose" last 3 days`. */
export type WindowLabel = (window: ContextWindowState) => BuilderLabels;

/** The condition's fields: the triggering record, the resident and measures over each context window. */
export function conditionFields(
  recordFields: readonly BuilderField[],
  windows: readonly ContextWindowState[],
  windowFields: (formKey: string) => readonly BuilderField[],
  windowLabel: WindowLabel,
): BuilderField[] {
  const record = recordFields.map((field) => ({
    ...field,
    path: `record.${field.path}`,
    label: { 'zh-CN': `记录·${field.label['zh-CN']}`, en: `Record · ${field.label.en}` },
  }));
  const measures = windows
    .filter((window) => window.name !== '')
    .flatMap((window): BuilderField[] => {
      const list = { var: `context.${window.name}` };
      const of = windowLabel(window);
      const numbers = windowFields(window.formKey).filter((field) => field.kind === 'number');
      const count: BuilderField = {
        path: `#count:${window.name}`,
        label: { 'zh-CN': `${of['zh-CN']}·记录数`, en: `${of.en} · number of records` },
        kind: 'number',
        expression: { count: [list] },
      };
      const streak: BuilderField[] =
        window.streak === undefined
          ? []
          : [
              {
                path: `#consecutive:${window.name}`,
                label: {
                  'zh-CN': `${of['zh-CN']}·连续满足条件的记录数`,
                  en: `${of.en} · records in a row meeting the condition`,
                },
                kind: 'number',
                expression: { consecutive: [list, window.streak] },
              },
            ];
      const perField = numbers.flatMap((field): BuilderField[] => [
        {
          path: `context.${window.name}.0.${field.path}`,
          label: {
            'zh-CN': `${of['zh-CN']}·最新${field.label['zh-CN']}`,
            en: `${of.en} · latest ${field.label.en}`,
          },
          kind: 'number',
        },
        ...(Object.keys(MEASURES) as (keyof typeof MEASURES)[]).map((op): BuilderField => ({
          path: `#${op}:${window.name}:${field.path}`,
          label: {
            'zh-CN': `${of['zh-CN']}·${MEASURES[op]['zh-CN']}${field.label['zh-CN']}`,
            en: `${of.en} · ${MEASURES[op].en} ${field.label.en}`,
          },
          kind: 'number',
          expression: { [op]: [list, field.path] },
        })),
      ]);
      return [count, ...streak, ...perField];
    });
  return [...record, ...RESIDENT_FIELDS, ...measures];
}

/** Var paths the JSON editor accepts: the record's fields, and anything under resident, context and event. */
export function knownConditionPaths(recordFields: readonly BuilderField[]): string[] {
  return [...recordFields.map((field) => `record.${field.path}`), 'resident', 'context', 'event'];
}

function mapLogic(logic: unknown, visit: (node: Json) => unknown): unknown {
  if (Array.isArray(logic)) {
    return logic.map((item) => mapLogic(item, visit));
  }
  if (!isObject(logic)) {
    return logic;
  }
  const replaced = visit(logic);
  if (replaced !== logic) {
    return replaced;
  }
  return Object.fromEntries(Object.entries(logic).map(([key, value]) => [key, mapLogic(value, visit)]));
}

/**
 * The condition after windows were edited: a renamed window's `context.<old>` paths follow the new name, and
 * a changed "consecutive" measure replaces the old one where the condition used it.
 */
export function rewriteCondition(
  condition: unknown,
  before: readonly ContextWindowState[],
  after: readonly ContextWindowState[],
): unknown {
  let next = condition;
  before.forEach((old, index) => {
    const now = after[index];
    if (!now || old.name === '') {
      return;
    }
    if (old.streak !== undefined && JSON.stringify(old.streak) !== JSON.stringify(now.streak)) {
      const oldExpression = JSON.stringify({ consecutive: [{ var: `context.${old.name}` }, old.streak] });
      next = mapLogic(next, (node) =>
        JSON.stringify(node) === oldExpression
          ? now.streak === undefined
            ? { count: [{ var: `context.${old.name}` }] }
            : { consecutive: [{ var: `context.${old.name}` }, now.streak] }
          : node,
      );
    }
    if (now.name !== old.name && now.name !== '') {
      const prefix = `context.${old.name}`;
      next = mapLogic(next, (node) => {
        const path = node.var;
        return typeof path === 'string' && (path === prefix || path.startsWith(`${prefix}.`))
          ? { ...node, var: `context.${now.name}${path.slice(prefix.length)}` }
          : node;
      });
    }
  });
  return next;
}
