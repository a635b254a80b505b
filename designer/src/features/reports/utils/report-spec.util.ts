// Pure edits of a ReportSpec for the report editor: rows of groupings and measures, the chart's choices
// kept in step with them, and server problems (JSON pointers) mapped back onto the rows.
import type {
  ChartSpec,
  ChartType,
  DatasetGroupBy,
  LocalizedText,
  MeasureRow,
  ReportSpec,
  SourceType,
  SpecProblem,
} from './report.types.js';
import type { ReportField } from './report-fields.util.js';

/** The measure operations this editor has rows for; any other op is kept and edited in the JSON tab. */
export const MEASURE_OPS = [
  'count',
  'count-distinct',
  'sum',
  'avg',
  'min',
  'max',
  'median',
  'percentile',
  'ratio',
  'duration',
  'nps',
  'per-residents',
  'per-resident-days',
  'occupancy',
] as const;
export type KnownOp = (typeof MEASURE_OPS)[number];

/** Rates over residents in care or beds: an optional numerator condition (not occupancy) and a scale. */
export const RATE_OPS: ReadonlySet<string> = new Set(['per-residents', 'per-resident-days', 'occupancy']);

/** Operations over one field, and which field types they accept. */
const FIELD_OPS: Readonly<Record<string, readonly ReportField['type'][]>> = {
  'count-distinct': ['text', 'number', 'time', 'boolean'],
  sum: ['number'],
  avg: ['number'],
  min: ['number', 'time'],
  max: ['number', 'time'],
  median: ['number'],
  percentile: ['number'],
  nps: ['number'],
};

export const CHART_TYPES: readonly ChartType[] = ['bar', 'line', 'pie', 'table', 'number', 'heatmap'];
export const GROUP_KINDS = ['field', 'org-unit', 'care-level', 'time'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];
/** Charts that show exactly one measure. */
const SINGLE_MEASURE: ReadonlySet<ChartType> = new Set(['pie', 'number', 'heatmap']);
/** Charts with a category axis (or slices) from a grouping. */
const NEEDS_X: ReadonlySet<ChartType> = new Set(['bar', 'line', 'pie', 'heatmap']);
/** A grouping or measure key: it names a result column (the server's rule). */
export const COLUMN_KEY = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

export const isKnownOp = (op: string): op is KnownOp => (MEASURE_OPS as readonly string[]).includes(op);
export const takesField = (op: string): boolean => op in FIELD_OPS;

/** The fields a measure operation may read (all of them for an unknown op). */
export function fieldsForOp(op: string, fields: readonly ReportField[]): ReportField[] {
  const types = FIELD_OPS[op];
  return types ? fields.filter((f) => types.includes(f.type)) : [...fields];
}

/** A new, empty report: records of a form still to be picked, counted, shown as a table. */
export function emptyReport(key: string, title: LocalizedText): ReportSpec {
  return {
    schemaVersion: 1,
    key,
    title,
    dataset: {
      source: { type: 'records', formKey: '' },
      groupBy: [],
      measures: [{ key: 'count', op: 'count' }],
    },
    chart: { type: 'table', y: ['count'] },
  };
}

/** A column key made from a field path or a word: letters, digits and `_`, starting with a letter. */
export function columnKey(base: string, taken: Iterable<string>): string {
  const cleaned = base
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/^[^A-Za-z]+/, '')
    .replace(/_+$/, '');
  const stem = (cleaned || 'col').slice(0, 36);
  const used = new Set(taken);
  if (!used.has(stem)) {
    return stem;
  }
  let n = 2;
  while (used.has(`${stem}${n}`)) {
    n += 1;
  }
  return `${stem}${n}`;
}

/** Every grouping and measure key of the spec. */
export function columnKeys(spec: ReportSpec): string[] {
  return [...spec.dataset.groupBy.map((g) => g.key), ...spec.dataset.measures.map((m) => m.key)];
}

