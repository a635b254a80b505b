import { KEY_PATTERN } from '@careloom/contracts';
import { checkLogic } from '@careloom/logic';
import type { FieldError } from '../../common/errors/domain.errors.js';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.trim().length > 0 && value.length <= max;
const KEY = new RegExp(KEY_PATTERN);
/** Group and measure keys become result columns (and JSON keys the UI reads): plain identifiers only. */
const COLUMN_KEY = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
/** A field path as the logic package accepts it; the form schema decides whether it exists. */
const FIELD_PATH =
  /^[A-Za-z_\u4e00-\u9fa5][\w\u4e00-\u9fa5-]*(\.[A-Za-z_\u4e00-\u9fa5][\w\u4e00-\u9fa5-]*|\.\d+)*$/;

const FORBIDDEN_SEGMENTS = ['__proto__', 'constructor', 'prototype'];

export const SOURCE_TYPES = ['records', 'tasks', 'process-instances', 'residents', 'activity'] as const;
export const TIME_BUCKETS = ['day', 'week', 'month', 'quarter'] as const;
export const CHART_TYPES = ['bar', 'line', 'pie', 'table', 'number', 'heatmap'] as const;
export const DURATION_UNITS = ['minutes', 'hours', 'days'] as const;
export const DURATION_AGGREGATES = ['avg', 'median', 'min', 'max', 'percentile'] as const;
export const FIELD_OPS = [
  'count-distinct',
  'sum',
  'avg',
  'min',
  'max',
  'median',
  'percentile',
  'nps',
] as const;
/** Measures divided by residents in care (or beds) of the group's time bucket. */
export const RATE_OPS = ['per-residents', 'per-resident-days', 'occupancy'] as const;
export const MEASURE_OPS = ['count', ...FIELD_OPS, 'ratio', 'duration', ...RATE_OPS] as const;
/** A role key as the roles API spells it. */
const ROLE_KEY = /^[a-z][a-z0-9-]{1,39}$/;
export const DASHBOARD_FILTERS = ['period', 'org-unit'] as const;
export const MAX_GROUP_BY = 3;
export const MAX_MEASURES = 20;
export const MAX_ROWS = 5000;
export const MAX_DASHBOARD_ITEMS = 40;

class Collector {
  readonly errors: FieldError[] = [];

