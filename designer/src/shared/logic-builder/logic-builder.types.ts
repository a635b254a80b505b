/** Locales the builder describes conditions in (same as the app's). */
export type BuilderLocale = 'zh-CN' | 'en';

export interface BuilderLabels {
  'zh-CN': string;
  en: string;
}

/** How a field's value is typed, which decides the operators and the value input. */
export type BuilderFieldKind = 'text' | 'number' | 'boolean' | 'date' | 'time' | 'choice' | 'multi-choice';

export interface BuilderOption {
  value: string | number;
  label: BuilderLabels;
}

/** A field the builder may read: `path` is the JSON Logic var path (`a` or `section.a`). */
export interface BuilderField {
  path: string;
  label: BuilderLabels;
  kind: BuilderFieldKind;
  /** For `choice` / `multi-choice`. */
  options?: readonly BuilderOption[];
  /**
   * A computed value to compare instead of `{"var": path}` (e.g. `{"count": [{"var": "context.vitals"}]}`);
   * `path` is then only the field's id in the builder. Offered with the comparison operators only.
   */
  expression?: unknown;
}

export type ConditionOperator =
  'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'empty' | 'not-empty' | 'contains' | 'one-of';

export type ConditionValue = string | number | boolean;

export interface Comparison {
  type: 'comparison';
  field: string;
  operator: ConditionOperator;
  /** Absent for empty / not-empty; a list for one-of. */
  value?: ConditionValue | ConditionValue[];
}

export type Combinator = 'and' | 'or';

export interface ConditionGroup {
  type: 'group';
  combinator: Combinator;
  children: ConditionNode[];
}

export type ConditionNode = Comparison | ConditionGroup;

export type ArithmeticOperator = '+' | '-' | '*' | '/';

/** The right operand of an arithmetic computation: another field or a number. */
export type Operand = { type: 'field'; field: string } | { type: 'number'; value: number };

export type ComputeModel =
  | { type: 'sum'; fields: string[] }
  | { type: 'arithmetic'; left: string; operator: ArithmeticOperator; right: Operand };
