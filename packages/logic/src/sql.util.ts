// Compiles a subset of JSON Logic to a PostgreSQL boolean expression over a JSONB column. Field paths
// come only from validated, declared dot paths; every value is a bind parameter.
import { analyzeLogic } from './analyze.util.js';
import {
  addDays,
  addToInstant,
  formatDate,
  formatInstant,
  parseTemporal,
  startOfDay,
  zonedWallTime,
} from './date.util.js';
import { evaluate, resolveOptions, truthy, type ResolvedOptions } from './evaluate.util.js';
import { DEFAULT_MAX_DEPTH, DEFAULT_MAX_NODES } from './logic.constants.js';
import { LogicError } from './logic.errors.js';
import type {
  CompiledSql,
  CompileSqlOptions,
  FilterFieldType,
  JsonLogic,
  LocalizedMessages,
} from './logic.types.js';
import { isOperation, splitOperation } from './markers.util.js';
import { MESSAGES } from './messages.util.js';
import { childPointer, isSafeFieldPath, jsString } from './path.util.js';

type Operand =
  | { kind: 'field'; sql: string; type: FilterFieldType; nullable: boolean }
  | { kind: 'literal'; value: unknown }
  | { kind: 'predicate'; sql: string; nullable: boolean };

interface Predicate {
  sql: string;
  /** True when the SQL may yield NULL (then NOT must coalesce to keep JSON Logic's two-valued answers). */
  nullable: boolean;
}

/** Operations the compiler understands; 'var' aside, an all-literal sub-expression of these is computed in JS. */
const FILTER_OPERATIONS: readonly string[] = [
  'var',
  '==',
  '===',
  '!=',
  '!==',
  '<',
  '<=',
  '>',
  '>=',
  'and',
  'or',
  '!',
  '!!',
  'in',
  'within_last',
  'today',
  'now',
  'date_add',
];

const COMPARISONS: Readonly<Record<string, string>> = {
  '==': '=',
  '===': '=',
  '!=': 'IS DISTINCT FROM',
  '!==': 'IS DISTINCT FROM',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
};

const CASTS: Readonly<Record<FilterFieldType, string>> = {
  string: 'text',
  number: 'numeric',
  integer: 'numeric',
  boolean: 'boolean',
  date: 'date',
  'date-time': 'timestamptz',
};

const IDENTIFIER = String.raw`(?:[A-Za-z_][A-Za-z0-9_$]*|"(?:[^"]|"")+")`;
const COLUMN_PATTERN = new RegExp(`^${IDENTIFIER}(?:\\.${IDENTIFIER})*$`);

const filterError = (op: string, pointer: string, detail: LocalizedMessages): LogicError =>
  new LogicError('invalid-argument', pointer, MESSAGES.filterArgument(op, detail));

class SqlCompiler {
  readonly params: unknown[] = [];

  constructor(
    private readonly column: string,
    private readonly fields: Readonly<Record<string, FilterFieldType>>,
    private readonly firstParam: number,
    private readonly settings: ResolvedOptions,
    private readonly columns: Readonly<Record<string, string>> = {},
    private readonly jsonColumns: Readonly<Record<string, string>> = {},
  ) {}

  private param(value: unknown, cast: string): string {
    this.params.push(value);
    return `$${this.firstParam + this.params.length - 1}::${cast}`;
  }

  /** True when the node reads no data, so it can be computed in JS and bound as one value. */
  private isConstant(node: unknown): boolean {
    if (Array.isArray(node)) {
      return node.every((element) => this.isConstant(element));
    }
    if (!isOperation(node)) {
      return true;
    }
    const { op, args } = splitOperation(node);
    return op !== 'var' && FILTER_OPERATIONS.includes(op) && args.every((arg) => this.isConstant(arg));
  }

  private constant(node: unknown, pointer: string): unknown {
    try {
      return evaluate(node, null, { now: this.settings.nowIso, timeZone: this.settings.timeZone });
    } catch (error) {
      if (error instanceof LogicError) {
        throw new LogicError(error.code, pointer + error.path, error.messages);
      }
      throw error;
    }
  }

