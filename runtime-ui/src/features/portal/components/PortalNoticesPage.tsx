import { useState } from 'react';
import { Alert, Empty, Pagination, Skeleton, Space, Typography } from 'antd';
import { describeError, useI18n } from '@careloom/app-shell';
import { NOTICES_PAGE, useNotices } from '../hooks/usePortal.js';
import { NoticeItem } from './NoticeItem.js';
import './portal.css';

/** `/portal/notices`: the notices, bills and activities published for me, newest first. */
export function PortalNoticesPage() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const { data, error, loading } = useNotices(page);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} className="cl-portal">
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('portal.notices.title')}
      </Typography.Title>
      {error !== undefined && <Alert type="error" showIcon title={describeError(error, t)} />}
      {!data ? (
        <Skeleton active loading={loading} />
      ) : data.items.length === 0 ? (
        <Empty description={t('portal.notices.empty')} />
      ) : (
        <>
          {data.items.map((notice) => (
            <NoticeItem key={notice.id} notice={notice} />
          ))}
          {data.total > NOTICES_PAGE && (
            <Pagination
              current={page}
              pageSize={NOTICES_PAGE}
              total={data.total}
              onChange={setPage}
              showSizeChanger={false}
              simple
            />
          )}
        </>
      )}
    </Space>
  );
}
