// The fields a report's source offers, with their labels and value types: what the source, group-by,
// measure and filter pickers list. Records read the form's latest published schema; the other sources have
// fixed fields (the same names the server's dataset compiler accepts, server/src/modules/reports).
import type { BuilderField, BuilderFieldKind, BuilderOption } from '../../../shared/logic-builder/index.js';
import { builderFields } from '../../forms/utils/form-schema.util.js';
import type { FormDocument } from '../../forms/utils/form-schema.types.js';
import type { LocalizedText, SourceType } from './report.types.js';

/** How a field's values behave in a report: numbers can be summed, times bucketed, the rest grouped. */
export type ReportFieldType = 'text' | 'number' | 'time' | 'boolean';

export interface ReportField {
  /** The field path in the source (`complaintType`, `section.field`, `completedAt`). */
  path: string;
  label: LocalizedText;
  type: ReportFieldType;
  /** Choice options (value → label), for the filter's value picker. */
  options?: readonly BuilderOption[];
}

const text = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });
const field = (
  path: string,
  label: LocalizedText,
  type: ReportFieldType,
  options?: readonly BuilderOption[],
): ReportField => ({ path, label, type, ...(options ? { options } : {}) });
const option = (value: string, zh: string, en: string): BuilderOption => ({ value, label: text(zh, en) });

const STATUS = text('状态', 'Status');
const PROCESS = text('流程', 'Process');

/** Every record's own timestamps, next to the form's fields. */
export const RECORD_FIELDS: readonly ReportField[] = [
  field('createdAt', text('填写时间', 'Filled in'), 'time'),
  field('updatedAt', text('修改时间', 'Changed'), 'time'),
];

/** The fixed fields of the sources without a form. */
export const SOURCE_FIELDS: Readonly<
  Partial<Record<Exclude<SourceType, 'records'>, readonly ReportField[]>>
> = {
  tasks: [
    field('status', STATUS, 'text', [
      option('open', '待办', 'Open'),
      option('completed', '已完成', 'Completed'),
      option('cancelled', '已取消', 'Cancelled'),
    ]),
    field('elementId', text('环节', 'Step'), 'text'),
    field('name', text('任务', 'Task'), 'text'),
    field('assignee', text('处理人', 'Assignee'), 'text'),
    field('processKey', PROCESS, 'text'),
    field('formKey', text('表单', 'Form'), 'text'),
    field('createdAt', text('创建时间', 'Created'), 'time'),
    field('dueAt', text('截止时间', 'Due'), 'time'),
    field('completedAt', text('完成时间', 'Completed'), 'time'),
    field('instanceStartedAt', text('流程开始时间', 'Process started'), 'time'),
  ],
  'process-instances': [
    field('status', STATUS, 'text'),
    field('processKey', PROCESS, 'text'),
    field('businessKey', text('业务编号', 'Business key'), 'text'),
    field('startedAt', text('开始时间', 'Started'), 'time'),
    field('endedAt', text('结束时间', 'Ended'), 'time'),
  ],
  residents: [
    field('status', STATUS, 'text', [
      option('inquiry', '咨询', 'Inquiry'),
      option('trial', '试住', 'Trial stay'),
      option('admitted', '入住', 'Admitted'),
      option('discharged', '退住', 'Discharged'),
      option('deceased', '离世', 'Deceased'),
    ]),
    field('careLevel', text('护理等级', 'Care level'), 'text'),
    field('gender', text('性别', 'Gender'), 'text', [
      option('male', '男', 'Male'),
      option('female', '女', 'Female'),
    ]),
    field('room', text('房间', 'Room'), 'text'),
    field('birthDate', text('出生日期', 'Birth date'), 'time'),
    field('admittedAt', text('入住时间', 'Admitted'), 'time'),
    field('dischargedAt', text('退住时间', 'Left'), 'time'),
    field('dischargeReason', text('退住原因', 'Reason for leaving'), 'text'),
    field('createdAt', text('登记时间', 'Registered'), 'time'),
  ],
  activity: [
    field('userId', text('用户', 'User'), 'text'),
    field('role', text('角色', 'Role'), 'text'),
    field('day', text('日期', 'Day'), 'time'),
  ],
};

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The schema node at a dot path (`a`, `section.a`), through `properties`. */
function nodeAt(schema: unknown, path: string): Node | undefined {
  let node: unknown = schema;
  for (const segment of path.split('.')) {
    const properties = isNode(node) ? node['properties'] : undefined;
    node = isNode(properties) ? properties[segment] : undefined;
  }
  return isNode(node) ? node : undefined;
}

/** `oneOf: [{const, title, x-labels}]` options (the shipped templates' choice fields). */
function oneOfOptions(node: Node): BuilderOption[] {
  const list = Array.isArray(node['oneOf']) ? (node['oneOf'] as unknown[]) : [];
  return list.flatMap((entry) => {
    if (!isNode(entry) || !(typeof entry['const'] === 'string' || typeof entry['const'] === 'number')) {
      return [];
    }
    const value = entry['const'];
    const own = entry['x-labels'];
    const title = typeof entry['title'] === 'string' ? entry['title'] : String(value);
    return [
      {
        value,
        label: {
          'zh-CN': isNode(own) && typeof own['zh-CN'] === 'string' ? own['zh-CN'] : title,
          en: isNode(own) && typeof own['en'] === 'string' ? own['en'] : title,
        },
      },
    ];
  });
}

function typeOf(node: Node | undefined, kind: BuilderFieldKind): ReportFieldType {
  const type = node?.['type'];
  const format = node?.['format'];
  if (type === 'number' || type === 'integer' || kind === 'number') {
    return 'number';
  }
  if (format === 'date' || format === 'date-time' || kind === 'date') {
    return 'time';
  }
  if (type === 'boolean' || kind === 'boolean') {
    return 'boolean';
  }
  return 'text';
}

/** A form's fields for reports (root and section fields; not tables or scale results), then the record's own. */
export function formReportFields(doc: FormDocument): ReportField[] {
  const own = builderFields(doc).map((entry) => {
    const node = nodeAt(doc.schema, entry.path);
    const fromOneOf = node ? oneOfOptions(node) : [];
    const options = entry.options && entry.options.length > 0 ? entry.options : fromOneOf;
    return field(entry.path, entry.label, typeOf(node, entry.kind), options.length > 0 ? options : undefined);
  });
  const taken = new Set(own.map((f) => f.path));
  return [...own, ...RECORD_FIELDS.filter((f) => !taken.has(f.path))];
}

/** The fields as the shared condition builder wants them (filters and ratio conditions). */
export function conditionFields(fields: readonly ReportField[]): BuilderField[] {
  return fields.map((f) => ({
    path: f.path,
    label: f.label,
    kind:
      f.options && f.options.length > 0
        ? 'choice'
        : f.type === 'time'
          ? 'date'
          : f.type === 'number'
            ? 'number'
            : f.type === 'boolean'
              ? 'boolean'
              : 'text',
    ...(f.options ? { options: f.options } : {}),
  }));
}