  private field(node: Record<string, unknown>, pointer: string): Operand {
    const { args, sugared } = splitOperation(node);
    const [path, fallback] = args;
    const pathPointer = sugared ? childPointer(pointer, 'var') : childPointer(pointer, 'var', 0);
    if (typeof path !== 'string' || !isSafeFieldPath(path)) {
      throw new LogicError('forbidden-path', pathPointer, MESSAGES.forbiddenPath(jsString(path)));
    }
    const type = Object.hasOwn(this.fields, path) ? this.fields[path] : undefined;
    if (type === undefined || !Object.hasOwn(CASTS, type)) {
      throw new LogicError('forbidden-path', pathPointer, MESSAGES.fieldNotFilterable(path));
    }
    const own = Object.hasOwn(this.columns, path) ? this.columns[path] : undefined;
    const json = Object.hasOwn(this.jsonColumns, path) ? this.jsonColumns[path] : undefined;
    const segments = path.split('.').map((segment) => `"${segment}"`);
    const text = `(${json ?? this.column} #>> '{${segments.join(',')}}')`;
    const sql = own ?? (type === 'string' ? text : `${text}::${CASTS[type]}`);
    if (args.length < 2 || fallback === null) {
      return { kind: 'field', sql, type, nullable: true };
    }
    const fallbackPointer = childPointer(pointer, 'var', 1);
    const value = this.coerce(this.literal(fallback, fallbackPointer, 'var'), type, fallbackPointer, 'var');
    return {
      kind: 'field',
      sql: `COALESCE(${sql}, ${this.param(value, CASTS[type])})`,
      type,
      nullable: false,
    };
  }

  private literal(node: unknown, pointer: string, op: string): unknown {
    if (!this.isConstant(node)) {
      throw filterError(op, pointer, MESSAGES.filterNotAValue());
    }
    return this.constant(node, pointer);
  }

  private operand(node: unknown, pointer: string): Operand {
    if (this.isConstant(node)) {
      return { kind: 'literal', value: this.constant(node, pointer) };
    }
    if (isOperation(node) && splitOperation(node).op === 'var') {
      return this.field(node, pointer);
    }
    return { kind: 'predicate', ...this.predicate(node, pointer) };
  }

  /** A literal turned into the field's type (dates into the calendar day / instant in the time zone). */
  private coerce(value: unknown, type: FilterFieldType, pointer: string, op: string): unknown {
    const mismatch = (): never => {
      throw filterError(op, pointer, MESSAGES.filterTypeMismatch(value, type));
    };
    switch (type) {
      case 'string':
        return typeof value === 'string' ? value : mismatch();
      case 'number':
      case 'integer':
        return typeof value === 'number' && Number.isFinite(value) ? value : mismatch();
      case 'boolean':
        return typeof value === 'boolean' ? value : mismatch();
      case 'date': {
        const parsed = parseTemporal(value, this.settings.timeZone) ?? mismatch();
        return parsed.type === 'date'
          ? formatDate(parsed.date)
          : formatDate(zonedWallTime(parsed.epochMs, this.settings.timeZone));
      }
      case 'date-time': {
        const parsed = parseTemporal(value, this.settings.timeZone) ?? mismatch();
        return formatInstant(
          parsed.type === 'instant' ? parsed.epochMs : startOfDay(parsed.date, this.settings.timeZone),
        );
      }
    }
  }

  private valueSql(operand: Operand, type: FilterFieldType, pointer: string, op: string): string {
    switch (operand.kind) {
      case 'field':
        return operand.sql;
      case 'literal':
        return this.param(this.coerce(operand.value, type, pointer, op), CASTS[type]);
      case 'predicate':
        throw filterError(op, pointer, MESSAGES.filterNotAValue());
    }
  }

