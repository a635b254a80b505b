import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { accessScope } from '../../common/auth/access-scope.util.js';
import { isAdmin, isFamilyOnly, type Actor } from '../../common/auth/actor.types.js';
import { Transactions } from '../../common/database/transaction.js';
import { ForbiddenError, NotFoundError } from '../../common/errors/domain.errors.js';
import type { RequestLocale } from '../../common/http/locale.decorator.js';
import { Clock } from '../../common/time/clock.js';
import type { IncidentEntity } from '../../process-runtime/incident.entity.js';
import type { ProcessDefinitionEntity } from '../../process-runtime/process-definition.entity.js';
import type { ProcessHistoryEntity } from '../../process-runtime/process-history.entity.js';
import type {
  ProcessInstanceEntity,
  ProcessInstanceStatus,
} from '../../process-runtime/process-instance.entity.js';
import {
  EngineConflictError,
  IncidentNotFoundError,
  InstanceNotActiveError,
  InvalidSimulationError,
  NoMessageSubscriptionError,
  ProcessInstanceNotFoundError,
  ProcessNotFoundError,
} from '../../process-runtime/process-runtime.errors.js';
import {
  ProcessRuntimeService,
  type DeployedProcess,
  type StartedInstance,
  type StartInput,
} from '../../process-runtime/process-runtime.service.js';
import { stepFieldRights } from '../../process-runtime/instance-view.util.js';
import type { InstanceState, SimulationTrace } from '../../process-runtime/process-runtime.types.js';
import { ProcessesRepository, type DefinitionSummary } from '../../process-runtime/processes.repository.js';
import { AuditService } from '../audit/audit.service.js';
import { ResidentsService } from '../residents/residents.service.js';
import { withoutHidden } from '../tasks/field-rights.util.js';

export type DeployOutcome = { created: boolean; processes: DeployedProcess[] };
export type ProcessDetail = { latest: ProcessDefinitionEntity; versions: ProcessDefinitionEntity[] };
export type InstanceDetail = {
  instance: ProcessInstanceEntity;
  history: ProcessHistoryEntity[];
  incidents: IncidentEntity[];
  /** The variables this caller may read (field rights applied). */
  variables: Record<string, unknown>;
};
export type StartRequest = {
  variables?: Record<string, unknown>;
  residentId?: string;
  businessKey?: string;
};
export type InstanceQuery = { processKey?: string; status?: ProcessInstanceStatus; residentId?: string };
export type MessageRequest = {
  name: string;
  correlationKey?: string | null;
  variables?: Record<string, unknown>;
};
export type SimulationRequest = {
  xml?: string;
  key?: string;
  version?: number;
  script?: Record<string, unknown>;
  start?: string;
};

