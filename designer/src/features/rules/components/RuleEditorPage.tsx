import { UndoRedoButtons } from '../../../shared/undo/UndoRedoButtons.js';
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  Row,
  Skeleton,
  Space,
  Switch,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, SaveOutlined } from '@ant-design/icons';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { ApiProblemError, unwrap, type Schemas } from '@careloom/api-client';
import { describeError, useApi, useI18n, useLoader } from '@careloom/app-shell';
import type { BuilderLabels } from '../../../shared/logic-builder/index.js';
import { useRuleEditor } from '../hooks/useRuleEditor.js';
import { useRuleResources } from '../hooks/useRuleResources.js';
import { problemAt, problemsUnder, type FieldProblem } from '../utils/explanation.util.js';
import {
  conditionFields,
  definitionFromState,
  emptyRuleState,
  knownConditionPaths,
  rewriteCondition,
  stateFromDefinition,
} from '../utils/rule-state.util.js';
import type { ContextWindowState, LocalizedText, RuleEditorState } from '../utils/rule.types.js';
import { ActionsEditor } from './ActionsEditor.js';
import { ConditionEditor } from './ConditionEditor.js';
import { ContextWindowsEditor } from './ContextWindowsEditor.js';
import { DryRunPanel } from './DryRunPanel.js';
import { FiringsPanel } from './FiringsPanel.js';
import { RuleVersionsPanel } from './RuleVersionsPanel.js';
import { TriggerEditor } from './TriggerEditor.js';

type Rule = Schemas['RuleDto'];

/** `/rules/:key`: edits a saved rule, or a new one with this key (name from the "new rule" dialog). */
export function RuleEditorPage() {
  const { key = '' } = useParams();
  const { t } = useI18n();
  const api = useApi();
  const location = useLocation();
  const load = useCallback(async () => {
    const summary = unwrap(await api.GET('/api/rules')).find((rule) => rule.key === key);
    return summary
      ? unwrap(await api.GET('/api/rules/{id}', { params: { path: { id: summary.id } } }))
      : null;
  }, [api, key]);
  const { data, error, loading } = useLoader(load);
  if (error !== undefined) {
    return <Alert type="error" showIcon title={describeError(error, t)} />;
  }
  if (loading || data === undefined) {
    return <Skeleton active />;
  }
  const fromDialog = (location.state as { name?: LocalizedText } | null)?.name;
  return (
    <RuleEditor
      key={data?.id ?? `new:${key}`}
      ruleKey={key}
      initial={data}
      initialName={data?.name ?? fromDialog ?? { 'zh-CN': key, en: key }}
    />
  );
}

