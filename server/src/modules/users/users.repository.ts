import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ActorRole } from '../../common/auth/actor.types.js';
import { SESSIONS_TOPIC } from '../../common/auth/sessions-cache.constants.js';
import { SharedCaches } from '../../common/database/shared-cache.js';
import { MembershipEntity, RoleEntity, UserEntity } from './user.entity.js';

export type MembershipView = ActorRole & { orgUnitName: string };

/**
 * Sessions are cached with their user's active flag and memberships (roles with org-unit paths): every
 * method that changes those calls `this.caches.changed(manager, SESSIONS_TOPIC)` in its transaction, so each
 * server process re-reads them on the next request. A new method that disables a user, or changes or removes
 * a membership or a role, must do the same.
 */
@Injectable()
export class UsersRepository {
  constructor(private readonly caches: SharedCaches) {}

  findByUsername(manager: EntityManager, username: string): Promise<UserEntity | null> {
    return manager.getRepository(UserEntity).findOneBy({ username });
  }

  findById(manager: EntityManager, tenantId: string, id: string): Promise<UserEntity | null> {
    return manager.getRepository(UserEntity).findOneBy({ tenantId, id });
  }

  list(manager: EntityManager, tenantId: string): Promise<UserEntity[]> {
    return manager.getRepository(UserEntity).find({ where: { tenantId }, order: { username: 'ASC' } });
  }

  insert(manager: EntityManager, user: Omit<UserEntity, 'id' | 'createdAt' | 'active'>): Promise<UserEntity> {
    return manager.getRepository(UserEntity).save(manager.create(UserEntity, user));
  }

  async updatePassword(manager: EntityManager, userId: string, passwordHash: string): Promise<void> {
    await manager.getRepository(UserEntity).update({ id: userId }, { passwordHash });
  }

  async memberships(manager: EntityManager, userIds: string[]): Promise<Map<string, MembershipView[]>> {
    const rows: {
      user_id: string;
      role: string;
      org_unit_id: string;
      org_unit_path: string;
      org_unit_name: string;
    }[] =
      userIds.length === 0
        ? []
        : await manager.query(
            `SELECT m.user_id, r.key AS role, o.id AS org_unit_id, o.path AS org_unit_path, o.name AS org_unit_name
               FROM membership m JOIN role r ON r.id = m.role_id JOIN org_unit o ON o.id = m.org_unit_id
              WHERE m.user_id = ANY($1::uuid[]) ORDER BY r.key, o.path`,
            [userIds],
          );
    const byUser = new Map<string, MembershipView[]>();
    for (const row of rows) {
      const list = byUser.get(row.user_id) ?? [];
      list.push({
        role: row.role,
        orgUnitId: row.org_unit_id,
        orgUnitPath: row.org_unit_path,
        orgUnitName: row.org_unit_name,
      });
      byUser.set(row.user_id, list);
    }
    return byUser;
  }

  rolesByKey(manager: EntityManager, tenantId: string): Promise<RoleEntity[]> {
    return manager.getRepository(RoleEntity).find({ where: { tenantId }, order: { key: 'ASC' } });
  }

  insertRoles(manager: EntityManager, roles: Omit<RoleEntity, 'id'>[]): Promise<RoleEntity[]> {
    return manager.getRepository(RoleEntity).save(roles.map((r) => manager.create(RoleEntity, r)));
  }

  async insertMemberships(
    manager: EntityManager,
    memberships: Omit<MembershipEntity, 'id'>[],
  ): Promise<void> {
    await manager
      .getRepository(MembershipEntity)
      .save(memberships.map((m) => manager.create(MembershipEntity, m)));
    await this.caches.changed(manager, SESSIONS_TOPIC);
  }
}
