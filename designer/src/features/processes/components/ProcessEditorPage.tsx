import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Flex, Grid, List, Tabs, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, CloudUploadOutlined, DownloadOutlined } from '@ant-design/icons';
import { Link, useLocation, useParams } from 'react-router-dom';
import { unwrap, type Schemas } from '@careloom/api-client';
import { describeError, useApi, useI18n, useLoader } from '@careloom/app-shell';
import { useBpmnModeler } from '../hooks/useBpmnModeler.js';
import { UndoRedoButtons } from '../../../shared/undo/UndoRedoButtons.js';
import type {
  Canvas,
  CommandStack,
  DeployProblem,
  ElementRegistry,
  Selection,
} from '../utils/bpmn-model.types.js';
import { ERROR_MARKER, VISITED_MARKER } from '../utils/bpmn-model.constants.js';
import type { RoleName } from '../utils/candidate-roles.util.js';
import { defaultProcessKey, newProcessXml } from '../utils/process-key.util.js';
import { deployProblemsOf } from '../utils/bpmn-model.util.js';
import { ElementProperties, type ProcessVariable } from './ElementProperties.js';
import { OpenBpmnFileButton } from './OpenBpmnFileButton.js';
import type { OpenedDiagram } from './ProcessListPage.js';
import { SimulatePanel } from './SimulatePanel.js';
import './processes.css';

type Deployed = Schemas['DeployResultDto'];

function openedDiagram(state: unknown): OpenedDiagram | undefined {
  if (typeof state === 'object' && state !== null && 'xml' in state && typeof state.xml === 'string') {
    return { xml: state.xml, fileName: 'fileName' in state ? String(state.fileName) : '' };
  }
  return undefined;
}

