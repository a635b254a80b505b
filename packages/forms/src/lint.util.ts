import { checkLogic } from '@careloom/logic';
import type { ValidateFunction } from 'ajv';
import { createFormsAjv } from './ajv.util.js';
import { orderComputed } from './compute-order.util.js';
import {
  BEHAVIOUR_KEYWORDS,
  DIALECT_KEYWORDS,
  FORBIDDEN_PROPERTY_NAMES,
  IMAGE_FORMATS,
  LIMITS,
  SCHEMA_DIALECT_URI,
  STANDARD_KEYWORDS,
  SUBSCHEMA_ARRAY_KEYWORDS,
  SUBSCHEMA_KEYWORDS,
  SUBSCHEMA_MAP_KEYWORDS,
} from './dialect.constants.js';
import { resolveLocalRef, resolvePointer } from './form-fields.util.js';
import { buildFormModel } from './form-model.util.js';
import type { Labels, LintIssue, Locale } from './forms.types.js';
import { isPlainObject, joinPointer, utf8Length, type JsonObject } from './json.util.js';
import { lintIssue } from './lint-issue.util.js';
import { logicIssues } from './logic-lint.util.js';
import { checkRegexSafety } from './regex-safety.util.js';
import { lintScale } from './scale-lint.util.js';

const KNOWN_KEYWORDS = new Set([...STANDARD_KEYWORDS, ...DIALECT_KEYWORDS]);
const LOGIC_KEYWORDS = ['x-compute', 'x-visible-if', 'x-required-if'] as const;

export interface LintOptions {
  /** Language of each issue's `message` (both are always in `messages`); default zh-CN. */
  locale?: Locale;
}

interface Collector {
  issues: LintIssue[];
  error(code: string, path: string, messages: Labels): void;
  warning(code: string, path: string, messages: Labels): void;
}

/** Finds the deepest nesting and every `$data` key without recursion; stops counting past the limit. */
function scanRaw(schema: unknown, collector: Collector): boolean {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [
    { value: schema, path: '', depth: 0 },
  ];
  while (stack.length > 0) {
    const entry = stack.pop();
    if (entry === undefined) {
      break;
    }
    if (entry.depth > LIMITS.maxDepth) {
      collector.error('schema-too-deep', entry.path, {
        'zh-CN': `表单结构嵌套超过 ${LIMITS.maxDepth} 层`,
        en: `The schema is nested deeper than ${LIMITS.maxDepth} levels`,
      });
      return false;
    }
    if (Array.isArray(entry.value)) {
      entry.value.forEach((item: unknown, index) =>
        stack.push({ value: item, path: joinPointer(entry.path, index), depth: entry.depth + 1 }),
      );
    } else if (isPlainObject(entry.value)) {
      for (const [key, member] of Object.entries(entry.value)) {
        const path = joinPointer(entry.path, key);
        if (key === '$data') {
          collector.error('data-ref', path, {
            'zh-CN': '不支持 $data 引用',
            en: '$data references are not supported',
          });
        }
        stack.push({ value: member, path, depth: entry.depth + 1 });
      }
    }
  }
  return true;
}

interface WalkState {
  root: JsonObject;
  propertyCount: number;
  /** Schema pointers holding a dialect keyword → the keyword names found there. */
  dialectAt: Map<string, string[]>;
}

function checkPattern(pattern: unknown, path: string, collector: Collector): void {
  if (typeof pattern !== 'string') {
    return;
  }
  const verdict = checkRegexSafety(pattern);
  switch (verdict.type) {
    case 'safe':
      return;
    case 'invalid':
      collector.error('invalid-regex', path, {
        'zh-CN': `正则表达式无效：${verdict.reason}`,
        en: `Invalid regular expression: ${verdict.reason}`,
      });
      return;
    case 'unsafe':
      collector.error('unsafe-regex', path, {
        'zh-CN': `正则表达式「${pattern}」可能导致灾难性回溯（${verdict.reason}），请改写，避免嵌套或重叠的重复`,
        en: `The regular expression "${pattern}" can backtrack catastrophically (${verdict.reason}); rewrite it without nested or overlapping repetition`,
      });
      return;
  }
}

function checkPropertyName(name: unknown, path: string, collector: Collector): void {
  if (typeof name === 'string' && FORBIDDEN_PROPERTY_NAMES.includes(name)) {
    collector.error('forbidden-property-name', path, {
      'zh-CN': `字段名「${name}」不允许使用`,
      en: `The property name "${name}" is not allowed`,
    });
  }
}

