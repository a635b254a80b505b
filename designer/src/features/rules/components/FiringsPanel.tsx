import { useCallback } from 'react';
import { Alert, Button, Flex, List, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { unwrap, type Schemas } from '@careloom/api-client';
import { describeError, useApi, useI18n, useLoader } from '@careloom/app-shell';

type Firing = Schemas['RuleFiringDto'];

const STATUS_COLORS: Record<string, string> = { matched: 'green', failed: 'red', 'depth-limit': 'orange' };

function residentName(firing: Firing): string | undefined {
  const resident = (firing.context as { resident?: { name?: unknown } }).resident;
  return typeof resident?.name === 'string' ? resident.name : undefined;
}

/** The rule's recent firings: when, for whom, the verdict and why (or why it failed). */
export function FiringsPanel({ ruleId }: { ruleId: string }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const load = useCallback(
    async () => unwrap(await api.GET('/api/rules/firings', { params: { query: { ruleId } } })),
    [api, ruleId],
  );
  const { data, error, loading, reload } = useLoader(load);
  return (
    <Flex vertical gap={8} data-testid="firings">
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text type="secondary">{t('rules.firings.help')}</Typography.Text>
        <Button size="small" icon={<ReloadOutlined />} onClick={reload}>
          {t('rules.firings.reload')}
        </Button>
      </Flex>
      {error !== undefined && <Alert type="error" showIcon title={describeError(error, t)} />}
      <List<Firing>
        loading={loading}
        dataSource={data ?? []}
        locale={{ emptyText: t('rules.firings.none') }}
        renderItem={(firing) => (
          <List.Item>
            <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
              <Flex gap={8} wrap align="center">
                <Typography.Text>{new Date(firing.at).toLocaleString(locale)}</Typography.Text>
                <Tag color={STATUS_COLORS[firing.status] ?? 'default'}>
                  {t(`rules.firing.${firing.status}`)}
                </Tag>
                <Tag>v{firing.ruleVersion}</Tag>
                <Typography.Text type="secondary">
                  {residentName(firing) ??
                    (firing.residentId ? firing.residentId.slice(0, 8) : t('rules.firings.noResident'))}
                </Typography.Text>
              </Flex>
              {firing.error && <Typography.Text type="danger">{firing.error}</Typography.Text>}
              {firing.why.length > 0 && (
                <pre style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontSize: 12, margin: 0 }}>
                  {firing.why.join('\n')}
                </pre>
              )}
              {firing.actions.length > 0 && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {firing.actions
                    .map(
                      (outcome) =>
                        `${String(outcome.type)}${outcome.ok === false ? ' ✗' : ' ✓'} ${typeof outcome.detail === 'string' ? outcome.detail : ''}`,
                    )
                    .join('；')}
                </Typography.Text>
              )}
            </Flex>
          </List.Item>
        )}
      />
    </Flex>
  );
}
