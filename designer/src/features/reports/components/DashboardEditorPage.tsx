import { useCallback, useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Empty,
  Flex,
  InputNumber,
  Select,
  Skeleton,
  Typography,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useLocation, useParams } from 'react-router-dom';
import { ApiProblemError, unwrap, type Schemas } from '@careloom/api-client';
import { describeError, useApi, useI18n, useLoader } from '@careloom/app-shell';
import { useUndoable } from '../../../shared/undo/useUndoable.js';
import { useReportData } from '../hooks/useReportData.js';
import {
  addItem,
  emptyDashboard,
  MAX_HEIGHT,
  moveItem,
  readingOrder,
  removeItem,
  resizeItem,
  WIDTHS,
} from '../utils/dashboard-layout.util.js';
import { problemAt, specProblems } from '../utils/report-spec.util.js';
import type { DashboardSpec, LocalizedText, SpecProblem } from '../utils/report.types.js';
import { DashboardGrid } from './DashboardGrid.js';
import { EditorHeader } from './EditorHeader.js';
import { TitleInputs } from './LabelInputs.js';
import { ReportResultView } from './ReportResultView.js';
import { SpecRow, RowField } from './SpecRow.js';
import { SpecVersionsPanel } from './SpecVersionsPanel.js';
import './reports.css';

type StoredDashboard = Schemas['DashboardDto'];
type Filter = DashboardSpec['filters'][number];
const FILTERS: readonly Filter[] = ['period', 'org-unit'];

function specOf(stored: StoredDashboard): DashboardSpec {
  const { version: _v, currentVersion: _c, versions: _vs, updatedAt: _u, ...spec } = stored;
  return spec as unknown as DashboardSpec;
}

/** `/reports/dashboards/:key`: a dashboard's title, shared filters and reports on the 12-column grid. */
export function DashboardEditorPage() {
  const { key = '' } = useParams();
  const { t } = useI18n();
  const api = useApi();
  const location = useLocation();
  const load = useCallback(async () => {
    const reports = unwrap(await api.GET('/api/reports'));
    try {
      const dashboard = unwrap(await api.GET('/api/dashboards/{key}', { params: { path: { key } } }));
      return { reports, dashboard };
    } catch (error) {
      if (error instanceof ApiProblemError && error.status === 404) {
        return { reports, dashboard: null };
      }
      throw error;
    }
  }, [api, key]);
  const { data, error, loading } = useLoader(load);
  if (error !== undefined) {
    return <Alert type="error" showIcon title={describeError(error, t)} />;
  }
  if (loading || data === undefined) {
    return <Skeleton active />;
  }
  const fromDialog = (location.state as { title?: LocalizedText } | null)?.title;
  return (
    <DashboardEditor
      key={data.dashboard ? `saved:${key}` : `new:${key}`}
      dashboardKey={key}
      reports={data.reports}
      initial={data.dashboard}
      initialTitle={fromDialog ?? { 'zh-CN': key, en: key }}
    />
  );
}

