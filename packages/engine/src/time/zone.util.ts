// Calendar arithmetic in an IANA time zone with Intl only (no node:*, no clock).

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

export const isValidTimeZone = (timeZone: string): boolean => {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
};

export const wallToUtcMs = (wall: WallTime): number => {
  const date = new Date(0);
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  date.setUTCHours(wall.hour, wall.minute, wall.second, wall.millisecond);
  return date.getTime();
};

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

const offsetAt = (epochMs: number, timeZone: string): number => {
  const whole = Math.floor(epochMs / 1000) * 1000;
  return wallToUtcMs({ ...zonedWallTime(whole, timeZone), millisecond: 0 }) - whole;
};

/** The instant at which the zone's wall clock shows `wall` (the earlier one on overlaps). */
export const zonedWallToInstant = (wall: WallTime, timeZone: string): number => {
  const asUtc = wallToUtcMs(wall);
  const first = asUtc - offsetAt(asUtc, timeZone);
  const second = asUtc - offsetAt(first, timeZone);
  return first === second ? first : Math.min(first, second);
};

export const daysInMonth = (year: number, month: number): number =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

const validDate = (year: number, month: number, day: number): boolean =>
  month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);

/**
 * Parses an ISO instant ('2026-01-01T09:00:00+08:00'), a local date-time (wall clock in the zone) or a
 * date-only value (midnight in the zone). Returns epoch milliseconds or null.
 */
export const parseInstant = (text: string, timeZone: string): number | null => {
  const value = text.trim();
  const dateOnly = DATE_ONLY.exec(value);
  if (dateOnly) {
    const [year, month, day] = [Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])];
    if (!validDate(year, month, day)) {
      return null;
    }
    return zonedWallToInstant({ year, month, day, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);
  }
  const match = DATE_TIME.exec(value);
  if (!match) {
    return null;
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
  if (!validDate(wall.year, wall.month, wall.day) || wall.hour > 23 || wall.minute > 59 || wall.second > 59) {
    return null;
  }
  const offset = match[8];
  if (offset === undefined) {
    return zonedWallToInstant(wall, timeZone);
  }
  if (offset === 'Z' || offset === 'z') {
    return wallToUtcMs(wall);
  }
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  if (hours > 23 || minutes > 59) {
    return null;
  }
  const sign = offset.startsWith('-') ? -1 : 1;
  return wallToUtcMs(wall) - sign * (hours * 60 + minutes) * 60_000;
};

export const formatInstant = (epochMs: number): string => new Date(epochMs).toISOString();
