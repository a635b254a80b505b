import type { Locale } from '@careloom/forms';

/** What CareForm puts in rjsf's formContext (the antd theme reads `colSpan`, CareForm's widgets `locale`). */
export interface CareFormContext {
  locale: Locale;
  colSpan: number;
  rowGutter: number;
  labelAlign: 'left' | 'right';
  colon: boolean;
}

export function localeOf(formContext: unknown): Locale {
  return typeof formContext === 'object' &&
    formContext !== null &&
    'locale' in formContext &&
    formContext.locale === 'en'
    ? 'en'
    : 'zh-CN';
}