function walkSchema(schema: unknown, path: string, state: WalkState, collector: Collector): void {
  if (typeof schema === 'boolean') {
    return;
  }
  if (!isPlainObject(schema)) {
    collector.error('invalid-schema', path, {
      'zh-CN': '子结构应为对象或布尔值',
      en: 'A subschema must be an object or a boolean',
    });
    return;
  }
  for (const [keyword, value] of Object.entries(schema)) {
    const at = joinPointer(path, keyword);
    if (!KNOWN_KEYWORDS.has(keyword)) {
      if (keyword !== '$data') {
        collector.error('unknown-keyword', at, {
          'zh-CN': `未知关键字「${keyword}」`,
          en: `Unknown keyword "${keyword}"`,
        });
      }
      continue;
    }
    if (DIALECT_KEYWORDS.includes(keyword)) {
      state.dialectAt.set(path, [...(state.dialectAt.get(path) ?? []), keyword]);
    }
    switch (keyword) {
      case '$ref':
      case '$dynamicRef':
        if (typeof value === 'string' && !value.startsWith('#')) {
          collector.error('remote-ref', at, {
            'zh-CN': `只允许本表单内的引用（以 # 开头），不允许「${value}」`,
            en: `Only local references (starting with #) are allowed, not "${value}"`,
          });
        } else if (
          typeof value === 'string' &&
          value.startsWith('#/') &&
          resolveLocalRef(state.root, value) === undefined
        ) {
          collector.error('unresolved-ref', at, {
            'zh-CN': `引用「${value}」指向不存在的位置`,
            en: `The reference "${value}" points nowhere`,
          });
        }
        break;
      case '$schema':
        if (path !== '' || value !== SCHEMA_DIALECT_URI) {
          collector.error('unsupported-schema-dialect', at, {
            'zh-CN': `$schema 只能出现在根部且必须为 ${SCHEMA_DIALECT_URI}`,
            en: `$schema may appear only at the root and must be ${SCHEMA_DIALECT_URI}`,
          });
        }
        break;
      case '$id':
        if (path !== '') {
          collector.error('nested-id', at, {
            'zh-CN': '$id 只能出现在根部',
            en: '$id may appear only at the root',
          });
        }
        break;
      case 'pattern':
        checkPattern(value, at, collector);
        if (schema['maxLength'] === undefined) {
          collector.error('pattern-without-max-length', at, {
            'zh-CN': '使用 pattern 时必须同时设置 maxLength',
            en: 'A pattern needs a maxLength on the same schema',
          });
        }
        break;
      case 'format':
        if (typeof value === 'string' && IMAGE_FORMATS.includes(value)) {
          const max = schema['maxLength'];
          if (typeof max !== 'number' || max > LIMITS.maxImageLength) {
            collector.error('image-without-max-length', at, {
              'zh-CN': `签名或照片字段必须设置 maxLength（不超过 ${LIMITS.maxImageLength}）`,
              en: `A signature or photo field needs a maxLength of at most ${LIMITS.maxImageLength}`,
            });
          }
        }
        break;
      case 'uniqueItems':
        if (value === true && schema['maxItems'] === undefined) {
          collector.error('unique-items-without-max-items', at, {
            'zh-CN': '使用 uniqueItems 时必须同时设置 maxItems',
            en: 'uniqueItems needs a maxItems on the same schema',
          });
        }
        break;
      case 'required':
        if (Array.isArray(value)) {
          value.forEach((name: unknown, index) => checkPropertyName(name, joinPointer(at, index), collector));
        }
        break;
      case 'dependentRequired':
        if (isPlainObject(value)) {
          for (const [name, names] of Object.entries(value)) {
            checkPropertyName(name, joinPointer(at, name), collector);
            if (Array.isArray(names)) {
              names.forEach((other: unknown, index) =>
                checkPropertyName(other, joinPointer(at, name, index), collector),
              );
            }
          }
        }
        break;
      default:
        break;
    }
    if (SUBSCHEMA_KEYWORDS.includes(keyword)) {
      walkSchema(value, at, state, collector);
    } else if (SUBSCHEMA_ARRAY_KEYWORDS.includes(keyword) && Array.isArray(value)) {
      value.forEach((item: unknown, index) => walkSchema(item, joinPointer(at, index), state, collector));
    } else if (SUBSCHEMA_MAP_KEYWORDS.includes(keyword) && isPlainObject(value)) {
      for (const [name, member] of Object.entries(value)) {
        const memberPath = joinPointer(at, name);
        if (keyword === 'properties') {
          state.propertyCount += 1;
        }
        if (keyword === 'patternProperties') {
          checkPattern(name, memberPath, collector);
        } else {
          checkPropertyName(name, memberPath, collector);
        }
        walkSchema(member, memberPath, state, collector);
      }
    }
  }
}