  add(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  /** Flags properties that are not in `allowed` (a typo would otherwise be silently ignored). */
  onlyKnown(value: Record<string, unknown>, path: string, allowed: readonly string[]): void {
    for (const name of Object.keys(value)) {
      if (!allowed.includes(name)) {
        this.add(`${path}/${name}`, `unknown property "${name}"; allowed here: ${allowed.join(', ')}`);
      }
    }
  }

  localized(value: unknown, path: string, max: number, required: boolean): void {
    if (value === undefined && !required) {
      return;
    }
    if (!isObject(value) || !isText(value['zh-CN'], max) || !isText(value.en, max)) {
      this.add(path, `must be {"zh-CN": text, "en": text}, each 1–${max} characters`);
      return;
    }
    this.onlyKnown(value, path, ['zh-CN', 'en']);
  }

  field(value: unknown, path: string): void {
    if (
      typeof value !== 'string' ||
      value.length > 200 ||
      !FIELD_PATH.test(value) ||
      value.split('.').some((segment) => FORBIDDEN_SEGMENTS.includes(segment))
    ) {
      this.add(path, 'must be a field path such as "satisfactionScore" or "vitals.glucose"');
    }
  }

  logic(value: unknown, path: string): void {
    for (const issue of checkLogic(value)) {
      if (issue.severity === 'error') {
        this.add(`${path}${issue.path}`, issue.message);
      }
    }
  }

  oneOf<T extends string>(value: unknown, path: string, options: readonly T[]): value is T {
    if (typeof value !== 'string' || !options.includes(value as T)) {
      this.add(path, `must be one of: ${options.join(', ')}`);
      return false;
    }
    return true;
  }
}

function checkSource(source: unknown, c: Collector): void {
  const at = '/dataset/source';
  if (!isObject(source)) {
    c.add(at, 'source must be an object {type, …}');
    return;
  }
  if (!c.oneOf(source.type, `${at}/type`, SOURCE_TYPES)) {
    return;
  }
  if (source.type === 'records') {
    c.onlyKnown(source, at, ['type', 'formKey']);
    if (typeof source.formKey !== 'string' || !KEY.test(source.formKey)) {
      c.add(`${at}/formKey`, 'a records source needs the key of the form whose records it counts');
    }
  } else if (source.type === 'residents') {
    c.onlyKnown(source, at, ['type']);
  } else if (source.type === 'activity') {
    c.onlyKnown(source, at, ['type', 'role']);
    if (source.role !== undefined && (typeof source.role !== 'string' || !ROLE_KEY.test(source.role))) {
      c.add(`${at}/role`, 'role must be a role key such as "family" or "nurse" (or left out for everyone)');
    }
  } else {
    c.onlyKnown(source, at, ['type', 'processKey']);
    if (source.processKey !== undefined && !isText(source.processKey, 100)) {
      c.add(`${at}/processKey`, 'processKey must be the key of a deployed process');
    }
  }
}

function checkGroupBy(groupBy: unknown, keys: Set<string>, c: Collector): void {
  const at = '/dataset/groupBy';
  if (!Array.isArray(groupBy) || groupBy.length > MAX_GROUP_BY) {
    c.add(at, `groupBy must be a list of at most ${MAX_GROUP_BY} groupings (may be empty)`);
    return;
  }
  let times = 0;
  groupBy.forEach((group: unknown, i) => {
    const path = `${at}/${i}`;
    if (!isObject(group)) {
      c.add(path, 'a grouping is an object {key, by, …}');
      return;
    }
    checkColumnKey(group.key, `${path}/key`, keys, c);
    c.localized(group.label, `${path}/label`, 60, false);
    if (!c.oneOf(group.by, `${path}/by`, ['field', 'org-unit', 'care-level', 'time'] as const)) {
      return;
    }
    switch (group.by) {
      case 'field':
        c.onlyKnown(group, path, ['key', 'label', 'by', 'field']);
        c.field(group.field, `${path}/field`);
        break;
      case 'time':
        c.onlyKnown(group, path, ['key', 'label', 'by', 'field', 'bucket']);
        c.field(group.field, `${path}/field`);
        c.oneOf(group.bucket, `${path}/bucket`, TIME_BUCKETS);
        times += 1;
        if (times > 1) {
          c.add(path, 'only one time grouping per dataset');
        }
        break;
      case 'org-unit':
      case 'care-level':
        c.onlyKnown(group, path, ['key', 'label', 'by']);
    }
  });
}

function checkColumnKey(key: unknown, path: string, keys: Set<string>, c: Collector): void {
  if (typeof key !== 'string' || !COLUMN_KEY.test(key)) {
    c.add(path, 'key must be a letter followed by up to 39 letters, digits or _ (it names a result column)');
  } else if (keys.has(key)) {
    c.add(path, `key "${key}" is used twice; every grouping and measure needs its own key`);
  } else {
    keys.add(key);
  }
}

function checkPercentile(p: unknown, path: string, c: Collector): void {
  if (typeof p !== 'number' || !Number.isFinite(p) || p <= 0 || p >= 1) {
    c.add(path, 'p must be a number between 0 and 1 (exclusive), e.g. 0.9 for the 90th percentile');
  }
}

function checkMeasure(measure: unknown, path: string, keys: Set<string>, c: Collector): void {
  if (!isObject(measure)) {
    c.add(path, 'a measure is an object {key, op, …}');
    return;
  }
  checkColumnKey(measure.key, `${path}/key`, keys, c);
  c.localized(measure.label, `${path}/label`, 60, false);
  if (!c.oneOf(measure.op, `${path}/op`, MEASURE_OPS)) {
    return;
  }
  const op = measure.op;
  const base = ['key', 'label', 'op'];
  if (op === 'count') {
    c.onlyKnown(measure, path, base);
  } else if (op === 'per-residents' || op === 'per-resident-days' || op === 'occupancy') {
    c.onlyKnown(measure, path, op === 'occupancy' ? [...base, 'scale'] : [...base, 'numerator', 'scale']);
    if (measure.numerator !== undefined) {
      c.logic(measure.numerator, `${path}/numerator`);
    }
    if (
      measure.scale !== undefined &&
      (typeof measure.scale !== 'number' || !Number.isFinite(measure.scale) || measure.scale <= 0)
    ) {
      c.add(
        `${path}/scale`,
        op === 'per-resident-days'
          ? 'scale must be a positive number (1000 for "per 1,000 resident-days")'
          : op === 'per-residents'
            ? 'scale must be a positive number (100 for "per 100 residents")'
            : 'scale must be a positive number (100 for a percentage)',
      );
    }
  } else if (op === 'ratio') {
    c.onlyKnown(measure, path, [...base, 'numerator', 'denominator', 'scale']);
    if (measure.numerator === undefined) {
      c.add(
        `${path}/numerator`,
        'a ratio needs a numerator: the JSON Logic filter of the rows counted on top',
      );
    } else {
      c.logic(measure.numerator, `${path}/numerator`);
    }
    if (measure.denominator !== undefined) {
      c.logic(measure.denominator, `${path}/denominator`);
    }
    if (
      measure.scale !== undefined &&
      (typeof measure.scale !== 'number' || !Number.isFinite(measure.scale) || measure.scale <= 0)
    ) {
      c.add(`${path}/scale`, 'scale must be a positive number (100 for a percentage, 1 for a fraction)');
    }
  } else if (op === 'duration') {
    c.onlyKnown(measure, path, [...base, 'from', 'to', 'unit', 'aggregate', 'p']);
    c.field(measure.from, `${path}/from`);
    c.field(measure.to, `${path}/to`);
    c.oneOf(measure.unit, `${path}/unit`, DURATION_UNITS);
    if (c.oneOf(measure.aggregate, `${path}/aggregate`, DURATION_AGGREGATES)) {
      if (measure.aggregate === 'percentile') {
        checkPercentile(measure.p, `${path}/p`, c);
      } else if (measure.p !== undefined) {
        c.add(`${path}/p`, 'p is only for the percentile aggregate');
      }
    }
  } else {
    c.onlyKnown(measure, path, op === 'percentile' ? [...base, 'field', 'p'] : [...base, 'field']);
    c.field(measure.field, `${path}/field`);
    if (op === 'percentile') {
      checkPercentile(measure.p, `${path}/p`, c);
    }
  }
}

function checkDataset(dataset: unknown, c: Collector): { groups: string[]; measures: string[] } {
  const names = { groups: [] as string[], measures: [] as string[] };
  if (!isObject(dataset)) {
    c.add('/dataset', 'dataset must be an object {source, filter?, groupBy, measures}');
    return names;
  }
  c.onlyKnown(dataset, '/dataset', ['source', 'filter', 'groupBy', 'measures', 'orderBy', 'limit']);
  checkSource(dataset.source, c);
  if (dataset.filter !== undefined) {
    c.logic(dataset.filter, '/dataset/filter');
  }
  const keys = new Set<string>();
  checkGroupBy(dataset.groupBy, keys, c);
  names.groups = [...keys];
  const measures = dataset.measures;
  if (!Array.isArray(measures) || measures.length === 0 || measures.length > MAX_MEASURES) {
    c.add('/dataset/measures', `measures must be a list of 1 to ${MAX_MEASURES} measures`);
  } else {
    measures.forEach((measure: unknown, i) => checkMeasure(measure, `/dataset/measures/${i}`, keys, c));
  }
  names.measures = [...keys].filter((key) => !names.groups.includes(key));
  if (dataset.orderBy !== undefined) {
    if (!Array.isArray(dataset.orderBy) || dataset.orderBy.length > MAX_GROUP_BY + MAX_MEASURES) {
      c.add('/dataset/orderBy', 'orderBy must be a list of group or measure keys');
    } else {
      dataset.orderBy.forEach((entry: unknown, i) => {
        if (typeof entry !== 'string' || !keys.has(entry.replace(/^-/, ''))) {
          c.add(
            `/dataset/orderBy/${i}`,
            `must name a grouping or measure key (prefix - for descending): ${[...keys].join(', ')}`,
          );
        }
      });
    }
  }
  if (
    dataset.limit !== undefined &&
    (!Number.isInteger(dataset.limit) ||
      (dataset.limit as number) < 1 ||
      (dataset.limit as number) > MAX_ROWS)
  ) {
    c.add('/dataset/limit', `limit must be a whole number from 1 to ${MAX_ROWS}`);
  }
  return names;
}

function checkChart(chart: unknown, names: { groups: string[]; measures: string[] }, c: Collector): void {
  if (!isObject(chart)) {
    c.add('/chart', 'chart must be an object {type, x?, series?, y}');
    return;
  }
  c.onlyKnown(chart, '/chart', ['type', 'x', 'series', 'y', 'target', 'higherIsBetter', 'unit']);
  const typed = c.oneOf(chart.type, '/chart/type', CHART_TYPES);
  for (const axis of ['x', 'series'] as const) {
    if (
      chart[axis] !== undefined &&
      (typeof chart[axis] !== 'string' || !names.groups.includes(chart[axis]))
    ) {
      c.add(`/chart/${axis}`, `${axis} must name a grouping key: ${names.groups.join(', ') || '(none)'}`);
    }
  }
  if (chart.x !== undefined && chart.x === chart.series) {
    c.add('/chart/series', 'series must be a different grouping than x');
  }
  if (!Array.isArray(chart.y) || chart.y.length === 0) {
    c.add('/chart/y', 'y must list at least one measure key');
  } else {
    chart.y.forEach((key: unknown, i) => {
      if (typeof key !== 'string' || !names.measures.includes(key)) {
        c.add(`/chart/y/${i}`, `must name a measure key: ${names.measures.join(', ')}`);
      }
    });
  }
  if (chart.target !== undefined && (typeof chart.target !== 'number' || !Number.isFinite(chart.target))) {
    c.add('/chart/target', 'target must be a number');
  }
  if (chart.higherIsBetter !== undefined && typeof chart.higherIsBetter !== 'boolean') {
    c.add('/chart/higherIsBetter', 'higherIsBetter must be true or false');
  }
  if (chart.unit !== undefined && (typeof chart.unit !== 'string' || chart.unit.length > 10)) {
    c.add('/chart/unit', 'unit must be a short text such as "%" or "h"');
  }
  if (!typed) {
    return;
  }
  const single = Array.isArray(chart.y) && chart.y.length === 1;
  switch (chart.type) {
    case 'bar':
    case 'line':
      if (chart.x === undefined && names.groups.length > 0) {
        c.add('/chart/x', `a ${chart.type} chart needs x: the grouping on the category axis`);
      }
      if (chart.series !== undefined && !single) {
        c.add('/chart/y', 'with series, y must list exactly one measure');
      }
      break;
    case 'pie':
      if (chart.x === undefined) {
        c.add('/chart/x', 'a pie chart needs x: the grouping whose values are the slices');
      }
      if (!single) {
        c.add('/chart/y', 'a pie chart shows exactly one measure');
      }
      break;
    case 'heatmap':
      if (chart.x === undefined || chart.series === undefined) {
        c.add('/chart', 'a heat map needs x and series: the groupings on its two axes');
      }
      if (!single) {
        c.add('/chart/y', 'a heat map shows exactly one measure');
      }
      break;
    case 'number':
      if (!single) {
        c.add('/chart/y', 'a number shows exactly one measure');
      }
      break;
    case 'table':
      break;
  }
}

/** Structural problems of a report spec, as JSON pointers into it; field existence is checked when compiled. */
export function checkReportSpec(spec: unknown): FieldError[] {
  const c = new Collector();
  if (!isObject(spec)) {
    return [{ path: '', message: 'a report is an object {schemaVersion, key, title, dataset, chart}' }];
  }
  c.onlyKnown(spec, '', ['schemaVersion', 'key', 'title', 'description', 'dataset', 'chart']);
  if (spec.schemaVersion !== 1) {
    c.add('/schemaVersion', 'schemaVersion must be 1');
  }
  if (typeof spec.key !== 'string' || !KEY.test(spec.key)) {
    c.add('/key', 'key must be 2–64 lower-case letters, digits or dashes, starting with a letter');
  }
  c.localized(spec.title, '/title', 100, true);
  c.localized(spec.description, '/description', 2000, false);
  const names = checkDataset(spec.dataset, c);
  checkChart(spec.chart, names, c);
  return c.errors;
}

/** Structural problems of a dashboard spec; whether its reports exist is checked when saved. */
export function checkDashboardSpec(spec: unknown): FieldError[] {
  const c = new Collector();
  if (!isObject(spec)) {
    return [{ path: '', message: 'a dashboard is an object {schemaVersion, key, title, filters, items}' }];
  }
  c.onlyKnown(spec, '', ['schemaVersion', 'key', 'title', 'description', 'filters', 'items']);
  if (spec.schemaVersion !== 1) {
    c.add('/schemaVersion', 'schemaVersion must be 1');
  }
  if (typeof spec.key !== 'string' || !KEY.test(spec.key)) {
    c.add('/key', 'key must be 2–64 lower-case letters, digits or dashes, starting with a letter');
  }
  c.localized(spec.title, '/title', 100, true);
  c.localized(spec.description, '/description', 2000, false);
  if (!Array.isArray(spec.filters) || new Set(spec.filters).size !== spec.filters.length) {
    c.add('/filters', `filters must be a list without repeats of: ${DASHBOARD_FILTERS.join(', ')}`);
  } else {
    spec.filters.forEach((filter: unknown, i) => c.oneOf(filter, `/filters/${i}`, DASHBOARD_FILTERS));
  }
  if (!Array.isArray(spec.items) || spec.items.length > MAX_DASHBOARD_ITEMS) {
    c.add('/items', `items must be a list of at most ${MAX_DASHBOARD_ITEMS} reports`);
    return c.errors;
  }
  spec.items.forEach((item: unknown, i) => {
    const at = `/items/${i}`;
    if (!isObject(item)) {
      c.add(at, 'an item is {report, x, y, w, h}');
      return;
    }
    c.onlyKnown(item, at, ['report', 'x', 'y', 'w', 'h']);
    if (typeof item.report !== 'string' || !KEY.test(item.report)) {
      c.add(`${at}/report`, 'report must be the key of a report');
    }
    const whole = (name: 'x' | 'y' | 'w' | 'h', min: number, max: number) => {
      const value = item[name];
      if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
        c.add(`${at}/${name}`, `${name} must be a whole number from ${min} to ${max}`);
        return false;
      }
      return true;
    };
    const x = whole('x', 0, 11);
    const w = whole('w', 1, 12);
    whole('y', 0, 1000);
    whole('h', 1, 24);
    if (x && w && (item.x as number) + (item.w as number) > 12) {
      c.add(`${at}/w`, 'x + w must not exceed the 12 grid columns');
    }
  });
  return c.errors;
}
