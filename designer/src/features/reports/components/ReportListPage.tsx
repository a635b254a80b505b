import { useCallback, useState } from 'react';
import { Alert, Button, Flex, Form, Input, Modal, Segmented, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { unwrap, type Schemas } from '@careloom/api-client';
import { describeError, useApi, useI18n, useLoader } from '@careloom/app-shell';
import { KEY_PATTERN } from '@careloom/contracts';
import type { LocalizedText } from '../utils/report.types.js';

type ReportSummary = Schemas['ReportSummaryDto'];
type DashboardSummary = Schemas['DashboardSummaryDto'];
type View = 'reports' | 'dashboards';

interface NewSpec {
  key: string;
  titleZh: string;
  titleEn: string;
}

const KEY = new RegExp(KEY_PATTERN);

/** `/reports`: the reports (key, title, version, chart type) and, as a second view, the dashboards; "new". */
export function ReportListPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'dashboards' ? 'dashboards' : 'reports';
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<NewSpec>();
  const load = useCallback(async () => {
    const [reports, dashboards] = await Promise.all([api.GET('/api/reports'), api.GET('/api/dashboards')]);
    return { reports: unwrap(reports), dashboards: unwrap(dashboards) };
  }, [api]);
  const { data, error, loading, reload } = useLoader(load);
  const titleOf = (title: LocalizedText) => title[locale] || title['zh-CN'];

  const create = (values: NewSpec) => {
    const taken =
      view === 'reports'
        ? (data?.reports.some((r) => r.key === values.key) ?? false)
        : (data?.dashboards.some((d) => d.key === values.key) ?? false);
    if (taken) {
      form.setFields([{ name: 'key', errors: [t('reports.keyTaken')] }]);
      return;
    }
    setCreating(false);
    const title = { 'zh-CN': values.titleZh, en: values.titleEn };
    void navigate(view === 'reports' ? `/reports/${values.key}` : `/reports/dashboards/${values.key}`, {
      state: { title },
    });
  };

  return (
    <section data-testid="report-list">
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('reports.title')}
        </Typography.Title>
        <Flex gap={8} wrap>
          <Segmented<View>
            aria-label={t('reports.view')}
            value={view}
            options={[
              { value: 'reports', label: t('reports.view.reports') },
              { value: 'dashboards', label: t('reports.view.dashboards') },
            ]}
            onChange={(next) => setParams(next === 'dashboards' ? { view: next } : {})}
          />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="new-spec"
          >
            {t(view === 'reports' ? 'reports.new' : 'dashboards.new')}
          </Button>
        </Flex>
      </Flex>
      {error !== undefined && (
        <Alert
          type="error"
          showIcon
          title={describeError(error, t)}
          action={<Button onClick={reload}>{t('reports.retry')}</Button>}
          style={{ marginBottom: 12 }}
        />
      )}
      {view === 'reports' ? (
        <Table<ReportSummary>
          rowKey="key"
          size="small"
          loading={loading}
          dataSource={data?.reports ?? []}
          pagination={false}
          scroll={{ x: true }}
          locale={{ emptyText: t('reports.empty') }}
          columns={[
            {
              key: 'title',
              title: t('reports.name'),
              render: (_, report) => <Link to={`/reports/${report.key}`}>{titleOf(report.title)}</Link>,
            },
            {
              key: 'key',
              title: t('reports.key'),
              responsive: ['md'],
              render: (_, report) => <Typography.Text code>{report.key}</Typography.Text>,
            },
            { key: 'version', title: t('reports.version'), render: (_, report) => `v${report.version}` },
            {
              key: 'chart',
              title: t('reports.chartType'),
              render: (_, report) => <Tag>{t(`reports.chart.${report.chartType}`)}</Tag>,
            },
            {
              key: 'source',
              title: t('reports.source.type'),
              responsive: ['lg'],
              render: (_, report) => t(`reports.source.${report.sourceType}`),
            },
          ]}
        />
      ) : (
        <Table<DashboardSummary>
          rowKey="key"
          size="small"
          loading={loading}
          dataSource={data?.dashboards ?? []}
          pagination={false}
          scroll={{ x: true }}
          locale={{ emptyText: t('dashboards.empty') }}
          columns={[
            {
              key: 'title',
              title: t('reports.name'),
              render: (_, dashboard) => (
                <Link to={`/reports/dashboards/${dashboard.key}`}>{titleOf(dashboard.title)}</Link>
              ),
            },
            {
              key: 'key',
              title: t('reports.key'),
              responsive: ['md'],
              render: (_, dashboard) => <Typography.Text code>{dashboard.key}</Typography.Text>,
            },
            {
              key: 'version',
              title: t('reports.version'),
              render: (_, dashboard) => `v${dashboard.version}`,
            },
            {
              key: 'reports',
              title: t('dashboards.reportCount'),
              render: (_, dashboard) => dashboard.reports,
            },
          ]}
        />
      )}
      <Modal
        open={creating}
        title={t(view === 'reports' ? 'reports.new' : 'dashboards.new')}
        okText={t('reports.create')}
        cancelText={t('common.cancel')}
        onOk={() => form.submit()}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <Form<NewSpec> form={form} layout="vertical" onFinish={create} preserve={false}>
          <Form.Item
            name="titleZh"
            label={t('reports.titleZh')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="titleEn"
            label={t('reports.titleEn')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="key"
            label={t('reports.key')}
            extra={t('reports.keyHelp')}
            rules={[
              { required: true, message: t('common.required') },
              { pattern: KEY, message: t('reports.keyInvalid') },
            ]}
          >
            <Input maxLength={64} />
          </Form.Item>
        </Form>
      </Modal>
    </section>
  );
}
