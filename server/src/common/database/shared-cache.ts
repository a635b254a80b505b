import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import pg from 'pg';
import type { EntityManager } from 'typeorm';
import { DATABASE_INFO, type DatabaseInfo } from '../../database/database-info.js';

/** The channel on which every server process announces changes of cached rows. */
export const CACHE_CHANNEL = 'careloom_cache';
const RECONNECT_MS = 1000;

/** Optional limits of a cache beyond its size. */
export type SharedCacheOptions<V> = {
  /** An entry older than this (monotonic milliseconds since it was stored) is read again. */
  maxAgeMs?: number;
  /** Whether a loaded value may be stored (e.g. not "nothing found"); all may by default. */
  keep?(value: V): boolean;
};

/**
 * A bounded in-memory cache of rows that change rarely (enabled rules, form heads, latest process
 * versions), emptied in EVERY server process when one of them changes such a row: writers call
 * `SharedCaches.changed` in their transaction, which sends a NOTIFY that PostgreSQL delivers to all
 * processes when (and only when) the transaction commits. A process sees another's change as soon as
 * the notification arrives (milliseconds after the commit). Without a working LISTEN connection
 * nothing is cached. Immutable rows (form versions, process definitions by id) need none of this.
 */
export class SharedCache<V> {
  private readonly entries = new Map<string, V>();
  /** When each entry was stored (performance.now()), kept only with `maxAgeMs`. */
  private readonly storedAt = new Map<string, number>();
  /** Bumped on every invalidation: a load that started before one is not stored. */
  private generation = 0;

  constructor(
    readonly topic: string,
    private readonly max: number,
    private readonly caches: SharedCaches,
    private readonly options: SharedCacheOptions<V> = {},
  ) {}

  /** The cached value of `key`, or what `load` reads (through `manager`), remembered when safe. */
  async get(manager: EntityManager, key: string, load: () => Promise<V>): Promise<V> {
    if (!this.caches.usable(manager, this.topic)) {
      return load();
    }
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      if (!this.tooOld(key)) {
        return hit;
      }
      this.delete(key);
    }
    const generation = this.generation;
    const value = await load();
    if (
      generation === this.generation &&
      this.caches.usable(manager, this.topic) &&
      (this.options.keep?.(value) ?? true)
    ) {
      if (this.entries.size >= this.max) {
        const oldest = this.entries.keys().next().value;
        if (oldest !== undefined) {
          this.delete(oldest);
        }
      }
      this.entries.set(key, value);
      if (this.options.maxAgeMs !== undefined) {
        this.storedAt.set(key, performance.now());
      }
    }
    return value;
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
    this.storedAt.clear();
  }

  private tooOld(key: string): boolean {
    const { maxAgeMs } = this.options;
    const at = this.storedAt.get(key);
    return maxAgeMs !== undefined && (at === undefined || performance.now() - at > maxAgeMs);
  }

  private delete(key: string): void {
    this.entries.delete(key);
    this.storedAt.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The registry of shared caches and the LISTEN connection that empties them. */
@Injectable()
export class SharedCaches implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(SharedCaches.name);
  private readonly caches = new Map<string, SharedCache<unknown>[]>();
  /** Transactions that changed a topic and have not ended: their reads bypass that topic's cache. */
  private readonly writers = new WeakMap<EntityManager, Set<string>>();
  private client: pg.Client | null = null;
  private stopped = false;

  constructor(@Inject(DATABASE_INFO) private readonly database: DatabaseInfo) {}

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  /** A new cache of `topic` holding at most `max` entries (and, with `options.maxAgeMs`, for at most that long). */
  create<V>(topic: string, max: number, options: SharedCacheOptions<V> = {}): SharedCache<V> {
    const cache = new SharedCache<V>(topic, max, this, options);
    this.caches.set(topic, [...(this.caches.get(topic) ?? []), cache]);
    return cache;
  }

  /**
   * Rows of `topic` change in the caller's transaction: empties this process's caches now and every
   * process's (this one's again) when the transaction commits.
   */
  async changed(manager: EntityManager, topic: string): Promise<void> {
    if (manager.queryRunner?.isTransactionActive) {
      const topics = this.writers.get(manager) ?? new Set<string>();
      topics.add(topic);
      this.writers.set(manager, topics);
    }
    this.clear(topic);
    await manager.query('SELECT pg_notify($1, $2)', [CACHE_CHANNEL, topic]);
  }

  /** Whether a read through `manager` may use (and fill) the caches of `topic`. */
  usable(manager: EntityManager, topic: string): boolean {
    return this.client !== null && !(this.writers.get(manager)?.has(topic) ?? false);
  }

  private clear(topic: string | null): void {
    for (const [name, caches] of this.caches) {
      if (topic === null || name === topic) {
        caches.forEach((cache) => cache.clear());
      }
    }
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.database.url, application_name: 'careloom-cache' });
    client.on('notification', (message) => this.clear(message.payload ?? null));
    client.on('error', (error: Error) => {
      this.logger.warn({
        msg: 'cache notification connection lost; not caching meanwhile',
        error: error.message,
      });
      this.drop(client);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CACHE_CHANNEL}`);
      if (this.stopped) {
        await client.end();
        return;
      }
      this.clear(null);
      this.client = client;
    } catch (error) {
      this.logger.warn({
        msg: 'could not LISTEN for cache changes; not caching meanwhile',
        error: String(error),
      });
      this.drop(client);
    }
  }

  /** Stops caching until a new LISTEN connection is up (tried again after a second). */
  private drop(client: pg.Client): void {
    if (this.client === client) {
      this.client = null;
    }
    this.clear(null);
    void client.end().catch(() => undefined);
    setTimeout(() => {
      if (!this.stopped && !this.client) {
        void this.listen();
      }
    }, RECONNECT_MS).unref();
  }
}
