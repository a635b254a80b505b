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

const WORDS =
  /^\s*(\d+(?:\.\d+)?)\s*(?:个)?\s*(working days?|business days?|工作日|working hours?|business hours?|工作小时|working minutes?|工作分钟)\s*$/i;
/** ISO-like form: `P3WD` (working days), `PT4WH`, `PT30WM`, `PT1WH30WM` (working hours and minutes). */
const ISO_LIKE = /^\s*P(?:(\d+)WD|T(?:(\d+)WH)?(?:(\d+)WM)?)\s*$/;

/**
 * Reads a business duration: the ISO-like form `P3WD` / `PT4WH` / `PT30WM` / `PT1WH30WM`, or words
 * "3 working days", "3个工作日", "4 working hours", "4个工作小时", "30 working minutes". Null otherwise
 * (plain ISO durations such as `P3D` are not business time).
 */
export function parseBusinessDuration(text: string): BusinessDuration | null {
  const iso = ISO_LIKE.exec(text);
  if (iso) {
    if (iso[1] !== undefined) {
      return { days: Number(iso[1]) };
    }
    if (iso[2] === undefined && iso[3] === undefined) {
      return null;
    }
    return { minutes: Number(iso[2] ?? '0') * 60 + Number(iso[3] ?? '0') };
  }
  const match = WORDS.exec(text);
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

/** A business duration for people: "3 个工作日" / "3 working days", "4 个工作小时 30 分钟" / "4 working hours 30 minutes". */
export function describeBusinessDuration(amount: BusinessDuration, locale: 'zh-CN' | 'en'): string {
  const zh = locale === 'zh-CN';
  if ('days' in amount) {
    return zh ? `${amount.days} 个工作日` : `${amount.days} working day${amount.days === 1 ? '' : 's'}`;
  }
  const hours = Math.floor(amount.minutes / 60);
  const minutes = amount.minutes % 60;
  if (hours === 0) {
    return zh ? `${minutes} 个工作分钟` : `${minutes} working minute${minutes === 1 ? '' : 's'}`;
  }
  const head = zh ? `${hours} 个工作小时` : `${hours} working hour${hours === 1 ? '' : 's'}`;
  if (minutes === 0) {
    return head;
  }
  return zh ? `${head} ${minutes} 分钟` : `${head} ${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** One year of a calendar: days off and make-up workdays, where they came from, and whether they are final. */
export interface CalendarYear {
  holidays: string[];
  workdays: string[];
  /** True until the year's official arrangement (the State Council notice) has been loaded. */
  provisional: boolean;
  source: string;
}

/** A calendar as data (the shipped JSON, the server's table row): per-year holidays and make-up workdays. */
export interface CalendarData {
  timeZone: string;
  weekdays: number[];
  hours: WorkingPeriod[];
  years: Record<string, CalendarYear>;
}

/** Flattens calendar data into the calendar `addBusinessTime` works on. */
export function businessCalendarOf(data: CalendarData, alwaysOpen = false): BusinessCalendar {
  const years = Object.keys(data.years).sort();
  return {
    timeZone: data.timeZone,
    ...(alwaysOpen ? { alwaysOpen: true } : {}),
    weekdays: [...data.weekdays],
    hours: data.hours.map((period) => ({ ...period })),
    holidays: years.flatMap((year) => data.years[year]?.holidays ?? []),
    workdays: years.flatMap((year) => data.years[year]?.workdays ?? []),
  };
}

/** The calendar used when business time is asked for and the context has none: Monday–Friday, standard hours, no holidays. */
export function standardCalendar(timeZone: string): BusinessCalendar {
  return { timeZone, weekdays: [1, 2, 3, 4, 5], hours: STANDARD_HOURS, holidays: [], workdays: [] };
}

export interface CalendarProblem {
  /** JSON pointer into the calendar data. */
  path: string;
  message: string;
  messageZh: string;
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const isRealDate = (text: string, year?: string): boolean => {
  const match = DATE.exec(text);
  if (!match || (year !== undefined && match[1] !== year)) {
    return false;
  }
  const d = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return d.toISOString().slice(0, 10) === text;
};

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** Working hours: 'HH:MM' periods, each start before its end, in order and not overlapping. */
export function workingHoursProblems(hours: WorkingPeriod[], path: string): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  if (hours.length === 0) {
    problems.push({
      path,
      message: 'at least one working period is needed',
      messageZh: '至少需要一个工作时段',
    });
  }
  let previousEnd = -1;
  hours.forEach((period, index) => {
    const at = `${path}/${index}`;
    if (!HHMM.test(period.start) || !HHMM.test(period.end)) {
      problems.push({
        path: at,
        message: 'start and end must be HH:MM',
        messageZh: '开始和结束时间须为 HH:MM',
      });
      return;
    }
    const start = minutesOf(period.start);
    const end = minutesOf(period.end);
    if (end <= start) {
      problems.push({
        path: `${at}/end`,
        message: 'the end must be after the start',
        messageZh: '结束时间须晚于开始时间',
      });
    } else if (start < previousEnd) {
      problems.push({
        path: `${at}/start`,
        message: 'periods must be in order and must not overlap',
        messageZh: '工作时段须按时间顺序且不能重叠',
      });
    }
    previousEnd = Math.max(previousEnd, end);
  });
  return problems;
}

/** One year's data: real dates of that year, no date both a holiday and a make-up workday. */
export function calendarYearProblems(
  year: string,
  data: Pick<CalendarYear, 'holidays' | 'workdays'>,
  path: string,
): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  if (!/^\d{4}$/.test(year)) {
    return [{ path, message: 'the year must have four digits', messageZh: '年份须为四位数字' }];
  }
  for (const list of ['holidays', 'workdays'] as const) {
    const seen = new Set<string>();
    data[list].forEach((date, index) => {
      if (!isRealDate(date, year)) {
        problems.push({
          path: `${path}/${list}/${index}`,
          message: `"${date}" is not a date (YYYY-MM-DD) in ${year}`,
          messageZh: `"${date}" 不是 ${year} 年的日期（YYYY-MM-DD）`,
        });
      } else if (seen.has(date)) {
        problems.push({
          path: `${path}/${list}/${index}`,
          message: `${date} is listed twice`,
          messageZh: `${date} 重复列出`,
        });
      }
      seen.add(date);
    });
  }
  data.workdays.forEach((date, index) => {
    if (data.holidays.includes(date)) {
      problems.push({
        path: `${path}/workdays/${index}`,
        message: `${date} cannot be both a holiday and a make-up workday`,
        messageZh: `${date} 不能既是假日又是调休上班日`,
      });
    }
  });
  return problems;
}

/** Everything wrong with calendar data (empty when it can be used). */
export function calendarProblems(data: CalendarData): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  if (!isTimeZone(data.timeZone)) {
    problems.push({
      path: '/timeZone',
      message: `"${data.timeZone}" is not an IANA time zone (e.g. Asia/Shanghai)`,
      messageZh: `"${data.timeZone}" 不是 IANA 时区（例如 Asia/Shanghai）`,
    });
  }
  data.weekdays.forEach((day, index) => {
    if (!Number.isInteger(day) || day < 1 || day > 7 || data.weekdays.indexOf(day) !== index) {
      problems.push({
        path: `/weekdays/${index}`,
        message: 'weekdays are distinct numbers 1 (Monday) to 7 (Sunday)',
        messageZh: '工作日须为不重复的 1（周一）到 7（周日）',
      });
    }
  });
  problems.push(...workingHoursProblems(data.hours, '/hours'));
  for (const [year, value] of Object.entries(data.years)) {
    problems.push(...calendarYearProblems(year, value, `/years/${year}`));
  }
  return problems;
}
