import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Card, Col, Flex, Row, Skeleton, Spin, Tabs, Tag, Typography } from 'antd';
import { useLocation, useParams } from 'react-router-dom';
import { ApiProblemError, unwrap, type Schemas } from '@careloom/api-client';
import { describeError, useApi, useI18n, useLoader } from '@careloom/app-shell';
import { useUndoable } from '../../../shared/undo/useUndoable.js';
import { useReportPreview } from '../hooks/useReportPreview.js';
import { useReportResources } from '../hooks/useReportResources.js';
import {
  changeSource,
  emptyReport,
  fitChart,
  problemsUnder,
  renameKey,
  setGroups,
  setMeasures,
  specProblems,
} from '../utils/report-spec.util.js';
import type { LocalizedText, ReportResult, ReportSpec, SpecProblem } from '../utils/report.types.js';
import { ChartEditor } from './ChartEditor.js';
import { GroupByEditor } from './GroupByEditor.js';
import { MeasuresEditor } from './MeasuresEditor.js';
import { EditorHeader } from './EditorHeader.js';
import { TitleInputs } from './LabelInputs.js';
import { ReportResultView } from './ReportResultView.js';
import { FilterEditor, SourceEditor } from './SourceEditor.js';
import { SpecJsonEditor } from './SpecJsonEditor.js';
import { SpecVersionsPanel } from './SpecVersionsPanel.js';

type StoredReport = Schemas['ReportDto'];

/** The spec part of a stored report (without its version bookkeeping). */
export function specOf(stored: StoredReport): ReportSpec {
  const { version: _v, currentVersion: _c, versions: _vs, updatedAt: _u, ...spec } = stored;
  return spec as unknown as ReportSpec;
}

