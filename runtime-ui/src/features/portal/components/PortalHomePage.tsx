import { Alert, Button, Card, Empty, Flex, Skeleton, Space, Typography } from 'antd';
import { FormOutlined, RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { describeError, useI18n } from '@careloom/app-shell';
import { StatusTag } from '../../residents/components/StatusTag.js';
import { usePortalHome, type PortalResident } from '../hooks/usePortal.js';
import { NoticeItem } from './NoticeItem.js';
import { UpdateList } from './UpdateList.js';
import './portal.css';

function ResidentCard({ resident }: { resident: PortalResident }) {
  const { t } = useI18n();
  return (
    <Card
      className="cl-portal-card"
      data-testid="portal-resident"
      title={
        <Typography.Title level={3} style={{ margin: 0, whiteSpace: 'normal' }}>
          {resident.name}
        </Typography.Title>
      }
      extra={<StatusTag status={resident.status} />}
    >
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        {resident.room && (
          <Typography.Text>
            {t('portal.resident.room', { room: resident.room, bed: resident.bed ?? '' })}
          </Typography.Text>
        )}
        {resident.careLevel && (
          <Typography.Text>{t('portal.resident.careLevel', { level: resident.careLevel })}</Typography.Text>
        )}
        <Typography.Text type="secondary">
          {t('portal.resident.relationship', { relationship: resident.relationship })}
        </Typography.Text>
      </Flex>
      <Typography.Title level={4}>{t('portal.updates.title')}</Typography.Title>
      <UpdateList updates={resident.updates} />
      <Flex gap={8} wrap style={{ marginTop: 12 }}>
        <Link to={`/portal/residents/${resident.id}`} style={{ flex: '1 1 160px' }}>
          <Button size="large" block icon={<RightOutlined />}>
            {t('portal.updates.more')}
          </Button>
        </Link>
        <Link
          to={`/work-orders/new?residentId=${encodeURIComponent(resident.id)}`}
          style={{ flex: '1 1 160px' }}
        >
          <Button size="large" type="primary" block icon={<FormOutlined />}>
            {t('portal.request')}
          </Button>
        </Link>
      </Flex>
    </Card>
  );
}

/** `/portal`: a family member's home — each linked resident's latest shared updates, then notices. */
export function PortalHomePage() {
  const { t } = useI18n();
  const { data, error, loading } = usePortalHome();
  if (error !== undefined) {
    return <Alert type="error" showIcon title={describeError(error, t)} />;
  }
  if (!data) {
    return <Skeleton active loading={loading} />;
  }
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} className="cl-portal">
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('portal.title')}
      </Typography.Title>
      {data.residents.length === 0 && <Empty description={t('portal.empty')} />}
      {data.residents.map((resident) => (
        <ResidentCard key={resident.id} resident={resident} />
      ))}
      <section aria-labelledby="portal-notices-title">
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
          <Typography.Title level={3} id="portal-notices-title" style={{ margin: 0 }}>
            {t('portal.notices.latest')}
          </Typography.Title>
          <Link to="/portal/notices">{t('portal.notices.all')}</Link>
        </Flex>
        {data.notices.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('portal.notices.empty')} />
        ) : (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {data.notices.map((notice) => (
              <NoticeItem key={notice.id} notice={notice} />
            ))}
          </Space>
        )}
      </section>
    </Space>
  );
}
