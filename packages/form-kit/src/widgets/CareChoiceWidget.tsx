import { Radio, Tag } from 'antd';
import type { WidgetProps } from '@rjsf/utils';
import { careText } from '../care-form-text.constants.js';
import { localeOf } from './care-form-context.types.js';

function scoreOf(scores: unknown, value: unknown): number | undefined {
  if (typeof scores !== 'object' || scores === null) {
    return undefined;
  }
  const score = (scores as Record<string, unknown>)[String(value)];
  return typeof score === 'number' ? score : undefined;
}

/** Enum and yes/no answers as a column of big radio buttons (48 px high), with the option's score if scored. */
export function CareChoiceWidget(props: WidgetProps) {
  const { id, options, onChange, onBlur, onFocus, disabled, readonly, label, registry } = props;
  const value: unknown = props.value;
  const locale = localeOf(registry.formContext);
  const enumOptions = options.enumOptions ?? [];
  const selected = enumOptions.findIndex((option) => Object.is(option.value, value));
  return (
    <Radio.Group
      id={id}
      role="radiogroup"
      aria-label={label}
      disabled={disabled === true || readonly === true}
      value={selected >= 0 ? selected : undefined}
      onChange={(event) => {
        const index = Number(event.target.value);
        onChange(enumOptions[index]?.value);
      }}
      style={{ display: 'flex', flexDirection: 'column', gap: 8, width: '100%' }}
    >
      {enumOptions.map((option, index) => {
        const score = scoreOf(options['scores'], option.value);
        const checked = index === selected;
        return (
          <Radio
            key={String(option.value)}
            value={index}
            onBlur={() => onBlur(id, value)}
            onFocus={() => onFocus(id, value)}
            style={{
              display: 'flex',
              alignItems: 'center',
              minHeight: 48,
              margin: 0,
              padding: '8px 12px',
              borderRadius: 8,
              border: `1px solid ${checked ? '#1677ff' : '#d9d9d9'}`,
              background: checked ? '#e6f4ff' : '#fff',
              width: '100%',
              fontSize: 16,
              lineHeight: 1.4,
            }}
          >
            <span>{option.label}</span>
            {score !== undefined && (
              <Tag style={{ marginInlineStart: 8 }} color={checked ? 'blue' : 'default'}>
                {careText(locale, 'points', { score })}
              </Tag>
            )}
          </Radio>
        );
      })}
    </Radio.Group>
  );
}
