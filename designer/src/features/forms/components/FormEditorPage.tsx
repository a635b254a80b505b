import { UndoRedoButtons } from '../../../shared/undo/UndoRedoButtons.js';
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Col,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  Modal,
  Popconfirm,
  Row,
  Skeleton,
  Space,
  Switch,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import {
  AppstoreAddOutlined,
  ArrowLeftOutlined,
  CloudUploadOutlined,
  EditOutlined,
  SaveOutlined,
  SettingOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { ApiProblemError, unwrap, type Schemas } from '@careloom/api-client';
import { describeError, useApi, useI18n, useLoader } from '@careloom/app-shell';
import { useFormEditor } from '../hooks/useFormEditor.js';
import { useFormLint } from '../hooks/useFormLint.js';
import type { FieldRef, FormDocument, Labels, PaletteKind } from '../utils/form-schema.types.js';
import { duplicateField, insertFields, moveField, removeField, shiftField } from '../utils/form-edit.util.js';
import {
  fieldSchema,
  isContainerKind,
  kindOf,
  labelOf,
  listFields,
  orderOf,
  sameRef,
} from '../utils/form-schema.util.js';
import { hasFixedKeys, newFieldsFor } from '../utils/palette.constants.js';
import type { DragPayload } from '../utils/drag.types.js';
import { issuesByField, refKey, type FieldIssue } from '../utils/field-issues.util.js';
import { FieldProperties } from './FieldProperties.js';
import { FormCanvas } from './FormCanvas.js';
import { FormPreview } from './FormPreview.js';
import { JsonView } from './JsonView.js';
import { LintList } from './LintList.js';
import { PalettePanel } from './PalettePanel.js';
import { VersionsPanel } from './VersionsPanel.js';

type FormDto = Schemas['FormDto'];

const ROOT_ONLY: ReadonlySet<PaletteKind> = new Set<PaletteKind>([
  'section',
  'table',
  'medications',
  'barthel',
  'morse',
]);

/** `/forms/:id`: the form designer. */
export function FormEditorPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const api = useApi();
  const load = useCallback(
    async () => unwrap(await api.GET('/api/forms/{id}', { params: { path: { id } } })),
    [api, id],
  );
  const { data, error } = useLoader(load);
  if (error !== undefined) {
    return <Alert type="error" showIcon title={describeError(error, t)} />;
  }
  if (!data || data.id !== id) {
    return <Skeleton active />;
  }
  return <FormEditor key={data.id} initial={data} />;
}

function documentOf(form: FormDto): FormDocument {
  return { schema: form.draftSchema, uiSchema: form.draftUiSchema };
}

