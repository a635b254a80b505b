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
