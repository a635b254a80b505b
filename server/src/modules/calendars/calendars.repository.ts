import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CalendarEntity } from './calendar.entity.js';

export type CalendarSeed = Pick<
  CalendarEntity,
  'tenantId' | 'key' | 'name' | 'timeZone' | 'isDefault' | 'weekdays' | 'hours' | 'years'
>;

@Injectable()
export class CalendarsRepository {
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
    await manager
      .createQueryBuilder()
      .update(CalendarEntity)
      .set({ isDefault: false })
      .where('tenant_id = :tenantId AND key <> :exceptKey AND is_default', { tenantId, exceptKey })
      .execute();
  }

  save(manager: EntityManager, calendar: CalendarEntity | CalendarSeed): Promise<CalendarEntity> {
    const repository = manager.getRepository(CalendarEntity);
    return repository.save(repository.create(calendar));
  }
}
