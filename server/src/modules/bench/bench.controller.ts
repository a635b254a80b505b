import { Body, Controller, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DataSource } from 'typeorm';

/**
 * The baseline of test/bench: one JSONB row inserted and nothing else, behind the same HTTP stack
 * and auth as the real endpoints. Registered only with CARELOOM_BENCH=1 (refused in production);
 * the benchmark creates the `bench_baseline` table in its own database.
 */
@ApiExcludeController()
@Controller('bench')
export class BenchController {
  constructor(private readonly dataSource: DataSource) {}

  @Post('baseline')
  async baseline(@Body() body: { data?: unknown }): Promise<{ id: string }> {
    const rows: { id: string }[] = await this.dataSource.query(
      'INSERT INTO bench_baseline (data) VALUES ($1) RETURNING id',
      [JSON.stringify(body.data ?? {})],
    );
    return { id: String(rows[0]?.id) };
  }
}
