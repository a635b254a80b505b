/**
 * The request-shape checks' field messages (class-validator: the DTO decorators' own messages and its defaults) in
 * Chinese, for callers whose language is zh-CN (the default). Keyed by the English text the decorator gives, so a
 * DTO keeps one message in its decorator; `field-messages.zh.spec.ts` checks that every DTO message has its wording here.
 */
const CUSTOM: Readonly<Record<string, string>> = {
  'advance must be an ISO 8601 duration such as P3D or PT2H': 'advance 须为 ISO 8601 时长，例如 P3D 或 PT2H',
  'amountFen must be a whole number of fen (1/100 yuan), e.g. 328050 for ¥3,280.50':
    'amountFen 须为以分计的整数（1/100 元），例如 ¥3,280.50 写作 328050',
  'amountFen must be at most 1000000000 (¥10,000,000)': 'amountFen 最多为 1000000000（¥10,000,000）',
  'amountFen must not be negative': 'amountFen 不能为负数',
  'at least one working period is needed': '至少需要一个工作时段',
  'baseVersion must be a version number': 'baseVersion 须为版本号',
  'bedCount cannot be negative': 'bedCount 不能为负数',
  'bedCount must be a whole number of beds, or null to use the units below':
    'bedCount 须为床位数（整数），或为 null 以使用下级单元的床位',
  'bedCount must be at most 100000': 'bedCount 最多为 100000',
  'before must be a date-time like 2026-01-31T08:00:00.000Z':
    'before 须为日期时间，例如 2026-01-31T08:00:00.000Z',
  'birthDate is not a real date': 'birthDate 不是一个真实存在的日期',
  'birthDate must be a date like 1941-03-08': 'birthDate 须为日期，例如 1941-03-08',
  'body must be at most 10,000 characters': 'body 最多 10,000 个字符',
  'body must be text': 'body 须为文本',
  'body must not be empty': 'body 不能为空',
  'calendarKey must be the key of a calendar (GET /api/calendars) or null':
    'calendarKey 须为某个日历的标识（GET /api/calendars），或为 null',
  'category must be notice, bill or activity':
    'category 须为 notice（通知）、bill（账单）或 activity（活动）',
  'comment must be at most 1000 characters': 'comment 最多 1000 个字符',
  'count must be true or false': 'count 须为 true 或 false',
  'data must be a JSON object with the complaint-intake fields': 'data 须为包含投诉登记字段的 JSON 对象',
  'data must be a JSON object': 'data 须为 JSON 对象',
  'definition must be a JSON object': 'definition 须为 JSON 对象',
  'each holiday must be a date YYYY-MM-DD': '每个节假日都须为 YYYY-MM-DD 格式的日期',
  'each make-up workday must be a date YYYY-MM-DD': '每个调休工作日都须为 YYYY-MM-DD 格式的日期',
  'end must be HH:MM (00:00–23:59)': 'end 须为 HH:MM（00:00–23:59）',
  'familyVisible must be true or false': 'familyVisible 须为 true 或 false',
  'files must map paths to file contents': 'files 须为从文件路径到文件内容的映射',
  'format must be csv or xlsx': 'format 须为 csv 或 xlsx',
  "from must be a day YYYY-MM-DD (in the home's time zone)":
    'from 须为 YYYY-MM-DD 格式的日期（按本院所在时区）',
  'from must be an ISO date or instant': 'from 须为 ISO 日期或时间点',
  'gender must be male or female': 'gender 须为 male（男）或 female（女）',
  'idNumber must be 18 characters: 17 digits and a digit or X':
    'idNumber 须为 18 位：17 位数字加一位数字或 X',
  'key must be 2–64 lower-case letters, digits or dashes, starting with a letter':
    'key 须为 2–64 个小写字母、数字或短横线，并以字母开头',
  'key must be kebab-case': 'key 须为小写短横线格式（kebab-case）',
  'limit must be a whole number': 'limit 须为整数',
  'limit must be at least 1': 'limit 至少为 1',
  'limit must be at most 50': 'limit 最多为 50',
  'logic is required: send a JSON Logic expression': '缺少 logic：请提供一个 JSON Logic 表达式',
  'name must not be empty': 'name 不能为空',
  'newPassword must be at least 8 characters': '新密码（newPassword）至少 8 个字符',
  'npsScore must be a whole number from 0 to 10': 'npsScore 须为 0 到 10 的整数',
  'npsScore must be at least 0': 'npsScore 至少为 0',
  'npsScore must be at most 10': 'npsScore 最多为 10',
  'offset must be a whole number': 'offset 须为整数',
  'orgUnitId must be an org unit id': 'orgUnitId 须为组织单元的 id',
  'orgUnitId must be the id of an org unit': 'orgUnitId 须为组织单元的 id',
  'overdue must be true or false': 'overdue 须为 true 或 false',
  'password must be at least 8 characters': '密码（password）至少 8 个字符',
  'phone must be an 11-digit mainland mobile number': 'phone 须为 11 位中国大陆手机号',
  'position must be "before" or "after"': 'position 须为 "before" 或 "after"',
  'reason: say why the step goes back': 'reason：请说明退回的原因',
  'reason: say why you withdraw': 'reason：请说明撤回的原因',
  'reopenRequested must be true or false': 'reopenRequested 须为 true 或 false',
  'residentId must be a resident id': 'residentId 须为长者的 id',
  'residentId must be the id of a resident': 'residentId 须为长者的 id',
  'ruleId must be a rule id': 'ruleId 须为规则的 id',
  'satisfactionScore must be a whole number from 1 to 5': 'satisfactionScore 须为 1 到 5 的整数',
  'satisfactionScore must be at least 1': 'satisfactionScore 至少为 1',
  'satisfactionScore must be at most 5': 'satisfactionScore 最多为 5',
  'schema must be a JSON object': 'schema 须为 JSON 对象',
  'sort must be a field name, optionally prefixed with -': 'sort 须为字段名，可在前面加 - 表示倒序',
  'source must say where the dates come from': 'source 须说明日期从哪里来',
  'start must be HH:MM (00:00–23:59)': 'start 须为 HH:MM（00:00–23:59）',
  'status must be one of inquiry, trial, admitted, discharged, deceased':
    'status 须为 inquiry（咨询）、trial（试住）、admitted（在住）、discharged（已离院）或 deceased（已故）之一',
  'status must be one of open, resolved, closed, cancelled':
    'status 须为 open（处理中）、resolved（已解决）、closed（已关闭）或 cancelled（已取消）之一',
  'the Chinese name must not be empty': '中文名称不能为空',
  'title must be at most 200 characters': 'title 最多 200 个字符',
  'title must be text': 'title 须为文本',
  'title must not be empty': 'title 不能为空',
  'to must be an ISO date or instant': 'to 须为 ISO 日期或时间点',
  "to must be a day YYYY-MM-DD (in the home's time zone)": 'to 须为 YYYY-MM-DD 格式的日期（按本院所在时区）',
  'toUserId: choose the person who gets the task': 'toUserId：请选择接手任务的人',
  'uiSchema must be a JSON object': 'uiSchema 须为 JSON 对象',
  'userId: choose the person to add': 'userId：请选择要加签的人',
  'username must be 3–40 characters: lower-case letters, digits, dot, dash or underscore':
    'username 须为 3–40 个字符：小写字母、数字、点、短横线或下划线',
  'variables must be a JSON object': 'variables 须为 JSON 对象',
  'version must be a version number': 'version 须为版本号',
  'version must be like 1.0.0': 'version 须形如 1.0.0',
  'weekdays are numbers 1 (Monday) to 7 (Sunday)': 'weekdays 须为 1（周一）到 7（周日）的数字',
  'weekdays must not repeat': 'weekdays 不能重复',
  'years must be an object keyed by year ("2027")': 'years 须为以年份（如 "2027"）为键的对象',
};

