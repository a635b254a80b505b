import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.types.js';
import { Transactions } from '../../common/database/transaction.js';
import { Clock } from '../../common/time/clock.js';
import { UsersService } from '../users/users.service.js';
import type { NotificationEntity } from './notification.entity.js';
import { NotificationNotFoundError } from './notifications.errors.js';
import { NotificationsRepository } from './notifications.repository.js';

/**
 * Who gets it: one user (by id or username) or every holder of a role — of a role notification about a resident
 * (`NotificationContent.residentId`), only the holders at the resident's org unit or above.
 */
export type Recipient = { userId?: string; username?: string; role?: string };
export type NotificationContent = {
  title: string;
  body: string | null;
  payload: Record<string, unknown>;
  instanceId?: string | null;
  /** The resident it is about (a rule's event, a process instance's resident); scopes a role notification. */
  residentId?: string | null;
};

export class UnknownRecipientError extends Error {}

/** In-app notifications: written by processes and rules inside their transaction, read by each user. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly repository: NotificationsRepository,
    private readonly transactions: Transactions,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  /**
   * Writes one notification; throws UnknownRecipientError for a user who is not in the tenant. A role notification
   * about a resident stores the path of the resident's org unit (read in the insert); without one it is tenant-wide.
   */
  async notify(
    manager: EntityManager,
    tenantId: string,
    to: Recipient,
    content: NotificationContent,
  ): Promise<{ userId: string | null; role: string | null }> {
    let userId: string | null = to.userId ?? null;
    if (userId === null && to.username !== undefined) {
      const user = await this.users.findByUsername(manager, to.username);
      if (!user || user.tenantId !== tenantId) {
        throw new UnknownRecipientError(`no user "${to.username}" to notify`);
      }
      userId = user.id;
    }
    const role = userId === null ? (to.role ?? null) : null;
    if (userId === null && role === null) {
      throw new UnknownRecipientError('a notification needs a user or a role');
    }
    // the resident's unit when written: a later move does not pass the notification on to the new wing
    await this.repository.insert(
      manager,
      {
        tenantId,
        userId,
        role,
        title: content.title,
        body: content.body,
        payload: content.payload,
        instanceId: content.instanceId ?? null,
        readBy: [],
        createdAt: this.clock.now(),
      },
      role === null ? null : (content.residentId ?? null),
    );
    return { userId, role };
  }

  /** Writes the same notification to each of these users (ids already known to be in the tenant). */
  async notifyUsers(
    manager: EntityManager,
    tenantId: string,
    userIds: readonly string[],
    content: NotificationContent,
  ): Promise<void> {
    const createdAt = this.clock.now();
    await this.repository.insertMany(
      manager,
      userIds.map((userId) => ({
        tenantId,
        userId,
        role: null,
        orgUnitPath: null,
        title: content.title,
        body: content.body,
        payload: content.payload,
        instanceId: content.instanceId ?? null,
        readBy: [],
        createdAt,
      })),
    );
  }

  list(actor: Actor, unreadOnly: boolean): Promise<NotificationEntity[]> {
    return this.repository.list(this.transactions.manager, actor, unreadOnly);
  }

  async markRead(actor: Actor, id: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      if (!(await this.repository.markRead(manager, actor, id))) {
        throw new NotificationNotFoundError(id);
      }
    });
  }
}
