import { useCallback, useState } from 'react';
import { Alert, App, Button, Flex, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { unwrap, type Schemas } from '@careloom/api-client';
import { describeError, fieldErrorsOf, useApi, useI18n, useLoader } from '@careloom/app-shell';
import { emptyDocument } from '../utils/form-edit.util.js';
import { suggestKey } from '../utils/key-suggestion.util.js';

type FormSummary = Schemas['FormSummaryDto'];
interface NewForm {
  key: string;
  nameZh: string;
  nameEn: string;
}

const STATUS_COLORS: Record<FormSummary['status'], string> = {
  draft: 'default',
  published: 'green',
  retired: 'red',
};

/** `/forms`: the forms with their status, latest version and unpublished changes; "new form". */
export function FormListPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<NewForm>();
  const load = useCallback(async () => unwrap(await api.GET('/api/forms')), [api]);
  const { data, error, loading } = useLoader(load);

  const create = async (values: NewForm) => {
    setSaving(true);
    try {
      const doc = emptyDocument(values.nameZh);
      const created = unwrap(
        await api.POST('/api/forms', {
          body: {
            key: values.key,
            name: { 'zh-CN': values.nameZh, en: values.nameEn },
            schema: doc.schema,
            uiSchema: doc.uiSchema,
          },
        }),
      );
      setCreating(false);
      void navigate(`/forms/${created.id}`);
    } catch (e) {
      form.setFields(
        fieldErrorsOf(e).map((field) => ({
          name: field.name.includes('key') ? ('key' as const) : ('nameZh' as const),
          errors: field.errors,
        })),
      );
      void message.error(describeError(e, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('forms.title')}
        </Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          data-testid="new-form"
        >
          {t('forms.new')}
        </Button>
      </Flex>
      {error !== undefined && (
        <Alert type="error" showIcon title={describeError(error, t)} style={{ marginBottom: 12 }} />
      )}
      <Table<FormSummary>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          {
            key: 'name',
            title: t('forms.name'),
            render: (_, f) => <Link to={`/forms/${f.id}`}>{f.name[locale]}</Link>,
          },
          {
            key: 'key',
            title: t('forms.key'),
            responsive: ['md'],
            render: (_, f) => <Typography.Text code>{f.key}</Typography.Text>,
          },
          {
            key: 'status',
            title: t('forms.status'),
            render: (_, f) => (
              <Flex gap={4} wrap>
                <Tag color={STATUS_COLORS[f.status]}>{t(`forms.status.${f.status}`)}</Tag>
                {f.draftChanged && f.status !== 'draft' && (
                  <Tag color="orange">{t('forms.draftChanged')}</Tag>
                )}
              </Flex>
            ),
          },
          {
            key: 'version',
            title: t('forms.latestVersion'),
            render: (_, f) => (f.latestVersion === null ? '—' : `v${f.latestVersion}`),
          },
          {
            key: 'updatedAt',
            title: t('forms.updatedAt'),
            responsive: ['lg'],
            render: (_, f) => new Date(f.updatedAt).toLocaleString(locale),
          },
        ]}
      />
      <Modal
        open={creating}
        title={t('forms.new')}
        okText={t('forms.create')}
        cancelText={t('common.cancel')}
        confirmLoading={saving}
        onOk={() => form.submit()}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <Form<NewForm>
          form={form}
          layout="vertical"
          onFinish={(values) => void create(values)}
          // the key follows the English name until it is typed by hand
          onValuesChange={(changed: Partial<NewForm>) => {
            if (changed.nameEn !== undefined && !form.isFieldTouched('key')) {
              form.setFieldValue('key', suggestKey(changed.nameEn));
            }
          }}
          preserve={false}
        >
          <Form.Item
            name="nameZh"
            label={t('forms.nameZh')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="nameEn"
            label={t('forms.nameEn')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="key"
            label={t('forms.key')}
            extra={t('forms.keyHelp')}
            rules={[
              { required: true, message: t('common.required') },
              { pattern: /^[a-z][a-z0-9-]{1,63}$/, message: t('forms.keyInvalid') },
            ]}
          >
            <Input maxLength={64} />
          </Form.Item>
        </Form>
      </Modal>
    </section>
  );
}
