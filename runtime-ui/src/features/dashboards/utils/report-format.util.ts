// Texts of report values: numbers with their unit, the trend of a single-number chart, and a short
// summary of a chart's rows for screen readers (the canvas itself says nothing).
import type { ChartSpec, LocalizedText, ReportResult } from '@careloom/contracts';

export type Locale = 'zh-CN' | 'en';

export const localized = (text: LocalizedText | undefined, locale: Locale): string =>
  text ? text[locale] || text['zh-CN'] : '';

/** `93.3%`, `4.5 h`, `12` — at most `digits` decimals; `—` for no value. */
export function formatValue(
  value: number | null | undefined,
  unit: string | undefined,
  locale: Locale,
  digits = 1,
) {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return '—';
  }
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  if (!unit) {
    return number;
  }
  return unit === '%' || unit === '‰' ? `${number}${unit}` : `${number} ${unit}`;
}

export interface Trend {
  direction: 'up' | 'down' | 'flat';
  /** true when the change is the good way (by `higherIsBetter`), null when flat. */
  good: boolean | null;
  delta: number;
  /** Relative change in percent, null when the previous value was 0. */
  percent: number | null;
}

/** The change against the previous period, or null when either value is missing. */
export function trendOf(
  summary: ReportResult['summary'] | undefined,
  chart: Pick<ChartSpec, 'higherIsBetter'>,
): Trend | null {
  const value = summary?.value;
  const previous = summary?.previous;
  if (value === null || value === undefined || previous === null || previous === undefined) {
    return null;
  }
  const delta = value - previous;
  const direction = Math.abs(delta) < 1e-9 ? 'flat' : delta > 0 ? 'up' : 'down';
  const higherIsBetter = chart.higherIsBetter ?? true;
  return {
    direction,
    good: direction === 'flat' ? null : (direction === 'up') === higherIsBetter,
    delta,
    percent: previous === 0 ? null : (delta / Math.abs(previous)) * 100,
  };
}

/** Whether a value meets its target (at or above it, or at or below it when lower is better). */
export function meetsTarget(
  value: number | null | undefined,
  chart: Pick<ChartSpec, 'target' | 'higherIsBetter'>,
) {
  if (value === null || value === undefined || chart.target === undefined) {
    return null;
  }
  return (chart.higherIsBetter ?? true) ? value >= chart.target : value <= chart.target;
}

const MAX_SPOKEN_ROWS = 12;

/**
 * What the chart shows, as one sentence per row ("2026-11 / 餐饮: 数量 4"), for the canvas's aria-label.
 * Long results are cut after a dozen rows with the count of the rest.
 */
export function chartSummary(
  result: Pick<ReportResult, 'columns' | 'rows' | 'chart'>,
  locale: Locale,
): string {
  const groups = result.columns.filter((c) => c.kind === 'group');
  const measures = result.columns.filter((c) => c.kind === 'measure');
  const text = (value: string | number | null | undefined) =>
    typeof value === 'number' ? formatValue(value, result.chart.unit, locale, 2) : (value ?? '—');
  const lines = result.rows.slice(0, MAX_SPOKEN_ROWS).map((row) => {
    const where = groups.map((g) => text(row[g.key])).join(' / ');
    const what = measures
      .map((m) => `${localized(m.label, locale)} ${text(row[m.key])}`)
      .join(locale === 'en' ? ', ' : '，');
    return where ? `${where}: ${what}` : what;
  });
  const rest = result.rows.length - lines.length;
  if (rest > 0) {
    lines.push(locale === 'en' ? `and ${rest} more` : `另有 ${rest} 项`);
  }
  return lines.join(locale === 'en' ? '; ' : '；');
}
