import { useCallback, useState } from 'react';
import { Alert, Button, Flex, Table, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { unwrap, type Schemas } from '@careloom/api-client';
import { describeError, useApi, useI18n, useLoader } from '@careloom/app-shell';

type AuditEvent = Schemas['AuditEventDto'];
type Verification = Schemas['ChainVerificationDto'];
const PAGE_SIZE = 50;

export function AuditLogPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const [page, setPage] = useState(1);
  const [verification, setVerification] = useState<Verification | null>(null);
  const [verifyError, setVerifyError] = useState<unknown>(undefined);
  const [verifying, setVerifying] = useState(false);
  const load = useCallback(
    async () =>
      unwrap(await api.GET('/api/audit-events', { params: { query: { page, pageSize: PAGE_SIZE } } })),
    [api, page],
  );
  const { data, error, loading } = useLoader(load);

  const verify = async () => {
    setVerifying(true);
    setVerifyError(undefined);
    try {
      setVerification(unwrap(await api.GET('/api/audit-events/verify')));
    } catch (e) {
      setVerifyError(e);
    } finally {
      setVerifying(false);
    }
  };

  return (
    <section>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('audit.title')}
        </Typography.Title>
        <Button icon={<SafetyCertificateOutlined />} loading={verifying} onClick={() => void verify()}>
          {t('audit.verify')}
        </Button>
      </Flex>
      {verification && (
        <Alert
          showIcon
          style={{ marginBottom: 12 }}
          type={verification.valid ? 'success' : 'error'}
          title={
            verification.valid
              ? t('audit.valid', { checked: verification.checked })
              : t('audit.broken', { at: verification.brokenAt ?? '?', reason: verification.reason ?? '' })
          }
        />
      )}
      {[error, verifyError]
        .filter((e) => e !== undefined)
        .map((e, i) => (
          <Alert key={i} type="error" showIcon title={describeError(e, t)} style={{ marginBottom: 12 }} />
        ))}
      <Table<AuditEvent>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        scroll={{ x: true }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('audit.total', { total }),
          onChange: setPage,
        }}
        columns={[
          { key: 'at', title: t('audit.at'), render: (_, e) => new Date(e.at).toLocaleString(locale) },
          { key: 'actor', title: t('audit.actor'), render: (_, e) => e.actorName ?? '—' },
          {
            key: 'action',
            title: t('audit.action'),
            render: (_, e) => <Typography.Text code>{e.action}</Typography.Text>,
          },
          {
            key: 'entity',
            title: t('audit.entity'),
            render: (_, e) => `${e.entityType} ${e.entityId?.slice(0, 8) ?? ''}`.trim(),
          },
        ]}
      />
    </section>
  );
}
