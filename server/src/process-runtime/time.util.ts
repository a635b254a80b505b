import { addDuration, parseDuration } from '@careloom/engine';

/** Milliseconds an ISO 8601 duration adds to `from` (calendar-aware), or null when it does not parse. */
export function durationMs(text: string, from: Date): number | null {
  const duration = parseDuration(text);
  if (!duration) {
    return null;
  }
  const to = addDuration(from.toISOString(), duration);
  return new Date(to).getTime() - from.getTime();
}

/** A timestamp as `row_to_json` sends it (an ISO string, or null) as a Date, as PostgreSQL's driver would give it. */
export const jsonDate = (value: unknown): Date | null => (typeof value === 'string' ? new Date(value) : null);
