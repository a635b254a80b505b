import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import {
  evaluate,
  evaluateExplained,
  evaluatePrepared,
  explainPrepared,
  itemKeysRead,
  LogicError,
  prepareLogic,
  rootPathsRead,
  truthy,
  type PreparedLogic,
} from '@careloom/logic';
import type { EntityManager } from 'typeorm';
import {
  DomainEvents,
  type DomainEvent,
  type EventResident,
  type RecordEvent,
} from '../../common/events/domain-events.js';
import { Clock } from '../../common/time/clock.js';
import { ProcessRuntimeService } from '../../process-runtime/process-runtime.service.js';
import { InstanceNotActiveError } from '../../process-runtime/process-runtime.errors.js';
import { ProcessesRepository } from '../../process-runtime/processes.repository.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { RecordsService } from '../records/records.service.js';
import { ResidentsService } from '../residents/residents.service.js';
import type { ActionOutcome, RuleEntity, RuleVersionEntity } from './rule.entity.js';
import { asStored, firstItemGate, withPendingRecord, type WindowRecord } from './rule-context.util.js';
import { triggerMatches } from './rule-definition.util.js';
import type { RuleAction, RuleDefinition, RuleEvent } from './rule.types.js';
import { RulesRepository } from './rules.repository.js';

/** A chain of rules acting on each other's changes stops here, with a warning and a stored firing. */
export const MAX_RULE_DEPTH = 3;
const DEFAULT_CONTEXT_LIMIT = 100;
/** At most this many instances of one process per status a cancel-process action ends for one resident. */
const CANCEL_LIMIT = 100;

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