function FormEditor({ initial }: { initial: FormDto }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const { message, modal } = App.useApp();
  const screens = Grid.useBreakpoint();
  const desk = screens.lg === true;
  const [form, setForm] = useState(initial);
  const editor = useFormEditor(documentOf(initial));
  const { doc, selected, apply, select } = editor;
  const [saved, setSaved] = useState<{ doc: FormDocument; name: Labels }>({
    doc: editor.doc,
    name: initial.name,
  });
  const [name, setName] = useState<Labels>(initial.name);
  const [busy, setBusy] = useState<'save' | 'publish' | 'retire' | null>(null);
  const [publishErrors, setPublishErrors] = useState<{ doc: FormDocument; issues: FieldIssue[] } | null>(
    null,
  );
  const [dragging, setDragging] = useState<DragPayload | null>(null);
  const [tab, setTab] = useState('canvas');
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [propsOpen, setPropsOpen] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const lint = useFormLint(doc.schema, initial.lint);
  const dirty = doc !== saved.doc || JSON.stringify(name) !== JSON.stringify(saved.name);

  const fields = useMemo(() => listFields(doc), [doc]);
  const issues = useMemo<FieldIssue[]>(
    () => [
      ...lint.issues.map((issue) => ({
        severity: issue.severity,
        message: issue.message,
        path: issue.path,
        code: issue.code,
      })),
      ...(publishErrors && publishErrors.doc === doc ? publishErrors.issues : []),
    ],
    [lint.issues, publishErrors, doc],
  );
  const byField = useMemo(() => issuesByField(issues), [issues]);
  const errorCount = issues.filter((issue) => issue.severity === 'error').length;

  useEffect(() => {
    if (!dirty) {
      return undefined;
    }
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const choose = (ref: FieldRef | null) => {
    select(ref);
    setPropsOpen(ref !== null);
  };

  const insert = (kind: PaletteKind, container: string | null, index: number) => {
    const result = insertFields(doc, container, index, newFieldsFor(kind), { fixedKeys: hasFixedKeys(kind) });
    if (result.type === 'conflict') {
      void message.error(t('editor.keysTaken', { keys: result.keys.join(', ') }));
    } else if (result.type === 'refused') {
      void message.warning(t('editor.nested'));
    } else {
      apply(result.doc);
      select(result.refs[0] ?? null);
      setPaletteOpen(false);
    }
  };

  /** Click on a palette item: after the selected field, or at the end of a selected section/table. */
  const addByClick = (kind: PaletteKind) => {
    const current = selected && fieldSchema(doc, selected) ? selected : null;
    let container: string | null = null;
    let index = orderOf(doc, null).length;
    if (current) {
      const schema = fieldSchema(doc, current) ?? {};
      if (current.container === null && isContainerKind(kindOf(schema, {}))) {
        container = current.key;
        index = orderOf(doc, container).length;
      } else {
        container = current.container;
        index = orderOf(doc, container).indexOf(current.key) + 1;
      }
      if (container !== null && ROOT_ONLY.has(kind)) {
        index = orderOf(doc, null).indexOf(container) + 1;
        container = null;
      }
    }
    insert(kind, container, index);
  };

  const drop = (container: string | null, index: number) => {
    const payload = dragging;
    setDragging(null);
    if (!payload) {
      return;
    }
    if (payload.type === 'palette') {
      insert(payload.kind, container, index);
      return;
    }
    const from = orderOf(doc, container).indexOf(payload.ref.key);
    const at = payload.ref.container === container && from >= 0 && from < index ? index - 1 : index;
    apply(moveField(doc, payload.ref, container, at));
    select({ container, key: payload.ref.key });
  };

  const remove = (ref: FieldRef) => {
    apply(removeField(doc, ref));
    if (sameRef(selected, ref)) {
      choose(null);
    }
  };

  const reload = async () => {
    const fresh = unwrap(await api.GET('/api/forms/{id}', { params: { path: { id: form.id } } }));
    setForm(fresh);
    const next = documentOf(fresh);
    editor.reset(next);
    setSaved({ doc: next, name: fresh.name });
    setName(fresh.name);
    return fresh;
  };

  /** Sharing with family is a setting of the form, not of the draft: it is saved at once. */
  const setFamilyVisible = async (familyVisible: boolean) => {
    try {
      const updated = unwrap(
        await api.PUT('/api/forms/{id}/draft', {
          params: { path: { id: form.id } },
          body: { familyVisible, version: form.version },
        }),
      );
      setForm(updated);
      void message.success(t(familyVisible ? 'forms.familyVisibleOn' : 'forms.familyVisibleOff'));
    } catch (e) {
      void message.error(describeError(e, t));
    }
  };

  const save = async (): Promise<boolean> => {
    setBusy('save');
    try {
      const updated = unwrap(
        await api.PUT('/api/forms/{id}/draft', {
          params: { path: { id: form.id } },
          body: { name, schema: doc.schema, uiSchema: doc.uiSchema, version: form.version },
        }),
      );
      setForm(updated);
      setSaved({ doc, name });
      void message.success(t('editor.saved'));
      return true;
    } catch (e) {
      if (e instanceof ApiProblemError && e.status === 409) {
        modal.confirm({
          title: t('editor.staleTitle'),
          content: t('editor.staleText'),
          okText: t('editor.reload'),
          cancelText: t('editor.keepEditing'),
          onOk: () => reload(),
        });
      } else {
        void message.error(describeError(e, t));
      }
      return false;
    } finally {
      setBusy(null);
    }
  };

  const publish = async () => {
    if (dirty && !(await save())) {
      return;
    }
    setBusy('publish');
    try {
      const version = unwrap(
        await api.POST('/api/forms/{id}/publish', { params: { path: { id: form.id } } }),
      );
      setPublishErrors(null);
      void message.success(t('editor.published', { version: version.version }));
      await reload();
    } catch (e) {
      if (e instanceof ApiProblemError && e.problem.errors?.length) {
        setPublishErrors({
          doc,
          issues: e.problem.errors.map((error) => ({
            severity: 'error',
            message: error.message,
            path: error.path,
          })),
        });
        setTab('lint');
      }
      void message.error(describeError(e, t));
    } finally {
      setBusy(null);
    }
  };

  const retire = async () => {
    setBusy('retire');
    try {
      setForm(unwrap(await api.POST('/api/forms/{id}/retire', { params: { path: { id: form.id } } })));
      void message.success(t('editor.retired'));
    } catch (e) {
      void message.error(describeError(e, t));
    } finally {
      setBusy(null);
    }
  };

  const selectedSchema = selected ? fieldSchema(doc, selected) : undefined;
  const properties =
    selected && selectedSchema ? (
      <FieldProperties
        key={refKey(selected)}
        doc={doc}
        fieldRef={selected}
        issues={byField.get(refKey(selected)) ?? []}
        onApply={apply}
        onRenamed={select}
      />
    ) : (
      <Typography.Text type="secondary">{t('props.none')}</Typography.Text>
    );
  const palette = (
    <PalettePanel onAdd={addByClick} onDragStart={setDragging} onDragEnd={() => setDragging(null)} />
  );
  const canvas = (
    <FormCanvas
      fields={fields}
      selected={selected}
      issues={byField}
      dragging={dragging}
      onSelect={choose}
      onDrop={drop}
      onShift={(ref, by) => apply(shiftField(doc, ref, by))}
      onDuplicate={(ref) => {
        const copy = duplicateField(doc, ref);
        apply(copy.doc);
        select(copy.ref);
      }}
      onRemove={remove}
      onDragStart={setDragging}
      onDragEnd={() => setDragging(null)}
    />
  );
  const formIssues = byField.get('') ?? [];

  return (
    <Flex vertical gap={12} data-testid="form-editor">
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Flex align="center" gap={8} wrap style={{ minWidth: 0 }}>
          <Link to="/forms" aria-label={t('editor.back')}>
            <ArrowLeftOutlined />
          </Link>
          <Typography.Title level={4} style={{ margin: 0, overflowWrap: 'anywhere' }}>
            {name[locale]}
          </Typography.Title>
          <Button
            size="small"
            type="text"
            icon={<SettingOutlined />}
            aria-label={t('editor.settings')}
            onClick={() => setSettingsOpen(true)}
          />
          <Tag color={form.status === 'published' ? 'green' : form.status === 'retired' ? 'red' : 'default'}>
            {t(`forms.status.${form.status}`)}
          </Tag>
          {form.latestVersion !== null && <Tag>v{form.latestVersion}</Tag>}
          {dirty ? (
            <Tag color="orange">{t('editor.unsaved')}</Tag>
          ) : (
            form.draftChanged && <Tag color="gold">{t('forms.draftChanged')}</Tag>
          )}
        </Flex>
        <Space wrap size={6}>
          <UndoRedoButtons editor={editor} />
          <Button
            icon={<SaveOutlined />}
            loading={busy === 'save'}
            disabled={!dirty || busy !== null}
            onClick={() => void save()}
            data-testid="save-draft"
          >
            {t('editor.save')}
          </Button>
          <Popconfirm
            title={t('editor.publishConfirm')}
            onConfirm={() => void publish()}
            okText={t('editor.publish')}
            cancelText={t('common.cancel')}
          >
            <Button
              type="primary"
              icon={<CloudUploadOutlined />}
              loading={busy === 'publish'}
              disabled={busy !== null}
              data-testid="publish"
            >
              {t('editor.publish')}
            </Button>
          </Popconfirm>
          {form.status === 'published' && (
            <Popconfirm
              title={t('editor.retireConfirm')}
              onConfirm={() => void retire()}
              okText={t('editor.retire')}
              cancelText={t('common.cancel')}
            >
              <Button danger icon={<StopOutlined />} loading={busy === 'retire'} disabled={busy !== null}>
                {t('editor.retire')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Flex>
      {formIssues.map((issue, i) => (
        <Alert
          key={i}
          type={issue.severity === 'error' ? 'error' : 'warning'}
          showIcon
          title={issue.message}
        />
      ))}
      {!desk && (
        <Flex gap={8}>
          <Button icon={<AppstoreAddOutlined />} onClick={() => setPaletteOpen(true)}>
            {t('editor.addField')}
          </Button>
          <Button icon={<EditOutlined />} disabled={!selectedSchema} onClick={() => setPropsOpen(true)}>
            {t('editor.properties')}
          </Button>
        </Flex>
      )}
      <Row gutter={[12, 12]}>
        {desk && (
          <Col lg={5}>
            <Card
              size="small"
              title={t('editor.palette')}
              styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflowY: 'auto' } }}
            >
              {palette}
            </Card>
          </Col>
        )}
        <Col xs={24} lg={11}>
          <Card size="small">
            <Tabs
              activeKey={tab}
              onChange={setTab}
              size="small"
              items={[
                { key: 'canvas', label: t('editor.tab.canvas'), children: canvas },
                {
                  key: 'preview',
                  label: t('editor.tab.preview'),
                  children: <FormPreview doc={doc} title={name[locale]} />,
                },
                {
                  key: 'json',
                  label: t('editor.tab.json'),
                  children: <JsonView doc={doc} onApply={(next) => apply(next)} />,
                },
                {
                  key: 'lint',
                  label: (
                    <Badge count={errorCount} size="small" offset={[8, 0]}>
                      {t('editor.tab.lint')}
                    </Badge>
                  ),
                  children: <LintList doc={doc} issues={issues} onSelect={choose} />,
                },
                {
                  key: 'versions',
                  label: t('editor.tab.versions'),
                  children: <VersionsPanel formId={form.id} versions={form.versions} draft={doc} />,
                },
              ]}
            />
          </Card>
        </Col>
        {desk && (
          <Col lg={8}>
            <Card
              size="small"
              title={
                selectedSchema && selected
                  ? labelOf(selectedSchema, locale, selected.key)
                  : t('editor.properties')
              }
              styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflowY: 'auto' } }}
            >
              {properties}
            </Card>
          </Col>
        )}
      </Row>
      {!desk && (
        <>
          <Drawer
            open={paletteOpen}
            placement="left"
            size={300}
            title={t('editor.palette')}
            onClose={() => setPaletteOpen(false)}
          >
            {palette}
          </Drawer>
          <Drawer
            open={propsOpen && selectedSchema !== undefined}
            placement="bottom"
            size="80%"
            title={
              selectedSchema && selected
                ? labelOf(selectedSchema, locale, selected.key)
                : t('editor.properties')
            }
            onClose={() => setPropsOpen(false)}
          >
            {properties}
          </Drawer>
        </>
      )}
      <Modal
        open={settingsOpen}
        title={t('editor.settings')}
        onCancel={() => setSettingsOpen(false)}
        onOk={() => setSettingsOpen(false)}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        <Form layout="vertical" component="div">
          <Form.Item label={t('forms.nameZh')}>
            <Input
              aria-label={t('forms.nameZh')}
              value={name['zh-CN']}
              onChange={(e) => setName({ ...name, 'zh-CN': e.target.value })}
            />
          </Form.Item>
          <Form.Item label={t('forms.nameEn')}>
            <Input
              aria-label={t('forms.nameEn')}
              value={name.en}
              onChange={(e) => setName({ ...name, en: e.target.value })}
            />
          </Form.Item>
          <Form.Item label={t('forms.key')}>
            <Typography.Text code>{form.key}</Typography.Text>
          </Form.Item>
          <Form.Item label={t('forms.familyVisible')} extra={t('forms.familyVisibleHelp')}>
            <Switch
              aria-label={t('forms.familyVisible')}
              checked={form.familyVisible}
              onChange={(checked) => void setFamilyVisible(checked)}
              data-testid="form-family-visible"
            />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
