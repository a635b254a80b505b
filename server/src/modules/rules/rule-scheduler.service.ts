import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainEvents, type DomainEvent } from '../../common/events/domain-events.js';
import { Clock } from '../../common/time/clock.js';
import { JobHandlers } from '../../process-runtime/job-handlers.service.js';
import { TASK_DUE_JOB, type JobEntity } from '../../process-runtime/job.entity.js';
import { ProcessRuntimeService } from '../../process-runtime/process-runtime.service.js';
import { ProcessesRepository } from '../../process-runtime/processes.repository.js';
import { TasksRepository } from '../../process-runtime/tasks.repository.js';
import { nextCronOccurrence, parseCron } from './cron.util.js';
import { DEFAULT_SCHEDULE_STATUSES } from './rule-definition.util.js';
import { RuleRunner } from './rule-runner.service.js';
import {
  calendarDateOf,
  dateFieldOccurrences,
  DEFAULT_REMINDER_TIME,
  nextRepetition,
  parseLocalTime,
  type DateOccurrence,
} from './rule-schedule.util.js';
import type { RuleEntity, RuleVersionEntity } from './rule.entity.js';
import type { RuleDefinition, RuleTrigger } from './rule.types.js';
import { RulesRepository } from './rules.repository.js';

/** A schedule rule's next run (engineRef: the rule id). */
export const RULE_SCHEDULE_JOB = 'rule-schedule';
/**
 * One share of a schedule rule's run: the condition for a batch of residents, in a transaction of its own
 * (engineRef: `<rule id>:<run instant>:<batch>`), so one resident's failure retries that batch, not the run.
 */
export const RULE_SCHEDULE_BATCH_JOB = 'rule-schedule-batch';
/** Residents per batch of a schedule run: a 300-bed home is six short transactions. */
export const SCHEDULE_BATCH_SIZE = 50;
/** A date-field rule's reminder for one record (engineRef: `<rule id>:<record id>`). */
export const RULE_DATE_JOB = 'rule-date';

