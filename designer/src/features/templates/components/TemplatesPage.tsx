import { useState, type ReactNode } from 'react';
import { Alert, Button, Flex, Spin, Tabs, Typography } from 'antd';
import { describeError, useI18n } from '@careloom/app-shell';
import { useTemplates } from '../hooks/useTemplates.js';
import { BundleExportPanel } from './BundleExportPanel.js';
import { BundleImportPanel } from './BundleImportPanel.js';
import { InstalledBundleList } from './InstalledBundleList.js';
import { ShippedTemplateList } from './ShippedTemplateList.js';
import './templates.css';

type TabKey = 'shipped' | 'installed' | 'import' | 'export';

/** `/templates`: shipped templates (one-click import), installed bundles, import a .zip, export a selection. */
export function TemplatesPage() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useTemplates();
  const [tab, setTab] = useState<TabKey>('shipped');

  const body = (content: (loaded: NonNullable<typeof data>) => ReactNode) =>
    data === undefined ? <Spin spinning={loading} /> : content(data);

  return (
    <section data-testid="templates-page" className="tpl-page">
      <Flex vertical gap={4} style={{ marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('tpl.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('tpl.intro')}</Typography.Text>
      </Flex>
      {error !== undefined && (
        <Alert
          type="error"
          showIcon
          title={describeError(error, t)}
          action={<Button onClick={reload}>{t('tpl.retry')}</Button>}
          style={{ marginBottom: 12 }}
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as TabKey)}
        items={[
          {
            key: 'shipped',
            label: t('tpl.tab.shipped'),
            children: body((d) => (
              <ShippedTemplateList shipped={d.shipped} formIds={d.formIds} onImported={reload} />
            )),
          },
          {
            key: 'installed',
            label: `${t('tpl.tab.installed')}${data ? ` (${data.installed.length})` : ''}`,
            children: body((d) => (
              <InstalledBundleList installed={d.installed} userNames={d.userNames} formIds={d.formIds} />
            )),
          },
          {
            key: 'import',
            label: t('tpl.tab.import'),
            children: body((d) => <BundleImportPanel installed={d.installed} onImported={reload} />),
          },
          { key: 'export', label: t('tpl.tab.export'), children: <BundleExportPanel /> },
        ]}
      />
    </section>
  );
}
