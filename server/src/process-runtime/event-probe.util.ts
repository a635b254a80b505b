import type { EntityManager } from 'typeorm';
import type { DomainEvent, DomainEvents } from '../common/events/domain-events.js';

/** What a handler gets when it uses the stand-in manager: it would need the publisher's transaction. */
class TransactionNeeded extends Error {
  constructor() {
    super('a domain event handler used the database');
  }
}

/**
 * Whether publishing `published` needs no transaction: each event goes to its handlers (`DomainEvents.publish`)
 * with a stand-in manager whose first use (a query, a repository, its transaction state: any property) marks it
 * used and throws. True only when every handler returned without using it and without throwing: then they decided
 * from the event and memory alone (no rule for it in the cached list, not their process), and they have run. False
 * when one would read or write: the caller publishes again in a transaction with the real manager (what the
 * handlers did in memory before using the stand-in, such as a log line, then happens twice).
 *
 * A handler that decides without the database decides the same before the change is written as after it, so the
 * caller may run this before it writes.
 */
export async function handledWithoutDatabase(
  events: DomainEvents,
  published: readonly DomainEvent[],
): Promise<boolean> {
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
    for (const event of published) {
      await events.publish(standIn, event);
    }
  } catch {
    return false;
  }
  return !used;
}