  private compare(op: string, pointer: string, left: unknown, right: unknown, leftAt: number): Predicate {
    const leftPointer = childPointer(pointer, op, leftAt);
    const rightPointer = childPointer(pointer, op, leftAt + 1);
    const a = this.operand(left, leftPointer);
    const b = this.operand(right, rightPointer);
    const sqlOperator = COMPARISONS[op] ?? '=';
    const fieldSide = a.kind === 'field' ? a : b.kind === 'field' ? b : undefined;
    if (a.kind === 'predicate' || b.kind === 'predicate' || fieldSide === undefined) {
      throw filterError(op, a.kind === 'field' ? rightPointer : leftPointer, MESSAGES.filterNeedsField());
    }
    if (a.kind === 'field' && b.kind === 'field' && CASTS[a.type] !== CASTS[b.type]) {
      throw filterError(op, pointer, MESSAGES.filterIncompatibleFields(a.type, b.type));
    }
    const other = fieldSide === a ? b : a;
    if (other.kind === 'literal' && other.value === null) {
      if (sqlOperator === '=') {
        return { sql: `${fieldSide.sql} IS NULL`, nullable: false };
      }
      if (sqlOperator === 'IS DISTINCT FROM') {
        return { sql: `${fieldSide.sql} IS NOT NULL`, nullable: false };
      }
      throw filterError(op, fieldSide === a ? rightPointer : leftPointer, MESSAGES.filterNullOrder());
    }
    const sql = `${this.valueSql(a, fieldSide.type, leftPointer, op)} ${sqlOperator} ${this.valueSql(b, fieldSide.type, rightPointer, op)}`;
    const nullable =
      sqlOperator !== 'IS DISTINCT FROM' &&
      ((a.kind === 'field' && a.nullable) || (b.kind === 'field' && b.nullable));
    return { sql, nullable };
  }

  /** JSON Logic truthiness of a field: null, "", 0 and false are false. */
  private truthiness(field: Extract<Operand, { kind: 'field' }>): Predicate {
    switch (field.type) {
      case 'string':
        return { sql: `COALESCE(${field.sql} <> '', false)`, nullable: false };
      case 'number':
      case 'integer':
        return { sql: `COALESCE(${field.sql} <> 0, false)`, nullable: false };
      case 'boolean':
        return { sql: `COALESCE(${field.sql}, false)`, nullable: false };
      case 'date':
      case 'date-time':
        return { sql: `${field.sql} IS NOT NULL`, nullable: false };
    }
  }

  private asPredicate(operand: Operand): Predicate {
    switch (operand.kind) {
      case 'predicate':
        return operand;
      case 'field':
        return this.truthiness(operand);
      case 'literal':
        return { sql: this.param(truthy(operand.value), 'boolean'), nullable: false };
    }
  }

  predicate(node: unknown, pointer: string): Predicate {
    if (this.isConstant(node)) {
      return { sql: this.param(truthy(this.constant(node, pointer)), 'boolean'), nullable: false };
    }
    if (!isOperation(node)) {
      // an array holding operations
      throw filterError('in', pointer, MESSAGES.filterNotAValue());
    }
    const { op, args, sugared } = splitOperation(node);
    const argPointer = (index: number): string =>
      sugared ? childPointer(pointer, op) : childPointer(pointer, op, index);
    if (!FILTER_OPERATIONS.includes(op) || ['today', 'now', 'date_add'].includes(op)) {
      throw new LogicError('unknown-operation', pointer, MESSAGES.notInFilters(op));
    }
    switch (op) {
      case 'var':
        return this.truthiness(this.field(node, pointer) as Extract<Operand, { kind: 'field' }>);
      case 'and':
      case 'or': {
        const parts = args.map((arg, index) => this.predicate(arg, argPointer(index)));
        if (parts.length === 1 && parts[0] !== undefined) {
          return parts[0];
        }
        return {
          sql: `(${parts.map((part) => part.sql).join(op === 'and' ? ' AND ' : ' OR ')})`,
          nullable: parts.some((part) => part.nullable),
        };
      }
      case '!': {
        const inner = this.asPredicate(this.operand(args[0], argPointer(0)));
        return {
          sql: inner.nullable ? `NOT COALESCE(${inner.sql}, false)` : `NOT (${inner.sql})`,
          nullable: false,
        };
      }
      case '!!':
        return this.asPredicate(this.operand(args[0], argPointer(0)));
      case 'in':
        return this.inPredicate(args, pointer);
      case 'within_last':
        return this.withinLast(args, pointer);
      default: {
        if (sugared) {
          throw filterError(op, pointer, MESSAGES.filterNeedsField());
        }
        if (args.length === 3) {
          const first = this.compare(op, pointer, args[0], args[1], 0);
          const second = this.compare(op, pointer, args[1], args[2], 1);
          return { sql: `(${first.sql} AND ${second.sql})`, nullable: first.nullable || second.nullable };
        }
        return this.compare(op, pointer, args[0], args[1], 0);
      }
    }
  }

