import { zonedWallTime, zonedWallToInstant } from '@careloom/logic';

/** A parsed five-field cron: the allowed values of each field. */
export interface CronSchedule {
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  daysOfMonth: ReadonlySet<number>;
  months: ReadonlySet<number>;
  daysOfWeek: ReadonlySet<number>;
  /** Day of month and day of week both restricted: a day matches when either does (classic cron). */
  eitherDay: boolean;
}

export type CronProblem = { field: 'count' | 'minute' | 'hour' | 'day' | 'month' | 'weekday'; text: string };

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

const FIELDS = [
  { field: 'minute', min: 0, max: 59, names: [] as string[], first: 0 },
  { field: 'hour', min: 0, max: 23, names: [] as string[], first: 0 },
  { field: 'day', min: 1, max: 31, names: [] as string[], first: 0 },
  { field: 'month', min: 1, max: 12, names: MONTHS, first: 1 },
  { field: 'weekday', min: 0, max: 7, names: WEEKDAYS, first: 0 },
] as const;

/** A number or a name (JAN, MON — as the server's parser reads them). */
function valueOf(text: string, names: readonly string[], first: number): number {
  const named = names.indexOf(text.toUpperCase());
  return named >= 0 ? named + first : /^\d{1,2}$/.test(text) ? Number(text) : Number.NaN;
}

function parseField(
  text: string,
  { min, max, names, first }: { min: number; max: number; names: readonly string[]; first: number },
): Set<number> | undefined {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const match = /^(\*|([A-Za-z]{3}|\d{1,2})(?:-([A-Za-z]{3}|\d{1,2}))?)(?:\/(\d{1,2}))?$/.exec(part);
    if (!match) {
      return undefined;
    }
    const step = match[4] === undefined ? 1 : Number(match[4]);
    let from = min;
    let to = max;
    if (match[1] !== '*') {
      from = valueOf(match[2] ?? '', names, first);
      to = match[3] === undefined ? (match[4] === undefined ? from : max) : valueOf(match[3], names, first);
    }
    if (Number.isNaN(from) || Number.isNaN(to)) {
      return undefined;
    }
    if (step < 1 || from < min || to > max || from > to) {
      return undefined;
    }
    for (let value = from; value <= to; value += step) {
      values.add(value);
    }
  }
  return values;
}

/**
 * Parses `minute hour day month weekday` (numbers, JAN/MON names, `*`, ranges, lists, steps) like the server's
 * `cron.util.ts` does, for the preview; a problem names the field. The server's 400 stays the authority.
 */
export function parseCron(text: string): CronSchedule | CronProblem {
  const parts = text.trim().split(/\s+/);
  if (parts.length !== 5) {
    return { field: 'count', text };
  }
  const sets: Set<number>[] = [];
  for (const [index, spec] of FIELDS.entries()) {
    const set = parseField(parts[index] ?? '', spec);
    if (!set) {
      return { field: spec.field, text: parts[index] ?? '' };
    }
    sets.push(set);
  }
  const [minutes, hours, daysOfMonth, months, weekdays] = sets as [
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
  ];
  if (weekdays.has(7)) {
    weekdays.add(0);
    weekdays.delete(7);
  }
  return {
    minutes,
    hours,
    daysOfMonth,
    months,
    daysOfWeek: weekdays,
    // `*/2` is unrestricted for this purpose, as in the server's parser (and Vixie cron)
    eitherDay: !(parts[2] ?? '').startsWith('*') && !(parts[4] ?? '').startsWith('*'),
  };
}

export function isCronProblem(value: CronSchedule | CronProblem): value is CronProblem {
  return 'field' in value;
}

function dayMatches(schedule: CronSchedule, year: number, month: number, day: number): boolean {
  if (!schedule.months.has(month)) {
    return false;
  }
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  const byDate = schedule.daysOfMonth.has(day);
  const byWeekday = schedule.daysOfWeek.has(weekday);
  return schedule.eitherDay ? byDate || byWeekday : byDate && byWeekday;
}

/**
 * The next `count` instants (epoch ms) after `after` at which the schedule fires in `timeZone`, looking at most
 * `horizonDays` calendar days ahead (a cron such as `0 0 30 2 *` never fires).
 */
export function nextCronTimes(
  schedule: CronSchedule,
  timeZone: string,
  after: number,
  count = 3,
  horizonDays = 366 * 5,
): number[] {
  const found: number[] = [];
  const start = zonedWallTime(after, timeZone);
  const minutes = [...schedule.minutes].sort((a, b) => a - b);
  const hours = [...schedule.hours].sort((a, b) => a - b);
  for (let offset = 0; offset <= horizonDays && found.length < count; offset += 1) {
    const date = new Date(Date.UTC(start.year, start.month - 1, start.day + offset));
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth() + 1;
    const day = date.getUTCDate();
    if (!dayMatches(schedule, year, month, day)) {
      continue;
    }
    for (const hour of hours) {
      for (const minute of minutes) {
        const at = zonedWallToInstant(
          { year, month, day, hour, minute, second: 0, millisecond: 0 },
          timeZone,
        );
        const wall = zonedWallTime(at, timeZone);
        // a wall time skipped by a daylight-saving jump does not exist: no firing then
        if (at > after && wall.hour === hour && wall.minute === minute && found.length < count) {
          found.push(at);
        }
      }
    }
  }
  return found;
}

/** `2026-11-28 08:00` in the zone (for the preview list). */
export function formatInZone(epochMs: number, timeZone: string): string {
  const wall = zonedWallTime(epochMs, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)} ${pad(wall.hour)}:${pad(wall.minute)}`;
}
