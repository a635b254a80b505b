import { useState } from 'react';
import { Alert, Button, Flex, Input } from 'antd';
import { checkLogic } from '@careloom/logic';
import { builderText } from './logic-builder-text.constants.js';
import type { BuilderLocale } from './logic-builder.types.js';

interface AdvancedLogicEditorProps {
  value: unknown;
  /** Var paths the logic may read (checked by @careloom/logic's checkLogic). */
  knownFields: readonly string[];
  locale: BuilderLocale;
  onChange: (logic: unknown) => void;
  testId?: string;
}

/** JSON Logic as text: applied only when it parses and checkLogic finds no error. */
export function AdvancedLogicEditor({
  value,
  knownFields,
  locale,
  onChange,
  testId,
}: AdvancedLogicEditorProps) {
  const [text, setText] = useState(() => (value === undefined ? '' : JSON.stringify(value, null, 2)));
  let problem: string | undefined;
  let parsed: unknown;
  if (text.trim() !== '') {
    try {
      parsed = JSON.parse(text) as unknown;
      const issues = checkLogic(parsed, { knownFields: [...knownFields] }).filter(
        (issue) => issue.severity === 'error',
      );
      problem = issues.map((issue) => issue.messages[locale]).join('；') || undefined;
    } catch {
      problem = builderText(locale, 'invalidJson');
    }
  }
  return (
    <Flex vertical gap={8} data-testid={testId}>
      <Input.TextArea
        aria-label={builderText(locale, 'advanced')}
        value={text}
        autoSize={{ minRows: 3, maxRows: 12 }}
        style={{ fontFamily: 'monospace', fontSize: 12 }}
        onChange={(event) => setText(event.target.value)}
      />
      {problem !== undefined && <Alert type="error" showIcon title={problem} />}
      <Flex gap={8}>
        <Button
          size="small"
          type="primary"
          disabled={problem !== undefined}
          onClick={() => onChange(text.trim() === '' ? undefined : parsed)}
        >
          {builderText(locale, 'apply')}
        </Button>
        <Button
          size="small"
          onClick={() => {
            setText('');
            onChange(undefined);
          }}
        >
          {builderText(locale, 'clear')}
        </Button>
      </Flex>
    </Flex>
  );
}
