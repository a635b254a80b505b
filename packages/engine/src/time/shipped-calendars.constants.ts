// Calendars shipped with CareLoom as data; the server copies them into each tenant's calendar table, where an
// admin keeps them up to date (PUT /api/calendars/{key}/years/{year} when the State Council publishes a year).
import cnMainland from './calendars/cn-mainland.json' with { type: 'json' };
import type { CalendarData } from './business-time.util.js';

export interface ShippedCalendar extends CalendarData {
  key: string;
  name: { 'zh-CN': string; en: string };
}

/** `cn-mainland`: 2026 from the State Council notice of 2025-11-04; 2027 provisional (statutory days only). */
export const SHIPPED_CALENDARS: readonly ShippedCalendar[] = [cnMainland];
