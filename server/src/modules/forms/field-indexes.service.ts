import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { DataSource } from 'typeorm';
import {
  createFieldIndexSql,
  dropFieldIndexSql,
  fieldIndexChanges,
  indexedFields,
} from './field-indexes.util.js';
import { FormsRepository } from './forms.repository.js';

export type FieldIndexSync = { created: string[]; dropped: string[]; failed: string[] };

/**
 * Builds and drops the `x-indexed` field indexes (field-indexes.util.ts) without holding record writes back:
 * `CREATE/DROP INDEX CONCURRENTLY` on a connection of its own, after the version that asks for them has
 * committed (they cannot run in a transaction). What is wanted is read from the committed latest versions,
 * so a sync is always safe to run again:
 * - a build that fails (or a process that dies mid-build) leaves an INVALID index: the next sync of the form
 *   (its next publish, or the sync of all forms when a server starts listening) drops and rebuilds it;
 * - until an index exists, lists are exactly as correct, only slower (the planner just does not use it).
 * One sync at a time across processes (a session advisory lock): another sync would take a running build,
 * INVALID until it ends, for a failed one.
 */
@Injectable()
export class FieldIndexesService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(FieldIndexesService.name);
  /** The sync started when the server began listening (also awaited on shutdown). */
  private startup: Promise<unknown> | null = null;

  constructor(
    private readonly repository: FormsRepository,
    private readonly dataSource: DataSource,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  onApplicationBootstrap(): void {
    // Only processes that serve HTTP (not the in-process integration test app): catch up on builds that
    // failed or never ran (a server stopped mid-build, indexes of an older definition) in the background.
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    fastify?.addHook('onListen', () => {
      this.startup = this.sync('indexed');
      return Promise.resolve();
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.startup;
  }

  /**
   * Brings the field indexes of these forms ('indexed': of every form with an index or an x-indexed field)
   * to what their latest committed versions mark. Never throws: a failure is logged and left to the next sync.
   */
  async sync(formIds: readonly string[] | 'indexed'): Promise<FieldIndexSync> {
    const result: FieldIndexSync = { created: [], dropped: [], failed: [] };
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      const manager = runner.manager;
      await this.repository.lockFieldIndexes(manager);
      try {
        const existing = await this.repository.fieldIndexes(manager);
        const ids =
          formIds === 'indexed'
            ? [...new Set(existing.flatMap((index) => (index.formId ? [index.formId] : [])))]
            : [...formIds];
        const schemas = await this.repository.latestSchemas(manager, formIds === 'indexed' ? 'indexed' : ids);
        const wanted = new Map(schemas.map((row) => [row.formId, indexedFields(row.formId, row.schema)]));
        for (const formId of new Set([...ids, ...wanted.keys()])) {
          const changes = fieldIndexChanges(
            existing.filter((index) => index.formId === formId),
            wanted.get(formId) ?? [],
          );
          for (const name of changes.drop) {
            await this.change(manager, dropFieldIndexSql(name), name, result.dropped, result.failed);
          }
          for (const index of changes.create) {
            const built = await this.change(
              manager,
              createFieldIndexSql(formId, index),
              index.name,
              result.created,
              result.failed,
            );
            if (!built) {
              // Do not leave an INVALID index to be maintained on every write until the next sync.
              await this.change(manager, dropFieldIndexSql(index.name), index.name, [], []);
            }
          }
        }
      } finally {
        await this.repository.unlockFieldIndexes(manager);
      }
    } catch (error) {
      this.logger.warn({
        msg: 'field index sync failed; the next publish or start retries',
        error: String(error),
      });
    } finally {
      await runner.release();
    }
    if (result.created.length + result.dropped.length + result.failed.length > 0) {
      this.logger.log({ msg: 'field indexes synced', ...result });
    }
    return result;
  }

  private async change(
    manager: DataSource['manager'],
    sql: string,
    name: string,
    done: string[],
    failed: string[],
  ): Promise<boolean> {
    try {
      await this.repository.changeFieldIndex(manager, sql);
      done.push(name);
      return true;
    } catch (error) {
      failed.push(name);
      this.logger.warn({ msg: 'field index change failed', index: name, error: String(error) });
      return false;
    }
  }
}
