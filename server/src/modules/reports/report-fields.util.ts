import type { DatasetSource, LocalizedText } from '@careloom/contracts';

const text = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const COMMON = {
  status: text('状态', 'Status'),
  createdAt: text('创建时间', 'Created'),
  processKey: text('流程', 'Process'),
};

/** Labels of the fields each source offers besides a form's own. */
export const SOURCE_FIELD_LABELS: Record<DatasetSource['type'], Record<string, LocalizedText>> = {
  records: { createdAt: text('填写时间', 'Filled in'), updatedAt: text('修改时间', 'Changed') },
  tasks: {
    ...COMMON,
    elementId: text('环节', 'Step'),
    name: text('任务', 'Task'),
    assignee: text('处理人', 'Assignee'),
    formKey: text('表单', 'Form'),
    dueAt: text('截止时间', 'Due'),
    completedAt: text('完成时间', 'Completed'),
    instanceStartedAt: text('流程开始时间', 'Process started'),
  },
  'process-instances': {
    ...COMMON,
    businessKey: text('业务编号', 'Business key'),
    startedAt: text('开始时间', 'Started'),
    endedAt: text('结束时间', 'Ended'),
  },
  residents: {
    ...COMMON,
    createdAt: text('登记时间', 'Registered'),
    careLevel: text('护理等级', 'Care level'),
    gender: text('性别', 'Gender'),
    room: text('房间', 'Room'),
    birthDate: text('出生日期', 'Birth date'),
    admittedAt: text('入住时间', 'Admitted'),
    dischargedAt: text('退住时间', 'Left'),
    dischargeReason: text('退住原因', 'Reason for leaving'),
  },
  activity: {
    userId: text('用户', 'User'),
    role: text('角色', 'Role'),
    day: text('日期', 'Day'),
  },
};

/** Each field's label from a form schema (`x-labels`, else `title`, else its name), by dot path. */
export function schemaFieldLabels(schema: object, prefix = '', depth = 0): Record<string, LocalizedText> {
  const properties = (schema as { properties?: unknown }).properties;
  if (!isObject(properties) || depth > 8) {
    return {};
  }
  const labels: Record<string, LocalizedText> = {};
  for (const [name, child] of Object.entries(properties)) {
    if (!isObject(child)) {
      continue;
    }
    const path = prefix ? `${prefix}.${name}` : name;
    const own = child['x-labels'];
    const title = typeof child.title === 'string' ? child.title : name;
    labels[path] = {
      'zh-CN': isObject(own) && typeof own['zh-CN'] === 'string' ? own['zh-CN'] : title,
      en: isObject(own) && typeof own.en === 'string' ? own.en : title,
    };
    if (child.type === 'object') {
      Object.assign(labels, schemaFieldLabels(child, path, depth + 1));
    }
  }
  return labels;
}

/** Display labels of values some built-in fields hold. */
export const SOURCE_VALUE_LABELS: Record<string, Record<string, LocalizedText>> = {
  'residents.status': {
    inquiry: text('咨询', 'Inquiry'),
    trial: text('试住', 'Trial stay'),
    admitted: text('入住', 'Admitted'),
    discharged: text('退住', 'Discharged'),
    deceased: text('离世', 'Deceased'),
  },
  'tasks.status': {
    open: text('待办', 'Open'),
    completed: text('已完成', 'Completed'),
    cancelled: text('已取消', 'Cancelled'),
  },
  'residents.gender': { male: text('男', 'Male'), female: text('女', 'Female') },
};

/** The option titles of each field with `oneOf: [{const, title, x-labels}]`, by dot path and value. */
export function schemaValueLabels(
  schema: object,
  prefix = '',
  depth = 0,
): Record<string, Record<string, LocalizedText>> {
  const properties = (schema as { properties?: unknown }).properties;
  if (!isObject(properties) || depth > 8) {
    return {};
  }
  const labels: Record<string, Record<string, LocalizedText>> = {};
  for (const [name, child] of Object.entries(properties)) {
    if (!isObject(child)) {
      continue;
    }
    const path = prefix ? `${prefix}.${name}` : name;
    const options = Array.isArray(child.oneOf) ? child.oneOf : Array.isArray(child.anyOf) ? child.anyOf : [];
    const values: Record<string, LocalizedText> = {};
    for (const option of options as unknown[]) {
      if (!isObject(option) || !(typeof option.const === 'string' || typeof option.const === 'number')) {
        continue;
      }
      const value = String(option.const);
      const own = option['x-labels'];
      const title = typeof option.title === 'string' ? option.title : value;
      values[value] = {
        'zh-CN': isObject(own) && typeof own['zh-CN'] === 'string' ? own['zh-CN'] : title,
        en: isObject(own) && typeof own.en === 'string' ? own.en : title,
      };
    }
    if (Object.keys(values).length > 0) {
      labels[path] = values;
    }
    if (child.type === 'object') {
      Object.assign(labels, schemaValueLabels(child, path, depth + 1));
    }
  }
  return labels;
}