/**
 * Everything that would hurt at run time, as bilingual issues with schema pointers. A schema with no
 * `error` issue compiles; warnings are advice.
 */
export function lintFormSchema(schema: unknown, options: LintOptions = {}): LintIssue[] {
  return lintAndCompile(schema, options.locale ?? 'zh-CN').issues;
}

/** Lint, then (when there is no error) compile with the same ajv; compileForm reuses the validator. */
export function lintAndCompile(
  schema: unknown,
  locale: Locale,
): { issues: LintIssue[]; validate: ValidateFunction | undefined } {
  const result = (
    issues: LintIssue[],
    validate?: ValidateFunction,
  ): { issues: LintIssue[]; validate: ValidateFunction | undefined } => ({
    issues,
    validate,
  });
  const collector: Collector = {
    issues: [],
    error(code, path, messages) {
      this.issues.push(lintIssue('error', code, path, messages, locale));
    },
    warning(code, path, messages) {
      this.issues.push(lintIssue('warning', code, path, messages, locale));
    },
  };
  if (!isPlainObject(schema)) {
    collector.error('schema-not-object', '', {
      'zh-CN': '表单结构应为 JSON 对象',
      en: 'A form schema must be a JSON object',
    });
    return result(collector.issues);
  }
  let serialized: string;
  try {
    serialized = JSON.stringify(schema);
  } catch {
    collector.error('schema-not-json', '', {
      'zh-CN': '表单结构无法序列化为 JSON（可能存在循环引用）',
      en: 'The schema cannot be serialized to JSON (circular structure?)',
    });
    return result(collector.issues);
  }
  const bytes = utf8Length(serialized);
  if (bytes > LIMITS.maxBytes) {
    collector.error('schema-too-large', '', {
      'zh-CN': `表单结构过大（${bytes} 字节，上限 ${LIMITS.maxBytes}）`,
      en: `The schema is too large (${bytes} bytes, limit ${LIMITS.maxBytes})`,
    });
    return result(collector.issues);
  }
  if (!scanRaw(schema, collector)) {
    return result(collector.issues);
  }
  if (schema['type'] !== 'object') {
    collector.error('root-not-object', '/type', {
      'zh-CN': '表单根部应为 "type": "object"',
      en: 'The form root must be "type": "object"',
    });
  }
  const state: WalkState = { root: schema, propertyCount: 0, dialectAt: new Map() };
  walkSchema(schema, '', state, collector);
  if (state.propertyCount > LIMITS.maxProperties) {
    collector.error('too-many-properties', '', {
      'zh-CN': `字段总数 ${state.propertyCount} 超过上限 ${LIMITS.maxProperties}`,
      en: `${state.propertyCount} properties exceed the limit of ${LIMITS.maxProperties}`,
    });
  }

  const metaAjv = createFormsAjv();
  const foreignDialect = schema['$schema'] !== undefined && schema['$schema'] !== SCHEMA_DIALECT_URI;
  if (!foreignDialect && metaAjv.validateSchema(schema) !== true) {
    for (const error of metaAjv.errors ?? []) {
      collector.error('invalid-schema', error.instancePath, {
        'zh-CN': `不符合 JSON Schema 2020-12 规范：${error.message ?? error.keyword}`,
        en: `Not valid JSON Schema 2020-12: ${error.message ?? error.keyword}`,
      });
    }
  }

  lintDialect(schema, state, collector, locale);

  if (!collector.issues.some((issue) => issue.severity === 'error')) {
    try {
      return result(collector.issues, metaAjv.compile(schema));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const at = /at (?:path )?"#([^"]*)"/.exec(reason)?.[1];
      collector.error('schema-compile', at === undefined ? '' : safeDecode(at), {
        'zh-CN': `表单结构无法编译：${reason}`,
        en: `The schema does not compile: ${reason}`,
      });
    }
  }
  return result(collector.issues);
}

