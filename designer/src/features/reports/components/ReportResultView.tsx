import { lazy, Suspense, useMemo } from 'react';
import { Alert, Empty, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import { useI18n } from '@careloom/app-shell';
import type { ReportResult } from '../utils/report.types.js';

/** ECharts is large: it is loaded when the first chart is drawn. */
const EChartView = lazy(async () => ({ default: (await import('./EChartView.js')).EChartView }));

type Row = ReportResult['rows'][number];

function formatNumber(
  value: string | number | null | undefined,
  unit: string | undefined,
  locale: string,
): string {
  if (typeof value !== 'number') {
    return value === null || value === undefined ? '—' : String(value);
  }
  const text = value.toLocaleString(locale === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: 2 });
  return unit ? `${text}${unit === '%' ? '' : ' '}${unit}` : text;
}

/** A computed report as the runtime shows it, with the server's notes (why a figure is missing) under it. */
export function ReportResultView(props: { result: ReportResult; height?: number | string; testId?: string }) {
  const { t } = useI18n();
  const notes = props.result.notes ?? [];
  return (
    <>
      <ResultBody {...props} />
      {notes.length > 0 && (
        <Alert type="info" showIcon title={t('reports.preview.notes')} description={notes.join('\n')} />
      )}
    </>
  );
}

/** A number, a table, or the server's ECharts option drawn. */
function ResultBody({
  result,
  height = 320,
  testId,
}: {
  result: ReportResult;
  height?: number | string;
  testId?: string;
}) {
  const { t, locale } = useI18n();
  const chart = result.chart;
  // the card's header shows the title already; the chart gets the room
  const option = useMemo(() => {
    const { title: _title, ...rest } = result.option;
    return rest;
  }, [result]);
  const title = result.title[locale] || result.title['zh-CN'];

  if (chart.type === 'number') {
    const summary = result.summary;
    const value = summary?.value ?? (result.rows[0]?.[chart.y[0] ?? ''] as number | null | undefined);
    const target = summary?.target ?? chart.target;
    const met =
      typeof value === 'number' && typeof target === 'number'
        ? chart.higherIsBetter === false
          ? value <= target
          : value >= target
        : null;
    return (
      <Flex vertical gap={4} data-testid={testId} role="group" aria-label={title}>
        <Typography.Text strong style={{ fontSize: 36, lineHeight: 1.2 }}>
          {formatNumber(value, chart.unit, locale)}
        </Typography.Text>
        {typeof target === 'number' && (
          <Flex gap={8} align="center" wrap>
            <Typography.Text type="secondary">
              {t('reports.preview.target', { target: formatNumber(target, chart.unit, locale) })}
            </Typography.Text>
            {met !== null && (
              <Tag color={met ? 'success' : 'error'}>
                {t(met ? 'reports.preview.met' : 'reports.preview.missed')}
              </Tag>
            )}
          </Flex>
        )}
      </Flex>
    );
  }
  if (result.rows.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.preview.empty')} />;
  }
  if (chart.type === 'table') {
    const rows = result.rows.map((row, index) => ({ ...row, __index: index }));
    return (
      <Table<Row & { __index: number }>
        data-testid={testId}
        rowKey="__index"
        size="small"
        dataSource={rows}
        pagination={rows.length > 10 ? { pageSize: 10, simple: true, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        columns={result.columns.map((column) => ({
          key: column.key,
          title: column.label[locale] || column.label['zh-CN'],
          align: column.kind === 'measure' ? ('right' as const) : ('left' as const),
          render: (_: unknown, row: Row) =>
            column.kind === 'measure'
              ? formatNumber(row[column.key], chart.unit, locale)
              : (row[column.key] ?? '—'),
        }))}
      />
    );
  }
  const summary = result.rows
    .slice(0, 8)
    .map((row) => result.columns.map((c) => String(row[c.key] ?? '—')).join(' '))
    .join('; ');
  return (
    <div style={{ height, minWidth: 0 }}>
      <Suspense fallback={<Skeleton active paragraph={{ rows: 4 }} />}>
        <EChartView
          option={option}
          label={t('reports.preview.chartLabel', { title, type: t(`reports.chart.${chart.type}`), summary })}
          testId={testId}
        />
      </Suspense>
    </div>
  );
}