type ScheduleTrigger = Extract<RuleTrigger, { type: 'schedule' }>;
type DateFieldTrigger = Extract<RuleTrigger, { type: 'date-field' }>;
type SchedulePayload = { ruleId: string; ruleVersion: number };
type ScheduleBatchPayload = SchedulePayload & { at: string; residentIds: string[] };
type DatePayload = SchedulePayload & {
  recordId: string;
  field: string;
  value: unknown;
  offsetDays: number | null;
  repetition: number | null;
};

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The timed side of rules, on the process engine's job table: schedule (cron) rules, date-field
 * reminders per record, and task.overdue (the runtime's `task-due` jobs). Jobs are written in the
 * transaction that makes them necessary (a rule saved, a record saved) and applied exactly once.
 */
@Injectable()
export class RuleScheduler implements OnModuleInit {
  private readonly logger = new Logger(RuleScheduler.name);

  constructor(
    private readonly handlers: JobHandlers,
    private readonly events: DomainEvents,
    private readonly repository: RulesRepository,
    private readonly runner: RuleRunner,
    private readonly runtime: ProcessRuntimeService,
    private readonly processes: ProcessesRepository,
    private readonly tasks: TasksRepository,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.handlers.register(RULE_SCHEDULE_JOB, (manager, job, now) => this.runSchedule(manager, job, now));
    this.handlers.register(RULE_SCHEDULE_BATCH_JOB, (manager, job) => this.runScheduleBatch(manager, job));
    this.handlers.register(RULE_DATE_JOB, (manager, job, now) => this.runDate(manager, job, now));
    this.handlers.register(TASK_DUE_JOB, (manager, job, now) => this.runTaskDue(manager, job, now));
    this.events.subscribe(
      'rules-dates',
      (manager, event) => this.onRecordSaved(manager, event),
      // onRecordSaved writes (cancels and schedules reminders) whenever the form has a date-field rule
      async (manager, event) =>
        event.type === 'record.created'
          ? (await this.repository.enabledFor(manager, event.tenantId, ['date-field'], event.formKey))
              .length > 0
          : null,
    );
  }

  /**
   * After a rule was created, given a new version, enabled or disabled: its pending jobs are replaced
   * by those of the version that runs now (none when disabled).
   */
  async sync(manager: EntityManager, rule: RuleEntity, definition: RuleDefinition): Promise<void> {
    await this.runtime.cancelJobs(manager, rule.tenantId, RULE_SCHEDULE_JOB, rule.id);
    await this.runtime.cancelJobs(manager, rule.tenantId, RULE_SCHEDULE_BATCH_JOB, `${rule.id}:`, true);
    await this.runtime.cancelJobs(manager, rule.tenantId, RULE_DATE_JOB, `${rule.id}:`, true);
    if (!rule.enabled) {
      return;
    }
    const trigger = definition.trigger;
    if (trigger.type === 'schedule') {
      await this.scheduleNext(manager, rule, trigger, this.clock.now().getTime());
    } else if (trigger.type === 'date-field') {
      const zone = await this.repository.tenantTimeZone(manager, rule.tenantId);
      const now = this.clock.now().getTime();
      for (const record of await this.repository.recordsWithField(
        manager,
        rule.tenantId,
        trigger.formKey,
        trigger.field,
      )) {
        await this.scheduleDates(
          manager,
          rule,
          trigger,
          record.id,
          record.value,
          dateFieldOccurrences(trigger, record.value, zone, now),
        );
      }
    }
  }

  private async scheduleNext(
    manager: EntityManager,
    rule: RuleEntity,
    trigger: ScheduleTrigger,
    afterMs: number,
  ): Promise<void> {
    const parsed = parseCron(trigger.cron);
    if (!parsed.ok) {
      this.logger.warn({ msg: 'schedule rule with a broken cron: not scheduled', rule: rule.key });
      return;
    }
    const zone = trigger.timeZone ?? (await this.repository.tenantTimeZone(manager, rule.tenantId));
    const next = nextCronOccurrence(parsed.schedule, afterMs, zone);
    if (next === null) {
      return;
    }
    const payload: SchedulePayload = { ruleId: rule.id, ruleVersion: rule.currentVersion };
    await this.runtime.scheduleJob(manager, {
      tenantId: rule.tenantId,
      type: RULE_SCHEDULE_JOB,
      engineRef: rule.id,
      payload,
      dueAt: new Date(next),
    });
  }

  private async scheduleDates(
    manager: EntityManager,
    rule: RuleEntity,
    trigger: DateFieldTrigger,
    recordId: string,
    value: unknown,
    occurrences: DateOccurrence[],
  ): Promise<void> {
    for (const occurrence of occurrences) {
      const payload: DatePayload = {
        ruleId: rule.id,
        ruleVersion: rule.currentVersion,
        recordId,
        field: trigger.field,
        value,
        offsetDays: occurrence.offsetDays,
        repetition: occurrence.repetition,
      };
      await this.runtime.scheduleJob(manager, {
        tenantId: rule.tenantId,
        type: RULE_DATE_JOB,
        engineRef: `${rule.id}:${recordId}`,
        payload,
        dueAt: new Date(occurrence.dueAt),
      });
    }
  }

  /** The rule and its running version, if the job still belongs to it (else the job is stale). */
  private async current(
    manager: EntityManager,
    tenantId: string,
    payload: SchedulePayload,
  ): Promise<{ rule: RuleEntity; version: RuleVersionEntity } | null> {
    const rule = await this.repository.findById(manager, tenantId, payload.ruleId);
    if (!rule || !rule.enabled || rule.currentVersion !== payload.ruleVersion) {
      return null;
    }
    const version = await this.runner.version(manager, rule);
    return version ? { rule, version } : null;
  }

  /** A record of a date-field rule's form was saved: its reminders are planned anew from its date. */
  private async onRecordSaved(manager: EntityManager, event: DomainEvent): Promise<void> {
    if (event.type !== 'record.created' && event.type !== 'record.updated') {
      return;
    }
    const rules = await this.repository.enabledFor(manager, event.tenantId, ['date-field'], event.formKey);
    if (rules.length === 0) {
      return;
    }
    const zone = await this.repository.tenantTimeZone(manager, event.tenantId);
    const now = this.clock.now().getTime();
    for (const rule of rules) {
      const version = await this.runner.version(manager, rule);
      const trigger = version?.definition.trigger;
      if (trigger?.type !== 'date-field') {
        continue;
      }
      await this.runtime.cancelJobs(manager, event.tenantId, RULE_DATE_JOB, `${rule.id}:${event.recordId}`);
      const value = event.data[trigger.field];
      await this.scheduleDates(
        manager,
        rule,
        trigger,
        event.recordId,
        value,
        dateFieldOccurrences(trigger, value, zone, now),
      );
    }
  }

  /**
   * A schedule rule's run: the residents in scope are split into batches, each a job of its own due now
   * (they run in parallel on the workers and fail alone), then the next run is planned.
   */
  private async runSchedule(manager: EntityManager, job: JobEntity, now: Date): Promise<void> {
    const payload = job.payload as SchedulePayload;
    const found = await this.current(manager, job.tenantId, payload);
    const trigger = found?.version.definition.trigger;
    if (!found || trigger?.type !== 'schedule') {
      return;
    }
    const residents = await this.repository.residentIdsInStatus(
      manager,
      job.tenantId,
      trigger.residentStatus ?? DEFAULT_SCHEDULE_STATUSES,
    );
    const at = job.dueAt.toISOString();
    for (let start = 0; start < residents.length; start += SCHEDULE_BATCH_SIZE) {
      const batch: ScheduleBatchPayload = {
        ruleId: payload.ruleId,
        ruleVersion: payload.ruleVersion,
        at,
        residentIds: residents.slice(start, start + SCHEDULE_BATCH_SIZE),
      };
      await this.runtime.scheduleJob(manager, {
        tenantId: job.tenantId,
        type: RULE_SCHEDULE_BATCH_JOB,
        engineRef: `${found.rule.id}:${at}:${start / SCHEDULE_BATCH_SIZE}`,
        payload: batch,
        dueAt: now,
      });
    }
    // After the later of its due time and now: a server that was down does not catch up every missed run.
    await this.scheduleNext(manager, found.rule, trigger, Math.max(job.dueAt.getTime(), now.getTime()));
  }

  /** One batch of a schedule run: the condition once per resident, as of the run's planned instant. */
  private async runScheduleBatch(manager: EntityManager, job: JobEntity): Promise<void> {
    const payload = job.payload as ScheduleBatchPayload;
    const found = await this.current(manager, job.tenantId, payload);
    if (!found || found.version.definition.trigger.type !== 'schedule') {
      return;
    }
    for (const residentId of payload.residentIds) {
      await this.runner.fire(manager, found.rule, found.version, {
        type: 'schedule',
        tenantId: job.tenantId,
        residentId,
        at: payload.at,
        actor: null,
        depth: 0,
      });
    }
  }

  /** A date-field reminder: the record as it is now, if its date is still the one planned for. */
  private async runDate(manager: EntityManager, job: JobEntity, now: Date): Promise<void> {
    const payload = job.payload as DatePayload;
    const found = await this.current(manager, job.tenantId, payload);
    const trigger = found?.version.definition.trigger;
    if (!found || trigger?.type !== 'date-field') {
      return;
    }
    const record = await this.repository.liveRecord(manager, job.tenantId, payload.recordId);
    if (!record || !sameJson(record.data[trigger.field], payload.value)) {
      return;
    }
    await this.runner.fire(manager, found.rule, found.version, {
      type: 'date-field',
      tenantId: job.tenantId,
      residentId: record.residentId,
      recordId: record.id,
      formKey: record.formKey,
      field: trigger.field,
      value: String(payload.value),
      offsetDays: payload.offsetDays,
      repetition: payload.repetition,
      at: job.dueAt.toISOString(),
      data: record.data,
      actor: null,
      depth: 0,
    });
    if (payload.repetition !== null && trigger.every) {
      const zone = await this.repository.tenantTimeZone(manager, job.tenantId);
      const date = calendarDateOf(payload.value, zone);
      const time = parseLocalTime(trigger.at ?? DEFAULT_REMINDER_TIME);
      const next =
        date && time
          ? nextRepetition(date, trigger.every, time, zone, Math.max(job.dueAt.getTime(), now.getTime()))
          : null;
      if (next) {
        await this.scheduleDates(manager, found.rule, trigger, record.id, payload.value, [next]);
      }
    }
  }

  /** A task's due time passed: task.overdue rules look at it if it is still open. */
  private async runTaskDue(manager: EntityManager, job: JobEntity, now: Date): Promise<void> {
    const engineTaskId = (job.payload as { engineTaskId?: string }).engineTaskId ?? job.engineRef;
    const task = await this.tasks.findByEngineId(manager, engineTaskId);
    if (!task || task.status !== 'open' || !task.dueAt || task.dueAt.getTime() > now.getTime()) {
      return;
    }
    const instance = task.instanceId
      ? await this.processes.findInstance(manager, task.tenantId, task.instanceId)
      : null;
    await this.runner.onEvent(manager, {
      type: 'task.overdue',
      tenantId: task.tenantId,
      residentId: task.residentId,
      taskId: task.id,
      instanceId: task.instanceId,
      processKey: instance?.processKey ?? null,
      elementId: task.elementId,
      dueAt: task.dueAt.toISOString(),
      data: task.variables,
      actor: null,
      depth: 0,
    });
  }
}
