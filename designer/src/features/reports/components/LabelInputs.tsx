import { Flex, Form, Input } from 'antd';
import { useI18n } from '@careloom/app-shell';
import { problemAt } from '../utils/report-spec.util.js';
import type { LocalizedText, SpecProblem } from '../utils/report.types.js';
import { RowField } from './SpecRow.js';

/** The optional zh/en column label of a grouping or measure (without one the server derives it). */
export function LabelInputs({
  value,
  placeholder,
  rowName,
  onChange,
}: {
  value: LocalizedText | undefined;
  /** The label the server would derive, as a hint. */
  placeholder: LocalizedText;
  rowName: string;
  onChange: (label: LocalizedText | undefined, key: string) => void;
}) {
  const { t } = useI18n();
  const set = (locale: 'zh-CN' | 'en', text: string) => {
    const next = { 'zh-CN': value?.['zh-CN'] ?? '', en: value?.en ?? '', [locale]: text };
    onChange(next['zh-CN'] === '' && next.en === '' ? undefined : next, `label.${locale}`);
  };
  return (
    <>
      <RowField label={t('reports.row.labelZh')}>
        <Input
          size="small"
          maxLength={60}
          aria-label={`${rowName} ${t('reports.row.labelZh')}`}
          placeholder={placeholder['zh-CN']}
          value={value?.['zh-CN'] ?? ''}
          onChange={(event) => set('zh-CN', event.target.value)}
        />
      </RowField>
      <RowField label={t('reports.row.labelEn')}>
        <Input
          size="small"
          maxLength={60}
          aria-label={`${rowName} ${t('reports.row.labelEn')}`}
          placeholder={placeholder.en}
          value={value?.en ?? ''}
          onChange={(event) => set('en', event.target.value)}
        />
      </RowField>
    </>
  );
}

/** The tail of every grouping and measure row: its column key and its optional zh/en label. */
export function RowNaming({
  rowKey,
  keyInvalid,
  label,
  placeholder,
  rowName,
  onKey,
  onLabel,
}: {
  rowKey: string;
  /** The server pointed a problem at the key. */
  keyInvalid: boolean;
  label: LocalizedText | undefined;
  placeholder: LocalizedText;
  rowName: string;
  onKey: (next: string) => void;
  onLabel: (label: LocalizedText | undefined, key: string) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <RowField label={t('reports.row.key')} basis={100}>
        <Input
          size="small"
          maxLength={40}
          aria-label={`${rowName} ${t('reports.row.key')}`}
          status={keyInvalid ? 'error' : undefined}
          value={rowKey}
          onChange={(event) => onKey(event.target.value)}
        />
      </RowField>
      <LabelInputs value={label} placeholder={placeholder} rowName={rowName} onChange={onLabel} />
    </>
  );
}

/** A report's or dashboard's zh/en title, with the server's problems at `/title` shown under it. */
export function TitleInputs({
  value,
  problems,
  onChange,
}: {
  value: LocalizedText;
  problems: readonly SpecProblem[];
  onChange: (title: LocalizedText, undoKey: string) => void;
}) {
  const { t } = useI18n();
  const status = (which: 'zh-CN' | 'en') => {
    const found = problemAt(problems, `/title/${which}`) ?? problemAt(problems, '/title');
    return found ? { validateStatus: 'error' as const, help: found } : {};
  };
  const input = (which: 'zh-CN' | 'en', label: string, undoKey: string) => (
    <Form.Item label={label} style={{ flex: '1 1 220px', marginBottom: 0 }} {...status(which)}>
      <Input
        aria-label={label}
        maxLength={100}
        value={value[which]}
        onChange={(event) => onChange({ ...value, [which]: event.target.value }, undoKey)}
      />
    </Form.Item>
  );
  return (
    <Form layout="vertical" component="div">
      <Flex gap={12} wrap>
        {input('zh-CN', t('reports.titleZh'), 'title.zh')}
        {input('en', t('reports.titleEn'), 'title.en')}
      </Flex>
    </Form>
  );
}
