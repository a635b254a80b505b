import { Alert, App, Button, Card, Select, Skeleton, Space, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { unwrap } from '@careloom/api-client';
import { describeError, useApi, useI18n, useSession } from '@careloom/app-shell';
import { CareForm, type FormData } from '@careloom/form-kit';
import { useFormSubmit } from '../../../shared/hooks/useFormSubmit.js';
import { useLatestFormVersion } from '../../records/hooks/useRecords.js';
import { useResidents } from '../../residents/hooks/useResidents.js';
import { isFamilyOnly } from '../../portal/utils/portal-access.util.js';

const INTAKE_FORM = 'complaint-intake';

/**
 * `/work-orders/new[?residentId=]`: the complaint-intake form for a resident, filed as a work order (the
 * intake record and the process start together). A family member's channel is set by the server.
 */
export function NewWorkOrderPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const residentId = params.get('residentId') ?? '';
  const form = useLatestFormVersion(INTAKE_FORM);
  const residents = useResidents({ q: '', status: undefined, page: 1, pageSize: 100 });
  const { saving, serverErrors, submit } = useFormSubmit({ invalidMessage: 'wo.new.invalid' });
  // a family member's pages; someone who is also staff works as staff
  const family = isFamilyOnly(user?.roles ?? []);

  const file = (data: FormData) =>
    submit(async () => {
      const filed = unwrap(await api.POST('/api/work-orders', { body: { residentId, data } }));
      void message.success(t('wo.new.filed', { key: filed.businessKey }));
      void navigate(`/work-orders/${filed.id}`, { replace: true });
    });

  const back = (
    <Link to="/work-orders">
      <ArrowLeftOutlined /> {t('wo.back')}
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
        <Alert type="warning" showIcon title={t('wo.new.notInstalled')} />
      </Space>
    );
  }
  const version = form.data;
  // a family member's channel and complainant are set by the server
  const uiSchema = family
    ? { ...(version.uiSchema ?? {}), channel: { 'ui:widget': 'hidden' }, filedBy: { 'ui:widget': 'hidden' } }
    : version.uiSchema;
  const schema = family
    ? withoutRequired(version.schema, ['channel', 'filedBy', 'complainantName'])
    : version.schema;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {back}
      <Card
        size="small"
        title={
          <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'normal' }}>
            {t('wo.new.title')}
          </Typography.Title>
        }
      >
        <Space orientation="vertical" size="small" style={{ width: '100%', marginBottom: 12 }}>
          <Typography.Text strong id="wo-resident-label">
            {t('wo.new.pickResident')}
          </Typography.Text>
          <Select
            showSearch
            optionFilterProp="label"
            aria-labelledby="wo-resident-label"
            placeholder={t('wo.new.pickPlaceholder')}
            style={{ width: '100%' }}
            loading={residents.loading}
            value={residentId || undefined}
            onChange={(value: string) => setParams({ residentId: value }, { replace: true })}
            options={(residents.data?.items ?? []).map((r) => ({
              value: r.id,
              label: [r.name, [r.room, r.bed].filter(Boolean).join('-')].filter(Boolean).join(' · '),
            }))}
          />
        </Space>
        {residentId && (
          <CareForm
            schema={schema}
            uiSchema={uiSchema}
            locale={locale}
            onSubmit={(data) => void file(data)}
            submitting={saving}
            submitText={t('wo.new.submit')}
            {...(serverErrors ? { extraErrors: serverErrors } : {})}
            actions={
              <Button
                size="large"
                onClick={() => void navigate('/work-orders')}
                style={{ flex: '1 1 100px' }}
              >
                {t('form.cancel')}
              </Button>
            }
          />
        )}
      </Card>
    </Space>
  );
}

function withoutRequired<T>(schema: T, fields: readonly string[]): T {
  const s = schema as { required?: unknown };
  if (!Array.isArray(s.required)) {
    return schema;
  }
  return { ...schema, required: (s.required as string[]).filter((f) => !fields.includes(f)) };
}
