import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { hasRole, isFamilyOnly, type Actor } from '../../common/auth/actor.types.js';
import { Transactions } from '../../common/database/transaction.js';
import { Clock } from '../../common/time/clock.js';
import { DomainEvents, type EventResident } from '../../common/events/domain-events.js';
import { ForbiddenError, NotFoundError } from '../../common/errors/domain.errors.js';
import { AuditService } from '../audit/audit.service.js';
import { OrgUnitsService } from '../org-units/org-units.service.js';
import { UsersService } from '../users/users.service.js';
import { roleNamesZh } from '../users/roles.constants.js';
import type { Gender, ResidentStatus } from './resident.entity.js';
import { canTransition } from './resident-status.util.js';
import {
  FamilyLinkExistsError,
  IllegalStatusTransitionError,
  NotAFamilyUserError,
  OrgUnitOutOfScopeError,
  StaleResidentError,
  UnknownResidentOrgUnitError,
} from './residents.errors.js';
import {
  ResidentsRepository,
  type FamilyLinkRow,
  type ResidentFilter,
  type ResidentRow,
} from './residents.repository.js';

export const RESIDENT_WRITERS = ['admin', 'head-nurse', 'nurse', 'doctor', 'steward', 'front-desk'] as const;
export const STATUS_CHANGERS = ['admin', 'head-nurse', 'front-desk'] as const;
export const FAMILY_LINKERS = ['admin', 'head-nurse', 'front-desk', 'steward'] as const;
export const SENSITIVE_READERS = ['admin', 'head-nurse', 'front-desk', 'doctor'] as const;

export type ResidentInput = {
  name: string;
  gender: Gender;
  birthDate: string;
  orgUnitId: string;
  room?: string | null;
  bed?: string | null;
  careLevel?: string | null;
  idNumber?: string | null;
  phone?: string | null;
};

export type ResidentSeed = Omit<ResidentInput, 'idNumber' | 'phone'> & {
  admitted: boolean;
  family?: { userId: string; relationship: string };
};

