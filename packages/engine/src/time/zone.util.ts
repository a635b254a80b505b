// Calendar arithmetic in an IANA time zone: the primitives live in @careloom/logic, so timers and
// rule conditions read dates and zones exactly alike.
import { assertTimeZone, parseTemporal, startOfDay } from '@careloom/logic';

export {
  daysInMonth,
  formatInstant,
  zonedWallTime,
  zonedWallToInstant,
  type WallTime,
} from '@careloom/logic';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export const isValidTimeZone = (timeZone: string): boolean => {
  try {
    assertTimeZone(timeZone);
    return true;
  } catch {
    return false;
  }
};

/**
 * Parses an ISO instant ('2026-01-01T09:00:00+08:00'), a local date-time (wall clock in the zone) or a
 * date-only value (midnight in the zone). Returns epoch milliseconds or null.
 */
export const parseInstant = (text: string, timeZone: string): number | null => {
  const value = parseTemporal(text.trim(), timeZone);
  if (value === undefined) {
    return null;
  }
  return value.type === 'date' ? startOfDay(value.date, timeZone) : value.epochMs;
};
