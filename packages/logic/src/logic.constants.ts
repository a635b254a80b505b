export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
export const DEFAULT_MAX_DEPTH = 32;
export const DEFAULT_MAX_NODES = 2000;
export const DEFAULT_MAX_ARRAY_LENGTH = 10000;

/** Standard JSON Logic operations (json-logic-js 2.x) that CareLoom allows. */
export const STANDARD_OPERATIONS = [
  'var',
  'missing',
  'missing_some',
  'if',
  '?:',
  '==',
  '===',
  '!=',
  '!==',
  '!',
  '!!',
  'or',
  'and',
  '>',
  '>=',
  '<',
  '<=',
  'max',
  'min',
  '+',
  '-',
  '*',
  '/',
  '%',
  'map',
  'reduce',
  'filter',
  'all',
  'none',
  'some',
  'merge',
  'in',
  'cat',
  'substr',
] as const;

/** CareLoom operations for elder care (dates in a time zone, aggregates, bands). */
export const CUSTOM_OPERATIONS = [
  'age',
  'days_between',
  'date_add',
  'now',
  'today',
  'within_last',
  'count',
  'sum',
  'avg',
  'min_of',
  'max_of',
  'consecutive',
  'band',
] as const;

export type StandardOperation = (typeof STANDARD_OPERATIONS)[number];
export type CustomOperation = (typeof CUSTOM_OPERATIONS)[number];
export type LogicOperation = StandardOperation | CustomOperation;

/** The allowlist, for the designer palette. */
export const LOGIC_OPERATIONS: readonly string[] = Object.freeze([
  ...STANDARD_OPERATIONS,
  ...CUSTOM_OPERATIONS,
]);

/** Operations json-logic-js knows (or knew) that are refused before evaluation. */
export const FORBIDDEN_OPERATIONS: readonly string[] = ['method', 'log'];

/** Argument counts: [min, max]; max undefined = any number. */
export const OPERATION_ARITY: Readonly<Record<LogicOperation, readonly [number, number | undefined]>> = {
  var: [0, 2],
  missing: [0, undefined],
  missing_some: [2, 2],
  if: [1, undefined],
  '?:': [3, 3],
  '==': [2, 2],
  '===': [2, 2],
  '!=': [2, 2],
  '!==': [2, 2],
  '!': [1, 1],
  '!!': [1, 1],
  or: [1, undefined],
  and: [1, undefined],
  '>': [2, 2],
  '>=': [2, 2],
  '<': [2, 3],
  '<=': [2, 3],
  max: [1, undefined],
  min: [1, undefined],
  '+': [0, undefined],
  '-': [1, 2],
  '*': [1, undefined],
  '/': [2, 2],
  '%': [2, 2],
  map: [2, 2],
  reduce: [2, 3],
  filter: [2, 2],
  all: [2, 2],
  none: [2, 2],
  some: [2, 2],
  merge: [0, undefined],
  in: [2, 2],
  cat: [0, undefined],
  substr: [2, 3],
  age: [1, 1],
  days_between: [2, 2],
  date_add: [3, 3],
  now: [0, 0],
  today: [0, 0],
  within_last: [2, 2],
  count: [1, 1],
  sum: [1, 2],
  avg: [1, 2],
  min_of: [1, 2],
  max_of: [1, 2],
  consecutive: [2, 2],
  band: [2, 2],
};

/** Standard operations whose second argument is logic evaluated once per array item. */
export const SCOPED_OPERATIONS: readonly string[] = ['map', 'filter', 'all', 'none', 'some', 'reduce'];

/** Internal operations inserted by the preparation step; never accepted from users. */
export const GUARD_PATH_OPERATION = 'careloom_guard_path';
export const GUARD_ARRAY_OPERATION = 'careloom_guard_array';

/** A var/missing path segment: a plain name (letters, digits, _, -, CJK) or an array index. */
export const PATH_SEGMENT_PATTERN = /^[A-Za-z_\u4e00-\u9fa5][\w\u4e00-\u9fa5-]*$|^\d+$/;
export const FORBIDDEN_PATH_SEGMENTS: readonly string[] = ['__proto__', 'constructor', 'prototype'];
