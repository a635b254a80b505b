import { describe, expect, it } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import { SharedCache, type SharedCaches } from './shared-cache.js';

/** The registry with a working LISTEN connection and no transaction writing the topic. */
const listening = { usable: () => true } as unknown as SharedCaches;
const manager = {} as EntityManager;

describe(SharedCache.name, () => {
  it('should read an entry again when it is older than maxAgeMs', async () => {
    // given a cache whose entries live 20 ms, holding one entry
    const cache = new SharedCache<number>('t', 10, listening, { maxAgeMs: 20 });
    let loads = 0;
    const load = () => Promise.resolve((loads += 1));
    await cache.get(manager, 'k', load);

    // when it is read at once and again after 40 ms
    const fresh = await cache.get(manager, 'k', load);
    await new Promise((resolve) => setTimeout(resolve, 40));
    const reread = await cache.get(manager, 'k', load);

    // then the first read is a hit and the second loads again
    expect(fresh).toBe(1);
    expect(reread).toBe(2);
    expect(cache.size).toBe(1);
  });

  it('should not store a value that keep refuses', async () => {
    // given a cache that keeps no null
    const cache = new SharedCache<string | null>('t', 10, listening, { keep: (value) => value !== null });
    let loads = 0;
    const load = () => {
      loads += 1;
      return Promise.resolve(null);
    };

    // when a missing key is read twice
    await cache.get(manager, 'missing', load);
    await cache.get(manager, 'missing', load);

    // then both reads load and nothing is stored
    expect(loads).toBe(2);
    expect(cache.size).toBe(0);
  });

  it('should drop the oldest entry when full', async () => {
    // given a cache of two entries, full
    const cache = new SharedCache<string>('t', 2, listening, { maxAgeMs: 60_000 });
    await cache.get(manager, 'a', () => Promise.resolve('a1'));
    await cache.get(manager, 'b', () => Promise.resolve('b1'));

    // when a third is stored
    await cache.get(manager, 'c', () => Promise.resolve('c1'));

    // then the first is read again and the newest stays
    expect(await cache.get(manager, 'a', () => Promise.resolve('a2'))).toBe('a2');
    expect(await cache.get(manager, 'c', () => Promise.resolve('c2'))).toBe('c1');
    expect(cache.size).toBe(2);
  });
});
