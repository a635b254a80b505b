import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { evaluate, evaluateExplained, LogicError, truthy } from '@careloom/logic';
import type { EntityManager } from 'typeorm';
import { DomainEvents, type DomainEvent } from '../../common/events/domain-events.js';
import { Clock } from '../../common/time/clock.js';
import { ProcessRuntimeService } from '../../process-runtime/process-runtime.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { RecordsService } from '../records/records.service.js';
import { ResidentsService } from '../residents/residents.service.js';
import type { ActionOutcome, RuleEntity, RuleVersionEntity } from './rule.entity.js';
import { triggerMatches } from './rule-definition.util.js';
import type { RuleAction, RuleDefinition } from './rule.types.js';
import { RulesRepository } from './rules.repository.js';

/** A chain of rules acting on each other's changes stops here, with a warning and a stored firing. */
export const MAX_RULE_DEPTH = 3;
const DEFAULT_CONTEXT_LIMIT = 100;

/** What a condition sees: the triggering record, the resident, context windows and the event. */
export type RuleData = {
  record: Record<string, unknown> | null;
  resident: Record<string, unknown> | null;
  context: Record<string, Record<string, unknown>[]>;
  event: Record<string, unknown>;
};

type Evaluation =
  | {
      status: 'matched' | 'not-matched';
      result: unknown;
      explanation: ReturnType<typeof evaluateExplained>['explanation'];
    }
  | { status: 'failed'; error: string };

function eventSummary(event: DomainEvent): Record<string, unknown> {
  switch (event.type) {
    case 'record.created':
    case 'record.updated':
      return {
        type: event.type,
        recordId: event.recordId,
        formKey: event.formKey,
        residentId: event.residentId,
      };
    case 'resident.status-changed':
      return { type: event.type, residentId: event.residentId, from: event.from, to: event.to };
    case 'task.completed':
      return {
        type: event.type,
        taskId: event.taskId,
        instanceId: event.instanceId,
        processKey: event.processKey,
        elementId: event.elementId,
        residentId: event.residentId,
      };
    case 'process.ended':
      return {
        type: event.type,
        instanceId: event.instanceId,
        processKey: event.processKey,
        status: event.status,
        residentId: event.residentId,
      };
  }
}

/** The data an event carries for the condition's `record`: the form data, the task output or the process variables. */
function eventData(event: DomainEvent): Record<string, unknown> | null {
  switch (event.type) {
    case 'record.created':
    case 'record.updated':
    case 'task.completed':
      return event.data;
    case 'process.ended':
      return event.variables;
    case 'resident.status-changed':
      return null;
  }
}

/** Evaluates enabled rules on domain events inside the event's transaction and runs their actions. */
@Injectable()
export class RuleRunner implements OnModuleInit {
  private readonly logger = new Logger(RuleRunner.name);
  private readonly versions = new Map<string, RuleVersionEntity>();

  constructor(
    private readonly events: DomainEvents,
    private readonly repository: RulesRepository,
    private readonly records: RecordsService,
    private readonly residents: ResidentsService,
    private readonly notifications: NotificationsService,
    private readonly processes: ProcessRuntimeService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.events.subscribe('rules', (manager, event) => this.onEvent(manager, event));
  }

  private async currentVersion(manager: EntityManager, rule: RuleEntity): Promise<RuleVersionEntity | null> {
    const key = `${rule.id}@${rule.currentVersion}`;
    const cached = this.versions.get(key);
    if (cached) {
      return cached;
    }
    const version = await this.repository.version(manager, rule.id, rule.currentVersion);
    if (version) {
      this.versions.set(key, version);
    }
    return version;
  }

  async onEvent(manager: EntityManager, event: DomainEvent): Promise<void> {
    const isRecord = event.type === 'record.created' || event.type === 'record.updated';
    const triggerTypes = isRecord ? [event.type, 'record.saved'] : [event.type];
    const rules = await this.repository.enabledFor(
      manager,
      event.tenantId,
      triggerTypes,
      isRecord ? event.formKey : null,
    );
    for (const rule of rules) {
      const version = await this.currentVersion(manager, rule);
      if (!version || !triggerMatches(version.definition.trigger, event)) {
        continue;
      }
      const common = {
        tenantId: event.tenantId,
        ruleId: rule.id,
        ruleVersion: version.version,
        residentId: event.residentId,
        recordId: isRecord ? event.recordId : null,
        event: eventSummary(event),
        depth: event.depth,
      };
      if (event.depth >= MAX_RULE_DEPTH) {
        this.logger.warn({ msg: 'rule chain too deep: not evaluated', rule: rule.key, depth: event.depth });
        await this.repository.insertFiring(manager, {
          ...common,
          status: 'depth-limit',
          context: {},
          explanation: null,
          actions: [],
          error: `The chain of rules reached ${MAX_RULE_DEPTH} levels; this rule was not evaluated.`,
        });
        continue;
      }
      const data = await this.dataFor(manager, event, version.definition);
      const evaluation = this.evaluate(version.definition, data);
      if (evaluation.status === 'not-matched') {
        continue;
      }
      if (evaluation.status === 'failed') {
        this.logger.warn({ msg: 'rule evaluation failed', rule: rule.key, error: evaluation.error });
        await this.repository.insertFiring(manager, {
          ...common,
          status: 'failed',
          context: data,
          explanation: null,
          actions: [],
          error: evaluation.error,
        });
        continue;
      }
      const actions = await this.runActions(manager, rule, version.definition.actions, data, event);
      await this.repository.insertFiring(manager, {
        ...common,
        status: 'matched',
        context: data,
        explanation: evaluation.explanation,
        actions,
        error: null,
      });
    }
  }