function DashboardEditor({
  dashboardKey,
  reports,
  initial,
  initialTitle,
}: {
  dashboardKey: string;
  reports: Schemas['ReportSummaryDto'][];
  initial: StoredDashboard | null;
  initialTitle: LocalizedText;
}) {
  const { t, locale } = useI18n();
  const api = useApi();
  const { message, modal } = App.useApp();
  const editor = useUndoable<DashboardSpec>(
    initial ? specOf(initial) : emptyDashboard(dashboardKey, initialTitle),
  );
  const spec = editor.state;
  const [stored, setStored] = useState<StoredDashboard | null>(initial);
  const [saved, setSaved] = useState<DashboardSpec | null>(initial ? editor.state : null);
  const [problems, setProblems] = useState<SpecProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const [adding, setAdding] = useState<string | undefined>(undefined);
  const [loadingVersion, setLoadingVersion] = useState<number | null>(null);
  const dirty = saved !== spec;
  const items = readingOrder(spec.items);
  const data = useReportData(items.map((item) => item.report));
  const reportTitle = (key: string) => {
    const found = reports.find((r) => r.key === key);
    return found ? found.title[locale] || found.title['zh-CN'] : key;
  };

  useEffect(() => {
    if (!dirty) {
      return undefined;
    }
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const apply = (next: DashboardSpec, undoKey?: string) => {
    setProblems([]);
    editor.apply(next, undoKey);
  };
  const setItems = (next: DashboardSpec['items']) => apply({ ...spec, items: next });

  const save = async () => {
    setBusy(true);
    try {
      const body = spec as unknown as Schemas['DashboardSpecDto'];
      const next = stored
        ? unwrap(
            await api.PUT('/api/dashboards/{key}', {
              params: { path: { key: dashboardKey }, query: { baseVersion: stored.currentVersion } },
              body,
            }),
          )
        : unwrap(await api.POST('/api/dashboards', { body }));
      setStored(next);
      setSaved(spec);
      setProblems([]);
      void message.success(t('dashboards.saved', { version: next.currentVersion }));
    } catch (error) {
      if (error instanceof ApiProblemError && error.status === 409 && stored) {
        modal.confirm({
          title: t('reports.staleTitle'),
          content: describeError(error, t),
          okText: t('reports.reload'),
          cancelText: t('reports.keepEditing'),
          onOk: async () => {
            const fresh = unwrap(
              await api.GET('/api/dashboards/{key}', { params: { path: { key: dashboardKey } } }),
            );
            setStored(fresh);
            editor.reset(specOf(fresh));
            setSaved(null);
          },
        });
      } else {
        if (error instanceof ApiProblemError && error.problem.errors?.length) {
          setProblems(specProblems(error.problem.errors));
        }
        void message.error(describeError(error, t));
      }
    } finally {
      setBusy(false);
    }
  };

  const loadVersion = async (version: number) => {
    setLoadingVersion(version);
    try {
      const old = unwrap(
        await api.GET('/api/dashboards/{key}', {
          params: { path: { key: dashboardKey }, query: { version } },
        }),
      );
      apply(specOf(old));
      void message.info(t('reports.versions.loaded', { version }));
    } catch (error) {
      void message.error(describeError(error, t));
    } finally {
      setLoadingVersion(null);
    }
  };

  // each item's problem, found under its index in the saved order
  const itemProblem = (index: number) =>
    problemAt(problems, `/items/${spec.items.indexOf(items[index]!)}`, true);
  const otherProblems = problems.filter((p) => !p.path.startsWith('/items/') && !p.path.startsWith('/title'));

  return (
    <Flex vertical gap={12} data-testid="dashboard-editor">
      <EditorHeader
        back={{ to: '/reports?view=dashboards', label: t('dashboards.back') }}
        title={spec.title}
        specKey={dashboardKey}
        version={stored?.currentVersion}
        dirty={dirty}
        busy={busy}
        editor={editor}
        saveLabel={t(stored ? 'reports.saveVersion' : 'dashboards.saveNew')}
        saveTestId="save-dashboard"
        onSave={() => void save()}
      />
      {otherProblems.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="dashboard-problems"
          title={otherProblems.map((p) => `${p.path || '/'}: ${p.message}`).join('\n')}
        />
      )}
      <TitleInputs
        value={spec.title}
        problems={problems}
        onChange={(title, undoKey) => apply({ ...spec, title }, undoKey)}
      />
      <Card size="small" title={t('dashboards.filters')}>
        <Checkbox.Group<Filter>
          aria-label={t('dashboards.filters')}
          value={spec.filters}
          options={FILTERS.map((filter) => ({ value: filter, label: t(`dashboards.filter.${filter}`) }))}
          onChange={(filters) => apply({ ...spec, filters: FILTERS.filter((f) => filters.includes(f)) })}
        />
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 12 }}>
          {t('dashboards.filtersHelp')}
        </Typography.Paragraph>
      </Card>
      <Card size="small" title={t('dashboards.items')} data-testid="dashboard-items">
        <Flex vertical gap={8}>
          {items.length === 0 && (
            <Typography.Text type="secondary">{t('dashboards.noItems')}</Typography.Text>
          )}
          {items.map((item, index) => {
            const name = `${index + 1}. ${reportTitle(item.report)}`;
            return (
              <SpecRow
                key={`${item.report}-${index}`}
                name={name}
                index={index}
                count={items.length}
                problem={itemProblem(index)}
                testId={`dashboard-item-${index}`}
                onMove={(delta) => setItems(moveItem(spec.items, index, delta))}
                onRemove={() => setItems(removeItem(spec.items, index))}
              >
                <Flex vertical style={{ flex: '2 1 160px', minWidth: 0 }}>
                  <Typography.Text strong>{name}</Typography.Text>
                  <Typography.Text type="secondary" code style={{ fontSize: 12 }}>
                    {item.report}
                  </Typography.Text>
                </Flex>
                <RowField label={t('dashboards.width')} basis={110}>
                  <Select<number>
                    size="small"
                    aria-label={`${name} ${t('dashboards.width')}`}
                    value={item.w}
                    options={[
                      ...WIDTHS.map((w) => ({ value: w, label: t(`dashboards.width.${w}`) })),
                      ...((WIDTHS as readonly number[]).includes(item.w)
                        ? []
                        : [{ value: item.w, label: `${item.w}/12` }]),
                    ]}
                    onChange={(w) => setItems(resizeItem(spec.items, index, { w }))}
                  />
                </RowField>
                <RowField label={t('dashboards.height')} basis={90} grow={0}>
                  <InputNumber<number>
                    size="small"
                    aria-label={`${name} ${t('dashboards.height')}`}
                    min={1}
                    max={MAX_HEIGHT}
                    value={item.h}
                    onChange={(h) => h !== null && setItems(resizeItem(spec.items, index, { h }))}
                    style={{ width: '100%' }}
                  />
                </RowField>
              </SpecRow>
            );
          })}
          <Flex gap={8} wrap>
            <Select<string>
              aria-label={t('dashboards.pickReport')}
              data-testid="dashboard-add-report"
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('dashboards.pickReport')}
              value={adding}
              style={{ flex: '1 1 200px', minWidth: 0 }}
              options={reports.map((r) => ({
                value: r.key,
                label: `${r.title[locale] || r.title['zh-CN']} (${r.key})`,
              }))}
              onChange={setAdding}
            />
            <Button
              icon={<PlusOutlined />}
              disabled={adding === undefined}
              data-testid="dashboard-add"
              onClick={() => {
                if (adding) {
                  const number = reports.find((r) => r.key === adding)?.chartType === 'number';
                  setItems(addItem(spec.items, adding, number ? 3 : 6));
                  setAdding(undefined);
                }
              }}
            >
              {t('dashboards.add')}
            </Button>
          </Flex>
        </Flex>
      </Card>
      <Card size="small" title={t('dashboards.preview')} data-testid="dashboard-preview">
        {items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboards.noItems')} />
        ) : (
          <DashboardGrid
            items={items}
            title={(item) => reportTitle(item.report)}
            onChange={setItems}
            body={(item) => {
              const entry = data[item.report];
              return entry === undefined ? (
                <Skeleton active paragraph={{ rows: 3 }} />
              ) : 'error' in entry ? (
                <Alert type="error" showIcon title={entry.error} />
              ) : (
                <ReportResultView result={entry.result} height="100%" />
              );
            }}
          />
        )}
      </Card>
      <Card size="small" title={t('reports.tab.versions')}>
        <SpecVersionsPanel stored={stored} loading={loadingVersion} onLoad={(v) => void loadVersion(v)} />
      </Card>
    </Flex>
  );
}