function RuleEditor({
  ruleKey,
  initial,
  initialName,
}: {
  ruleKey: string;
  initial: Rule | null;
  initialName: LocalizedText;
}) {
  const { t, locale } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const [rule, setRule] = useState<Rule | null>(initial);
  const editor = useRuleEditor(initial ? stateFromDefinition(initial.definition) : emptyRuleState());
  const { state, apply } = editor;
  const [saved, setSaved] = useState<{ state: RuleEditorState; name: LocalizedText } | null>(
    initial ? { state: editor.state, name: initial.name } : null,
  );
  const [name, setName] = useState<LocalizedText>(initialName);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [busy, setBusy] = useState<'save' | 'enable' | null>(null);
  const [tab, setTab] = useState('definition');
  const dirty =
    saved === null || saved.state !== state || JSON.stringify(saved.name) !== JSON.stringify(name);

  const formKeys = useMemo(
    () => [
      ...('formKey' in state.trigger ? [state.trigger.formKey] : []),
      ...state.context.map((window) => window.formKey),
    ],
    [state],
  );
  const processKeys = useMemo(
    () => [
      ...('processKey' in state.trigger && state.trigger.processKey ? [state.trigger.processKey] : []),
      // the processes the rule starts: their tasks' forms are checked against the trigger (rule-loop.util)
      ...state.actions.flatMap((action) => (action.type === 'start-process' ? [action.processKey] : [])),
    ],
    [state.trigger, state.actions],
  );
  const resources = useRuleResources(formKeys, processKeys);
  const recordFormKey =
    'formKey' in state.trigger && state.trigger.type !== 'date-field' ? state.trigger.formKey : '';
  const recordFields = resources.fieldsOf('formKey' in state.trigger ? state.trigger.formKey : '');
  const formName = (key: string): BuilderLabels => {
    const found = resources.forms.find((form) => form.key === key)?.name;
    return found ?? { 'zh-CN': key, en: key };
  };
  const fields = conditionFields(
    'formKey' in state.trigger ? recordFields : [],
    state.context,
    resources.fieldsOf,
    (window: ContextWindowState) => ({
      'zh-CN': `${formName(window.formKey)['zh-CN']}近 ${window.days} 天`,
      en: `${formName(window.formKey).en} (last ${window.days} days)`,
    }),
  );
  const knownPaths = [
    ...knownConditionPaths(recordFields),
    ...(recordFormKey === '' || recordFields.length === 0 ? ['record'] : []),
  ];
  const sourcePaths = fields
    .filter((field) => field.expression === undefined)
    .map((field) => ({ value: field.path, label: field.label[locale] }))
    .concat([{ value: 'resident.id', label: t('rules.residentId') }]);
  const definition = useMemo(() => definitionFromState(state), [state]);

  useEffect(() => {
    if (!dirty) {
      return undefined;
    }
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const update = (patch: Partial<RuleEditorState>, key?: string) => apply({ ...state, ...patch }, key);

  const save = async () => {
    setBusy('save');
    try {
      const next = rule
        ? unwrap(
            await api.PUT('/api/rules/{id}', {
              params: { path: { id: rule.id } },
              body: { name, definition, version: rule.version },
            }),
          )
        : unwrap(await api.POST('/api/rules', { body: { key: ruleKey, name, definition, enabled: true } }));
      setRule(next);
      setSaved({ state, name });
      setProblems([]);
      void message.success(t('rules.saved', { version: next.currentVersion }));
    } catch (e) {
      if (e instanceof ApiProblemError && e.status === 409 && rule) {
        modal.confirm({
          title: t('rules.staleTitle'),
          content: describeError(e, t),
          okText: t('rules.reload'),
          cancelText: t('rules.keepEditing'),
          onOk: async () => {
            const fresh = unwrap(await api.GET('/api/rules/{id}', { params: { path: { id: rule.id } } }));
            const freshState = stateFromDefinition(fresh.definition);
            setRule(fresh);
            editor.reset(freshState);
            setSaved({ state: freshState, name: fresh.name });
            setName(fresh.name);
          },
        });
      } else {
        if (e instanceof ApiProblemError && e.problem.errors?.length) {
          setProblems(
            e.problem.errors.map((p) => ({ path: p.path.replace(/^\/definition/, ''), message: p.message })),
          );
          setTab('definition');
        }
        void message.error(describeError(e, t));
      }
    } finally {
      setBusy(null);
    }
  };

  const setEnabled = async (enabled: boolean) => {
    if (!rule) {
      return;
    }
    setBusy('enable');
    try {
      const path = enabled ? '/api/rules/{id}/enable' : '/api/rules/{id}/disable';
      setRule(unwrap(await api.POST(path, { params: { path: { id: rule.id } } })));
    } catch (e) {
      void message.error(describeError(e, t));
    } finally {
      setBusy(null);
    }
  };

  const nameStatus = (locale: 'zh-CN' | 'en') => {
    const found = problemAt(problems, `/name/${locale}`) ?? problemAt(problems, '/name');
    return found ? { validateStatus: 'error' as const, help: found } : {};
  };
  const keyProblem = problemAt(problems, '/key');
  const section = (title: string, pointer: string, children: React.ReactNode, testId: string) => (
    <Card
      size="small"
      title={title}
      data-testid={testId}
      extra={
        problemsUnder(problems, pointer).length > 0 ? <Tag color="red">{t('rules.hasProblems')}</Tag> : null
      }
    >
      {children}
    </Card>
  );

  const definitionTab = (
    <Row gutter={[12, 12]}>
      <Col xs={24} lg={12}>
        <Flex vertical gap={12}>
          {section(
            t('rules.section.trigger'),
            '/trigger',
            <TriggerEditor
              trigger={state.trigger}
              resources={resources}
              problems={problems}
              onChange={(trigger, key) => update({ trigger }, key && `trigger.${key}`)}
            />,
            'section-trigger',
          )}
          {section(
            t('rules.section.context'),
            '/context',
            <ContextWindowsEditor
              windows={state.context}
              resources={resources}
              problems={problems}
              defaultFormKey={'formKey' in state.trigger ? state.trigger.formKey : ''}
              onChange={(context, key) =>
                update({ context, condition: rewriteCondition(state.condition, state.context, context) }, key)
              }
            />,
            'section-context',
          )}
        </Flex>
      </Col>
      <Col xs={24} lg={12}>
        <Flex vertical gap={12}>
          {section(
            t('rules.section.condition'),
            '/condition',
            <ConditionEditor
              value={state.condition}
              fields={fields}
              knownPaths={knownPaths}
              problems={problemsUnder(problems, '/condition')}
              onChange={(condition) => update({ condition })}
            />,
            'section-condition',
          )}
          {section(
            t('rules.section.actions'),
            '/actions',
            <ActionsEditor
              actions={state.actions}
              trigger={state.trigger}
              resources={resources}
              recordFields={recordFields}
              sourcePaths={sourcePaths}
              problems={problems}
              onChange={(actions, key) => update({ actions }, key)}
            />,
            'section-actions',
          )}
        </Flex>
      </Col>
    </Row>
  );

  return (
    <Flex vertical gap={12} data-testid="rule-editor">
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Flex align="center" gap={8} wrap style={{ minWidth: 0 }}>
          <Link to="/rules" aria-label={t('rules.back')}>
            <ArrowLeftOutlined />
          </Link>
          <Typography.Title level={4} style={{ margin: 0, overflowWrap: 'anywhere' }}>
            {name[locale] || name['zh-CN'] || ruleKey}
          </Typography.Title>
          <Typography.Text code>{ruleKey}</Typography.Text>
          {rule ? <Tag>v{rule.currentVersion}</Tag> : <Tag color="blue">{t('rules.new.tag')}</Tag>}
          {dirty && <Tag color="orange">{t('rules.unsaved')}</Tag>}
        </Flex>
        <Space wrap size={6}>
          {rule && (
            <Flex align="center" gap={4}>
              <Switch
                size="small"
                checked={rule.enabled}
                loading={busy === 'enable'}
                aria-label={t('rules.enabled')}
                onChange={(checked) => void setEnabled(checked)}
                data-testid="rule-enabled"
              />
              <Typography.Text>{t(rule.enabled ? 'rules.enabled.on' : 'rules.enabled.off')}</Typography.Text>
            </Flex>
          )}
          <UndoRedoButtons editor={editor} />
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={busy === 'save'}
            disabled={!dirty || busy !== null}
            onClick={() => void save()}
            data-testid="save-rule"
          >
            {t(rule ? 'rules.saveVersion' : 'rules.saveNew')}
          </Button>
        </Space>
      </Flex>
      {keyProblem && (
        <Alert
          type="error"
          showIcon
          title={keyProblem}
          action={<Button onClick={() => void navigate('/rules')}>{t('rules.back')}</Button>}
        />
      )}
      <Form layout="vertical" component="div">
        <Flex gap={12} wrap>
          <Form.Item
            label={t('rules.nameZh')}
            style={{ flex: '1 1 220px', marginBottom: 0 }}
            {...nameStatus('zh-CN')}
          >
            <Input
              aria-label={t('rules.nameZh')}
              maxLength={100}
              value={name['zh-CN']}
              onChange={(event) => setName({ ...name, 'zh-CN': event.target.value })}
            />
          </Form.Item>
          <Form.Item
            label={t('rules.nameEn')}
            style={{ flex: '1 1 220px', marginBottom: 0 }}
            {...nameStatus('en')}
          >
            <Input
              aria-label={t('rules.nameEn')}
              maxLength={100}
              value={name.en}
              onChange={(event) => setName({ ...name, en: event.target.value })}
            />
          </Form.Item>
        </Flex>
      </Form>
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="rule-problems"
          title={t('rules.problems', { count: problems.length })}
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
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'definition', label: t('rules.tab.definition'), children: definitionTab },
          {
            key: 'dry-run',
            label: t('rules.tab.dryRun'),
            children: <DryRunPanel definition={definition} resources={resources} onProblems={setProblems} />,
          },
          ...(rule
            ? [
                {
                  key: 'firings',
                  label: t('rules.tab.firings'),
                  children: <FiringsPanel ruleId={rule.id} />,
                },
                {
                  key: 'versions',
                  label: t('rules.tab.versions'),
                  children: <RuleVersionsPanel rule={rule} />,
                },
              ]
            : []),
        ]}
      />
    </Flex>
  );
}