  /** Builds what the condition sees; also used by the dry run. */
  async dataFor(manager: EntityManager, event: DomainEvent, definition: RuleDefinition): Promise<RuleData> {
    const record = eventData(event);
    const resident = event.residentId
      ? await this.residents.snapshot(manager, event.tenantId, event.residentId)
      : null;
    const context: RuleData['context'] = {};
    for (const window of definition.context) {
      context[window.name] = resident
        ? (
            await this.records.recentForResident(
              manager,
              event.tenantId,
              resident.id,
              window.formKey,
              new Date(this.clock.now().getTime() - window.days * 86_400_000),
              window.limit ?? DEFAULT_CONTEXT_LIMIT,
            )
          ).map((r) => ({ ...r.data, _recordId: r.id, _createdAt: r.createdAt.toISOString() }))
        : [];
    }
    return {
      record,
      resident: resident
        ? {
            id: resident.id,
            name: resident.name,
            gender: resident.gender,
            birthDate: resident.birthDate,
            status: resident.status,
            careLevel: resident.careLevel,
            room: resident.room,
            bed: resident.bed,
            orgUnitId: resident.orgUnitId,
            admittedAt: resident.admittedAt?.toISOString() ?? null,
          }
        : null,
      context,
      event: eventSummary(event),
    };
  }

  evaluate(definition: RuleDefinition, data: RuleData): Evaluation {
    try {
      const { result, explanation } = evaluateExplained(definition.condition, data, {
        now: this.clock.iso(),
      });
      return { status: truthy(result) ? 'matched' : 'not-matched', result, explanation };
    } catch (error) {
      return { status: 'failed', error: error instanceof LogicError ? error.message : String(error) };
    }
  }

  private async runActions(
    manager: EntityManager,
    rule: RuleEntity,
    actions: RuleAction[],
    data: RuleData,
    event: DomainEvent,
  ): Promise<ActionOutcome[]> {
    const outcomes: ActionOutcome[] = [];
    for (const action of actions) {
      try {
        outcomes.push(await this.runAction(manager, rule, action, data, event));
      } catch (error) {
        outcomes.push({
          type: action.type,
          ok: false,
          detail: error instanceof Error ? error.message : String(error),
        });
      }
    }
    return outcomes;
  }

  private async runAction(
    manager: EntityManager,
    rule: RuleEntity,
    action: RuleAction,
    data: RuleData,
    event: DomainEvent,
  ): Promise<ActionOutcome> {
    switch (action.type) {
      case 'notify': {
        const residentName = typeof data.resident?.name === 'string' ? data.resident.name : '';
        const fill = (text: string) => text.replace(/\{\{\s*resident\.name\s*\}\}/g, residentName);
        const to = await this.notifications.notify(manager, event.tenantId, action.to, {
          title: fill(action.message['zh-CN']),
          body: action.message.en ? fill(action.message.en) : null,
          payload: {
            ruleId: rule.id,
            ruleKey: rule.key,
            residentId: event.residentId,
            event: eventSummary(event),
          },
        });
        return {
          type: 'notify',
          ok: true,
          detail: to.role ? `notified role ${to.role}` : `notified user ${to.userId ?? ''}`,
        };
      }
      case 'start-process': {
        const variables = Object.fromEntries(
          Object.entries(action.variables ?? {}).map(([name, logic]) => [
            name,
            evaluate(logic, data, { now: this.clock.iso() }),
          ]),
        );
        const started = await this.processes.startLatest(manager, {
          tenantId: event.tenantId,
          processKey: action.processKey,
          variables,
          residentId: event.residentId,
          businessKey: null,
          startedBy: rule.updatedBy,
        });
        return {
          type: 'start-process',
          ok: true,
          detail: `started ${action.processKey} instance ${started.id}`,
        };
      }
      case 'update-field': {
        if (event.type !== 'record.created' && event.type !== 'record.updated') {
          return { type: 'update-field', ok: false, detail: 'update-field needs a record trigger' };
        }
        const value = evaluate(action.value, data, { now: this.clock.iso() });
        const result = await this.records.updateFieldByRule(
          manager,
          event.tenantId,
          event.recordId,
          { field: action.field, value },
          { actorId: rule.updatedBy, actorName: `规则 ${rule.name['zh-CN']}`, depth: event.depth + 1 },
        );
        return result.ok
          ? { type: 'update-field', ok: true, detail: `${action.field} = ${JSON.stringify(value)}` }
          : { type: 'update-field', ok: false, detail: result.problems.join('; ') };
      }
    }
  }
}
