import { useState } from 'react';
import { Button, Card, Flex, Grid, Skeleton, Typography } from 'antd';
import { DownOutlined, FileTextOutlined, UpOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { Schemas } from '@careloom/api-client';
import { useI18n } from '@careloom/app-shell';
import { CareRecordView } from '@careloom/form-kit';
import { useSourceRecord } from '../hooks/useTasks.js';
import { roomBedOf } from '../utils/task-context.util.js';

type Resident = Schemas['ResidentDto'];

/** The task's resident: name (to the 360° page), room and bed. */
export function TaskResident({ residentId, resident }: { residentId: string; resident: Resident | null }) {
  const { t } = useI18n();
  const roomBed = resident ? roomBedOf(resident) : null;
  return (
    <Typography.Text data-testid="task-resident">
      {t('task.resident')}
      <Link to={`/residents/${residentId}`}>{resident?.name ?? t('tasks.residentUnknown')}</Link>
      {roomBed !== null && (
        <Typography.Text type="secondary">
          {' · '}
          {t('taskContext.roomBed', { roomBed })}
        </Typography.Text>
      )}
    </Typography.Text>
  );
}

/**
 * The record that started the task's process (a fall incident a rule turned into this process), read-only with
 * its form's labels and a link to its page. On a phone it is folded behind 查看来源记录 so the task's own form
 * stays in reach; on wider screens it is open. Renders nothing when the instance names no record.
 */
export function SourceRecord({ instanceId }: { instanceId: string | null }) {
  const { t, locale } = useI18n();
  const screens = Grid.useBreakpoint();
  const phone = screens.md !== true;
  const [toggled, setToggled] = useState<boolean | null>(null);
  const { data, loading } = useSourceRecord(instanceId);
  if (!data) {
    return loading && instanceId !== null ? <Skeleton active paragraph={{ rows: 2 }} /> : null;
  }
  const { record, form } = data;
  const open = toggled ?? !phone;
  return (
    <Card
      size="small"
      type="inner"
      data-testid="source-record"
      style={{ marginBottom: 12 }}
      title={
        <Typography.Text strong style={{ whiteSpace: 'normal' }}>
          <FileTextOutlined /> {t('taskContext.startedFrom', { form: form.name[locale] ?? form.key })}
        </Typography.Text>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('taskContext.filledAt', {
          at: new Date(record.createdAt).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' }),
        })}
      </Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: open ? 12 : 0 }}>
        <Button
          onClick={() => setToggled(!open)}
          aria-expanded={open}
          aria-controls="source-record-view"
          icon={open ? <UpOutlined /> : <DownOutlined />}
          data-testid="source-record-toggle"
        >
          {t(open ? 'taskContext.hide' : 'taskContext.show')}
        </Button>
        <Link to={`/records/${record.id}`} data-testid="source-record-link" style={{ alignSelf: 'center' }}>
          {t('taskContext.open')}
        </Link>
      </Flex>
      {open && (
        <div id="source-record-view">
          <CareRecordView schema={form.schema} uiSchema={form.uiSchema} data={record.data} locale={locale} />
        </div>
      )}
    </Card>
  );
}
