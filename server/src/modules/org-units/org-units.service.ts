import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.types.js';
import { Transactions } from '../../common/database/transaction.js';
import { NotFoundError } from '../../common/errors/domain.errors.js';
import { AuditService, type SystemActor } from '../audit/audit.service.js';
import { CalendarsService, type UnitBusinessTime } from '../calendars/calendars.service.js';
import type { OrgUnitEntity, OrgUnitKind } from './org-unit.entity.js';
import { OrgUnitHierarchyError, UnknownCalendarError } from './org-units.errors.js';
import { OrgUnitsRepository } from './org-units.repository.js';

const PARENT_KIND: Record<OrgUnitKind, OrgUnitKind | null> = {
  institution: null,
  branch: 'institution',
  building: 'branch',
  wing: 'building',
};

export type BusinessTimeInput = { calendarKey: string | null; alwaysOpen: boolean };

@Injectable()
export class OrgUnitsService {
  constructor(
    private readonly repository: OrgUnitsRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly calendars: CalendarsService,
  ) {}

  list(actor: Actor): Promise<OrgUnitEntity[]> {
    return this.repository.listByTenant(this.transactions.manager, actor.tenantId);
  }

  async get(manager: EntityManager, tenantId: string, id: string): Promise<OrgUnitEntity> {
    const unit = await this.repository.findById(manager, tenantId, id);
    if (!unit) {
      throw new NotFoundError('Org unit', id);
    }
    return unit;
  }

  create(
    actor: Actor,
    input: { parentId: string | null; name: string; kind: OrgUnitKind } & Partial<BusinessTimeInput>,
  ): Promise<OrgUnitEntity> {
    return this.transactions.run((manager) => this.createIn(manager, actor, input));
  }

  /** Sets a unit's business-time calendar (null = inherit) and/or its 24×7 flag (admin, via @Roles). */
  updateBusinessTime(actor: Actor, id: string, input: Partial<BusinessTimeInput>): Promise<OrgUnitEntity> {
    return this.transactions.run(async (manager) => {
      const unit = await this.get(manager, actor.tenantId, id);
      await this.assertCalendar(manager, actor.tenantId, input.calendarKey);
      const change = {
        ...(input.calendarKey !== undefined ? { calendarKey: input.calendarKey } : {}),
        ...(input.alwaysOpen !== undefined ? { alwaysOpen: input.alwaysOpen } : {}),
      };
      await this.repository.updateBusinessTime(manager, unit.id, change);
      await this.audit.record(manager, actor, {
        action: 'org-unit.business-time',
        entityType: 'org-unit',
        entityId: unit.id,
        details: { before: { calendarKey: unit.calendarKey, alwaysOpen: unit.alwaysOpen }, after: change },
      });
      return { ...unit, ...change };
    });
  }

  /** Sets a unit's beds (null = the sum of the units below) for occupancy (admin, via @Roles). */
  updateCapacity(actor: Actor, id: string, bedCount: number | null): Promise<OrgUnitEntity> {
    return this.transactions.run(async (manager) => {
      const unit = await this.get(manager, actor.tenantId, id);
      await this.repository.updateCapacity(manager, unit.id, bedCount);
      await this.audit.record(manager, actor, {
        action: 'org-unit.capacity',
        entityType: 'org-unit',
        entityId: unit.id,
        details: { before: unit.bedCount, after: bedCount },
      });
      return { ...unit, bedCount };
    });
  }

  /**
   * Business time of a unit: the nearest calendar key on its path up to the root (null = tenant default);
   * 24×7 when it or any unit above it is marked always open.
   */
  async businessTimeOf(manager: EntityManager, tenantId: string, unitId: string): Promise<UnitBusinessTime> {
    const chain = await this.repository.chain(manager, tenantId, unitId);
    return {
      calendarKey: chain.reduce<string | null>((key, unit) => unit.calendarKey ?? key, null),
      alwaysOpen: chain.some((unit) => unit.alwaysOpen),
    };
  }

  private async assertCalendar(manager: EntityManager, tenantId: string, key: string | null | undefined) {
    if (key && !(await this.calendars.exists(manager, tenantId, key))) {
      throw new UnknownCalendarError(key);
    }
  }

  /** Creates a unit inside an existing transaction (also used by first-start setup). */
  async createIn(
    manager: EntityManager,
    actor: Actor | SystemActor,
    input: { parentId: string | null; name: string; kind: OrgUnitKind } & Partial<BusinessTimeInput>,
  ): Promise<OrgUnitEntity> {
    await this.assertCalendar(manager, actor.tenantId, input.calendarKey);
    const parent = input.parentId ? await this.get(manager, actor.tenantId, input.parentId) : null;
    if ((parent?.kind ?? null) !== PARENT_KIND[input.kind]) {
      throw new OrgUnitHierarchyError(input.kind, parent?.kind ?? null);
    }
    const unit = await this.repository.create(manager, {
      tenantId: actor.tenantId,
      parent,
      name: input.name,
      kind: input.kind,
      calendarKey: input.calendarKey ?? null,
      alwaysOpen: input.alwaysOpen ?? false,
    });
    await this.audit.record(manager, actor, {
      action: 'org-unit.create',
      entityType: 'org-unit',
      entityId: unit.id,
      details: { name: unit.name, kind: unit.kind, parentId: unit.parentId },
    });
    return unit;
  }
}
