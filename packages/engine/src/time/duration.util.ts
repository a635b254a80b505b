import {
  DEFAULT_TIME_ZONE,
  daysInMonth,
  formatInstant,
  parseInstant,
  zonedWallTime,
  zonedWallToInstant,
} from './zone.util.js';

/** An ISO 8601 duration split into its parts (no fractions except on seconds). */
export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const DURATION =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

/** Parses `P3D`, `PT30M`, `P1Y2M3DT4H5M6S`, `P2W`. Returns null when the text is not a duration. */
export const parseDuration = (text: string): Duration | null => {
  const value = text.trim();
  const match = DURATION.exec(value);
  if (!match || value === 'P' || value.endsWith('T')) {
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
};

/** Approximate length in milliseconds (a month counts 30 days, a year 365): for limits only. */
export const approximateDurationMs = (duration: Duration): number =>
  ((((duration.years * 365 + duration.months * 30 + duration.weeks * 7 + duration.days) * 24 +
    duration.hours) *
    60 +
    duration.minutes) *
    60 +
    duration.seconds) *
  1000;

/**
 * Adds a duration to an instant: years, months, weeks and days move the wall clock of `timeZone`
 * (month ends clamped, so 01-31 + P1M = 02-28/29), hours/minutes/seconds are exact.
 */
export const addDuration = (
  instant: string,
  duration: Duration | string,
  timeZone: string = DEFAULT_TIME_ZONE,
): string => {
  const parsed = typeof duration === 'string' ? parseDuration(duration) : duration;
  if (!parsed) {
    throw new RangeError(`Not an ISO 8601 duration: ${JSON.stringify(duration)}`);
  }
  const start = parseInstant(instant, timeZone);
  if (start === null) {
    throw new RangeError(`Not an ISO instant: ${instant}`);
  }
  return formatInstant(addDurationMs(start, parsed, timeZone));
};

export const addDurationMs = (epochMs: number, duration: Duration, timeZone: string): number => {
  let result = epochMs;
  if (duration.years !== 0 || duration.months !== 0 || duration.weeks !== 0 || duration.days !== 0) {
    const wall = zonedWallTime(epochMs, timeZone);
    const totalMonths = wall.month - 1 + duration.months + duration.years * 12;
    const year = wall.year + Math.floor(totalMonths / 12);
    const month = (totalMonths % 12) + 1;
    const day = Math.min(wall.day, daysInMonth(year, month));
    const shifted = new Date(Date.UTC(year, month - 1, day + duration.weeks * 7 + duration.days));
    result = zonedWallToInstant(
      {
        ...wall,
        year: shifted.getUTCFullYear(),
        month: shifted.getUTCMonth() + 1,
        day: shifted.getUTCDate(),
      },
      timeZone,
    );
  }
  return result + ((duration.hours * 60 + duration.minutes) * 60 + duration.seconds) * 1000;
};
