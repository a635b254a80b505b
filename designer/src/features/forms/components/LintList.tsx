import { Empty, List, Tag, Typography } from 'antd';
import { useI18n } from '@careloom/app-shell';
import type { FieldRef, FormDocument } from '../utils/form-schema.types.js';
import { fieldSchema, labelOf, refOfPointer } from '../utils/form-schema.util.js';
import { schemaPointer, type FieldIssue } from '../utils/field-issues.util.js';

/** Every lint finding and publish error; a click selects the field it is about. */
export function LintList({
  doc,
  issues,
  onSelect,
}: {
  doc: FormDocument;
  issues: readonly FieldIssue[];
  onSelect: (ref: FieldRef) => void;
}) {
  const { t, locale } = useI18n();
  if (issues.length === 0) {
    return <Empty description={t('lint.none')} />;
  }
  return (
    <List
      size="small"
      data-testid="lint-list"
      dataSource={[...issues]}
      renderItem={(issue) => {
        const ref = refOfPointer(schemaPointer(issue.path));
        const schema = ref ? fieldSchema(doc, ref) : undefined;
        return (
          <List.Item
            style={{ cursor: ref ? 'pointer' : undefined }}
            onClick={() => ref && schema && onSelect(ref)}
          >
            <div>
              <Tag color={issue.severity === 'error' ? 'red' : 'orange'}>{t(`lint.${issue.severity}`)}</Tag>
              {ref && (
                <Typography.Text strong>
                  {schema ? labelOf(schema, locale, ref.key) : ref.key}：
                </Typography.Text>
              )}
              <Typography.Text>{issue.message}</Typography.Text>
              {issue.code && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {' '}
                  ({issue.code})
                </Typography.Text>
              )}
            </div>
          </List.Item>
        );
      }}
    />
  );
}
