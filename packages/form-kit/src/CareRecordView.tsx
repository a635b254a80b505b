import { useMemo } from 'react';
import { Descriptions, Typography } from 'antd';
import type { UiSchema } from '@rjsf/utils';
import type { Locale } from '@careloom/forms';
import { careText } from './care-form-text.constants.js';
import { describeValue } from './describe-value.util.js';
import { imageFormatOf } from './image.util.js';
import { formFields, labelOf, scaleOptionsByField } from './form-fields.util.js';
import { pointerSegments, valueAt } from './pointer.util.js';
import {
  domainGradeText,
  isScaleDefinition,
  summarizeScale,
  type ScaleSummary,
} from './scale-summary.util.js';

export interface CareRecordViewProps {
  schema: object;
  uiSchema?: UiSchema;
  data: Record<string, unknown>;
  locale: Locale;
  /** Pointers to mark (e.g. the fields a revision changed). */
  highlight?: ReadonlySet<string>;
}

function uiEntryAt(uiSchema: UiSchema | undefined, pointer: string): Record<string, unknown> | undefined {
  let node: unknown = uiSchema;
  for (const segment of pointerSegments(pointer)) {
    if (typeof node !== 'object' || node === null) {
      return undefined;
    }
    node = (node as Record<string, unknown>)[segment];
  }
  return typeof node === 'object' && node !== null ? (node as Record<string, unknown>) : undefined;
}

/** A scale with graded sections (MZ/T 039-2013): the level, each domain's grade, adjustments, the edition. */
function GradedScaleView({
  pointer,
  summary,
  locale,
  strong,
}: {
  pointer: string;
  summary: ScaleSummary;
  locale: Locale;
  strong: boolean;
}) {
  return (
    <div data-field={pointer} style={{ wordBreak: 'break-word' }}>
      <Typography.Text strong data-testid="record-scale-level">
        {summary.levelLabel ?? careText(locale, 'notGraded')}
      </Typography.Text>
      {summary.domains.map((domain) => (
        <div key={domain.id} data-testid={`record-scale-grade-${domain.id}`}>
          <Typography.Text strong={strong}>{domainGradeText(domain, locale)}</Typography.Text>
        </div>
      ))}
      {summary.adjustments.map((reason) => (
        <div key={reason}>
          <Typography.Text type="secondary">{careText(locale, 'adjusted', { reason })}</Typography.Text>
        </div>
      ))}
      {summary.edition && (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="record-scale-edition">
            {careText(locale, 'edition', { edition: summary.edition })}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}

/**
 * A record read-only, one line per field: labels in the locale, option labels and scores for scale answers,
 * scale results as total · level (graded scales: level and domain grades). Values are shown as they arrive (masked ones stay masked).
 * Fields that are empty and hidden-looking (absent) are listed with `—` only when they are not conditional.
 */
export function CareRecordView({ schema, uiSchema, data, locale, highlight }: CareRecordViewProps) {
  const rows = useMemo(() => {
    const scales = scaleOptionsByField(schema);
    const fields = formFields(schema);
    return fields
      .filter((field) => !field.pointer.includes('/*'))
      .filter((field) => {
        // objects are shown through their leaves, except scale results
        const isGroup = field.schema['type'] === 'object' && field.schema['x-scale'] === undefined;
        const conditionalAndAbsent =
          field.schema['x-visible-if'] !== undefined && valueAt(data, field.pointer) === undefined;
        const insideScale = fields.some(
          (parent) =>
            parent.schema['x-scale'] !== undefined && field.pointer.startsWith(`${parent.pointer}/`),
        );
        return !isGroup && !conditionalAndAbsent && !insideScale;
      })
      .map((field) => {
        const segments = pointerSegments(field.pointer);
        const parents = segments.slice(0, -1).map((_, i) => {
          const parent = fields.find(
            (candidate) => candidate.pointer === `/${segments.slice(0, i + 1).join('/')}`,
          );
          return parent ? (labelOf(parent.schema, locale) ?? parent.name) : '';
        });
        const own = labelOf(field.schema, locale) ?? field.name;
        const options = scales.get(field.pointer);
        const uiEntry = uiEntryAt(uiSchema, field.pointer);
        const value = valueAt(data, field.pointer);
        const scale = field.schema['x-scale'];
        const summary = isScaleDefinition(scale) ? summarizeScale(scale, value, locale) : null;
        return {
          pointer: field.pointer,
          label: [...parents.filter((p) => p !== ''), own].join(' · '),
          image: imageFormatOf(field.schema) !== null && typeof value === 'string' ? value : null,
          graded: summary?.graded ? summary : null,
          text: describeValue(field.schema, value, {
            locale,
            ...(options ? { scaleOptions: options } : {}),
            ...(uiEntry ? { uiEntry } : {}),
          }),
        };
      });
  }, [schema, uiSchema, data, locale]);

  return (
    <Descriptions column={1} size="small" bordered styles={{ label: { width: '40%' } }}>
      {rows.map((row) => (
        <Descriptions.Item
          key={row.pointer}
          label={row.label}
          styles={highlight?.has(row.pointer) ? { content: { background: '#fffbe6' } } : undefined}
        >
          {row.graded ? (
            <GradedScaleView
              pointer={row.pointer}
              summary={row.graded}
              locale={locale}
              strong={highlight?.has(row.pointer) ?? false}
            />
          ) : row.image ? (
            <img
              data-field={row.pointer}
              src={row.image}
              alt={`${row.label}：${row.text}`}
              style={{ maxWidth: '100%', maxHeight: 240, objectFit: 'contain' }}
            />
          ) : (
            <Typography.Text
              data-field={row.pointer}
              strong={highlight?.has(row.pointer) ?? false}
              style={{ wordBreak: 'break-word' }}
            >
              {row.text}
            </Typography.Text>
          )}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}
