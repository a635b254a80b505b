import { useCallback, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Pagination,
  Popconfirm,
  Radio,
  Select,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import { EditOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { unwrap } from '@careloom/api-client';
import { describeError, fieldErrorsOf, useApi, useI18n, useLoader, useSession } from '@careloom/app-shell';
import { useOrgUnits } from '../../residents/hooks/useResidents.js';
import { orgUnitOptions } from '../../residents/utils/org-unit-options.util.js';
import { NOTICES_PAGE, useNotices, type Notice } from '../hooks/usePortal.js';
import { yuanToFen } from '../utils/money.util.js';
import { NoticeItem } from './NoticeItem.js';

type Target = 'home' | 'unit' | 'resident';
type Values = {
  category: Notice['category'];
  title: string;
  body: string;
  target: Target;
  orgUnitId?: string;
  residentId?: string;
  amountYuan?: number;
};

function useResidentOptions(q: string) {
  const api = useApi();
  const load = useCallback(
    async () =>
      unwrap(
        await api.GET('/api/residents', { params: { query: { pageSize: 20, ...(q ? { q } : {}) } } }),
      ).items.map((r) => ({ value: r.id, label: `${r.name}${r.room ? ` · ${r.room}` : ''}` })),
    [api, q],
  );
  return useLoader(load);
}

function NoticeDrawer({
  notice,
  onClose,
  onSaved,
}: {
  notice: Notice | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const { hasRole } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [search, setSearch] = useState('');
  const units = useOrgUnits();
  const residents = useResidentOptions(search);
  const category = Form.useWatch('category', form);
  const target = Form.useWatch('target', form);
  const required = [{ required: true, message: t('form.required') }];
  const initial: Partial<Values> = notice
    ? {
        category: notice.category,
        title: notice.title,
        body: notice.body,
        target: notice.residentId ? 'resident' : notice.orgUnitId ? 'unit' : 'home',
        ...(notice.orgUnitId ? { orgUnitId: notice.orgUnitId } : {}),
        ...(notice.residentId ? { residentId: notice.residentId } : {}),
        ...(notice.amountFen !== null ? { amountYuan: notice.amountFen / 100 } : {}),
      }
    : { category: 'notice', target: 'unit' };
  const residentOptions = [
    ...(notice?.residentId && notice.residentName
      ? [{ value: notice.residentId, label: notice.residentName }]
      : []),
    ...(residents.data ?? []).filter((o) => o.value !== notice?.residentId),
  ];

  const save = async (values: Values) => {
    setSaving(true);
    const body = {
      category: values.category,
      title: values.title,
      body: values.body,
      orgUnitId: values.target === 'unit' ? (values.orgUnitId ?? null) : null,
      residentId: values.target === 'resident' ? (values.residentId ?? null) : null,
      amountFen:
        values.category === 'bill' && values.amountYuan !== undefined ? yuanToFen(values.amountYuan) : null,
    };
    try {
      const saved = notice
        ? unwrap(await api.PATCH('/api/portal/notices/{id}', { params: { path: { id: notice.id } }, body }))
        : unwrap(await api.POST('/api/portal/notices', { body }));
      void message.success(t('notices.saved', { title: saved.title }));
      onSaved();
    } catch (e) {
      const fields = fieldErrorsOf(e).map((f) =>
        f.name[0] === 'amountFen' ? { ...f, name: ['amountYuan'] } : f,
      );
      if (fields.length > 0) {
        form.setFields(fields as Parameters<typeof form.setFields>[0]);
      } else {
        void message.error(describeError(e, t));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      title={notice ? t('notices.edit') : t('notices.new')}
      open
      onClose={onClose}
      size={480}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('form.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="save-notice">
            {t('form.save')}
          </Button>
        </Flex>
      }
    >
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void save(v)}>
        <Form.Item name="category" label={t('notices.field.category')} rules={required}>
          <Radio.Group
            optionType="button"
            options={(['notice', 'bill', 'activity'] as const).map((value) => ({
              value,
              label: t(`portal.notice.category.${value}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('notices.field.title')}
          rules={[...required, { whitespace: true, message: t('form.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="body" label={t('notices.field.body')} rules={required}>
          <Input.TextArea rows={5} maxLength={10000} />
        </Form.Item>
        {category === 'bill' && (
          <Form.Item name="amountYuan" label={t('notices.field.amount')} rules={required}>
            <InputNumber min={0} max={10_000_000} precision={2} prefix="¥" style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="target" label={t('notices.field.target')} rules={required}>
          <Radio.Group
            options={[
              ...(hasRole('admin') ? [{ value: 'home', label: t('notices.target.home') }] : []),
              { value: 'unit', label: t('notices.target.unit') },
              { value: 'resident', label: t('notices.target.resident') },
            ]}
          />
        </Form.Item>
        {target === 'unit' && (
          <Form.Item name="orgUnitId" label={t('notices.field.orgUnit')} rules={required}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={units.loading}
              options={orgUnitOptions(units.data ?? [])}
            />
          </Form.Item>
        )}
        {target === 'resident' && (
          <Form.Item name="residentId" label={t('notices.field.resident')} rules={required}>
            <Select
              showSearch={{ filterOption: false, onSearch: setSearch }}
              placeholder={t('notices.field.residentSearch')}
              loading={residents.loading}
              options={residentOptions}
            />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}

/** `/notices`: admins, front desk and stewards write notices and bills for families, then publish them. */
export function ManageNoticesPage() {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Notice | 'new' | null>(null);
  const { data, error, loading, reload } = useNotices(page);

  const publish = async (notice: Notice) => {
    try {
      unwrap(await api.POST('/api/portal/notices/{id}/publish', { params: { path: { id: notice.id } } }));
      void message.success(t('notices.published', { title: notice.title }));
      reload();
    } catch (e) {
      void message.error(describeError(e, t));
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 760 }}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('notices.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('notices.new')}
        </Button>
      </Flex>
      {error !== undefined && <Alert type="error" showIcon title={describeError(error, t)} />}
      {!data ? (
        <Skeleton active loading={loading} />
      ) : data.items.length === 0 ? (
        <Empty description={t('notices.empty')} />
      ) : (
        data.items.map((notice) => (
          <NoticeItem
            key={notice.id}
            notice={notice}
            extra={
              notice.publishedAt ? undefined : (
                <Flex gap={4}>
                  <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(notice)}>
                    {t('notices.edit')}
                  </Button>
                  <Popconfirm
                    title={t('notices.publishConfirm', { title: notice.title })}
                    onConfirm={() => void publish(notice)}
                  >
                    <Button size="small" type="primary" icon={<SendOutlined />}>
                      {t('notices.publish')}
                    </Button>
                  </Popconfirm>
                </Flex>
              )
            }
          />
        ))
      )}
      {data && data.total > NOTICES_PAGE && (
        <Pagination
          current={page}
          pageSize={NOTICES_PAGE}
          total={data.total}
          onChange={setPage}
          showSizeChanger={false}
          simple
        />
      )}
      {editing !== null && (
        <NoticeDrawer
          notice={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
    </Space>
  );
}
