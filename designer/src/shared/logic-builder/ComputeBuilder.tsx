import { useState } from 'react';
import { Alert, Button, Flex, InputNumber, Select, Typography } from 'antd';
import { AdvancedLogicEditor } from './AdvancedLogicEditor.js';
import { builderText } from './logic-builder-text.constants.js';
import type { ArithmeticOperator, BuilderField, BuilderLocale, ComputeModel } from './logic-builder.types.js';
import { computeFromLogic, computeToLogic, describeCompute } from './logic-builder.util.js';

export interface ComputeBuilderProps {
  /** The `x-compute` JSON Logic (undefined: not computed). */
  value: unknown;
  /** Fields the computation may read (numbers are offered). */
  fields: readonly BuilderField[];
  locale: BuilderLocale;
  onChange: (logic: unknown) => void;
  testId?: string;
}

type Mode = 'none' | 'sum' | 'arithmetic';

const OPERATORS: { value: ArithmeticOperator; key: 'plus' | 'minus' | 'multiply' | 'divide' }[] = [
  { value: '+', key: 'plus' },
  { value: '-', key: 'minus' },
  { value: '*', key: 'multiply' },
  { value: '/', key: 'divide' },
];

/** A computed value built visually: the sum of fields, or two fields (or a field and a number) with + − × ÷. */
export function ComputeBuilder({ value, fields, locale, onChange, testId }: ComputeBuilderProps) {
  const model = value === undefined ? null : computeFromLogic(value);
  const [advanced, setAdvanced] = useState(model === undefined);
  const numbers = fields.filter((field) => field.kind === 'number');
  const options = numbers.map((field) => ({ value: field.path, label: field.label[locale] }));
  const mode: Mode = model ? model.type : 'none';
  const emit = (next: ComputeModel | null) => onChange(next ? computeToLogic(next) : undefined);
  const first = numbers[0]?.path ?? '';
  const second = numbers[1]?.path ?? first;

  if (advanced || model === undefined) {
    return (
      <Flex vertical gap={8} data-testid={testId}>
        {model === undefined && <Alert type="info" showIcon title={builderText(locale, 'unsupported')} />}
        <AdvancedLogicEditor
          value={value}
          knownFields={fields.map((field) => field.path)}
          locale={locale}
          onChange={onChange}
        />
        {model !== undefined && (
          <Button
            size="small"
            type="link"
            style={{ alignSelf: 'flex-start', padding: 0 }}
            onClick={() => setAdvanced(false)}
          >
            {builderText(locale, 'visual')}
          </Button>
        )}
      </Flex>
    );
  }
  return (
    <Flex vertical gap={8} data-testid={testId}>
      <Select<Mode>
        aria-label={builderText(locale, 'sum')}
        value={mode}
        options={[
          { value: 'none', label: builderText(locale, 'none') },
          { value: 'sum', label: builderText(locale, 'sum'), disabled: numbers.length === 0 },
          { value: 'arithmetic', label: builderText(locale, 'arithmetic'), disabled: numbers.length === 0 },
        ]}
        onChange={(next) =>
          emit(
            next === 'none'
              ? null
              : next === 'sum'
                ? { type: 'sum', fields: numbers.slice(0, 2).map((field) => field.path) }
                : { type: 'arithmetic', left: first, operator: '-', right: { type: 'field', field: second } },
          )
        }
      />
      {model?.type === 'sum' && (
        <Select<string[]>
          mode="multiple"
          aria-label={builderText(locale, 'field')}
          value={model.fields}
          options={options}
          onChange={(selected) => emit(selected.length > 0 ? { type: 'sum', fields: selected } : null)}
        />
      )}
      {model?.type === 'arithmetic' && (
        <Flex gap={6} wrap>
          <Select<string>
            aria-label={builderText(locale, 'field')}
            style={{ minWidth: 120, flex: '1 1 120px' }}
            value={model.left}
            options={options}
            onChange={(left) => emit({ ...model, left })}
          />
          <Select<ArithmeticOperator>
            aria-label={builderText(locale, 'operator')}
            style={{ width: 70 }}
            value={model.operator}
            options={OPERATORS.map((operator) => ({
              value: operator.value,
              label: builderText(locale, operator.key),
            }))}
            onChange={(operator) => emit({ ...model, operator })}
          />
          <Select<string>
            aria-label={builderText(locale, 'otherField')}
            style={{ minWidth: 120, flex: '1 1 120px' }}
            value={model.right.type === 'field' ? model.right.field : '#number'}
            options={[...options, { value: '#number', label: builderText(locale, 'number') }]}
            onChange={(right) =>
              emit({
                ...model,
                right: right === '#number' ? { type: 'number', value: 1 } : { type: 'field', field: right },
              })
            }
          />
          {model.right.type === 'number' && (
            <InputNumber
              aria-label={builderText(locale, 'number')}
              value={model.right.value}
              onChange={(next) =>
                emit({ ...model, right: { type: 'number', value: typeof next === 'number' ? next : 0 } })
              }
            />
          )}
        </Flex>
      )}
      {model && (
        <Typography.Text type="secondary">= {describeCompute(model, fields, locale)}</Typography.Text>
      )}
      <Button
        size="small"
        type="link"
        style={{ alignSelf: 'flex-start', padding: 0 }}
        onClick={() => setAdvanced(true)}
      >
        {builderText(locale, 'advanced')}
      </Button>
    </Flex>
  );
}