/** class-validator's default messages (`each value in ` before them for an `each` check). */
const DEFAULTS: readonly [RegExp, (property: string, value: string) => string][] = [
  [/^(.+) must be a string$/, (p) => `${p} 须为文本`],
  [/^(.+) must be an integer number$/, (p) => `${p} 须为整数`],
  [/^(.+) must be a UUID$/, (p) => `${p} 须为 UUID`],
  [/^(.+) must be shorter than or equal to (\d+) characters$/, (p, n) => `${p} 最多 ${n} 个字符`],
  [/^(.+) must be longer than or equal to (\d+) characters$/, (p, n) => `${p} 至少 ${n} 个字符`],
  [/^(.+) must be one of the following values: (.*)$/, (p, v) => `${p} 须为以下值之一：${v}`],
  [/^(.+) must not be less than (\S+)$/, (p, n) => `${p} 不能小于 ${n}`],
  [/^(.+) must not be greater than (\S+)$/, (p, n) => `${p} 不能大于 ${n}`],
  [/^(.+) must be an object$/, (p) => `${p} 须为对象`],
  [/^(.+) must be an array$/, (p) => `${p} 须为数组`],
  [/^(.+) must be a boolean value$/, (p) => `${p} 须为 true 或 false`],
  [/^(.+) must be a valid ISO 8601 date string$/, (p) => `${p} 须为 ISO 8601 日期或时间`],
  [/^(.+) must contain no more than (\d+) elements$/, (p, n) => `${p} 最多 ${n} 项`],
  [/^(.+) must contain at least (\d+) elements$/, (p, n) => `${p} 至少 ${n} 项`],
  [/^All (.+)'s elements must be unique$/, (p) => `${p} 中的各项不能重复`],
  [/^(.+) should not be empty$/, (p) => `${p} 不能为空`],
  [/^(.+) should not be null or undefined$/, (p) => `缺少 ${p}`],
  [/^(.+) must match (.+) regular expression$/, (p) => `${p} 的格式不对`],
  [/^property (.+) should not exist$/, (p) => `不认识的字段 ${p}：请去掉它`],
  [/^nested property (.+) must be either object or array$/, (p) => `${p} 须为对象或数组`],
];

const EACH = 'each value in ';

/** The Chinese wording of a request-shape check's English message; the message itself when it has none. */
export function zhFieldMessage(message: string): string {
  const custom = CUSTOM[message];
  if (custom !== undefined) {
    return custom;
  }
  const each = message.startsWith(EACH);
  const text = each ? message.slice(EACH.length) : message;
  for (const [pattern, wording] of DEFAULTS) {
    const match = pattern.exec(text);
    if (match) {
      const property = match[1] ?? '';
      const worded = wording(each ? `${property} 中的每一项` : property, match[2] ?? '');
      return each ? worded.replace('中的每一项 ', '中的每一项') : worded;
    }
  }
  return message;
}

/** Whether `message` has a Chinese wording (a DTO's own message, or one of class-validator's defaults). */
export const hasZhFieldMessage = (message: string): boolean => zhFieldMessage(message) !== message;
