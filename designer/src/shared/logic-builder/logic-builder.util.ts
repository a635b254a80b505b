import { builderText, operatorText } from './logic-builder-text.constants.js';
import type {
  ArithmeticOperator,
  BuilderField,
  BuilderFieldKind,
  BuilderLocale,
  Comparison,
  ComputeModel,
  ConditionGroup,
  ConditionNode,
  ConditionOperator,
  ConditionValue,
  Operand,
} from './logic-builder.types.js';

type Logic = Record<string, unknown>;

const COMPARE_OPS: Readonly<Record<string, ConditionOperator>> = {
  '===': 'eq',
  '!==': 'ne',
  '>': 'gt',
  '>=': 'gte',
  '<': 'lt',
  '<=': 'lte',
};
const COMPARE_JSON: Readonly<Record<ConditionOperator, string | undefined>> = {
  eq: '===',
  ne: '!==',
  gt: '>',
  gte: '>=',
  lt: '<',
  lte: '<=',
  empty: undefined,
  'not-empty': undefined,
  contains: undefined,
  'one-of': undefined,
};

/** Operators offered for a kind of field, in menu order. */
export function operatorsFor(kind: BuilderFieldKind): ConditionOperator[] {
  switch (kind) {
    case 'number':
    case 'date':
    case 'time':
      return ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'empty', 'not-empty'];
    case 'boolean':
      return ['eq', 'ne', 'empty', 'not-empty'];
    case 'choice':
      return ['eq', 'ne', 'one-of', 'empty', 'not-empty'];
    case 'multi-choice':
      return ['contains', 'empty', 'not-empty'];
    case 'text':
      return ['eq', 'ne', 'contains', 'empty', 'not-empty'];
  }
}

/** Operators offered for a field: a computed value (`expression`) is only compared, never "empty". */
export function operatorsOfField(field: BuilderField): ConditionOperator[] {
  const operators = operatorsFor(field.kind);
  return field.expression === undefined
    ? operators
    : operators.filter((operator) => COMPARE_JSON[operator] !== undefined);
}

/** Whether the operator takes no value (empty / not empty). */
export function isUnary(operator: ConditionOperator): boolean {
  return operator === 'empty' || operator === 'not-empty';
}

/** A new comparison on a field with the field's first operator and a sensible value. */
export function newComparison(field: BuilderField): Comparison {
  const operator = operatorsFor(field.kind)[0] ?? 'eq';
  return { type: 'comparison', field: field.path, operator, value: defaultValue(field, operator) };
}

/** The value a comparison starts with after its field or operator changed. */
export function defaultValue(
  field: BuilderField | undefined,
  operator: ConditionOperator,
): ConditionValue | ConditionValue[] | undefined {
  if (isUnary(operator)) {
    return undefined;
  }
  if (operator === 'one-of') {
    return [];
  }
  const kind = field?.kind;
  if (kind === 'boolean') {
    return true;
  }
  if (kind === 'number') {
    return 0;
  }
  if (kind === 'choice' || kind === 'multi-choice') {
    return field?.options?.[0]?.value ?? '';
  }
  return '';
}

const varOf = (path: string): Logic => ({ var: path });

function comparisonToLogic(
  node: Comparison,
  kinds: ReadonlyMap<string, BuilderFieldKind>,
  expressions: ReadonlyMap<string, unknown>,
): Logic {
  const field = varOf(node.field);
  const json = COMPARE_JSON[node.operator];
  if (json !== undefined) {
    return { [json]: [expressions.get(node.field) ?? field, node.value ?? null] };
  }
  if (node.operator === 'empty' || node.operator === 'not-empty') {
    // a multi-choice answer is a list: [] is empty but not "missing"
    if (kinds.get(node.field) === 'multi-choice') {
      return node.operator === 'empty' ? { '!': field } : { '!!': field };
    }
    const missing = { missing: [node.field] };
    return node.operator === 'empty' ? missing : { '!': missing };
  }
  if (node.operator === 'contains') {
    return { in: [node.value ?? '', field] };
  }
  return { in: [field, Array.isArray(node.value) ? node.value : []] };
}