/** `/reports/:key`: edits a saved report, or a new one with this key (title from the "new report" dialog). */
export function ReportEditorPage() {
  const { key = '' } = useParams();
  const { t } = useI18n();
  const api = useApi();
  const location = useLocation();
  const load = useCallback(async () => {
    try {
      return unwrap(await api.GET('/api/reports/{key}', { params: { path: { key } } }));
    } catch (error) {
      if (error instanceof ApiProblemError && error.status === 404) {
        return null;
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
    <ReportEditor
      key={data ? `saved:${key}` : `new:${key}`}
      reportKey={key}
      initial={data}
      initialTitle={fromDialog ?? { 'zh-CN': key, en: key }}
    />
  );
}

function ReportEditor({
  reportKey,
  initial,
  initialTitle,
}: {
  reportKey: string;
  initial: StoredReport | null;
  initialTitle: LocalizedText;
}) {
  const { t } = useI18n();
  const api = useApi();
  const { message, modal } = App.useApp();
  const editor = useUndoable<ReportSpec>(initial ? specOf(initial) : emptyReport(reportKey, initialTitle));
  const spec = editor.state;
  const [stored, setStored] = useState<StoredReport | null>(initial);
  const [saved, setSaved] = useState<ReportSpec | null>(initial ? editor.state : null);
  const [saveProblems, setSaveProblems] = useState<{ spec: ReportSpec; problems: SpecProblem[] } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);
  const [loadingVersion, setLoadingVersion] = useState<number | null>(null);
  const [tab, setTab] = useState('design');
  const resources = useReportResources(spec.dataset.source);
  const preview = useReportPreview(spec);
  const dirty = saved !== spec;
  // a save's problems hold until the next edit; the preview's are about the spec as it is now
  const problems = saveProblems && saveProblems.spec === spec ? saveProblems.problems : preview.problems;

  useEffect(() => {
    if (!dirty) {
      return undefined;
    }
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const apply = (next: ReportSpec, undoKey?: string) => editor.apply(next, undoKey);
  const withRename = (next: ReportSpec, rename?: [string, string]) =>
    rename && rename[0] !== rename[1] ? renameKey(next, rename[0], rename[1]) : next;

  const save = async () => {
    setBusy(true);
    try {
      const body = spec as unknown as Schemas['ReportSpecDto'];
      const next = stored
        ? unwrap(
            await api.PUT('/api/reports/{key}', {
              params: { path: { key: reportKey }, query: { baseVersion: stored.currentVersion } },
              body,
            }),
          )
        : unwrap(await api.POST('/api/reports', { body }));
      setStored(next);
      setSaved(spec);
      setSaveProblems(null);
      void message.success(t('reports.saved', { version: next.currentVersion }));
    } catch (error) {
      if (error instanceof ApiProblemError && error.status === 409 && stored) {
        modal.confirm({
          title: t('reports.staleTitle'),
          content: describeError(error, t),
          okText: t('reports.reload'),
          cancelText: t('reports.keepEditing'),
          onOk: async () => {
            const fresh = unwrap(
              await api.GET('/api/reports/{key}', { params: { path: { key: reportKey } } }),
            );
            const freshSpec = specOf(fresh);
            setStored(fresh);
            editor.reset(freshSpec);
            setSaved(freshSpec);
          },
        });
      } else {
        if (error instanceof ApiProblemError && error.problem.errors?.length) {
          setSaveProblems({ spec, problems: specProblems(error.problem.errors) });
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
        await api.GET('/api/reports/{key}', { params: { path: { key: reportKey }, query: { version } } }),
      );
      apply(specOf(old));
      setTab('design');
      void message.info(t('reports.versions.loaded', { version }));
    } catch (error) {
      void message.error(describeError(error, t));
    } finally {
      setLoadingVersion(null);
    }
  };

  const section = (title: string, pointer: string, testId: string, children: React.ReactNode) => (
    <Card
      size="small"
      title={title}
      data-testid={testId}
      extra={
        problemsUnder(problems, pointer).length > 0 ? <Tag color="red">{t('reports.hasProblems')}</Tag> : null
      }
    >
      {children}
    </Card>
  );

  const design = (
    <Flex vertical gap={12}>
      {section(
        t('reports.section.source'),
        '/dataset/source',
        'section-source',
        <SourceEditor
          source={spec.dataset.source}
          resources={resources}
          problems={problems}
          onChange={(source) => apply(changeSource(spec, source))}
        />,
      )}
      {section(
        t('reports.section.filter'),
        '/dataset/filter',
        'section-filter',
        <FilterEditor
          value={spec.dataset.filter}
          resources={resources}
          problems={problems}
          onChange={(filter) => {
            const { filter: _old, ...dataset } = spec.dataset;
            apply({
              ...spec,
              dataset: filter === undefined ? dataset : ({ ...dataset, filter } as ReportSpec['dataset']),
            });
          }}
        />,
      )}
      {section(
        t('reports.section.groupBy'),
        '/dataset/groupBy',
        'section-group-by',
        <GroupByEditor
          spec={spec}
          fields={resources.fields}
          problems={problems}
          onChange={(groupBy, undoKey, rename) => {
            const next = withRename({ ...spec, dataset: { ...spec.dataset, groupBy } }, rename);
            apply(setGroups(next, next.dataset.groupBy), undoKey);
          }}
        />,
      )}
      {section(
        t('reports.section.measures'),
        '/dataset/measures',
        'section-measures',
        <MeasuresEditor
          spec={spec}
          fields={resources.fields}
          problems={problems}
          onChange={(measures, undoKey, rename) => {
            const next = withRename(
              {
                ...spec,
                dataset: { ...spec.dataset, measures: measures as ReportSpec['dataset']['measures'] },
              },
              rename,
            );
            apply(setMeasures(next, next.dataset.measures), undoKey);
          }}
        />,
      )}
      {section(
        t('reports.section.chart'),
        '/chart',
        'section-chart',
        <ChartEditor
          spec={spec}
          problems={problems}
          onChange={(next, undoKey) => apply(fitChart(next), undoKey)}
        />,
      )}
    </Flex>
  );

  return (
    <Flex vertical gap={12} data-testid="report-editor">
      <EditorHeader
        back={{ to: '/reports', label: t('reports.back') }}
        title={spec.title}
        specKey={reportKey}
        version={stored?.currentVersion}
        dirty={dirty}
        busy={busy}
        editor={editor}
        saveLabel={t(stored ? 'reports.saveVersion' : 'reports.saveNew')}
        saveTestId="save-report"
        onSave={() => void save()}
      />
      <TitleInputs
        value={spec.title}
        problems={problems}
        onChange={(title, undoKey) => apply({ ...spec, title }, undoKey)}
      />
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="report-problems"
          title={t('reports.problems', { count: problems.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {problems.map((problem, index) => (
                <li key={index}>
                  <Typography.Text code>{problem.path || '/'}</Typography.Text> {problem.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={14}>
          <Tabs
            activeKey={tab}
            onChange={setTab}
            destroyOnHidden
            items={[
              { key: 'design', label: t('reports.tab.design'), children: design },
              {
                key: 'json',
                label: 'JSON',
                children: <SpecJsonEditor spec={spec} onChange={(next) => apply(next, 'json')} />,
              },
              {
                key: 'versions',
                label: t('reports.tab.versions'),
                children: (
                  <SpecVersionsPanel
                    stored={stored}
                    loading={loadingVersion}
                    onLoad={(v) => void loadVersion(v)}
                  />
                ),
              },
            ]}
          />
        </Col>
        <Col xs={24} xl={10}>
          <Card
            size="small"
            title={t('reports.preview.title')}
            data-testid="report-preview"
            style={{ position: 'sticky', top: 12 }}
            extra={preview.running ? <Spin size="small" aria-label={t('reports.preview.running')} /> : null}
          >
            <PreviewBody result={preview.result} failure={preview.failure} problems={problems} spec={spec} />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}

function PreviewBody({
  result,
  failure,
  problems,
  spec,
}: {
  result: ReportResult | null;
  failure: string | null;
  problems: readonly SpecProblem[];
  spec: ReportSpec;
}) {
  const { t } = useI18n();
  if (spec.dataset.source.type === 'records' && spec.dataset.source.formKey === '') {
    return <Typography.Text type="secondary">{t('reports.source.pickFirst')}</Typography.Text>;
  }
  if (failure) {
    return <Alert type="error" showIcon title={t('reports.preview.failed')} description={failure} />;
  }
  if (problems.length > 0) {
    return <Alert type="warning" showIcon title={t('reports.preview.fix')} />;
  }
  if (!result) {
    return <Skeleton active paragraph={{ rows: 4 }} />;
  }
  return (
    <Flex vertical gap={8}>
      <ReportResultView result={result} testId="report-preview-chart" />
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="report-preview-rows">
        {t('reports.preview.rows', { count: result.rows.length })}
      </Typography.Text>
    </Flex>
  );
}
