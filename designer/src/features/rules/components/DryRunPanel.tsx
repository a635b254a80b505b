import { useCallback, useState } from 'react';
import { Alert, Button, Flex, Form, Input, List, Segmented, Select, Tag, Typography } from 'antd';
import { PlayCircleOutlined } from '@ant-design/icons';
import { ApiProblemError, unwrap, type Schemas } from '@careloom/api-client';
import { describeError, useApi, useI18n } from '@careloom/app-shell';
import type { RuleResources } from '../hooks/useRuleResources.js';
import { describeAction } from '../utils/action-summary.util.js';
import { whyLines, type FieldProblem } from '../utils/explanation.util.js';
import type { RuleDefinition } from '../utils/rule.types.js';

type DryRunResult = Schemas['DryRunResultDto'];
type Resident = Schemas['ResidentDto'];

interface DryRunPanelProps {
  definition: RuleDefinition;
  resources: RuleResources;
  /** Problems of the definition the server found (shown where they belong in the editor). */
  onProblems: (problems: FieldProblem[]) => void;
}

function parseObject(text: string): Record<string, unknown> | undefined | 'invalid' {
  if (text.trim() === '') {
    return undefined;
  }
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : 'invalid';
  } catch {
    return 'invalid';
  }
}

/** Runs the unsaved definition against a real resident (and a sample triggering record) or pasted data. */
export function DryRunPanel({ definition, resources, onProblems }: DryRunPanelProps) {
  const { t, locale } = useI18n();
  const api = useApi();
  const [mode, setMode] = useState<'resident' | 'data'>('resident');
  const [residents, setResidents] = useState<Resident[]>([]);
  const [residentId, setResidentId] = useState<string | undefined>();
  const [recordText, setRecordText] = useState('');
  const [dataText, setDataText] = useState('');
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<DryRunResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const search = useCallback(
    async (q: string) => {
      try {
        const page = unwrap(await api.GET('/api/residents', { params: { query: { q, pageSize: 20 } } }));
        setResidents(page.items);
      } catch {
        setResidents([]);
      }
    },
    [api],
  );

  const recordJson = parseObject(recordText);
  const dataJson = parseObject(dataText);
  const inputProblem =
    mode === 'resident'
      ? recordJson === 'invalid'
        ? t('rules.dryRun.recordInvalid')
        : undefined
      : dataJson === 'invalid' || dataJson === undefined
        ? t('rules.dryRun.dataInvalid')
        : undefined;

  const run = async () => {
    setRunning(true);
    setFailure(null);
    try {
      const body: Schemas['DryRunDto'] =
        mode === 'resident'
          ? {
              definition,
              ...(residentId ? { residentId } : {}),
              ...(recordJson && recordJson !== 'invalid' ? { record: recordJson } : {}),
            }
          : // the API types free-form `data` loosely; the panel only sends a parsed JSON object here
            { definition, data: dataJson as Schemas['DryRunDto']['data'] };
      const answer = unwrap(await api.POST('/api/rules/dry-run', { body }));
      setResult(answer);
      onProblems([]);
    } catch (e) {
      setResult(null);
      if (e instanceof ApiProblemError && e.problem.errors?.length) {
        onProblems(
          e.problem.errors.map((p) => ({ path: p.path.replace(/^\/definition/, ''), message: p.message })),
        );
      }
      setFailure(describeError(e, t));
    } finally {
      setRunning(false);
    }
  };

  const roleName = (key: string) => {
    const role = resources.roles.find((r) => r.key === key);
    return role ? (locale === 'zh-CN' ? role.nameZh : role.nameEn) : key;
  };
  const lines = result ? whyLines(result.explanation) : [];

  return (
    <Flex vertical gap={12} data-testid="dry-run">
      <Typography.Text type="secondary">{t('rules.dryRun.help')}</Typography.Text>
      <Segmented<'resident' | 'data'>
        value={mode}
        options={[
          { value: 'resident', label: t('rules.dryRun.byResident') },
          { value: 'data', label: t('rules.dryRun.byData') },
        ]}
        onChange={setMode}
        style={{ alignSelf: 'flex-start' }}
      />
      <Form layout="vertical" component="div">
        {mode === 'resident' ? (
          <>
            <Form.Item label={t('rules.dryRun.resident')}>
              <Select<string>
                aria-label={t('rules.dryRun.resident')}
                data-testid="dry-run-resident"
                allowClear
                showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
                placeholder={t('rules.dryRun.residentPlaceholder')}
                value={residentId}
                onFocus={() => residents.length === 0 && void search('')}
                options={residents.map((resident) => ({
                  value: resident.id,
                  label: `${resident.name}${resident.room ? ` · ${resident.room}${resident.bed ? `-${resident.bed}` : ''}` : ''}`,
                }))}
                onChange={setResidentId}
              />
            </Form.Item>
            <Form.Item label={t('rules.dryRun.record')} extra={t('rules.dryRun.recordHelp')}>
              <Input.TextArea
                aria-label={t('rules.dryRun.record')}
                autoSize={{ minRows: 2, maxRows: 10 }}
                style={{ fontFamily: 'monospace', fontSize: 12 }}
                placeholder='{"fasting": 7.6}'
                value={recordText}
                onChange={(event) => setRecordText(event.target.value)}
              />
            </Form.Item>
          </>
        ) : (
          <Form.Item label={t('rules.dryRun.data')} extra={t('rules.dryRun.dataHelp')}>
            <Input.TextArea
              aria-label={t('rules.dryRun.data')}
              autoSize={{ minRows: 4, maxRows: 16 }}
              style={{ fontFamily: 'monospace', fontSize: 12 }}
              placeholder='{"record": {}, "resident": {}, "context": {"readings": []}}'
              value={dataText}
              onChange={(event) => setDataText(event.target.value)}
            />
          </Form.Item>
        )}
      </Form>
      {inputProblem && <Typography.Text type="danger">{inputProblem}</Typography.Text>}
      <Button
        type="primary"
        icon={<PlayCircleOutlined />}
        loading={running}
        disabled={inputProblem !== undefined}
        onClick={() => void run()}
        style={{ alignSelf: 'flex-start' }}
        data-testid="run-dry-run"
      >
        {t('rules.dryRun.run')}
      </Button>
      {failure && <Alert type="error" showIcon title={failure} />}
      {result && (
        <Flex vertical gap={8} data-testid="dry-run-result">
          <Flex gap={8} align="center" wrap>
            <Typography.Text strong>{t('rules.dryRun.verdict')}</Typography.Text>
            {result.error ? (
              <Tag color="red">{t('rules.verdict.failed')}</Tag>
            ) : (
              <Tag color={result.matched ? 'green' : 'default'} data-testid="dry-run-verdict">
                {t(result.matched ? 'rules.verdict.true' : 'rules.verdict.false')}
              </Tag>
            )}
          </Flex>
          {result.error && <Alert type="error" showIcon title={result.error} />}
          {lines.length > 0 && (
            <div>
              <Typography.Text strong>{t('rules.dryRun.why')}</Typography.Text>
              <pre
                data-testid="dry-run-why"
                style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontSize: 12, margin: '4px 0 0' }}
              >
                {lines.join('\n')}
              </pre>
            </div>
          )}
          <Typography.Text strong>{t('rules.dryRun.actions')}</Typography.Text>
          {result.actions.length === 0 ? (
            <Typography.Text type="secondary">{t('rules.dryRun.noActions')}</Typography.Text>
          ) : (
            <List
              size="small"
              data-testid="dry-run-actions"
              dataSource={result.actions}
              renderItem={(action) => <List.Item>{describeAction(action, locale, roleName)}</List.Item>}
            />
          )}
          {result.data !== undefined && (
            <details>
              <summary>{t('rules.dryRun.data.seen')}</summary>
              <pre style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontSize: 12 }}>
                {JSON.stringify(result.data, null, 2)}
              </pre>
            </details>
          )}
        </Flex>
      )}
    </Flex>
  );
}
