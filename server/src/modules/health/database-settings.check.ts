import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Warns at start when PostgreSQL runs without autovacuum: nothing then refreshes the planner's statistics, and plans
 * made for empty tables stay after they fill (the benchmark measured an instance's task list going from 0.3 ms to
 * 1.2–10 ms over 25,000 tasks until an ANALYZE). CareLoom does not change the server's settings itself.
 */
@Injectable()
export class DatabaseSettingsCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger(DatabaseSettingsCheck.name);

  constructor(private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      const [row] = await this.dataSource.query<{ autovacuum: string }[]>(
        `SELECT current_setting('autovacuum') AS autovacuum`,
      );
      if (row?.autovacuum !== 'on') {
        this.logger.warn({
          msg:
            'PostgreSQL runs with autovacuum off: table statistics go stale and lists slow down as tables grow. ' +
            'Turn autovacuum on, or run ANALYZE regularly (e.g. nightly).',
          autovacuum: row?.autovacuum ?? null,
        });
      }
    } catch (error) {
      this.logger.warn({ msg: 'could not read the PostgreSQL settings', error: String(error) });
    }
  }
}
