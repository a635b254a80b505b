import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Transactions } from '../../common/database/transaction.js';
import { Clock } from '../../common/time/clock.js';
import { POLL_INTERVAL_MS } from '../../process-runtime/job-worker.service.js';
import { JobsRepository } from '../../process-runtime/jobs.repository.js';

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
   * The job worker's poll, `times` times in a row: the same transaction and claimDue call as
   * JobRunnerService.runOne, timed here so HTTP is not part of it. A job that is due is only
   * locked and released, never applied. Returns each poll's milliseconds and the worker's poll interval.
   */
  @Post('poll')
  async poll(
    @Body() body: { times?: number },
  ): Promise<{ ms: number[]; claimed: number; pollIntervalMs: number }> {
    const times = Math.max(1, Math.min(MAX_POLLS, Math.trunc(Number(body.times) || 1)));
    const ms: number[] = [];
    let claimed = 0;
    for (let i = 0; i < times; i += 1) {
      const started = performance.now();
      const job = await this.transactions.run((manager) => this.jobs.claimDue(manager, this.clock.now()));
      ms.push(performance.now() - started);
      claimed += job ? 1 : 0;
    }
    return { ms, claimed, pollIntervalMs: POLL_INTERVAL_MS };
  }
}
