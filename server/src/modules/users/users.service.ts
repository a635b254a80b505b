import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.types.js';
import { Transactions } from '../../common/database/transaction.js';
import { AuditService, type SystemActor } from '../audit/audit.service.js';
import { hashPassword } from '../auth/password.util.js';
import type { Locale, RoleEntity, UserEntity } from './user.entity.js';
import { BUILT_IN_ROLES } from './roles.constants.js';
import { UnknownOrgUnitError, UnknownRoleError, UsernameTakenError } from './users.errors.js';
import { UsersRepository, type MembershipView } from './users.repository.js';

export type NewUser = {
  username: string;
  displayName: string;
  password: string;
  locale?: Locale;
  memberships: { role: string; orgUnitId: string }[];
};

export type UserWithMemberships = { user: UserEntity; memberships: MembershipView[] };

@Injectable()
export class UsersService {
  constructor(
    private readonly repository: UsersRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor): Promise<UserWithMemberships[]> {
    const manager = this.transactions.manager;
    const users = await this.repository.list(manager, actor.tenantId);
    const memberships = await this.repository.memberships(
      manager,
      users.map((u) => u.id),
    );
    return users.map((user) => ({ user, memberships: memberships.get(user.id) ?? [] }));
  }

  roles(actor: Actor): Promise<RoleEntity[]> {
    return this.repository.rolesByKey(this.transactions.manager, actor.tenantId);
  }

  async memberships(manager: EntityManager, userId: string): Promise<MembershipView[]> {
    return (await this.repository.memberships(manager, [userId])).get(userId) ?? [];
  }

  findByUsername(manager: EntityManager, username: string): Promise<UserEntity | null> {
    return this.repository.findByUsername(manager, username);
  }

  findById(manager: EntityManager, tenantId: string, id: string): Promise<UserEntity | null> {
    return this.repository.findById(manager, tenantId, id);
  }

  async setPasswordHash(manager: EntityManager, userId: string, passwordHash: string): Promise<void> {
    await this.repository.updatePassword(manager, userId, passwordHash);
  }

  async create(actor: Actor, input: NewUser): Promise<UserWithMemberships> {
    return this.transactions.run(async (manager) => {
      const user = await this.createIn(manager, actor, input);
      return { user, memberships: await this.memberships(manager, user.id) };
    });
  }

  async seedRoles(manager: EntityManager, tenantId: string): Promise<void> {
    await this.repository.insertRoles(
      manager,
      BUILT_IN_ROLES.map((r) => ({ tenantId, ...r })),
    );
  }

  /** Creates a user with role memberships inside an existing transaction. */
  async createIn(manager: EntityManager, actor: Actor | SystemActor, input: NewUser): Promise<UserEntity> {
    if (await this.repository.findByUsername(manager, input.username)) {
      throw new UsernameTakenError(input.username);
    }
    const roles = new Map(
      (await this.repository.rolesByKey(manager, actor.tenantId)).map((r) => [r.key, r.id]),
    );
    const unitIds: { id: string }[] = await manager.query('SELECT id FROM org_unit WHERE tenant_id = $1', [
      actor.tenantId,
    ]);
    const units = new Set(unitIds.map((u) => u.id));
    const memberships = input.memberships.map((m, index) => {
      const roleId = roles.get(m.role);
      if (!roleId) {
        throw new UnknownRoleError(index, m.role);
      }
      if (!units.has(m.orgUnitId)) {
        throw new UnknownOrgUnitError(index);
      }
      return { roleId, orgUnitId: m.orgUnitId };
    });
    const user = await this.repository.insert(manager, {
      tenantId: actor.tenantId,
      username: input.username,
      displayName: input.displayName,
      passwordHash: await hashPassword(input.password),
      locale: input.locale ?? 'zh-CN',
    });
    await this.repository.insertMemberships(
      manager,
      memberships.map((m) => ({ userId: user.id, ...m })),
    );
    await this.audit.record(manager, actor, {
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      details: { username: user.username, memberships: input.memberships },
    });
    return user;
  }
}
