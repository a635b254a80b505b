import { Card, Flex, Tag, Typography } from 'antd';
import { useI18n } from '@careloom/app-shell';
import type { InstalledBundle } from '../hooks/useTemplates.js';
import { ContentLinks } from './ContentLinks.js';

export interface InstalledBundleListProps {
  installed: InstalledBundle[];
  userNames: ReadonlyMap<string, string>;
  formIds: ReadonlyMap<string, string>;
}

/** The bundles this home has installed: version, when and by whom, and links to what they brought. */
export function InstalledBundleList({ installed, userNames, formIds }: InstalledBundleListProps) {
  const { t, locale } = useI18n();
  if (installed.length === 0) {
    return <Typography.Paragraph type="secondary">{t('tpl.installed.none')}</Typography.Paragraph>;
  }
  return (
    <Flex vertical gap={12} data-testid="installed-bundles">
      {installed.map((bundle) => (
        <Card
          key={bundle.key}
          size="small"
          data-testid={`installed-${bundle.key}`}
          title={
            <Flex gap={8} wrap align="center" style={{ whiteSpace: 'normal' }}>
              <Typography.Text strong>{bundle.title[locale] || bundle.title['zh-CN']}</Typography.Text>
              <Tag color="green" data-testid="installed-version">
                {t('tpl.version', { version: bundle.version })}
              </Tag>
            </Flex>
          }
        >
          <Flex vertical gap={8}>
            <Flex gap={8} wrap>
              <Typography.Text type="secondary" code>
                {bundle.key}
              </Typography.Text>
              <Typography.Text type="secondary">
                {t('tpl.installed.at', { at: new Date(bundle.installedAt).toLocaleString(locale) })}
              </Typography.Text>
              <Typography.Text type="secondary">
                {t('tpl.installed.by', { name: userNames.get(bundle.installedBy) ?? bundle.installedBy })}
              </Typography.Text>
            </Flex>
            <Typography.Paragraph style={{ margin: 0 }}>
              {bundle.description[locale] || bundle.description['zh-CN']}
            </Typography.Paragraph>
            <ContentLinks contents={bundle.contents} formIds={formIds} linked />
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
