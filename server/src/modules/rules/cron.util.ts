import { zonedWallTime, zonedWallToInstant, type WallTime } from '@careloom/logic';

/** A parsed five-field cron expression: minutes hours day-of-month month day-of-week. */
export type CronSchedule = {
  minutes: readonly number[];
  hours: readonly number[];
  daysOfMonth: ReadonlySet<number>;
  months: ReadonlySet<number>;
  /** 0 = Sunday … 6 = Saturday (7 is read as 0). */
  daysOfWeek: ReadonlySet<number>;
  /** Both day fields restricted (not `*`): a day matches when either does, as in every cron since Vixie's. */
  dayOr: boolean;
  /** Only the day-of-week field restricted: the day-of-month field is ignored. */
  weekdaysOnly: boolean;
};

/** A refused expression says why in English (`message`) and in Chinese (`zh`). */
export type CronParseResult =
  { ok: true; schedule: CronSchedule } | { ok: false; message: string; zh: string };

/** `zh`: the field's name in Chinese, for the Chinese wording of its problems. */
type FieldSpec = { name: string; zh: string; min: number; max: number; names?: readonly string[] };

const FIELDS: readonly FieldSpec[] = [
  { name: 'minute', zh: '分钟', min: 0, max: 59 },
  { name: 'hour', zh: '小时', min: 0, max: 23 },
  { name: 'day of month', zh: '日期（几号）', min: 1, max: 31 },
  {
    name: 'month',
    zh: '月份',
    min: 1,
    max: 12,
    names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
  },
  {
    name: 'day of week',
    zh: '星期',
    min: 0,
    max: 7,
    names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'],
  },
];

/** How far ahead an occurrence is looked for: long enough for 29 February after a skipped leap year. */
const SEARCH_DAYS = 366 * 9;
export const MAX_CRON_LENGTH = 200;

/** `zh`: the message in Chinese. */
class CronSyntaxError extends Error {
  constructor(
    message: string,
    readonly zh: string,
  ) {
    super(message);
  }
}

function valueOf(text: string, field: FieldSpec): number {
  const upper = text.toUpperCase();
  const named = field.names?.indexOf(upper) ?? -1;
  if (named >= 0) {
    return named + (field.name === 'month' ? 1 : 0);
  }
  if (!/^\d{1,2}$/.test(text)) {
    throw new CronSyntaxError(
      `${field.name}: "${text}" is not a number`,
      `cron 的${field.zh}字段：“${text}”不是数字`,
    );
  }
  const value = Number(text);
  if (value < field.min || value > field.max) {
    throw new CronSyntaxError(
      `${field.name}: ${value} is outside ${field.min}–${field.max}`,
      `cron 的${field.zh}字段：${value} 超出了 ${field.min}–${field.max} 的范围`,
    );
  }
  return value;
}

function parseField(text: string, field: FieldSpec): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const [range = '', stepText, extra] = part.split('/');
    if (extra !== undefined || range === '') {
      throw new CronSyntaxError(
        `${field.name}: "${part}" is not a value, range or step`,
        `cron 的${field.zh}字段：“${part}”不是有效的取值、范围或步长`,
      );
    }
    let step = 1;
    if (stepText !== undefined) {
      if (!/^\d{1,2}$/.test(stepText) || Number(stepText) < 1) {
        throw new CronSyntaxError(
          `${field.name}: the step in "${part}" must be a whole number from 1`,
          `cron 的${field.zh}字段：“${part}”中的步长须为不小于 1 的整数`,
        );
      }
      step = Number(stepText);
    }
    let from: number;
    let to: number;
    if (range === '*') {
      from = field.min;
      to = field.max;
    } else if (range.includes('-')) {
      const [a = '', b = '', more] = range.split('-');
      if (more !== undefined) {
        throw new CronSyntaxError(
          `${field.name}: "${range}" is not a range`,
          `cron 的${field.zh}字段：“${range}”不是有效的范围`,
        );
      }
      from = valueOf(a, field);
      to = valueOf(b, field);
      if (from > to) {
        throw new CronSyntaxError(
          `${field.name}: the range "${range}" runs backwards`,
          `cron 的${field.zh}字段：范围“${range}”起点大于终点，请把小的数写在前面`,
        );
      }
    } else {
      from = valueOf(range, field);
      to = stepText === undefined ? from : field.max;
    }
    for (let value = from; value <= to; value += step) {
      values.add(value);
    }
  }
  return values;
}

