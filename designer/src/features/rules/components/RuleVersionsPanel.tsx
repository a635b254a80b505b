import { List, Tag, Typography } from 'antd';
import type { Schemas } from '@careloom/api-client';
import { useI18n } from '@careloom/app-shell';

/** Saved versions, newest first; the current one runs when the rule is enabled. */
export function RuleVersionsPanel({ rule }: { rule: Schemas['RuleDto'] }) {
  const { t, locale } = useI18n();
  const versions = [...rule.versions].sort((a, b) => b.version - a.version);
  return (
    <List
      size="small"
      data-testid="rule-versions"
      header={<Typography.Text type="secondary">{t('rules.versions.help')}</Typography.Text>}
      dataSource={versions}
      renderItem={(version) => (
        <List.Item>
          <Typography.Text strong>v{version.version}</Typography.Text>
          <Typography.Text type="secondary">
            {new Date(version.createdAt).toLocaleString(locale)}
          </Typography.Text>
          {version.version === rule.currentVersion ? (
            <Tag color={rule.enabled ? 'green' : 'default'}>
              {t(rule.enabled ? 'rules.versions.running' : 'rules.versions.currentDisabled')}
            </Tag>
          ) : (
            <span />
          )}
        </List.Item>
      )}
    />
  );
}
