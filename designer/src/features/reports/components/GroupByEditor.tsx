import { Button, Flex, Select, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useI18n } from '@careloom/app-shell';
import type { ReportField } from '../utils/report-fields.util.js';
import {
  changeGroupKind,
  columnKey,
  columnKeys,
  fieldLabel,
  GROUP_KINDS,
  moved,
  newGroup,
  problemAt,
  type GroupKind,
} from '../utils/report-spec.util.js';
import type {
  DatasetGroupBy,
  LocalizedText,
  ReportSpec,
  SpecProblem,
  TimeBucket,
} from '../utils/report.types.js';
import { RowNaming } from './LabelInputs.js';
import { RowField, SpecRow } from './SpecRow.js';

const BUCKETS: readonly TimeBucket[] = ['day', 'week', 'month', 'quarter'];
export const MAX_GROUPS = 3;

interface GroupByEditorProps {
  spec: ReportSpec;
  fields: readonly ReportField[];
  problems: readonly SpecProblem[];
  /** `rename` = [old key, new key] when a key changed, so the chart follows it. */
  onChange: (groups: DatasetGroupBy[], undoKey?: string, rename?: [string, string]) => void;
}

/** The groupings: by a field, org unit, care level, or a time field bucketed by day/week/month/quarter. */
export function GroupByEditor({ spec, fields, problems, onChange }: GroupByEditorProps) {
  const { t, locale } = useI18n();
  const groups = spec.dataset.groupBy;
  const set = (index: number, group: DatasetGroupBy, undoKey?: string) =>
    onChange(
      groups.map((g, i) => (i === index ? group : g)),
      undoKey && `group.${index}.${undoKey}`,
    );
  const fieldOptions = (wanted: (f: ReportField) => boolean, current: string) => [
    ...fields.filter(wanted).map((f) => ({ value: f.path, label: f.label[locale] })),
    ...(current !== '' && !fields.some((f) => f.path === current)
      ? [{ value: current, label: current }]
      : []),
  ];
  const derived = (group: DatasetGroupBy): LocalizedText => {
    switch (group.by) {
      case 'field':
      case 'time':
        return {
          'zh-CN': fieldLabel(fields, group.field, 'zh-CN'),
          en: fieldLabel(fields, group.field, 'en'),
        };
      case 'org-unit':
        return { 'zh-CN': '组织单元', en: 'Org unit' };
      case 'care-level':
        return { 'zh-CN': '护理等级', en: 'Care level' };
    }
  };
  return (
    <Flex vertical gap={8} data-testid="group-by-editor">
      {groups.length === 0 && <Typography.Text type="secondary">{t('reports.group.none')}</Typography.Text>}
      {groups.map((group, index) => {
        const at = `/dataset/groupBy/${index}`;
        const name = t('reports.group.name', { n: index + 1 });
        const known = (GROUP_KINDS as readonly string[]).includes(group.by);
        return (
          <SpecRow
            key={index}
            name={name}
            index={index}
            count={groups.length}
            problem={problemAt(problems, at, true)}
            testId={`group-row-${index}`}
            onMove={(delta) => onChange(moved(groups, index, delta))}
            onRemove={() => onChange(groups.filter((_, i) => i !== index))}
          >
            <RowField label={t('reports.group.by')}>
              <Select<string>
                size="small"
                aria-label={`${name} ${t('reports.group.by')}`}
                value={group.by}
                options={[
                  ...GROUP_KINDS.map((kind) => ({
                    value: kind,
                    label: t(`reports.group.by.${kind}`),
                  })),
                  ...(known ? [] : [{ value: group.by as string, label: group.by as string }]),
                ]}
                onChange={(kind) => known && set(index, changeGroupKind(group, kind as GroupKind, fields))}
              />
            </RowField>
            {(group.by === 'field' || group.by === 'time') && (
              <RowField label={t('reports.group.field')} grow={2}>
                <Select<string>
                  size="small"
                  showSearch={{ optionFilterProp: 'label' }}
                  aria-label={`${name} ${t('reports.group.field')}`}
                  status={problemAt(problems, `${at}/field`) ? 'error' : undefined}
                  value={group.field || undefined}
                  options={fieldOptions((f) => (group.by === 'time' ? f.type === 'time' : true), group.field)}
                  onChange={(path) => {
                    // a key that was made from the old field follows the new one
                    const others = columnKeys(spec).filter((k) => k !== group.key);
                    const auto = group.key === columnKey(group.field || 'group', others);
                    const key = auto ? columnKey(group.by === 'time' ? 'period' : path, others) : group.key;
                    onChange(
                      groups.map((g, i) => (i === index ? { ...group, field: path, key } : g)),
                      undefined,
                      key !== group.key ? [group.key, key] : undefined,
                    );
                  }}
                />
              </RowField>
            )}
            {group.by === 'time' && (
              <RowField label={t('reports.group.bucket')}>
                <Select<TimeBucket>
                  size="small"
                  aria-label={`${name} ${t('reports.group.bucket')}`}
                  value={group.bucket}
                  options={BUCKETS.map((bucket) => ({ value: bucket, label: t(`reports.bucket.${bucket}`) }))}
                  onChange={(bucket) => set(index, { ...group, bucket })}
                />
              </RowField>
            )}
            <RowNaming
              rowKey={group.key}
              keyInvalid={Boolean(problemAt(problems, `${at}/key`))}
              label={group.label}
              placeholder={derived(group)}
              rowName={name}
              onKey={(next) =>
                onChange(
                  groups.map((g, i) => (i === index ? { ...g, key: next } : g)),
                  `group.${index}.key`,
                  [group.key, next],
                )
              }
              onLabel={(label, key) => {
                const { label: _old, ...rest } = group;
                set(index, label ? { ...rest, label } : rest, key);
              }}
            />
          </SpecRow>
        );
      })}
      <Flex gap={8} wrap>
        <Button
          size="small"
          icon={<PlusOutlined />}
          disabled={groups.length >= MAX_GROUPS}
          data-testid="add-group"
          onClick={() => onChange([...groups, newGroup('field', fields, columnKeys(spec))])}
        >
          {t('reports.group.add')}
        </Button>
        {groups.length >= MAX_GROUPS && (
          <Typography.Text type="secondary">{t('reports.group.max', { n: MAX_GROUPS })}</Typography.Text>
        )}
      </Flex>
    </Flex>
  );
}
