import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity.js';

@Injectable()
export class AuditRepository {
  /** Serialises appends per tenant for the rest of the transaction and returns the chain's last hash. */
  async lockChainHead(manager: EntityManager, tenantId: string): Promise<string | null> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7))', [`audit:${tenantId}`]);
    const rows: { hash: string }[] = await manager.query(
      'SELECT hash FROM audit_event WHERE tenant_id = $1 ORDER BY id DESC LIMIT 1',
      [tenantId],
    );
    return rows[0]?.hash ?? null;
  }

  insert(manager: EntityManager, row: Omit<AuditEventEntity, 'id'>): Promise<AuditEventEntity> {
    return manager.getRepository(AuditEventEntity).save(manager.create(AuditEventEntity, row));
  }

  async page(
    manager: EntityManager,
    tenantId: string,
    filter: { entityType?: string; entityId?: string; page: number; pageSize: number },
  ): Promise<{ items: AuditEventEntity[]; total: number }> {
    const query = manager
      .getRepository(AuditEventEntity)
      .createQueryBuilder('a')
      .where('a.tenant_id = :tenantId', { tenantId })
      .orderBy('a.id', 'DESC')
      .skip((filter.page - 1) * filter.pageSize)
      .take(filter.pageSize);
    if (filter.entityType) {
      query.andWhere('a.entity_type = :entityType', { entityType: filter.entityType });
    }
    if (filter.entityId) {
      query.andWhere('a.entity_id = :entityId', { entityId: filter.entityId });
    }
    const [items, total] = await query.getManyAndCount();
    return { items, total };
  }

  /** The chain in id order, a batch at a time. */
  batchAfter(
    manager: EntityManager,
    tenantId: string,
    afterId: string,
    size: number,
  ): Promise<AuditEventEntity[]> {
    return manager
      .getRepository(AuditEventEntity)
      .createQueryBuilder('a')
      .where('a.tenant_id = :tenantId AND a.id > :afterId', { tenantId, afterId })
      .orderBy('a.id', 'ASC')
      .take(size)
      .getMany();
  }
}
