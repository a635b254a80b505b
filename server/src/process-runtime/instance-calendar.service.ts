import { Injectable } from '@nestjs/common';
import { addDeadline, type Effect } from '@careloom/engine';
import type { EntityManager } from 'typeorm';
import { CalendarsService, type ResolvedCalendar } from '../modules/calendars/calendars.service.js';

/**
 * The business-time calendar an instance runs on: its resident's org unit's (walking up the tree), else the
 * tenant default; 24×7 units get plain time. Resolved for every command (one query, the calendar's content
 * cached by version), so a resident who moves to another unit gets that unit's calendar from then on.
 */
@Injectable()
export class InstanceCalendarService {
  constructor(private readonly calendars: CalendarsService) {}

  resolve(manager: EntityManager, tenantId: string, residentId: string | null): Promise<ResolvedCalendar> {
    return this.calendars.resolveForResident(manager, tenantId, residentId);
  }

  /**
   * `now` + a due duration for work about a resident (or the tenant when null): ISO 8601 on the wall clock,
   * business time on the resident's calendar. Null when `text` is neither.
   */
  async deadline(
    manager: EntityManager,
    tenantId: string,
    residentId: string | null,
    text: string,
    now: Date,
  ): Promise<Date | null> {
    const resolved = await this.resolve(manager, tenantId, residentId);
    const zone = resolved.calendar.timeZone;
    const deadline = addDeadline(now.getTime(), text.trim(), zone, resolved.calendar);
    if (!deadline) {
      return null;
    }
    const dueAt = new Date(deadline.dueAt);
    if (deadline.businessCalendar) {
      this.calendars.warnGaps(tenantId, resolved, now, dueAt);
    }
    return dueAt;
  }

  /** Logs (once) when deadlines the engine computed in business time fall in provisional or missing years. */
  checkCoverage(tenantId: string, resolved: ResolvedCalendar, now: Date, effects: Effect[]): void {
    let latest: number | null = null;
    for (const effect of effects) {
      const due =
        effect.type === 'schedule-timer' && effect.businessCalendar
          ? [effect.dueAt]
          : effect.type === 'create-task' && effect.businessCalendar
            ? [effect.dueAt, effect.followUpAt]
            : [];
      for (const at of due) {
        if (at !== undefined) {
          latest = Math.max(latest ?? 0, Date.parse(at));
        }
      }
    }
    if (latest !== null) {
      this.calendars.warnGaps(tenantId, resolved, now, new Date(latest));
    }
  }
}
