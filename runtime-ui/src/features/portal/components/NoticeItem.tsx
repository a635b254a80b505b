import { Card, Flex, Tag, Typography } from 'antd';
import { useI18n } from '@careloom/app-shell';
import type { Notice } from '../hooks/usePortal.js';
import { formatFen } from '../utils/money.util.js';

const COLORS: Record<Notice['category'], string> = { notice: 'blue', bill: 'orange', activity: 'green' };

/** One notice, bill or activity; the body is plain text, shown with its line breaks. */
export function NoticeItem({ notice, extra }: { notice: Notice; extra?: React.ReactNode }) {
  const { t, locale } = useI18n();
  const date = (iso: string) => new Date(iso).toLocaleDateString(locale, { dateStyle: 'medium' });
  return (
    <Card
      size="small"
      data-testid="portal-notice"
      title={
        <Flex gap={8} align="center" wrap>
          <Tag color={COLORS[notice.category]}>{t(`portal.notice.category.${notice.category}`)}</Tag>
          <Typography.Text strong style={{ whiteSpace: 'normal' }}>
            {notice.title}
          </Typography.Text>
        </Flex>
      }
      extra={extra}
    >
      {notice.amountFen !== null && (
        <Typography.Paragraph
          strong
          style={{ fontSize: '1.25em', marginBottom: 8 }}
          data-testid="portal-bill-amount"
        >
          {t('portal.notice.amount', { amount: formatFen(notice.amountFen, locale) })}
        </Typography.Paragraph>
      )}
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{notice.body}</Typography.Paragraph>
      <Flex gap={12} wrap>
        {notice.residentName && (
          <Typography.Text type="secondary">
            {t('portal.notice.for', { name: notice.residentName })}
          </Typography.Text>
        )}
        <Typography.Text type="secondary">
          {notice.publishedAt
            ? t('portal.notice.published', { date: date(notice.publishedAt) })
            : t('portal.notice.draft')}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
