import type { ErrorObject } from 'ajv';
import { checkChineseIdNumber } from './cn-identity.util.js';
import type { FieldError, Labels, Locale } from './forms.types.js';
import { isPlainObject, joinPointer, type JsonObject } from './json.util.js';

const TYPE_NAMES: Record<string, Labels> = {
  string: { 'zh-CN': '文本', en: 'text' },
  number: { 'zh-CN': '数字', en: 'a number' },
  integer: { 'zh-CN': '整数', en: 'a whole number' },
  boolean: { 'zh-CN': '是/否', en: 'yes or no' },
  object: { 'zh-CN': '一组信息', en: 'a group of fields' },
  array: { 'zh-CN': '列表', en: 'a list' },
  null: { 'zh-CN': '空值', en: 'empty' },
};

const FORMAT_MESSAGES: Record<string, Labels> = {
  date: { 'zh-CN': '请输入有效日期（如 2024-05-01）', en: 'Enter a valid date (e.g. 2024-05-01)' },
  time: { 'zh-CN': '请输入有效时间（如 08:30:00+08:00）', en: 'Enter a valid time (e.g. 08:30:00+08:00)' },
  'local-time': { 'zh-CN': '请输入有效时间（如 08:30）', en: 'Enter a valid time of day (e.g. 08:30)' },
  'date-time': {
    'zh-CN': '请输入有效的日期时间（如 2024-05-01T08:30:00+08:00）',
    en: 'Enter a valid date and time (e.g. 2024-05-01T08:30:00+08:00)',
  },
  email: { 'zh-CN': '请输入有效的电子邮箱地址', en: 'Enter a valid email address' },
  uri: { 'zh-CN': '请输入有效的网址', en: 'Enter a valid web address' },
  'cn-mobile': {
    'zh-CN': '手机号码无效（应为 1 开头的 11 位数字）',
    en: 'Invalid mobile number (11 digits starting with 1)',
  },
  signature: {
    'zh-CN': '签名图像无效，请清除后重新签名',
    en: 'The signature image is not valid; clear it and sign again',
  },
  photo: {
    'zh-CN': '照片无效，请重新拍摄或选择（PNG、JPEG 或 WebP）',
    en: 'The photo is not valid; take or choose it again (PNG, JPEG or WebP)',
  },
};

const ID_NUMBER_MESSAGES: Record<string, Labels> = {
  format: {
    'zh-CN': '身份证号码应为 18 位（最后一位可为 X）',
    en: 'An ID number has 18 characters (the last may be X)',
  },
  region: { 'zh-CN': '身份证号码无效（地区码不正确）', en: 'Invalid ID number (wrong region code)' },
  'birth-date': { 'zh-CN': '身份证号码无效（出生日期不正确）', en: 'Invalid ID number (wrong birth date)' },
  checksum: {
    'zh-CN': '身份证号码无效（校验位不符）',
    en: 'Invalid ID number (check digit does not match)',
  },
};

function fill(template: Labels, values: Record<string, unknown>): Labels {
  const replace = (text: string): string =>
    text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values[name];
      if (value === undefined) {
        return whole;
      }
      return typeof value === 'string' ? value : JSON.stringify(value);
    });
  return { 'zh-CN': replace(template['zh-CN']), en: replace(template.en) };
}

function typeNames(type: unknown): Labels {
  const names = String(type)
    .split(',')
    .map((name) => TYPE_NAMES[name] ?? { 'zh-CN': name, en: name });
  return {
    'zh-CN': names.map((name) => name['zh-CN']).join('或'),
    en: names.map((name) => name.en).join(' or '),
  };
}

function enumText(values: unknown): string {
  return Array.isArray(values)
    ? values.map((value) => JSON.stringify(value)).join(', ')
    : JSON.stringify(values);
}

