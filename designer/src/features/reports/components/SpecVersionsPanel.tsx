import { Button, List, Tag, Typography } from 'antd';
import { useI18n } from '@careloom/app-shell';

export interface SpecVersions {
  currentVersion: number;
  versions: { version: number; createdAt: string }[];
}

/** Saved versions, newest first; an older one can be loaded into the editor (saving it makes a new version). */
export function SpecVersionsPanel({
  stored,
  loading,
  onLoad,
}: {
  stored: SpecVersions | null;
  loading: number | null;
  onLoad: (version: number) => void;
}) {
  const { t, locale } = useI18n();
  if (!stored) {
    return <Typography.Text type="secondary">{t('reports.versions.none')}</Typography.Text>;
  }
  const versions = [...stored.versions].sort((a, b) => b.version - a.version);
  return (
    <List
      size="small"
      data-testid="spec-versions"
      header={<Typography.Text type="secondary">{t('reports.versions.help')}</Typography.Text>}
      dataSource={versions}
      renderItem={(version) => (
        <List.Item
          actions={[
            <Button
              key="load"
              size="small"
              loading={loading === version.version}
              aria-label={t('reports.versions.loadOf', { version: version.version })}
              onClick={() => onLoad(version.version)}
            >
              {t('reports.versions.load')}
            </Button>,
          ]}
        >
          <Typography.Text strong>v{version.version}</Typography.Text>{' '}
          <Typography.Text type="secondary">
            {new Date(version.createdAt).toLocaleString(locale)}
          </Typography.Text>{' '}
          {version.version === stored.currentVersion && (
            <Tag color="green">{t('reports.versions.current')}</Tag>
          )}
        </List.Item>
      )}
    />
  );
}
