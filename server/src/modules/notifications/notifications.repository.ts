import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { Actor } from '../../common/auth/actor.types.js';
import { notificationAudience } from './notification-audience.util.js';
import { NotificationEntity } from './notification.entity.js';

/** The only code that queries in-app notifications. */
@Injectable()
export class NotificationsRepository {
  /**
   * Inserts one notification. One about a resident (`aboutResidentId`, given for role notifications) gets the path
   * of the resident's org unit, read in the same statement (null when the resident is not in the tenant).
   */
  async insert(
    manager: EntityManager,
    values: Omit<NotificationEntity, 'id' | 'orgUnitPath'>,
    aboutResidentId: string | null,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO notification
              (tenant_id, user_id, role, org_unit_path, title, body, payload, instance_id, read_by, created_at)
       VALUES ($1, $2, $3, (SELECT ou.path FROM resident r JOIN org_unit ou ON ou.id = r.org_unit_id
                             WHERE r.tenant_id = $1 AND r.id = $4), $5, $6, $7, $8, $9, $10)`,
      [
        values.tenantId,
        values.userId,
        values.role,
        aboutResidentId,
        values.title,
        values.body,
        JSON.stringify(values.payload),
        values.instanceId,
        values.readBy,
        values.createdAt,
      ],
    );
  }

  /** One statement for many rows (a notice published to every family of a wing). */
  async insertMany(manager: EntityManager, values: Omit<NotificationEntity, 'id'>[]): Promise<void> {
    if (values.length > 0) {
      await manager
        .getRepository(NotificationEntity)
        .insert(values as QueryDeepPartialEntity<NotificationEntity>[]);
    }
  }

  /** The actor's notifications: their own and their roles' (about residents of their units, see notificationAudience). */
  private forActor(manager: EntityManager, actor: Actor) {
    const audience = notificationAudience(actor);
    return manager
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .where('n.tenant_id = :tenantId', { tenantId: actor.tenantId })
      .andWhere(audience.sql, audience.params);
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
