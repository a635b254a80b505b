import { useState } from 'react';
import { Alert, Button, Flex, Form, Input, Table, Typography } from 'antd';
import { DeleteOutlined, PlayCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { unwrap, type Schemas } from '@careloom/api-client';
import { describeError, useApi, useI18n } from '@careloom/app-shell';
import {
  describeVirtualTime,
  parseVariableValue,
  simulationRows,
  simulationStart,
  visitedElements,
  type SimulationRow,
} from '../utils/simulation.util.js';

type Trace = Schemas['SimulationTraceDto'];

export interface SimulatePanelProps {
  /** The diagram as it is now. */
  exportXml: () => Promise<string>;
  /** Called with the elements the run entered (or an empty list to clear the highlight). */
  onVisited: (elementIds: string[]) => void;
  /** Today as YYYY-MM-DD, the default start date. */
  today: string;
}

interface VariableRow {
  name: string;
  value: string;
}

/** Runs the diagram on the server's engine with a virtual clock and lists what appears on which day. */
export function SimulatePanel({ exportXml, onVisited, today }: SimulatePanelProps) {
  const { t, locale } = useI18n();
  const api = useApi();
  const [date, setDate] = useState(today);
  const [variables, setVariables] = useState<VariableRow[]>([]);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<{ trace: Trace; rows: SimulationRow[] } | undefined>();
  const [error, setError] = useState<string | undefined>();

  const run = async () => {
    setRunning(true);
    setError(undefined);
    try {
      const start = simulationStart(date);
      const values = Object.fromEntries(
        variables
          .filter((row) => row.name.trim() !== '')
          .map((row) => [row.name.trim(), parseVariableValue(row.value)]),
      );
      const trace = unwrap(
        await api.POST('/api/processes/simulate', {
          body: { xml: await exportXml(), start, script: { variables: values } },
        }),
      );
      setResult({ trace, rows: simulationRows(start, trace.effects) });
      onVisited(visitedElements(trace.effects));
    } catch (e) {
      setResult(undefined);
      onVisited([]);
      setError(describeError(e, t));
    } finally {
      setRunning(false);
    }
  };

  const update = (index: number, patch: Partial<VariableRow>) =>
    setVariables((rows) => rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  const describeRow = (row: SimulationRow): string => {
    switch (row.type) {
      case 'task':
        return t('pe.sim.task', { name: row.name });
      case 'service':
        return t('pe.sim.service', { name: row.name });
      case 'incident':
        return t('pe.sim.incident', { name: row.name });
      case 'ended':
        return t('pe.sim.ended', { name: row.name });
    }
  };
  const traceError = result?.trace.error;

  return (
    <Flex vertical gap={12} data-testid="simulate-panel">
      <Form layout="vertical" size="small">
        <Form.Item label={t('pe.sim.start')}>
          <Input
            type="date"
            aria-label={t('pe.sim.start')}
            value={date}
            onChange={(event) => setDate(event.target.value)}
          />
        </Form.Item>
        <Typography.Text strong>{t('pe.sim.variables')}</Typography.Text>
        <Flex vertical gap={6} style={{ marginTop: 6 }}>
          {variables.map((row, index) => (
            <Flex key={index} gap={6}>
              <Input
                aria-label={t('pe.props.variableName')}
                value={row.name}
                placeholder="admissionDate"
                onChange={(event) => update(index, { name: event.target.value })}
              />
              <Input
                aria-label={t('pe.sim.value')}
                value={row.value}
                onChange={(event) => update(index, { value: event.target.value })}
              />
              <Button
                icon={<DeleteOutlined />}
                aria-label="delete"
                onClick={() => setVariables((rows) => rows.filter((_, i) => i !== index))}
              />
            </Flex>
          ))}
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setVariables((rows) => [...rows, { name: '', value: '' }])}
          >
            {t('pe.props.addVariable')}
          </Button>
        </Flex>
      </Form>
      <Button
        type="primary"
        icon={<PlayCircleOutlined />}
        loading={running}
        onClick={() => void run()}
        disabled={date === ''}
        data-testid="run-simulation"
      >
        {t('pe.sim.run')}
      </Button>
      {error !== undefined && <Alert type="error" showIcon title={t('pe.sim.error', { message: error })} />}
      {result && (
        <>
          <Alert
            type={result.trace.stopped === 'finished' ? 'success' : 'warning'}
            showIcon
            title={t('pe.sim.stopped', { stopped: result.trace.stopped, status: result.trace.status })}
            description={
              traceError && typeof traceError.message === 'string' ? traceError.message : undefined
            }
          />
          <Table<SimulationRow>
            data-testid="simulation-table"
            size="small"
            pagination={false}
            rowKey={(row) => `${row.at}-${row.type}-${row.elementId ?? ''}-${row.name}`}
            dataSource={result.rows}
            columns={[
              {
                key: 'when',
                title: t('pe.sim.when'),
                width: 120,
                render: (_, row) => describeVirtualTime(row, locale),
              },
              { key: 'what', title: t('pe.sim.what'), render: (_, row) => describeRow(row) },
            ]}
          />
        </>
      )}
    </Flex>
  );
}