@Injectable()
export class ResidentsService {
  constructor(
    private readonly repository: ResidentsRepository,
    private readonly transactions: Transactions,
    private readonly orgUnits: OrgUnitsService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  /**
   * First start only: writes a demo resident (and its family link) inside the caller's transaction.
   * No actor and no scope check: the setup service has just created the tenant it seeds.
   */
  async seed(manager: EntityManager, tenantId: string, input: ResidentSeed): Promise<void> {
    const { family, admitted, ...fields } = input;
    const resident = await this.repository.insert(manager, {
      tenantId,
      ...fields,
      status: admitted ? 'admitted' : 'inquiry',
      admittedAt: admitted ? this.clock.now() : null,
    });
    if (family) {
      await this.repository.insertFamilyLink(manager, {
        tenantId,
        residentId: resident.id,
        userId: family.userId,
        relationship: family.relationship,
      });
    }
  }

  async list(actor: Actor, filter: ResidentFilter): Promise<{ items: ResidentRow[]; total: number }> {
    const { items, total } = await this.repository.page(this.transactions.manager, actor, filter);
    return { items: items.map((row) => ResidentsService.forCaller(actor, row)), total };
  }

  /**
   * What a family member sees of their relative: the summary (name, room and bed, status, care level),
   * not the ID or phone number, not even masked.
   */
  private static forCaller(actor: Actor, row: ResidentRow): ResidentRow {
    return isFamilyOnly(actor) ? Object.assign(row, { idNumber: null, phone: null }) : row;
  }

  /** One resident the caller may see; anyone else's resident is "not found", never "forbidden". */
  async get(actor: Actor, id: string, reveal = false): Promise<ResidentRow> {
    if (!reveal) {
      return ResidentsService.forCaller(actor, await this.getIn(this.transactions.manager, actor, id));
    }
    if (!hasRole(actor, SENSITIVE_READERS)) {
      throw new ForbiddenError(
        `Reading ID numbers and phone numbers unmasked needs one of: ${SENSITIVE_READERS.join(', ')}.`,
        `查看完整的身份证号和手机号需要以下角色之一：${roleNamesZh(SENSITIVE_READERS)}。`,
      );
    }
    return this.transactions.run(async (manager) => {
      const resident = await this.getIn(manager, actor, id);
      await this.audit.record(manager, actor, {
        action: 'resident.read-sensitive',
        entityType: 'resident',
        entityId: id,
        details: { fields: ['idNumber', 'phone'] },
      });
      return resident;
    });
  }

  create(actor: Actor, input: ResidentInput): Promise<ResidentRow> {
    this.assertRole(actor, RESIDENT_WRITERS, 'create residents', '新建长者档案');
    return this.transactions.run(async (manager) => {
      const orgUnitName = await this.assertOrgUnitInScope(manager, actor, input.orgUnitId);
      const resident = await this.repository.insert(manager, {
        tenantId: actor.tenantId,
        orgUnitId: input.orgUnitId,
        name: input.name,
        gender: input.gender,
        birthDate: input.birthDate,
        room: input.room ?? null,
        bed: input.bed ?? null,
        careLevel: input.careLevel ?? null,
        idNumber: input.idNumber ?? null,
        phone: input.phone ?? null,
        status: 'inquiry',
      });
      await this.audit.record(manager, actor, {
        action: 'resident.create',
        entityType: 'resident',
        entityId: resident.id,
        details: { name: resident.name, orgUnitId: resident.orgUnitId },
      });
      return Object.assign(resident, { orgUnitName });
    });
  }

  update(
    actor: Actor,
    id: string,
    patch: Partial<ResidentInput>,
    expectedVersion?: number,
  ): Promise<ResidentRow> {
    this.assertRole(actor, RESIDENT_WRITERS, 'change residents', '修改长者档案');
    return this.transactions.run(async (manager) => {
      const resident = await this.getIn(manager, actor, id, true);
      if (expectedVersion !== undefined && expectedVersion !== resident.version) {
        throw new StaleResidentError();
      }
      if (patch.orgUnitId && patch.orgUnitId !== resident.orgUnitId) {
        resident.orgUnitName = await this.assertOrgUnitInScope(manager, actor, patch.orgUnitId);
      }
      const changed = Object.keys(patch).filter(
        (key) => patch[key as keyof ResidentInput] !== undefined,
      ) as (keyof ResidentInput)[];
      for (const key of changed) {
        Object.assign(resident, { [key]: patch[key] });
      }
      const saved = await this.repository.save(manager, resident);
      await this.audit.record(manager, actor, {
        action: 'resident.update',
        entityType: 'resident',
        entityId: id,
        details: { fields: changed },
      });
      return Object.assign(saved, { orgUnitName: resident.orgUnitName });
    });
  }

  changeStatus(
    actor: Actor,
    id: string,
    status: ResidentStatus,
    reason: string | null,
  ): Promise<ResidentRow> {
    this.assertRole(actor, STATUS_CHANGERS, 'change a resident’s status', '更改长者状态');
    return this.transactions.run(async (manager) => {
      const resident = await this.getIn(manager, actor, id, true);
      const from = resident.status;
      if (!canTransition(from, status)) {
        throw new IllegalStatusTransitionError(from, status);
      }
      resident.status = status;
      if (status === 'admitted') {
        resident.admittedAt = this.clock.now();
      }
      if (status === 'discharged' || status === 'deceased') {
        resident.leftAt = this.clock.now();
      }
      const saved = await this.repository.save(manager, resident);
      await this.audit.record(manager, actor, {
        action: 'resident.status-change',
        entityType: 'resident',
        entityId: id,
        details: { from, to: status, reason },
      });
      await this.events.publish(manager, {
        type: 'resident.status-changed',
        tenantId: actor.tenantId,
        residentId: id,
        from,
        to: status,
        actor,
        depth: 0,
      });
      return Object.assign(saved, { orgUnitName: resident.orgUnitName });
    });
  }

  async familyLinks(actor: Actor, residentId: string): Promise<FamilyLinkRow[]> {
    const manager = this.transactions.manager;
    await this.getIn(manager, actor, residentId);
    const links = await this.repository.familyLinks(manager, residentId);
    // A family member sees their own link, not the other relatives' accounts.
    return isFamilyOnly(actor) ? links.filter((link) => link.userId === actor.userId) : links;
  }

  /** The residents linked to the calling user as family, with the relationship (the family portal). */
  async linkedToMe(actor: Actor): Promise<(ResidentRow & { relationship: string })[]> {
    const rows = await this.repository.linkedTo(this.transactions.manager, actor);
    return rows.map((row) =>
      Object.assign(ResidentsService.forCaller(actor, row), { relationship: row.relationship }),
    );
  }

  linkFamily(
    actor: Actor,
    residentId: string,
    userId: string,
    relationship: string,
  ): Promise<FamilyLinkRow[]> {
    this.assertRole(actor, FAMILY_LINKERS, 'link family members', '关联家属');
    return this.transactions.run(async (manager) => {
      await this.getIn(manager, actor, residentId, true);
      const user = await this.users.findById(manager, actor.tenantId, userId);
      const memberships = user ? await this.users.memberships(manager, user.id) : [];
      if (!memberships.some((m) => m.role === 'family')) {
        throw new NotAFamilyUserError();
      }
      if (await this.repository.hasFamilyLink(manager, residentId, userId)) {
        throw new FamilyLinkExistsError();
      }
      const link = await this.repository.insertFamilyLink(manager, {
        tenantId: actor.tenantId,
        residentId,
        userId,
        relationship,
      });
      await this.audit.record(manager, actor, {
        action: 'resident.family-link',
        entityType: 'resident',
        entityId: residentId,
        details: { linkId: link.id, userId, relationship },
      });
      return this.repository.familyLinks(manager, residentId);
    });
  }

  /** For rules, inside the event's transaction: the resident regardless of any caller's scope. */
  async snapshot(manager: EntityManager, tenantId: string, id: string): Promise<ResidentRow | null> {
    return this.repository.findInTenant(manager, tenantId, id);
  }

  /** For other modules, inside their transaction: the resident if the caller may see it, else NotFound. */
  visible(manager: EntityManager, actor: Actor, id: string): Promise<ResidentRow> {
    return this.getIn(manager, actor, id);
  }

  /** visible, reading only what a record's writer and its rules use (see EventResident). */
  async visibleSummary(manager: EntityManager, actor: Actor, id: string): Promise<EventResident> {
    const resident = await this.repository.findVisibleSummary(manager, actor, id);
    if (!resident) {
      throw new NotFoundError('Resident', id);
    }
    return resident;
  }

  private async getIn(manager: EntityManager, actor: Actor, id: string, lock = false): Promise<ResidentRow> {
    const resident = await this.repository.findVisible(manager, actor, id, lock);
    if (!resident) {
      throw new NotFoundError('Resident', id);
    }
    return resident;
  }

  /** `what` the caller may not do, in English and in Chinese. */
  private assertRole(actor: Actor, roles: readonly string[], what: string, whatZh: string): void {
    if (!hasRole(actor, roles)) {
      throw new ForbiddenError(
        `Only ${roles.join(', ')} may ${what}.`,
        `只有${roleNamesZh(roles)}才能${whatZh}。`,
      );
    }
  }

  /** Staff may place residents only in their own org units or below; admins anywhere in the tenant. */
  private async assertOrgUnitInScope(
    manager: EntityManager,
    actor: Actor,
    orgUnitId: string,
  ): Promise<string> {
    const unit = await this.orgUnits.get(manager, actor.tenantId, orgUnitId).catch((error: unknown) => {
      if (error instanceof NotFoundError) {
        return null;
      }
      throw error;
    });
    if (!unit) {
      throw new UnknownResidentOrgUnitError();
    }
    const allowed = actor.roles.some(
      (r) =>
        r.role === 'admin' ||
        (RESIDENT_WRITERS.includes(r.role as never) && unit.path.startsWith(r.orgUnitPath)),
    );
    if (!allowed) {
      throw new OrgUnitOutOfScopeError();
    }
    return unit.name;
  }
}
