import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';

/**
 * The application pool's sessions plan without parallel workers. Its statements are short (a page, a capped count,
 * a step), and a Gather costs more than it saves: starting and stopping two workers took ~55 ms of a capped count's
 * 69 ms over a million records (12 ms without them), and parallel workers take cores from concurrent requests.
 * Reports, which scan months, turn them back on in their own transactions (ReportsService).
 */
const POOL_SESSION_OPTIONS = '-c max_parallel_workers_per_gather=0';

/** Startup options for the pool's connections: those the URL gives (`?options=…`), then ours. */
function sessionOptions(url: string): string {
  const given = URL.canParse(url) ? new URL(url).searchParams.get('options') : null;
  return given ? `${given} ${POOL_SESSION_OPTIONS}` : POOL_SESSION_OPTIONS;
}

/** One definition of how we talk to PostgreSQL: never `synchronize`, migrations run on start. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: ['error'],
    extra: { max: 20, application_name: 'careloom', options: sessionOptions(url) },
  };
}