/** Parses `minute hour day-of-month month day-of-week` with lists, ranges, steps and JAN/MON names. */
export function parseCron(expression: string): CronParseResult {
  if (typeof expression !== 'string' || expression.length > MAX_CRON_LENGTH) {
    return {
      ok: false,
      message: `cron must be a text of at most ${MAX_CRON_LENGTH} characters`,
      zh: `cron 须为文本，最多 ${MAX_CRON_LENGTH} 个字符`,
    };
  }
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) {
    const got = parts[0] === '' ? 0 : parts.length;
    return {
      ok: false,
      message: `cron needs 5 fields (minute hour day-of-month month day-of-week), got ${got}`,
      zh: `cron 需要 5 个字段（分 时 日 月 周，用空格分隔），现在是 ${got} 个`,
    };
  }
  try {
    const [minutes, hours, daysOfMonth, months, daysOfWeek] = FIELDS.map((field, i) =>
      parseField(parts[i] ?? '', field),
    ) as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>];
    if (daysOfWeek.delete(7)) {
      daysOfWeek.add(0);
    }
    const domRestricted = !(parts[2] ?? '').startsWith('*');
    const dowRestricted = !(parts[4] ?? '').startsWith('*');
    const schedule: CronSchedule = {
      minutes: [...minutes].sort((a, b) => a - b),
      hours: [...hours].sort((a, b) => a - b),
      daysOfMonth,
      months,
      daysOfWeek,
      dayOr: domRestricted && dowRestricted,
      weekdaysOnly: dowRestricted && !domRestricted,
    };
    if (nextCronOccurrence(schedule, Date.UTC(2000, 0, 1), 'UTC') === null) {
      return {
        ok: false,
        message: 'cron never matches a real date (e.g. 31 in a month that has 30 days)',
        zh: 'cron 永远碰不到真实存在的日期（例如在只有 30 天的月份里写了 31 号）',
      };
    }
    return { ok: true, schedule };
  } catch (error) {
    if (error instanceof CronSyntaxError) {
      return { ok: false, message: error.message, zh: error.zh };
    }
    throw error;
  }
}

function dayMatches(schedule: CronSchedule, day: Date): boolean {
  if (!schedule.months.has(day.getUTCMonth() + 1)) {
    return false;
  }
  const dom = schedule.daysOfMonth.has(day.getUTCDate());
  const dow = schedule.daysOfWeek.has(day.getUTCDay());
  if (schedule.dayOr) {
    return dom || dow;
  }
  return schedule.weekdaysOnly ? dow : dom && dow;
}

const wallMs = (wall: WallTime): number =>
  Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond);

/**
 * The instant the zone's wall clock shows `wall`. A time inside a daylight-saving gap (02:30 on a
 * spring-forward night) happens as far after the gap as it was into it (03:30), as Temporal's
 * "compatible" disambiguation does; a time that occurs twice (autumn) happens the first time only.
 */
function instantOf(wall: WallTime, timeZone: string): number {
  const instant = zonedWallToInstant(wall, timeZone);
  const shown = zonedWallTime(instant, timeZone);
  return instant + (wallMs(wall) - wallMs(shown));
}

/** The first occurrence strictly after `afterMs` in `timeZone` (epoch ms), or null if none in nine years. */
export function nextCronOccurrence(schedule: CronSchedule, afterMs: number, timeZone: string): number | null {
  const start = zonedWallTime(afterMs, timeZone);
  for (let offset = 0; offset <= SEARCH_DAYS; offset += 1) {
    const day = new Date(Date.UTC(start.year, start.month - 1, start.day + offset));
    if (!dayMatches(schedule, day)) {
      continue;
    }
    const date = { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() };
    // The earliest of the day's times: a time shifted out of a DST gap may pass a later one.
    let best: number | null = null;
    for (const hour of schedule.hours) {
      for (const minute of schedule.minutes) {
        const instant = instantOf({ ...date, hour, minute, second: 0, millisecond: 0 }, timeZone);
        if (instant > afterMs && (best === null || instant < best)) {
          best = instant;
        }
      }
    }
    if (best !== null) {
      return best;
    }
  }
  return null;
}
