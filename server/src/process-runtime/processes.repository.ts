import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { SharedCaches, type SharedCache } from '../common/database/shared-cache.js';
import { IncidentEntity } from './incident.entity.js';
import { MessageSubscriptionEntity } from './message-subscription.entity.js';
import { ProcessDefinitionEntity } from './process-definition.entity.js';
import { ProcessHistoryEntity } from './process-history.entity.js';
import { ProcessInstanceEntity, type ProcessInstanceStatus } from './process-instance.entity.js';
import { ProcessInstanceViewerEntity } from './process-instance-viewer.entity.js';
import { queryPrepared } from '../common/database/prepared-query.js';
import { jsonDate } from './time.util.js';

export type DefinitionSummary = { key: string; version: number; name: string; deployedAt: Date };

export type InstanceFilter = {
  processKey?: string;
  status?: ProcessInstanceStatus;
  residentId?: string;
  /** SQL visibility predicate over `pi.resident_id` (null: no restriction). */
  scope: { sql: string; params: Record<string, unknown> } | null;
  limit: number;
};

/** A `process_instance` row as PostgreSQL sends it. */
type InstanceRow = {
  id: string;
  tenant_id: string;
  definition_id: string;
  process_key: string;
  process_version: number;
  status: ProcessInstanceStatus;
  state: Record<string, unknown>;
  version: number;
  resident_id: string | null;
  business_key: string | null;
  started_by: string | null;
  parent_instance_id: string | null;
  parent_call_id: string | null;
  created_at: Date;
  updated_at: Date;
  ended_at: Date | null;
};

/** The columns of `InstanceRow` (a select list that does not change with the table). */
const INSTANCE_COLUMNS = (
  [
    'id',
    'tenant_id',
    'definition_id',
    'process_key',
    'process_version',
    'status',
    'state',
    'version',
    'resident_id',
    'business_key',
    'started_by',
    'parent_instance_id',
    'parent_call_id',
    'created_at',
    'updated_at',
    'ended_at',
  ] as const satisfies readonly (keyof InstanceRow)[]
).join(', ');

const instanceOf = (row: InstanceRow): ProcessInstanceEntity =>
  Object.assign(new ProcessInstanceEntity(), {
    id: row.id,
    tenantId: row.tenant_id,
    definitionId: row.definition_id,
    processKey: row.process_key,
    processVersion: row.process_version,
    status: row.status,
    state: row.state,
    version: row.version,
    residentId: row.resident_id,
    businessKey: row.business_key,
    startedBy: row.started_by,
    parentInstanceId: row.parent_instance_id,
    parentCallId: row.parent_call_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    endedAt: row.ended_at,
  });

/** Every insert of a `process_definition` row goes through this repository and announces it on this topic. */
const DEFINITIONS_TOPIC = 'process-definitions';
const DEFINITION_CACHE_SIZE = 500;

/** An instance row as `row_to_json` sends it (timestamps as strings) as PostgreSQL's driver would. */
function instanceRowOf(json: Record<string, unknown>): InstanceRow {
  return {
    ...(json as unknown as InstanceRow),
    created_at: jsonDate(json['created_at']) ?? new Date(NaN),
    updated_at: jsonDate(json['updated_at']) ?? new Date(NaN),
    ended_at: jsonDate(json['ended_at']),
  };
}

/** The only code that queries definitions, instances, history, message subscriptions and incidents. */
@Injectable()
export class ProcessesRepository {
  /** Definition rows by id: never updated, so kept (LRU-bounded) once committed. */
  private readonly definitionsById = new Map<string, ProcessDefinitionEntity>();
  /** The latest version of each (tenant, key): kept until any process deploys. */
  private readonly latestByKey: SharedCache<ProcessDefinitionEntity | null>;
  /** Instance rows this transaction holds locked (and changes only through `saveState`): read once per command. */
  private readonly locked = new WeakMap<EntityManager, Map<string, ProcessInstanceEntity>>();

