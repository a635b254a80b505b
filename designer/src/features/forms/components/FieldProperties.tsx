import { useState, type ReactNode } from 'react';
import { Alert, Collapse, Flex, Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import { useI18n, type Locale } from '@careloom/app-shell';
import { ComputeBuilder } from '../../../shared/logic-builder/ComputeBuilder.js';
import { ConditionBuilder } from '../../../shared/logic-builder/ConditionBuilder.js';
import type { FieldRef, FormDocument, SchemaNode } from '../utils/form-schema.types.js';
import {
  builderFields,
  fieldSchema,
  fieldUi,
  holderOf,
  isLabels,
  isRequired,
  kindOf,
  labelsOf,
  optionsOf,
  orderOf,
  varPathOf,
} from '../utils/form-schema.util.js';
import {
  keyProblem,
  renameField,
  setHelp,
  setKeyword,
  setLabels,
  setOptions,
  setRequired,
  updateField,
  withKeyword,
} from '../utils/form-edit.util.js';
import type { FieldIssue } from '../utils/field-issues.util.js';
import { canIndexField } from '../utils/indexed-field.util.js';
import { OptionsEditor } from './OptionsEditor.js';

interface FieldPropertiesProps {
  doc: FormDocument;
  fieldRef: FieldRef;
  issues: readonly FieldIssue[];
  onApply: (next: FormDocument, key?: string) => void;
  onRenamed: (ref: FieldRef) => void;
}

const STRING_KINDS = new Set(['text', 'textarea', 'address', 'signature', 'photo']);
const NUMBER_KINDS = new Set(['number', 'rating']);

function numberOrUndefined(value: number | string | null): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function patternProblem(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return false;
  } catch {
    return true;
  }
}

