import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Transactions } from '../common/database/transaction.js';
import { Clock } from '../common/time/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { backoffMs } from './instance-view.util.js';
import { JobHandlers } from './job-handlers.service.js';
import type { JobEntity, OutboxWebhook } from './job.entity.js';
import { JobsRepository } from './jobs.repository.js';
import type { ProcessInstanceEntity } from './process-instance.entity.js';
import {
  EngineConflictError,
  InstanceNotActiveError,
  ProcessInstanceNotFoundError,
} from './process-runtime.errors.js';
import { ProcessRuntimeService } from './process-runtime.service.js';
import { ProcessesRepository } from './processes.repository.js';
import { ServiceTaskError, ServiceTasksService, type ServiceCall } from './service-tasks.service.js';
import {
  callWebhook,
  resolvedAddressProblem,
  SIGNATURE_HEADER,
  signBody,
  tenantSecret,
} from './webhook.util.js';

/** The server secret webhook signatures are derived from (null: webhooks fail with an incident). */
export const WEBHOOK_SECRET = Symbol('WEBHOOK_SECRET');

const WEBHOOK_TIMEOUT_MS = 10_000;
/** How long a claimed webhook stays with its worker before another may take it over. */
const WEBHOOK_LEASE_MS = WEBHOOK_TIMEOUT_MS + 30_000;
const DEFAULT_BACKOFF_MS = 10_000;
const IDLE_WAIT_MS = 25;

/** The job is for an instance that moved on (ended, timer cancelled): dropping it is the right outcome. */
const isStale = (error: unknown): boolean =>
  error instanceof EngineConflictError ||
  error instanceof InstanceNotActiveError ||
  error instanceof ProcessInstanceNotFoundError;

/**
 * A batch in the order its instance rows are locked: jobs of no instance first, then by instance id, each
 * instance's own jobs in due order (a reminder before its deadline). Two workers' batches then lock instances in
 * one order and cannot deadlock each other.
 */
const inLockOrder = (jobs: readonly JobEntity[]): JobEntity[] =>
  [...jobs].sort((a, b) => {
    const [x, y] = [a.instanceId ?? '', b.instanceId ?? ''];
    return x < y ? -1 : x > y ? 1 : a.dueAt.getTime() - b.dueAt.getTime();
  });

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Claims due jobs with FOR UPDATE SKIP LOCKED and applies each in one transaction together with the
 * job's own state change (exactly-once application). Webhooks are called between two transactions.
 */
