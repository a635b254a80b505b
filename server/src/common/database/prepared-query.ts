import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { QueryFailedError, type EntityManager } from 'typeorm';

/** Distinct statement texts this process prepares at most (each connection keeps a plan per text it ran). */
const MAX_PREPARED = 100;

/** Statement name by SQL text, for the texts prepared so far. */
const names = new Map<string, string>();

const nameOf = (sql: string): string | null => {
  const known = names.get(sql);
  if (known !== undefined || names.size >= MAX_PREPARED) {
    return known ?? null;
  }
  const name = `careloom_${createHash('sha256').update(sql).digest('base64url').slice(0, 24)}`;
  names.set(sql, name);
  return name;
};

/**
 * `manager.query` as a named prepared statement: PostgreSQL plans a hot statement once per connection instead of on
 * every call (planning the step's CTEs or the task lock costs more than running them). For hot statements whose texts
 * come in a few shapes and whose plans do not depend on their parameters (a row by key): the engine's per-step
 * statements and the task reads around them, a record submission's insert and the reads before it; past `MAX_PREPARED` shapes a statement goes out unnamed. Outside a transaction it takes a
 * connection of the driver's pool for the one statement, as `manager.query` does. Logged and failing like `manager.query`
 * (QueryFailedError). A statement's result columns must not depend on the table's columns (no `SELECT *`): a prepared
 * plan refuses to run once a migration changed them.
 */
export async function queryPrepared<T>(manager: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const name = nameOf(sql);
  if (name === null || manager.queryRunner?.isReleased) {
    return manager.query(sql, params);
  }
  const runner = manager.queryRunner;
  // Outside a transaction: a connection of the driver's pool for the one statement (a TypeORM QueryRunner made and
  // released per statement cost ~1 % of a task completion's server CPU).
  const pool = runner ? undefined : (manager.connection.driver as unknown as { master?: Pool }).master;
  const connect = runner ? () => runner.connect() as Promise<PoolClient> : pool && (() => pool.connect());
  if (!connect) {
    return manager.query(sql, params);
  }
  const logger = manager.connection.logger;
  const client = await connect();
  try {
    logger.logQuery(sql, params, runner);
    try {
      const result = await client.query<T & object>({ name, text: sql, values: params });
      return result.rows;
    } catch (error) {
      logger.logQueryError(error as Error, sql, params, runner);
      throw new QueryFailedError(sql, params, error as Error);
    }
  } finally {
    if (!runner) {
      client.release();
    }
  }
}