function eventSummary(event: RuleEvent): Record<string, unknown> {
  switch (event.type) {
    case 'schedule':
      return { type: event.type, at: event.at, residentId: event.residentId };
    case 'date-field':
      return {
        type: event.type,
        recordId: event.recordId,
        formKey: event.formKey,
        field: event.field,
        value: event.value,
        offsetDays: event.offsetDays,
        repetition: event.repetition,
        at: event.at,
        residentId: event.residentId,
      };
    case 'task.overdue':
      return {
        type: event.type,
        taskId: event.taskId,
        instanceId: event.instanceId,
        processKey: event.processKey,
        elementId: event.elementId,
        dueAt: event.dueAt,
        residentId: event.residentId,
      };
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
function eventData(event: RuleEvent): Record<string, unknown> | null {
  switch (event.type) {
    case 'record.created':
    case 'record.updated':
    case 'task.completed':
    case 'date-field':
    case 'task.overdue':
      return event.data;
    case 'process.ended':
      return event.variables;
    case 'resident.status-changed':
    case 'schedule':
      return null;
  }
}

/** A context window's record as a condition sees it. */
const contextEntry = (r: WindowRecord): Record<string, unknown> => ({
  ...r.data,
  _recordId: r.id,
  _createdAt: r.createdAt.toISOString(),
});

/** What a condition sees of an event, its resident and its context windows. */
function ruleData(
  event: RuleEvent,
  resident: (Omit<EventResident, 'birthDate'> & { birthDate: string | null }) | null,
  context: RuleData['context'],
): RuleData {
  return {
    record: eventData(event),
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

/** The record an event is about (update-field acts on it), or null. */
const recordIdOf = (event: RuleEvent): string | null =>
  event.type === 'record.created' || event.type === 'record.updated' || event.type === 'date-field'
    ? event.recordId
    : null;

/** Evaluates enabled rules on domain events inside the event's transaction and runs their actions. */
@Injectable()
export class RuleRunner implements OnModuleInit {
  private readonly logger = new Logger(RuleRunner.name);
  private readonly versions = new Map<string, RuleVersionEntity>();
  /** Each version's condition, validated once (versions never change). */
  private readonly conditions = new WeakMap<RuleVersionEntity, PreparedLogic>();
  /** Per version, what decides a submission's answer without a read (decidedAlone). */
  private readonly shapes = new WeakMap<
    RuleVersionEntity,
    { recordOnly: boolean; gate: { condition: PreparedLogic; keys: readonly string[] | null } | null }
  >();
  /** Per version, the keys its condition may read of each context window's records (null: whole records). */
  private readonly windowKeys = new WeakMap<RuleVersionEntity, (readonly string[] | null)[]>();

  constructor(
    private readonly events: DomainEvents,
    private readonly repository: RulesRepository,
    private readonly records: RecordsService,
    private readonly residents: ResidentsService,
    private readonly notifications: NotificationsService,
    private readonly processes: ProcessRuntimeService,
    private readonly instances: ProcessesRepository,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.events.subscribe(
      'rules',
      (manager, event) => this.onEvent(manager, event),
      (manager, event) => this.preview(manager, event),
    );
  }

  /**
   * onEvent's answer before the change is written (DomainEvents.wouldWrite): for a submission's `record.created`
   * (its time known), whether it would write; no opinion otherwise (onEvent, run on the stand-in, decides from the
   * cached rules alone when none is enabled for the event).
   */
  private async preview(manager: EntityManager, event: DomainEvent): Promise<boolean | null> {
    return event.type === 'record.created' && event.createdAt
      ? this.wouldWrite(manager, event, event.createdAt)
      : null;
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

  /** The rule's running version, or null when it is gone (cached: versions never change). */
  version(manager: EntityManager, rule: RuleEntity): Promise<RuleVersionEntity | null> {
    return this.currentVersion(manager, rule);
  }

  async onEvent(manager: EntityManager, event: RuleEvent): Promise<void> {
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
      await this.fire(manager, rule, version, event);
    }
  }

  /**
   * Whether onEvent would write anything for the `record.created` event of a submission not written yet: a
   * matched, failed or too deep firing (a condition that does not hold stores nothing). The resident and every
   * context window are read in one statement before the insert, the pending record put in the windows that
   * would find it after the insert (withPendingRecord), and each rule evaluated as onEvent evaluates it. Rules
   * run in onEvent's order and the answer is true at the first that writes, so each condition here saw what it
   * sees there.
   */
  private async wouldWrite(manager: EntityManager, event: RecordEvent, createdAt: Date): Promise<boolean> {
    const rules = await this.repository.enabledFor(
      manager,
      event.tenantId,
      [event.type, 'record.saved'],
      event.formKey,
    );
    const versions: RuleVersionEntity[] = [];
    for (const rule of rules) {
      const version = await this.currentVersion(manager, rule);
      if (!version || !triggerMatches(version.definition.trigger, event)) {
        continue;
      }
      if (event.depth >= MAX_RULE_DEPTH) {
        return true;
      }
      versions.push(version);
    }
    if (versions.length === 0) {
      return false;
    }
    const alone = versions.map((version) => this.decidedAlone(version, event, createdAt));
    if (alone.every((answer) => answer === false)) {
      return false; // RecordsService.create writes the record only while it is the newest (firstItemGate)
    }
    if (alone.includes(true)) {
      return true;
    }
    const now = this.clock.now().getTime();
    const windows = versions.flatMap((version) => {
      const keys = this.keysRead(version);
      return version.definition.context.map((window, i) => ({
        formKey: window.formKey,
        since: new Date(now - window.days * 86_400_000),
        limit: window.limit ?? DEFAULT_CONTEXT_LIMIT,
        keys: keys[i] ?? null,
      }));
    });
    const read =
      event.residentId === null
        ? { resident: null, recent: [] }
        : await this.records.residentWithRecent(manager, event.tenantId, event.residentId, windows);
    const record = {
      id: event.recordId,
      formKey: event.formKey,
      residentId: event.residentId,
      data: event.data,
      createdAt,
    };
    let k = 0;
    for (const version of versions) {
      const context: RuleData['context'] = {};
      for (const window of version.definition.context) {
        const spec = windows[k];
        const rows = read.recent[k] ?? [];
        k += 1;
        context[window.name] =
          read.resident && spec
            ? withPendingRecord(rows, record, { ...spec, residentId: read.resident.id }).map(contextEntry)
            : [];
      }
      const evaluation = this.evaluateVersion(version, ruleData(event, read.resident, context));
      if (evaluation.status !== 'not-matched') {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a version would write for a submission, decided without reading its resident or windows; null when it
   * cannot be. A condition that reads only the record and the event is evaluated as onEvent would. One gated by the
   * newest record of a window of the submitted form (firstItemGate) does not hold when that record — the one being
   * submitted, while it is the newest of its resident and form — fails the gate.
   */
  private decidedAlone(version: RuleVersionEntity, event: RecordEvent, createdAt: Date): boolean | null {
    let shape = this.shapes.get(version);
    if (!shape) {
      const { condition, context } = version.definition;
      const paths = rootPathsRead(condition);
      const gate = firstItemGate(condition);
      const gateReads = gate ? rootPathsRead(gate.itemCondition) : null;
      shape = {
        recordOnly: paths !== null && paths.every((path) => /^(record|event)(\.|$)/.test(path)),
        gate:
          gate && context.some((window) => window.name === gate.window && window.formKey === event.formKey)
            ? {
                condition: prepareLogic(gate.itemCondition), // a part of a condition checked when it was saved
                // the keys of the record the gate reads (the whole data when it cannot tell)
                keys: gateReads && [...new Set(gateReads.map((path) => path.split('.')[0] ?? ''))],
              }
            : null,
      };
      this.shapes.set(version, shape);
    }
    if (shape.recordOnly) {
      return this.evaluateVersion(version, ruleData(event, null, {})).status !== 'not-matched';
    }
    if (!shape.gate || event.residentId === null || event.notNewest) {
      return null;
    }
    const entry = contextEntry({
      id: event.recordId,
      createdAt,
      data: asStored(event.data, shape.gate.keys),
    });
    try {
      return truthy(evaluatePrepared(shape.gate.condition, entry, { now: this.clock.iso() })) ? null : false;
    } catch {
      return null; // the whole condition fails as well: the read path stores that
    }
  }

  /**
   * What the condition may read of each context window's records (itemKeysRead): the preview reads only that, as its
   * answer is the same on them (onEvent's firing stores the whole records it saw).
   */
  private keysRead(version: RuleVersionEntity): (readonly string[] | null)[] {
    let keys = this.windowKeys.get(version);
    if (!keys) {
      const { condition, context } = version.definition;
      keys = context.map((window) => itemKeysRead(condition, `context.${window.name}`));
      this.windowKeys.set(version, keys);
    }
    return keys;
  }

  /** Evaluates one rule version on an event it matches, runs its actions and stores the firing. */
  async fire(
    manager: EntityManager,
    rule: RuleEntity,
    version: RuleVersionEntity,
    event: RuleEvent,
  ): Promise<'matched' | 'not-matched' | 'failed' | 'depth-limit'> {
    const common = {
      tenantId: event.tenantId,
      ruleId: rule.id,
      ruleVersion: version.version,
      residentId: event.residentId,
      recordId: recordIdOf(event),
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
      return 'depth-limit';
    }
    const data = await this.dataFor(manager, event, version.definition);
    const evaluation = this.evaluateVersion(version, data);
    if (evaluation.status === 'not-matched') {
      return 'not-matched';
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
      return 'failed';
    }
    const actions = await this.runActions(manager, rule, version, data, event);
    await this.repository.insertFiring(manager, {
      ...common,
      status: 'matched',
      context: data,
      explanation: evaluation.explanation,
      actions,
      error: null,
    });
    return 'matched';
  }

  /** Builds what the condition sees; also used by the dry run. */
  async dataFor(manager: EntityManager, event: RuleEvent, definition: RuleDefinition): Promise<RuleData> {
    // A record event carries the resident its writer read in this same transaction: no second read.
    const carried =
      (event.type === 'record.created' || event.type === 'record.updated') &&
      event.resident?.id === event.residentId
        ? event.resident
        : undefined;
    const resident = event.residentId
      ? (carried ?? (await this.residents.snapshot(manager, event.tenantId, event.residentId)))
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
          ).map(contextEntry)
        : [];
    }
    return ruleData(event, resident, context);
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

  /**
   * evaluate for a stored version: its condition prepared once, and explained only when it held (only a
   * matched firing stores the explanation; it is the one evaluateExplained gives).
   */
  private evaluateVersion(
    version: RuleVersionEntity,
    data: RuleData,
  ): Evaluation | { status: 'not-matched'; result: unknown } {
    try {
      let condition = this.conditions.get(version);
      if (!condition) {
        condition = prepareLogic(version.definition.condition);
        this.conditions.set(version, condition);
      }
      const options = { now: this.clock.iso() };
      const result = evaluatePrepared(condition, data, options);
      if (!truthy(result)) {
        return { status: 'not-matched', result };
      }
      return { status: 'matched', result, explanation: explainPrepared(condition, data, result, options) };
    } catch (error) {
      return { status: 'failed', error: error instanceof LogicError ? error.message : String(error) };
    }
  }

  private async runActions(
    manager: EntityManager,
    rule: RuleEntity,
    version: RuleVersionEntity,
    data: RuleData,
    event: RuleEvent,
  ): Promise<ActionOutcome[]> {
    const outcomes: ActionOutcome[] = [];
    for (const action of version.definition.actions) {
      // Each action in its own savepoint: a failing one leaves no half-done rows behind.
      await manager.query('SAVEPOINT rule_action');
      try {
        outcomes.push(await this.runAction(manager, rule, version, action, data, event));
        await manager.query('RELEASE SAVEPOINT rule_action');
      } catch (error) {
        await manager.query('ROLLBACK TO SAVEPOINT rule_action');
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
    version: RuleVersionEntity,
    action: RuleAction,
    data: RuleData,
    event: RuleEvent,
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
          residentId: event.residentId,
        });
        return {
          type: 'notify',
          ok: true,
          detail: to.role ? `notified role ${to.role}` : `notified user ${to.userId ?? ''}`,
        };
      }
      case 'start-process': {
        // a process started from a record knows it (`recordId`: the task page shows it, an update-record service
        // task can name it); the rule's own variables come after, so a rule may still map `recordId` itself
        const recordId = recordIdOf(event);
        const variables = {
          ...(recordId === null ? {} : { recordId }),
          ...Object.fromEntries(
            Object.entries(action.variables ?? {}).map(([name, logic]) => [
              name,
              evaluate(logic, data, { now: this.clock.iso() }),
            ]),
          ),
        };
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
      case 'cancel-process':
        return this.cancelProcesses(manager, rule, version, action, event);
      case 'update-field': {
        const recordId = recordIdOf(event);
        if (recordId === null) {
          return {
            type: 'update-field',
            ok: false,
            detail: 'update-field needs a record or date-field trigger',
          };
        }
        const value = evaluate(action.value, data, { now: this.clock.iso() });
        const result = await this.records.updateFieldByRule(
          manager,
          event.tenantId,
          recordId,
          { field: action.field, value },
          { actorId: rule.updatedBy, actorName: `规则 ${rule.name['zh-CN']}`, depth: event.depth + 1 },
        );
        return result.ok
          ? { type: 'update-field', ok: true, detail: `${action.field} = ${JSON.stringify(value)}` }
          : { type: 'update-field', ok: false, detail: result.problems.join('; ') };
      }
      case 'create-task': {
        const residentName = typeof data.resident?.name === 'string' ? data.resident.name : '';
        const fill = (text: string) => text.replace(/\{\{\s*resident\.name\s*\}\}/g, residentName);
        const now = this.clock.now();
        const dueAt = action.due
          ? await this.processes.dueFrom(manager, event.tenantId, event.residentId, action.due, now)
          : null;
        const task = await this.processes.createStandaloneTask(manager, {
          tenantId: event.tenantId,
          elementId: rule.key,
          name: fill(action.title['zh-CN']),
          assignee: action.to.username ?? null,
          candidateGroups: action.to.role ? [action.to.role] : [],
          formKey: action.formKey ?? null,
          dueAt,
          residentId: event.residentId,
          variables: {
            title: {
              'zh-CN': fill(action.title['zh-CN']),
              en: fill(action.title.en || action.title['zh-CN']),
            },
            ruleId: rule.id,
            ruleKey: rule.key,
            ruleVersion: version.version,
            event: eventSummary(event),
          },
        });
        return { type: 'create-task', ok: true, detail: `created task ${task.id}` };
      }
      case 'webhook': {
        const body =
          action.body === undefined
            ? {
                rule: { key: rule.key, version: version.version },
                event: data.event,
                residentId: event.residentId,
                record: data.record,
              }
            : Object.fromEntries(
                Object.entries(action.body).map(([name, logic]) => [
                  name,
                  evaluate(logic, data, { now: this.clock.iso() }),
                ]),
              );
        const jobId = await this.processes.enqueueWebhook(manager, event.tenantId, {
          url: action.url,
          headers: action.headers ?? {},
          body,
          source: `rule:${rule.key}`,
        });
        return { type: 'webhook', ok: true, detail: `queued webhook job ${jobId}` };
      }
    }
  }

  /**
   * `cancel-process`: the runtime's cancel command on each active or incident instance of the key (any version)
   * for the event's resident, plus a history row saying which rule ended it and why (written with the step).
   */
  private async cancelProcesses(
    manager: EntityManager,
    rule: RuleEntity,
    version: RuleVersionEntity,
    action: Extract<RuleAction, { type: 'cancel-process' }>,
    event: RuleEvent,
  ): Promise<ActionOutcome> {
    const residentId = event.residentId;
    if (residentId === null) {
      return {
        type: 'cancel-process',
        ok: true,
        detail: `cancelled 0 ${action.processKey} instances: the event has no resident`,
      };
    }
    const open = [];
    for (const status of ['active', 'incident'] as const) {
      open.push(
        ...(await this.instances.listInstances(manager, event.tenantId, {
          processKey: action.processKey,
          residentId,
          status,
          scope: null,
          limit: CANCEL_LIMIT,
        })),
      );
    }
    const cancelled: string[] = [];
    for (const instance of open) {
      try {
        await this.processes.step(
          manager,
          instance.id,
          { type: 'cancel', reason: `rule ${rule.key}: ${action.reason.en}` },
          (writes) =>
            writes.insertHistory({
              tenantId: instance.tenantId,
              instanceId: instance.id,
              at: this.clock.now(),
              elementId: instance.processKey,
              elementType: 'process',
              event: 'cancelled',
              tokenId: null,
              actorId: rule.updatedBy,
              actorName: `规则 ${rule.name['zh-CN']}`,
              reason: action.reason['zh-CN'],
              details: {
                ruleId: rule.id,
                ruleKey: rule.key,
                ruleVersion: version.version,
                reason: action.reason,
                event: eventSummary(event),
              },
            }),
        );
        cancelled.push(instance.id);
      } catch (error) {
        // ended meanwhile in this transaction (a child its cancelled parent took along): nothing left to do
        if (!(error instanceof InstanceNotActiveError)) {
          throw error;
        }
      }
    }
    return {
      type: 'cancel-process',
      ok: true,
      detail:
        cancelled.length === 0
          ? `cancelled 0 ${action.processKey} instances: the resident has none running`
          : `cancelled ${cancelled.length} ${action.processKey} instance${cancelled.length === 1 ? '' : 's'}: ${cancelled.join(', ')}`,
    };
  }
}