  constructor(private readonly caches: SharedCaches) {
    this.latestByKey = caches.create(DEFINITIONS_TOPIC, DEFINITION_CACHE_SIZE);
  }
  /** Serialises deploys of one key in one tenant (version numbers without gaps or races). */
  async lockKey(manager: EntityManager, tenantId: string, key: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`process:${tenantId}:${key}`]);
  }

  /** The newest version of a process (from memory until any process deploys; do not modify it). */
  latestDefinition(
    manager: EntityManager,
    tenantId: string,
    key: string,
  ): Promise<ProcessDefinitionEntity | null> {
    return this.latestByKey.get(manager, `${tenantId}|${key}`, () =>
      manager
        .getRepository(ProcessDefinitionEntity)
        .findOne({ where: { tenantId, key }, order: { version: 'DESC' } }),
    );
  }

  definitionVersion(
    manager: EntityManager,
    tenantId: string,
    key: string,
    version: number,
  ): Promise<ProcessDefinitionEntity | null> {
    return manager.getRepository(ProcessDefinitionEntity).findOne({ where: { tenantId, key, version } });
  }

  /** A definition row by id (from memory after the first committed read; do not modify it). */
  async definitionById(manager: EntityManager, id: string): Promise<ProcessDefinitionEntity | null> {
    const cached = this.definitionsById.get(id);
    if (cached) {
      return cached;
    }
    const row = await manager.getRepository(ProcessDefinitionEntity).findOne({ where: { id } });
    // Not from a transaction that deploys: it might roll back, and the id never come to exist.
    if (row && this.caches.usable(manager, DEFINITIONS_TOPIC)) {
      if (this.definitionsById.size >= DEFINITION_CACHE_SIZE) {
        const oldest = this.definitionsById.keys().next().value;
        if (oldest !== undefined) {
          this.definitionsById.delete(oldest);
        }
      }
      this.definitionsById.set(id, row);
    }
    return row;
  }

  versions(manager: EntityManager, tenantId: string, key: string): Promise<ProcessDefinitionEntity[]> {
    return manager
      .getRepository(ProcessDefinitionEntity)
      .find({ where: { tenantId, key }, order: { version: 'DESC' } });
  }

  async latestDefinitions(manager: EntityManager, tenantId: string): Promise<DefinitionSummary[]> {
    const rows: { key: string; version: number; name: string; deployed_at: Date }[] = await manager.query(
      `SELECT DISTINCT ON (key) key, version, name, deployed_at FROM process_definition
       WHERE tenant_id = $1 ORDER BY key, version DESC`,
      [tenantId],
    );
    return rows.map((r) => ({ key: r.key, version: r.version, name: r.name, deployedAt: r.deployed_at }));
  }

  /** Latest versions of processes with a message start event of this name. */
  async messageStartDefinitions(
    manager: EntityManager,
    tenantId: string,
    name: string,
  ): Promise<{ definition: ProcessDefinitionEntity; elementId: string }[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT d.id FROM (SELECT DISTINCT ON (key) id, definition FROM process_definition
       WHERE tenant_id = $1 ORDER BY key, version DESC) d
       WHERE d.definition -> 'startEvents' -> 'messages' @> jsonb_build_array(jsonb_build_object('name', $2::text))`,
      [tenantId, name],
    );
    const found: { definition: ProcessDefinitionEntity; elementId: string }[] = [];
    for (const row of rows) {
      const definition = await this.definitionById(manager, row.id);
      const starts = (definition?.definition['startEvents'] ?? {}) as {
        messages?: { name: string; elementId: string }[];
      };
      const start = starts.messages?.find((m) => m.name === name);
      if (definition && start) {
        found.push({ definition, elementId: start.elementId });
      }
    }
    return found;
  }

  async insertDefinition(
    manager: EntityManager,
    values: Omit<ProcessDefinitionEntity, 'id'>,
  ): Promise<ProcessDefinitionEntity> {
    await this.caches.changed(manager, DEFINITIONS_TOPIC);
    const repository = manager.getRepository(ProcessDefinitionEntity);
    return repository.save(repository.create(values));
  }

  /**
   * The instance row, locked until the transaction ends (one command at a time per instance). Read once per
   * transaction: a second call returns the same object, which `saveState` keeps in step with the row.
   */
  async lockInstance(manager: EntityManager, id: string): Promise<ProcessInstanceEntity | null> {
    const held = this.locked.get(manager)?.get(id);
    if (held) {
      return held;
    }
    // every step of the job runner and of messages starts here: prepared (planned once per connection)
    const rows = await queryPrepared<InstanceRow>(
      manager,
      `SELECT ${INSTANCE_COLUMNS} FROM process_instance WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return this.hold(manager, rows[0]);
  }

  /**
   * Locks these instance rows in one statement, in id order (two transactions that lock sets this way cannot
   * deadlock each other), and keeps them as `lockInstance` keeps its rows.
   */
  async lockInstances(manager: EntityManager, ids: readonly string[]): Promise<void> {
    const wanted = [...new Set(ids)].filter((id) => !this.locked.get(manager)?.has(id));
    if (wanted.length === 0) {
      return;
    }
    const rows = await queryPrepared<InstanceRow>(
      manager,
      `SELECT ${INSTANCE_COLUMNS} FROM process_instance WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [wanted],
    );
    for (const row of rows) {
      this.hold(manager, row);
    }
  }

  /**
   * An instance row this transaction locked in another statement (as `row_to_json` sends it): kept as
   * `lockInstance` keeps its rows, unless the transaction already holds it.
   */
  adoptLocked(manager: EntityManager, json: Record<string, unknown>): ProcessInstanceEntity | null {
    const held = this.locked.get(manager)?.get(String(json['id']));
    if (held) {
      return held;
    }
    return this.hold(manager, instanceRowOf(json));
  }

  /** An instance row read without a lock in another statement (as `row_to_json` sends it); not kept. */
  instanceFromJson(json: Record<string, unknown>): ProcessInstanceEntity {
    return instanceOf(instanceRowOf(json));
  }

  /**
   * Forgets the instance rows kept for this transaction (after a rollback to a savepoint, what they hold in memory
   * may no longer be what the database holds; the next `lockInstance` reads them again — the lock stays).
   */
  forgetLocked(manager: EntityManager): void {
    this.locked.delete(manager);
  }

  /** Keeps a locked row for the rest of the transaction (see `lockInstance`). */
  private hold(manager: EntityManager, row: InstanceRow | undefined): ProcessInstanceEntity | null {
    if (!row) {
      return null;
    }
    const instance = instanceOf(row);
    if (manager.queryRunner?.isTransactionActive) {
      const rows = this.locked.get(manager) ?? new Map<string, ProcessInstanceEntity>();
      rows.set(instance.id, instance);
      this.locked.set(manager, rows);
    }
    return instance;
  }

  /** After a state write (`StepWrites.saveState`): the locked row now is `instance`, or is unknown (`saved` false). */
  savedState(manager: EntityManager, instance: ProcessInstanceEntity, saved: boolean): void {
    const held = this.locked.get(manager);
    if (saved) {
      if (held?.has(instance.id)) {
        held.set(instance.id, instance);
      }
    } else {
      held?.delete(instance.id);
    }
  }

  findInstance(manager: EntityManager, tenantId: string, id: string): Promise<ProcessInstanceEntity | null> {
    return manager.getRepository(ProcessInstanceEntity).findOne({ where: { tenantId, id } });
  }

  /** Instance id → definition row id, for the given instances (only those two columns are read). */
  async definitionIdsOf(
    manager: EntityManager,
    instanceIds: readonly string[],
  ): Promise<Map<string, string>> {
    if (instanceIds.length === 0) {
      return new Map();
    }
    const rows = await manager
      .getRepository(ProcessInstanceEntity)
      .find({ select: { id: true, definitionId: true }, where: { id: In([...new Set(instanceIds)]) } });
    return new Map(rows.map((row) => [row.id, row.definitionId]));
  }

  listInstances(
    manager: EntityManager,
    tenantId: string,
    filter: InstanceFilter,
  ): Promise<ProcessInstanceEntity[]> {
    const query = manager
      .getRepository(ProcessInstanceEntity)
      .createQueryBuilder('pi')
      .where('pi.tenant_id = :tenantId', { tenantId })
      .orderBy('pi.created_at', 'DESC')
      .take(filter.limit);
    if (filter.processKey) {
      query.andWhere('pi.process_key = :processKey', { processKey: filter.processKey });
    }
    if (filter.status) {
      query.andWhere('pi.status = :status', { status: filter.status });
    }
    if (filter.residentId) {
      query.andWhere('pi.resident_id = :residentId', { residentId: filter.residentId });
    }
    if (filter.scope) {
      query.andWhere(filter.scope.sql, filter.scope.params);
    }
    return query.getMany();
  }

  /** Active children a call activity started. */
  children(
    manager: EntityManager,
    parentInstanceId: string,
    callId: string,
  ): Promise<ProcessInstanceEntity[]> {
    return manager.getRepository(ProcessInstanceEntity).find({
      where: { parentInstanceId, parentCallId: callId, status: In(['active', 'incident']) },
    });
  }

  async insertHistory(manager: EntityManager, rows: Omit<ProcessHistoryEntity, 'id'>[]): Promise<void> {
    if (rows.length > 0) {
      await manager
        .getRepository(ProcessHistoryEntity)
        .insert(rows as QueryDeepPartialEntity<ProcessHistoryEntity>[]);
    }
  }

  history(manager: EntityManager, instanceId: string): Promise<ProcessHistoryEntity[]> {
    return manager.getRepository(ProcessHistoryEntity).find({ where: { instanceId }, order: { id: 'ASC' } });
  }

  /** Waiting subscriptions for a message, oldest first (a null key matches subscriptions without one). */
  waitingSubscriptions(
    manager: EntityManager,
    tenantId: string,
    name: string,
    correlationKey: string | null,
  ): Promise<MessageSubscriptionEntity[]> {
    const query = manager
      .getRepository(MessageSubscriptionEntity)
      .createQueryBuilder('ms')
      .where('ms.tenant_id = :tenantId AND ms.name = :name', { tenantId, name })
      .orderBy('ms.created_at', 'ASC');
    if (correlationKey === null) {
      query.andWhere('ms.correlation_key IS NULL');
    } else {
      query.andWhere('ms.correlation_key = :correlationKey', { correlationKey });
    }
    return query.getMany();
  }

  async insertIncident(manager: EntityManager, values: Omit<IncidentEntity, 'id'>): Promise<void> {
    await manager.getRepository(IncidentEntity).insert(values);
  }

  async resolveIncidents(
    manager: EntityManager,
    instanceId: string,
    openEngineIds: string[],
    at: Date,
  ): Promise<void> {
    const query = manager
      .getRepository(IncidentEntity)
      .createQueryBuilder()
      .update()
      .set({ status: 'resolved', resolvedAt: at })
      .where(`instance_id = :instanceId AND status = 'open'`, { instanceId });
    if (openEngineIds.length > 0) {
      query.andWhere('engine_incident_id <> ALL(:openEngineIds)', { openEngineIds });
    }
    await query.execute();
  }

  async resolveIncident(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager
      .getRepository(IncidentEntity)
      .update({ id, status: 'open' }, { status: 'resolved', resolvedAt: at });
  }

  findIncident(manager: EntityManager, tenantId: string, id: string): Promise<IncidentEntity | null> {
    return manager.getRepository(IncidentEntity).findOne({ where: { tenantId, id } });
  }

  incidents(
    manager: EntityManager,
    tenantId: string,
    filter: { instanceId?: string; status?: 'open' | 'resolved' },
  ): Promise<IncidentEntity[]> {
    return manager.getRepository(IncidentEntity).find({
      where: {
        tenantId,
        ...(filter.instanceId ? { instanceId: filter.instanceId } : {}),
        ...(filter.status ? { status: filter.status } : {}),
      },
      order: { createdAt: 'DESC' },
      take: 500,
    });
  }

  /** The newest history row of `event` about one task (approval moves keep the task id in `details`). */
  /** Which of these task rows are still open. */
  async openTaskIds(manager: EntityManager, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) {
      return new Set();
    }
    const rows = await manager.query<{ id: string }[]>(
      `SELECT id FROM task WHERE id = ANY($1::uuid[]) AND status = 'open'`,
      [ids],
    );
    return new Set(rows.map((row) => row.id));
  }

  latestTaskEvent(
    manager: EntityManager,
    instanceId: string,
    taskId: string,
    event: string,
  ): Promise<ProcessHistoryEntity | null> {
    return manager
      .getRepository(ProcessHistoryEntity)
      .createQueryBuilder('h')
      .where(`h.instance_id = :instanceId AND h.event = :event AND h.details->>'taskId' = :taskId`, {
        instanceId,
        event,
        taskId,
      })
      .orderBy('h.id', 'DESC')
      .getOne();
  }

  async insertViewers(
    manager: EntityManager,
    rows: Omit<ProcessInstanceViewerEntity, 'id'>[],
  ): Promise<void> {
    if (rows.length > 0) {
      await manager.getRepository(ProcessInstanceViewerEntity).insert(rows);
    }
  }

  /** Whether the instance was copied (抄送) to this user or to one of these roles. */
  async isViewer(
    manager: EntityManager,
    instanceId: string,
    userId: string,
    roles: readonly string[],
  ): Promise<boolean> {
    const query = manager
      .getRepository(ProcessInstanceViewerEntity)
      .createQueryBuilder('v')
      .where('v.instance_id = :instanceId', { instanceId })
      .andWhere('(v.user_id = :userId OR v.role = ANY(:roles::text[]))', { userId, roles: [...roles] });
    return (await query.getCount()) > 0;
  }
}
