import { useMemo, useState } from 'react';
import { Alert, Flex, Input, Tabs, Typography } from 'antd';
import { checkLogic, lintLogic } from '@careloom/logic';
import { useI18n } from '@careloom/app-shell';
import { ConditionBuilder, type BuilderField } from '../../../shared/logic-builder/index.js';
import type { FieldProblem } from '../utils/explanation.util.js';

interface ConditionEditorProps {
  value: unknown;
  fields: readonly BuilderField[];
  knownPaths: readonly string[];
  problems: readonly FieldProblem[];
  onChange: (logic: unknown) => void;
}

interface JsonCheck {
  parsed?: unknown;
  errors: string[];
  warnings: string[];
}

function checkText(
  text: string,
  knownPaths: readonly string[],
  locale: 'zh-CN' | 'en',
  invalid: string,
): JsonCheck {
  if (text.trim() === '') {
    return { parsed: undefined, errors: [], warnings: [] };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch (error) {
    return {
      errors: [`${invalid}: ${error instanceof Error ? error.message : String(error)}`],
      warnings: [],
    };
  }
  const issues = checkLogic(parsed, { knownFields: [...knownPaths] });
  const errors = issues.filter((issue) => issue.severity === 'error');
  const warnings = [...issues.filter((issue) => issue.severity !== 'error'), ...lintLogic(parsed)];
  const line = (issue: { path: string; messages: Record<'zh-CN' | 'en', string> }) =>
    issue.path ? `${issue.path}: ${issue.messages[locale]}` : issue.messages[locale];
  return { parsed, errors: errors.map(line), warnings: warnings.map(line) };
}

/** JSON as text for experts, checked live with @careloom/logic: applied whenever it parses without errors. */
function JsonConditionEditor({
  value,
  knownPaths,
  onChange,
}: Omit<ConditionEditorProps, 'fields' | 'problems'>) {
  const { t, locale } = useI18n();
  const [text, setText] = useState(() => (value === undefined ? '' : JSON.stringify(value, null, 2)));
  const check = useMemo(
    () => checkText(text, knownPaths, locale, t('rules.condition.invalidJson')),
    [text, knownPaths, locale, t],
  );
  return (
    <Flex vertical gap={8}>
      <Input.TextArea
        aria-label={t('rules.condition.json')}
        data-testid="condition-json"
        value={text}
        autoSize={{ minRows: 6, maxRows: 20 }}
        style={{ fontFamily: 'monospace', fontSize: 12 }}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          const result = checkText(next, knownPaths, locale, t('rules.condition.invalidJson'));
          if (result.errors.length === 0) {
            onChange(result.parsed);
          }
        }}
      />
      {check.errors.length > 0 ? (
        <Alert
          type="error"
          showIcon
          title={t('rules.condition.notApplied')}
          description={check.errors.join('\n')}
        />
      ) : (
        <Typography.Text type="success" data-testid="condition-json-ok">
          {text.trim() === '' ? t('rules.condition.always') : t('rules.condition.jsonOk')}
        </Typography.Text>
      )}
      {check.warnings.length > 0 && (
        <Alert type="warning" showIcon title={check.warnings.join('\n')} style={{ whiteSpace: 'pre-wrap' }} />
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('rules.condition.jsonHelp')}
      </Typography.Text>
    </Flex>
  );
}

/** The rule's condition: the visual builder (record, resident and window measures) or JSON with live checks. */
export function ConditionEditor({ value, fields, knownPaths, problems, onChange }: ConditionEditorProps) {
  const { t, locale } = useI18n();
  const [tab, setTab] = useState('visual');
  const fieldsKey = fields.map((field) => field.path).join('|');
  return (
    <Flex vertical gap={8} data-testid="condition-editor">
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={problems.map((p) => `${p.path.replace(/^\/condition/, '') || '/'}: ${p.message}`).join('\n')}
        />
      )}
      <Tabs
        size="small"
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          {
            key: 'visual',
            label: t('rules.condition.visual'),
            children: (
              <ConditionBuilder
                key={fieldsKey}
                testId="condition-builder"
                value={value}
                fields={fields}
                knownFields={knownPaths}
                locale={locale}
                onChange={onChange}
              />
            ),
          },
          {
            key: 'json',
            label: 'JSON',
            children: <JsonConditionEditor value={value} knownPaths={knownPaths} onChange={onChange} />,
          },
        ]}
      />
    </Flex>
  );
}