@Injectable()
export class JobRunnerService {
  private readonly logger = new Logger(JobRunnerService.name);
  readonly workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(
    private readonly transactions: Transactions,
    private readonly jobs: JobsRepository,
    private readonly processes: ProcessesRepository,
    private readonly runtime: ProcessRuntimeService,
    private readonly services: ServiceTasksService,
    private readonly clock: Clock,
    private readonly handlers: JobHandlers,
    @Inject(WEBHOOK_SECRET) private readonly secret: string | null,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Claims up to `batch` due jobs and applies them in one transaction (one commit for the batch), each under a
   * savepoint of its own: a job that fails is retried or given up alone. Webhooks are called after the commit.
   * Returns how many were claimed (0: none was due).
   */
  async runBatch(batch: number): Promise<number> {
    const now = this.clock.now();
    const webhooks: JobEntity[] = [];
    const claimed = await this.transactions.run(async (manager) => {
      const jobs = await this.jobs.claimDue(manager, now, batch, {
        worker: this.workerId,
        until: new Date(now.getTime() + WEBHOOK_LEASE_MS),
      });
      const ordered = inLockOrder(jobs);
      // the batch's instances at once (each step would lock its own: a round trip per job)
      await this.processes.lockInstances(
        manager,
        ordered.flatMap((job) => (job.type === 'webhook' || job.instanceId === null ? [] : [job.instanceId])),
      );
      for (const job of ordered) {
        if (job.type === 'webhook') {
          webhooks.push(job);
        } else {
          await this.apply(manager, job, now);
        }
      }
      return jobs.length;
    });
    await Promise.all(webhooks.map((job) => this.deliver(job)));
    return claimed;
  }

  /** Runs due jobs on `concurrency` connections, up to `batch` per transaction, until none can be claimed. */
  async drain(concurrency: number, batch = 1): Promise<number> {
    let count = 0;
    const loop = async () => {
      for (let claimed = await this.runBatch(batch); claimed > 0; claimed = await this.runBatch(batch)) {
        count += claimed;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, loop));
    return count;
  }

  /**
   * Runs everything due now, including what those firings make due (cascades), and waits for due
   * jobs other workers hold. Used by the test clock, and by tests as "run due jobs now".
   */
  async runUntilIdle(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // One at a time, in due order: a reminder due before a deadline fires before it.
      if ((await this.drain(1)) > 0) {
        continue;
      }
      const due = await this.jobs.countDue(this.transactions.manager, this.clock.now());
      if (due === 0) {
        return;
      }
      if (Date.now() > deadline) {
        this.logger.warn({ msg: 'due jobs still pending after waiting', due });
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, IDLE_WAIT_MS));
    }
  }

  /** Applies a claimed job (already marked done by its claim) under a savepoint. */
  private async apply(manager: EntityManager, job: JobEntity, now: Date): Promise<void> {
    await manager.query('SAVEPOINT job_apply');
    try {
      switch (job.type) {
        case 'timer':
          await this.runtime.command(manager, this.instanceIdOf(job), {
            type: 'fire-timer',
            timerId: job.engineRef,
          });
          break;
        case 'service':
          await this.runService(manager, job);
          break;
        case 'start-timer':
          await this.runtime.fireStartTimer(manager, job);
          break;
        case 'webhook':
          throw new ServiceTaskError(`job type ${job.type} cannot be applied here`);
        default: {
          const handler = this.handlers.get(job.type);
          if (!handler) {
            throw new ServiceTaskError(`no handler is registered for job type "${job.type}"`);
          }
          await handler(manager, job, now);
        }
      }
      // not released: the next job's savepoint of the same name nests in it (a batch is a few subtransactions),
      // and a rollback to it goes to the newest, this job's own — a round trip less per job
    } catch (error) {
      await this.rollbackTo(manager, 'job_apply');
      if (isStale(error)) {
        this.logger.log({ msg: 'dropped a stale job', jobId: job.id, reason: messageOf(error) });
        return;
      }
      await this.failed(manager, job, messageOf(error), now);
    }
  }

  /** Undoes what a job wrote since `savepoint`, and what it changed of the instance rows kept in memory. */
  private async rollbackTo(manager: EntityManager, savepoint: string): Promise<void> {
    await manager.query(`ROLLBACK TO SAVEPOINT ${savepoint}`);
    this.processes.forgetLocked(manager);
  }

  private instanceIdOf(job: JobEntity): string {
    if (!job.instanceId) {
      throw new ServiceTaskError(`job ${job.id} belongs to no instance`);
    }
    return job.instanceId;
  }

  private async lockActive(manager: EntityManager, job: JobEntity): Promise<ProcessInstanceEntity> {
    const instance = await this.processes.lockInstance(manager, this.instanceIdOf(job));
    if (!instance) {
      throw new ProcessInstanceNotFoundError(this.instanceIdOf(job));
    }
    if (instance.status === 'completed' || instance.status === 'cancelled') {
      throw new InstanceNotActiveError(instance.id, instance.status);
    }
    return instance;
  }

  private async runService(manager: EntityManager, job: JobEntity): Promise<void> {
    const instance = await this.lockActive(manager, job);
    const call = job.payload as ServiceCall;
    const output = await this.services.run(manager, instance, call, (m, parent, key, variables) =>
      this.startProcess(m, parent, key, variables),
    );
    await this.runtime.command(manager, instance.id, {
      type: 'service-completed',
      jobId: call.jobId,
      output,
    });
  }

  private async startProcess(
    manager: EntityManager,
    parent: ProcessInstanceEntity,
    key: string,
    variables: Record<string, unknown>,
  ): Promise<string> {
    const started = await this.runtime.startLatest(manager, {
      tenantId: parent.tenantId,
      processKey: key,
      variables,
      residentId: parent.residentId,
      businessKey: parent.businessKey,
      startedBy: parent.startedBy,
    });
    return started.id;
  }

  /** Retry later with backoff, or give up: a service then fails in the engine (→ incident). */
  private async failed(manager: EntityManager, job: JobEntity, error: string, now: Date): Promise<void> {
    job.lastError = error.slice(0, 2000);
    job.lockedBy = null;
    job.lockedUntil = null;
    if (job.attempts < job.maxAttempts) {
      job.status = 'pending';
      job.dueAt = new Date(now.getTime() + backoffMs(job.attempts, this.backoffBase(job)));
      await this.jobs.save(manager, job);
      return;
    }
    job.status = 'failed';
    await this.jobs.save(manager, job);
    this.logger.warn({ msg: 'job failed after its retries', jobId: job.id, type: job.type, error });
    if (job.type === 'webhook' && job.instanceId === null) {
      await this.processes.insertIncident(manager, {
        tenantId: job.tenantId,
        instanceId: null,
        jobId: job.id,
        engineIncidentId: job.id,
        elementId: (job.payload as Partial<OutboxWebhook>).source ?? 'webhook',
        message: error.slice(0, 500),
        status: 'open',
        createdAt: now,
        resolvedAt: null,
      });
      return;
    }
    if (job.type === 'service' || job.type === 'webhook') {
      const call = job.payload as ServiceCall;
      await manager.query('SAVEPOINT job_fail');
      try {
        await this.runtime.command(manager, this.instanceIdOf(job), {
          type: 'service-failed',
          jobId: call.jobId,
          message: error.slice(0, 500),
        });
        await manager.query('RELEASE SAVEPOINT job_fail');
      } catch (failure) {
        await this.rollbackTo(manager, 'job_fail');
        if (!isStale(failure)) {
          throw failure;
        }
      }
    }
  }

  private backoffBase(job: JobEntity): number {
    const parameters = (job.payload as Partial<ServiceCall>).parameters;
    const base = parameters?.['backoffMs'];
    return typeof base === 'number' && base > 0 ? base : DEFAULT_BACKOFF_MS;
  }

  /** Calls the webhook outside any transaction, then records the outcome in a second one. */
  private async deliver(job: JobEntity): Promise<void> {
    const call = job.payload as ServiceCall;
    const outbox = job.instanceId === null;
    const outcome = outbox ? await this.callOutbox(job) : await this.callOut(job, call);
    await this.transactions.run(async (manager) => {
      const current = await this.jobs.findClaimed(manager, job.id, this.workerId);
      if (!current) {
        this.logger.warn({ msg: 'webhook lease lost before its result was recorded', jobId: job.id });
        return;
      }
      const now = this.clock.now();
      if (!outcome.ok) {
        await this.failed(manager, current, outcome.error, now);
        return;
      }
      current.status = 'done';
      current.lockedBy = null;
      current.lockedUntil = null;
      current.lastError = null;
      await this.jobs.save(manager, current);
      if (outbox) {
        return;
      }
      const resultVariable = call.parameters['resultVariable'];
      await manager.query('SAVEPOINT webhook_done');
      try {
        await this.runtime.command(manager, this.instanceIdOf(current), {
          type: 'service-completed',
          jobId: call.jobId,
          output:
            typeof resultVariable === 'string' && 'body' in outcome ? { [resultVariable]: outcome.body } : {},
        });
        await manager.query('RELEASE SAVEPOINT webhook_done');
      } catch (error) {
        await this.rollbackTo(manager, 'webhook_done');
        if (!isStale(error)) {
          throw error;
        }
      }
    });
  }

  private async callOut(
    job: JobEntity,
    call: ServiceCall,
  ): Promise<{ ok: true; body: unknown } | { ok: false; error: string }> {
    if (this.secret === null) {
      return { ok: false, error: 'webhooks need CARELOOM_WEBHOOK_SECRET on the server' };
    }
    let url: unknown;
    let payload: unknown;
    try {
      url = this.services.value(call.parameters['url'], call.variables);
      const given = call.parameters['payload'];
      payload =
        given === undefined
          ? call.variables
          : typeof given === 'object' && given !== null && !Array.isArray(given)
            ? this.services.mapping(given, call.variables)
            : given;
    } catch (error) {
      return { ok: false, error: messageOf(error) };
    }
    if (typeof url !== 'string') {
      return { ok: false, error: 'parameter "url" must give an http(s) URL' };
    }
    const refused = await resolvedAddressProblem(url, this.config.webhookAllowPrivate);
    if (refused !== null) {
      return { ok: false, error: `parameter "url": ${refused}` };
    }
    const body = JSON.stringify({
      instanceId: job.instanceId,
      elementId: call.elementId,
      jobId: job.id,
      attempt: job.attempts,
      payload,
    });
    const timeout = call.parameters['timeoutMs'];
    const result = await callWebhook(
      url,
      body,
      {
        [SIGNATURE_HEADER]: signBody(tenantSecret(this.secret, job.tenantId), body),
        'X-CareLoom-Job': job.id,
      },
      typeof timeout === 'number' && timeout > 0 ? Math.min(timeout, WEBHOOK_TIMEOUT_MS) : WEBHOOK_TIMEOUT_MS,
    );
    return result.ok ? { ok: true, body: result.body } : result;
  }

  /** An outbox webhook: the prepared body, signed, with the allowed headers the writer chose. */
  private async callOutbox(job: JobEntity): Promise<{ ok: true } | { ok: false; error: string }> {
    if (this.secret === null) {
      return { ok: false, error: 'webhooks need CARELOOM_WEBHOOK_SECRET on the server' };
    }
    const request = job.payload as OutboxWebhook;
    const refused = await resolvedAddressProblem(request.url, this.config.webhookAllowPrivate);
    if (refused !== null) {
      return { ok: false, error: refused };
    }
    const body = JSON.stringify(request.body ?? null);
    const result = await callWebhook(
      request.url,
      body,
      {
        ...request.headers,
        [SIGNATURE_HEADER]: signBody(tenantSecret(this.secret, job.tenantId), body),
        'X-CareLoom-Job': job.id,
        'X-CareLoom-Attempt': String(job.attempts),
      },
      WEBHOOK_TIMEOUT_MS,
    );
    return result.ok ? { ok: true } : result;
  }
}
