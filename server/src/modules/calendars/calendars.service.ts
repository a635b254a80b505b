import { Injectable, Logger } from '@nestjs/common';
import {
  businessCalendarOf,
  calendarProblems,
  calendarYearProblems,
  SHIPPED_CALENDARS,
  type BusinessCalendar,
  type CalendarProblem,
  type CalendarYear,
  type WorkingPeriod,
} from '../../process-runtime/business-time.util.js';
import type { EntityManager } from 'typeorm';
import { hasRole, type Actor } from '../../common/auth/actor.types.js';
import { SharedCaches, type SharedCache } from '../../common/database/shared-cache.js';
import { Transactions } from '../../common/database/transaction.js';
import { ForbiddenError, type WordedFieldError } from '../../common/errors/domain.errors.js';
import { Clock } from '../../common/time/clock.js';
import { AuditService } from '../audit/audit.service.js';
import { roleNamesZh } from '../users/roles.constants.js';
import type { CalendarEntity, CalendarName } from './calendar.entity.js';
import { coverageGaps, gapMessage, yearIn, type CoverageGap } from './calendar-coverage.util.js';
import { readCalendarYear, readCalendarYears } from './calendar-input.util.js';
import {
  CalendarNotFoundError,
  DefaultCalendarRequiredError,
  InvalidCalendarError,
  StaleCalendarError,
} from './calendars.errors.js';
import { CALENDARS_TOPIC, CalendarsRepository } from './calendars.repository.js';

export const CALENDAR_ADMINS = ['admin'] as const;
const CALENDAR_KEY = /^[a-z][a-z0-9-]{1,63}$/;
const RESOLVED_CACHE_SIZE = 200;

export type CalendarInput = {
  name: CalendarName;
  timeZone: string;
  weekdays: number[];
  hours: WorkingPeriod[];
  /** Omitted: an existing calendar keeps its years, a new one starts with none. */
  years?: unknown;
  isDefault?: boolean;
  version?: number;
};

/** Where an org unit stands on business time (its own setting or the nearest ancestor's). */
export type UnitBusinessTime = { calendarKey: string | null; alwaysOpen: boolean };

/** The calendar an instance runs on, with what the server needs to warn about its gaps. */
export type ResolvedCalendar = {
  key: string;
  calendar: BusinessCalendar;
  years: Record<string, CalendarYear>;
};

const problemsToErrors = (problems: CalendarProblem[], prefix = ''): WordedFieldError[] =>
  problems.map((problem) => ({
    path: `${prefix}${problem.path}`,
    message: problem.message,
    zh: problem.messageZh,
  }));

@Injectable()
export class CalendarsService {
  private readonly logger = new Logger(CalendarsService.name);
  /** Tenants whose shipped calendars are known to be in the table (inserts are idempotent anyway). */
  private readonly seeded = new Set<string>();
  /** Gaps already logged: one warning per tenant, calendar, year and kind per process. */
  private readonly warned = new Set<string>();
  /** Resolved calendars by row id, version and 24×7: read-only, emptied when any process changes a calendar. */
  private readonly resolved: SharedCache<ResolvedCalendar>;

  constructor(
    private readonly repository: CalendarsRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    caches: SharedCaches,
  ) {
    this.resolved = caches.create(CALENDARS_TOPIC, RESOLVED_CACHE_SIZE);
  }

  private assertAdmin(actor: Actor): void {
    if (!hasRole(actor, CALENDAR_ADMINS)) {
      throw new ForbiddenError(
        `Changing calendars needs one of: ${CALENDAR_ADMINS.join(', ')}.`,
        `修改日历需要以下角色之一：${roleNamesZh(CALENDAR_ADMINS)}。`,
      );
    }
  }

  /**
   * Copies the shipped calendars (cn-mainland) into the tenant's table once; the first is the default.
   * The tenant counts as seeded only once a default is seen already there (committed by an earlier
   * transaction): a transaction that is still inserting it must not let concurrent ones skip the insert.
   * Concurrent inserts are safe: ON CONFLICT waits for the other insert to commit, then does nothing.
   */
  async ensureShipped(manager: EntityManager, tenantId: string): Promise<void> {
    if (this.seeded.has(tenantId)) {
      return;
    }
    if (await this.repository.hasCommittedDefault(manager, tenantId)) {
      this.seeded.add(tenantId);
      return;
    }
    await this.repository.insertMissing(
      manager,
      SHIPPED_CALENDARS.map((shipped, index) => ({
        tenantId,
        key: shipped.key,
        name: shipped.name,
        timeZone: shipped.timeZone,
        isDefault: index === 0,
        weekdays: shipped.weekdays,
        hours: shipped.hours,
        years: shipped.years,
      })),
    );
  }

