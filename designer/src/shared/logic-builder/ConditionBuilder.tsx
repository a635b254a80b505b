import { useState } from 'react';
import { Alert, Button, Flex, Input, InputNumber, Segmented, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AdvancedLogicEditor } from './AdvancedLogicEditor.js';
import { builderText, operatorText } from './logic-builder-text.constants.js';
import type {
  BuilderField,
  BuilderLocale,
  Comparison,
  ConditionGroup,
  ConditionNode,
  ConditionValue,
} from './logic-builder.types.js';
import {
  conditionFromLogic,
  conditionToLogic,
  defaultValue,
  describeCondition,
  isUnary,
  newComparison,
  operatorsFor,
  operatorsOfField,
} from './logic-builder.util.js';

export interface ConditionBuilderProps {
  /** The JSON Logic being edited (undefined: no condition). */
  value: unknown;
  /** Fields the condition may read, in form order. */
  fields: readonly BuilderField[];
  /** The field a new comparison starts with (e.g. the one just above the field being edited). */
  preferredField?: string;
  locale: BuilderLocale;
  onChange: (logic: unknown) => void;
  testId?: string;
  /** Var paths the "advanced JSON" editor accepts (default: the fields' paths). */
  knownFields?: readonly string[];
}

interface ValueInputProps {
  field: BuilderField | undefined;
  comparison: Comparison;
  locale: BuilderLocale;
  onChange: (value: ConditionValue | ConditionValue[]) => void;
}

