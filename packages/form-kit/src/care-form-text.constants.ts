import type { Locale } from '@careloom/forms';

/** The few texts form-kit renders itself, in both languages. */
export const CARE_FORM_TEXT = {
  'zh-CN': {
    submit: '保存',
    points: '{score} 分',
    missing: '还有 {count} 项未评',
    notScored: '尚未评分',
    empty: '—',
    schemaError: '表单定义有误，无法显示',
    yes: '是',
    no: '否',
  },
  en: {
    submit: 'Save',
    points: '{score} pts',
    missing: '{count} items not answered yet',
    notScored: 'Not scored yet',
    empty: '—',
    schemaError: 'The form definition has errors and cannot be shown',
    yes: 'Yes',
    no: 'No',
  },
} as const satisfies Record<Locale, Record<string, string>>;

export type CareFormTextKey = keyof (typeof CARE_FORM_TEXT)['zh-CN'];

export function careText(
  locale: Locale,
  key: CareFormTextKey,
  values: Record<string, string | number> = {},
): string {
  return CARE_FORM_TEXT[locale][key].replace(/\{(\w+)\}/g, (all, name: string) =>
    String(values[name] ?? all),
  );
}
