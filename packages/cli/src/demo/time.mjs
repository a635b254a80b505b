// Simulated time is UTC milliseconds; the home lives on Asia/Shanghai wall-clock time (UTC+8, no
// daylight saving), which is what the templates' timers ("09:00 on day 3") and the reports use.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const SHANGHAI_OFFSET = 8 * HOUR;

/** UTC ms of 00:00 Shanghai time on the Shanghai day that contains `ms`. */
export function dayStart(ms) {
  return Math.floor((ms + SHANGHAI_OFFSET) / DAY) * DAY - SHANGHAI_OFFSET;
}

/** `YYYY-MM-DD` of the Shanghai day containing `ms`. */
export function localDate(ms) {
  return new Date(ms + SHANGHAI_OFFSET).toISOString().slice(0, 10);
}

/** `YYYY-MM` of the Shanghai month containing `ms`. */
export function localMonth(ms) {
  return localDate(ms).slice(0, 7);
}

/** UTC ms of hh:mm Shanghai time on the day starting at `start` (dayStart). */
export function at(start, hours, minutes = 0) {
  return start + hours * HOUR + minutes * MINUTE;
}

/** The same wall-clock instant `months` calendar months later (days past a month's end clamp). */
export function addMonths(ms, months) {
  const shifted = new Date(ms + SHANGHAI_OFFSET);
  const day = shifted.getUTCDate();
  shifted.setUTCDate(1);
  shifted.setUTCMonth(shifted.getUTCMonth() + months);
  const last = new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, 0)).getUTCDate();
  shifted.setUTCDate(Math.min(day, last));
  return shifted.getTime() - SHANGHAI_OFFSET;
}

/** `YYYY-MM-DD` `days` days after a `YYYY-MM-DD` date. */
export function addDays(date, days) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

export const iso = (ms) => new Date(ms).toISOString();
