import { Input } from 'antd';
import { useI18n } from '@careloom/app-shell';
import type { LocalizedText } from '../utils/report.types.js';
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
