// Business time: working days and working hours on a calendar with statutory holidays and make-up
// workdays (调休), in the calendar's time zone. Pure: the calendar is data, time comes in as ISO text.
import {
  formatInstant,
  parseInstant,
  zonedWallTime,
  zonedWallToInstant,
  type WallTime,
} from './zone.util.js';

export interface WorkingPeriod {
  /** 'HH:MM', inclusive. */
  start: string;
  /** 'HH:MM', exclusive; after start. */
  end: string;
}

export interface BusinessCalendar {
  timeZone: string;
  /** A 24×7 unit: business time is plain time. */
  alwaysOpen?: boolean;
  /** Working weekdays, ISO numbering (1 = Monday … 7 = Sunday). */
  weekdays: number[];
  /** Working periods of a working day, in order, not overlapping. */
  hours: WorkingPeriod[];
  /** Days off although they fall on a working weekday ('YYYY-MM-DD'). */
  holidays: string[];
  /** Days worked although they fall on a weekend (make-up workdays, 调休). */
  workdays: string[];
}

/** An amount of business time: whole working days, or working hours and minutes. */
export type BusinessDuration = { days: number } | { minutes: number };

export const STANDARD_HOURS: WorkingPeriod[] = [
  { start: '08:30', end: '12:00' },
  { start: '13:30', end: '17:30' },
];

const pad = (n: number): string => String(n).padStart(2, '0');
const dateKey = (w: Pick<WallTime, 'year' | 'month' | 'day'>): string =>
  `${w.year}-${pad(w.month)}-${pad(w.day)}`;
const minutesOf = (hhmm: string): number => {
  const [h = '0', m = '0'] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
};

/** ISO weekday (1 = Monday) of a calendar date. */
function weekdayOf(year: number, month: number, day: number): number {
  const d = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return d === 0 ? 7 : d;
}

function nextDate(w: Pick<WallTime, 'year' | 'month' | 'day'>): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day + 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Is this calendar date ('YYYY-MM-DD') a working day? Make-up workdays win over weekends, holidays over weekdays. */
export function isWorkingDay(date: string, calendar: BusinessCalendar): boolean {
  if (calendar.alwaysOpen) {
    return true;
  }
  if (calendar.workdays.includes(date)) {
    return true;
  }
  if (calendar.holidays.includes(date)) {
    return false;
  }
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return calendar.weekdays.includes(weekdayOf(y, m, d));
}

const instantAt = (
  date: { year: number; month: number; day: number },
  minute: number,
  timeZone: string,
): number =>
  zonedWallToInstant(
    { ...date, hour: Math.floor(minute / 60), minute: minute % 60, second: 0, millisecond: 0 },
    timeZone,
  );

/** At most this many days are searched for working time (a calendar with none fails instead of looping). */
const MAX_SCAN_DAYS = 3660;

function requireInstant(text: string, timeZone: string): number {
  const at = parseInstant(text, timeZone);
  if (at === null) {
    throw new Error(`"${text}" is not an ISO date or instant`);
  }
  return at;
}

/**
 * Adds business time to an instant and returns the deadline (ISO instant).
 * - `{ days: n }`: the n-th working day after the start's date, at the start's time of day clamped
 *   into working hours (filed Friday 10:00 + 1 working day → Monday 10:00; filed on the eve of a holiday
 *   week, the count resumes after it, and a make-up Saturday counts).
 * - `{ minutes: n }`: working time is consumed period by period (17:00 Friday + 4 working hours →
 *   Monday 11:00 with 08:30–12:00 and 13:30–17:30).
 */
export function addBusinessTime(start: string, amount: BusinessDuration, calendar: BusinessCalendar): string {
  const startMs = requireInstant(start, calendar.timeZone);
  if (calendar.alwaysOpen) {
    const ms = 'days' in amount ? amount.days * 86_400_000 : amount.minutes * 60_000;
    return formatInstant(startMs + ms);
  }
  const periods = calendar.hours.map((p) => ({ start: minutesOf(p.start), end: minutesOf(p.end) }));
  if (periods.length === 0) {
    throw new Error('the calendar has no working hours');
  }
  const wall = zonedWallTime(startMs, calendar.timeZone);
  let date = { year: wall.year, month: wall.month, day: wall.day };

  if ('days' in amount) {
    let left = amount.days;
    for (let scanned = 0; left > 0; scanned += 1) {
      if (scanned > MAX_SCAN_DAYS) {
        throw new Error('no working days found in ten years of the calendar');
      }
      date = nextDate(date);
      if (isWorkingDay(dateKey(date), calendar)) {
        left -= 1;
      }
    }
    const open = periods[0]!.start;
    const close = periods[periods.length - 1]!.end;
    const minute = Math.min(Math.max(wall.hour * 60 + wall.minute, open), close);
    return formatInstant(instantAt(date, minute, calendar.timeZone));
  }

  let left = amount.minutes;
  let minute = wall.hour * 60 + wall.minute + (wall.second > 0 || wall.millisecond > 0 ? 1 : 0);
  for (let scanned = 0; scanned <= MAX_SCAN_DAYS; scanned += 1) {
    if (isWorkingDay(dateKey(date), calendar)) {
      for (const period of periods) {
        const from = Math.max(minute, period.start);
        if (from >= period.end) {
          continue;
        }
        const available = period.end - from;
        if (left <= available) {
          return formatInstant(instantAt(date, from + left, calendar.timeZone));
        }
        left -= available;
      }
    }
    date = nextDate(date);
    minute = 0;
  }
  throw new Error('no working time found in ten years of the calendar');
}

const TEXT =
  /^\s*(\d+(?:\.\d+)?)\s*(?:个)?\s*(working days?|business days?|工作日|working hours?|business hours?|工作小时|working minutes?|工作分钟)\s*$/i;

/** Reads "3 working days", "3个工作日", "4 working hours", "4个工作小时", "30 working minutes"; null otherwise. */
export function parseBusinessDuration(text: string): BusinessDuration | null {
  const match = TEXT.exec(text);
  if (!match) {
    return null;
  }
  const n = Number(match[1]);
  const unit = (match[2] ?? '').toLowerCase();
  if (unit.includes('day') || unit === '工作日') {
    return Number.isInteger(n) ? { days: n } : null;
  }
  const minutes = unit.includes('hour') || unit === '工作小时' ? n * 60 : n;
  return Number.isInteger(minutes) ? { minutes } : null;
}
