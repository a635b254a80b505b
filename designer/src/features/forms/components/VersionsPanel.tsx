import { useCallback, useMemo, useState } from 'react';
import { Alert, Empty, Flex, List, Select, Skeleton, Tag, Typography } from 'antd';
import { unwrap, type Schemas } from '@careloom/api-client';
import { describeError, useApi, useI18n, useLoader } from '@careloom/app-shell';
import type { FormDocument } from '../utils/form-schema.types.js';
import { diffDocuments, type FieldChange } from '../utils/version-diff.util.js';

type VersionSummary = Schemas['FormVersionSummaryDto'];
type Side = number | 'draft';

interface VersionsPanelProps {
  formId: string;
  versions: readonly VersionSummary[];
  draft: FormDocument;
}

const COLORS: Record<FieldChange['type'], string> = { added: 'green', removed: 'red', changed: 'blue' };

/** The published versions and a readable diff between two of them (or a version and the draft). */
export function VersionsPanel({ formId, versions, draft }: VersionsPanelProps) {
  const { t, locale } = useI18n();
  const api = useApi();
  const latest = versions.reduce<number | undefined>(
    (max, v) => (max === undefined || v.version > max ? v.version : max),
    undefined,
  );
  const [from, setFrom] = useState<Side | undefined>(latest);
  const [to, setTo] = useState<Side>('draft');
  const load = useCallback(async () => {
    const fetchSide = async (side: Side | undefined): Promise<FormDocument | undefined> => {
      if (side === undefined || side === 'draft') {
        return side === 'draft' ? undefined : { schema: {}, uiSchema: {} };
      }
      const version = unwrap(
        await api.GET('/api/forms/{id}/versions/{version}', {
          params: { path: { id: formId, version: side } },
        }),
      );
      return { schema: version.schema, uiSchema: version.uiSchema };
    };
    const [a, b] = await Promise.all([fetchSide(from), fetchSide(to)]);
    return { a, b };
  }, [api, formId, from, to]);
  const { data, error, loading } = useLoader(load);
  const changes = useMemo(
    () => (data ? diffDocuments(data.a ?? draft, data.b ?? draft, locale) : []),
    [data, draft, locale],
  );
  /** Aspect values as words: kinds and yes/no in the locale. */
  const show = (aspect: string, value: string): string => {
    if (value === '') {
      return t('diff.empty');
    }
    if (aspect === 'kind') {
      return t(`kind.${value}`);
    }
    if (aspect === 'required' || aspect === 'sensitive' || aspect === 'indexed') {
      return t(value === 'yes' ? 'common.yes' : 'common.no');
    }
    return value;
  };
  const sides = [
    { value: 'draft' as const, label: t('versions.draft') },
    ...versions.map((v) => ({ value: v.version, label: `v${v.version}` })),
  ];
  return (
    <Flex vertical gap={12} data-testid="versions">
      <List
        size="small"
        bordered
        dataSource={[...versions].sort((a, b) => b.version - a.version)}
        locale={{ emptyText: t('versions.none') }}
        renderItem={(v) => (
          <List.Item>
            <Typography.Text strong>v{v.version}</Typography.Text>
            <Typography.Text type="secondary">
              {t('versions.publishedAt', { at: new Date(v.publishedAt).toLocaleString(locale) })}
            </Typography.Text>
          </List.Item>
        )}
      />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('versions.compare')}
      </Typography.Title>
      <Flex gap={8} align="center" wrap>
        <Select<Side>
          aria-label={t('versions.from')}
          style={{ minWidth: 120 }}
          value={from}
          placeholder={t('versions.empty')}
          options={sides}
          onChange={setFrom}
        />
        →
        <Select<Side>
          aria-label={t('versions.to')}
          style={{ minWidth: 120 }}
          value={to}
          options={sides}
          onChange={setTo}
        />
      </Flex>
      {error !== undefined && <Alert type="error" showIcon title={describeError(error, t)} />}
      {loading && !data ? (
        <Skeleton active />
      ) : changes.length === 0 ? (
        <Empty description={t('versions.same')} />
      ) : (
        <List
          size="small"
          data-testid="version-diff"
          dataSource={changes}
          renderItem={(change) => (
            <List.Item>
              <Flex vertical gap={2} style={{ width: '100%' }}>
                <Flex gap={6} align="center" wrap>
                  <Tag color={COLORS[change.type]}>{t(`versions.${change.type}`)}</Tag>
                  <Typography.Text strong>{change.label}</Typography.Text>
                  <Typography.Text type="secondary" code>
                    {change.path}
                  </Typography.Text>
                </Flex>
                {change.type === 'changed' &&
                  change.changes.map((aspect, i) => (
                    <Typography.Text key={i} style={{ fontSize: 13, paddingInlineStart: 8 }}>
                      {t(`diff.${aspect.aspect}`)}
                      {aspect.before !== '' || aspect.after !== ''
                        ? `：${show(aspect.aspect, aspect.before)} → ${show(aspect.aspect, aspect.after)}`
                        : ''}
                    </Typography.Text>
                  ))}
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Flex>
  );
}