  private inPredicate(args: unknown[], pointer: string): Predicate {
    const needlePointer = childPointer(pointer, 'in', 0);
    const haystackPointer = childPointer(pointer, 'in', 1);
    const needle = this.operand(args[0], needlePointer);
    const haystack = this.operand(args[1], haystackPointer);
    if (needle.kind === 'field' && haystack.kind === 'literal' && Array.isArray(haystack.value)) {
      const cast = CASTS[needle.type];
      const values = haystack.value.map((value, index) =>
        this.coerce(value, needle.type, childPointer(haystackPointer, index), 'in'),
      );
      return { sql: `${needle.sql} = ANY(${this.param(values, `${cast}[]`)})`, nullable: needle.nullable };
    }
    if (
      needle.kind === 'literal' &&
      typeof needle.value === 'string' &&
      haystack.kind === 'field' &&
      haystack.type === 'string'
    ) {
      return {
        sql: `position(${this.param(needle.value, 'text')} in ${haystack.sql}) > 0`,
        nullable: haystack.nullable,
      };
    }
    throw filterError('in', pointer, MESSAGES.filterInShape());
  }

  private withinLast(args: unknown[], pointer: string): Predicate {
    const field = this.operand(args[0], childPointer(pointer, 'within_last', 0));
    if (field.kind !== 'field' || (field.type !== 'date' && field.type !== 'date-time')) {
      throw filterError('within_last', childPointer(pointer, 'within_last', 0), MESSAGES.filterNeedsField());
    }
    const daysPointer = childPointer(pointer, 'within_last', 1);
    const days = this.literal(args[1], daysPointer, 'within_last');
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 0) {
      throw filterError('within_last', daysPointer, MESSAGES.notNonNegativeInteger(days));
    }
    const { nowMs, timeZone } = this.settings;
    if (field.type === 'date') {
      const today = zonedWallTime(nowMs, timeZone);
      const from = this.param(formatDate(addDays(today, -days)), 'date');
      return {
        sql: `${field.sql} BETWEEN ${from} AND ${this.param(formatDate(today), 'date')}`,
        nullable: field.nullable,
      };
    }
    const from = this.param(formatInstant(addToInstant(nowMs, -days, 'days', timeZone)), 'timestamptz');
    return {
      sql: `${field.sql} BETWEEN ${from} AND ${this.param(formatInstant(nowMs), 'timestamptz')}`,
      nullable: field.nullable,
    };
  }
}

/**
 * Compiles a filter to SQL for PostgreSQL. Supported: var on a declared field (optionally with a
 * default), literals, == === != !== < <= > >= (and 3-argument between), and, or, !, !!, in,
 * within_last, and today/now/date_add on literals (computed in JS). Throws LogicError.
 */
export const compileFilterToSql = (logic: JsonLogic, options: CompileSqlOptions): CompiledSql => {
  if (typeof options.column !== 'string' || !COLUMN_PATTERN.test(options.column)) {
    throw new LogicError('invalid-argument', '', MESSAGES.filterColumn(jsString(options.column)));
  }
  const firstParam = options.firstParam ?? 1;
  if (!Number.isInteger(firstParam) || firstParam < 1) {
    throw new LogicError(
      'invalid-argument',
      '',
      MESSAGES.invalidOption('firstParam', firstParam, MESSAGES.expectedPositiveInteger()),
    );
  }
  for (const column of [
    ...Object.values(options.columns ?? {}),
    ...Object.values(options.jsonColumns ?? {}),
  ]) {
    if (typeof column !== 'string' || !COLUMN_PATTERN.test(column)) {
      throw new LogicError('invalid-argument', '', MESSAGES.filterColumn(jsString(column)));
    }
  }
  const settings = resolveOptions({ now: options.now, timeZone: options.timeZone });
  analyzeLogic(logic, { maxDepth: DEFAULT_MAX_DEPTH, maxNodes: DEFAULT_MAX_NODES }, 'throw');
  const compiler = new SqlCompiler(
    options.column,
    options.fields,
    firstParam,
    settings,
    options.columns,
    options.jsonColumns,
  );
  const { sql } = compiler.predicate(logic, '');
  return { sql, params: compiler.params };
};
