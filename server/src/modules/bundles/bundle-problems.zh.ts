import { BUNDLE_LIMITS, KEY_PATTERN, SEMVER_PATTERN, VERSION_RANGE_PATTERN } from '@careloom/contracts';

/**
 * Chinese wordings of the bundle problems other code words in English only: the contract's path checks
 * (`bundlePathProblem`) and ajv's messages for the manifest, form-file and rule-file shapes.
 */

/** `bundlePathProblem`'s answers, in Chinese. */
const PATH_PROBLEMS: Readonly<Record<string, string>> = {
  'the path is empty': '路径为空',
  [`the path is longer than ${BUNDLE_LIMITS.maxPathLength} characters`]: `路径超过 ${BUNDLE_LIMITS.maxPathLength} 个字符`,
  'the path contains a backslash': '路径中有反斜杠（\\）：请改用 /',
  'the path is absolute': '路径是绝对路径：请使用相对于模板包根目录的路径',
  'the path contains control characters': '路径中有控制字符',
  'the path leaves its folder (".." or ".")': '路径跳出了所在文件夹（含有 ".." 或 "."）',
  'the path has characters other than letters, digits, ".", "_", "-" and "/", an empty or hidden segment, or more than 5 levels':
    '路径只能由字母、数字和 "."、"_"、"-"、"/" 组成，不能有空的或隐藏的一级，也不能超过 5 级',
};

/** A path problem of `bundlePathProblem` in Chinese (the English one when it is not known here). */
export function pathProblemZh(problem: string): string {
  return PATH_PROBLEMS[problem] ?? problem;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: '文本',
  number: '数字',
  integer: '整数',
  boolean: 'true 或 false',
  object: 'JSON 对象',
  array: '列表（JSON 数组）',
  null: 'null',
};

const PATTERNS: Readonly<Record<string, string>> = {
  [KEY_PATTERN]: '须为 2–64 个小写字母、数字或短横线，并以字母开头',
  [SEMVER_PATTERN]: '须为语义化版本号，例如 1.2.0',
  [VERSION_RANGE_PATTERN]: '须为版本范围：*、1.2.3、^1.2.3、~1.2.3 或 >=1.2.3',
};

type SchemaError = { keyword: string; message?: string; params: Record<string, unknown> };

const text = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** One ajv error of a bundle file's shape, in Chinese (the field is named by the problem's location). */
export function schemaErrorZh(error: SchemaError): string {
  const params = error.params;
  switch (error.keyword) {
    case 'required':
      return `缺少必填项“${text(params['missingProperty'])}”：请补上它`;
    case 'additionalProperties':
      return `不认识的属性“${text(params['additionalProperty'])}”：请删去它或检查拼写`;
    case 'type':
      return `应为${String(params['type'])
        .split(',')
        .map((name) => TYPE_NAMES[name] ?? name)
        .join('或')}`;
    case 'const':
      return `只能是 ${JSON.stringify(params['allowedValue'])}`;
    case 'enum':
      return `须为以下之一：${Array.isArray(params['allowedValues']) ? params['allowedValues'].join(', ') : ''}`;
    case 'minLength':
      return params['limit'] === 1 ? '不能为空' : `至少 ${text(params['limit'])} 个字符`;
    case 'maxLength':
      return `最多 ${text(params['limit'])} 个字符`;
    case 'minItems':
      return `至少要有 ${text(params['limit'])} 项`;
    case 'maxItems':
      return `最多 ${text(params['limit'])} 项`;
    case 'uniqueItems':
      // ajv's `j` is the later item, repeating the earlier `i`
      return `第 ${Number(params['j']) + 1} 项与第 ${Number(params['i']) + 1} 项重复：请删去重复的一项`;
    case 'pattern': {
      const pattern = text(params['pattern']);
      const listed = /^\^([a-z]+)\/\[a-z\]\[a-z0-9-\]\{1,63\}\\(\.[a-z]+)\$$/.exec(pattern);
      return (
        PATTERNS[pattern] ??
        (listed
          ? `须为 ${listed[1]}/<key>${listed[2]}（key 为 2–64 个小写字母、数字或短横线，并以字母开头）`
          : `格式不正确：须符合 ${pattern}`)
      );
    }
    case 'format':
      return `格式不正确：须为 ${text(params['format'])} 格式`;
    default:
      return `不符合要求（${error.keyword}：${error.message ?? 'is invalid'}）`;
  }
}
