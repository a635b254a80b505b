/** A JSON Logic expression: any JSON value. Objects with exactly one key are operations. */
export type JsonLogic = unknown;

export interface EvaluateOptions {
  /** ISO instant with offset (e.g. '2026-11-24T17:00:00Z') used by date operations. Default: the clock, read once. */
  now?: string;
  /** IANA time zone; date-only strings are calendar dates in this zone. Default 'Asia/Shanghai'. */
  timeZone?: string;
  /** Maximum nesting of operations / arrays in the expression. Default 32. */
  maxDepth?: number;
  /** Maximum number of values (operations and literals) in the expression. Default 2000. */
  maxNodes?: number;
  /** Data arrays longer than this are refused when an operation iterates them. Default 10000. */
  maxArrayLength?: number;
}

export type LogicErrorCode =
  | 'unknown-operation'
  | 'forbidden-operation'
  | 'forbidden-path'
  | 'too-deep'
  | 'too-large'
  | 'wrong-arity'
  | 'invalid-argument'
  | 'evaluation-failed';

export interface LocalizedMessages {
  'zh-CN': string;
  en: string;
}

export type LogicIssueCode =
  LogicErrorCode | 'unknown-field' | 'loose-equality' | 'multi-key-object' | 'dynamic-var-path';

export interface LogicIssue {
  severity: 'error' | 'warning';
  code: LogicIssueCode;
  /** JSON pointer into the expression, e.g. "/and/1/>/0" ("" = the whole expression). */
  path: string;
  message: string;
  messages: LocalizedMessages;
}

/** One evaluated operation: why a rule matched (or did not). */
export interface ExplanationNode {
  /** Operation name, e.g. '>' or 'consecutive'. */
  op: string;
  /** JSON pointer of the operation in the expression. */
  path: string;
  /** The evaluated arguments, in order (only those that were evaluated; scoped logic is not a value). */
  values: unknown[];
  result: unknown;
  /** Operations evaluated to produce the values (and, for map/filter/all/some/none/reduce/consecutive, per item). */
  children: ExplanationNode[];
  /** Index of the array item this node was evaluated against (inside map/filter/all/… and consecutive). */
  item?: number;
  /** One-line summary, e.g. '>(8.1, 7) = true'. */
  text: string;
  /** Set when children were cut off to keep the explanation small. */
  truncated?: true;
}

export interface EvaluateExplainedResult {
  result: unknown;
  explanation: ExplanationNode;
}

export interface CheckLogicOptions {
  /** Data paths that exist (dot paths). A var path must equal one of them or lie below one. */
  knownFields?: readonly string[];
}

export type FilterFieldType = 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'date-time';

export interface CompileSqlOptions {
  /** Trusted SQL expression of the JSONB column, e.g. 'r.data'. */
  column: string;
  /** Allowed field paths (dot paths like 'vitals.glucose') and their types. */
  fields: Readonly<Record<string, FilterFieldType>>;
  /** Number of the first bind parameter. Default 1 ($1). */
  firstParam?: number;
  /**
   * Fields stored in a column of their own (trusted column names by field path): the column already holds the
   * field's value in its type (text, numeric, boolean, date, timestamptz), so it is read as it is — the same
   * value `(column #>> path)::type` would give, without taking the JSONB apart.
   */
  columns?: Readonly<Record<string, string>>;
  /** Fields read from another JSONB column (trusted column names by field path), at the same path. */
  jsonColumns?: Readonly<Record<string, string>>;
  now?: string;
  timeZone?: string;
}

export interface CompiledSql {
  sql: string;
  params: unknown[];
}
