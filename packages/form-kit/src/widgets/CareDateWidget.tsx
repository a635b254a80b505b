import { Input } from 'antd';
import type { WidgetProps } from '@rjsf/utils';

/** A native `<input type="date">`: the phone's own date picker, value `YYYY-MM-DD`. */
export function CareDateWidget(props: WidgetProps) {
  const { id, onChange, onBlur, onFocus, disabled, readonly, required, htmlName } = props;
  const value: unknown = props.value;
  return (
    <Input
      id={id}
      name={htmlName ?? id}
      type="date"
      size="large"
      value={typeof value === 'string' ? value : ''}
      required={required}
      disabled={disabled}
      readOnly={readonly}
      onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
      onBlur={(event) => onBlur(id, event.target.value)}
      onFocus={(event) => onFocus(id, event.target.value)}
      style={{ maxWidth: '100%' }}
    />
  );
}
