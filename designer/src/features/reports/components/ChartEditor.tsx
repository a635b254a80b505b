import { Flex, Input, InputNumber, Select, Switch, Typography } from 'antd';
import { useI18n } from '@careloom/app-shell';
import { CHART_TYPES, changeChartType, problemAt, singleMeasureChart } from '../utils/report-spec.util.js';
import type { ChartSpec, ChartType, ReportSpec, SpecProblem } from '../utils/report.types.js';
import { RowField } from './SpecRow.js';

/** The chart: type, the grouping on the x axis (or slices), a second grouping as series, measures shown. */
export function ChartEditor({
  spec,
  problems,
  onChange,
}: {
  spec: ReportSpec;
  problems: readonly SpecProblem[];
  onChange: (spec: ReportSpec, undoKey?: string) => void;
}) {
  const { t, locale } = useI18n();
  const chart = spec.chart;
  const setChart = (patch: Partial<ChartSpec>, undoKey?: string) => {
    const next = { ...chart, ...patch } as Record<string, unknown>;
    for (const [name, value] of Object.entries(patch)) {
      if (value === undefined) {
        delete next[name];
      }
    }
    onChange({ ...spec, chart: next as unknown as ChartSpec }, undoKey && `chart.${undoKey}`);
  };
  const named = (key: string, label: { 'zh-CN': string; en: string } | undefined) =>
    label ? `${label[locale] || label['zh-CN']} (${key})` : key;
  const groupOptions = spec.dataset.groupBy.map((g) => ({ value: g.key, label: named(g.key, g.label) }));
  const measureOptions = spec.dataset.measures.map((m) => ({ value: m.key, label: named(m.key, m.label) }));
  const status = (pointer: string) => (problemAt(problems, pointer, true) ? ('error' as const) : undefined);
  const problem = problemAt(problems, '/chart', true);
  const single = singleMeasureChart(chart);
  const axes = chart.type !== 'number' && chart.type !== 'table';

  return (
    <Flex vertical gap={8} data-testid="chart-editor">
      <Flex gap={8} wrap>
        <RowField label={t('reports.chart.type')}>
          <Select<ChartType>
            aria-label={t('reports.chart.type')}
            data-testid="chart-type"
            status={status('/chart/type')}
            value={chart.type}
            options={CHART_TYPES.map((type) => ({ value: type, label: t(`reports.chart.${type}`) }))}
            onChange={(type) => onChange(changeChartType(spec, type))}
          />
        </RowField>
        {axes && (
          <RowField label={t(chart.type === 'pie' ? 'reports.chart.slices' : 'reports.chart.x')}>
            <Select<string>
              aria-label={t(chart.type === 'pie' ? 'reports.chart.slices' : 'reports.chart.x')}
              data-testid="chart-x"
              allowClear
              status={status('/chart/x')}
              value={chart.x}
              options={groupOptions}
              onChange={(x) => setChart({ x })}
            />
          </RowField>
        )}
        {axes && chart.type !== 'pie' && (
          <RowField label={t(chart.type === 'heatmap' ? 'reports.chart.yAxis' : 'reports.chart.series')}>
            <Select<string>
              aria-label={t(chart.type === 'heatmap' ? 'reports.chart.yAxis' : 'reports.chart.series')}
              allowClear
              status={status('/chart/series')}
              value={chart.series}
              options={groupOptions.filter((o) => o.value !== chart.x)}
              onChange={(series) =>
                setChart(series !== undefined ? { series, y: chart.y.slice(0, 1) } : { series: undefined })
              }
            />
          </RowField>
        )}
        <RowField label={t('reports.chart.y')} grow={2}>
          {single ? (
            <Select<string>
              aria-label={t('reports.chart.y')}
              data-testid="chart-y"
              status={status('/chart/y')}
              value={chart.y[0]}
              options={measureOptions}
              onChange={(y) => setChart({ y: [y] })}
            />
          ) : (
            <Select<string[]>
              aria-label={t('reports.chart.y')}
              data-testid="chart-y"
              mode="multiple"
              status={status('/chart/y')}
              value={chart.y}
              options={measureOptions}
              onChange={(y) => setChart({ y })}
            />
          )}
        </RowField>
        <RowField label={t('reports.chart.unit')} basis={80} grow={0}>
          <Input
            aria-label={t('reports.chart.unit')}
            maxLength={10}
            status={status('/chart/unit')}
            value={chart.unit ?? ''}
            placeholder="%"
            onChange={(event) => setChart({ unit: event.target.value || undefined }, 'unit')}
          />
        </RowField>
      </Flex>
      {chart.type === 'number' && (
        <Flex gap={8} wrap align="flex-end">
          <RowField label={t('reports.chart.target')} basis={120} grow={0}>
            <InputNumber<number>
              aria-label={t('reports.chart.target')}
              status={status('/chart/target')}
              value={chart.target}
              onChange={(target) => setChart({ target: target ?? undefined }, 'target')}
              style={{ width: '100%' }}
            />
          </RowField>
          <Flex gap={6} align="center" style={{ minHeight: 32 }}>
            <Switch
              size="small"
              aria-label={t('reports.chart.higherIsBetter')}
              checked={chart.higherIsBetter !== false}
              onChange={(higherIsBetter) => setChart({ higherIsBetter })}
            />
            <Typography.Text>{t('reports.chart.higherIsBetter')}</Typography.Text>
          </Flex>
        </Flex>
      )}
      {problem && (
        <Typography.Text type="danger" role="alert" data-testid="chart-problem">
          {problem}
        </Typography.Text>
      )}
    </Flex>
  );
}
