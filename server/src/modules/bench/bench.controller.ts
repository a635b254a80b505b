import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Transactions } from '../../common/database/transaction.js';
import { Clock } from '../../common/time/clock.js';
import type { Actor } from '../../common/auth/actor.types.js';
import { CurrentActor } from '../../common/auth/auth.decorators.js';
import { POLL_INTERVAL_MS } from '../../process-runtime/job-worker.service.js';
import { JobsRepository } from '../../process-runtime/jobs.repository.js';
import { ProcessesService } from '../processes/processes.service.js';
import { TasksService } from '../tasks/tasks.service.js';

const MAX_POLLS = 10_000;

/** What `process.memoryUsage()` says, after a full garbage collection when the server runs with --expose-gc. */
export type BenchMemory = {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  collected: boolean;
};

/** Thrown to roll a benchmark poll back: it claims, and nothing it claimed may count as done. */
class PollRolledBack extends Error {
  constructor(readonly claimed: number) {
    super('poll rolled back');
  }
}

/**
 * Measuring points for test/bench, behind the same HTTP stack and auth as the real endpoints.
 * Registered only with CARELOOM_BENCH=1 (refused in production).
 */
@ApiExcludeController()
@Controller('bench')
export class BenchController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly jobs: JobsRepository,
    private readonly clock: Clock,
    private readonly processes: ProcessesService,
    private readonly tasks: TasksService,
  ) {}

  /** The records baseline: one JSONB row inserted and nothing else (the benchmark creates `bench_baseline`). */
  @Post('baseline')
  async baseline(@Body() body: { data?: unknown }): Promise<{ id: string }> {
    const rows: { id: string }[] = await this.dataSource.query(
      'INSERT INTO bench_baseline (data) VALUES ($1) RETURNING id',
      [JSON.stringify(body.data ?? {})],
    );
    return { id: String(rows[0]?.id) };
  }

  /** The server's memory, for bytes per waiting instance. */
  @Get('memory')
  memory(): BenchMemory {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const usage = process.memoryUsage();
    return {
      rss: usage.rss,
      heapUsed: usage.heapUsed,
      heapTotal: usage.heapTotal,
      external: usage.external,
      arrayBuffers: usage.arrayBuffers,
      collected: gc !== undefined,
    };
  }

  /**
   * The job worker's poll, `times` times in a row, timed here so HTTP is not part of it: its read of the next
   * claimable job (JobsRepository.nextClaimableAt) and, when one is due, the claim transaction of
   * JobRunnerService.runBatch — only claimed and rolled back, never applied. With `claim: true` every poll runs the
   * claim transaction (its cost when something is due). Returns each poll's milliseconds, the jobs claimed and the
   * worker's poll interval.
   */
  @Post('poll')
  async poll(
    @Body() body: { times?: number; claim?: boolean },
  ): Promise<{ ms: number[]; claimed: number; pollIntervalMs: number }> {
    const times = Math.max(1, Math.min(MAX_POLLS, Math.trunc(Number(body.times) || 1)));
    const ms: number[] = [];
    let claimed = 0;
    for (let i = 0; i < times; i += 1) {
      const started = performance.now();
      const now = this.clock.now();
      const next =
        body.claim === true ? now : await this.jobs.nextClaimableAt(this.transactions.manager, now);
      if (next !== null && next.getTime() <= now.getTime()) {
        claimed += await this.transactions
          .run(async (manager) => {
            const jobs = await this.jobs.claimDue(manager, now, 1, { worker: 'bench', until: new Date() });
            throw new PollRolledBack(jobs.length);
          })
          .catch((error: unknown) => {
            if (error instanceof PollRolledBack) {
              return error.claimed;
            }
            throw error;
          });
      }
      ms.push(performance.now() - started);
    }
    return { ms, claimed, pollIntervalMs: POLL_INTERVAL_MS };
  }

  /**
   * The engine API in this process, without HTTP, JSON or the per-request session lookup: the same service
   * calls the controllers make, as the caller (`actor`), `concurrency` at a time in a closed loop for `seconds`
   * (or until the work runs out). `start`: instances of `processKey` (count `count`); `complete`: the given tasks;
   * `route`: start → list the instance's tasks → complete the open one, with `variables.score` varied as the
   * HTTP measure does. Returns the units done, errors, elapsed seconds and the milliseconds of each unit.
   */
  @Post('engine-api')
  async engineApi(
    @CurrentActor() actor: Actor,
    @Body()
    body: {
      kind: 'start' | 'complete' | 'route';
      processKey?: string;
      taskIds?: string[];
      count?: number;
      seconds?: number;
      concurrency?: number;
    },
  ): Promise<{ count: number; errors: number; firstError: string | null; seconds: number; ms: number[] }> {
    const concurrency = Math.max(1, Math.min(64, Math.trunc(Number(body.concurrency) || 16)));
    const seconds = Math.max(0.1, Math.min(60, Number(body.seconds) || 10));
    const key = String(body.processKey ?? '');
    const taskIds = [...(body.taskIds ?? [])];
    let left = Math.max(0, Math.trunc(Number(body.count) || 0));
    const unit = async (worker: number, n: number): Promise<boolean> => {
      switch (body.kind) {
        case 'start':
          if (left <= 0) {
            return false;
          }
          left -= 1;
          await this.processes.start(actor, key, { variables: { worker, n } });
          return true;
        case 'complete': {
          const id = taskIds.pop();
          if (id === undefined) {
            return false;
          }
          await this.tasks.complete(actor, id, {}, 'en');
          return true;
        }
        case 'route': {
          const started = await this.processes.start(actor, key, {
            variables: { score: (worker * 7 + n) % 100 },
          });
          const open = started.createdTasks[0];
          if (!open) {
            throw new Error(`instance ${started.instance.id} has no open task`);
          }
          await this.tasks.complete(actor, open.id, {}, 'en');
          return true;
        }
        default:
          throw new Error(`unknown kind ${String(body.kind)}`);
      }
    };
    const ms: number[] = [];
    let errors = 0;
    let firstError: string | null = null;
    const started = performance.now();
    const deadline = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: concurrency }, async (_, worker) => {
        for (let n = 0; performance.now() < deadline; n += 1) {
          const at = performance.now();
          try {
            if (!(await unit(worker, n))) {
              return;
            }
            ms.push(performance.now() - at);
          } catch (error) {
            errors += 1;
            firstError ??= error instanceof Error ? error.message : String(error);
          }
        }
      }),
    );
    return { count: ms.length, errors, firstError, seconds: (performance.now() - started) / 1000, ms };
  }
}
