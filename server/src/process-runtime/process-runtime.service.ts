import { createHash, randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import {
  deployBpmn,
  EngineError,
  execute,
  nextCycleDue,
  scheduleTimer,
  simulate,
  type Command,
  type DeployIssue,
  type Effect,
  type InstanceState,
  type ProcessDefinition,
  type SimulationScript,
  type SimulationTrace,
} from '@careloom/engine';
import type { EntityManager } from 'typeorm';
import { ValidationFailedError } from '../common/errors/domain.errors.js';
import { DomainEvents, type DomainEvent } from '../common/events/domain-events.js';
import { Clock } from '../common/time/clock.js';
import type { ResolvedCalendar } from '../modules/calendars/calendars.service.js';
import { DeployChecks } from './deploy-checks.service.js';
import { InstanceCalendarService } from './instance-calendar.service.js';
import { instanceStatusOf } from './instance-view.util.js';
import type { IncidentEntity } from './incident.entity.js';
import { TASK_DUE_JOB, type JobEntity, type OutboxWebhook } from './job.entity.js';
import { JobsRepository } from './jobs.repository.js';
import type { ProcessDefinitionEntity } from './process-definition.entity.js';
import type { ProcessInstanceEntity } from './process-instance.entity.js';
import {
  EngineConflictError,
  InstanceNotActiveError,
  InvalidProcessModelError,
  InvalidSimulationError,
  ProcessInstanceNotFoundError,
  ProcessNotFoundError,
  type DeployProblem,
} from './process-runtime.errors.js';
import { rowsOwnedBy, usesBusinessTime, type OwnedRows } from './process-model.util.js';
import { ProcessesRepository } from './processes.repository.js';
import { StepWrites } from './step-writes.repository.js';
import type { TaskEntity } from './task.entity.js';
import { TasksRepository } from './tasks.repository.js';

export type DeployedProcess = { key: string; version: number; name: string; created: boolean };

export type StartInput = {
  tenantId: string;
  definition: ProcessDefinitionEntity;
  variables: Record<string, unknown>;
  residentId: string | null;
  businessKey: string | null;
  startedBy: string | null;
  startEventId?: string;
  parent?: { instanceId: string; callId: string };
};

/** Default time zone for date-only timers and calendar arithmetic. */
const TIME_ZONE = 'Asia/Shanghai';
/** A job due sooner than this wakes the workers at once (NOTIFY) instead of waiting for their poll. */
const NOTIFY_HORIZON_MS = 1000;
const DEFAULT_SERVICE_ATTEMPTS = 3;
const DEFINITION_CACHE = 500;
const START_TIMER_LIMITS = { maxRepetitions: 1000, minCycleMs: 60_000 };

/** A step computed and not written yet: its rows in `writes`, then its follow-ups. */
type PlannedStep = {
  instance: ProcessInstanceEntity;
  writes: StepWrites;
  createdTaskIds: string[];
  createdTasks: CreatedTask[];
  followUps: FollowUp[];
};

/** A task row a step created on its instance (still open after the step). */
export type CreatedTask = { id: string; elementId: string; name: string };

/** A new instance and the tasks its start opened on it. */
export type StartedInstance = { instance: ProcessInstanceEntity; createdTasks: CreatedTask[] };

type FollowUp =
  | { type: 'start-child'; callId: string; processKey: string; variables: Record<string, unknown> }
  | { type: 'cancel-child'; callId: string }
  | { type: 'notify-parent' }
  | { type: 'publish-ended'; status: string };

/**
 * The adapter around @careloom/engine: one command = one engine step on a locked instance row,
 * every effect written as rows in the caller's transaction.
 */
@Injectable()
export class ProcessRuntimeService {
  private readonly logger = new Logger(ProcessRuntimeService.name);
  /** Deployed definitions never change: compiled JSON by row id. */
  private readonly definitions = new Map<string, ProcessDefinition>();
  /** Whether a compiled definition has timers or task dates (then its steps need the resident's calendar). */
  private readonly usesTime = new WeakMap<ProcessDefinition, boolean>();
  /** The rows besides its own an instance of a compiled definition can own (what its end sweeps). */
  private readonly owned = new WeakMap<ProcessDefinition, OwnedRows>();

  constructor(
    private readonly processes: ProcessesRepository,
    private readonly tasks: TasksRepository,
    private readonly jobs: JobsRepository,
    private readonly clock: Clock,
    private readonly events: DomainEvents,
    private readonly instanceCalendars: InstanceCalendarService,
    private readonly deployChecks: DeployChecks,
  ) {}

  /** Parses, validates and stores each executable process of `xml` (identical XML: same version). */
  async deploy(
    manager: EntityManager,
    tenantId: string,
    userId: string | null,
    xml: string,
    locale: 'zh-CN' | 'en',
  ): Promise<DeployedProcess[]> {
    const result = await deployBpmn(xml);
    if (!result.ok) {
      throw new InvalidProcessModelError(result.errors.map((issue) => problemOf(issue, locale)));
    }
    if (result.processes.length === 0) {
      throw new InvalidProcessModelError([
        {
          path: '',
          elementId: null,
          elementType: null,
          message:
            locale === 'en'
              ? 'The model has no executable process (isExecutable="true").'
              : '模型中没有可执行的流程（isExecutable="true"）。',
        },
      ]);
    }
    const problems = await this.deployChecks.run(manager, tenantId, result.processes, locale);
    if (problems.length > 0) {
      throw new InvalidProcessModelError(problems);
    }
    const hash = createHash('sha256').update(xml).digest('hex');
    const deployed: DeployedProcess[] = [];
    for (const definition of result.processes) {
      await this.processes.lockKey(manager, tenantId, definition.id);
      const latest = await this.processes.latestDefinition(manager, tenantId, definition.id);
      if (latest && latest.hash === hash) {
        deployed.push({ key: latest.key, version: latest.version, name: latest.name, created: false });
        continue;
      }
      const row = await this.processes.insertDefinition(manager, {
        tenantId,
        key: definition.id,
        version: (latest?.version ?? 0) + 1,
        name: definition.name || definition.id,
        xml,
        definition: definition as unknown as Record<string, unknown>,
        hash,
        deployedAt: this.clock.now(),
        deployedBy: userId,
      });
      await this.scheduleStartTimers(manager, row, definition);
      deployed.push({ key: row.key, version: row.version, name: row.name, created: true });
    }
    return deployed;
  }

  /** Timer start events of the newest version replace those of the versions before it. */
  private async scheduleStartTimers(
    manager: EntityManager,
    row: ProcessDefinitionEntity,
    definition: ProcessDefinition,
  ): Promise<void> {
    await this.jobs.cancelStartTimers(manager, row.tenantId, row.key);
    const now = this.clock.now();
    for (const elementId of definition.startEvents.timers) {
      const element = definition.elements[elementId];
      if (element?.type !== 'startEvent' || element.trigger.type !== 'timer') {
        continue;
      }
      const { kind, expression } = element.trigger.timer;
      if (expression.type !== 'literal') {
        throw new InvalidProcessModelError([
          {
            path: `/elements/${elementId}`,
            elementId,
            elementType: 'startEvent',
            message: 'A timer start event needs a fixed date, duration or cycle (no expression).',
          },
        ]);
      }
      const calendar = await this.instanceCalendars.resolve(manager, row.tenantId, null);
      const schedule = scheduleTimer(
        kind,
        expression.value,
        now.toISOString(),
        TIME_ZONE,
        START_TIMER_LIMITS,
        calendar.calendar,
      );
      if (!schedule.ok) {
        throw new InvalidProcessModelError([
          { path: `/elements/${elementId}`, elementId, elementType: 'startEvent', message: schedule.message },
        ]);
      }
      await this.insertStartTimer(
        manager,
        row,
        elementId,
        new Date(schedule.dueAt),
        schedule.remaining,
        schedule.interval,
        now,
      );
    }
  }

  private async insertStartTimer(
    manager: EntityManager,
    row: ProcessDefinitionEntity,
    elementId: string,
    dueAt: Date,
    remaining: number | null,
    interval: string | null,
    now: Date,
  ): Promise<void> {
    await this.jobs.insert(
      manager,
      pendingJob(
        {
          tenantId: row.tenantId,
          type: 'start-timer',
          instanceId: null,
          engineRef: elementId,
          payload: { definitionId: row.id, key: row.key, elementId, remaining, interval },
          dueAt,
        },
        now,
      ),
    );
    if (dueAt.getTime() <= now.getTime() + NOTIFY_HORIZON_MS) {
      await this.jobs.notify(manager);
    }
  }

  /** A due timer start event: a new instance, and the cycle's next occurrence. */
  async fireStartTimer(
    manager: EntityManager,
    job: { tenantId: string; dueAt: Date; payload: Record<string, unknown> },
  ): Promise<void> {
    const { definitionId, elementId, remaining, interval } = job.payload as {
      definitionId: string;
      elementId: string;
      remaining: number | null;
      interval: string | null;
    };
    const row = await this.processes.definitionById(manager, definitionId);
    if (!row) {
      return;
    }
    await this.start(manager, {
      tenantId: job.tenantId,
      definition: row,
      variables: {},
      residentId: null,
      businessKey: null,
      startedBy: null,
      startEventId: elementId,
    });
    if (interval && (remaining === null || remaining > 0)) {
      const next = new Date(nextCycleDue(job.dueAt.toISOString(), interval, TIME_ZONE));
      await this.insertStartTimer(
        manager,
        row,
        elementId,
        next,
        remaining === null ? null : remaining - 1,
        interval,
        this.clock.now(),
      );
    }
  }

  /**
   * A `task-due` job at the task's due time (same transaction as the task): the registered handler
   * looks at the task then and ignores it when it is no longer open (an ended instance removes it with
   * its other jobs). True when it is due at once.
   */
  private async insertTaskDue(
    manager: EntityManager,
    task: { tenantId: string; instanceId: string | null; engineTaskId: string; dueAt: Date },
    now: Date,
  ): Promise<boolean> {
    await this.jobs.insert(manager, taskDueJob(task, now));
    return task.dueAt.getTime() <= now.getTime() + NOTIFY_HORIZON_MS;
  }

  /**
   * A user task outside any process (a rule's create-task action), in the caller's transaction: it
   * shows in the inbox like a process task and completes on its own (storing its form's record).
   */
  async createStandaloneTask(
    manager: EntityManager,
    input: {
      tenantId: string;
      elementId: string;
      name: string;
      assignee: string | null;
      candidateGroups: string[];
      formKey: string | null;
      dueAt: Date | null;
      residentId: string | null;
      variables: Record<string, unknown>;
    },
  ): Promise<TaskEntity> {
    const now = this.clock.now();
    const values: Omit<TaskEntity, 'id'> = {
      ...input,
      instanceId: null,
      source: 'rule',
      engineTaskId: `rule:${randomUUID()}`,
      candidateUsers: [],
      followUpAt: null,
      status: 'open',
      completedBy: null,
      completedAt: null,
      outcome: null,
      recordId: null,
      version: 1,
      createdAt: now,
    };
    await this.tasks.insert(manager, values);
    if (
      input.dueAt &&
      (await this.insertTaskDue(
        manager,
        { tenantId: input.tenantId, instanceId: null, engineTaskId: values.engineTaskId, dueAt: input.dueAt },
        now,
      ))
    ) {
      await this.jobs.notify(manager);
    }
    const task = await this.tasks.findByEngineId(manager, values.engineTaskId);
    if (!task) {
      throw new Error(`task ${values.engineTaskId} vanished after its insert`);
    }
    return task;
  }

  /**
   * Writes a webhook to the outbox (a job without an instance) in the caller's transaction; the job
   * runner signs and delivers it after the commit, retries with backoff and raises an incident when it
   * keeps failing.
   */
  async enqueueWebhook(
    manager: EntityManager,
    tenantId: string,
    request: OutboxWebhook,
    maxAttempts = DEFAULT_SERVICE_ATTEMPTS,
  ): Promise<string> {
    const now = this.clock.now();
    const id = randomUUID();
    await this.jobs.insert(manager, {
      id,
      ...pendingJob(
        {
          tenantId,
          type: 'webhook',
          instanceId: null,
          engineRef: request.source,
          payload: request,
          dueAt: now,
        },
        now,
        maxAttempts,
      ),
    });
    await this.jobs.notify(manager);
    return id;
  }

  /**
   * A job of a type registered in `JobHandlers` (e.g. a scheduled rule), due at `dueAt`, in the
   * caller's transaction; `engineRef` names it for `cancelJobs`.
   */
  async scheduleJob(
    manager: EntityManager,
    job: { tenantId: string; type: string; engineRef: string; payload: Record<string, unknown>; dueAt: Date },
  ): Promise<void> {
    const now = this.clock.now();
    await this.jobs.insert(manager, pendingJob({ ...job, instanceId: null }, now));
    if (job.dueAt.getTime() <= now.getTime() + NOTIFY_HORIZON_MS) {
      await this.jobs.notify(manager);
    }
  }

  /** Removes pending jobs of a type by `engineRef` (or every one starting with `ref` when `prefix`). */
  cancelJobs(
    manager: EntityManager,
    tenantId: string,
    type: string,
    ref: string,
    prefix = false,
  ): Promise<void> {
    return this.jobs.cancelByRef(manager, tenantId, type, ref, prefix);
  }

  /** Retries the job behind an incident raised by an outbox job (no instance): due now, attempts anew. */
  async retryJobIncident(manager: EntityManager, incident: IncidentEntity): Promise<void> {
    const job = incident.jobId
      ? await this.jobs.findLocked(manager, incident.tenantId, incident.jobId)
      : null;
    if (!job) {
      throw new EngineConflictError(`The job behind incident ${incident.id} no longer exists.`);
    }
    const now = this.clock.now();
    Object.assign(job, {
      status: 'pending',
      attempts: 0,
      dueAt: now,
      lockedBy: null,
      lockedUntil: null,
    });
    await this.jobs.save(manager, job);
    await this.processes.resolveIncident(manager, incident.id, now);
    await this.jobs.notify(manager);
  }

  compiled(row: ProcessDefinitionEntity): ProcessDefinition {
    let definition = this.definitions.get(row.id);
    if (!definition) {
      definition = row.definition as unknown as ProcessDefinition;
      if (this.definitions.size >= DEFINITION_CACHE) {
        const oldest = this.definitions.keys().next().value;
        if (oldest !== undefined) {
          this.definitions.delete(oldest);
        }
      }
      this.definitions.set(row.id, definition);
    }
    return definition;
  }

  /** Starts an instance of `definition` in the caller's transaction; returns its id. */
  async start(manager: EntityManager, input: StartInput): Promise<ProcessInstanceEntity> {
    return (await this.startTelling(manager, input)).instance;
  }

  /** `start`, also telling the tasks the start opened on the new instance. */
  async startTelling(manager: EntityManager, input: StartInput): Promise<StartedInstance> {
    const planned = await this.planStart(manager, input);
    await this.write(manager, planned);
    return { instance: planned.instance, createdTasks: planned.createdTasks };
  }

  /**
   * `start` outside a transaction (`manager` without one), when the start is atomic on its own: its rows go out as
   * one statement, it starts or tells no other instance, and no handler of its events (`process.ended` when it ends
   * at once, and the caller's `events`) would use the database. Null when it is not (nothing was written): the
   * caller starts it in a transaction.
   */
  async startAtOnce(
    manager: EntityManager,
    input: StartInput,
    events: readonly DomainEvent[] = [],
  ): Promise<StartedInstance | null> {
    const planned = await this.planStart(manager, input);
    if (!(await this.atOnce(manager, planned, events))) {
      return null;
    }
    await planned.writes.flush(manager);
    return { instance: planned.instance, createdTasks: planned.createdTasks };
  }

  private async planStart(manager: EntityManager, input: StartInput): Promise<PlannedStep> {
    const now = this.clock.now();
    const id = randomUUID();
    const command: Command = {
      type: 'start',
      variables: input.variables,
      ...(input.startEventId ? { startEventId: input.startEventId } : {}),
    };
    const definition = this.compiled(input.definition);
    const calendar = await this.calendarFor(manager, definition, input.tenantId, input.residentId);
    const result = this.execute(definition, null, command, now, id, calendar);
    if (calendar) {
      this.instanceCalendars.checkCoverage(input.tenantId, calendar, now, result.effects);
    }
    const status = instanceStatusOf(result.state);
    const instance: ProcessInstanceEntity = {
      id,
      tenantId: input.tenantId,
      definitionId: input.definition.id,
      processKey: input.definition.key,
      processVersion: input.definition.version,
      status,
      state: result.state as unknown as Record<string, unknown>,
      version: 1,
      residentId: input.residentId,
      businessKey: input.businessKey,
      startedBy: input.startedBy,
      parentInstanceId: input.parent?.instanceId ?? null,
      parentCallId: input.parent?.callId ?? null,
      createdAt: now,
      updatedAt: now,
      endedAt: status === 'completed' || status === 'cancelled' ? now : null,
    };
    const writes = new StepWrites();
    writes.insertInstance(instance);
    return {
      instance,
      writes,
      ...this.addEffects(writes, instance, result.effects, now, { owned: this.ownedRows(definition) }),
    };
  }

  /**
   * The business calendar a step of `definition` needs: none when the model has no timer and no task due or
   * follow-up date (nothing it computes depends on one), else the resident's (one query).
   */
  private async calendarFor(
    manager: EntityManager,
    definition: ProcessDefinition,
    tenantId: string,
    residentId: string | null,
  ): Promise<ResolvedCalendar | undefined> {
    let uses = this.usesTime.get(definition);
    if (uses === undefined) {
      uses = usesBusinessTime(definition);
      this.usesTime.set(definition, uses);
    }
    return uses ? this.instanceCalendars.resolve(manager, tenantId, residentId) : undefined;
  }

  private ownedRows(definition: ProcessDefinition): OwnedRows {
    let owned = this.owned.get(definition);
    if (owned === undefined) {
      owned = rowsOwnedBy(definition);
      this.owned.set(definition, owned);
    }
    return owned;
  }

  /** `now` + a due duration (`P2D`, or business time `P3WD` on the resident's calendar); null when it is neither. */
  dueFrom(
    manager: EntityManager,
    tenantId: string,
    residentId: string | null,
    due: string,
    now: Date,
  ): Promise<Date | null> {
    return this.instanceCalendars.deadline(manager, tenantId, residentId, due, now);
  }

  /** The BPMN XML of a process's latest version (bundle export). */
  async latestXml(manager: EntityManager, tenantId: string, processKey: string): Promise<string> {
    const definition = await this.processes.latestDefinition(manager, tenantId, processKey);
    if (!definition) {
      throw new ProcessNotFoundError(processKey);
    }
    return definition.xml;
  }

  /** Starts the latest version of `processKey` in the caller's transaction (rules, start-process tasks). */
  async startLatest(
    manager: EntityManager,
    input: Omit<StartInput, 'definition'> & { processKey: string },
  ): Promise<ProcessInstanceEntity> {
    const { processKey, ...rest } = input;
    const definition = await this.processes.latestDefinition(manager, input.tenantId, processKey);
    if (!definition) {
      throw new ProcessNotFoundError(processKey);
    }
    return this.start(manager, { ...rest, definition });
  }

  /** An instance row the caller locked in a statement of its own (`TasksRepository.lockForWork`), for `step`. */
  adoptLockedInstance(manager: EntityManager, row: Record<string, unknown>): void {
    this.processes.adoptLocked(manager, row);
  }

  /** Locks the instance row for the rest of the transaction (callers that lock other rows first). */
  async lockInstance(manager: EntityManager, instanceId: string): Promise<void> {
    if (!(await this.processes.lockInstance(manager, instanceId))) {
      throw new ProcessInstanceNotFoundError(instanceId);
    }
  }

  /** Runs one engine command on the instance, locked for the rest of the caller's transaction. */
  async command(
    manager: EntityManager,
    instanceId: string,
    command: Command,
  ): Promise<ProcessInstanceEntity> {
    return (await this.step(manager, instanceId, command)).instance;
  }

  /**
   * `command`, also telling which task rows the step created on this instance (still open after it). `also`
   * adds the caller's own writes to the step's (they go out with its last statement): what the caller writes
   * after the step anyway, without a round trip of its own.
   */
  async step(
    manager: EntityManager,
    instanceId: string,
    command: Command,
    also?: (writes: StepWrites, createdTaskIds: readonly string[]) => void,
  ): Promise<{ instance: ProcessInstanceEntity; createdTaskIds: string[] }> {
    const instance = await this.processes.lockInstance(manager, instanceId);
    if (!instance) {
      throw new ProcessInstanceNotFoundError(instanceId);
    }
    const planned = await this.planStep(manager, instance, command, also);
    await this.write(manager, planned, (saved) => {
      this.processes.savedState(manager, instance, saved);
      if (!saved) {
        throw new EngineConflictError(`Process instance ${instance.id} changed meanwhile; try again.`);
      }
    });
    return { instance, createdTaskIds: planned.createdTaskIds };
  }

  /**
   * `step` outside a transaction (`manager` without one) on an instance row read without a lock (`row`, as
   * `row_to_json` sends it), when the step is atomic on its own: its writes (with the caller's `also`) go out as one
   * statement, it starts, cancels or tells no other instance, and no handler of its events (`process.ended` when it
   * ends the instance, and the caller's `events`) would use the database. That statement locks the instance row,
   * then the `task` row when given, and writes only while the instance still has the version that was read and the
   * task the version that was read and is open. Null when the step is not atomic on its own or either row changed
   * meanwhile (nothing was written): the caller runs `step` in a transaction.
   */
  async stepAtOnce(
    manager: EntityManager,
    row: Record<string, unknown>,
    command: Command,
    options: {
      task?: { id: string; version: number };
      also?: (writes: StepWrites, createdTaskIds: readonly string[]) => void;
      events?: (instance: ProcessInstanceEntity) => DomainEvent[];
    } = {},
  ): Promise<{ instance: ProcessInstanceEntity; createdTaskIds: string[] } | null> {
    const instance = this.processes.instanceFromJson(row);
    const expected = instance.version;
    const planned = await this.planStep(manager, instance, command, options.also);
    if (!(await this.atOnce(manager, planned, options.events?.(instance) ?? []))) {
      return null;
    }
    planned.writes.expect({ id: instance.id, version: expected }, options.task);
    const changed = await planned.writes.flush(manager);
    return changed === 1 ? { instance, createdTaskIds: planned.createdTaskIds } : null;
  }

  /** The engine's step on `instance` (changed in place: state, status, version), its rows added to new writes. */
  private async planStep(
    manager: EntityManager,
    instance: ProcessInstanceEntity,
    command: Command,
    also?: (writes: StepWrites, createdTaskIds: readonly string[]) => void,
  ): Promise<PlannedStep> {
    const row = await this.processes.definitionById(manager, instance.definitionId);
    if (!row) {
      throw new ProcessNotFoundError(instance.processKey);
    }
    const now = this.clock.now();
    const before = instance.state as unknown as InstanceState;
    if (before.status !== 'active' && before.status !== 'incident') {
      throw new InstanceNotActiveError(instance.id, instance.status);
    }
    const hadIncidents = before.incidents.length > 0;
    const definition = this.compiled(row);
    const calendar = await this.calendarFor(manager, definition, instance.tenantId, instance.residentId);
    const result = this.execute(definition, before, command, now, instance.id, calendar);
    if (calendar) {
      this.instanceCalendars.checkCoverage(instance.tenantId, calendar, now, result.effects);
    }
    const expected = instance.version;
    instance.state = result.state as unknown as Record<string, unknown>;
    instance.status = instanceStatusOf(result.state);
    instance.version = expected + 1;
    instance.updatedAt = now;
    if (instance.status === 'completed' || instance.status === 'cancelled') {
      instance.endedAt = now;
    }
    const writes = new StepWrites();
    writes.saveState(instance, expected);
    const effects = this.addEffects(writes, instance, result.effects, now, {
      owned: this.ownedRows(definition),
      // Incident rows of an instance come only from its engine state, and each command resolves those the
      // state no longer holds: with none open before this step, there is nothing to resolve.
      ...(hadIncidents ? { openIncidentIds: result.state.incidents.map((incident) => incident.id) } : {}),
      ...(also ? { also } : {}),
    });
    return { instance, writes, ...effects };
  }

  /** Sends a planned step's writes (`saved`: whether its state update found the version it expected), then its follow-ups. */
  private async write(
    manager: EntityManager,
    planned: PlannedStep,
    saved?: (saved: boolean) => void,
  ): Promise<void> {
    const changed = await planned.writes.flush(manager);
    if (changed !== null) {
      saved?.(changed === 1);
    }
    for (const followUp of planned.followUps) {
      await this.followUp(manager, planned.instance, followUp);
    }
  }

  /**
   * Whether a planned step is atomic without a transaction: one statement, no follow-up but its `process.ended`
   * event, and no handler of that event or of `events` that would write (DomainEvents.wouldWrite: those it probed
   * decided without the database and have run then, before the write, which they did not read).
   */
  private async atOnce(
    manager: EntityManager,
    planned: PlannedStep,
    events: readonly DomainEvent[],
  ): Promise<boolean> {
    const ended: DomainEvent[] = [];
    for (const followUp of planned.followUps) {
      if (followUp.type !== 'publish-ended') {
        return false;
      }
      ended.push(this.endedEvent(planned.instance, followUp.status));
    }
    return (
      planned.writes.statements() === 1 && !(await this.events.wouldWrite(manager, [...ended, ...events]))
    );
  }

  private endedEvent(instance: ProcessInstanceEntity, status: string): DomainEvent {
    return {
      type: 'process.ended',
      tenantId: instance.tenantId,
      instanceId: instance.id,
      processKey: instance.processKey,
      status,
      residentId: instance.residentId,
      variables: (instance.state.variables as Record<string, unknown> | undefined) ?? {},
      actor: null,
      depth: 0,
    };
  }

  /** The engine's simulation of a definition on a virtual clock (nothing is stored). */
  simulate(
    definition: ProcessDefinition,
    script: SimulationScript,
    start: string | undefined,
  ): SimulationTrace {
    try {
      return simulate(definition, script, { start: start ?? this.clock.iso() });
    } catch (error) {
      if (error instanceof EngineError) {
        throw InvalidSimulationError.ofEngine(error);
      }
      throw error;
    }
  }

  /** Compiles XML for a simulation without storing it; the first executable process. */
  async compileForSimulation(xml: string, locale: 'zh-CN' | 'en'): Promise<ProcessDefinition> {
    const result = await deployBpmn(xml);
    if (!result.ok) {
      throw new InvalidProcessModelError(result.errors.map((issue) => problemOf(issue, locale)));
    }
    const first = result.processes[0];
    if (!first) {
      throw new InvalidSimulationError(
        'The model has no executable process.',
        '模型中没有可执行的流程（isExecutable="true"）：请至少把一个流程设为可执行。',
      );
    }
    return first;
  }

  private execute(
    definition: ProcessDefinition,
    state: InstanceState | null,
    command: Command,
    now: Date,
    instanceId: string,
    calendar?: ResolvedCalendar,
  ) {
    try {
      return execute(definition, state, command, {
        now: now.toISOString(),
        instanceId,
        timeZone: TIME_ZONE,
        ...(calendar ? { calendar: calendar.calendar } : {}),
      });
    } catch (error) {
      if (!(error instanceof EngineError)) {
        throw error;
      }
      switch (error.code) {
        case 'not-active':
          throw new InstanceNotActiveError(instanceId, state?.status ?? 'not started');
        case 'bad-command':
        case 'unknown-start-event':
          throw new ValidationFailedError([{ path: '', message: error.message }], error.message);
        case 'unknown-task':
        case 'unknown-timer':
        case 'unknown-job':
        case 'unknown-subscription':
        case 'unknown-call':
        case 'unknown-incident':
        case 'already-started':
          throw new EngineConflictError(error.message);
        case 'bad-definition':
        case 'evaluation-failed':
        case 'too-many-steps':
          throw error;
      }
    }
  }

  /**
   * Adds a step's effects to `writes` (which may already hold the instance's insert or state update), then the
   * caller's `also`. Returns the ids of the task rows the step created on this instance that it did not cancel
   * again, and the follow-ups (on other instances, and its events) to run after the writes.
   */
  private addEffects(
    writes: StepWrites,
    instance: ProcessInstanceEntity,
    effects: Effect[],
    now: Date,
    options: {
      owned: OwnedRows;
      openIncidentIds?: string[];
      also?: (writes: StepWrites, createdTaskIds: readonly string[]) => void;
    },
  ): { createdTaskIds: string[]; createdTasks: CreatedTask[]; followUps: FollowUp[] } {
    const created = new Map<string, CreatedTask>();
    const followUps: FollowUp[] = [];
    let wake = false;
    const horizon = now.getTime() + NOTIFY_HORIZON_MS;
    const tenantId = instance.tenantId;
    for (const effect of effects) {
      switch (effect.type) {
        case 'create-task': {
          const id = randomUUID();
          created.set(effect.taskId, { id, elementId: effect.elementId, name: effect.name });
          writes.insertTask({
            id,
            tenantId,
            instanceId: instance.id,
            source: 'process',
            engineTaskId: effect.taskId,
            elementId: effect.elementId,
            name: effect.name,
            assignee: effect.assignee ?? null,
            candidateGroups: effect.candidateGroups,
            candidateUsers: effect.candidateUsers,
            formKey: effect.formKey ?? null,
            dueAt: effect.dueAt ? new Date(effect.dueAt) : null,
            followUpAt: effect.followUpAt ? new Date(effect.followUpAt) : null,
            residentId: instance.residentId,
            variables: effect.variables,
            status: 'open',
            completedBy: null,
            completedAt: null,
            outcome: null,
            recordId: null,
            version: 1,
            createdAt: now,
            loopIndex: effect.multiInstance?.index ?? null,
          });
          if (effect.dueAt) {
            const dueAt = new Date(effect.dueAt);
            writes.insertJob(
              taskDueJob({ tenantId, instanceId: instance.id, engineTaskId: effect.taskId, dueAt }, now),
            );
            wake ||= dueAt.getTime() <= horizon;
          }
          break;
        }
        case 'cancel-task':
          created.delete(effect.taskId);
          writes.cancelTask(effect.taskId, now);
          break;
        case 'schedule-timer': {
          const dueAt = new Date(effect.dueAt);
          wake ||= dueAt.getTime() <= horizon;
          writes.insertJob(
            pendingJob(
              {
                tenantId,
                type: 'timer',
                instanceId: instance.id,
                engineRef: effect.timerId,
                payload: { timerId: effect.timerId, elementId: effect.elementId },
                dueAt,
              },
              now,
            ),
          );
          break;
        }
        case 'cancel-timer':
          writes.cancelTimer(instance.id, effect.timerId);
          break;
        case 'run-service': {
          wake = true;
          const maxAttempts = effect.parameters['maxAttempts'];
          writes.insertJob(
            pendingJob(
              {
                tenantId,
                type: effect.serviceType === 'webhook' ? 'webhook' : 'service',
                instanceId: instance.id,
                engineRef: effect.jobId,
                payload: {
                  jobId: effect.jobId,
                  elementId: effect.elementId,
                  serviceType: effect.serviceType,
                  parameters: effect.parameters,
                  variables: effect.variables,
                },
                dueAt: now,
              },
              now,
              typeof maxAttempts === 'number' && Number.isInteger(maxAttempts) && maxAttempts > 0
                ? Math.min(maxAttempts, 20)
                : DEFAULT_SERVICE_ATTEMPTS,
            ),
          );
          break;
        }
        case 'subscribe-message':
          writes.insertSubscription({
            tenantId,
            instanceId: instance.id,
            engineSubscriptionId: effect.subscriptionId,
            elementId: effect.elementId,
            name: effect.messageName,
            correlationKey: effect.correlationKey,
            createdAt: now,
          });
          break;
        case 'unsubscribe-message':
          writes.deleteSubscription(instance.id, effect.subscriptionId);
          break;
        case 'start-child':
          followUps.push({
            type: 'start-child',
            callId: effect.callId,
            processKey: effect.processKey,
            variables: effect.variables,
          });
          break;
        case 'cancel-child':
          followUps.push({ type: 'cancel-child', callId: effect.callId });
          break;
        case 'incident':
          writes.insertIncident({
            tenantId,
            instanceId: instance.id,
            jobId: null,
            engineIncidentId: effect.incidentId,
            elementId: effect.elementId,
            message: effect.message,
            status: 'open',
            createdAt: now,
            resolvedAt: null,
          });
          break;
        case 'history':
          writes.insertHistory({
            tenantId,
            instanceId: instance.id,
            at: new Date(effect.at),
            elementId: effect.elementId,
            elementType: effect.elementType,
            event: effect.event,
            tokenId: effect.tokenId ?? null,
          });
          break;
        case 'ended':
          writes.ended(instance.id, options.owned);
          if (effect.status !== 'cancelled' && instance.parentInstanceId) {
            followUps.push({ type: 'notify-parent' });
          }
          followUps.push({ type: 'publish-ended', status: effect.status });
          break;
      }
    }
    if (options.openIncidentIds) {
      const open = options.openIncidentIds;
      writes.modify(
        'incident',
        `UPDATE incident SET status = 'resolved', resolved_at = $2 WHERE instance_id = $1 AND status = 'open'` +
          (open.length > 0 ? ' AND engine_incident_id <> ALL($3::text[])' : ''),
        open.length > 0 ? [instance.id, now, open] : [instance.id, now],
        true,
      );
    }
    if (wake) {
      writes.notify();
    }
    const createdTasks = [...created.values()];
    const createdTaskIds = createdTasks.map((task) => task.id);
    options.also?.(writes, createdTaskIds);
    return { createdTaskIds, createdTasks, followUps };
  }

  /** Work on other instances, after this one's state is saved (a child may answer at once). */
  private async followUp(manager: EntityManager, instance: ProcessInstanceEntity, followUp: FollowUp) {
    switch (followUp.type) {
      case 'publish-ended':
        await this.events.publish(manager, this.endedEvent(instance, followUp.status));
        return;
      case 'start-child': {
        const definition = await this.processes.latestDefinition(
          manager,
          instance.tenantId,
          followUp.processKey,
        );
        if (!definition) {
          throw new ProcessNotFoundError(followUp.processKey);
        }
        await this.start(manager, {
          tenantId: instance.tenantId,
          definition,
          variables: followUp.variables,
          residentId: instance.residentId,
          businessKey: instance.businessKey,
          startedBy: instance.startedBy,
          parent: { instanceId: instance.id, callId: followUp.callId },
        });
        return;
      }
      case 'cancel-child': {
        const children = await this.processes.children(manager, instance.id, followUp.callId);
        for (const child of children) {
          await this.command(manager, child.id, { type: 'cancel', reason: 'parent cancelled the call' });
        }
        return;
      }
      case 'notify-parent': {
        const parentId = instance.parentInstanceId;
        const callId = instance.parentCallId;
        if (!parentId || !callId) {
          return;
        }
        const state = instance.state as unknown as InstanceState;
        try {
          await this.command(manager, parentId, {
            type: 'child-completed',
            callId,
            variables: state.variables,
          });
        } catch (error) {
          if (error instanceof EngineConflictError || error instanceof InstanceNotActiveError) {
            this.logger.warn({ msg: 'parent no longer waits for its child', parentId, callId });
            return;
          }
          throw error;
        }
      }
    }
  }
}

/** The `task-due` job of a task with a due time (see `insertTaskDue`). */
function taskDueJob(
  task: { tenantId: string; instanceId: string | null; engineTaskId: string; dueAt: Date },
  now: Date,
): Omit<JobEntity, 'id'> {
  const { tenantId, instanceId, engineTaskId, dueAt } = task;
  return pendingJob(
    { tenantId, type: TASK_DUE_JOB, instanceId, engineRef: engineTaskId, payload: { engineTaskId }, dueAt },
    now,
  );
}

/** A new job row: pending, never tried, unlocked, created `now`. */
function pendingJob(
  job: Pick<JobEntity, 'tenantId' | 'type' | 'instanceId' | 'engineRef' | 'payload' | 'dueAt'>,
  now: Date,
  maxAttempts = DEFAULT_SERVICE_ATTEMPTS,
): Omit<JobEntity, 'id'> {
  return {
    ...job,
    attempts: 0,
    maxAttempts,
    lockedBy: null,
    lockedUntil: null,
    lastError: null,
    status: 'pending',
    createdAt: now,
  };
}

function problemOf(issue: DeployIssue, locale: 'zh-CN' | 'en'): DeployProblem {
  return {
    path: issue.elementId ? `/elements/${issue.elementId}` : '',
    elementId: issue.elementId,
    elementType: issue.elementType,
    message: issue.messages[locale] || issue.message,
  };
}
