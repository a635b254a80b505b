import { describe, expect, it } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import { usesDatabase } from './event-probe.util.js';

describe(usesDatabase.name, () => {
  it('should be false when the handler decides without the manager, and it has run', async () => {
    // given a handler that looks at what it was given only
    let ran = false;

    // when it is probed
    const used = await usesDatabase(() => {
      ran = true;
      return Promise.resolve();
    });

    // then it needs no database, and it ran
    expect(used).toBe(false);
    expect(ran).toBe(true);
  });

  it('should be true when the handler uses the manager, even when it catches what that throws', async () => {
    // given a handler that queries and swallows the error
    const handler = async (manager: EntityManager) => {
      try {
        await manager.query('SELECT 1');
      } catch {
        // a handler that records its failure elsewhere
      }
    };

    // when it is probed
    const used = await usesDatabase(handler);

    // then it needs the database
    expect(used).toBe(true);
  });

  it('should be true when the handler throws without using the manager', async () => {
    // when a failing handler is probed
    const used = await usesDatabase(() => Promise.reject(new Error('broken')));

    // then it is left to the transaction (which fails as before)
    expect(used).toBe(true);
  });
});
