import { Button, Flex, Input, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '@careloom/app-shell';
import type { FieldOption } from '../utils/form-schema.types.js';
import { uniqueKey } from '../utils/form-edit.util.js';

interface OptionsEditorProps {
  options: FieldOption[];
  /** Integer options (scored items) keep number values. */
  numeric: boolean;
  onChange: (options: FieldOption[], key?: string) => void;
}

/** A choice field's options: stored value plus zh-CN and English labels; add, remove, reorder. */
export function OptionsEditor({ options, numeric, onChange }: OptionsEditorProps) {
  const { t } = useI18n();
  const values = options.map((option) => String(option.value));
  const replace = (index: number, option: FieldOption, key?: string) =>
    onChange(
      options.map((current, i) => (i === index ? option : current)),
      key,
    );
  const move = (index: number, by: -1 | 1) => {
    const next = [...options];
    const [moved] = next.splice(index, 1);
    if (moved) {
      next.splice(index + by, 0, moved);
      onChange(next);
    }
  };
  const duplicates = new Set(values.filter((value, i) => values.indexOf(value) !== i));
  return (
    <Flex vertical gap={6} data-testid="options-editor">
      {options.map((option, index) => (
        <Flex
          key={index}
          gap={4}
          wrap
          align="center"
          style={{ borderBottom: '1px dashed #f0f0f0', paddingBottom: 6 }}
        >
          <Input
            size="small"
            aria-label={t('props.optionZh')}
            placeholder={t('props.optionZh')}
            value={option.label['zh-CN']}
            style={{ flex: '1 1 90px' }}
            onChange={(e) =>
              replace(
                index,
                { ...option, label: { ...option.label, 'zh-CN': e.target.value } },
                `option-zh-${index}`,
              )
            }
          />
          <Input
            size="small"
            aria-label={t('props.optionEn')}
            placeholder={t('props.optionEn')}
            value={option.label.en}
            style={{ flex: '1 1 90px' }}
            onChange={(e) =>
              replace(
                index,
                { ...option, label: { ...option.label, en: e.target.value } },
                `option-en-${index}`,
              )
            }
          />
          <Input
            size="small"
            aria-label={t('props.optionValue')}
            placeholder={t('props.optionValue')}
            value={String(option.value)}
            status={duplicates.has(String(option.value)) || String(option.value) === '' ? 'error' : undefined}
            style={{ flex: '1 1 70px', fontFamily: 'monospace' }}
            onChange={(e) => {
              const raw = e.target.value.trim();
              const value = numeric ? Number.parseInt(raw, 10) : raw;
              if (!numeric || Number.isInteger(value)) {
                replace(index, { ...option, value }, `option-value-${index}`);
              }
            }}
          />
          <Button
            size="small"
            type="text"
            icon={<ArrowUpOutlined />}
            aria-label={t('editor.moveUp')}
            disabled={index === 0}
            onClick={() => move(index, -1)}
          />
          <Button
            size="small"
            type="text"
            icon={<ArrowDownOutlined />}
            aria-label={t('editor.moveDown')}
            disabled={index === options.length - 1}
            onClick={() => move(index, 1)}
          />
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('editor.remove')}
            disabled={options.length <= 1}
            onClick={() => onChange(options.filter((_, i) => i !== index))}
          />
        </Flex>
      ))}
      {duplicates.size > 0 && <Typography.Text type="danger">{t('props.optionDuplicate')}</Typography.Text>}
      <Button
        size="small"
        icon={<PlusOutlined />}
        style={{ alignSelf: 'flex-start' }}
        onClick={() => {
          const n = options.length + 1;
          const value = numeric
            ? Math.max(0, ...options.map((option) => Number(option.value))) + 1
            : uniqueKey(values, `option${n}`);
          onChange([...options, { value, label: { 'zh-CN': `选项${n}`, en: `Option ${n}` } }]);
        }}
      >
        {t('props.addOption')}
      </Button>
    </Flex>
  );
}
