// Turns a report's rows into a complete ECharts option (labels in the caller's language) and, for
// `number` charts, the summary with the previous period and the target.
import type {
  ChartSpec,
  DatasetGroupBy,
  DatasetMeasure,
  LocalizedText,
  ReportColumn,
  ReportResult,
  ReportSpec,
} from '@careloom/contracts';

export type ReportLocale = 'zh-CN' | 'en';
export type ReportRow = ReportResult['rows'][number];
type Value = string | number | null;

const text = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });
const both = (label: LocalizedText, f: (value: string, locale: ReportLocale) => string): LocalizedText => ({
  'zh-CN': f(label['zh-CN'], 'zh-CN'),
  en: f(label.en, 'en'),
});

const BUCKET_LABELS = {
  day: text('日', 'day'),
  week: text('周', 'week'),
  month: text('月', 'month'),
  quarter: text('季度', 'quarter'),
} as const;
const UNIT_LABELS = {
  minutes: text('分钟', 'minutes'),
  hours: text('小时', 'hours'),
  days: text('天', 'days'),
} as const;
const AGGREGATE_LABELS: Record<string, LocalizedText> = {
  sum: text('合计', 'Total'),
  avg: text('平均', 'Average'),
  min: text('最小', 'Minimum'),
  max: text('最大', 'Maximum'),
  median: text('中位数', 'Median'),
  'count-distinct': text('去重计数', 'Distinct'),
};
/** The label of a group without a value (a record with the field empty, a resident with no care level). */
export const EMPTY_GROUP_LABEL = text('（未填）', '(none)');

const percentileLabel = (p: number): LocalizedText => {
  const n = Math.round(p * 1000) / 10;
  return text(`第${n}百分位`, `P${n}`);
};

function groupLabel(group: DatasetGroupBy, fields: Readonly<Record<string, LocalizedText>>): LocalizedText {
  if (group.label) {
    return group.label;
  }
  const field = (path: string) => fields[path] ?? text(path, path);
  switch (group.by) {
    case 'org-unit':
      return text('组织单元', 'Org unit');
    case 'care-level':
      return text('护理等级', 'Care level');
    case 'field':
      return field(group.field);
    case 'time': {
      const bucket = BUCKET_LABELS[group.bucket];
      return both(field(group.field), (value, locale) =>
        locale === 'en' ? `${value} (${bucket.en})` : `${value}（${bucket['zh-CN']}）`,
      );
    }
  }
}

function measureLabel(
  measure: DatasetMeasure,
  fields: Readonly<Record<string, LocalizedText>>,
): LocalizedText {
  if (measure.label) {
    return measure.label;
  }
  const field = (path: string) => fields[path] ?? text(path, path);
  const combine = (prefix: LocalizedText, label: LocalizedText): LocalizedText => ({
    'zh-CN': `${prefix['zh-CN']}${label['zh-CN']}`,
    en: `${prefix.en} ${label.en}`,
  });
  switch (measure.op) {
    case 'count':
      return text('数量', 'Count');
    case 'count-distinct':
    case 'sum':
    case 'avg':
    case 'min':
    case 'max':
    case 'median':
      return combine(AGGREGATE_LABELS[measure.op] ?? text(measure.op, measure.op), field(measure.field));
    case 'percentile':
      return combine(percentileLabel(measure.p), field(measure.field));
    case 'nps':
      return both(field(measure.field), (value, locale) =>
        locale === 'en' ? `NPS (${value})` : `NPS（${value}）`,
      );
    case 'ratio':
      return text(`比率 ${measure.key}`, `Ratio ${measure.key}`);
    case 'per-residents': {
      const scale = measure.scale ?? 100;
      return text(`每${scale}位在住长者`, `Per ${scale.toLocaleString('en')} residents`);
    }
    case 'per-resident-days': {
      const scale = measure.scale ?? 1000;
      return text(`每${scale}住养日`, `Per ${scale.toLocaleString('en')} resident-days`);
    }
    case 'occupancy':
      return text('入住率', 'Occupancy');
    case 'duration': {
      const aggregate =
        measure.aggregate === 'percentile'
          ? percentileLabel(measure.p ?? 0.5)
          : (AGGREGATE_LABELS[measure.aggregate] ?? text(measure.aggregate, measure.aggregate));
      const from = field(measure.from);
      const to = field(measure.to);
      const unit = UNIT_LABELS[measure.unit];
      return {
        'zh-CN': `${aggregate['zh-CN']}时长：${from['zh-CN']}→${to['zh-CN']}（${unit['zh-CN']}）`,
        en: `${aggregate.en} time ${from.en} → ${to.en} (${unit.en})`,
      };
    }
  }
}