/** The bare message (no field label) for one ajv error. */
export function ajvErrorText(error: ErrorObject): Labels {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
    case 'dependentRequired':
      return { 'zh-CN': '请填写此项', en: 'This field is required' };
    case 'type': {
      const names = typeNames(params['type']);
      return { 'zh-CN': `应为${names['zh-CN']}`, en: `Must be ${names.en}` };
    }
    case 'enum':
      return fill(
        { 'zh-CN': '请从给定选项中选择（{values}）', en: 'Choose one of the given options ({values})' },
        {
          values: enumText(
            isPlainObject(error.parentSchema) ? error.parentSchema['enum'] : params['allowedValues'],
          ),
        },
      );
    case 'const':
      return fill(
        { 'zh-CN': '只能是 {value}', en: 'Must be {value}' },
        { value: enumText(params['allowedValue']) },
      );
    case 'minimum':
      return fill({ 'zh-CN': '不能小于 {limit}', en: 'Must be at least {limit}' }, params);
    case 'maximum':
      return fill({ 'zh-CN': '不能大于 {limit}', en: 'Must be at most {limit}' }, params);
    case 'exclusiveMinimum':
      return fill({ 'zh-CN': '必须大于 {limit}', en: 'Must be greater than {limit}' }, params);
    case 'exclusiveMaximum':
      return fill({ 'zh-CN': '必须小于 {limit}', en: 'Must be less than {limit}' }, params);
    case 'multipleOf':
      return fill(
        { 'zh-CN': '必须是 {multipleOf} 的整数倍', en: 'Must be a multiple of {multipleOf}' },
        params,
      );
    case 'minLength':
      return fill({ 'zh-CN': '至少填写 {limit} 个字', en: 'Enter at least {limit} characters' }, params);
    case 'maxLength':
      return fill({ 'zh-CN': '最多填写 {limit} 个字', en: 'Enter at most {limit} characters' }, params);
    case 'pattern':
      return { 'zh-CN': '格式不正确', en: 'The format is not correct' };
    case 'format':
      return formatText(String(params['format']), error.data);
    case 'minItems':
      return fill(
        { 'zh-CN': '至少选择或添加 {limit} 项', en: 'Add or choose at least {limit} items' },
        params,
      );
    case 'maxItems':
      return fill(
        { 'zh-CN': '最多选择或添加 {limit} 项', en: 'Add or choose at most {limit} items' },
        params,
      );
    case 'uniqueItems':
      return fill(
        { 'zh-CN': '第 {j} 项与第 {i} 项重复', en: 'Item {j} repeats item {i}' },
        { i: Number(params['i']) + 1, j: Number(params['j']) + 1 },
      );
    case 'contains':
      return { 'zh-CN': '列表中缺少符合要求的项', en: 'The list lacks a required kind of item' };
    case 'minProperties':
      return fill({ 'zh-CN': '至少填写 {limit} 项', en: 'Fill in at least {limit} fields' }, params);
    case 'maxProperties':
      return fill({ 'zh-CN': '最多填写 {limit} 项', en: 'Fill in at most {limit} fields' }, params);
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return { 'zh-CN': '表单中没有此项', en: 'This field is not part of the form' };
    case 'items':
    case 'unevaluatedItems':
      return fill({ 'zh-CN': '最多 {limit} 项', en: 'At most {limit} items' }, params);
    case 'propertyNames':
      return { 'zh-CN': '字段名不符合要求', en: 'A field name is not allowed' };
    case 'anyOf':
      return {
        'zh-CN': '不符合任何一种允许的填写方式',
        en: 'Does not match any allowed way of filling this in',
      };
    case 'oneOf':
      return {
        'zh-CN': '应恰好符合一种填写方式',
        en: 'Must match exactly one allowed way of filling this in',
      };
    case 'not':
      return { 'zh-CN': '填写的内容不被允许', en: 'This value is not allowed' };
    case 'if':
      return { 'zh-CN': '与其他已填写的项不一致', en: 'Does not fit the other answers' };
    case 'false schema':
      return { 'zh-CN': '此项不应填写', en: 'This field must not be filled in' };
    default:
      return { 'zh-CN': `填写有误（${error.keyword}）`, en: `Invalid value (${error.keyword})` };
  }
}

function formatText(format: string, data: unknown): Labels {
  if (format === 'cn-id-number') {
    const reason = typeof data === 'string' ? checkChineseIdNumber(data) : 'format';
    return ID_NUMBER_MESSAGES[reason] ?? ID_NUMBER_MESSAGES['checksum'] ?? { 'zh-CN': '', en: '' };
  }
  return FORMAT_MESSAGES[format] ?? { 'zh-CN': `格式不正确（${format}）`, en: `Invalid format (${format})` };
}

/** The pointer of the field an ajv error is about: the missing or extra property itself when there is one. */
export function ajvErrorField(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  for (const key of ['missingProperty', 'additionalProperty', 'unevaluatedProperty', 'propertyName']) {
    const name = params[key];
    if (typeof name === 'string') {
      return joinPointer(error.instancePath, name);
    }
  }
  return error.instancePath;
}

/** The label of a field schema in both languages: `x-labels`, else `title`. */
export function fieldLabels(schema: JsonObject | undefined): Labels | undefined {
  if (schema === undefined) {
    return undefined;
  }
  const labels = schema['x-labels'];
  const title = typeof schema['title'] === 'string' ? schema['title'] : undefined;
  if (isPlainObject(labels)) {
    const zh = typeof labels['zh-CN'] === 'string' ? labels['zh-CN'] : title;
    const en = typeof labels['en'] === 'string' ? labels['en'] : title;
    if (zh !== undefined && en !== undefined) {
      return { 'zh-CN': zh, en };
    }
  }
  return title === undefined ? undefined : { 'zh-CN': title, en: title };
}

/** Builds a FieldError, prefixing the field label when there is one ("身份证号：…" / "ID number: …"). */
export function fieldError(
  path: string,
  keyword: string,
  text: Labels,
  labels: Labels | undefined,
  locale: Locale,
  params?: Record<string, unknown>,
): FieldError {
  const messages: Labels =
    labels === undefined
      ? text
      : { 'zh-CN': `${labels['zh-CN']}：${text['zh-CN']}`, en: `${labels.en}: ${text.en}` };
  const error: FieldError = { path, keyword, message: messages[locale], messages };
  if (params !== undefined) {
    error.params = params;
  }
  return error;
}
