import {
  daysInMonth,
  parseTemporal,
  zonedWallTime,
  zonedWallToInstant,
  type CalendarDate,
} from '@careloom/logic';

/** A calendar period (no clock part): what `every` repeats by. */
export type Period = { years: number; months: number; days: number };
export type LocalTime = { hour: number; minute: number };

/** Default local time of date-field reminders. */
export const DEFAULT_REMINDER_TIME = '09:00';
/** How many repetitions of an `every` period are looked through for the next one (100 years of P1M…). */
const MAX_REPETITIONS = 1200;

/** `PnYnMnWnD` (at least one, not all zero), or null. */
export function parsePeriod(text: string): Period | null {
  const match = /^P(?:(\d{1,3})Y)?(?:(\d{1,4})M)?(?:(\d{1,4})W)?(?:(\d{1,5})D)?$/.exec(text);
  if (!match || text === 'P') {
    return null;
  }
  const [, y, m, w, d] = match;
  const period = { years: Number(y ?? 0), months: Number(m ?? 0), days: Number(w ?? 0) * 7 + Number(d ?? 0) };
  return period.years + period.months + period.days > 0 ? period : null;
}

/** `HH:MM` (24-hour), or null. */
export function parseLocalTime(text: string): LocalTime | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : null;
}

/** The calendar date a field value stands for in the zone ('YYYY-MM-DD', or an instant's local date). */
export function calendarDateOf(value: unknown, timeZone: string): CalendarDate | null {
  const parsed = parseTemporal(value, timeZone);
  if (!parsed) {
    return null;
  }
  if (parsed.type === 'date') {
    return parsed.date;
  }
  const wall = zonedWallTime(parsed.epochMs, timeZone);
  return { year: wall.year, month: wall.month, day: wall.day };
}

function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** `times` periods after `date`, months first and clamped to the month's end (31 Aug + P6M = 28/29 Feb). */
function addPeriods(date: CalendarDate, period: Period, times: number): CalendarDate {
  const months = date.month - 1 + (period.years * 12 + period.months) * times;
  const year = date.year + Math.floor(months / 12);
  const month = (((months % 12) + 12) % 12) + 1;
  return addDays({ year, month, day: Math.min(date.day, daysInMonth(year, month)) }, period.days * times);
}

const instantAt = (date: CalendarDate, time: LocalTime, timeZone: string): number =>
  zonedWallToInstant({ ...date, ...time, second: 0, millisecond: 0 }, timeZone);

export type DateOccurrence = { dueAt: number; offsetDays: number | null; repetition: number | null };

/**
 * When a date-field trigger comes due for one record's date: every offset still in the future, and the
 * next repetition of `every` after `afterMs` (one at a time: each firing schedules the next). Sorted.
 */
export function dateFieldOccurrences(
  trigger: { offsetsDays?: number[]; every?: string; at?: string },
  value: unknown,
  timeZone: string,
  afterMs: number,
): DateOccurrence[] {
  const date = calendarDateOf(value, timeZone);
  const time = parseLocalTime(trigger.at ?? DEFAULT_REMINDER_TIME);
  if (!date || !time) {
    return [];
  }
  const found: DateOccurrence[] = [];
  for (const offsetDays of trigger.offsetsDays ?? []) {
    const dueAt = instantAt(addDays(date, offsetDays), time, timeZone);
    if (dueAt > afterMs) {
      found.push({ dueAt, offsetDays, repetition: null });
    }
  }
  const next = trigger.every ? nextRepetition(date, trigger.every, time, timeZone, afterMs) : null;
  if (next) {
    found.push(next);
  }
  return found.sort((a, b) => a.dueAt - b.dueAt);
}

/** The first repetition of `every` after the date that falls after `afterMs`, or null. */
export function nextRepetition(
  date: CalendarDate,
  every: string,
  time: LocalTime,
  timeZone: string,
  afterMs: number,
): DateOccurrence | null {
  const period = parsePeriod(every);
  if (!period) {
    return null;
  }
  for (let repetition = 1; repetition <= MAX_REPETITIONS; repetition += 1) {
    const dueAt = instantAt(addPeriods(date, period, repetition), time, timeZone);
    if (dueAt > afterMs) {
      return { dueAt, offsetDays: null, repetition };
    }
  }
  return null;
}