/** The result's columns: groupings then measures, labelled from the spec or from the fields' labels. */
export function reportColumns(
  spec: ReportSpec,
  fieldLabels: Readonly<Record<string, LocalizedText>> = {},
): ReportColumn[] {
  return [
    ...spec.dataset.groupBy.map((group) => ({
      key: group.key,
      label: groupLabel(group, fieldLabels),
      kind: 'group' as const,
    })),
    ...spec.dataset.measures.map((measure) => ({
      key: measure.key,
      label: measureLabel(measure, fieldLabels),
      kind: 'measure' as const,
    })),
  ];
}

function distinct(rows: readonly ReportRow[], key: string): Value[] {
  const seen: Value[] = [];
  for (const row of rows) {
    const value = row[key] ?? null;
    if (!seen.includes(value)) {
      seen.push(value);
    }
  }
  return seen;
}

/** Display labels of group values by group key (a form field's option titles, resident statuses). */
export type ValueLabels = Readonly<Record<string, Readonly<Record<string, LocalizedText>>>>;

const valueAt = (row: ReportRow | undefined, key: string): number | null => {
  const value = row?.[key];
  return typeof value === 'number' ? value : null;
};

/** A complete ECharts option for the chart; tables and numbers get a title only (the UI renders them). */
export function chartOption(
  title: LocalizedText,
  chart: ChartSpec,
  columns: readonly ReportColumn[],
  rows: readonly ReportRow[],
  locale: ReportLocale,
  valueLabels: ValueLabels = {},
): Record<string, unknown> {
  const label = (key: string) => columns.find((c) => c.key === key)?.label[locale] ?? key;
  const named = (key: string) => (value: Value) =>
    value === null
      ? EMPTY_GROUP_LABEL[locale]
      : (valueLabels[key]?.[String(value)]?.[locale] ?? String(value));
  const base = { title: { text: title[locale] }, tooltip: {} as Record<string, unknown> };
  const axisName = chart.unit ?? '';
  switch (chart.type) {
    case 'table':
    case 'number':
      return {};
    case 'pie': {
      const x = chart.x ?? '';
      const y = chart.y[0] ?? '';
      return {
        ...base,
        tooltip: { trigger: 'item' },
        legend: { type: 'scroll', bottom: 0 },
        series: [
          {
            name: label(y),
            type: 'pie',
            radius: ['35%', '65%'],
            data: rows.map((row) => ({ name: named(x)(row[x] ?? null), value: valueAt(row, y) ?? 0 })),
          },
        ],
      };
    }
    case 'heatmap': {
      const x = chart.x ?? '';
      const ySeries = chart.series ?? '';
      const y = chart.y[0] ?? '';
      const xs = distinct(rows, x);
      const ys = distinct(rows, ySeries);
      const values = rows.map((row) => valueAt(row, y)).filter((v): v is number => v !== null);
      return {
        ...base,
        tooltip: { position: 'top' },
        grid: { left: 80, right: 16, top: 40, bottom: 70 },
        xAxis: { type: 'category', data: xs.map(named(x)), splitArea: { show: true } },
        yAxis: { type: 'category', data: ys.map(named(ySeries)), splitArea: { show: true } },
        visualMap: {
          min: values.length > 0 ? Math.min(...values) : 0,
          max: values.length > 0 ? Math.max(...values) : 0,
          calculable: true,
          orient: 'horizontal',
          left: 'center',
          bottom: 0,
        },
        series: [
          {
            name: label(y),
            type: 'heatmap',
            label: { show: true },
            data: rows.map((row) => [
              xs.indexOf(row[x] ?? null),
              ys.indexOf(row[ySeries] ?? null),
              valueAt(row, y),
            ]),
          },
        ],
      };
    }
    case 'bar':
    case 'line': {
      const categories = chart.x ? distinct(rows, chart.x) : [null];
      const categoryLabels = chart.x ? categories.map(named(chart.x)) : [title[locale]];
      const rowFor = (category: Value, extra?: (row: ReportRow) => boolean) =>
        chart.x
          ? rows.find((row) => (row[chart.x ?? ''] ?? null) === category && (extra ? extra(row) : true))
          : rows.find((row) => (extra ? extra(row) : true));
      let series: Record<string, unknown>[];
      if (chart.series) {
        const seriesKey = chart.series;
        const y = chart.y[0] ?? '';
        series = distinct(rows, seriesKey).map((value) => ({
          name: named(seriesKey)(value),
          type: chart.type,
          data: categories.map((category) =>
            valueAt(
              rowFor(category, (row) => (row[seriesKey] ?? null) === value),
              y,
            ),
          ),
        }));
      } else {
        series = chart.y.map((y) => ({
          name: label(y),
          type: chart.type,
          data: categories.map((category) => valueAt(rowFor(category), y)),
        }));
      }
      if (chart.target !== undefined && series[0]) {
        series[0].markLine = {
          symbol: 'none',
          label: { formatter: locale === 'en' ? 'Target' : '目标' },
          data: [{ yAxis: chart.target }],
        };
      }
      return {
        ...base,
        tooltip: { trigger: 'axis' },
        legend: { type: 'scroll', bottom: 0 },
        grid: { left: 48, right: 16, top: 40, bottom: 56, containLabel: true },
        xAxis: { type: 'category', data: categoryLabels },
        // whole numbers only (counts): no 0.2-step ticks
        yAxis: {
          type: 'value',
          name: axisName,
          ...(rows.every((row) => chart.y.every((y) => valueAt(row, y) === null || Number.isInteger(row[y])))
            ? { minInterval: 1 }
            : {}),
        },
        series,
      };
    }
  }
}

