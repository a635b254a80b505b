import { useState } from 'react';
import { Alert, Flex, Input, Typography } from 'antd';
import { useI18n } from '@careloom/app-shell';
import { parseSpecText } from '../utils/report-spec.util.js';
import type { ReportSpec } from '../utils/report.types.js';

/**
 * The whole report as JSON for people who know the spec: applied as soon as it parses and has the parts the
 * editor's rows are drawn from; the server's preview then checks the rest and names what is wrong.
 */
export function SpecJsonEditor({
  spec,
  onChange,
}: {
  spec: ReportSpec;
  onChange: (spec: ReportSpec) => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(() => JSON.stringify(spec, null, 2));
  const parsed = parseSpecText(text, spec.key);
  const problem =
    'error' in parsed
      ? parsed.error === 'json'
        ? t('reports.json.invalid', { detail: parsed.detail })
        : parsed.error === 'key'
          ? t('reports.json.key', { key: parsed.detail })
          : t('reports.json.shape', { path: parsed.detail })
      : null;
  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">{t('reports.json.help')}</Typography.Text>
      <Input.TextArea
        aria-label={t('reports.json.label')}
        data-testid="report-json"
        value={text}
        spellCheck={false}
        autoSize={{ minRows: 12, maxRows: 40 }}
        style={{ fontFamily: 'monospace', fontSize: 12 }}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          const result = parseSpecText(next, spec.key);
          if ('spec' in result) {
            onChange(result.spec);
          }
        }}
      />
      {problem ? (
        <Alert type="error" showIcon title={t('reports.json.notApplied')} description={problem} />
      ) : (
        <Typography.Text type="success" data-testid="report-json-ok">
          {t('reports.json.applied')}
        </Typography.Text>
      )}
    </Flex>
  );
}
