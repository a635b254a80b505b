import { useState } from 'react';
import { Alert, Card, List, Modal, Skeleton, Tag, Typography } from 'antd';
import { HistoryOutlined } from '@ant-design/icons';
import type { UiSchema } from '@rjsf/utils';
import { describeError, useI18n } from '@careloom/app-shell';
import { CareRecordView } from '@careloom/form-kit';
import { useRevision, useRevisions } from '../hooks/useRecords.js';
import { changedFieldLabels, changedFieldPointers } from '../utils/changed-fields.util.js';

interface RevisionHistoryProps {
  recordId: string;
  /** The record's current revision: the list reloads when it changes. */
  revision: number;
  schema: object;
  uiSchema: UiSchema;
}

/** Who changed what and when; a revision opens with its own data, the changed fields marked. */
export function RevisionHistory({ recordId, revision, schema, uiSchema }: RevisionHistoryProps) {
  const { t, locale } = useI18n();
  const revisions = useRevisions(recordId, revision);
  const [selected, setSelected] = useState<number | null>(null);
  const detail = useRevision(recordId, selected);
  const when = (iso: string) =>
    new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const items = [...(revisions.data ?? [])].sort((a, b) => b.revision - a.revision);
  const shown = detail.data && detail.data.revision === selected ? detail.data : undefined;

  return (
    <Card
      size="small"
      title={
        <span>
          <HistoryOutlined /> {t('record.history')}
        </span>
      }
      data-testid="record-history"
    >
      {revisions.error !== undefined && (
        <Alert type="error" showIcon title={describeError(revisions.error, t)} />
      )}
      <List
        loading={revisions.loading && !revisions.data}
        dataSource={items}
        renderItem={(item) => {
          const fields = item.action === 'created' ? [] : changedFieldLabels(schema, item.diff, locale);
          return (
            <List.Item
              onClick={() => setSelected(item.revision)}
              style={{ cursor: 'pointer' }}
              data-testid={`revision-${item.revision}`}
            >
              <div style={{ minWidth: 0, width: '100%' }}>
                <div>
                  <Tag
                    color={item.action === 'created' ? 'green' : item.action === 'deleted' ? 'red' : 'blue'}
                  >
                    {t(`record.action.${item.action}`)}
                  </Tag>
                  <Typography.Text strong>
                    {t('record.revision', { revision: item.revision })}
                  </Typography.Text>
                </div>
                <Typography.Text type="secondary">
                  {when(item.at)} · {item.actorName}
                </Typography.Text>
                {fields.length > 0 && (
                  <div>
                    <Typography.Text>{t('record.changed', { fields: fields.join('、') })}</Typography.Text>
                  </div>
                )}
              </div>
            </List.Item>
          );
        }}
      />
      <Modal
        open={selected !== null}
        title={selected !== null ? t('record.revision', { revision: selected }) : ''}
        footer={null}
        onCancel={() => setSelected(null)}
        width={560}
      >
        {detail.error !== undefined && <Alert type="error" showIcon title={describeError(detail.error, t)} />}
        {shown ? (
          <>
            <Typography.Paragraph type="secondary">
              {when(shown.at)} · {shown.actorName}
            </Typography.Paragraph>
            <CareRecordView
              schema={schema}
              uiSchema={uiSchema}
              data={shown.data}
              locale={locale}
              highlight={
                new Set(shown.action === 'created' ? [] : changedFieldPointers(schema, shown.diff, true))
              }
            />
          </>
        ) : (
          <Skeleton active />
        )}
      </Modal>
    </Card>
  );
}
