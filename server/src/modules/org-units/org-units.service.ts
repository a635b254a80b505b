import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.types.js';
import { Transactions } from '../../common/database/transaction.js';
import { NotFoundError } from '../../common/errors/domain.errors.js';
import { AuditService, type SystemActor } from '../audit/audit.service.js';
import type { OrgUnitEntity, OrgUnitKind } from './org-unit.entity.js';
import { OrgUnitHierarchyError } from './org-units.errors.js';
import { OrgUnitsRepository } from './org-units.repository.js';

const PARENT_KIND: Record<OrgUnitKind, OrgUnitKind | null> = {
  institution: null,
  branch: 'institution',
  building: 'branch',
  wing: 'building',
};

@Injectable()
export class OrgUnitsService {
  constructor(
    private readonly repository: OrgUnitsRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
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
    input: { parentId: string | null; name: string; kind: OrgUnitKind },
  ): Promise<OrgUnitEntity> {
    return this.transactions.run((manager) => this.createIn(manager, actor, input));
  }

  /** Creates a unit inside an existing transaction (also used by first-start setup). */
  async createIn(
    manager: EntityManager,
    actor: Actor | SystemActor,
    input: { parentId: string | null; name: string; kind: OrgUnitKind },
  ): Promise<OrgUnitEntity> {
    const parent = input.parentId ? await this.get(manager, actor.tenantId, input.parentId) : null;
    if ((parent?.kind ?? null) !== PARENT_KIND[input.kind]) {
      throw new OrgUnitHierarchyError(input.kind, parent?.kind ?? null);
    }
    const unit = await this.repository.create(manager, {
      tenantId: actor.tenantId,
      parent,
      name: input.name,
      kind: input.kind,
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
