import type { LocalizedMessages } from './logic.types.js';

/** Short JSON rendering of a value for messages and explanations. */
export const show = (value: unknown, max = 60): string => {
  let text: string;
  if (value === undefined) {
    text = 'undefined';
  } else if (typeof value === 'number' && !Number.isFinite(value)) {
    text = value.toString();
  } else {
    try {
      text = JSON.stringify(value) ?? typeof value;
    } catch {
      text = Object.prototype.toString.call(value);
    }
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};

const msg = (zh: string, en: string): LocalizedMessages => ({ 'zh-CN': zh, en });

/** The message catalogue, one function per situation. */
export const MESSAGES = {
  unknownOperation: (op: string) => msg(`未知的运算 "${op}"`, `Unknown operation "${op}"`),
  forbiddenOperation: (op: string) => msg(`不允许使用运算 "${op}"`, `Operation "${op}" is not allowed`),
  notInFilters: (op: string) =>
    msg(`运算 "${op}" 不能用于筛选条件`, `Operation "${op}" cannot be used in filters`),
  forbiddenPath: (path: string) =>
    msg(
      `字段路径 ${show(path)} 不合法（只允许字母、数字、下划线、连字符、汉字，用 "." 分隔）`,
      `Field path ${show(path)} is not allowed (plain segments of letters, digits, _, -, Chinese characters, separated by ".")`,
    ),
  fieldNotFilterable: (path: string) =>
    msg(`字段 ${show(path)} 不能用于筛选`, `Field ${show(path)} is not available in filters`),
  unknownField: (path: string) => msg(`未知字段 ${show(path)}`, `Unknown field ${show(path)}`),
  tooDeep: (max: number) =>
    msg(`表达式嵌套超过 ${max} 层`, `The expression is nested deeper than ${max} levels`),
  tooManyNodes: (max: number) => msg(`表达式超过 ${max} 个节点`, `The expression has more than ${max} nodes`),
  arrayTooLong: (length: number, max: number) =>
    msg(
      `数据数组长度 ${length} 超过上限 ${max}`,
      `A data array of length ${length} is longer than the limit of ${max}`,
    ),
  wrongArity: (op: string, expected: string, actual: number) =>
    msg(
      `运算 "${op}" 需要 ${expected} 个参数，实际为 ${actual} 个`,
      `Operation "${op}" takes ${expected} argument(s), got ${actual}`,
    ),
  notJson: (what: string) =>
    msg(`表达式中含有非 JSON 值（${what}）`, `The expression contains a non-JSON value (${what})`),
  invalidOption: (name: string, value: unknown, expected: LocalizedMessages) =>
    msg(
      `选项 ${name} 的值 ${show(value)} 不合法：应为${expected['zh-CN']}`,
      `Option ${name} = ${show(value)} is invalid: expected ${expected.en}`,
    ),
  expectedInstant: () => msg('带时区偏移的 ISO 时间', 'an ISO instant with offset'),
  expectedTimeZone: () => msg(' IANA 时区名', 'an IANA time zone'),
  expectedPositiveInteger: () => msg('正整数', 'a positive integer'),
  evaluationFailed: (op: string, reason: LocalizedMessages) =>
    msg(`运算 "${op}" 执行失败：${reason['zh-CN']}`, `Operation "${op}" failed: ${reason.en}`),
  evaluationFailedUnknown: (detail: string) =>
    msg(`表达式执行失败：${detail}`, `Evaluation failed: ${detail}`),
  notADate: (value: unknown) =>
    msg(
      `${show(value)} 不是日期（应为 YYYY-MM-DD 或 ISO 时间）`,
      `${show(value)} is not a date (expected YYYY-MM-DD or an ISO date-time)`,
    ),
  notAnArray: (value: unknown) => msg(`${show(value)} 不是数组`, `${show(value)} is not an array`),
  notANumber: (value: unknown) => msg(`${show(value)} 不是数字`, `${show(value)} is not a number`),
  notAnInteger: (value: unknown) => msg(`${show(value)} 不是整数`, `${show(value)} is not an integer`),
  notNonNegativeInteger: (value: unknown) =>
    msg(`${show(value)} 不是非负整数`, `${show(value)} is not a non-negative integer`),
  unknownUnit: (value: unknown) =>
    msg(
      `未知的时间单位 ${show(value)}（可用 days、weeks、months、years、hours）`,
      `Unknown unit ${show(value)} (use days, weeks, months, years or hours)`,
    ),
  hoursOnDate: () =>
    msg('不能给纯日期加减小时，请使用带时间的值', 'Cannot add hours to a date-only value; use a date-time'),
  birthInFuture: (value: unknown) =>
    msg(`出生日期 ${show(value)} 晚于今天`, `Birth date ${show(value)} is after today`),
  badBands: () =>
    msg('分级表应为 [[下限, 标签], …]，下限为数字', 'Bands must be [[min, label], …] with numeric minimums'),
  noContext: () =>
    msg(
      '该运算只能通过 evaluate() 执行',
      'This operation can only run through evaluate() (no evaluation context)',
    ),
  outOfRange: () => msg('日期超出可表示的范围', 'The date is out of range'),
  filterArgument: (op: string, detail: LocalizedMessages) =>
    msg(
      `筛选条件中 "${op}" 的参数不合法：${detail['zh-CN']}`,
      `Invalid argument to "${op}" in a filter: ${detail.en}`,
    ),
  filterNeedsField: () =>
    msg('需要一个已声明的字段（{"var": …}）', 'a declared field ({"var": …}) is required'),
  filterTypeMismatch: (value: unknown, type: string) =>
    msg(
      `值 ${show(value)} 与字段类型 ${type} 不匹配`,
      `value ${show(value)} does not match the field type ${type}`,
    ),
  filterIncompatibleFields: (a: string, b: string) =>
    msg(`字段类型 ${a} 与 ${b} 不能比较`, `field types ${a} and ${b} cannot be compared`),
  filterNullOrder: () => msg('null 只能用于等于/不等于比较', 'null can only be used with equality operators'),
  filterNotAValue: () =>
    msg('这里需要字段或值，而不是条件', 'a field or a value is expected here, not a condition'),
  filterInShape: () =>
    msg(
      '应为 字段 in [值…] 或 "文本" in 文本字段',
      'expected field in [values…] or "text" in a string field',
    ),
  filterColumn: (column: string) =>
    msg(`列名 ${show(column)} 不合法`, `Column ${show(column)} is not a plain SQL identifier`),
  looseEquality: (op: string, strict: string) =>
    msg(
      `"${op}" 会做类型转换（如 1 == "1"、0 == false），建议使用 "${strict}"`,
      `"${op}" coerces types (1 == "1", 0 == false); use "${strict}"`,
    ),
  multiKeyObject: (keys: readonly string[]) =>
    msg(
      `对象有多个键（${keys.join(', ')}），会被当作普通值而不是运算`,
      `An object with several keys (${keys.join(', ')}) is a plain value, not an operation`,
    ),
  dynamicVarPath: () =>
    msg(
      'var 的路径是计算出来的，无法静态检查，请使用固定的字段路径',
      'The var path is computed and cannot be checked statically; use a literal field path',
    ),
} as const;