/** The selected field's properties: labels, key, required, default, help, validation, options, conditions. */
export function FieldProperties({ doc, fieldRef, issues, onApply, onRenamed }: FieldPropertiesProps) {
  const { t, locale } = useI18n();
  const schema = fieldSchema(doc, fieldRef);
  const [key, setKey] = useState(fieldRef.key);
  if (!schema) {
    return <Typography.Text type="secondary">{t('props.none')}</Typography.Text>;
  }
  const ui = fieldUi(doc, fieldRef);
  const kind = kindOf(schema, ui);
  const labels = labelsOf(schema, fieldRef.key);
  const help = isLabels(schema['x-help']) ? schema['x-help'] : { 'zh-CN': '', en: '' };
  const computed =
    schema['x-compute'] !== undefined || schema['x-scale'] !== undefined || schema['readOnly'] === true;
  const inTable =
    fieldRef.container !== null &&
    holderOf(doc.schema, fieldRef.container) !== undefined &&
    kindOf(fieldSchema(doc, { container: null, key: fieldRef.container }) ?? {}, {}) === 'table';
  const problem = keyProblem(doc, fieldRef.container, key, fieldRef.key);
  const apply = (next: FormDocument, coalesce?: string) =>
    onApply(next, coalesce && `${varPathOf(fieldRef)}:${coalesce}`);
  const keyword = (name: string, value: unknown, coalesce?: string) =>
    apply(setKeyword(doc, fieldRef, name, value), coalesce ?? name);
  const commitKey = () => {
    if (problem === undefined && key !== fieldRef.key) {
      apply(renameField(doc, fieldRef, key));
      onRenamed({ container: fieldRef.container, key });
    }
  };
  // conditions read the fields above this one first (the usual "show B when A is …")
  const readable = builderFields(doc, fieldRef);
  const order = orderOf(doc, fieldRef.container);
  const above = order.slice(0, order.indexOf(fieldRef.key)).reverse();
  const preferred = above
    .map((name) => varPathOf({ container: fieldRef.container, key: name }))
    .find((path) => readable.some((field) => field.path === path));
  const numberInput = (name: string, label: string, integer = false) => (
    <Form.Item label={label} style={{ marginBottom: 8 }}>
      <InputNumber
        aria-label={label}
        style={{ width: '100%' }}
        precision={integer ? 0 : undefined}
        value={typeof schema[name] === 'number' ? schema[name] : null}
        onChange={(value) => keyword(name, numberOrUndefined(value))}
      />
    </Form.Item>
  );
  const pattern = typeof schema['pattern'] === 'string' ? schema['pattern'] : '';

  const sections = [
    {
      key: 'basic',
      label: t('props.basic'),
      children: (
        <>
          <Form.Item label={t('props.labelZh')} style={{ marginBottom: 8 }}>
            <Input
              aria-label={t('props.labelZh')}
              value={labels['zh-CN']}
              onChange={(e) =>
                apply(setLabels(doc, fieldRef, { ...labels, 'zh-CN': e.target.value }), 'label-zh')
              }
            />
          </Form.Item>
          <Form.Item label={t('props.labelEn')} style={{ marginBottom: 8 }}>
            <Input
              aria-label={t('props.labelEn')}
              value={labels.en}
              onChange={(e) => apply(setLabels(doc, fieldRef, { ...labels, en: e.target.value }), 'label-en')}
            />
          </Form.Item>
          <Form.Item
            label={t('props.key')}
            style={{ marginBottom: 8 }}
            validateStatus={problem ? 'error' : undefined}
            help={problem ? t(`props.${problem}`) : t('props.keyHelp')}
          >
            <Input
              aria-label={t('props.key')}
              value={key}
              style={{ fontFamily: 'monospace' }}
              onChange={(e) => setKey(e.target.value.trim())}
              onBlur={commitKey}
              onPressEnter={commitKey}
            />
          </Form.Item>
          {!computed && kind !== 'section' && (
            <Flex gap={16} wrap style={{ marginBottom: 8 }}>
              <label>
                <Switch
                  size="small"
                  aria-label={t('props.required')}
                  checked={isRequired(doc, fieldRef)}
                  onChange={(checked) => apply(setRequired(doc, fieldRef, checked))}
                />{' '}
                {t('props.required')}
              </label>
              {(STRING_KINDS.has(kind) || ['phone', 'id-number', 'date', 'number'].includes(kind)) && (
                <label>
                  <Switch
                    size="small"
                    aria-label={t('props.sensitive')}
                    checked={schema['x-sensitive'] === true}
                    onChange={(checked) => keyword('x-sensitive', checked ? true : undefined)}
                  />{' '}
                  {t('props.sensitive')}
                </label>
              )}
            </Flex>
          )}
          {(canIndexField(doc, fieldRef) || schema['x-indexed'] === true) && (
            <div style={{ marginBottom: 8 }}>
              <label>
                <Switch
                  size="small"
                  aria-label={t('props.indexed')}
                  checked={schema['x-indexed'] === true}
                  onChange={(checked) => keyword('x-indexed', checked ? true : undefined)}
                />{' '}
                {t('props.indexed')}
              </label>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
                {t('props.indexedHelp')}
              </Typography.Paragraph>
            </div>
          )}
          <Form.Item label={t('props.helpZh')} style={{ marginBottom: 8 }}>
            <Input.TextArea
              aria-label={t('props.helpZh')}
              autoSize
              value={help['zh-CN']}
              onChange={(e) => apply(setHelp(doc, fieldRef, { ...help, 'zh-CN': e.target.value }), 'help-zh')}
            />
          </Form.Item>
          <Form.Item label={t('props.helpEn')} style={{ marginBottom: 8 }}>
            <Input.TextArea
              aria-label={t('props.helpEn')}
              autoSize
              value={help.en}
              onChange={(e) => apply(setHelp(doc, fieldRef, { ...help, en: e.target.value }), 'help-en')}
            />
          </Form.Item>
          {kind === 'scale' && <Alert type="info" showIcon title={t('props.scaleInJson')} />}
          {!computed && kind !== 'signature' && kind !== 'photo' && (
            <DefaultInput
              schema={schema}
              kind={kind}
              locale={locale}
              options={optionsOf(schema, ui)}
              onChange={(value) => keyword('default', value)}
            />
          )}
        </>
      ),
    },
  ];
  if (['radio', 'select', 'checkboxes'].includes(kind)) {
    sections.push({
      key: 'options',
      label: t('props.options'),
      children: (
        <OptionsEditor
          options={optionsOf(schema, ui)}
          numeric={schema['type'] === 'integer'}
          onChange={(options, coalesce) => apply(setOptions(doc, fieldRef, options), coalesce)}
        />
      ),
    });
  }
  if (
    !computed &&
    (STRING_KINDS.has(kind) || NUMBER_KINDS.has(kind) || kind === 'checkboxes' || kind === 'table')
  ) {
    sections.push({
      key: 'validation',
      label: t('props.validation'),
      children: (
        <>
          {NUMBER_KINDS.has(kind) && (
            <>
              {numberInput('minimum', t('props.minimum'), schema['type'] === 'integer')}
              {numberInput('maximum', t('props.maximum'), schema['type'] === 'integer')}
              <label>
                <Switch
                  size="small"
                  aria-label={t('props.integer')}
                  checked={schema['type'] === 'integer'}
                  disabled={kind === 'rating'}
                  onChange={(checked) => keyword('type', checked ? 'integer' : 'number')}
                />{' '}
                {t('props.integer')}
              </label>
            </>
          )}
          {STRING_KINDS.has(kind) && (
            <>
              {numberInput('minLength', t('props.minLength'), true)}
              {numberInput('maxLength', t('props.maxLength'), true)}
              <Form.Item
                label={t('props.pattern')}
                style={{ marginBottom: 8 }}
                validateStatus={pattern !== '' && patternProblem(pattern) ? 'error' : undefined}
                help={t('props.patternHelp')}
              >
                <Input
                  aria-label={t('props.pattern')}
                  value={pattern}
                  style={{ fontFamily: 'monospace' }}
                  onChange={(e) => {
                    const value = e.target.value;
                    // the dialect refuses a pattern without maxLength (unbounded regex work)
                    apply(
                      updateField(doc, fieldRef, (node: SchemaNode) => {
                        const next = withKeyword(node, 'pattern', value === '' ? undefined : value);
                        return value !== '' && typeof next['maxLength'] !== 'number'
                          ? { ...next, maxLength: 200 }
                          : next;
                      }),
                      'pattern',
                    );
                  }}
                />
              </Form.Item>
            </>
          )}
          {(kind === 'checkboxes' || kind === 'table') && (
            <>
              {numberInput('minItems', t('props.minItems'), true)}
              {numberInput('maxItems', t('props.maxItems'), true)}
            </>
          )}
        </>
      ),
    });
  }
  if (!inTable && kind !== 'scale') {
    sections.push({
      key: 'logic',
      label: t('props.logic'),
      children: (
        <Flex vertical gap={12}>
          <div>
            <Typography.Text strong>{t('props.visibleIf')}</Typography.Text>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
              {t('props.visibleIfHelp')}
            </Typography.Paragraph>
            <ConditionBuilder
              key={`visible-${varPathOf(fieldRef)}`}
              testId="visible-if"
              value={schema['x-visible-if']}
              fields={readable}
              {...(preferred ? { preferredField: preferred } : {})}
              locale={locale}
              onChange={(logic) => keyword('x-visible-if', logic, undefined)}
            />
          </div>
          {!computed && kind !== 'section' && (
            <div>
              <Typography.Text strong>{t('props.requiredIf')}</Typography.Text>
              <ConditionBuilder
                key={`required-${varPathOf(fieldRef)}`}
                testId="required-if"
                value={schema['x-required-if']}
                fields={readable}
                {...(preferred ? { preferredField: preferred } : {})}
                locale={locale}
                onChange={(logic) => keyword('x-required-if', logic, undefined)}
              />
            </div>
          )}
          {(NUMBER_KINDS.has(kind) || kind === 'text' || schema['x-compute'] !== undefined) && (
            <div>
              <Typography.Text strong>{t('props.compute')}</Typography.Text>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
                {t('props.computeHelp')}
              </Typography.Paragraph>
              <ComputeBuilder
                key={`compute-${varPathOf(fieldRef)}`}
                testId="compute"
                value={schema['x-compute']}
                fields={readable}
                locale={locale}
                onChange={(logic) =>
                  apply(
                    updateField(doc, fieldRef, (node) =>
                      withKeyword(
                        withKeyword(node, 'x-compute', logic),
                        'readOnly',
                        logic === undefined ? undefined : true,
                      ),
                    ),
                  )
                }
              />
            </div>
          )}
        </Flex>
      ),
    });
  }
  return (
    <Form layout="vertical" size="small" component="div" data-testid="field-properties">
      {issues.map((issue, i) => (
        <Alert
          key={i}
          type={issue.severity === 'error' ? 'error' : 'warning'}
          showIcon
          title={issue.message}
          style={{ marginBottom: 8 }}
        />
      ))}
      <Collapse
        size="small"
        defaultActiveKey={['basic', 'options', 'validation', 'logic']}
        items={sections}
      />
    </Form>
  );
}