  list(actor: Actor): Promise<CalendarEntity[]> {
    return this.transactions.run(async (manager) => {
      await this.ensureShipped(manager, actor.tenantId);
      return this.repository.list(manager, actor.tenantId);
    });
  }

  get(actor: Actor, key: string): Promise<CalendarEntity> {
    return this.transactions.run(async (manager) => {
      await this.ensureShipped(manager, actor.tenantId);
      return this.getIn(manager, actor.tenantId, key);
    });
  }

  /** Whether the tenant has a calendar with this key (org units check the key they are given). */
  async exists(manager: EntityManager, tenantId: string, key: string): Promise<boolean> {
    await this.ensureShipped(manager, tenantId);
    return (await this.repository.find(manager, tenantId, key)) !== null;
  }

  /** Creates or replaces a calendar's weekdays, hours, zone and name (and its years when given). */
  put(actor: Actor, key: string, input: CalendarInput): Promise<CalendarEntity> {
    this.assertAdmin(actor);
    if (!CALENDAR_KEY.test(key)) {
      throw new InvalidCalendarError([
        {
          path: '',
          message:
            'the key in the URL must be 2–64 lower-case letters, digits or dashes, starting with a letter',
          zh: 'URL 中的日历标识须为 2–64 个小写字母、数字或短横线，并以字母开头',
        },
      ]);
    }
    return this.transactions.run(async (manager) => {
      await this.ensureShipped(manager, actor.tenantId);
      const existing = await this.repository.find(manager, actor.tenantId, key, true);
      if (existing && input.version !== undefined && input.version !== existing.version) {
        throw new StaleCalendarError(input.version, existing.version);
      }
      const read =
        input.years === undefined
          ? { years: existing?.years ?? {}, errors: [] }
          : readCalendarYears(input.years, '/years');
      const data = {
        timeZone: input.timeZone,
        weekdays: input.weekdays,
        hours: input.hours,
        years: read.years,
      };
      const errors = [...read.errors, ...problemsToErrors(calendarProblems(data))];
      if (errors.length > 0) {
        throw new InvalidCalendarError(errors);
      }
      if (existing?.isDefault && input.isDefault === false) {
        throw new DefaultCalendarRequiredError(key);
      }
      const isDefault = input.isDefault ?? existing?.isDefault ?? false;
      if (isDefault) {
        await this.repository.clearDefault(manager, actor.tenantId, key);
      }
      const saved = await this.repository.save(manager, {
        ...(existing ?? {}),
        tenantId: actor.tenantId,
        key,
        name: input.name,
        ...data,
        isDefault,
        updatedBy: actor.userId,
      });
      await this.audit.record(manager, actor, {
        action: existing ? 'calendar.update' : 'calendar.create',
        entityType: 'calendar',
        entityId: saved.id,
        details: { key, timeZone: saved.timeZone, isDefault, years: Object.keys(saved.years).sort() },
      });
      return saved;
    });
  }

  /** Loads (or replaces) one year's holidays and make-up workdays, e.g. from the State Council notice. */
  putYear(actor: Actor, key: string, year: string, input: unknown): Promise<CalendarEntity> {
    this.assertAdmin(actor);
    return this.transactions.run(async (manager) => {
      await this.ensureShipped(manager, actor.tenantId);
      const calendar = await this.repository.find(manager, actor.tenantId, key, true);
      if (!calendar) {
        throw new CalendarNotFoundError(key);
      }
      const read = readCalendarYear(input, '');
      const errors = read.year ? problemsToErrors(calendarYearProblems(year, read.year, '')) : read.errors;
      if (!/^\d{4}$/.test(year)) {
        errors.unshift({
          path: '',
          message: `"${year}" in the URL is not a four-digit year`,
          zh: `URL 中的“${year}”不是四位数的年份；请改为如 2027 这样的年份`,
        });
      }
      if (errors.length > 0 || !read.year) {
        throw new InvalidCalendarError(errors);
      }
      const replaced = calendar.years[year];
      calendar.years = { ...calendar.years, [year]: read.year };
      calendar.updatedBy = actor.userId;
      const saved = await this.repository.save(manager, calendar);
      await this.audit.record(manager, actor, {
        action: 'calendar.year.load',
        entityType: 'calendar',
        entityId: saved.id,
        details: {
          key,
          year,
          holidays: read.year.holidays.length,
          workdays: read.year.workdays.length,
          provisional: read.year.provisional,
          source: read.year.source,
          replaced: replaced !== undefined,
        },
      });
      return saved;
    });
  }

