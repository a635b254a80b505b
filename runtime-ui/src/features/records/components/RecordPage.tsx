import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, Skeleton, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { unwrap } from '@careloom/api-client';
import { describeError, useApi, useI18n } from '@careloom/app-shell';
import { CareForm, CareRecordView, type FormData } from '@careloom/form-kit';
import { useFormSubmit } from '../../../shared/hooks/useFormSubmit.js';
import { useRecordWithForm } from '../hooks/useRecords.js';
import { scoreSummary } from '../utils/record-summary.util.js';
import { RevisionHistory } from './RevisionHistory.js';

/** `/records/:id`: a record read with its own form version, edited with its revision, and its history. */
export function RecordPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const { data, error, loading, reload } = useRecordWithForm(id);
  const [editing, setEditing] = useState(false);
  const { saving, serverErrors, conflict, submit, clearServerErrors, clearConflict } = useFormSubmit({
    invalidMessage: 'fill.invalid',
    detectConflict: true,
  });

  const back = (residentId: string | null | undefined) => (
    <Link to={residentId ? `/residents/${residentId}` : '/residents'}>
      <ArrowLeftOutlined /> {t('record.backToResident')}
    </Link>
  );
  if (error !== undefined) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        {back(undefined)}
        <Alert type="error" showIcon title={describeError(error, t)} />
      </Space>
    );
  }
  if (!data) {
    return <Skeleton active loading={loading} />;
  }
  const { record, form } = data;
  const score = scoreSummary(record.scores, locale);
  const when = (iso: string) =>
    new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });

  const save = (next: FormData) =>
    submit(async () => {
      unwrap(
        await api.PATCH('/api/records/{id}', {
          params: { path: { id: record.id } },
          body: { data: next, revision: record.revision },
        }),
      );
      void message.success(t('record.saved'));
      setEditing(false);
      reload();
    });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {back(record.residentId)}
      <Card
        size="small"
        title={
          <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'normal' }}>
            {form.name[locale]}
          </Typography.Title>
        }
        extra={<Tag>{t('record.version', { version: record.formVersion })}</Tag>}
      >
        <Descriptions column={1} size="small" style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('record.createdAt')}>{when(record.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('record.updatedAt')}>
            {when(record.updatedAt)} · {t('record.revision', { revision: record.revision })}
          </Descriptions.Item>
        </Descriptions>
        {score && (
          <Flex align="center" gap={8} wrap style={{ marginBottom: 12 }} data-testid="record-score">
            {score.total !== null && (
              <Typography.Text strong style={{ fontSize: 24 }}>
                {t('records.total', { total: score.total })}
              </Typography.Text>
            )}
            {score.level && (
              <Tag
                color="blue"
                style={score.total === null ? { fontSize: 18, padding: '4px 10px' } : undefined}
              >
                {score.level}
              </Tag>
            )}
          </Flex>
        )}
        {record.masked && (
          <Alert type="info" showIcon title={t('record.masked')} style={{ marginBottom: 12 }} />
        )}
        {conflict && (
          <Alert
            type="warning"
            showIcon
            role="alert"
            title={t('record.conflict')}
            style={{ marginBottom: 12 }}
            action={
              <Button
                size="small"
                onClick={() => {
                  clearConflict();
                  setEditing(false);
                  reload();
                }}
              >
                {t('record.reload')}
              </Button>
            }
          />
        )}
        {editing ? (
          <CareForm
            schema={form.schema}
            uiSchema={form.uiSchema}
            formData={record.data}
            masked={record.masked}
            locale={locale}
            onSubmit={(next) => void save(next)}
            submitting={saving}
            submitText={t('form.save')}
            {...(serverErrors ? { extraErrors: serverErrors } : {})}
            actions={
              <Button
                size="large"
                onClick={() => {
                  setEditing(false);
                  clearServerErrors();
                }}
                style={{ flex: '1 1 100px' }}
              >
                {t('form.cancel')}
              </Button>
            }
          />
        ) : (
          <>
            <CareRecordView
              schema={form.schema}
              uiSchema={form.uiSchema}
              data={record.data}
              locale={locale}
            />
            <Button
              type="primary"
              size="large"
              block
              icon={<EditOutlined />}
              style={{ marginTop: 12 }}
              onClick={() => setEditing(true)}
            >
              {t('record.edit')}
            </Button>
          </>
        )}
      </Card>
      <RevisionHistory
        recordId={record.id}
        revision={record.revision}
        schema={form.schema}
        uiSchema={form.uiSchema}
      />
    </Space>
  );
}
