import type { DataSource } from 'typeorm';

/** Retries `check` until it passes or `ms` pass (another process learns of a change by NOTIFY). */
export async function eventually(check: () => Promise<void>, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/** The SQL statements `work` sends through the application's DataSource (BEGIN and COMMIT included). */
export async function statementsOf(dataSource: DataSource, work: () => Promise<unknown>): Promise<string[]> {
  return (await callsOf(dataSource, work)).map((call) => call.sql.replace(/\s+/g, ' ').trim());
}

/** The statements `work` sends, as sent (their text unchanged) and with their parameters. */
export async function callsOf(
  dataSource: DataSource,
  work: () => Promise<unknown>,
): Promise<{ sql: string; parameters: unknown[] }[]> {
  const logger = dataSource.logger;
  const original = logger.logQuery.bind(logger);
  const seen: { sql: string; parameters: unknown[] }[] = [];
  logger.logQuery = (query, parameters, runner) => {
    seen.push({ sql: query, parameters: Array.isArray(parameters) ? parameters : [] });
    original(query, parameters, runner);
  };
  try {
    await work();
  } finally {
    logger.logQuery = original;
  }
  return seen;
}
