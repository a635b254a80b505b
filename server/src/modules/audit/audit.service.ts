import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.types.js';
import { Transactions } from '../../common/database/transaction.js';
import { AuditEventEntity } from './audit-event.entity.js';
import { auditHash, GENESIS_HASH, type HashedContent } from './audit-hash.util.js';
import { AuditRepository } from './audit.repository.js';

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string | null;
  details?: Record<string, unknown>;
};

/** A system actor for what the server does by itself (first-start setup, timers). */
export type SystemActor = { tenantId: string; system: string };

export type ChainVerification = {
  valid: boolean;
  checked: number;
  brokenAt: string | null;
  reason: string | null;
};

@Injectable()
export class AuditService {
  constructor(
    private readonly repository: AuditRepository,
    private readonly transactions: Transactions,
  ) {}

  /** Appends one event inside the caller's transaction, so the change and its audit row commit together. */
  async record(manager: EntityManager, actor: Actor | SystemActor, entry: AuditEntry): Promise<void> {
    const prevHash = (await this.repository.lockChainHead(manager, actor.tenantId)) ?? GENESIS_HASH;
    const isUser = 'userId' in actor;
    const content: HashedContent = {
      tenantId: actor.tenantId,
      at: new Date(),
      actorId: isUser ? actor.userId : null,
      actorName: isUser ? actor.username : `system:${actor.system}`,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      ip: isUser ? actor.ip : null,
      requestId: isUser ? actor.requestId : null,
      details: entry.details ?? {},
    };
    await this.repository.insert(manager, { ...content, prevHash, hash: auditHash(prevHash, content) });
  }

  list(
    actor: Actor,
    filter: { entityType?: string; entityId?: string; page: number; pageSize: number },
  ): Promise<{ items: AuditEventEntity[]; total: number }> {
    return this.repository.page(this.transactions.manager, actor.tenantId, filter);
  }

  /** Walks the tenant's chain and recomputes every hash; the first row that does not match is reported. */
  async verify(actor: Actor): Promise<ChainVerification> {
    let prevHash = GENESIS_HASH;
    let afterId = '0';
    let checked = 0;
    for (;;) {
      const batch = await this.repository.batchAfter(
        this.transactions.manager,
        actor.tenantId,
        afterId,
        1000,
      );
      for (const row of batch) {
        if (row.prevHash !== prevHash) {
          return {
            valid: false,
            checked,
            brokenAt: row.id,
            reason: 'prev_hash does not match the previous row',
          };
        }
        if (auditHash(prevHash, row) !== row.hash) {
          return { valid: false, checked, brokenAt: row.id, reason: 'content does not match its hash' };
        }
        prevHash = row.hash;
        afterId = row.id;
        checked += 1;
      }
      if (batch.length < 1000) {
        return { valid: true, checked, brokenAt: null, reason: null };
      }
    }
  }
}
