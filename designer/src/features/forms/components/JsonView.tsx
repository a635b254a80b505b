import { useState } from 'react';
import { Alert, Button, Col, Flex, Input, Row, Typography } from 'antd';
import { lintFormSchema, type Locale } from '@careloom/forms';
import { useI18n } from '@careloom/app-shell';
import type { FormDocument, SchemaNode, UiNode } from '../utils/form-schema.types.js';
import { isNode } from '../utils/form-schema.util.js';

interface Parsed {
  schema?: SchemaNode;
  uiSchema?: UiNode;
  problems: string[];
}

function parse(schemaText: string, uiText: string, locale: Locale, t: (key: string) => string): Parsed {
  const problems: string[] = [];
  const read = (text: string, what: string): SchemaNode | undefined => {
    try {
      const value: unknown = JSON.parse(text);
      if (isNode(value)) {
        return value;
      }
      problems.push(`${what}: ${t('json.notObject')}`);
    } catch (error) {
      problems.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return undefined;
  };
  const schema = read(schemaText, 'schema');
  const uiSchema = read(uiText, 'uiSchema');
  if (schema) {
    for (const issue of lintFormSchema(schema, { locale })) {
      if (issue.severity === 'error') {
        problems.push(`${issue.path || '/'}: ${issue.message}`);
      }
    }
  }
  return { ...(schema ? { schema } : {}), ...(uiSchema ? { uiSchema } : {}), problems };
}

/** The schema and uiSchema as JSON for experts; applied only when both parse and the dialect's lint finds no error. */
export function JsonView({ doc, onApply }: { doc: FormDocument; onApply: (doc: FormDocument) => void }) {
  const { t, locale } = useI18n();
  const source = {
    schema: JSON.stringify(doc.schema, null, 2),
    uiSchema: JSON.stringify(doc.uiSchema, null, 2),
  };
  const [text, setText] = useState({ ...source, base: doc });
  if (text.base !== doc) {
    // the document changed elsewhere (canvas, undo): show it
    setText({ ...source, base: doc });
  }
  const changed = text.schema !== source.schema || text.uiSchema !== source.uiSchema;
  const parsed = changed ? parse(text.schema, text.uiSchema, locale, t) : { problems: [] };
  return (
    <Flex vertical gap={8} data-testid="json-view">
      <Typography.Text type="secondary">{t('json.help')}</Typography.Text>
      <Row gutter={[8, 8]}>
        <Col xs={24} xl={14}>
          <Typography.Text strong>Schema</Typography.Text>
          <Input.TextArea
            aria-label="JSON Schema"
            value={text.schema}
            autoSize={{ minRows: 12, maxRows: 40 }}
            style={{ fontFamily: 'monospace', fontSize: 12 }}
            onChange={(e) => setText({ ...text, schema: e.target.value })}
          />
        </Col>
        <Col xs={24} xl={10}>
          <Typography.Text strong>uiSchema</Typography.Text>
          <Input.TextArea
            aria-label="uiSchema"
            value={text.uiSchema}
            autoSize={{ minRows: 12, maxRows: 40 }}
            style={{ fontFamily: 'monospace', fontSize: 12 }}
            onChange={(e) => setText({ ...text, uiSchema: e.target.value })}
          />
        </Col>
      </Row>
      {parsed.problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('json.invalid')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 16 }}>
              {parsed.problems.slice(0, 20).map((problem, i) => (
                <li key={i}>{problem}</li>
              ))}
            </ul>
          }
        />
      )}
      <Flex gap={8}>
        <Button
          type="primary"
          disabled={!changed || parsed.problems.length > 0 || !parsed.schema || !parsed.uiSchema}
          onClick={() =>
            parsed.schema && parsed.uiSchema && onApply({ schema: parsed.schema, uiSchema: parsed.uiSchema })
          }
        >
          {t('json.apply')}
        </Button>
        <Button disabled={!changed} onClick={() => setText({ ...source, base: doc })}>
          {t('json.revert')}
        </Button>
      </Flex>
    </Flex>
  );
}