  /** Provisional or missing years between this year and next year, for the admin's eyes. */
  warnings(calendar: CalendarEntity, locale: 'zh-CN' | 'en'): string[] {
    const year = yearIn(this.clock.now(), calendar.timeZone);
    return coverageGaps(calendar.years, year, year + 1).map((gap) => gapMessage(calendar.key, gap, locale));
  }

  /**
   * The calendar for an org unit's setting: its own key or the tenant's default; a 24×7 unit gets it
   * with `alwaysOpen` (plain time). A key that no longer exists falls back to the default, with a warning.
   */
  async resolve(manager: EntityManager, tenantId: string, unit: UnitBusinessTime): Promise<ResolvedCalendar> {
    await this.ensureShipped(manager, tenantId);
    let row = unit.calendarKey ? await this.repository.find(manager, tenantId, unit.calendarKey) : null;
    if (unit.calendarKey && !row) {
      this.warnOnce(`${tenantId}:${unit.calendarKey}:gone`, {
        msg: 'org unit names a calendar that does not exist; using the tenant default',
        tenantId,
        calendarKey: unit.calendarKey,
      });
    }
    row ??= await this.repository.findDefault(manager, tenantId);
    if (!row) {
      throw new CalendarNotFoundError('(tenant default)');
    }
    return { key: row.key, calendar: businessCalendarOf(row, unit.alwaysOpen), years: row.years };
  }

  /**
   * The calendar of work about a resident (null: the tenant's): the nearest org unit up the tree that names
   * one, else the tenant default; plain time when any of those units is 24×7. The same answer as `resolve`
   * with the unit's setting, in one query; the calendar's content comes from memory while its version holds.
   */
  async resolveForResident(
    manager: EntityManager,
    tenantId: string,
    residentId: string | null,
  ): Promise<ResolvedCalendar> {
    await this.ensureShipped(manager, tenantId);
    const choice = await this.repository.choiceForResident(manager, tenantId, residentId);
    if (choice.unitKey && choice.key !== choice.unitKey) {
      this.warnOnce(`${tenantId}:${choice.unitKey}:gone`, {
        msg: 'org unit names a calendar that does not exist; using the tenant default',
        tenantId,
        calendarKey: choice.unitKey,
      });
    }
    const id = choice.id;
    if (!id) {
      throw new CalendarNotFoundError('(tenant default)');
    }
    return this.resolved.get(manager, `${id}@${choice.version}@${choice.alwaysOpen}`, async () => {
      const row = await this.repository.findById(manager, tenantId, id);
      if (!row) {
        throw new CalendarNotFoundError(choice.key ?? '(tenant default)');
      }
      return { key: row.key, calendar: businessCalendarOf(row, choice.alwaysOpen), years: row.years };
    });
  }

  /** Logs a warning (once per process) when business time between `from` and `to` uses a provisional or missing year. */
  warnGaps(tenantId: string, resolved: ResolvedCalendar, from: Date, to: Date): void {
    if (resolved.calendar.alwaysOpen) {
      return;
    }
    const zone = resolved.calendar.timeZone;
    for (const gap of coverageGaps(resolved.years, yearIn(from, zone), yearIn(to, zone))) {
      this.warnGap(tenantId, resolved.key, gap);
    }
  }

  private warnGap(tenantId: string, key: string, gap: CoverageGap): void {
    this.warnOnce(`${tenantId}:${key}:${gap.year}:${gap.kind}`, {
      msg: gapMessage(key, gap, 'en'),
      tenantId,
      calendarKey: key,
      year: gap.year,
      gap: gap.kind,
    });
  }

  private warnOnce(id: string, entry: Record<string, unknown>): void {
    if (!this.warned.has(id)) {
      this.warned.add(id);
      this.logger.warn(entry);
    }
  }

  private async getIn(manager: EntityManager, tenantId: string, key: string): Promise<CalendarEntity> {
    const calendar = await this.repository.find(manager, tenantId, key);
    if (!calendar) {
      throw new CalendarNotFoundError(key);
    }
    return calendar;
  }
}