interface DefaultInputProps {
  schema: SchemaNode;
  kind: string;
  locale: Locale;
  options: ReturnType<typeof optionsOf>;
  onChange: (value: unknown) => void;
}

/** The default value, typed like the field. */
function DefaultInput({ schema, kind, locale, options, onChange }: DefaultInputProps) {
  const { t } = useI18n();
  const label = t('props.default');
  const value = schema['default'];
  let input: ReactNode = null;
  if (kind === 'yes-no') {
    input = (
      <Select
        aria-label={label}
        allowClear
        value={value === true ? 'yes' : value === false ? 'no' : undefined}
        options={[
          { value: 'yes', label: t('common.yes') },
          { value: 'no', label: t('common.no') },
        ]}
        onChange={(answer: 'yes' | 'no' | undefined) =>
          onChange(answer === undefined ? undefined : answer === 'yes')
        }
      />
    );
  } else if (kind === 'radio' || kind === 'select') {
    input = (
      <Select
        aria-label={label}
        allowClear
        value={typeof value === 'string' || typeof value === 'number' ? value : undefined}
        options={options.map((option) => ({ value: option.value, label: option.label[locale] }))}
        onChange={(next: string | number | undefined) => onChange(next)}
      />
    );
  } else if (NUMBER_KINDS.has(kind)) {
    input = (
      <InputNumber
        aria-label={label}
        style={{ width: '100%' }}
        value={typeof value === 'number' ? value : null}
        onChange={(next) => onChange(numberOrUndefined(next))}
      />
    );
  } else if (kind === 'date' || kind === 'time') {
    input = (
      <Input
        aria-label={label}
        type={kind}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value || undefined)}
      />
    );
  } else if (STRING_KINDS.has(kind)) {
    input = (
      <Input
        aria-label={label}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value || undefined)}
      />
    );
  }
  return input ? (
    <Form.Item label={label} style={{ marginBottom: 8 }}>
      {input}
    </Form.Item>
  ) : null;
}
