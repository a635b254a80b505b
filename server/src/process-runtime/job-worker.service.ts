import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { Transactions } from '../common/database/transaction.js';
import { Clock } from '../common/time/clock.js';
import { DATABASE_INFO, type DatabaseInfo } from '../database/database-info.js';
import { JobRunnerService } from './job-runner.service.js';
import { JOBS_CHANNEL, JobsRepository } from './jobs.repository.js';

/** Longest sleep between two polls: a due job is picked up within this even without a NOTIFY. */
export const POLL_INTERVAL_MS = 1000;
const MIN_DELAY_MS = 50;
/** Loops that claim and apply due jobs side by side. */
const CONCURRENCY = 4;
/** Due jobs a loop claims and applies per transaction (one commit for them). */
const BATCH = 16;

/**
 * Runs due jobs in the background of every server process that listens for HTTP (not in the
 * in-process integration test app, where tests call `start()` or JobRunnerService.runUntilIdle).
 * Woken by LISTEN careloom_jobs on a dedicated connection and by a timer at the next due time.
 */
@Injectable()
export class JobWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobWorkerService.name);
  private client: pg.Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;

  constructor(
    private readonly runner: JobRunnerService,
    private readonly jobs: JobsRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly adapterHost: HttpAdapterHost,
    @Inject(DATABASE_INFO) private readonly database: DatabaseInfo,
  ) {}

  onApplicationBootstrap(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onListen', async () => {
      await this.start();
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  get started(): boolean {
    return !this.stopped;
  }

  async start(): Promise<void> {
    if (!this.stopped) {
      return;
    }
    this.stopped = false;
    await this.listen();
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    await this.running;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.database.url, application_name: 'careloom-jobs' });
    client.on('notification', () => this.wake());
    client.on('error', (error: Error) => {
      this.logger.warn({ msg: 'job notification connection lost; polling meanwhile', error: error.message });
      this.client = null;
      void client.end().catch(() => undefined);
      setTimeout(() => {
        if (!this.stopped && !this.client) {
          void this.listen().catch(() => undefined);
        }
      }, POLL_INTERVAL_MS).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${JOBS_CHANNEL}`);
      if (this.stopped) {
        await client.end();
        return;
      }
      this.client = client;
    } catch (error) {
      this.logger.warn({ msg: 'could not LISTEN for jobs; polling only', error: String(error) });
    }
  }

  /** Run now (or right after the current round). */
  wake(): void {
    if (this.stopped) {
      return;
    }
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.running = this.round().finally(() => {
      this.running = null;
    });
  }

  /**
   * One poll: when the next claimable job is due, the claim loops drain what is due; then sleep until the next one
   * (at most POLL_INTERVAL_MS). A poll that finds nothing due is that one read (the claim loops' empty transactions
   * were 4 × 3 statements a second per idle server).
   */
  private async round(): Promise<void> {
    let delay = POLL_INTERVAL_MS;
    try {
      let next: Date | null | undefined;
      do {
        this.again = false;
        next = await this.jobs.nextClaimableAt(this.transactions.manager, this.clock.now());
        if (next !== null && next.getTime() <= this.clock.now().getTime()) {
          await this.runner.drain(CONCURRENCY, BATCH);
          next = undefined;
        }
      } while (this.again && !this.stopped);
      next ??= await this.jobs.nextClaimableAt(this.transactions.manager, this.clock.now());
      if (next) {
        delay = Math.min(
          POLL_INTERVAL_MS,
          Math.max(MIN_DELAY_MS, next.getTime() - this.clock.now().getTime()),
        );
      }
    } catch (error) {
      this.logger.error({
        msg: 'job round failed',
        error: error instanceof Error ? error.stack : String(error),
      });
    }
    if (!this.stopped) {
      this.timer = setTimeout(() => this.wake(), delay);
      this.timer.unref();
    }
  }
}