const withDataset = (spec: ReportSpec, dataset: Partial<ReportSpec['dataset']>): ReportSpec => ({
  ...spec,
  dataset: { ...spec.dataset, ...dataset },
});

/** Another source: groupings and measures on fields of the old source go; counts and org/care-level stay. */
export function changeSource(spec: ReportSpec, source: ReportSpec['dataset']['source']): ReportSpec {
  const sameFields =
    spec.dataset.source.type === source.type &&
    (source.type !== 'records' ||
      ('formKey' in spec.dataset.source && spec.dataset.source.formKey === source.formKey));
  if (sameFields) {
    return withDataset(spec, { source });
  }
  const groupBy = spec.dataset.groupBy.filter((g) => g.by === 'org-unit' || g.by === 'care-level');
  const measures = spec.dataset.measures.filter((m) => m.op === 'count');
  const kept = withDataset(spec, {
    source,
    groupBy,
    measures: measures.length > 0 ? measures : [{ key: 'count', op: 'count' }],
  });
  const { filter: _filter, ...dataset } = kept.dataset;
  return fitChart({ ...kept, dataset });
}

/** A new grouping row of the given kind (on the first suitable field). */
export function newGroup(
  kind: GroupKind,
  fields: readonly ReportField[],
  taken: Iterable<string>,
): DatasetGroupBy {
  switch (kind) {
    case 'org-unit':
      return { key: columnKey('orgUnit', taken), by: 'org-unit' };
    case 'care-level':
      return { key: columnKey('careLevel', taken), by: 'care-level' };
    case 'time': {
      const time = fields.find((f) => f.type === 'time');
      return { key: columnKey('period', taken), by: 'time', field: time?.path ?? '', bucket: 'month' };
    }
    case 'field': {
      const first = fields.find((f) => f.type !== 'time') ?? fields[0];
      return { key: columnKey(first?.path ?? 'group', taken), by: 'field', field: first?.path ?? '' };
    }
  }
}

/** A grouping moved to another kind, keeping its key and label. */
export function changeGroupKind(
  group: DatasetGroupBy,
  kind: GroupKind,
  fields: readonly ReportField[],
): DatasetGroupBy {
  const fresh = newGroup(kind, fields, []);
  return { ...fresh, key: group.key, ...(group.label ? { label: group.label } : {}) };
}

/** A new measure row: a count, or the operation on the first field it accepts. */
export function newMeasure(op: string, fields: readonly ReportField[], taken: Iterable<string>): MeasureRow {
  return changeMeasureOp({ key: '', op: 'count' }, op, fields, taken);
}

/**
 * A measure moved to another operation: key and label stay (a fresh key when it had none), its field stays
 * when the new operation accepts it, and the operation's own settings get defaults.
 */
export function changeMeasureOp(
  measure: MeasureRow,
  op: string,
  fields: readonly ReportField[],
  taken: Iterable<string> = [],
): MeasureRow {
  const candidates = fieldsForOp(op, fields);
  const held = (measure as Record<string, unknown>)['field'];
  const current = typeof held === 'string' ? held : '';
  const fieldPath = candidates.some((f) => f.path === current) ? current : (candidates[0]?.path ?? '');
  const key = measure.key || columnKey(op === 'count' ? 'count' : `${op}_${fieldPath}`, taken);
  const base = { key, ...(measure.label ? { label: measure.label } : {}) };
  switch (op) {
    case 'count':
      return { ...base, op: 'count' };
    case 'percentile':
      return { ...base, op: 'percentile', field: fieldPath, p: 0.9 };
    case 'ratio':
      // no numerator yet: the row's condition builder starts empty (the server names it until it is set)
      return { ...base, op: 'ratio', scale: 100 };
    case 'duration': {
      const times = fields.filter((f) => f.type === 'time');
      return {
        ...base,
        op: 'duration',
        from: times[0]?.path ?? '',
        to: times[1]?.path ?? times[0]?.path ?? '',
        unit: 'hours',
        aggregate: 'avg',
      };
    }
    default:
      return takesField(op) ? { ...base, op, field: fieldPath } : { ...base, op };
  }
}