/** Use cases of deployed processes and their instances; the engine work is the runtime's. */
@Injectable()
export class ProcessesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly runtime: ProcessRuntimeService,
    private readonly repository: ProcessesRepository,
    private readonly residents: ResidentsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** `what` the caller may not do, in English and in Chinese. */
  private assertAdmin(actor: Actor, what: string, whatZh: string): void {
    if (!isAdmin(actor)) {
      throw new ForbiddenError(`Only administrators may ${what}.`, `只有管理员才能${whatZh}。`);
    }
  }

  private assertStaff(actor: Actor): void {
    if (isFamilyOnly(actor)) {
      throw new ForbiddenError(
        'Family accounts cannot start or change processes.',
        '家属账号不能发起或更改流程。',
      );
    }
  }

  async deploy(actor: Actor, xml: string, locale: RequestLocale): Promise<DeployOutcome> {
    this.assertAdmin(actor, 'deploy processes', '部署流程');
    return this.transactions.run(async (manager) => {
      const processes = await this.runtime.deploy(manager, actor.tenantId, actor.userId, xml, locale);
      const created = processes.some((p) => p.created);
      if (created) {
        await this.audit.record(manager, actor, {
          action: 'process.deployed',
          entityType: 'process',
          entityId: processes[0]?.key ?? '',
          details: { processes: processes.map((p) => ({ key: p.key, version: p.version })) },
        });
      }
      return { created, processes };
    });
  }

  list(actor: Actor): Promise<DefinitionSummary[]> {
    return this.repository.latestDefinitions(this.transactions.manager, actor.tenantId);
  }

  async get(actor: Actor, key: string, version?: number): Promise<ProcessDetail> {
    const manager = this.transactions.manager;
    const versions = await this.repository.versions(manager, actor.tenantId, key);
    const latest = version === undefined ? versions[0] : versions.find((v) => v.version === version);
    if (!latest) {
      throw new ProcessNotFoundError(version === undefined ? key : `${key}@${version}`);
    }
    return { latest, versions };
  }

  /**
   * Starts an instance for a staff member; also tells the tasks the start opened on it (the starter may see them:
   * they belong to the instance's resident, whom the starter may see), so a caller can work on the first task
   * without listing the instance's tasks.
   */
  async start(actor: Actor, key: string, request: StartRequest): Promise<StartedInstance> {
    this.assertStaff(actor);
    const input = async (manager: EntityManager): Promise<StartInput> => {
      const definition = await this.repository.latestDefinition(manager, actor.tenantId, key);
      if (!definition) {
        throw new ProcessNotFoundError(key);
      }
      const resident = request.residentId
        ? await this.residents.visible(manager, actor, request.residentId)
        : null;
      return {
        tenantId: actor.tenantId,
        definition,
        variables: request.variables ?? {},
        residentId: resident?.id ?? null,
        businessKey: request.businessKey ?? null,
        startedBy: actor.userId,
      };
    };
    // Without a transaction when the start is atomic on its own (one statement inserting the new instance and its
    // rows, see `startAtOnce`); otherwise (it starts a child, a handler of its end would write) in one.
    const manager = this.transactions.manager;
    const started = await this.runtime.startAtOnce(manager, await input(manager));
    return (
      started ??
      this.transactions.run(async (transaction) => {
        const { instance, createdTasks } = await this.runtime.startTelling(
          transaction,
          await input(transaction),
        );
        // a step the start set off in the same transaction (a child that ended at once answering) may have closed one
        const open = await this.repository.openTaskIds(
          transaction,
          createdTasks.map((task) => task.id),
        );
        return { instance, createdTasks: createdTasks.filter((task) => open.has(task.id)) };
      })
    );
  }

  /** An instance the caller may see: resident-linked ones follow the resident's access scope. */
  private async visibleInstance(
    manager: EntityManager,
    actor: Actor,
    id: string,
  ): Promise<ProcessInstanceEntity> {
    const instance = await this.repository.findInstance(manager, actor.tenantId, id);
    if (!instance) {
      throw new ProcessInstanceNotFoundError(id);
    }
    if (instance.residentId) {
      try {
        await this.residents.visible(manager, actor, instance.residentId);
      } catch (error) {
        if (!(error instanceof NotFoundError)) {
          throw error;
        }
        await this.assertCopiedTo(manager, actor, instance);
      }
    } else if (isFamilyOnly(actor)) {
      await this.assertCopiedTo(manager, actor, instance);
    }
    return instance;
  }

  /** Whoever an instance was copied to (抄送) may read it outside their own scope. */
  private async assertCopiedTo(
    manager: EntityManager,
    actor: Actor,
    instance: ProcessInstanceEntity,
  ): Promise<void> {
    const roles = actor.roles.map((role) => role.role);
    if (!(await this.repository.isViewer(manager, instance.id, actor.userId, roles))) {
      throw new ProcessInstanceNotFoundError(instance.id);
    }
  }

  async instance(actor: Actor, id: string): Promise<InstanceDetail> {
    const manager = this.transactions.manager;
    const instance = await this.visibleInstance(manager, actor, id);
    const [history, incidents, variables] = await Promise.all([
      this.repository.history(manager, instance.id),
      this.repository.incidents(manager, actor.tenantId, { instanceId: instance.id }),
      this.visibleVariables(manager, actor, instance),
    ]);
    return { instance, history, incidents, variables };
  }

  /**
   * The instance's variables as the instance view shows them. `careloom:fieldRights` hide a field from the person
   * acting in a step, but everyone who may read the instance — each step's actor included, however their task
   * came to them (candidate role, transfer, delegation, copy) — may read this view: it is no step, so it shows
   * only what every step may see. A variable (or nested member) hidden by ANY user task of the definition is left
   * out, with the same rule as that task's own data (`withoutHidden`, a `"*": "hidden"` default included), unless
   * the caller is an administrator (who deploys the rights and manages instances: incidents, retries). The
   * alternative — "hidden in every task the caller may see" — depends on who holds which task right now (a
   * transfer would change what the same person may read) and leaks the field to the very actor it is hidden from
   * whenever that actor may also see another step's task; a step's form (`GET /api/tasks/{id}/form`) remains the
   * way to see a field where the step shows it.
   */
  private async visibleVariables(
    manager: EntityManager,
    actor: Actor,
    instance: ProcessInstanceEntity,
  ): Promise<Record<string, unknown>> {
    const variables = (instance.state as unknown as InstanceState).variables;
    if (isAdmin(actor)) {
      return variables;
    }
    const row = await this.repository.definitionById(manager, instance.definitionId);
    // a definition row that is gone cannot say what it hides: show nothing rather than everything
    if (!row) {
      return {};
    }
    return stepFieldRights(this.runtime.compiled(row)).reduce<Record<string, unknown>>(
      (shown, rights) => withoutHidden(shown, rights),
      variables,
    );
  }

  instances(actor: Actor, query: InstanceQuery): Promise<ProcessInstanceEntity[]> {
    const residentPath =
      '(SELECT sou.path FROM resident sr JOIN org_unit sou ON sou.id = sr.org_unit_id WHERE sr.id = pi.resident_id)';
    const scope = accessScope(actor, { orgUnitPath: residentPath, residentId: 'pi.resident_id' });
    const sql = scope
      ? isFamilyOnly(actor)
        ? `(pi.resident_id IS NOT NULL AND ${scope.sql})`
        : `(pi.resident_id IS NULL OR ${scope.sql})`
      : null;
    return this.repository.listInstances(this.transactions.manager, actor.tenantId, {
      ...query,
      scope: sql && scope ? { sql, params: scope.params } : null,
      limit: 500,
    });
  }

  /** Ends an instance by hand; its history names who, and why when `reason` is given. */
  async cancel(actor: Actor, id: string, reason: string | null = null): Promise<ProcessInstanceEntity> {
    this.assertStaff(actor);
    return this.transactions.run(async (manager) => {
      const instance = await this.visibleInstance(manager, actor, id);
      if (!isAdmin(actor) && instance.startedBy !== actor.userId) {
        throw new ForbiddenError(
          'Only administrators and whoever started an instance may cancel it.',
          '只有管理员和流程发起人才能结束流程。',
        );
      }
      if (instance.status === 'completed' || instance.status === 'cancelled') {
        throw new InstanceNotActiveError(id, instance.status);
      }
      const { instance: cancelled } = await this.runtime.step(
        manager,
        id,
        { type: 'cancel', reason: `cancelled by ${actor.username}${reason ? `: ${reason}` : ''}` },
        (writes) =>
          writes.insertHistory({
            tenantId: instance.tenantId,
            instanceId: id,
            at: this.clock.now(),
            elementId: instance.processKey,
            elementType: 'process',
            event: 'cancelled',
            tokenId: null,
            actorId: actor.userId,
            actorName: actor.displayName,
            reason,
            details: {},
          }),
      );
      await this.audit.record(manager, actor, {
        action: 'process-instance.cancelled',
        entityType: 'process-instance',
        entityId: id,
        details: { processKey: instance.processKey, ...(reason ? { reason } : {}) },
      });
      return cancelled;
    });
  }

  /**
   * Delivers a message to every instance waiting for it with this correlation key (one subscription per
   * instance); with none waiting, starts the processes whose message start event has this name.
   */
  async correlate(actor: Actor, request: MessageRequest): Promise<string[]> {
    this.assertStaff(actor);
    return this.transactions.run(async (manager) => {
      const key = request.correlationKey ?? null;
      const waiting = await this.repository.waitingSubscriptions(manager, actor.tenantId, request.name, key);
      const reached = new Set<string>();
      for (const subscription of waiting) {
        if (reached.has(subscription.instanceId)) {
          continue;
        }
        try {
          await this.runtime.command(manager, subscription.instanceId, {
            type: 'correlate-message',
            subscriptionId: subscription.engineSubscriptionId,
            variables: request.variables ?? {},
          });
          reached.add(subscription.instanceId);
        } catch (error) {
          if (!(error instanceof EngineConflictError || error instanceof InstanceNotActiveError)) {
            throw error;
          }
        }
      }
      if (reached.size === 0) {
        for (const start of await this.repository.messageStartDefinitions(
          manager,
          actor.tenantId,
          request.name,
        )) {
          const instance = await this.runtime.start(manager, {
            tenantId: actor.tenantId,
            definition: start.definition,
            startEventId: start.elementId,
            variables: request.variables ?? {},
            residentId: null,
            businessKey: key,
            startedBy: actor.userId,
          });
          reached.add(instance.id);
        }
      }
      if (reached.size === 0) {
        throw new NoMessageSubscriptionError(request.name, key);
      }
      return [...reached];
    });
  }

  incidents(actor: Actor, status?: 'open' | 'resolved'): Promise<IncidentEntity[]> {
    this.assertAdmin(actor, 'read incidents', '查看流程异常');
    return this.repository.incidents(this.transactions.manager, actor.tenantId, status ? { status } : {});
  }

  async retry(actor: Actor, id: string): Promise<IncidentEntity> {
    this.assertAdmin(actor, 'retry incidents', '重试流程异常');
    return this.transactions.run(async (manager) => {
      const incident = await this.repository.findIncident(manager, actor.tenantId, id);
      if (!incident) {
        throw new IncidentNotFoundError(id);
      }
      if (incident.status !== 'open') {
        throw new EngineConflictError(`Incident ${id} is already resolved.`);
      }
      if (incident.instanceId === null) {
        await this.runtime.retryJobIncident(manager, incident);
      } else {
        await this.runtime.command(manager, incident.instanceId, {
          type: 'retry',
          incidentId: incident.engineIncidentId,
        });
      }
      await this.audit.record(manager, actor, {
        action: 'incident.retried',
        entityType: 'incident',
        entityId: id,
        details: { instanceId: incident.instanceId, elementId: incident.elementId },
      });
      return (await this.repository.findIncident(manager, actor.tenantId, id)) ?? incident;
    });
  }

  async simulate(actor: Actor, request: SimulationRequest, locale: RequestLocale): Promise<SimulationTrace> {
    this.assertStaff(actor);
    let definition;
    if (typeof request.xml === 'string') {
      definition = await this.runtime.compileForSimulation(request.xml, locale);
    } else if (request.key) {
      definition = this.runtime.compiled((await this.get(actor, request.key, request.version)).latest);
    } else {
      throw new InvalidSimulationError(
        'Send "xml", or "key" (and optionally "version") of a deployed process.',
        '请提供 xml，或已部署流程的 key（可再加 version 指定版本）。',
      );
    }
    return this.runtime.simulate(definition, request.script ?? {}, request.start);
  }
}
