import { KEY_PATTERN } from '@careloom/contracts';
import { checkLogic } from '@careloom/logic';
import type { WordedFieldError } from '../../common/errors/domain.errors.js';

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

/** Lists in a Chinese sentence. */
const zhList = (items: readonly string[]): string => items.join('、');

class Collector {
  readonly errors: WordedFieldError[] = [];

  /** `message` in English, `zh` in Chinese (every problem has both). */
  add(path: string, message: string, zh: string): void {
    this.errors.push({ path, message, zh });
  }

  /** Flags properties that are not in `allowed` (a typo would otherwise be silently ignored). */
  onlyKnown(value: Record<string, unknown>, path: string, allowed: readonly string[]): void {
    for (const name of Object.keys(value)) {
      if (!allowed.includes(name)) {
        this.add(
          `${path}/${name}`,
          `unknown property "${name}"; allowed here: ${allowed.join(', ')}`,
          `不认识的属性“${name}”，请去掉或改正；这里只能用：${zhList(allowed)}`,
        );
      }
    }
  }

  localized(value: unknown, path: string, max: number, required: boolean): void {
    if (value === undefined && !required) {
      return;
    }
    if (!isObject(value) || !isText(value['zh-CN'], max) || !isText(value.en, max)) {
      this.add(
        path,
        `must be {"zh-CN": text, "en": text}, each 1–${max} characters`,
        `须写成 {"zh-CN": 中文, "en": 英文}，两种语言都要填，各 1–${max} 个字符`,
      );
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
      this.add(
        path,
        'must be a field path such as "satisfactionScore" or "vitals.glucose"',
        '须为字段路径，例如 "satisfactionScore" 或 "vitals.glucose"',
      );
    }
  }

  logic(value: unknown, path: string): void {
    for (const issue of checkLogic(value)) {
      if (issue.severity === 'error') {
        this.add(`${path}${issue.path}`, issue.message, issue.messages['zh-CN']);
      }
    }
  }

  oneOf<T extends string>(value: unknown, path: string, options: readonly T[]): value is T {
    if (typeof value !== 'string' || !options.includes(value as T)) {
      this.add(path, `must be one of: ${options.join(', ')}`, `须为以下之一：${zhList(options)}`);
      return false;
    }
    return true;
  }
}

function checkSource(source: unknown, c: Collector): void {
  const at = '/dataset/source';
  if (!isObject(source)) {
    c.add(at, 'source must be an object {type, …}', 'source 须为对象 {type, …}');
    return;
  }
  if (!c.oneOf(source.type, `${at}/type`, SOURCE_TYPES)) {
    return;
  }
  if (source.type === 'records') {
    c.onlyKnown(source, at, ['type', 'formKey']);
    if (typeof source.formKey !== 'string' || !KEY.test(source.formKey)) {
      c.add(
        `${at}/formKey`,
        'a records source needs the key of the form whose records it counts',
        '记录类数据源须填写 formKey：要统计其记录的表单标识',
      );
    }
  } else if (source.type === 'residents') {
    c.onlyKnown(source, at, ['type']);
  } else if (source.type === 'activity') {
    c.onlyKnown(source, at, ['type', 'role']);
    if (source.role !== undefined && (typeof source.role !== 'string' || !ROLE_KEY.test(source.role))) {
      c.add(
        `${at}/role`,
        'role must be a role key such as "family" or "nurse" (or left out for everyone)',
        'role 须为角色标识，例如 "family" 或 "nurse"（不填则统计所有人）',
      );
    }
  } else {
    c.onlyKnown(source, at, ['type', 'processKey']);
    if (source.processKey !== undefined && !isText(source.processKey, 100)) {
      c.add(
        `${at}/processKey`,
        'processKey must be the key of a deployed process',
        'processKey 须为已部署流程的标识',
      );
    }
  }
}

