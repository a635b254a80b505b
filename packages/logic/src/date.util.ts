// Calendar and instant arithmetic without dependencies. Instants are epoch milliseconds; calendar
// dates are {year, month (1-12), day}. Parsing is explicit (no Date.parse) so browsers and Node agree.

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export interface WallTime extends CalendarDate {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

export type Temporal =
  { type: 'date'; date: CalendarDate } | { type: 'instant'; epochMs: number; hasOffset: boolean };

const MS_PER_DAY = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export const daysFromCivil = ({ year, month, day }: CalendarDate): number => {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
};

/** Inverse of daysFromCivil. */
export const civilFromDays = (days: number): CalendarDate => {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
};

const wallToUtcMs = (wall: WallTime): number =>
  daysFromCivil(wall) * MS_PER_DAY +
  ((wall.hour * 60 + wall.minute) * 60 + wall.second) * 1000 +
  wall.millisecond;

const isValidDate = (year: number, month: number, day: number): boolean =>
  month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);

const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      era: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

/** Throws a RangeError when the time zone is not a known IANA zone. */
export const assertTimeZone = (timeZone: string): void => {
  formatterFor(timeZone);
};

/** The wall-clock time of an instant in a time zone. */
export const zonedWallTime = (epochMs: number, timeZone: string): WallTime => {
  const parts = formatterFor(timeZone).formatToParts(new Date(epochMs));
  const get = (type: Intl.DateTimeFormatPartTypes): number => {
    const part = parts.find((p) => p.type === type);
    return part ? Number(part.value) : 0;
  };
  const era = parts.find((p) => p.type === 'era')?.value ?? 'AD';
  const yearOfEra = get('year');
  const hour = get('hour');
  return {
    year: era === 'BC' || era === 'B' ? 1 - yearOfEra : yearOfEra,
    month: get('month'),
    day: get('day'),
    hour: hour === 24 ? 0 : hour,
    minute: get('minute'),
    second: get('second'),
    millisecond: ((epochMs % 1000) + 1000) % 1000,
  };
};

/** Offset of the zone from UTC at an instant, in milliseconds. */
const offsetAt = (epochMs: number, timeZone: string): number => {
  const whole = Math.floor(epochMs / 1000) * 1000;
  return wallToUtcMs({ ...zonedWallTime(whole, timeZone), millisecond: 0 }) - whole;
};

/** The instant at which the wall clock of the zone shows `wall` (earlier one on overlaps). */
export const zonedWallToInstant = (wall: WallTime, timeZone: string): number => {
  const asUtc = wallToUtcMs(wall);
  const first = asUtc - offsetAt(asUtc, timeZone);
  const second = asUtc - offsetAt(first, timeZone);
  return first === second ? first : Math.min(first, second);
};

/** Parses 'YYYY-MM-DD' (calendar date) or an ISO date-time (with offset, or wall time in the zone). */
export const parseTemporal = (value: unknown, timeZone: string): Temporal | undefined => {
  if (typeof value !== 'string') {
    return undefined;
  }
  const dateMatch = DATE_PATTERN.exec(value);
  if (dateMatch) {
    const [year, month, day] = [Number(dateMatch[1]), Number(dateMatch[2]), Number(dateMatch[3])];
    return isValidDate(year, month, day) ? { type: 'date', date: { year, month, day } } : undefined;
  }
  const match = DATE_TIME_PATTERN.exec(value);
  if (!match) {
    return undefined;
  }
  const wall: WallTime = {
    year: Number(match[1]),
    month: Number(match[2]),
    day: Number(match[3]),
    hour: Number(match[4]),
    minute: Number(match[5]),
    second: Number(match[6] ?? 0),
    millisecond: Number((match[7] ?? '0').padEnd(3, '0').slice(0, 3)),
  };
  if (
    !isValidDate(wall.year, wall.month, wall.day) ||
    wall.hour > 23 ||
    wall.minute > 59 ||
    wall.second > 59
  ) {
    return undefined;
  }
  const offset = match[8];
  if (offset === undefined) {
    return { type: 'instant', epochMs: zonedWallToInstant(wall, timeZone), hasOffset: false };
  }
  if (offset === 'Z' || offset === 'z') {
    return { type: 'instant', epochMs: wallToUtcMs(wall), hasOffset: true };
  }
  const digits = offset.slice(1).replace(':', '');
  const offsetHours = Number(digits.slice(0, 2));
  const offsetMinutes = Number(digits.slice(2) || '0');
  if (offsetHours > 23 || offsetMinutes > 59) {
    return undefined;
  }
  const sign = offset.startsWith('-') ? -1 : 1;
  return {
    type: 'instant',
    epochMs: wallToUtcMs(wall) - sign * (offsetHours * 60 + offsetMinutes) * 60_000,
    hasOffset: true,
  };
};

/** The calendar date of a date or an instant in the zone. */
export const toCalendarDate = (value: Temporal, timeZone: string): CalendarDate =>
  value.type === 'date' ? value.date : zonedWallTime(value.epochMs, timeZone);

export const formatDate = ({ year, month, day }: CalendarDate): string => {
  const y =
    year < 0
      ? `-${String(-year).padStart(6, '0')}`
      : year > 9999
        ? `+${String(year).padStart(6, '0')}`
        : String(year).padStart(4, '0');
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

/** ISO 8601 in UTC with milliseconds, like Date.prototype.toISOString (throws RangeError out of range). */
export const formatInstant = (epochMs: number): string => new Date(epochMs).toISOString();

export const addDays = (date: CalendarDate, days: number): CalendarDate =>
  civilFromDays(daysFromCivil(date) + days);

/** Adds calendar months, clamping to the last day of the month (Jan 31 + 1 month = Feb 28/29). */
export const addMonths = (date: CalendarDate, months: number): CalendarDate => {
  const total = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
};

/** Whole calendar days from a to b (b − a). */
export const daysBetween = (a: CalendarDate, b: CalendarDate): number => daysFromCivil(b) - daysFromCivil(a);

/** Whole years from birth to `on` (a birthday on Feb 29 is reached on Mar 1 in common years). */
export const wholeYears = (birth: CalendarDate, on: CalendarDate): number => {
  const beforeBirthday = on.month < birth.month || (on.month === birth.month && on.day < birth.day);
  return on.year - birth.year - (beforeBirthday ? 1 : 0);
};

export type DateUnit = 'days' | 'weeks' | 'months' | 'years' | 'hours';
export const DATE_UNITS: readonly DateUnit[] = ['days', 'weeks', 'months', 'years', 'hours'];

export const addToDate = (
  date: CalendarDate,
  amount: number,
  unit: Exclude<DateUnit, 'hours'>,
): CalendarDate => {
  switch (unit) {
    case 'days':
      return addDays(date, amount);
    case 'weeks':
      return addDays(date, amount * 7);
    case 'months':
      return addMonths(date, amount);
    case 'years':
      return addMonths(date, amount * 12);
  }
};

/** Adds to an instant: hours exactly, other units on the wall clock of the zone (keeping the time of day). */
export const addToInstant = (epochMs: number, amount: number, unit: DateUnit, timeZone: string): number => {
  if (unit === 'hours') {
    return epochMs + amount * 3_600_000;
  }
  const wall = zonedWallTime(epochMs, timeZone);
  const date = addToDate(wall, amount, unit);
  return zonedWallToInstant({ ...wall, ...date }, timeZone);
};

/** Start of a calendar day in the zone, as an instant. */
export const startOfDay = (date: CalendarDate, timeZone: string): number =>
  zonedWallToInstant({ ...date, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);
