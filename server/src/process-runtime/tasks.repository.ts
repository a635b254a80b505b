import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { accessScope } from '../common/auth/access-scope.util.js';
import type { Actor } from '../common/auth/actor.types.js';
import { TaskEntity, type TaskStatus } from './task.entity.js';

export type TaskFilter = {
  processInstanceId?: string;
  /** Assigned to the caller. */
  mine?: boolean;
  /** Unassigned and offered to the caller (by role key or username). */
  candidate?: boolean;
  overdue?: boolean;
  /** Completed by the caller, newest first (their "done" list, where a withdraw starts). */
  done?: boolean;
  status?: TaskStatus;
  now: Date;
  limit: number;
};

/** The only code that queries user tasks. */
@Injectable()
export class TasksRepository {
  async insert(manager: EntityManager, values: Omit<TaskEntity, 'id'>): Promise<void> {
    await manager.getRepository(TaskEntity).insert(values as QueryDeepPartialEntity<TaskEntity>);
  }

  async cancelByEngineId(manager: EntityManager, engineTaskId: string, at: Date): Promise<void> {
    await manager
      .getRepository(TaskEntity)
      .createQueryBuilder()
      .update()
      .set({ status: 'cancelled', completedAt: at, version: () => 'version + 1' })
      .where(`engine_task_id = :engineTaskId AND status = 'open'`, { engineTaskId })
      .execute();
  }

  findByEngineId(manager: EntityManager, engineTaskId: string, lock = false): Promise<TaskEntity | null> {
    const query = manager
      .getRepository(TaskEntity)
      .createQueryBuilder('t')
      .where('t.engine_task_id = :engineTaskId', { engineTaskId });
    if (lock) {
      query.setLock('pessimistic_write');
    }
    return query.getOne();
  }

  /** A task row in the tenant, locked for the rest of the transaction when `lock`. */
  find(manager: EntityManager, tenantId: string, id: string, lock = false): Promise<TaskEntity | null> {
    const query = manager
      .getRepository(TaskEntity)
      .createQueryBuilder('t')
      .where('t.id = :id AND t.tenant_id = :tenantId', { id, tenantId });
    if (lock) {
      query.setLock('pessimistic_write');
    }
    return query.getOne();
  }

  /**
   * Writes the task's columns as they are in memory: one UPDATE, no read before it (callers hold the row
   * locked, or created it in their transaction).
   */
  async save(manager: EntityManager, task: TaskEntity): Promise<void> {
    const { id, ...columns } = task;
    await manager.getRepository(TaskEntity).update({ id }, columns as QueryDeepPartialEntity<TaskEntity>);
  }

  list(manager: EntityManager, actor: Actor, filter: TaskFilter): Promise<TaskEntity[]> {
    const query = manager
      .getRepository(TaskEntity)
      .createQueryBuilder('t')
      .leftJoin('resident', 'res', 'res.id = t.resident_id')
      .leftJoin('org_unit', 'ou', 'ou.id = res.org_unit_id')
      .where('t.tenant_id = :tenantId', { tenantId: actor.tenantId })
      .orderBy('t.created_at', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .take(filter.limit);
    const scope = accessScope(actor, { orgUnitPath: 'ou.path', residentId: 't.resident_id' });
    if (scope) {
      query.andWhere(`(t.resident_id IS NULL OR ${scope.sql})`, scope.params);
    }
    if (filter.processInstanceId) {
      query.andWhere('t.instance_id = :instanceId', { instanceId: filter.processInstanceId });
    }
    const status = filter.status ?? (filter.processInstanceId || filter.done ? undefined : 'open');
    if (status) {
      query.andWhere('t.status = :status', { status });
    }
    if (filter.mine) {
      query.andWhere('t.assignee = :username', { username: actor.username });
    }
    if (filter.candidate) {
      query.andWhere(
        't.assignee IS NULL AND (t.candidate_groups && :roles::text[] OR :username = ANY(t.candidate_users))',
        { roles: [...new Set(actor.roles.map((r) => r.role))], username: actor.username },
      );
    }
    if (filter.overdue) {
      query.andWhere(`t.status = 'open' AND t.due_at < :now`, { now: filter.now });
    }
    if (filter.done) {
      query
        .andWhere(`t.status = 'completed' AND t.completed_by = :userId`, { userId: actor.userId })
        .orderBy('t.completed_at', 'DESC')
        .addOrderBy('t.id', 'ASC');
    }
    return query.getMany();
  }

  byInstance(manager: EntityManager, instanceId: string): Promise<TaskEntity[]> {
    return manager.getRepository(TaskEntity).find({ where: { instanceId }, order: { createdAt: 'ASC' } });
  }
}
