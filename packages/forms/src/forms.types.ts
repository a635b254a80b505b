/** The two languages every CareLoom message is written in. */
export type Locale = 'zh-CN' | 'en';

/** A text in both languages. */
export interface Labels {
  'zh-CN': string;
  en: string;
}

/** One problem with submitted data, about one field. */
export interface FieldError {
  /** JSON pointer of the field the error is about ('/idNumber', '/items/0/score'); '' for the record itself. */
  path: string;
  /** The JSON Schema keyword that failed ('required', 'format', …) or a dialect keyword ('x-compute', 'x-logic'). */
  keyword: string;
  /** The message in the requested locale. */
  message: string;
  messages: Labels;
  params?: Record<string, unknown>;
}

/** One problem with a form schema. */
export interface LintIssue {
  severity: 'error' | 'warning';
  code: string;
  /** JSON pointer into the SCHEMA. */
  path: string;
  message: string;
  messages: Labels;
}

/** A JSON Logic expression (checked by @careloom/logic). */
export type LogicExpression = unknown;

/** One answer of a scale item. */
export interface ScaleOption {
  value: string | number | boolean;
  label: Labels;
  score: number;
}

/** One scored question: its answer is the sibling property named `field`. */
export interface ScaleItem {
  field: string;
  label?: Labels;
  options: ScaleOption[];
}

/** A group of items with its own subtotal and, optionally, its own grade. */
export interface ScaleSection {
  id: string;
  label?: Labels;
  /** Item fields of this section. */
  items: string[];
  /**
   * Grades of the section, best first (the index is the grade number: 0 = best), like the scale's bands:
   * by ranges of the subtotal, or by conditions on `{ answers, facts, total, subtotals }`. A section is graded
   * only when all its items are answered.
   */
  grades?: ScaleBand[];
}

/** A grade by range: totals from `min` to `max` (both inclusive) get `level`. */
export interface ScaleRangeBand {
  min: number;
  max: number;
  level: string;
  labels: Labels;
}

/**
 * A grade by condition: `level` when the JSON Logic `when` holds. Conditions are checked from the worst band to
 * the best and the first that holds wins, so where two rows of a published rule table both apply the worse
 * grade is given. No condition holding gives no level.
 */
export interface ScaleConditionBand {
  when: LogicExpression;
  level: string;
  labels: Labels;
}

/** One grade of a scale or of a section; one list uses one kind only. */
export type ScaleBand = ScaleRangeBand | ScaleConditionBand;

/** Sets the level when `when` is truthy (e.g. coma → severe). */
export interface ScaleSetLevelOverride {
  type: 'set-level';
  id: string;
  when: LogicExpression;
  level: string;
  reason?: Labels;
}

/** Moves the level `by` grades when `when` is truthy: +1 = one grade worse (bands run best → worst). */
export interface ScaleShiftLevelOverride {
  type: 'shift-level';
  id: string;
  when: LogicExpression;
  by: number;
  reason?: Labels;
}

export type ScaleOverride = ScaleSetLevelOverride | ScaleShiftLevelOverride;

/**
 * The value of `x-scale`. Bands are listed from the best grade to the worst; range bands must cover every
 * possible total (integers) without gaps or overlaps, condition bands (a rule table) read
 * `{ answers, facts, total, subtotals, grades }` where `grades.<section>` is the grade number of a graded
 * section. Override rules read the same and are applied in list order.
 */
export interface ScaleDefinition {
  edition: string;
  items: ScaleItem[];
  sections?: ScaleSection[];
  bands: ScaleBand[];
  overrides?: ScaleOverride[];
}

/** What a scored scale produced; stored in the record so it keeps the edition it was scored with. */
export interface ScaleResult {
  edition: string;
  total: number;
  subtotals: Record<string, number>;
  /** Null when answers are missing and no override set a level. */
  level: string | null;
  labels: Labels | null;
  complete: boolean;
  /** Item fields with no valid answer. */
  missing: string[];
  /** Ids of the override rules that applied, in order. */
  overrides: string[];
  /** Grades of the sections that define `grades` (absent when none does). */
  grades?: Record<string, ScaleGrade>;
}

/** The grade of one section: `grade` is the index in the section's `grades` (0 = best); null when not graded. */
export interface ScaleGrade {
  grade: number | null;
  level: string | null;
  labels: Labels | null;
}

export interface ProcessContext {
  now?: string;
  timeZone?: string;
  locale?: Locale;
}

export interface ProcessResult {
  data: Record<string, unknown>;
  errors: FieldError[];
  scores: Record<string, ScaleResult>;
}

export interface CompiledForm {
  readonly schema: object;
  /**
   * What the server does with a submission: strips client values of computed fields, computes x-compute and
   * scored scales, drops fields hidden by x-visible-if, applies x-required-if, validates. Never mutates input.
   */
  process(data: unknown, context?: ProcessContext): ProcessResult;
  /** Same rules as process, without computing: hidden fields are not validated, x-required-if applies. */
  validate(data: unknown, context?: { locale?: Locale; now?: string; timeZone?: string }): FieldError[];
  /** JSON pointers of x-sensitive fields; '*' stands for any array index. */
  sensitivePaths(): string[];
  /**
   * maskSensitive(schema, data) for this form, faster: only the objects and arrays on the way to a sensitive
   * field are copied, the rest is shared with `data` (mutate neither afterwards). Never mutates `data`.
   */
  mask(data: Record<string, unknown>): Record<string, unknown>;
  /** Pointer → visible, for every field, after the same computation process does. */
  visibility(data: unknown, context?: { now?: string; timeZone?: string }): Record<string, boolean>;
}

export interface CompileFormOptions {
  locale?: Locale;
}
