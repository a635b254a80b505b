import type { WidgetProps } from '@rjsf/utils';

function display(value: unknown): string {
  if (value === undefined || value === null || value === '') {
    return '—';
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) ? String(value) : value.toFixed(1);
  }
  return typeof value === 'string' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

/** A computed value (x-compute / readOnly): shown large and announced, never edited. */
export function CareComputedWidget(props: WidgetProps) {
  const { id } = props;
  const value: unknown = props.value;
  return (
    <output
      id={id}
      aria-live="polite"
      data-testid={`computed-${id}`}
      style={{ display: 'block', fontSize: 22, fontWeight: 600, minHeight: 32 }}
    >
      {display(value)}
    </output>
  );
}
