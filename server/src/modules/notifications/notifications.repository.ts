import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { Actor } from '../../common/auth/actor.types.js';
import { NotificationEntity } from './notification.entity.js';

/** The only code that queries in-app notifications. */
@Injectable()
export class NotificationsRepository {
  async insert(manager: EntityManager, values: Omit<NotificationEntity, 'id'>): Promise<void> {
    await manager
      .getRepository(NotificationEntity)
      .insert(values as QueryDeepPartialEntity<NotificationEntity>);
  }

  /** One statement for many rows (a notice published to every family of a wing). */
  async insertMany(manager: EntityManager, values: Omit<NotificationEntity, 'id'>[]): Promise<void> {
    if (values.length > 0) {
      await manager
        .getRepository(NotificationEntity)
        .insert(values as QueryDeepPartialEntity<NotificationEntity>[]);
    }
  }

  private forActor(manager: EntityManager, actor: Actor) {
    return manager
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .where('n.tenant_id = :tenantId', { tenantId: actor.tenantId })
      .andWhere('(n.user_id = :userId OR n.role = ANY(:roles::text[]))', {
        userId: actor.userId,
        roles: [...new Set(actor.roles.map((r) => r.role))],
      });
  }

  list(manager: EntityManager, actor: Actor, unreadOnly: boolean): Promise<NotificationEntity[]> {
    const query = this.forActor(manager, actor).orderBy('n.created_at', 'DESC').take(200);
    if (unreadOnly) {
      query.andWhere('NOT (:userId = ANY(n.read_by))', { userId: actor.userId });
    }
    return query.getMany();
  }

  async markRead(manager: EntityManager, actor: Actor, id: string): Promise<boolean> {
    const found = await this.forActor(manager, actor).andWhere('n.id = :id', { id }).getOne();
    if (!found) {
      return false;
    }
    await manager.query(
      `UPDATE notification SET read_by = array_append(read_by, $2) WHERE id = $1 AND NOT ($2 = ANY(read_by))`,
      [id, actor.userId],
    );
    return true;
  }
}
