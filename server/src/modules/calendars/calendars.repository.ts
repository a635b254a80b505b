import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SharedCaches } from '../../common/database/shared-cache.js';
import { CalendarEntity } from './calendar.entity.js';

/** Every write of a `calendar` row goes through this repository and announces it on this topic. */
export const CALENDARS_TOPIC = 'calendars';

export type CalendarSeed = Pick<
  CalendarEntity,
  'tenantId' | 'key' | 'name' | 'timeZone' | 'isDefault' | 'weekdays' | 'hours' | 'years'
>;

/** Which calendar a resident's work runs on: the row to use, and what the org unit tree says. */
export type CalendarChoice = {
  /** The calendar row (the unit's, else the tenant default); null when the tenant has none. */
  id: string | null;
  version: number | null;
  key: string | null;
  /** The key the nearest org unit names (null: none does). */
  unitKey: string | null;
  alwaysOpen: boolean;
};

@Injectable()
export class CalendarsRepository {
  constructor(private readonly caches: SharedCaches) {}

  /**
   * One round trip for the calendar of a resident's work (or the tenant's, `residentId` null): the resident's
   * org unit and its ancestors (the materialised path), the nearest one naming a calendar, any of them 24×7,
   * and that calendar's row id and version (else the default's). Reads `resident` and `org_unit` read-only.
   */
  async choiceForResident(
    manager: EntityManager,
    tenantId: string,
    residentId: string | null,
  ): Promise<CalendarChoice> {
    const rows: {
      id: string | null;
      version: number | null;
      key: string | null;
      unit_key: string | null;
      always_open: boolean;
    }[] = await manager.query(
      `WITH chain AS (
         SELECT o.calendar_key, o.always_open, p.depth
           FROM resident r
           JOIN org_unit ou ON ou.id = r.org_unit_id AND ou.tenant_id = r.tenant_id
          CROSS JOIN LATERAL unnest(string_to_array(trim(BOTH '/' FROM ou.path), '/')) WITH ORDINALITY AS p(unit_id, depth)
           JOIN org_unit o ON o.id = p.unit_id::uuid AND o.tenant_id = r.tenant_id
          WHERE r.tenant_id = $1 AND r.id = $2
       ), unit AS (
         SELECT (SELECT calendar_key FROM chain WHERE calendar_key IS NOT NULL ORDER BY depth DESC LIMIT 1) AS unit_key,
                COALESCE((SELECT bool_or(always_open) FROM chain), false) AS always_open
       )
       SELECT c.id, c.version, c.key, unit.unit_key, unit.always_open
         FROM unit
         LEFT JOIN LATERAL (
           SELECT id, version, key FROM calendar
            WHERE tenant_id = $1 AND (key = unit.unit_key OR is_default)
            ORDER BY key = unit.unit_key DESC NULLS LAST
            LIMIT 1
         ) c ON true`,
      [tenantId, residentId],
    );
    const row = rows[0];
    return {
      id: row?.id ?? null,
      version: row?.version ?? null,
      key: row?.key ?? null,
      unitKey: row?.unit_key ?? null,
      alwaysOpen: row?.always_open ?? false,
    };
  }

  findById(manager: EntityManager, tenantId: string, id: string): Promise<CalendarEntity | null> {
    return manager.getRepository(CalendarEntity).findOneBy({ tenantId, id });
  }

  list(manager: EntityManager, tenantId: string): Promise<CalendarEntity[]> {
    return manager.getRepository(CalendarEntity).find({ where: { tenantId }, order: { key: 'ASC' } });
  }

  find(manager: EntityManager, tenantId: string, key: string, lock = false): Promise<CalendarEntity | null> {
    return manager.getRepository(CalendarEntity).findOne({
      where: { tenantId, key },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  findDefault(manager: EntityManager, tenantId: string): Promise<CalendarEntity | null> {
    return manager.getRepository(CalendarEntity).findOneBy({ tenantId, isDefault: true });
  }

  /**
   * Whether the tenant has a default calendar written by an already committed transaction (not by the
   * caller's own, still open one: its row's xmin is the caller's transaction id).
   */
  async hasCommittedDefault(manager: EntityManager, tenantId: string): Promise<boolean> {
    const rows: { committed: boolean }[] = await manager.query(
      `SELECT xmin::text <> (pg_current_xact_id()::text::bigint % 4294967296)::text AS committed
         FROM calendar WHERE tenant_id = $1 AND is_default LIMIT 1`,
      [tenantId],
    );
    return rows[0]?.committed === true;
  }

  /** Inserts shipped calendars a tenant does not have yet (by key); the first becomes the default if none is. */
  async insertMissing(manager: EntityManager, seeds: CalendarSeed[]): Promise<void> {
    await this.caches.changed(manager, CALENDARS_TOPIC);
    for (const seed of seeds) {
      await manager.query(
        `INSERT INTO calendar (tenant_id, key, name, time_zone, is_default, weekdays, hours, years, version)
         SELECT $1, $2, $3, $4, $5 AND NOT EXISTS (SELECT 1 FROM calendar WHERE tenant_id = $1 AND is_default), $6, $7, $8, 1
         ON CONFLICT DO NOTHING`,
        [
          seed.tenantId,
          seed.key,
          JSON.stringify(seed.name),
          seed.timeZone,
          seed.isDefault,
          JSON.stringify(seed.weekdays),
          JSON.stringify(seed.hours),
          JSON.stringify(seed.years),
        ],
      );
    }
  }

  async clearDefault(manager: EntityManager, tenantId: string, exceptKey: string): Promise<void> {
    await this.caches.changed(manager, CALENDARS_TOPIC);
    await manager
      .createQueryBuilder()
      .update(CalendarEntity)
      .set({ isDefault: false })
      .where('tenant_id = :tenantId AND key <> :exceptKey AND is_default', { tenantId, exceptKey })
      .execute();
  }

  async save(manager: EntityManager, calendar: CalendarEntity | CalendarSeed): Promise<CalendarEntity> {
    await this.caches.changed(manager, CALENDARS_TOPIC);
    const repository = manager.getRepository(CalendarEntity);
    return repository.save(repository.create(calendar));
  }
}
