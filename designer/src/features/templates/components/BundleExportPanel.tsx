import { useCallback, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Flex, Form, Input, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { unwrap } from '@careloom/api-client';
import { KEY_PATTERN } from '@careloom/contracts';
import { describeError, fieldErrorsOf, useApi, useI18n, useLoader } from '@careloom/app-shell';
import { CONTENT_KINDS, type ContentKind } from '../hooks/useTemplates.js';
import { zipTextFiles } from '../utils/zip.util.js';

interface ExportValues {
  key: string;
  version: string;
  titleZh: string;
  titleEn: string;
  descriptionZh?: string;
  descriptionEn?: string;
}

interface Choice {
  key: string;
  label: string;
  /** Why it cannot be exported (a form never published). */
  disabled?: string;
}

/** Saves bytes as a file through a temporary link. */
function download(bytes: Uint8Array<ArrayBuffer>, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Pick forms, processes, rules, reports and dashboards, name the bundle, download it as a .zip. */
export function BundleExportPanel() {
  const { t, locale } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<ExportValues>();
  const [chosen, setChosen] = useState<Record<ContentKind, string[]>>({
    forms: [],
    processes: [],
    rules: [],
    reports: [],
    dashboards: [],
  });
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  const load = useCallback(async (): Promise<Record<ContentKind, Choice[]>> => {
    const [forms, processes, rules, reports, dashboards] = await Promise.all([
      api.GET('/api/forms'),
      api.GET('/api/processes'),
      api.GET('/api/rules'),
      api.GET('/api/reports'),
      api.GET('/api/dashboards'),
    ]);
    const name = (text: { 'zh-CN': string; en: string }) => text[locale] || text['zh-CN'];
    return {
      forms: unwrap(forms).map((f) => ({
        key: f.key,
        label: name(f.name),
        ...(f.latestVersion === null ? { disabled: t('tpl.export.draftOnly') } : {}),
      })),
      processes: unwrap(processes).map((p) => ({ key: p.key, label: p.name || p.key })),
      rules: unwrap(rules).map((r) => ({ key: r.key, label: name(r.name) })),
      reports: unwrap(reports).map((r) => ({ key: r.key, label: name(r.title) })),
      dashboards: unwrap(dashboards).map((d) => ({ key: d.key, label: name(d.title) })),
    };
  }, [api, locale, t]);
  const { data, error: loadError, loading, reload } = useLoader(load);
  const total = CONTENT_KINDS.reduce((sum, kind) => sum + chosen[kind].length, 0);

  const submit = async (values: ExportValues) => {
    if (total === 0) {
      setError(new Error(t('tpl.export.nothing')));
      return;
    }
    setExporting(true);
    setError(undefined);
    try {
      const { files } = unwrap(
        await api.POST('/api/bundles/export', {
          body: {
            key: values.key,
            version: values.version,
            title: { 'zh-CN': values.titleZh, en: values.titleEn },
            // what the importing home reads in its template manager (the server falls back to the title)
            description: { 'zh-CN': values.descriptionZh ?? '', en: values.descriptionEn ?? '' },
            ...chosen,
          },
        }),
      );
      const fileName = `${values.key}-${values.version}.zip`;
      download(zipTextFiles(files), fileName);
      void message.success(t('tpl.export.done', { file: fileName, count: Object.keys(files).length }));
    } catch (e) {
      form.setFields(
        fieldErrorsOf(e)
          .filter((f) => ['key', 'version'].includes(f.name[0] ?? ''))
          .map((f) => ({ name: f.name[0] as keyof ExportValues, errors: f.errors })),
      );
      setError(e);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Card size="small" title={t('tpl.export.title')} data-testid="bundle-export">
      {loadError !== undefined && (
        <Alert
          type="error"
          showIcon
          title={describeError(loadError, t)}
          action={<Button onClick={reload}>{t('tpl.retry')}</Button>}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form<ExportValues>
        form={form}
        layout="vertical"
        initialValues={{ version: '1.0.0' }}
        onFinish={(values) => void submit(values)}
      >
        <Flex gap={12} wrap>
          <Form.Item
            name="key"
            label={t('tpl.export.key')}
            extra={t('tpl.export.keyHelp')}
            style={{ flex: '1 1 220px' }}
            rules={[
              { required: true, message: t('tpl.required') },
              { pattern: new RegExp(KEY_PATTERN), message: t('tpl.export.keyInvalid') },
            ]}
          >
            <Input maxLength={64} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="version"
            label={t('tpl.export.version')}
            style={{ flex: '0 1 140px' }}
            rules={[
              { required: true, message: t('tpl.required') },
              { pattern: /^\d+\.\d+\.\d+$/, message: t('tpl.export.versionInvalid') },
            ]}
          >
            <Input maxLength={20} autoComplete="off" />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item
            name="titleZh"
            label={t('tpl.export.titleZh')}
            style={{ flex: '1 1 220px' }}
            rules={[{ required: true, message: t('tpl.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="titleEn"
            label={t('tpl.export.titleEn')}
            style={{ flex: '1 1 220px' }}
            rules={[{ required: true, message: t('tpl.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item
            name="descriptionZh"
            label={t('tpl.export.descriptionZh')}
            extra={t('tpl.export.descriptionHelp')}
            style={{ flex: '1 1 220px' }}
          >
            <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
          <Form.Item name="descriptionEn" label={t('tpl.export.descriptionEn')} style={{ flex: '1 1 220px' }}>
            <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
        </Flex>
        <Typography.Title level={5}>{t('tpl.export.choose')}</Typography.Title>
        <Flex vertical gap={12} style={{ marginBottom: 16 }}>
          {CONTENT_KINDS.map((kind) => {
            const choices = data?.[kind] ?? [];
            const enabled = choices.filter((c) => c.disabled === undefined).map((c) => c.key);
            const labelId = `export-${kind}-label`;
            return (
              <fieldset
                key={kind}
                data-testid={`export-${kind}`}
                style={{ border: 0, padding: 0, margin: 0 }}
              >
                <Flex gap={8} align="center" wrap>
                  <legend id={labelId} style={{ fontWeight: 600, margin: 0, width: 'auto' }}>
                    {t(`tpl.kind.${kind}`)}
                  </legend>
                  {enabled.length > 1 && (
                    <Checkbox
                      checked={chosen[kind].length === enabled.length}
                      indeterminate={chosen[kind].length > 0 && chosen[kind].length < enabled.length}
                      onChange={(event) =>
                        setChosen((current) => ({ ...current, [kind]: event.target.checked ? enabled : [] }))
                      }
                    >
                      {t('tpl.export.all')}
                    </Checkbox>
                  )}
                </Flex>
                {choices.length === 0 ? (
                  <Typography.Text type="secondary">{loading ? '…' : t('tpl.export.none')}</Typography.Text>
                ) : (
                  <Checkbox.Group
                    aria-labelledby={labelId}
                    value={chosen[kind]}
                    onChange={(values) => setChosen((current) => ({ ...current, [kind]: values }))}
                    style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 16px', marginTop: 4 }}
                  >
                    {choices.map((choice) => (
                      <Checkbox
                        key={choice.key}
                        value={choice.key}
                        disabled={choice.disabled !== undefined}
                        data-testid={`export-${kind}-${choice.key}`}
                      >
                        {choice.label}{' '}
                        <Typography.Text type="secondary" code>
                          {choice.key}
                        </Typography.Text>
                        {choice.disabled !== undefined && (
                          <Typography.Text type="secondary"> （{choice.disabled}）</Typography.Text>
                        )}
                      </Checkbox>
                    ))}
                  </Checkbox.Group>
                )}
              </fieldset>
            );
          })}
        </Flex>
        {error !== undefined && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={error instanceof Error && !('problem' in error) ? error.message : describeError(error, t)}
            style={{ marginBottom: 12 }}
          />
        )}
        <Button
          type="primary"
          htmlType="submit"
          icon={<DownloadOutlined />}
          loading={exporting}
          data-testid="export-bundle"
        >
          {t('tpl.export.submit')}
        </Button>
      </Form>
    </Card>
  );
}