/** Keeps the chart's x, series and y on keys that exist, with the defaults each chart type needs. */
export function fitChart(spec: ReportSpec): ReportSpec {
  const groups = spec.dataset.groupBy.map((g) => g.key);
  const measures = spec.dataset.measures.map((m) => m.key);
  const chart: ChartSpec = { ...spec.chart };
  if (chart.x !== undefined && !groups.includes(chart.x)) {
    delete chart.x;
  }
  if (chart.series !== undefined && (!groups.includes(chart.series) || chart.series === chart.x)) {
    delete chart.series;
  }
  if (chart.x === undefined && NEEDS_X.has(chart.type) && groups.length > 0) {
    chart.x = groups.find((g) => g !== chart.series) ?? groups[0];
  }
  if (chart.type === 'heatmap' && chart.series === undefined) {
    const other = groups.find((g) => g !== chart.x);
    if (other !== undefined) {
      chart.series = other;
    }
  }
  let y = chart.y.filter((key) => measures.includes(key));
  if (y.length === 0 && measures[0] !== undefined) {
    y = [measures[0]];
  }
  if ((SINGLE_MEASURE.has(chart.type) || chart.series !== undefined) && y.length > 1) {
    y = y.slice(0, 1);
  }
  chart.y = y;
  if (chart.type !== 'number') {
    delete chart.target;
    delete chart.higherIsBetter;
  }
  return { ...spec, chart };
}

/** Another chart type, with its choices fitted. */
export function changeChartType(spec: ReportSpec, type: ChartType): ReportSpec {
  return fitChart({ ...spec, chart: { ...spec.chart, type } });
}

/** Whether a chart type shows one measure only (a single select instead of a list). */
export const singleMeasureChart = (chart: ChartSpec): boolean =>
  SINGLE_MEASURE.has(chart.type) || chart.series !== undefined;

/** A renamed grouping or measure key, carried into the chart and the order. */
export function renameKey(spec: ReportSpec, from: string, to: string): ReportSpec {
  const swap = (key: string) => (key === from ? to : key);
  const chart: ChartSpec = { ...spec.chart, y: spec.chart.y.map(swap) };
  if (chart.x !== undefined) {
    chart.x = swap(chart.x);
  }
  if (chart.series !== undefined) {
    chart.series = swap(chart.series);
  }
  const orderBy = spec.dataset.orderBy?.map((entry) =>
    entry.replace(/^-/, '') === from ? `${entry.startsWith('-') ? '-' : ''}${to}` : entry,
  );
  return {
    ...spec,
    dataset: {
      ...spec.dataset,
      groupBy: spec.dataset.groupBy.map((g) => (g.key === from ? { ...g, key: to } : g)),
      measures: spec.dataset.measures.map<ReportSpec['dataset']['measures'][number]>((m) =>
        m.key === from ? { ...m, key: to } : m,
      ),
      ...(orderBy ? { orderBy } : {}),
    },
    chart,
  };
}

/** Replaces the groupings, dropping order entries on keys that went, and fits the chart. */
export function setGroups(spec: ReportSpec, groupBy: DatasetGroupBy[]): ReportSpec {
  return fitChart(pruneOrder(withDataset(spec, { groupBy })));
}

/** Replaces the measures, dropping order entries on keys that went, and fits the chart. */
export function setMeasures(spec: ReportSpec, measures: MeasureRow[]): ReportSpec {
  return fitChart(pruneOrder(withDataset(spec, { measures: measures as ReportSpec['dataset']['measures'] })));
}

function pruneOrder(spec: ReportSpec): ReportSpec {
  if (spec.dataset.orderBy === undefined) {
    return spec;
  }
  const keys = columnKeys(spec);
  const orderBy = spec.dataset.orderBy.filter((entry) => keys.includes(entry.replace(/^-/, '')));
  if (orderBy.length > 0) {
    return withDataset(spec, { orderBy });
  }
  const { orderBy: _gone, ...dataset } = spec.dataset;
  return { ...spec, dataset };
}

