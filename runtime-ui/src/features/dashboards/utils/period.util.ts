// The dashboard's period filter: a calendar month or an inclusive from–to date range, turned into the
// API's half-open [from, to) dates. Dates are plain YYYY-MM-DD strings (the tenant's calendar days).

export type Period = { kind: 'month'; month: string } | { kind: 'range'; from: string; to: string };

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM` of a local date (the browser's calendar, which is the tenant's for nearly every user). */
export function monthOf(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}`;
}

export function isMonth(text: string): boolean {
  return MONTH.test(text);
}

/** A real calendar date in YYYY-MM-DD (rejects 2026-02-30). */
export function isDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) {
    return false;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The calendar date `days` after a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(year, month - 1, day + days));
  return `${pad(next.getUTCFullYear(), 4)}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
}

/** The first day of the month after `YYYY-MM`. */
function nextMonthStart(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${pad(year + 1, 4)}-01-01` : `${pad(year, 4)}-${pad(m + 1)}-01`;
}

/** The API's half-open date range of a period: a month is [1st, 1st of next month); a range's end is inclusive. */
export function periodToRange(period: Period): { from: string; to: string } {
  if (period.kind === 'month') {
    return { from: `${period.month}-01`, to: nextMonthStart(period.month) };
  }
  return { from: period.from, to: addDays(period.to, 1) };
}