function ValueInput({ field, comparison, locale, onChange }: ValueInputProps) {
  const label = builderText(locale, 'value');
  const value = comparison.value;
  if (isUnary(comparison.operator)) {
    return null;
  }
  const common = { 'aria-label': label, style: { minWidth: 120, flex: '1 1 120px' } };
  if (field?.kind === 'boolean') {
    return (
      <Select<'yes' | 'no'>
        {...common}
        value={value === true ? 'yes' : value === false ? 'no' : undefined}
        options={[
          { value: 'yes', label: builderText(locale, 'yes') },
          { value: 'no', label: builderText(locale, 'no') },
        ]}
        onChange={(answer) => onChange(answer === 'yes')}
      />
    );
  }
  if (field?.options && field.options.length > 0) {
    const options = field.options.map((option) => ({ value: option.value, label: option.label[locale] }));
    if (comparison.operator === 'one-of') {
      return (
        <Select<(string | number)[]>
          {...common}
          mode="multiple"
          value={Array.isArray(value) ? value.filter((v) => typeof v !== 'boolean') : []}
          options={options}
          onChange={onChange}
        />
      );
    }
    return (
      <Select<string | number>
        {...common}
        value={typeof value === 'string' || typeof value === 'number' ? value : undefined}
        options={options}
        onChange={onChange}
      />
    );
  }
  if (field?.kind === 'number') {
    return (
      <InputNumber
        {...common}
        value={typeof value === 'number' ? value : null}
        onChange={(next) => onChange(typeof next === 'number' ? next : 0)}
      />
    );
  }
  if (field?.kind === 'date') {
    return (
      <Input
        {...common}
        type="date"
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  if (field?.kind === 'time') {
    return (
      <Input
        {...common}
        type="time"
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  if (comparison.operator === 'one-of') {
    return (
      <Select<string[]>
        {...common}
        mode="tags"
        value={Array.isArray(value) ? value.map(String) : []}
        onChange={onChange}
      />
    );
  }
  return (
    <Input
      {...common}
      value={typeof value === 'string' ? value : String(value ?? '')}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

interface NodeEditorProps {
  node: ConditionNode;
  fields: readonly BuilderField[];
  locale: BuilderLocale;
  depth: number;
  fresh: () => Comparison | undefined;
  onChange: (node: ConditionNode) => void;
  onRemove?: () => void;
}

function ComparisonEditor({
  node,
  fields,
  locale,
  onChange,
  onRemove,
}: NodeEditorProps & { node: Comparison }) {
  const field = fields.find((candidate) => candidate.path === node.field);
  const operators = field ? operatorsOfField(field) : operatorsFor('text');
  return (
    <Flex gap={6} wrap align="center" data-testid="condition-row" style={{ width: '100%' }}>
      <Select<string>
        aria-label={builderText(locale, 'field')}
        style={{ minWidth: 140, flex: '2 1 140px' }}
        value={field ? node.field : undefined}
        status={field ? undefined : 'error'}
        placeholder={node.field}
        showSearch={{ optionFilterProp: 'label' }}
        options={fields.map((candidate) => ({ value: candidate.path, label: candidate.label[locale] }))}
        onChange={(path) => {
          const next = fields.find((candidate) => candidate.path === path);
          if (next) {
            onChange(newComparison(next));
          }
        }}
      />
      <Select
        aria-label={builderText(locale, 'operator')}
        style={{ minWidth: 110, flex: '1 1 110px' }}
        value={node.operator}
        options={operators.map((operator) => ({ value: operator, label: operatorText(locale, operator) }))}
        onChange={(operator) => {
          const keep =
            !isUnary(operator) &&
            operator !== 'one-of' &&
            node.operator !== 'one-of' &&
            node.value !== undefined;
          onChange({
            ...node,
            operator,
            ...(keep ? {} : { value: defaultValue(field, operator) }),
          });
        }}
      />
      <ValueInput
        field={field}
        comparison={node}
        locale={locale}
        onChange={(value) => onChange({ ...node, value })}
      />
      {onRemove && (
        <Button
          size="small"
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={builderText(locale, 'remove')}
          onClick={onRemove}
        />
      )}
    </Flex>
  );
}

function GroupEditor({
  node,
  fields,
  locale,
  depth,
  fresh,
  onChange,
  onRemove,
}: NodeEditorProps & { node: ConditionGroup }) {
  const replace = (index: number, child: ConditionNode) =>
    onChange({ ...node, children: node.children.map((current, i) => (i === index ? child : current)) });
  const remove = (index: number) =>
    onChange({ ...node, children: node.children.filter((_, i) => i !== index) });
  const add = (child: ConditionNode | undefined) => {
    if (child) {
      onChange({ ...node, children: [...node.children, child] });
    }
  };
  return (
    <Flex
      vertical
      gap={6}
      style={
        depth > 0
          ? { borderInlineStart: '3px solid #91caff', paddingInlineStart: 8, width: '100%' }
          : { width: '100%' }
      }
    >
      {node.children.length > 1 && (
        <Segmented<'and' | 'or'>
          size="small"
          value={node.combinator}
          options={[
            { value: 'and', label: builderText(locale, 'all.and') },
            { value: 'or', label: builderText(locale, 'all.or') },
          ]}
          onChange={(combinator) => onChange({ ...node, combinator })}
        />
      )}
      {node.children.map((child, index) =>
        child.type === 'group' ? (
          <GroupEditor
            key={index}
            node={child}
            fields={fields}
            locale={locale}
            depth={depth + 1}
            fresh={fresh}
            onChange={(next) => replace(index, next)}
            onRemove={() => remove(index)}
          />
        ) : (
          <ComparisonEditor
            key={index}
            node={child}
            fields={fields}
            locale={locale}
            depth={depth + 1}
            fresh={fresh}
            onChange={(next) => replace(index, next)}
            onRemove={() => remove(index)}
          />
        ),
      )}
      <Flex gap={6} wrap>
        <Button
          size="small"
          icon={<PlusOutlined />}
          disabled={fields.length === 0}
          onClick={() => add(fresh())}
        >
          {builderText(locale, 'addCondition')}
        </Button>
        {depth < 2 && node.children.length > 0 && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            disabled={fields.length === 0}
            onClick={() => {
              const first = fresh();
              add(
                first && {
                  type: 'group',
                  combinator: node.combinator === 'and' ? 'or' : 'and',
                  children: [first],
                },
              );
            }}
          >
            {builderText(locale, 'addGroup')}
          </Button>
        )}
        {onRemove && (
          <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={onRemove}>
            {builderText(locale, 'remove')}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}

/**
 * A visual JSON Logic condition editor: comparisons on the form's fields (typed values: options as a select,
 * yes/no, numbers, dates), AND/OR groups, the condition as a sentence, and an "advanced JSON" fallback for
 * logic it did not write. Controlled: every change emits the JSON Logic (undefined = no condition).
 */
export function ConditionBuilder({
  value,
  fields,
  preferredField,
  locale,
  onChange,
  testId,
  knownFields,
}: ConditionBuilderProps) {
  const tree = conditionFromLogic(value, fields);
  const [advanced, setAdvanced] = useState(tree === undefined);
  const fresh = (): Comparison | undefined => {
    const field = fields.find((candidate) => candidate.path === preferredField) ?? fields[0];
    return field ? newComparison(field) : undefined;
  };
  const emit = (node: ConditionNode) => onChange(conditionToLogic(node, fields));
  return (
    <Flex vertical gap={8} data-testid={testId} style={{ width: '100%' }}>
      {tree && tree.children.length > 0 && (
        <Typography.Text type="secondary" data-testid="condition-sentence">
          {describeCondition(tree, fields, locale)}
        </Typography.Text>
      )}
      {advanced || !tree ? (
        <>
          {!tree && <Alert type="info" showIcon title={builderText(locale, 'unsupported')} />}
          <AdvancedLogicEditor
            value={value}
            knownFields={knownFields ?? fields.map((field) => field.path)}
            locale={locale}
            onChange={onChange}
          />
        </>
      ) : (
        <GroupEditor node={tree} fields={fields} locale={locale} depth={0} fresh={fresh} onChange={emit} />
      )}
      {tree && (
        <Button
          size="small"
          type="link"
          style={{ alignSelf: 'flex-start', padding: 0 }}
          onClick={() => setAdvanced(!advanced)}
        >
          {builderText(locale, advanced ? 'visual' : 'advanced')}
        </Button>
      )}
    </Flex>
  );
}
