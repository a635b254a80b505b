// Maps a click on a chart segment back to the group keys of the report's rows: the server's ChartSpec
// names the group on the category axis (`chart.x`) and the one that splits series (`chart.series`);
// the values the drill route expects are the raw row values, not the (possibly formatted) axis labels.
import type { ReportResult } from '@careloom/contracts';

export type GroupValue = string | number | null;
export type Group = Record<string, GroupValue>;

/** The part of an ECharts mouse event the mapping reads. */
export interface ChartClick {
  componentType?: string;
  seriesIndex?: number;
  seriesName?: string;
  name?: string;
  dataIndex?: number;
  value?: unknown;
}

type Segmentable = Pick<ReportResult, 'chart' | 'columns' | 'rows' | 'option'>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const asArray = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];

/** An axis/series datum's label: `'A'`, `3` or `{ value: 'A' }` / `{ name: 'A' }`. */
function labelOf(datum: unknown): string | undefined {
  if (typeof datum === 'string' || typeof datum === 'number') {
    return String(datum);
  }
  if (isRecord(datum)) {
    const label = datum.name ?? datum.value;
    return typeof label === 'string' || typeof label === 'number' ? String(label) : undefined;
  }
  return undefined;
}

/** The distinct values of one row column, in the order the rows list them. */
export function distinctValues(rows: Segmentable['rows'], key: string): GroupValue[] {
  const seen = new Set<GroupValue>();
  for (const row of rows) {
    seen.add(row[key] ?? null);
  }
  return [...seen];
}

/**
 * The row value behind a label: the value whose text is the label, else — when the labels were formatted
 * by the server (dates, org unit names) — the value at the same position, if the label list and the
 * distinct values line up one to one.
 */
function valueBehind(
  rows: Segmentable['rows'],
  key: string,
  label: string | undefined,
  index: number | undefined,
  labels: readonly (string | undefined)[],
): GroupValue | undefined {
  const values = distinctValues(rows, key);
  const exact = values.find((value) => value !== null && String(value) === label);
  if (exact !== undefined) {
    return exact;
  }
  if (index !== undefined && index >= 0 && labels.length === values.length && index < values.length) {
    return values[index];
  }
  return undefined;
}

/** The category labels of the option's category axis (xAxis, or yAxis for horizontal bars). */
function categoryLabels(option: Record<string, unknown>, axis?: 'xAxis' | 'yAxis'): (string | undefined)[] {
  for (const name of axis ? [axis] : (['xAxis', 'yAxis'] as const)) {
    for (const candidate of asArray(option[name])) {
      if (isRecord(candidate) && Array.isArray(candidate.data) && (axis || candidate.type === 'category')) {
        return candidate.data.map(labelOf);
      }
    }
  }
  return [];
}

function seriesList(option: Record<string, unknown>): Record<string, unknown>[] {
  return asArray(option.series).filter(isRecord);
}

/**
 * The group values of the clicked segment, e.g. `{ month: '2026-11-01', complaintType: '餐饮' }`, or null
 * when the click was not on a data segment or cannot be mapped (then there is nothing to drill into).
 */
export function segmentGroup(result: Segmentable, click: ChartClick): Group | null {
  const { chart, rows, option } = result;
  if (click.componentType !== undefined && click.componentType !== 'series') {
    return null;
  }
  const group: Group = {};
  const put = (key: string | undefined, value: GroupValue | undefined): boolean => {
    if (key === undefined) {
      return true;
    }
    if (value === undefined) {
      return false;
    }
    group[key] = value;
    return true;
  };

  switch (chart.type) {
    case 'table':
    case 'number':
      return null;
    case 'pie': {
      const series = seriesList(option)[click.seriesIndex ?? 0];
      const labels = asArray(series?.data).map(labelOf);
      const ok = put(
        chart.x,
        chart.x ? valueBehind(rows, chart.x, click.name, click.dataIndex, labels) : undefined,
      );
      return ok ? group : null;
    }
    case 'bar':
    case 'line': {
      const labels = categoryLabels(option);
      const seriesNames = seriesList(option).map((s) => labelOf({ name: s.name }));
      const ok =
        put(chart.x, chart.x ? valueBehind(rows, chart.x, click.name, click.dataIndex, labels) : undefined) &&
        put(
          chart.series,
          chart.series
            ? valueBehind(rows, chart.series, click.seriesName, click.seriesIndex, seriesNames)
            : undefined,
        );
      return ok ? group : null;
    }
    case 'heatmap': {
      const cell = Array.isArray(click.value)
        ? click.value
        : isRecord(click.value) && Array.isArray(click.value.value)
          ? click.value.value
          : [];
      const [xi, yi] = cell as unknown[];
      if (typeof xi !== 'number' || typeof yi !== 'number') {
        return null;
      }
      const xLabels = categoryLabels(option, 'xAxis');
      const yLabels = categoryLabels(option, 'yAxis');
      const ok =
        put(chart.x, chart.x ? valueBehind(rows, chart.x, xLabels[xi], xi, xLabels) : undefined) &&
        put(
          chart.series,
          chart.series ? valueBehind(rows, chart.series, yLabels[yi], yi, yLabels) : undefined,
        );
      return ok ? group : null;
    }
  }
}

/** The group values of one table row (its `group` columns). */
export function rowGroup(result: Pick<ReportResult, 'columns'>, row: ReportResult['rows'][number]): Group {
  return Object.fromEntries(
    result.columns
      .filter((column) => column.kind === 'group')
      .map((column) => [column.key, row[column.key] ?? null]),
  );
}
