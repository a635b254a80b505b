import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Flex, Typography } from 'antd';
import { ArrowLeftOutlined, FilePdfOutlined, PictureOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { ReportFilters } from '@careloom/contracts';
import { describeError, useI18n } from '@careloom/app-shell';
import { useDashboardData, useDashboardSpec } from '../hooks/useDashboards.js';
import {
  dashboardViewQuery,
  parseDashboardView,
  viewFilters,
  type DashboardView,
} from '../utils/dashboard-view.util.js';
import { readingOrder } from '../utils/grid-layout.util.js';
import { addDays } from '../utils/period.util.js';
import { formatValue, localized } from '../utils/report-format.util.js';
import type { Group } from '../utils/segment.util.js';
import { composeDashboardPicture, type PicturePanel } from './dashboard-picture.js';
import { DashboardFilters } from './DashboardFilters.js';
import { DrillDrawer, type DrillTarget } from './DrillDrawer.js';
import type { EChartsType } from './echarts.js';
import { numberTexts } from './NumberView.js';
import { ReportCard, type DashboardItem } from './ReportCard.js';
import { saveFile } from './save-file.js';
import './dashboards.css';

const slotOf = (item: DashboardItem) => `${item.report}@${item.x},${item.y}`;

/** One dashboard: its shared filters (kept in the URL), its report cards, drill-down and exports. */
export function DashboardPage() {
  const { key = '' } = useParams();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [query, setQuery] = useSearchParams();
  const spec = useDashboardSpec(key);
  const declared = spec.data?.filters;
  const [today] = useState(() => new Date());
  const view = useMemo(
    () => (declared ? parseDashboardView(query, declared, today) : null),
    [query, declared, today],
  );
  // one object per distinct filter, so the drill drawer reloads only when the filters really change
  const filtersKey = view ? JSON.stringify(viewFilters(view)) : null;
  const filters = useMemo(
    () => (filtersKey === null ? null : (JSON.parse(filtersKey) as ReportFilters)),
    [filtersKey],
  );
  const data = useDashboardData(key, filters);
  const charts = useRef(new Map<string, EChartsType>());
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const [picturing, setPicturing] = useState(false);

  // the URL always names the view it shows, so a copied link keeps showing the same period
  useEffect(() => {
    if (view) {
      const canonical = dashboardViewQuery(view);
      if (canonical.toString() !== query.toString()) {
        setQuery(canonical, { replace: true });
      }
    }
  }, [view, query, setQuery]);

  const setView = (next: DashboardView) => setQuery(dashboardViewQuery(next), { replace: true });
  const onDrill = useCallback(
    (report: string, title: string, segment: string, group: Group) =>
      setDrill({ report, title, segment, group }),
    [],
  );
  const onChart = useCallback((slot: string, chart: EChartsType | null) => {
    if (chart) {
      charts.current.set(slot, chart);
    } else {
      charts.current.delete(slot);
    }
  }, []);

  const title = spec.data ? localized(spec.data.title, locale) : key;
  const periodText =
    filters?.from && filters.to
      ? t('dash.period.text', { from: filters.from, to: addDays(filters.to, -1) })
      : '';
  const items: DashboardItem[] = readingOrder(
    data.data?.items ?? (spec.data?.items ?? []).map((item) => ({ ...item, result: null })),
  );

  const savePicture = async () => {
    setPicturing(true);
    try {
      const panels = items.map((item): PicturePanel => {
        const result = item.result;
        const base = { ...item, title: result ? localized(result.title, locale) : item.report };
        if (!result) {
          return { ...base, lines: [t('dash.card.failed'), item.error ?? ''] };
        }
        if (result.chart.type === 'number') {
          const texts = numberTexts(result, t, locale);
          return {
            ...base,
            big: texts.value,
            lines: [texts.trendText, texts.previous ?? '', texts.target ?? ''],
          };
        }
        if (result.rows.length === 0) {
          return { ...base, lines: [t('dash.card.empty')] };
        }
        const chart = charts.current.get(slotOf(item));
        if (result.chart.type !== 'table' && chart) {
          return {
            ...base,
            image: chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }),
          };
        }
        const cell = (value: string | number | null | undefined, measure: boolean) =>
          typeof value === 'number' && measure
            ? formatValue(value, result.chart.unit, locale, 2)
            : String(value ?? '—');
        return {
          ...base,
          lines: [
            result.columns.map((c) => localized(c.label, locale)).join('  |  '),
            ...result.rows.map((row) =>
              result.columns.map((c) => cell(row[c.key], c.kind === 'measure')).join('  |  '),
            ),
          ],
        };
      });
      const picture = await composeDashboardPicture({ title, subtitle: periodText }, panels);
      saveFile(picture, `${key}${filters?.from ? `-${filters.from}` : ''}.png`);
      void message.success(t('dash.export.pngDone'));
    } catch (error) {
      void message.error(
        t('dash.export.failed', { reason: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      setPicturing(false);
    }
  };

  const printPdf = async () => {
    // charts print as pictures of themselves: make them now and wait until they are decoded
    window.dispatchEvent(new Event('beforeprint'));
    await Promise.all(
      [...document.querySelectorAll<HTMLImageElement>('img.cl-chart-print')].map((img) =>
        img.src ? img.decode().catch(() => undefined) : Promise.resolve(),
      ),
    );
    window.print();
  };

  if (spec.error !== undefined) {
    return (
      <section>
        <Link to="/dashboards" className="cl-no-print">
          <ArrowLeftOutlined /> {t('dash.back')}
        </Link>
        <Alert type="error" showIcon title={describeError(spec.error, t)} style={{ marginTop: 12 }} />
      </section>
    );
  }

  return (
    <section data-testid="dashboard-page">
      <Flex vertical gap={8} style={{ marginBottom: 12 }}>
        <Link to="/dashboards" className="cl-no-print">
          <ArrowLeftOutlined /> {t('dash.back')}
        </Link>
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Typography.Title level={4} style={{ margin: 0, minWidth: 0, overflowWrap: 'anywhere' }}>
            {title}
          </Typography.Title>
          <Flex gap={4} wrap className="cl-no-print">
            <Button
              icon={<ReloadOutlined />}
              aria-label={t('dash.refresh')}
              onClick={data.reload}
              loading={data.loading && data.data !== undefined}
            />
            <Button
              icon={<PictureOutlined />}
              onClick={() => void savePicture()}
              loading={picturing}
              disabled={!data.data}
              data-testid="export-png"
            >
              {t('dash.export.png')}
            </Button>
            <Button
              icon={<FilePdfOutlined />}
              onClick={() => void printPdf()}
              disabled={!data.data}
              data-testid="export-pdf"
            >
              {t('dash.export.pdf')}
            </Button>
          </Flex>
        </Flex>
        {spec.data?.description && (
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {localized(spec.data.description, locale)}
          </Typography.Paragraph>
        )}
        {periodText && (
          <Typography.Text type="secondary" className="cl-print-only">
            {periodText}
          </Typography.Text>
        )}
        {view && declared && declared.length > 0 && (
          <DashboardFilters filters={declared} view={view} onChange={setView} />
        )}
      </Flex>
      {data.error !== undefined && (
        <Alert type="error" showIcon title={describeError(data.error, t)} style={{ marginBottom: 12 }} />
      )}
      {filters && data.error === undefined && (
        <div className="cl-dash-grid">
          {items.map((item) => (
            <ReportCard
              key={slotOf(item)}
              slot={slotOf(item)}
              item={item}
              loading={data.loading}
              filters={filters}
              onDrill={onDrill}
              onChart={onChart}
            />
          ))}
        </div>
      )}
      {filters && <DrillDrawer target={drill} filters={filters} onClose={() => setDrill(null)} />}
    </section>
  );
}
