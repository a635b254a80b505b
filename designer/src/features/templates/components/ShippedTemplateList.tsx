import { useState } from 'react';
import { Alert, Button, Card, Flex, Tag, Typography } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import { ApiProblemError } from '@careloom/api-client';
import { describeError, useApi, useI18n } from '@careloom/app-shell';
import { importShipped, type ImportReport, type ShippedBundle } from '../hooks/useTemplates.js';
import { versionChange } from '../utils/bundle-upload.util.js';
import { ContentLinks } from './ContentLinks.js';
import { ImportResultView } from './ImportResultView.js';
import { ProblemList } from './ProblemList.js';

export interface ShippedTemplateListProps {
  shipped: ShippedBundle[];
  formIds: ReadonlyMap<string, string>;
  /** Called after each successful import (the lists reload). */
  onImported: () => void;
}

/** The server's `templates/`, in requirement order, each importable with one click. */
export function ShippedTemplateList({ shipped, formIds, onImported }: ShippedTemplateListProps) {
  const { t, locale } = useI18n();
  const api = useApi();
  const [busy, setBusy] = useState<string | null>(null);
  const [results, setResults] = useState<Record<string, ImportReport>>({});
  const [failures, setFailures] = useState<Record<string, unknown>>({});

  const titleOf = (key: string): string => {
    const bundle = shipped.find((b) => b.key === key);
    return bundle ? `${bundle.title[locale] || bundle.title['zh-CN']}` : key;
  };

  const run = async (bundle: ShippedBundle) => {
    setBusy(bundle.key);
    setFailures(({ [bundle.key]: _dropped, ...rest }) => rest);
    try {
      const report = await importShipped(api, bundle.key);
      setResults((current) => ({ ...current, [bundle.key]: report }));
      onImported();
    } catch (error) {
      setFailures((current) => ({ ...current, [bundle.key]: error }));
    } finally {
      setBusy(null);
    }
  };

  if (shipped.length === 0) {
    return <Typography.Paragraph type="secondary">{t('tpl.shipped.none')}</Typography.Paragraph>;
  }
  return (
    <Flex vertical gap={12} data-testid="shipped-templates">
      <Typography.Text type="secondary">{t('tpl.shipped.hint')}</Typography.Text>
      {shipped.map((bundle) => {
        const title = bundle.title[locale] || bundle.title['zh-CN'];
        const change = versionChange(bundle.version, bundle.installedVersion);
        const missing = bundle.unmetRequirements.map((r) => `${titleOf(r.key)} (${r.key} ${r.version})`);
        const failure = failures[bundle.key];
        const result = results[bundle.key];
        const label =
          change.kind === 'new'
            ? t('tpl.shipped.import')
            : change.kind === 'upgrade'
              ? t('tpl.shipped.upgrade', { version: bundle.version })
              : t('tpl.shipped.reimport');
        return (
          <Card
            key={bundle.key}
            size="small"
            data-testid={`shipped-${bundle.key}`}
            title={
              <Flex gap={8} wrap align="center" style={{ whiteSpace: 'normal' }}>
                <Typography.Text strong>{title}</Typography.Text>
                <Tag>{t('tpl.version', { version: bundle.version })}</Tag>
              </Flex>
            }
          >
            <Flex vertical gap={8}>
              <Flex gap={8} wrap align="center" data-testid="shipped-status">
                {change.kind === 'new' ? (
                  <Tag>{t('tpl.shipped.notInstalled')}</Tag>
                ) : change.kind === 'upgrade' ? (
                  <Tag color="orange">
                    {t('tpl.shipped.upgradable', { installed: change.from, version: bundle.version })}
                  </Tag>
                ) : (
                  <Tag color="green">
                    {t('tpl.shipped.installed', { version: bundle.installedVersion ?? '' })}
                  </Tag>
                )}
                <Typography.Text type="secondary" code>
                  {bundle.key}
                </Typography.Text>
              </Flex>
              <Typography.Paragraph style={{ margin: 0 }}>
                {bundle.description[locale] || bundle.description['zh-CN']}
              </Typography.Paragraph>
              {bundle.requires.length > 0 && (
                <Typography.Text type="secondary">
                  {t('tpl.shipped.requires', {
                    list: bundle.requires.map((r) => `${titleOf(r.key)} ${r.version}`).join('、'),
                  })}
                </Typography.Text>
              )}
              <ContentLinks contents={bundle.contents} formIds={formIds} linked={false} />
              {missing.length > 0 && (
                <Alert
                  type="warning"
                  showIcon
                  id={`missing-${bundle.key}`}
                  data-testid={`missing-${bundle.key}`}
                  title={t('tpl.shipped.missing', { list: missing.join('、') })}
                />
              )}
              <div>
                <Button
                  type={change.kind === 'same' ? 'default' : 'primary'}
                  icon={<ImportOutlined />}
                  loading={busy === bundle.key}
                  disabled={missing.length > 0 || (busy !== null && busy !== bundle.key)}
                  aria-label={`${label}：${title}`}
                  aria-describedby={missing.length > 0 ? `missing-${bundle.key}` : undefined}
                  onClick={() => void run(bundle)}
                  data-testid={`import-shipped-${bundle.key}`}
                >
                  {label}
                </Button>
              </div>
              {failure !== undefined && (
                <Alert
                  type="error"
                  showIcon
                  role="alert"
                  title={describeError(failure, t)}
                  description={
                    failure instanceof ApiProblemError && failure.problem.errors?.length ? (
                      <ProblemList errors={failure.problem.errors} />
                    ) : undefined
                  }
                />
              )}
              {result !== undefined && <ImportResultView report={result} title={title} />}
            </Flex>
          </Card>
        );
      })}
    </Flex>
  );
}
