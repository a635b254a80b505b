import { useState } from 'react';
import { Alert, Button, Card, Flex, List, Modal, Tag, Typography } from 'antd';
import { FormOutlined, RightOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { describeError, useI18n } from '@careloom/app-shell';
import { RECORDS_PAGE_SIZE, usePublishedForms, useResidentRecords } from '../hooks/useRecords.js';
import { scoreSummary } from '../utils/record-summary.util.js';

/** The resident's records (newest first) and the way to fill a new one. */
export function RecordsCard({ residentId }: { residentId: string }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [picking, setPicking] = useState(false);
  const { data, error, loading } = useResidentRecords(residentId, page);
  const forms = usePublishedForms(picking);
  const formName = (key: string) => {
    const form = data?.forms.find((f) => f.key === key);
    return form ? form.name[locale] : key;
  };
  const when = (iso: string) =>
    new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <Card
      title={t('records.title')}
      size="small"
      data-testid="records-card"
      extra={
        <Button type="primary" icon={<FormOutlined />} onClick={() => setPicking(true)}>
          {t('records.fill')}
        </Button>
      }
    >
      {error !== undefined && <Alert type="error" showIcon title={describeError(error, t)} />}
      <List
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('records.empty') }}
        pagination={
          data && data.total > RECORDS_PAGE_SIZE
            ? {
                current: page,
                pageSize: RECORDS_PAGE_SIZE,
                total: data.total,
                onChange: setPage,
                size: 'small',
              }
            : false
        }
        renderItem={(record) => {
          const score = scoreSummary(record.scores, locale);
          const author = data?.authors.get(record.id);
          return (
            <List.Item>
              <Link
                to={`/records/${record.id}`}
                style={{ display: 'block', width: '100%', color: 'inherit' }}
              >
                <Flex align="center" gap={8}>
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <Typography.Text strong>{formName(record.formKey)}</Typography.Text>
                    <div>
                      <Typography.Text type="secondary">
                        {[when(record.createdAt), author].filter(Boolean).join(' · ')}
                      </Typography.Text>
                    </div>
                    {score && (
                      <Flex gap={4} wrap style={{ marginTop: 4 }}>
                        {score.total !== null && (
                          <Tag color="blue">{t('records.total', { total: score.total })}</Tag>
                        )}
                        {score.level && (
                          <Tag color={score.total === null ? 'blue' : undefined}>{score.level}</Tag>
                        )}
                      </Flex>
                    )}
                  </div>
                  <RightOutlined style={{ color: '#bfbfbf' }} />
                </Flex>
              </Link>
            </List.Item>
          );
        }}
      />
      <Modal
        open={picking}
        title={t('records.pickForm')}
        footer={null}
        onCancel={() => setPicking(false)}
        width={480}
      >
        {forms.error !== undefined && <Alert type="error" showIcon title={describeError(forms.error, t)} />}
        <List
          loading={forms.loading}
          dataSource={forms.data ?? []}
          locale={{ emptyText: t('records.noForms') }}
          renderItem={(form) => (
            <List.Item>
              <Button
                block
                size="large"
                style={{ textAlign: 'start', height: 'auto', minHeight: 48, whiteSpace: 'normal' }}
                onClick={() =>
                  void navigate(`/residents/${residentId}/forms/${encodeURIComponent(form.key)}/new`)
                }
              >
                {form.name[locale]}
              </Button>
            </List.Item>
          )}
        />
      </Modal>
    </Card>
  );
}
