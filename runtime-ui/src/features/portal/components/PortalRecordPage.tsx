import { Alert, Card, Skeleton, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { describeError, useI18n } from '@careloom/app-shell';
import { CareRecordView } from '@careloom/form-kit';
import { useRecordWithForm } from '../../records/hooks/useRecords.js';
import { isNotFound } from '../hooks/usePortal.js';
import { NotYours } from './NotYours.js';
import './portal.css';

/** `/records/:id` for a family member: a shared record, read only; anything else is "not found". */
export function PortalRecordPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { data, error, loading } = useRecordWithForm(id);
  if (isNotFound(error)) {
    return <NotYours />;
  }
  if (error !== undefined) {
    return <Alert type="error" showIcon title={describeError(error, t)} />;
  }
  if (!data) {
    return <Skeleton active loading={loading} />;
  }
  const { record, form } = data;
  const back = record.residentId ? `/portal/residents/${record.residentId}` : '/portal';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} className="cl-portal">
      <Link to={back}>
        <ArrowLeftOutlined /> {t('portal.back')}
      </Link>
      <Card
        title={
          <Typography.Title level={3} style={{ margin: 0, whiteSpace: 'normal' }}>
            {form.name[locale]}
          </Typography.Title>
        }
        extra={<Tag color="green">{t('portal.record.shared')}</Tag>}
      >
        <Typography.Paragraph type="secondary">
          {record.residentName} ·{' '}
          {new Date(record.createdAt).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })}
        </Typography.Paragraph>
        <CareRecordView schema={form.schema} uiSchema={form.uiSchema} data={record.data} locale={locale} />
      </Card>
    </Space>
  );
}
