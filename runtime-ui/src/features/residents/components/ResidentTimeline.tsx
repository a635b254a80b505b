import { useState } from 'react';
import { Alert, Button, Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { AlertOutlined, CheckSquareOutlined, FileTextOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { describeError, useI18n } from '@careloom/app-shell';
import { useResidentTimeline } from '../hooks/useResident360.js';
import type { TimelineEntry, TimelineFiring } from '../utils/timeline.util.js';

const COLORS: Record<TimelineEntry['type'], string> = {
  record: '#1677ff',
  task: '#52c41a',
  alert: '#fa541c',
};

function AlertWhy({ firing }: { firing: TimelineFiring }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  if (firing.why.length === 0 && !firing.error) {
    return null;
  }
  return (
    <div>
      <Button
        type="link"
        size="small"
        style={{ padding: 0 }}
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
      >
        {t(open ? 'timeline.whyHide' : 'timeline.why')}
      </Button>
      {open && (
        <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }} data-testid={`why-${firing.id}`}>
          {firing.why.map((line, index) => (
            <li key={index}>
              <Typography.Text style={{ overflowWrap: 'anywhere' }}>{line}</Typography.Text>
            </li>
          ))}
          {firing.error && (
            <li>
              <Typography.Text type="danger">{firing.error}</Typography.Text>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}

/** Records, tasks and rule alerts of one resident, newest first. */
export function ResidentTimeline({ residentId }: { residentId: string }) {
  const { t, locale } = useI18n();
  const { data, error } = useResidentTimeline(residentId);
  const when = (iso: string) =>
    new Date(iso).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' });
  const formName = (key: string) => data?.forms.find((f) => f.key === key)?.name[locale] ?? key;
  const ruleName = (id: string) => data?.rules.find((r) => r.id === id)?.name[locale] ?? t('timeline.rule');

  const body = (entry: TimelineEntry) => {
    switch (entry.type) {
      case 'record':
        return (
          <Link to={`/records/${entry.record.id}`}>
            <Typography.Text strong>{formName(entry.record.formKey)}</Typography.Text>
          </Link>
        );
      case 'task':
        return (
          <Flex gap={6} wrap align="center">
            {entry.task.status === 'open' ? (
              <Link to={`/tasks/${entry.task.id}`}>
                <Typography.Text strong>{entry.task.name}</Typography.Text>
              </Link>
            ) : (
              <Typography.Text strong>{entry.task.name}</Typography.Text>
            )}
            <Tag color={entry.task.status === 'open' ? 'processing' : 'default'}>
              {t(`task.status.${entry.task.status}`)}
            </Tag>
          </Flex>
        );
      case 'alert':
        return (
          <Flex vertical>
            <Flex gap={6} wrap align="center">
              <Typography.Text strong>{ruleName(entry.firing.ruleId)}</Typography.Text>
              {entry.firing.status !== 'matched' && <Tag color="red">{t('timeline.ruleFailed')}</Tag>}
            </Flex>
            <AlertWhy firing={entry.firing} />
          </Flex>
        );
    }
  };
  const icon = (entry: TimelineEntry) =>
    entry.type === 'record' ? (
      <FileTextOutlined />
    ) : entry.type === 'task' ? (
      <CheckSquareOutlined />
    ) : (
      <AlertOutlined />
    );

  return (
    <Card title={t('timeline.title')} size="small" data-testid="resident-timeline">
      {error !== undefined && <Alert type="error" showIcon title={describeError(error, t)} />}
      {data === undefined ? (
        <Skeleton active />
      ) : data.entries.length === 0 ? (
        <Empty description={t('timeline.empty')} />
      ) : (
        <ol style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {data.entries.map((entry) => (
            <li
              key={entry.key}
              data-testid={`timeline-${entry.type}`}
              style={{
                display: 'flex',
                gap: 10,
                padding: '8px 0',
                borderBottom: '1px solid #f0f0f0',
                minWidth: 0,
              }}
            >
              <span style={{ color: COLORS[entry.type], fontSize: 16, lineHeight: '22px' }} aria-hidden>
                {icon(entry)}
              </span>
              <div style={{ flex: 1, minWidth: 0 }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`timeline.type.${entry.type}`)} · {when(entry.at)}
                </Typography.Text>
                <div>{body(entry)}</div>
              </div>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
