import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { RuleEntity, RuleFiringEntity, RuleVersionEntity } from './rule.entity.js';

@Injectable()
export class RulesRepository {
  list(manager: EntityManager, tenantId: string): Promise<RuleEntity[]> {
    return manager.getRepository(RuleEntity).find({ where: { tenantId }, order: { key: 'ASC' } });
  }

  findById(manager: EntityManager, tenantId: string, id: string, lock = false): Promise<RuleEntity | null> {
    return manager.getRepository(RuleEntity).findOne({
      where: { tenantId, id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  findByKey(manager: EntityManager, tenantId: string, key: string): Promise<RuleEntity | null> {
    return manager.getRepository(RuleEntity).findOne({ where: { tenantId, key } });
  }

  /** Enabled rules an event of this type (and form) may wake. */
  enabledFor(
    manager: EntityManager,
    tenantId: string,
    triggerTypes: string[],
    formKey: string | null,
  ): Promise<RuleEntity[]> {
    const query = manager
      .getRepository(RuleEntity)
      .createQueryBuilder('rule')
      .where('rule.tenant_id = :tenantId AND rule.enabled AND rule.trigger_type IN (:...triggerTypes)', {
        tenantId,
        triggerTypes,
      });
    if (formKey !== null) {
      query.andWhere('rule.trigger_form_key = :formKey', { formKey });
    }
    return query.orderBy('rule.key').getMany();
  }

  insert(manager: EntityManager, rule: Partial<RuleEntity>): Promise<RuleEntity> {
    return manager.getRepository(RuleEntity).save(manager.getRepository(RuleEntity).create(rule));
  }

  save(manager: EntityManager, rule: RuleEntity): Promise<RuleEntity> {
    return manager.getRepository(RuleEntity).save(rule);
  }

  versions(manager: EntityManager, ruleId: string): Promise<RuleVersionEntity[]> {
    return manager.getRepository(RuleVersionEntity).find({ where: { ruleId }, order: { version: 'DESC' } });
  }

  version(manager: EntityManager, ruleId: string, version: number): Promise<RuleVersionEntity | null> {
    return manager.getRepository(RuleVersionEntity).findOne({ where: { ruleId, version } });
  }

  insertVersion(manager: EntityManager, version: Partial<RuleVersionEntity>): Promise<RuleVersionEntity> {
    return manager
      .getRepository(RuleVersionEntity)
      .save(manager.getRepository(RuleVersionEntity).create(version));
  }

  async insertFiring(manager: EntityManager, firing: Partial<RuleFiringEntity>): Promise<void> {
    await manager.getRepository(RuleFiringEntity).insert(firing as QueryDeepPartialEntity<RuleFiringEntity>);
  }

  firings(
    manager: EntityManager,
    tenantId: string,
    filter: { residentId?: string; ruleId?: string; limit: number },
  ): Promise<RuleFiringEntity[]> {
    return manager.getRepository(RuleFiringEntity).find({
      where: {
        tenantId,
        ...(filter.residentId ? { residentId: filter.residentId } : {}),
        ...(filter.ruleId ? { ruleId: filter.ruleId } : {}),
      },
      order: { at: 'DESC' },
      take: filter.limit,
    });
  }
}
