import { useCallback, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Empty, Skeleton, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { DashboardResult, ReportFilters } from '@careloom/contracts';
import { describeError, useApi, useI18n } from '@careloom/app-shell';
import { fetchReportCsv } from '../hooks/useDashboards.js';
import { gridPlacement } from '../utils/grid-layout.util.js';
import { chartSummary, localized } from '../utils/report-format.util.js';
import { rowGroup, segmentGroup, type Group } from '../utils/segment.util.js';
import type { ECElementEvent, EChartsType } from './echarts.js';
import { EChartView } from './EChartView.js';
import { NumberView } from './NumberView.js';
import { ReportTable } from './ReportTable.js';
import { saveFile } from './save-file.js';

export type DashboardItem = DashboardResult['items'][number];

interface ReportCardProps {
  /** Where the card sits (the chart is registered under it for the dashboard picture). */
  slot: string;
  item: DashboardItem;
  /** True while the dashboard's data is (re)loading. */
  loading: boolean;
  filters: ReportFilters;
  onDrill: (report: string, title: string, segment: string, group: Group) => void;
  onChart: (slot: string, chart: EChartsType | null) => void;
}

/** Words for a clicked segment: the category, and the series when the chart splits by a group. */
function segmentText(event: ECElementEvent, splitBySeries: boolean): string {
  const parts = [event.name, splitBySeries ? event.seriesName : undefined].filter(
    (part): part is string => typeof part === 'string' && part.length > 0,
  );
  return [...new Set(parts)].join(' · ');
}

/** One report of a dashboard: title, CSV download, and the chart, table or number, or why there is none. */
export function ReportCard({ slot, item, loading, filters, onDrill, onChart }: ReportCardProps) {
  const { t, locale } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const [downloading, setDownloading] = useState(false);
  const result = item.result;
  const title = result ? localized(result.title, locale) : item.report;
  const placement = gridPlacement(item);

  const download = async () => {
    setDownloading(true);
    try {
      const { blob, fileName } = await fetchReportCsv(api, item.report, filters);
      saveFile(blob, fileName ?? `${item.report}${filters.from ? `-${filters.from}` : ''}.csv`);
    } catch (error) {
      void message.error(t('dash.export.failed', { reason: describeError(error, t) }));
    } finally {
      setDownloading(false);
    }
  };

  const drillSegment = useCallback(
    (event: ECElementEvent) => {
      if (!result) {
        return;
      }
      const group = segmentGroup(result, event);
      if (group) {
        onDrill(
          item.report,
          title,
          segmentText(event, Boolean(result.chart.series)) || t('dash.drill.all'),
          group,
        );
      }
    },
    [result, item.report, title, onDrill, t],
  );
  const chartInstance = useCallback((chart: EChartsType | null) => onChart(slot, chart), [onChart, slot]);
  // the card's header shows the title already; the chart gets the room
  const option = useMemo(() => {
    const { title: _title, ...rest } = result?.option ?? {};
    return rest;
  }, [result]);
  const label = useMemo(
    () =>
      result
        ? t('dash.chart.label', {
            title,
            type: t(`dash.chart.${result.chart.type}`),
            summary: result.rows.length ? chartSummary(result, locale) : t('dash.card.empty'),
          })
        : title,
    [result, title, locale, t],
  );

  const body = () => {
    if (!result && loading) {
      return <Skeleton active paragraph={{ rows: 4 }} />;
    }
    if (!result) {
      return (
        <Alert
          type="error"
          showIcon
          title={t('dash.card.failed')}
          description={item.error}
          data-testid="report-error"
        />
      );
    }
    if (result.chart.type === 'number') {
      return <NumberView result={result} />;
    }
    if (result.rows.length === 0) {
      return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dash.card.empty')} />;
    }
    if (result.chart.type === 'table') {
      return (
        <ReportTable
          result={result}
          onRow={(row) =>
            onDrill(
              item.report,
              title,
              Object.values(rowGroup(result, row)).join(' · ') || t('dash.drill.all'),
              rowGroup(result, row),
            )
          }
        />
      );
    }
    return (
      <EChartView
        option={option}
        label={label}
        onSegment={drillSegment}
        onInstance={chartInstance}
        testId={`chart-${item.report}`}
      />
    );
  };

  const hint = result && result.rows.length > 0 && result.chart.type !== 'number';
  return (
    <Card
      size="small"
      className={`cl-dash-card cl-dash-card-${result?.chart.type ?? 'none'}`}
      style={{ '--cl-col': placement.column, '--cl-row': placement.row } as React.CSSProperties}
      title={
        <Typography.Text strong ellipsis={{ tooltip: title }}>
          {title}
        </Typography.Text>
      }
      extra={
        result ? (
          <Button
            size="small"
            type="text"
            icon={<DownloadOutlined />}
            loading={downloading}
            aria-label={t('dash.export.csvLabel', { title })}
            onClick={() => void download()}
            className="cl-no-print"
          >
            {t('dash.export.csv')}
          </Button>
        ) : null
      }
      data-testid={`report-${item.report}`}
      aria-busy={loading}
    >
      <div className="cl-dash-card-body">{body()}</div>
      {hint && (
        <Typography.Text type="secondary" className="cl-dash-hint cl-no-print">
          {t(result.chart.type === 'table' ? 'dash.card.drillRow' : 'dash.card.drillHint')}
        </Typography.Text>
      )}
    </Card>
  );
}
