import type { EntityManager } from 'typeorm';

/** What `run` gets when it uses the stand-in manager: it would need the publisher's transaction. */
class TransactionNeeded extends Error {
  constructor() {
    super('a domain event handler used the database');
  }
}

/**
 * Whether `run` (one handler on one event) needs the database: it gets a stand-in manager whose first use (a
 * query, a repository, its transaction state: any property) marks it used and throws. False only when it returned
 * without using it and without throwing: then it decided from the event and memory alone (no rule for it in the
 * cached list, not its process), and it has run. True when it used the stand-in (even when it caught what that
 * threw) or threw: the caller publishes in a transaction with the real manager (what the handler did in memory
 * before using the stand-in, such as a log line, then happens twice).
 *
 * A handler that decides without the database decides the same before the change is written as after it, so the
 * caller may run this before it writes.
 */
export async function usesDatabase(run: (manager: EntityManager) => Promise<void>): Promise<boolean> {
  let used = false;
  const refuse = (): never => {
    used = true;
    throw new TransactionNeeded();
  };
  const standIn = new Proxy(Object.create(null) as object, {
    get: refuse,
    set: refuse,
    has: refuse,
    apply: refuse,
    deleteProperty: refuse,
    ownKeys: refuse,
    getOwnPropertyDescriptor: refuse,
    defineProperty: refuse,
  }) as EntityManager;
  try {
    await run(standIn);
  } catch {
    return true;
  }
  return used;
}