/**
 * JSON Logic for a condition tree: `===`, `!==`, `>`…, `missing` (empty), `in` (contains, one of), `and`/`or`.
 * A group of one is its only condition; an empty group is `undefined` (no condition).
 */
export function conditionToLogic(node: ConditionNode, fields: readonly BuilderField[] = []): unknown {
  const kinds = new Map(fields.map((field) => [field.path, field.kind]));
  const expressions = expressionsOf(fields);
  const convert = (current: ConditionNode): unknown => {
    if (current.type === 'comparison') {
      return comparisonToLogic(current, kinds, expressions);
    }
    const children = current.children.map(convert).filter((child) => child !== undefined);
    if (children.length === 0) {
      return undefined;
    }
    return children.length === 1 ? children[0] : { [current.combinator]: children };
  };
  return convert(node);
}

function expressionsOf(fields: readonly BuilderField[]): Map<string, unknown> {
  return new Map(
    fields.flatMap((field) => (field.expression === undefined ? [] : [[field.path, field.expression]])),
  );
}

function isLogic(value: unknown): value is Logic {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function singleOperation(value: unknown): [string, unknown] | undefined {
  if (!isLogic(value)) {
    return undefined;
  }
  const entries = Object.entries(value);
  return entries.length === 1 ? entries[0] : undefined;
}

function varPath(value: unknown): string | undefined {
  const operation = singleOperation(value);
  return operation && operation[0] === 'var' && typeof operation[1] === 'string' && operation[1] !== ''
    ? operation[1]
    : undefined;
}

function isValue(value: unknown): value is ConditionValue {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** The builder field a compared operand is: a `var`, or a field's computed `expression` (same JSON). */
type OperandMatcher = (operand: unknown) => string | undefined;

function comparisonFromLogic(logic: unknown, operandField: OperandMatcher = varPath): Comparison | undefined {
  const operation = singleOperation(logic);
  if (!operation) {
    return undefined;
  }
  const [op, args] = operation;
  const compare = COMPARE_OPS[op];
  if (compare !== undefined) {
    if (!Array.isArray(args) || args.length !== 2) {
      return undefined;
    }
    const field = operandField(args[0]);
    const value: unknown = args[1];
    return field !== undefined && isValue(value)
      ? { type: 'comparison', field, operator: compare, value }
      : undefined;
  }
  if (op === 'missing' && Array.isArray(args) && args.length === 1 && typeof args[0] === 'string') {
    return { type: 'comparison', field: args[0], operator: 'empty' };
  }
  if (op === '!' || op === '!!') {
    const inner: unknown = Array.isArray(args) && args.length === 1 ? (args[0] as unknown) : args;
    const field = varPath(inner);
    if (field !== undefined) {
      return { type: 'comparison', field, operator: op === '!' ? 'empty' : 'not-empty' };
    }
    const missing = op === '!' ? comparisonFromLogic(inner) : undefined;
    return missing?.operator === 'empty' && singleOperation(inner)?.[0] === 'missing'
      ? { type: 'comparison', field: missing.field, operator: 'not-empty' }
      : undefined;
  }
  if (op === 'in' && Array.isArray(args) && args.length === 2) {
    const [first, second] = args as [unknown, unknown];
    const container = varPath(second);
    if (container !== undefined && isValue(first)) {
      return { type: 'comparison', field: container, operator: 'contains', value: first };
    }
    const field = varPath(first);
    if (field !== undefined && Array.isArray(second) && second.every(isValue)) {
      return { type: 'comparison', field, operator: 'one-of', value: second };
    }
  }
  return undefined;
}

function nodeFromLogic(logic: unknown, operandField: OperandMatcher): ConditionNode | undefined {
  const operation = singleOperation(logic);
  if (operation && (operation[0] === 'and' || operation[0] === 'or') && Array.isArray(operation[1])) {
    const children = operation[1].map((child) => nodeFromLogic(child, operandField));
    if (children.length === 0 || children.some((child) => child === undefined)) {
      return undefined;
    }
    return { type: 'group', combinator: operation[0], children: children as ConditionNode[] };
  }
  return comparisonFromLogic(logic, operandField);
}

/**
 * The condition tree of JSON Logic the builder produced (always a group at the root), an empty group for no
 * logic, or `undefined` when the logic is something else (edit it as JSON then). With `fields`, a compared
 * operand equal to a field's `expression` is read as that field.
 */
export function conditionFromLogic(
  logic: unknown,
  fields: readonly BuilderField[] = [],
): ConditionGroup | undefined {
  if (logic === undefined || logic === null) {
    return { type: 'group', combinator: 'and', children: [] };
  }
  const byExpression = new Map(
    [...expressionsOf(fields)].map(([path, expression]) => [JSON.stringify(expression), path]),
  );
  const operandField: OperandMatcher = (operand) =>
    varPath(operand) ?? (byExpression.size > 0 ? byExpression.get(JSON.stringify(operand)) : undefined);
  const node = nodeFromLogic(logic, operandField);
  if (node === undefined) {
    return undefined;
  }
  return node.type === 'group' ? node : { type: 'group', combinator: 'and', children: [node] };
}

function fieldLabel(fields: readonly BuilderField[], path: string, locale: BuilderLocale): string {
  const label = fields.find((field) => field.path === path)?.label[locale] ?? path;
  return locale === 'zh-CN' ? `「${label}」` : `"${label}"`;
}

function valueText(field: BuilderField | undefined, value: ConditionValue, locale: BuilderLocale): string {
  if (typeof value === 'boolean') {
    return builderText(locale, value ? 'yes' : 'no');
  }
  const option = field?.options?.find((candidate) => candidate.value === value);
  const text = option ? option.label[locale] : String(value);
  return typeof value === 'number' && !option ? text : locale === 'zh-CN' ? `“${text}”` : `"${text}"`;
}

/** A condition as a sentence in the locale: `「是否受伤」等于“是” 并且 …`. */
export function describeCondition(
  node: ConditionNode,
  fields: readonly BuilderField[],
  locale: BuilderLocale,
): string {
  const describe = (current: ConditionNode, nested: boolean): string => {
    if (current.type === 'group') {
      const parts = current.children.map((child) => describe(child, true));
      if (parts.length === 0) {
        return nested ? '' : builderText(locale, 'always');
      }
      const joined = parts.join(` ${builderText(locale, current.combinator)} `);
      return nested && parts.length > 1 ? `(${joined})` : joined;
    }
    const field = fields.find((candidate) => candidate.path === current.field);
    const subject = fieldLabel(fields, current.field, locale);
    const verb = operatorText(locale, current.operator);
    const join = locale === 'zh-CN' ? '' : ' ';
    if (isUnary(current.operator) || current.value === undefined) {
      return `${subject}${join}${verb}`;
    }
    const values = Array.isArray(current.value) ? current.value : [current.value];
    const text = values
      .map((value) => valueText(field, value, locale))
      .join(locale === 'zh-CN' ? '、' : ', ');
    return `${subject}${join}${verb}${join}${text}`;
  };
  return describe(node, false);
}

/** Field paths a condition tree reads. */
export function conditionFields(node: ConditionNode): string[] {
  return node.type === 'comparison' ? [node.field] : [...new Set(node.children.flatMap(conditionFields))];
}

/** Whether every comparison has a field and a value of the kind it needs. */
export function isConditionComplete(node: ConditionNode, fields: readonly BuilderField[]): boolean {
  if (node.type === 'group') {
    return node.children.every((child) => isConditionComplete(child, fields));
  }
  if (!fields.some((field) => field.path === node.field)) {
    return false;
  }
  if (isUnary(node.operator)) {
    return true;
  }
  if (node.operator === 'one-of') {
    return Array.isArray(node.value) && node.value.length > 0;
  }
  return node.value !== undefined && node.value !== '' && !Array.isArray(node.value);
}

// ---- computed values -------------------------------------------------------------------------------

const ARITHMETIC: readonly ArithmeticOperator[] = ['+', '-', '*', '/'];

function operandLogic(operand: Operand): unknown {
  return operand.type === 'field' ? varOf(operand.field) : operand.value;
}

/** JSON Logic of a computed value; a division by a field yields null (no value) while that field is 0 or empty. */
export function computeToLogic(model: ComputeModel): unknown {
  if (model.type === 'sum') {
    return { '+': model.fields.map(varOf) };
  }
  const expression = { [model.operator]: [varOf(model.left), operandLogic(model.right)] };
  if (model.operator === '/' && model.right.type === 'field') {
    return { if: [varOf(model.right.field), expression, null] };
  }
  return expression;
}

function operandFromLogic(logic: unknown): Operand | undefined {
  const field = varPath(logic);
  if (field !== undefined) {
    return { type: 'field', field };
  }
  return typeof logic === 'number' ? { type: 'number', value: logic } : undefined;
}

/** The model of JSON Logic computeToLogic produced, else undefined. */
export function computeFromLogic(logic: unknown): ComputeModel | undefined {
  return computeFrom(logic, false);
}

function computeFrom(logic: unknown, guarded: boolean): ComputeModel | undefined {
  const operation = singleOperation(logic);
  if (!operation) {
    return undefined;
  }
  const [op, args] = operation;
  if (op === 'if' && Array.isArray(args) && args.length === 3 && args[2] === null) {
    const inner = computeFrom(args[1], true);
    const guard = varPath(args[0]);
    return inner?.type === 'arithmetic' &&
      inner.operator === '/' &&
      inner.right.type === 'field' &&
      inner.right.field === guard
      ? inner
      : undefined;
  }
  const operator = ARITHMETIC.find((candidate) => candidate === op);
  if (operator === undefined || !Array.isArray(args)) {
    return undefined;
  }
  const paths = args.map(varPath);
  const fields = paths.filter((path) => path !== undefined);
  if (operator === '+' && args.length >= 1 && fields.length === args.length) {
    return { type: 'sum', fields };
  }
  if (args.length !== 2) {
    return undefined;
  }
  const left = paths[0];
  const right = operandFromLogic(args[1]);
  if (left === undefined || right === undefined || (!guarded && operator === '/' && right.type === 'field')) {
    // an unguarded division by a field is not what the builder writes
    return undefined;
  }
  return { type: 'arithmetic', left, operator, right };
}

const OPERATOR_TEXT = { '+': 'plus', '-': 'minus', '*': 'multiply', '/': 'divide' } as const;

/** A computed value as a sentence: `「收缩压」 − 「舒张压」`, `sum of "A", "B"`. */
export function describeCompute(
  model: ComputeModel,
  fields: readonly BuilderField[],
  locale: BuilderLocale,
): string {
  if (model.type === 'sum') {
    const names = model.fields.map((path) => fieldLabel(fields, path, locale));
    return builderText(locale, 'sumOf', { fields: names.join(locale === 'zh-CN' ? '、' : ', ') });
  }
  const right =
    model.right.type === 'field' ? fieldLabel(fields, model.right.field, locale) : String(model.right.value);
  return `${fieldLabel(fields, model.left, locale)} ${builderText(locale, OPERATOR_TEXT[model.operator])} ${right}`;
}

/** Fields a computation reads. */
export function computeFields(model: ComputeModel): string[] {
  if (model.type === 'sum') {
    return [...model.fields];
  }
  return model.right.type === 'field' ? [model.left, model.right.field] : [model.left];
}
