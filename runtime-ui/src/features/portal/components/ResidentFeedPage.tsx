import { Alert, Button, Card, Skeleton, Space, Typography } from 'antd';
import { ArrowLeftOutlined, FormOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { describeError, useI18n } from '@careloom/app-shell';
import { isNotFound, useResidentFeed } from '../hooks/usePortal.js';
import { NotYours } from './NotYours.js';
import { UpdateList } from './UpdateList.js';
import './portal.css';

/** `/portal/residents/:id`: every shared update of one linked resident, older ones on request. */
export function ResidentFeedPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const feed = useResidentFeed(id);
  if (isNotFound(feed.error) || (feed.data && !feed.data.resident)) {
    return <NotYours />;
  }
  if (feed.error !== undefined) {
    return <Alert type="error" showIcon title={describeError(feed.error, t)} />;
  }
  if (!feed.data?.resident) {
    return <Skeleton active loading={feed.loading} />;
  }
  const resident = feed.data.resident;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} className="cl-portal">
      <Link to="/portal">
        <ArrowLeftOutlined /> {t('portal.back')}
      </Link>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('portal.feed.title', { name: resident.name })}
      </Typography.Title>
      <Link to={`/work-orders/new?residentId=${encodeURIComponent(resident.id)}`}>
        <Button size="large" type="primary" icon={<FormOutlined />}>
          {t('portal.request')}
        </Button>
      </Link>
      <Card className="cl-portal-card">
        <UpdateList updates={feed.items} />
        {feed.moreError !== undefined && (
          <Alert type="error" showIcon title={describeError(feed.moreError, t)} />
        )}
        {feed.hasMore ? (
          <Button size="large" block loading={feed.loadingMore} onClick={() => void feed.loadMore()}>
            {t('portal.updates.older')}
          </Button>
        ) : (
          feed.items.length > 0 && (
            <Typography.Paragraph type="secondary" style={{ textAlign: 'center', margin: '12px 0 0' }}>
              {t('portal.updates.end')}
            </Typography.Paragraph>
          )
        )}
      </Card>
    </Space>
  );
}
