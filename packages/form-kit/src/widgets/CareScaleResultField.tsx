import { Flex, Tag, Typography } from 'antd';
import type { FieldProps } from '@rjsf/utils';
import type { Labels, Locale } from '@careloom/forms';
import { careText } from '../care-form-text.constants.js';
import { gradeText, isScaleDefinition, summarizeScale, type ScaleSummary } from '../scale-summary.util.js';
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
const LEVEL_TEXT_COLORS = ['#389e0d', '#0958d9', '#d46b08', '#cf1322'];

/** A colour per grade, best (green) to worst. */
function gradeColor(index: number): string {
  return LEVEL_COLORS[index] ?? 'default';
}

/**
 * A scale whose sections are graded (MZ/T 039-2013): the overall level large, each domain's grade with its
 * subtotal, the adjustments that applied; the item-score sum small (the standard does not use it).
 */
function GradedResult({ summary, locale }: { summary: ScaleSummary; locale: Locale }) {
  return (
    <>
      <div>
        {summary.levelLabel ? (
          <Typography.Text
            strong
            style={{ fontSize: 24, color: LEVEL_TEXT_COLORS[Math.min(summary.levelIndex, 3)] }}
            data-testid="scale-level"
          >
            {summary.levelLabel}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary" data-testid="scale-level">
            {careText(locale, 'notGraded')}
          </Typography.Text>
        )}
      </div>
      <ul style={{ listStyle: 'none', margin: '4px 0', padding: 0 }} data-testid="scale-grades">
        {summary.domains.map((domain) => (
          <li key={domain.id} data-testid={`scale-grade-${domain.id}`} style={{ padding: '2px 0' }}>
            <Flex align="center" gap={6} wrap>
              <Typography.Text>{domain.label}</Typography.Text>
              {domain.grade === null ? (
                <Typography.Text type="secondary">{careText(locale, 'notGraded')}</Typography.Text>
              ) : (
                <Tag color={gradeColor(domain.grade)} style={{ marginInlineEnd: 0 }}>
                  {gradeText(domain, locale)}
                </Tag>
              )}
              {domain.subtotal !== null && (
                <Typography.Text type="secondary">
                  {careText(locale, 'points', { score: domain.subtotal })}
                </Typography.Text>
              )}
            </Flex>
          </li>
        ))}
      </ul>
      {summary.adjustments.map((reason) => (
        <div key={reason}>
          <Typography.Text type="warning">{careText(locale, 'adjusted', { reason })}</Typography.Text>
        </div>
      ))}
      {summary.total !== null && (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="scale-item-sum">
            {careText(locale, 'itemSum', { score: summary.total })}
          </Typography.Text>
        </div>
      )}
    </>
  );
}

/** The live result of a scored scale (`x-scale`): total, level and section subtotals, or graded domains. */
export function CareScaleResultField(props: FieldProps) {
  const { fieldPathId, registry, schema, uiSchema } = props;
  const formData: unknown = props.formData;
  const locale = localeOf(registry.formContext);
  const result = (typeof formData === 'object' && formData !== null ? formData : {}) as ScaleResultLike;
  const definition: unknown = schema['x-scale'];
  const scale = isScaleDefinition(definition) ? definition : undefined;
  const title = typeof uiSchema?.['ui:title'] === 'string' ? uiSchema['ui:title'] : schema.title;
  const bandIndex = scale?.bands.findIndex((band) => band.level === result.level) ?? -1;
  const missing = result.missing?.length ?? 0;
  const summary = summarizeScale(scale, result, locale);
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
      {summary?.graded ? (
        <GradedResult summary={summary} locale={locale} />
      ) : typeof result.total === 'number' ? (
        <Flex align="center" gap={8} wrap>
          <Typography.Text strong style={{ fontSize: 28 }} data-testid="scale-total">
            {careText(locale, 'points', { score: result.total })}
          </Typography.Text>
          {result.labels && (
            <Tag color={gradeColor(bandIndex)} data-testid="scale-level">
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
      {!summary?.graded && scale?.sections && result.subtotals && (
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