function checkGroupBy(groupBy: unknown, keys: Set<string>, c: Collector): void {
  const at = '/dataset/groupBy';
  if (!Array.isArray(groupBy) || groupBy.length > MAX_GROUP_BY) {
    c.add(
      at,
      `groupBy must be a list of at most ${MAX_GROUP_BY} groupings (may be empty)`,
      `groupBy 须为列表，最多 ${MAX_GROUP_BY} 个分组（可以为空）`,
    );
    return;
  }
  let times = 0;
  groupBy.forEach((group: unknown, i) => {
    const path = `${at}/${i}`;
    if (!isObject(group)) {
      c.add(path, 'a grouping is an object {key, by, …}', '每个分组须为对象 {key, by, …}');
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
          c.add(path, 'only one time grouping per dataset', '一个数据集只能有一个按时间的分组；请去掉多余的');
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
    c.add(
      path,
      'key must be a letter followed by up to 39 letters, digits or _ (it names a result column)',
      'key 须以字母开头，后跟最多 39 个字母、数字或 _（它是结果列的名称）',
    );
  } else if (keys.has(key)) {
    c.add(
      path,
      `key "${key}" is used twice; every grouping and measure needs its own key`,
      `key“${key}”用了两次；每个分组和指标都须有自己的 key`,
    );
  } else {
    keys.add(key);
  }
}

function checkPercentile(p: unknown, path: string, c: Collector): void {
  if (typeof p !== 'number' || !Number.isFinite(p) || p <= 0 || p >= 1) {
    c.add(
      path,
      'p must be a number between 0 and 1 (exclusive), e.g. 0.9 for the 90th percentile',
      'p 须为大于 0 且小于 1 的数，例如 0.9 表示第 90 百分位数',
    );
  }
}

function checkMeasure(measure: unknown, path: string, keys: Set<string>, c: Collector): void {
  if (!isObject(measure)) {
    c.add(path, 'a measure is an object {key, op, …}', '每个指标须为对象 {key, op, …}');
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
        op === 'per-resident-days'
          ? 'scale 须为正数（“每 1000 个在住人日”填 1000）'
          : op === 'per-residents'
            ? 'scale 须为正数（“每 100 位长者”填 100）'
            : 'scale 须为正数（百分比填 100）',
      );
    }
  } else if (op === 'ratio') {
    c.onlyKnown(measure, path, [...base, 'numerator', 'denominator', 'scale']);
    if (measure.numerator === undefined) {
      c.add(
        `${path}/numerator`,
        'a ratio needs a numerator: the JSON Logic filter of the rows counted on top',
        '比率须填写 numerator：用 JSON Logic 条件选出计入分子的行',
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
      c.add(
        `${path}/scale`,
        'scale must be a positive number (100 for a percentage, 1 for a fraction)',
        'scale 须为正数（百分比填 100，小数填 1）',
      );
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
        c.add(
          `${path}/p`,
          'p is only for the percentile aggregate',
          'p 只用于 percentile（百分位数）汇总；其他汇总方式请去掉 p',
        );
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
    c.add(
      '/dataset',
      'dataset must be an object {source, filter?, groupBy, measures}',
      'dataset 须为对象 {source, filter?, groupBy, measures}',
    );
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
    c.add(
      '/dataset/measures',
      `measures must be a list of 1 to ${MAX_MEASURES} measures`,
      `measures 须为列表，含 1 到 ${MAX_MEASURES} 个指标`,
    );
  } else {
    measures.forEach((measure: unknown, i) => checkMeasure(measure, `/dataset/measures/${i}`, keys, c));
  }
  names.measures = [...keys].filter((key) => !names.groups.includes(key));
  if (dataset.orderBy !== undefined) {
    if (!Array.isArray(dataset.orderBy) || dataset.orderBy.length > MAX_GROUP_BY + MAX_MEASURES) {
      c.add(
        '/dataset/orderBy',
        'orderBy must be a list of group or measure keys',
        'orderBy 须为列表，列出分组或指标的 key',
      );
    } else {
      dataset.orderBy.forEach((entry: unknown, i) => {
        if (typeof entry !== 'string' || !keys.has(entry.replace(/^-/, ''))) {
          c.add(
            `/dataset/orderBy/${i}`,
            `must name a grouping or measure key (prefix - for descending): ${[...keys].join(', ')}`,
            `须为某个分组或指标的 key（前加 - 表示倒序）：${zhList([...keys])}`,
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
    c.add(
      '/dataset/limit',
      `limit must be a whole number from 1 to ${MAX_ROWS}`,
      `limit 须为 1 到 ${MAX_ROWS} 的整数`,
    );
  }
  return names;
}

function checkChart(chart: unknown, names: { groups: string[]; measures: string[] }, c: Collector): void {
  if (!isObject(chart)) {
    c.add(
      '/chart',
      'chart must be an object {type, x?, series?, y}',
      'chart 须为对象 {type, x?, series?, y}',
    );
    return;
  }
  c.onlyKnown(chart, '/chart', ['type', 'x', 'series', 'y', 'target', 'higherIsBetter', 'unit']);
  const typed = c.oneOf(chart.type, '/chart/type', CHART_TYPES);
  for (const axis of ['x', 'series'] as const) {
    if (
      chart[axis] !== undefined &&
      (typeof chart[axis] !== 'string' || !names.groups.includes(chart[axis]))
    ) {
      c.add(
        `/chart/${axis}`,
        `${axis} must name a grouping key: ${names.groups.join(', ') || '(none)'}`,
        `${axis} 须为某个分组的 key：${zhList(names.groups) || '（数据集没有分组）'}`,
      );
    }
  }
  if (chart.x !== undefined && chart.x === chart.series) {
    c.add('/chart/series', 'series must be a different grouping than x', 'series 须与 x 用不同的分组');
  }
  if (!Array.isArray(chart.y) || chart.y.length === 0) {
    c.add('/chart/y', 'y must list at least one measure key', 'y 须至少列出一个指标的 key');
  } else {
    chart.y.forEach((key: unknown, i) => {
      if (typeof key !== 'string' || !names.measures.includes(key)) {
        c.add(
          `/chart/y/${i}`,
          `must name a measure key: ${names.measures.join(', ')}`,
          `须为某个指标的 key：${zhList(names.measures)}`,
        );
      }
    });
  }
  if (chart.target !== undefined && (typeof chart.target !== 'number' || !Number.isFinite(chart.target))) {
    c.add('/chart/target', 'target must be a number', 'target 须为数字');
  }
  if (chart.higherIsBetter !== undefined && typeof chart.higherIsBetter !== 'boolean') {
    c.add(
      '/chart/higherIsBetter',
      'higherIsBetter must be true or false',
      'higherIsBetter 须为 true 或 false',
    );
  }
  if (chart.unit !== undefined && (typeof chart.unit !== 'string' || chart.unit.length > 10)) {
    c.add(
      '/chart/unit',
      'unit must be a short text such as "%" or "h"',
      'unit 须为简短的文字，例如 "%" 或 "h"',
    );
  }
  if (!typed) {
    return;
  }
  const single = Array.isArray(chart.y) && chart.y.length === 1;
  switch (chart.type) {
    case 'bar':
    case 'line':
      if (chart.x === undefined && names.groups.length > 0) {
        c.add(
          '/chart/x',
          `a ${chart.type} chart needs x: the grouping on the category axis`,
          `${chart.type === 'bar' ? '柱状图' : '折线图'}须填写 x：作为类别轴的分组`,
        );
      }
      if (chart.series !== undefined && !single) {
        c.add(
          '/chart/y',
          'with series, y must list exactly one measure',
          '设置了 series 时，y 只能列出一个指标',
        );
      }
      break;
    case 'pie':
      if (chart.x === undefined) {
        c.add(
          '/chart/x',
          'a pie chart needs x: the grouping whose values are the slices',
          '饼图须填写 x：以其取值作为各扇区的分组',
        );
      }
      if (!single) {
        c.add('/chart/y', 'a pie chart shows exactly one measure', '饼图只显示一个指标；y 须恰好列出一个');
      }
      break;
    case 'heatmap':
      if (chart.x === undefined || chart.series === undefined) {
        c.add(
          '/chart',
          'a heat map needs x and series: the groupings on its two axes',
          '热力图须同时填写 x 和 series：作为两条轴的分组',
        );
      }
      if (!single) {
        c.add('/chart/y', 'a heat map shows exactly one measure', '热力图只显示一个指标；y 须恰好列出一个');
      }
      break;
    case 'number':
      if (!single) {
        c.add('/chart/y', 'a number shows exactly one measure', '数字卡片只显示一个指标；y 须恰好列出一个');
      }
      break;
    case 'table':
      break;
  }
}

/** Structural problems of a report spec, as JSON pointers into it; field existence is checked when compiled. */
export function checkReportSpec(spec: unknown): WordedFieldError[] {
  const c = new Collector();
  if (!isObject(spec)) {
    return [
      {
        path: '',
        message: 'a report is an object {schemaVersion, key, title, dataset, chart}',
        zh: '报表须为对象 {schemaVersion, key, title, dataset, chart}',
      },
    ];
  }
  c.onlyKnown(spec, '', ['schemaVersion', 'key', 'title', 'description', 'dataset', 'chart']);
  if (spec.schemaVersion !== 1) {
    c.add('/schemaVersion', 'schemaVersion must be 1', 'schemaVersion 须为 1');
  }
  if (typeof spec.key !== 'string' || !KEY.test(spec.key)) {
    c.add(
      '/key',
      'key must be 2–64 lower-case letters, digits or dashes, starting with a letter',
      'key 须为 2–64 个小写字母、数字或短横线，并以字母开头',
    );
  }
  c.localized(spec.title, '/title', 100, true);
  c.localized(spec.description, '/description', 2000, false);
  const names = checkDataset(spec.dataset, c);
  checkChart(spec.chart, names, c);
  return c.errors;
}

/** Structural problems of a dashboard spec; whether its reports exist is checked when saved. */
export function checkDashboardSpec(spec: unknown): WordedFieldError[] {
  const c = new Collector();
  if (!isObject(spec)) {
    return [
      {
        path: '',
        message: 'a dashboard is an object {schemaVersion, key, title, filters, items}',
        zh: '看板须为对象 {schemaVersion, key, title, filters, items}',
      },
    ];
  }
  c.onlyKnown(spec, '', ['schemaVersion', 'key', 'title', 'description', 'filters', 'items']);
  if (spec.schemaVersion !== 1) {
    c.add('/schemaVersion', 'schemaVersion must be 1', 'schemaVersion 须为 1');
  }
  if (typeof spec.key !== 'string' || !KEY.test(spec.key)) {
    c.add(
      '/key',
      'key must be 2–64 lower-case letters, digits or dashes, starting with a letter',
      'key 须为 2–64 个小写字母、数字或短横线，并以字母开头',
    );
  }
  c.localized(spec.title, '/title', 100, true);
  c.localized(spec.description, '/description', 2000, false);
  if (!Array.isArray(spec.filters) || new Set(spec.filters).size !== spec.filters.length) {
    c.add(
      '/filters',
      `filters must be a list without repeats of: ${DASHBOARD_FILTERS.join(', ')}`,
      `filters 须为不重复的列表，可选：${zhList(DASHBOARD_FILTERS)}`,
    );
  } else {
    spec.filters.forEach((filter: unknown, i) => c.oneOf(filter, `/filters/${i}`, DASHBOARD_FILTERS));
  }
  if (!Array.isArray(spec.items) || spec.items.length > MAX_DASHBOARD_ITEMS) {
    c.add(
      '/items',
      `items must be a list of at most ${MAX_DASHBOARD_ITEMS} reports`,
      `items 须为列表，最多 ${MAX_DASHBOARD_ITEMS} 个报表`,
    );
    return c.errors;
  }
  spec.items.forEach((item: unknown, i) => {
    const at = `/items/${i}`;
    if (!isObject(item)) {
      c.add(at, 'an item is {report, x, y, w, h}', '每一项须为 {report, x, y, w, h}');
      return;
    }
    c.onlyKnown(item, at, ['report', 'x', 'y', 'w', 'h']);
    if (typeof item.report !== 'string' || !KEY.test(item.report)) {
      c.add(`${at}/report`, 'report must be the key of a report', 'report 须为某个报表的标识（key）');
    }
    const whole = (name: 'x' | 'y' | 'w' | 'h', min: number, max: number) => {
      const value = item[name];
      if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
        c.add(
          `${at}/${name}`,
          `${name} must be a whole number from ${min} to ${max}`,
          `${name} 须为 ${min} 到 ${max} 的整数`,
        );
        return false;
      }
      return true;
    };
    const x = whole('x', 0, 11);
    const w = whole('w', 1, 12);
    whole('y', 0, 1000);
    whole('h', 1, 24);
    if (x && w && (item.x as number) + (item.w as number) > 12) {
      c.add(
        `${at}/w`,
        'x + w must not exceed the 12 grid columns',
        'x + w 不能超过网格的 12 列；请减小 x 或 w',
      );
    }
  });
  return c.errors;
}