/** Moves an entry of a list one place up (-1) or down (+1). */
export function moved<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (target < 0 || target >= list.length) {
    return [...list];
  }
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item as T);
  return next;
}

/** Whether the preview can run: a records source needs its form first. */
export function previewable(spec: ReportSpec): boolean {
  return spec.dataset.source.type !== 'records' || spec.dataset.source.formKey !== '';
}

/** The source's form key, or '' for sources without a form. */
export const formKeyOf = (spec: ReportSpec): string =>
  spec.dataset.source.type === 'records' ? spec.dataset.source.formKey : '';

// ---- problems -----------------------------------------------------------------------------------------

/** A problem's pointer relative to the spec: the preview answers `/report/dataset/…`, saving `/dataset/…`. */
export function specProblems(errors: readonly { path: string; message: string }[]): SpecProblem[] {
  return errors.map((e) => ({ path: e.path.replace(/^\/report(?=\/|$)/, ''), message: e.message }));
}

/** Problems at a pointer or below it (`/dataset/measures/0` → its own and its fields'). */
export function problemsUnder(problems: readonly SpecProblem[], pointer: string): SpecProblem[] {
  return problems.filter((p) => p.path === pointer || p.path.startsWith(`${pointer}/`));
}

/** The messages at a pointer (and with `deep`, below it), joined; undefined when there are none. */
export function problemAt(
  problems: readonly SpecProblem[],
  pointer: string,
  deep = false,
): string | undefined {
  const found = deep ? problemsUnder(problems, pointer) : problems.filter((p) => p.path === pointer);
  return found.length > 0 ? found.map((p) => p.message).join('; ') : undefined;
}

// ---- JSON tab -----------------------------------------------------------------------------------------

export type SpecParse =
  | { spec: ReportSpec }
  | { error: 'json'; detail: string }
  | { error: 'shape'; detail: string }
  | { error: 'key'; detail: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The JSON tab's text as a spec the editor can show: valid JSON with the parts the rows are drawn from
 * (dataset.source, groupBy and measures lists of objects with keys, chart with a y list) and the report's
 * own key. Everything else — values, unknown operations, extra properties — is the server's to judge.
 */
export function parseSpecText(text: string, key: string): SpecParse {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    return { error: 'json', detail: error instanceof Error ? error.message : String(error) };
  }
  const shape = (detail: string): SpecParse => ({ error: 'shape', detail });
  if (!isObject(value)) {
    return shape('/');
  }
  const dataset = value['dataset'];
  if (!isObject(dataset)) {
    return shape('/dataset');
  }
  if (!isObject(dataset['source']) || typeof dataset['source']['type'] !== 'string') {
    return shape('/dataset/source');
  }
  for (const list of ['groupBy', 'measures'] as const) {
    const rows = dataset[list];
    if (!Array.isArray(rows) || !rows.every((row) => isObject(row) && typeof row['key'] === 'string')) {
      return shape(`/dataset/${list}`);
    }
  }
  const chart = value['chart'];
  if (!isObject(chart) || typeof chart['type'] !== 'string') {
    return shape('/chart');
  }
  if (!Array.isArray(chart['y']) || !chart['y'].every((y) => typeof y === 'string')) {
    return shape('/chart/y');
  }
  if (value['key'] !== key) {
    return { error: 'key', detail: key };
  }
  return { spec: value as unknown as ReportSpec };
}

/** The label of a source field, or its path. */
export function fieldLabel(fields: readonly ReportField[], path: string, locale: 'zh-CN' | 'en'): string {
  return fields.find((f) => f.path === path)?.label[locale] ?? path;
}

export const SOURCE_TYPES: readonly SourceType[] = [
  'records',
  'tasks',
  'process-instances',
  'residents',
  'activity',
];
