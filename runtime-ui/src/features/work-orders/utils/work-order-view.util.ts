import type { Translate } from '@careloom/app-shell';

export const COMPLAINT_TYPES = [
  'care',
  'meals',
  'cleaning',
  'facilities',
  'billing',
  'attitude',
  'other',
] as const;
export const HANDLER_ROLES = ['head-nurse', 'logistics', 'front-desk', 'admin'] as const;
export const STATUS_TABS = ['open', 'resolved', 'closed', 'all'] as const;
export type StatusTab = (typeof STATUS_TABS)[number];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A duration in the two largest units people read at a glance: 1天3小时, 2小时15分, 5分. */
export function formatDuration(ms: number, t: Translate, locale: string): string {
  const total = Math.abs(ms);
  if (total < MINUTE) {
    return t('wo.duration.lessThanMinute');
  }
  const days = Math.floor(total / DAY);
  const hours = Math.floor((total % DAY) / HOUR);
  const minutes = Math.floor((total % HOUR) / MINUTE);
  const parts: string[] = [];
  if (days > 0) {
    parts.push(t('wo.duration.day', { n: days }));
    if (hours > 0) {
      parts.push(t('wo.duration.hour', { n: hours }));
    }
  } else if (hours > 0) {
    parts.push(t('wo.duration.hour', { n: hours }));
    if (minutes > 0) {
      parts.push(t('wo.duration.minute', { n: minutes }));
    }
  } else {
    parts.push(t('wo.duration.minute', { n: minutes }));
  }
  return parts.join(locale === 'en' ? ' ' : '');
}

/** The known label of a key, or the key itself (types and roles a template may add). */
export function labelOr(t: Translate, key: string, fallback: string): string {
  const text = t(key);
  return text === key ? fallback : text;
}
