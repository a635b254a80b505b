import { Flex, Tag, Typography } from 'antd';
import type { FieldProps } from '@rjsf/utils';
import type { Labels, ScaleDefinition } from '@careloom/forms';
import { careText } from '../care-form-text.constants.js';
import { localeOf } from './care-form-context.types.js';

interface ScaleResultLike {
  total?: number;
  level?: string | null;
  labels?: Labels | null;
  complete?: boolean;
  missing?: string[];
  subtotals?: Record<string, number>;
}

const LEVEL_COLORS = ['green', 'blue', 'orange', 'red'];

/** The live result of a scored scale (`x-scale`): total, level and section subtotals. */
export function CareScaleResultField(props: FieldProps) {
  const { fieldPathId, registry, schema, uiSchema } = props;
  const formData: unknown = props.formData;
  const locale = localeOf(registry.formContext);
  const result = (typeof formData === 'object' && formData !== null ? formData : {}) as ScaleResultLike;
  const scale = schema['x-scale'] as ScaleDefinition | undefined;
  const title = typeof uiSchema?.['ui:title'] === 'string' ? uiSchema['ui:title'] : schema.title;
  const bandIndex = scale?.bands.findIndex((band) => band.level === result.level) ?? -1;
  const missing = result.missing?.length ?? 0;
  return (
    <section
      id={fieldPathId.$id}
      aria-live="polite"
      data-testid="scale-result"
      style={{
        background: '#fafafa',
        border: '1px solid #f0f0f0',
        borderRadius: 8,
        padding: 12,
        marginBottom: 16,
      }}
    >
      {title && <Typography.Text type="secondary">{title}</Typography.Text>}
      {typeof result.total === 'number' ? (
        <Flex align="center" gap={8} wrap>
          <Typography.Text strong style={{ fontSize: 28 }} data-testid="scale-total">
            {careText(locale, 'points', { score: result.total })}
          </Typography.Text>
          {result.labels && (
            <Tag color={LEVEL_COLORS[bandIndex] ?? 'default'} data-testid="scale-level">
              {result.labels[locale]}
            </Tag>
          )}
        </Flex>
      ) : (
        <div>
          <Typography.Text type="secondary">{careText(locale, 'notScored')}</Typography.Text>
        </div>
      )}
      {missing > 0 && (
        <div>
          <Typography.Text type="warning">{careText(locale, 'missing', { count: missing })}</Typography.Text>
        </div>
      )}
      {scale?.sections && result.subtotals && (
        <Flex gap={12} wrap style={{ marginTop: 4 }}>
          {scale.sections.map((section) => (
            <Typography.Text key={section.id} type="secondary">
              {section.label?.[locale] ?? section.id}: {result.subtotals?.[section.id] ?? 0}
            </Typography.Text>
          ))}
        </Flex>
      )}
    </section>
  );
}
