import { useCallback } from 'react';
import { Alert, Button, Flex, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { unwrap, type Schemas } from '@careloom/api-client';
import { describeError, useApi, useI18n, useLoader } from '@careloom/app-shell';
import { OpenBpmnFileButton } from './OpenBpmnFileButton.js';

type ProcessSummary = Schemas['ProcessSummaryDto'];

/** Router state that hands a diagram to the editor (`/processes/new`). */
export interface OpenedDiagram {
  xml: string;
  fileName: string;
}

/** `/processes`: the deployed processes with their latest version; "new process" and "open file". */
export function ProcessListPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const load = useCallback(async () => unwrap(await api.GET('/api/processes')), [api]);
  const { data, error, loading } = useLoader(load);

  return (
    <section>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('processes.title')}
        </Typography.Title>
        <Flex gap={8} wrap>
          <OpenBpmnFileButton
            onOpen={(xml, fileName) => {
              const state: OpenedDiagram = { xml, fileName };
              void navigate('/processes/new', { state });
            }}
          />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => void navigate('/processes/new')}
            data-testid="new-process"
          >
            {t('processes.new')}
          </Button>
        </Flex>
      </Flex>
      {error !== undefined && (
        <Alert type="error" showIcon title={describeError(error, t)} style={{ marginBottom: 12 }} />
      )}
      <Table<ProcessSummary>
        rowKey="key"
        size="small"
        loading={loading}
        dataSource={data ?? []}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t('processes.empty') }}
        columns={[
          {
            key: 'name',
            title: t('processes.name'),
            render: (_, p) => <Link to={`/processes/${encodeURIComponent(p.key)}`}>{p.name || p.key}</Link>,
          },
          {
            key: 'key',
            title: t('processes.key'),
            responsive: ['md'],
            render: (_, p) => <Typography.Text code>{p.key}</Typography.Text>,
          },
          { key: 'version', title: t('processes.version'), render: (_, p) => `v${p.version}` },
          {
            key: 'deployedAt',
            title: t('processes.deployedAt'),
            responsive: ['lg'],
            render: (_, p) => new Date(p.deployedAt).toLocaleString(locale),
          },
        ]}
      />
    </section>
  );
}