/**
 * A `number` chart's figure: without groupings the one row's value (previous: the same dataset over the
 * previous period of equal length, when the caller computed it); with a time grouping the last bucket and
 * the one before it.
 */
export function numberSummary(
  chart: ChartSpec,
  rows: readonly ReportRow[],
  previousRows: readonly ReportRow[] | null,
): NonNullable<ReportResult['summary']> {
  const y = chart.y[0] ?? '';
  const target = chart.target ?? null;
  if (previousRows === null && rows.length > 1) {
    return { value: valueAt(rows[rows.length - 1], y), previous: valueAt(rows[rows.length - 2], y), target };
  }
  return {
    value: valueAt(rows[rows.length - 1], y),
    previous: previousRows ? valueAt(previousRows[previousRows.length - 1], y) : null,
    target,
  };
}

/** Why figures are missing: an occupancy with no bed counts in scope is null, never 0. */
export function reportNotes(spec: ReportSpec, rows: readonly ReportRow[], locale: ReportLocale): string[] {
  const occupancy = spec.dataset.measures.filter((m) => m.op === 'occupancy');
  if (occupancy.length === 0 || rows.some((row) => occupancy.some((m) => valueAt(row, m.key) !== null))) {
    return [];
  }
  return [
    locale === 'en'
      ? 'No bed count: set the beds of the org units (designer, Organisation) to see the occupancy.'
      : '未设置床位数：请在设计器“机构与人员”中填写组织单元的床位数后查看入住率。',
  ];
}

/** Puts the notes under the chart's title, and in the middle of an empty chart. */
export function withNotes(
  option: Record<string, unknown>,
  notes: readonly string[],
): Record<string, unknown> {
  if (notes.length === 0 || Object.keys(option).length === 0) {
    return option;
  }
  return {
    ...option,
    title: { ...(option.title as Record<string, unknown> | undefined), subtext: notes.join('\n') },
    graphic: [
      {
        type: 'text',
        left: 'center',
        top: 'middle',
        style: { text: notes.join('\n'), fill: '#8c8c8c', fontSize: 13, width: 260, overflow: 'break' },
      },
    ],
  };
}
