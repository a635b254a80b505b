import type { Labels, Locale, ScaleOption } from '@careloom/forms';
import { careText } from './care-form-text.constants.js';
import { choiceLabel } from './choice-labels.util.js';
import { gradedScaleText, isScaleDefinition, summarizeScale } from './scale-summary.util.js';
import type { SchemaNode } from './form-fields.util.js';

export interface DescribeValueOptions {
  locale: Locale;
  /** Options of the scale item the field answers, if any (their labels replace raw values). */
  scaleOptions?: readonly ScaleOption[];
  /** The form's uiSchema entry for the field (`ui:enumNames`). */
  uiEntry?: Record<string, unknown>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLabels(value: unknown): value is Labels {
  return isObject(value) && typeof value['zh-CN'] === 'string' && typeof value['en'] === 'string';
}

/**
 * A record value as a person reads it: option labels, 是/否, scale totals with their level (scales with graded
 * sections: the level and each domain's grade, no total); `—` when empty.
 */
export function describeValue(field: SchemaNode, value: unknown, options: DescribeValueOptions): string {
  const { locale, scaleOptions, uiEntry } = options;
  if (value === undefined || value === null || value === '') {
    return careText(locale, 'empty');
  }
  if (field['type'] === 'string' && (field['format'] === 'signature' || field['format'] === 'photo')) {
    return careText(locale, field['format'] === 'signature' ? 'signed' : 'photo');
  }
  if (field['x-scale'] !== undefined && isObject(value)) {
    const scale = field['x-scale'];
    const summary = summarizeScale(isScaleDefinition(scale) ? scale : undefined, value, locale);
    if (summary?.graded) {
      // graded domains (MZ/T 039-2013): the level and the domain grades; the item-score sum means nothing
      return gradedScaleText(summary, locale);
    }
    const total =
      typeof value['total'] === 'number' ? careText(locale, 'points', { score: value['total'] }) : '';
    const level = isLabels(value['labels']) ? value['labels'][locale] : '';
    return [total, level].filter((part) => part !== '').join(' · ') || careText(locale, 'notScored');
  }
  const option = scaleOptions?.find((candidate) => Object.is(candidate.value, value));
  if (option) {
    return `${option.label[locale]}（${careText(locale, 'points', { score: option.score })}）`;
  }
  const choice = choiceLabel(field, value, locale);
  if (choice !== undefined) {
    return choice;
  }
  const enumNames = uiEntry?.['ui:enumNames'];
  const key =
    typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : JSON.stringify(value);
  const named = isObject(enumNames) ? enumNames[key] : undefined;
  if (typeof named === 'string') {
    return named;
  }
  if (Array.isArray(enumNames) && Array.isArray(field['enum'])) {
    const name: unknown = enumNames[field['enum'].indexOf(value)];
    if (typeof name === 'string') {
      return name;
    }
  }
  if (typeof value === 'boolean') {
    return careText(locale, value ? 'yes' : 'no');
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) ? String(value) : value.toFixed(1);
  }
  if (typeof value === 'string') {
    return value;
  }
  if (Array.isArray(value)) {
    const items = isObject(field['items']) ? field['items'] : {};
    return value.every((item) => typeof item === 'string' || typeof item === 'number')
      ? value
          .map((item) => choiceLabel(items, item, locale) ?? String(item))
          .join(locale === 'zh-CN' ? '、' : ', ')
      : JSON.stringify(value);
  }
  return JSON.stringify(value);
}