function todayText(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `/processes/new` and `/processes/:key`: bpmn-js modeler, properties, deploy with problems on the canvas, simulate. */
export function ProcessEditorPage() {
  const { key } = useParams();
  const location = useLocation();
  const { t, locale } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const readOnly = screens.md === false;
  const { containerRef, viewer, selected, revision, dirty, importXml, markClean, exportXml, service } =
    useBpmnModeler(readOnly, locale);

  const opened = openedDiagram(location.state);
  const loadSource = useCallback(async (): Promise<string> => {
    if (key === undefined) {
      return opened?.xml ?? newProcessXml(defaultProcessKey(new Date()));
    }
    return unwrap(await api.GET('/api/processes/{key}', { params: { path: { key } } })).xml;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the opened file is read once per route
  }, [api, key]);
  const source = useLoader(loadSource);
  const [openedFile, setOpenedFile] = useState<{ xml: string; fileName: string; generation: number }>();
  const fromSource = useMemo(
    () => (source.data === undefined ? undefined : { xml: source.data }),
    [source.data],
  );
  /** What the canvas shows: a file opened here, else the route's diagram (a new object means "import again"). */
  const diagram = openedFile ?? fromSource;
  const [loadError, setLoadError] = useState<string | undefined>();
  const [, setImports] = useState(0);
  const [problems, setProblems] = useState<DeployProblem[]>([]);
  const [deployed, setDeployed] = useState<Deployed | undefined>();
  const [deploying, setDeploying] = useState(false);
  const [variables, setVariables] = useState<ProcessVariable[]>([]);
  const [forms, setForms] = useState<Schemas['FormSummaryDto'][]>([]);
  const [roles, setRoles] = useState<RoleName[]>();
  // only a brand-new process takes its key from its name, until the key is typed by hand
  const [keyTypedByHand, setKeyTypedByHand] = useState(key !== undefined || opened !== undefined);
  const markers = useRef<{ id: string; marker: string }[]>([]);

  useEffect(() => {
    let current = true;
    api.GET('/api/forms', { params: { query: { status: 'published' } } }).then(
      (result) => current && setForms(result.data ?? []),
      () => undefined,
    );
    api.GET('/api/roles').then(
      (result) => current && setRoles(result.data),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api]);

  useEffect(() => {
    if (!viewer || !diagram) {
      return;
    }
    markers.current = [];
    importXml(diagram.xml).then(
      () => {
        setLoadError(undefined);
        // the title and the history buttons read the imported model: render once it is there (an import may
        // finish after the page's last render)
        setImports((n) => n + 1);
      },
      (error: unknown) => setLoadError(error instanceof Error ? error.message : String(error)),
    );
  }, [viewer, diagram, importXml]);

  const setMarkers = (marker: string, ids: readonly string[]) => {
    const canvas = service<Canvas>('canvas');
    const registry = service<ElementRegistry>('elementRegistry');
    markers.current = markers.current.filter((entry) => {
      if (entry.marker !== marker) {
        return true;
      }
      if (registry.get(entry.id)) {
        canvas.removeMarker(entry.id, marker);
      }
      return false;
    });
    for (const id of new Set(ids)) {
      if (registry.get(id)) {
        canvas.addMarker(id, marker);
        markers.current.push({ id, marker });
      }
    }
  };

  const selectElement = (id: string) => {
    const element = service<ElementRegistry>('elementRegistry').get(id);
    if (element) {
      service<Selection>('selection').select(element);
      service<Canvas>('canvas').scrollToElement(element);
    }
  };

  const deploy = async () => {
    setDeploying(true);
    try {
      const xml = await exportXml();
      const result = await api.POST('/api/processes', { body: { xml } });
      if (result.data) {
        setProblems([]);
        setMarkers(ERROR_MARKER, []);
        setDeployed(result.data);
        setKeyTypedByHand(true);
        markClean();
        void message.success(t('pe.deployed', { key: result.data.key, version: result.data.version }));
      } else {
        const found = deployProblemsOf(result.error);
        setDeployed(undefined);
        setProblems(
          found.length > 0
            ? found
            : [{ elementId: null, elementType: null, message: describeError(result.error, t) }],
        );
        setMarkers(
          ERROR_MARKER,
          found.flatMap((problem) => (problem.elementId === null ? [] : [problem.elementId])),
        );
        void message.error(t('pe.deployFailed'));
      }
    } catch (e) {
      void message.error(describeError(e, t));
    } finally {
      setDeploying(false);
    }
  };

  const download = async () => {
    const xml = await exportXml();
    const url = URL.createObjectURL(new Blob([xml], { type: 'application/xml' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${key ?? 'process'}.bpmn`;
    link.click();
    URL.revokeObjectURL(url);
  };

  // the modeler's own command stack (bpmn-js also binds Ctrl+Z / Ctrl+Y on the focused canvas); none while the
  // read-only viewer is mounted or being swapped for the modeler
  const commandStack = ((): CommandStack | undefined => {
    try {
      return viewer && !readOnly ? service<CommandStack>('commandStack') : undefined;
    } catch {
      return undefined;
    }
  })();
  const history = {
    canUndo: commandStack?.canUndo() ?? false,
    canRedo: commandStack?.canRedo() ?? false,
    undo: () => commandStack?.undo(),
    redo: () => commandStack?.redo(),
  };

  // the process's own name once it has one (it follows the name field), else the file or the key
  const processName = ((): string => {
    try {
      return viewer ? (service<Canvas>('canvas').getRootElement().businessObject.name ?? '').trim() : '';
    } catch {
      return '';
    }
  })();
  const fileName = openedFile?.fileName ?? (key === undefined ? opened?.fileName : undefined);
  const title = processName || fileName || key || t('pe.untitled');

  return (
    <section data-testid="process-editor">
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
        <Flex align="center" gap={8} wrap>
          <Link to="/processes" aria-label={t('pe.back')}>
            <ArrowLeftOutlined />
          </Link>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {fileName && fileName !== title && (
            <Typography.Text type="secondary" data-testid="opened-file">
              {fileName}
            </Typography.Text>
          )}
          {dirty && <Tag color="orange">{t('pe.unsaved')}</Tag>}
          {deployed && (
            <Tag color="green" data-testid="deployed">
              {t('pe.deployed', { key: deployed.key, version: deployed.version })}
            </Tag>
          )}
        </Flex>
        {!readOnly && (
          <Flex gap={8} wrap>
            <UndoRedoButtons editor={history} />
            <OpenBpmnFileButton
              onOpen={(xml, fileName) => {
                setProblems([]);
                setDeployed(undefined);
                setKeyTypedByHand(true);
                setOpenedFile((current) => ({ xml, fileName, generation: (current?.generation ?? 0) + 1 }));
              }}
            />
            <Button icon={<DownloadOutlined />} onClick={() => void download()}>
              {t('pe.download')}
            </Button>
            <Button
              type="primary"
              icon={<CloudUploadOutlined />}
              loading={deploying}
              onClick={() => void deploy()}
              data-testid="deploy-process"
            >
              {t('pe.deploy')}
            </Button>
          </Flex>
        )}
      </Flex>
      {readOnly && <Alert type="info" showIcon title={t('pe.phone')} style={{ marginBottom: 12 }} />}
      {source.error !== undefined && (
        <Alert type="error" showIcon title={describeError(source.error, t)} style={{ marginBottom: 12 }} />
      )}
      {loadError !== undefined && (
        <Alert
          type="error"
          showIcon
          title={t('pe.loadFailed', { reason: loadError })}
          style={{ marginBottom: 12 }}
        />
      )}
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="deploy-problems"
          style={{ marginBottom: 12 }}
          title={t('pe.deployFailed')}
          description={
            <List
              size="small"
              dataSource={problems}
              renderItem={(problem, index) => (
                <List.Item key={index} style={{ padding: '2px 0' }}>
                  {problem.elementId === null ? (
                    problem.message
                  ) : (
                    <Button
                      type="link"
                      size="small"
                      style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                      onClick={() => selectElement(problem.elementId ?? '')}
                    >
                      {problem.elementId}: {problem.message}
                    </Button>
                  )}
                </List.Item>
              )}
            />
          }
        />
      )}
      <Flex gap={12} align="stretch">
        <div ref={containerRef} className="cl-process-canvas" data-testid="bpmn-canvas" />
        {!readOnly && (
          <div
            data-testid="properties-panel"
            style={{ width: 360, flex: '0 0 360px', overflowY: 'auto', maxHeight: 'calc(100vh - 220px)' }}
          >
            <Tabs
              size="small"
              items={[
                {
                  key: 'properties',
                  label: t('pe.tab.properties'),
                  children: (
                    <ElementProperties
                      element={selected}
                      revision={revision}
                      service={service}
                      forms={forms}
                      variables={variables}
                      onVariablesChange={setVariables}
                      roles={roles}
                      keyTypedByHand={keyTypedByHand}
                      onKeyTyped={() => setKeyTypedByHand(true)}
                    />
                  ),
                },
                {
                  key: 'simulate',
                  label: t('pe.tab.simulate'),
                  children: (
                    <SimulatePanel
                      key={openedFile?.generation ?? 0}
                      exportXml={exportXml}
                      today={todayText()}
                      onVisited={(ids) => setMarkers(VISITED_MARKER, ids)}
                    />
                  ),
                },
              ]}
            />
          </div>
        )}
      </Flex>
    </section>
  );
}
