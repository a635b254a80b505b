import { Input } from 'antd';
import type { WidgetProps } from '@rjsf/utils';

/** A native `<input>` of a date or time type: the phone's own picker, its value stored as the input gives it. */
function NativeInput({ type, ...props }: WidgetProps & { type: 'date' | 'time' }) {
  const { id, onChange, onBlur, onFocus, disabled, readonly, required, htmlName } = props;
  const value: unknown = props.value;
  return (
    <Input
      id={id}
      name={htmlName ?? id}
      type={type}
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

/** A date (`format: date`), value `YYYY-MM-DD`. */
export function CareDateWidget(props: WidgetProps) {
  return <NativeInput {...props} type="date" />;
}

/** A time of day (`format: local-time`), value `HH:MM` on the home's wall clock. */
export function CareTimeWidget(props: WidgetProps) {
  return <NativeInput {...props} type="time" />;
}
