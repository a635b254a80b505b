import { useCallback, useMemo, useState } from 'react';
import { Alert, App, Button, Flex, Form, Input, Modal, Switch, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { unwrap, type Schemas } from '@careloom/api-client';
import { describeError, useApi, useI18n, useLoader } from '@careloom/app-shell';
import { suggestKey } from '../../forms/utils/key-suggestion.util.js';
import { describeTrigger } from '../utils/trigger-summary.util.js';
import type { RuleTrigger } from '../utils/rule.types.js';

type RuleSummary = Schemas['RuleSummaryDto'];

/** Trigger types whose sentence needs nothing but the type and the form. */
const SUMMARISED: ReadonlySet<string> = new Set([
  'record.created',
  'record.updated',
  'record.saved',
  'resident.status-changed',
  'task.completed',
  'task.overdue',
  'process.ended',
]);
interface NewRule {
  key: string;
  nameZh: string;
  nameEn: string;
}

/** The newest firing time per rule id, from the latest firings the server returns. */
function lastFirings(firings: readonly Schemas['RuleFiringDto'][]): Map<string, string> {
  const latest = new Map<string, string>();
  for (const firing of firings) {
    const seen = latest.get(firing.ruleId);
    if (seen === undefined || seen < firing.at) {
      latest.set(firing.ruleId, firing.at);
    }
  }
  return latest;
}

/** `/rules`: rules with their trigger in words, on/off switch, version and last firing; search; "new rule". */
export function RuleListPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const [switching, setSwitching] = useState<string | null>(null);
  const [form] = Form.useForm<NewRule>();
  const load = useCallback(async () => {
    const [rules, forms, firings] = await Promise.all([
      api.GET('/api/rules'),
      api.GET('/api/forms'),
      api.GET('/api/rules/firings'),
    ]);
    return { rules: unwrap(rules), forms: unwrap(forms), firings: lastFirings(unwrap(firings)) };
  }, [api]);
  const { data, error, loading, reload } = useLoader(load);
  const [overrides, setOverrides] = useState<Record<string, boolean>>({});

  const rows = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return (data?.rules ?? []).filter(
      (rule) =>
        needle === '' ||
        rule.key.toLowerCase().includes(needle) ||
        rule.name['zh-CN'].toLowerCase().includes(needle) ||
        rule.name.en.toLowerCase().includes(needle),
    );
  }, [data, search]);

  /** The list knows the trigger's type and form only: sentences for those, the type's name otherwise. */
  const summary = (rule: RuleSummary): string => {
    const forms = data?.forms ?? [];
    if (!SUMMARISED.has(rule.triggerType)) {
      return t(`rules.trigger.${rule.triggerType}`);
    }
    const trigger = { type: rule.triggerType, formKey: rule.triggerFormKey ?? '' } as RuleTrigger;
    return describeTrigger(trigger, locale, { form: (key) => forms.find((f) => f.key === key)?.name });
  };

  const toggle = async (rule: RuleSummary, enabled: boolean) => {
    setSwitching(rule.id);
    try {
      const path = enabled ? '/api/rules/{id}/enable' : '/api/rules/{id}/disable';
      const updated = unwrap(await api.POST(path, { params: { path: { id: rule.id } } }));
      setOverrides((current) => ({ ...current, [rule.id]: updated.enabled }));
      void message.success(t(updated.enabled ? 'rules.enabledNow' : 'rules.disabledNow'));
    } catch (e) {
      void message.error(describeError(e, t));
    } finally {
      setSwitching(null);
    }
  };

  const create = (values: NewRule) => {
    const taken = data?.rules.some((rule) => rule.key === values.key) ?? false;
    if (taken) {
      form.setFields([{ name: 'key', errors: [t('rules.keyTaken')] }]);
      return;
    }
    setCreating(false);
    void navigate(`/rules/${values.key}`, {
      state: { name: { 'zh-CN': values.nameZh, en: values.nameEn } },
    });
  };

  return (
    <section data-testid="rule-list">
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('rules.title')}
        </Typography.Title>
        <Flex gap={8} wrap style={{ flex: '1 1 200px', justifyContent: 'flex-end' }}>
          <Input.Search
            allowClear
            aria-label={t('rules.search')}
            placeholder={t('rules.search')}
            style={{ maxWidth: 260, flex: '1 1 160px' }}
            onChange={(event) => setSearch(event.target.value)}
          />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="new-rule"
          >
            {t('rules.new')}
          </Button>
        </Flex>
      </Flex>
      {error !== undefined && (
        <Alert
          type="error"
          showIcon
          title={describeError(error, t)}
          action={<Button onClick={reload}>{t('rules.retry')}</Button>}
          style={{ marginBottom: 12 }}
        />
      )}
      <Table<RuleSummary>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          {
            key: 'name',
            title: t('rules.name'),
            render: (_, rule) => (
              <Flex vertical>
                <Link to={`/rules/${rule.key}`}>{rule.name[locale] || rule.name['zh-CN']}</Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {summary(rule)}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            key: 'key',
            title: t('rules.key'),
            responsive: ['md'],
            render: (_, rule) => <Typography.Text code>{rule.key}</Typography.Text>,
          },
          {
            key: 'enabled',
            title: t('rules.enabled'),
            render: (_, rule) => (
              <Switch
                size="small"
                aria-label={t('rules.enabledOf', { name: rule.name[locale] })}
                checked={overrides[rule.id] ?? rule.enabled}
                loading={switching === rule.id}
                onChange={(checked) => void toggle(rule, checked)}
                data-testid={`rule-enabled-${rule.key}`}
              />
            ),
          },
          {
            key: 'version',
            title: t('rules.latestVersion'),
            responsive: ['sm'],
            render: (_, rule) => `v${rule.currentVersion}`,
          },
          {
            key: 'lastFiring',
            title: t('rules.lastFiring'),
            responsive: ['lg'],
            render: (_, rule) => {
              const at = data?.firings.get(rule.id);
              return at ? new Date(at).toLocaleString(locale) : '—';
            },
          },
        ]}
      />
      <Modal
        open={creating}
        title={t('rules.new')}
        okText={t('rules.create')}
        cancelText={t('common.cancel')}
        onOk={() => form.submit()}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <Form<NewRule>
          form={form}
          layout="vertical"
          onFinish={create}
          // the key follows the English name until it is typed by hand
          onValuesChange={(changed: Partial<NewRule>) => {
            if (changed.nameEn !== undefined && !form.isFieldTouched('key')) {
              form.setFieldValue('key', suggestKey(changed.nameEn));
            }
          }}
          preserve={false}
        >
          <Form.Item
            name="nameZh"
            label={t('rules.nameZh')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="nameEn"
            label={t('rules.nameEn')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="key"
            label={t('rules.key')}
            extra={t('rules.keyHelp')}
            rules={[
              { required: true, message: t('common.required') },
              { pattern: /^[a-z][a-z0-9-]{1,63}$/, message: t('rules.keyInvalid') },
            ]}
          >
            <Input maxLength={64} />
          </Form.Item>
        </Form>
      </Modal>
    </section>
  );
}
