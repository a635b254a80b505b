import type { CalendarYear } from '../../process-runtime/business-time.util.js';

export type CoverageGap = { year: string; kind: 'missing' | 'provisional' };

/** The year ('2026') of an instant in a time zone. */
export function yearIn(instant: Date, timeZone: string): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(instant));
}

/** Years from `from` to `to` (inclusive) that a calendar has no data for, or only provisional data. */
export function coverageGaps(years: Record<string, CalendarYear>, from: number, to: number): CoverageGap[] {
  const gaps: CoverageGap[] = [];
  for (let year = from; year <= Math.min(to, from + 10); year += 1) {
    const data = years[String(year)];
    if (!data) {
      gaps.push({ year: String(year), kind: 'missing' });
    } else if (data.provisional) {
      gaps.push({ year: String(year), kind: 'provisional' });
    }
  }
  return gaps;
}

/** What an admin should do about a gap, in the caller's language. */
export function gapMessage(key: string, gap: CoverageGap, locale: 'zh-CN' | 'en'): string {
  const put = `PUT /api/calendars/${key}/years/${gap.year}`;
  if (gap.kind === 'missing') {
    return locale === 'en'
      ? `No holidays or make-up workdays for ${gap.year}: only weekends are days off. Load the year's official arrangement with ${put}.`
      : `${gap.year} 年没有节假日和调休数据：只有周末算休息日。请用 ${put} 载入当年的官方放假安排。`;
  }
  return locale === 'en'
    ? `${gap.year} is provisional (statutory days only, no make-up workdays). Load the State Council's notice for ${gap.year} with ${put} once it is published.`
    : `${gap.year} 年为临时数据（仅法定假日，无调休）。国务院办公厅发布 ${gap.year} 年节假日安排通知后，请用 ${put} 载入。`;
}
