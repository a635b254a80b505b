import { Alert, App, Button, Card, Skeleton, Space, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { unwrap } from '@careloom/api-client';
import { describeError, useApi, useI18n } from '@careloom/app-shell';
import { CareForm, type FormData } from '@careloom/form-kit';
import { useFormSubmit } from '../../../shared/hooks/useFormSubmit.js';
import { useResident } from '../../residents/hooks/useResidents.js';
import { useLatestFormVersion } from '../hooks/useRecords.js';

/** `/residents/:id/forms/:formKey/new`: fill the latest published version of a form for a resident. */
export function FillFormPage() {
  const { id = '', formKey = '' } = useParams();
  const { t, locale } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const form = useLatestFormVersion(formKey);
  const resident = useResident(id, false);
  const { saving, serverErrors, submit } = useFormSubmit({ invalidMessage: 'fill.invalid' });

  const save = (data: FormData) =>
    submit(async () => {
      const record = unwrap(await api.POST('/api/records', { body: { formKey, residentId: id, data } }));
      void message.success(t('fill.saved'));
      void navigate(`/records/${record.id}`, { replace: true });
    });

  const back = (
    <Link to={`/residents/${id}`}>
      <ArrowLeftOutlined /> {resident.data ? resident.data.resident.name : t('record.backToResident')}
    </Link>
  );
  if (form.error !== undefined) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        {back}
        <Alert type="error" showIcon title={describeError(form.error, t)} />
      </Space>
    );
  }
  if (form.data === undefined) {
    return <Skeleton active loading={form.loading} />;
  }
  if (form.data === null) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        {back}
        <Alert type="warning" showIcon title={t('fill.notFound', { key: formKey })} />
      </Space>
    );
  }
  const version = form.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {back}
      <Card
        size="small"
        title={
          <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'normal' }}>
            {version.name[locale]}
          </Typography.Title>
        }
      >
        {resident.data && (
          <Typography.Paragraph type="secondary">
            {t('fill.for', { name: resident.data.resident.name })}
          </Typography.Paragraph>
        )}
        <CareForm
          schema={version.schema}
          uiSchema={version.uiSchema}
          locale={locale}
          onSubmit={(data) => void save(data)}
          submitting={saving}
          submitText={t('form.save')}
          {...(serverErrors ? { extraErrors: serverErrors } : {})}
          actions={
            <Button
              size="large"
              onClick={() => void navigate(`/residents/${id}`)}
              style={{ flex: '1 1 100px' }}
            >
              {t('form.cancel')}
            </Button>
          }
        />
      </Card>
    </Space>
  );
}
