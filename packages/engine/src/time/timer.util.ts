import {
  addBusinessTime,
  parseBusinessDuration,
  standardCalendar,
  type BusinessCalendar,
} from './business-time.util.js';
import { approximateDurationMs, addDurationMs, parseDuration, type Duration } from './duration.util.js';
import { formatInstant, parseInstant } from './zone.util.js';

/** A parsed ISO 8601 repeating interval: `R4/P7D`, `R3/2026-01-01T09:00:00+08:00/P1D`, `R/PT1H`. */
export interface TimerCycle {
  /** Number of occurrences, null when unbounded (`R/…`). */
  repetitions: number | null;
  /** First occurrence (ISO instant) or null: then the first occurrence is now + interval. */
  start: string | null;
  interval: Duration;
  intervalText: string;
}

/** Parses a time cycle. Returns null when the text is not `R[n]/[start/]duration`. */
export const parseTimerCycle = (text: string, timeZone = 'Asia/Shanghai'): TimerCycle | null => {
  const parts = text.trim().split('/');
  const head = parts[0] ?? '';
  const match = /^R(\d*)$/.exec(head);
  if (!match || parts.length < 2 || parts.length > 3) {
    return null;
  }
  const repetitions = match[1] === '' || match[1] === undefined ? null : Number(match[1]);
  const intervalText = (parts.length === 3 ? parts[2] : parts[1]) ?? '';
  const interval = parseDuration(intervalText);
  if (!interval) {
    return null;
  }
  let start: string | null = null;
  if (parts.length === 3) {
    const epoch = parseInstant(parts[1] ?? '', timeZone);
    if (epoch === null) {
      return null;
    }
    start = formatInstant(epoch);
  }
  return { repetitions, start, interval, intervalText };
};

export interface TimerLimits {
  maxRepetitions: number;
  minCycleMs: number;
}

export type TimerSchedule =
  | {
      ok: true;
      dueAt: string;
      /** Occurrences left after this one (null = unbounded) */ remaining: number | null;
      interval: string | null;
      /** Set for a business duration: computed on the given calendar, or on the standard one (none given). */
      businessCalendar?: 'context' | 'standard';
    }
  | { ok: false; message: string; messageZh: string };

/**
 * A deadline `text` after `now`: a business duration (`P3WD`, `PT4WH`, "3 个工作日") on `calendar` — or, when
 * there is none, on the standard Monday–Friday calendar in `timeZone` (flagged `businessCalendar: 'standard'`) — else
 * an ISO 8601 duration on the wall clock of `timeZone`. Null when `text` is neither.
 */
export const addDeadline = (
  nowMs: number,
  text: string,
  timeZone: string,
  calendar: BusinessCalendar | null,
): { dueAt: string; businessCalendar: 'context' | 'standard' | null } | null => {
  const business = parseBusinessDuration(text);
  if (business) {
    return {
      dueAt: addBusinessTime(formatInstant(nowMs), business, calendar ?? standardCalendar(timeZone)),
      businessCalendar: calendar === null ? 'standard' : 'context',
    };
  }
  const duration = parseDuration(text);
  return duration
    ? { dueAt: formatInstant(addDurationMs(nowMs, duration, timeZone)), businessCalendar: null }
    : null;
};

/** Computes the first due time of a timer from its (already evaluated) text. */
export const scheduleTimer = (
  kind: 'duration' | 'date' | 'cycle',
  text: string,
  now: string,
  timeZone: string,
  limits: TimerLimits,
  calendar: BusinessCalendar | null = null,
): TimerSchedule => {
  const nowMs = parseInstant(now, timeZone);
  if (nowMs === null) {
    return { ok: false, message: `invalid now: ${now}`, messageZh: `无效的当前时间：${now}` };
  }
  if (kind === 'duration') {
    let deadline: ReturnType<typeof addDeadline>;
    try {
      deadline = addDeadline(nowMs, text, timeZone, calendar);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, message: `timer ${text}: ${message}`, messageZh: `定时 ${text}：${message}` };
    }
    if (!deadline) {
      return bad(text);
    }
    return {
      ok: true,
      dueAt: deadline.dueAt,
      remaining: 0,
      interval: null,
      ...(deadline.businessCalendar ? { businessCalendar: deadline.businessCalendar } : {}),
    };
  }
  if (kind === 'date') {
    const epoch = parseInstant(text, timeZone);
    if (epoch === null) {
      return bad(text);
    }
    return { ok: true, dueAt: formatInstant(epoch), remaining: 0, interval: null };
  }
  const cycle = parseTimerCycle(text, timeZone);
  if (!cycle) {
    if (parseBusinessDuration(text.split('/').pop() ?? '')) {
      return {
        ok: false,
        message: `timer cycle ${text}: a cycle repeats in calendar time, not business time`,
        messageZh: `定时周期 ${text}：周期只能使用日历时间，不能使用工作时间`,
      };
    }
    return bad(text);
  }
  const limitIssue = checkCycleLimits(cycle, limits);
  if (limitIssue) {
    return limitIssue;
  }
  if (cycle.repetitions === 0) {
    return { ok: false, message: `timer cycle ${text} never fires`, messageZh: `定时周期 ${text} 不会触发` };
  }
  const first = cycle.start ?? formatInstant(addDurationMs(nowMs, cycle.interval, timeZone));
  return {
    ok: true,
    dueAt: first,
    remaining: cycle.repetitions === null ? null : cycle.repetitions - 1,
    interval: cycle.intervalText,
  };
};

export const checkCycleLimits = (
  cycle: TimerCycle,
  limits: TimerLimits,
): { ok: false; message: string; messageZh: string } | null => {
  if (cycle.repetitions !== null && cycle.repetitions > limits.maxRepetitions) {
    return {
      ok: false,
      message: `timer cycle repeats ${cycle.repetitions} times, more than the limit ${limits.maxRepetitions}`,
      messageZh: `定时周期重复 ${cycle.repetitions} 次，超过上限 ${limits.maxRepetitions}`,
    };
  }
  if (approximateDurationMs(cycle.interval) < limits.minCycleMs) {
    return {
      ok: false,
      message: `timer cycle interval ${cycle.intervalText} is shorter than the minimum`,
      messageZh: `定时周期间隔 ${cycle.intervalText} 小于允许的最小值`,
    };
  }
  return null;
};

/** The next occurrence of a cycle after `dueAt`. */
export const nextCycleDue = (dueAt: string, interval: string, timeZone: string): string => {
  const duration = parseDuration(interval);
  const epoch = parseInstant(dueAt, timeZone);
  if (!duration || epoch === null) {
    throw new RangeError(`bad cycle ${interval} at ${dueAt}`);
  }
  return formatInstant(addDurationMs(epoch, duration, timeZone));
};

const bad = (text: string): { ok: false; message: string; messageZh: string } => ({
  ok: false,
  message: `invalid timer value: ${text}`,
  messageZh: `无效的定时值：${text}`,
});
