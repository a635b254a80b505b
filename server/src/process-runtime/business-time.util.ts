// The engine's business-time helpers for server modules (calendar validation and shipped data, due durations
// of rules): the runtime stays the only place that imports @careloom/engine.
import { parseBusinessDuration, parseDuration } from '@careloom/engine';

export {
  businessCalendarOf,
  calendarProblems,
  calendarYearProblems,
  SHIPPED_CALENDARS,
} from '@careloom/engine';
export type {
  BusinessCalendar,
  CalendarData,
  CalendarProblem,
  CalendarYear,
  ShippedCalendar,
  WorkingPeriod,
} from '@careloom/engine';

/** A due duration a rule or task may give: ISO 8601 (`P2D`, `PT4H`) or business time (`P3WD`, `PT4WH`, `3个工作日`). */
export function isDueDuration(text: string): boolean {
  return text.length <= 40 && (parseDuration(text) !== null || parseBusinessDuration(text) !== null);
}
