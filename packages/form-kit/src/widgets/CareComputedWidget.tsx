import type { WidgetProps } from '@rjsf/utils';
import type { Locale } from '@careloom/forms';
import { careText } from '../care-form-text.constants.js';
import { choiceLabel } from '../choice-labels.util.js';
import { localeOf } from './care-form-context.types.js';

/** A computed value as a person reads it: a choice by its label (`level-2` → 二级护理), yes/no as words. */
function display(schema: Record<string, unknown>, value: unknown, locale: Locale): string {
  if (value === undefined || value === null || value === '') {
    return '—';
  }
  const label = choiceLabel(schema, value, locale);
  if (label !== undefined) {
    return label;
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) ? String(value) : value.toFixed(1);
  }
  if (typeof value === 'boolean') {
    return careText(locale, value ? 'yes' : 'no');
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A computed value (x-compute / readOnly): shown large and announced, never edited. */
export function CareComputedWidget(props: WidgetProps) {
  const { id, schema, registry } = props;
  const value: unknown = props.value;
  return (
    <output
      id={id}
      aria-live="polite"
      data-testid={`computed-${id}`}
      style={{ display: 'block', fontSize: 22, fontWeight: 600, minHeight: 32 }}
    >
      {display(schema, value, localeOf(registry.formContext))}
    </output>
  );
}