function lintDialect(schema: JsonObject, state: WalkState, collector: Collector, locale: Locale): void {
  const model = buildFormModel(schema);
  const behaviourPaths = new Set(model.behaviourFields.map((field) => field.schemaPath));
  const fieldPaths = new Set(model.fields.map((field) => field.schemaPath));
  for (const [path, keywords] of state.dialectAt) {
    for (const keyword of keywords) {
      const behaviour = (BEHAVIOUR_KEYWORDS as readonly string[]).includes(keyword);
      if ((behaviour && !behaviourPaths.has(path)) || (keyword === 'x-sensitive' && !fieldPaths.has(path))) {
        collector.error('dialect-keyword-placement', joinPointer(path, keyword), {
          'zh-CN': behaviour
            ? `「${keyword}」只能用于从根部经 properties 直达的字段（不能在数组、$defs、组合结构中）`
            : `「${keyword}」只能用于字段（properties、items 或被引用的 $defs 中）`,
          en: behaviour
            ? `"${keyword}" works only on properties reached from the root through "properties" (not in arrays, $defs or combinators)`
            : `"${keyword}" works only on fields (under properties, items or referenced $defs)`,
        });
      }
    }
  }
  lintIndexed(model, state, collector);
  for (const field of model.behaviourFields) {
    for (const keyword of LOGIC_KEYWORDS) {
      const logic = field.schema[keyword];
      if (logic !== undefined) {
        collector.issues.push(
          ...logicIssues(
            checkLogic(logic, { knownFields: model.knownFields }),
            joinPointer(field.schemaPath, keyword),
            locale,
          ),
        );
      }
    }
    if (field.schema['x-compute'] !== undefined && field.schema['x-scale'] !== undefined) {
      collector.error('conflicting-dialect-keywords', field.schemaPath, {
        'zh-CN': '同一字段不能同时使用 x-compute 和 x-scale',
        en: 'A field cannot have both x-compute and x-scale',
      });
    }
    if (field.schema['x-scale'] !== undefined) {
      const parentPath = field.schemaPath.slice(0, field.schemaPath.lastIndexOf('/properties/'));
      const parent = resolvePointer(schema, parentPath)?.schema;
      const siblings =
        isPlainObject(parent) && isPlainObject(parent['properties']) ? parent['properties'] : {};
      collector.issues.push(
        ...lintScale(field.schema['x-scale'], field, siblings, model.knownFields, locale),
      );
    }
  }
  const order = orderComputed(
    model.computed.map((computed) => ({ varPath: computed.field.varPath, reads: computed.reads })),
  );
  if (order.type === 'cycle') {
    for (const cycle of order.cycles) {
      const names = cycle.join(' → ');
      const first = model.computed.find((computed) => computed.field.varPath === cycle[0]);
      collector.error('compute-cycle', first?.field.schemaPath ?? '', {
        'zh-CN': `计算字段循环依赖：${names}`,
        en: `Computed fields depend on each other in a cycle: ${names}`,
      });
    }
  }
}

function safeDecode(pointer: string): string {
  try {
    return decodeURIComponent(pointer);
  } catch {
    return pointer;
  }
}

/** Field types a database index can hold: one scalar value per record. */
const INDEXABLE_TYPES = ['string', 'number', 'integer', 'boolean'];

/**
 * `x-indexed: true` asks the server for a database index on the field: only a scalar field reached from the root
 * through `properties` (one value per record) can have one; arrays, objects, images and fields inside arrays cannot.
 */
function lintIndexed(model: ReturnType<typeof buildFormModel>, state: WalkState, collector: Collector): void {
  const byPath = new Map(model.behaviourFields.map((field) => [field.schemaPath, field]));
  for (const [path, keywords] of state.dialectAt) {
    if (!keywords.includes('x-indexed')) {
      continue;
    }
    const field = byPath.get(path);
    if (!field || field.schema['x-indexed'] !== true) {
      if (!field) {
        collector.error('dialect-keyword-placement', joinPointer(path, 'x-indexed'), {
          'zh-CN': '「x-indexed」只能用于从根部经 properties 直达的字段（不能在数组、$defs、组合结构中）',
          en: '"x-indexed" works only on properties reached from the root through "properties" (not in arrays, $defs or combinators)',
        });
      }
      continue;
    }
    const types: unknown[] = Array.isArray(field.schema.type) ? field.schema.type : [field.schema.type];
    const scalar = types.filter((t) => t !== 'null');
    const format = field.schema.format;
    if (
      scalar.length !== 1 ||
      !INDEXABLE_TYPES.includes(String(scalar[0])) ||
      (typeof format === 'string' && IMAGE_FORMATS.includes(format))
    ) {
      collector.error('x-indexed-not-scalar', joinPointer(path, 'x-indexed'), {
        'zh-CN':
          '「x-indexed」只能用于单一取值的字段（文本、数字、整数、是/否），不能用于对象、数组、签名或照片',
        en: '"x-indexed" works only on single-value fields (string, number, integer, boolean), not on objects, arrays, signatures or photos',
      });
    }
  }
}
