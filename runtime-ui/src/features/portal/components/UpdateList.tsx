import { Empty, Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '@careloom/app-shell';
import type { PortalUpdate } from '../hooks/usePortal.js';

/** Shared updates as a readable feed: what, when, and the values in words. */
export function UpdateList({ updates }: { updates: PortalUpdate[] }) {
  const { t, locale } = useI18n();
  if (updates.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('portal.updates.empty')} />;
  }
  return (
    <ol className="cl-portal-feed" aria-label={t('portal.updates.title')}>
      {updates.map((update) => (
        <li key={update.recordId} className="cl-portal-update" data-testid="portal-update">
          <Flex justify="space-between" align="baseline" gap={8} wrap>
            <Link to={`/records/${update.recordId}`}>
              <Typography.Text strong style={{ fontSize: '1.1em' }}>
                {update.formName}
              </Typography.Text>
            </Link>
            <time dateTime={update.createdAt}>
              <Typography.Text type="secondary">
                {new Date(update.createdAt).toLocaleString(locale, {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                })}
              </Typography.Text>
            </time>
          </Flex>
          {update.summary && (
            <Typography.Paragraph style={{ margin: '4px 0 0' }}>{update.summary}</Typography.Paragraph>
          )}
          {update.createdByName && (
            <Typography.Text type="secondary" style={{ fontSize: '0.9em' }}>
              {t('portal.updates.by', { name: update.createdByName })}
            </Typography.Text>
          )}
        </li>
      ))}
    </ol>
  );
}
