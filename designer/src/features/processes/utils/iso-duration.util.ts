import { describeBusinessDuration, parseBusinessDuration } from '@careloom/engine';
import type { BuilderLocale } from '../../../shared/logic-builder/index.js';

/** The parts of an ISO 8601 duration such as `P1Y2M3DT4H5M` (weeks as `P2W`). */
export interface DurationParts {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** How a timer event is defined: the BPMN element that holds the value. */
export type TimerKind = 'duration' | 'date' | 'cycle';

const DURATION =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

const UNITS: readonly { key: keyof DurationParts; zh: string; en: string }[] = [
  { key: 'years', zh: '年', en: 'year' },
  { key: 'months', zh: '个月', en: 'month' },
  { key: 'weeks', zh: '周', en: 'week' },
  { key: 'days', zh: '天', en: 'day' },
  { key: 'hours', zh: '小时', en: 'hour' },
  { key: 'minutes', zh: '分钟', en: 'minute' },
  { key: 'seconds', zh: '秒', en: 'second' },
];

/** Parses an ISO 8601 duration; null when it is not one (or has no parts at all, like `P` or `PT`). */
export function parseIsoDuration(text: string): DurationParts | null {
  const match = DURATION.exec(text.trim());
  if (!match || text.trim() === 'P' || text.trim().endsWith('T')) {
    return null;
  }
  const num = (index: number): number => Number((match[index] ?? '0').replace(',', '.'));
  return {
    years: num(1),
    months: num(2),
    weeks: num(3),
    days: num(4),
    hours: num(5),
    minutes: num(6),
    seconds: num(7),
  };
}

/** `3 天` / `3 days`, `1 天 2 小时` / `1 day 2 hours`. */
export function describeDurationParts(parts: DurationParts, locale: BuilderLocale): string {
  const pieces = UNITS.filter((unit) => parts[unit.key] > 0).map((unit) => {
    const n = parts[unit.key];
    return locale === 'zh-CN' ? `${n} ${unit.zh}` : `${n} ${unit.en}${n === 1 ? '' : 's'}`;
  });
  if (pieces.length === 0) {
    return locale === 'zh-CN' ? '立即' : 'at once';
  }
  return pieces.join(' ');
}

/**
 * `P3D` → `3 天后` / `in 3 days`; business time (`P3WD`, `PT4WH`, `3个工作日`, the engine's parser) →
 * `3 个工作日后` / `in 3 working days`; null when the text is not a literal duration.
 */
export function describeDuration(text: string, locale: BuilderLocale): string | null {
  const business = parseBusinessDuration(text);
  if (business) {
    const span = describeBusinessDuration(business, locale);
    return locale === 'zh-CN' ? `${span}后` : `in ${span}`;
  }
  const parts = parseIsoDuration(text);
  if (!parts) {
    return null;
  }
  const span = describeDurationParts(parts, locale);
  return locale === 'zh-CN' ? `${span}后` : `in ${span}`;
}

/** `R4/P7D` → `每 7 天，共 4 次` / `every 7 days, 4 times`; `R/P1D` repeats forever; with a start instant. */
export function describeCycle(text: string, locale: BuilderLocale): string | null {
  const pieces = text.trim().split('/');
  const [repeat, second, third] = pieces;
  if (repeat === undefined || !/^R\d*$/.test(repeat) || second === undefined || pieces.length > 3) {
    return null;
  }
  const start = third === undefined ? undefined : second;
  const interval = parseIsoDuration(third ?? second);
  if (!interval) {
    return null;
  }
  const count = repeat.length > 1 ? Number(repeat.slice(1)) : undefined;
  const span = describeDurationParts(interval, locale);
  const every =
    locale === 'zh-CN'
      ? `每 ${span}，${count === undefined ? '不限次数' : `共 ${count} 次`}`
      : `every ${span}, ${count === undefined ? 'without end' : `${count} time${count === 1 ? '' : 's'}`}`;
  if (start === undefined) {
    return every;
  }
  return locale === 'zh-CN' ? `从 ${start} 起${every}` : `from ${start}, ${every}`;
}

/** A human reading of a timer value of the given kind; expressions (`=…`, `${…}`) are named as such. */
export function describeTimer(kind: TimerKind, value: string, locale: BuilderLocale): string | null {
  const text = value.trim();
  if (text.length === 0) {
    return null;
  }
  if (text.startsWith('=') || text.startsWith('${')) {
    return locale === 'zh-CN' ? '运行时计算的表达式' : 'an expression evaluated at run time';
  }
  if (kind === 'duration') {
    return describeDuration(text, locale);
  }
  if (kind === 'cycle') {
    return describeCycle(text, locale);
  }
  return /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/.test(text)
    ? locale === 'zh-CN'
      ? `于 ${text.replace('T', ' ')}`
      : `at ${text.replace('T', ' ')}`
    : null;
}
