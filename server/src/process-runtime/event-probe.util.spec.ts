import { describe, expect, it } from '@jest/globals';
import { DomainEvents, type DomainEvent } from '../common/events/domain-events.js';
import { handledWithoutDatabase } from './event-probe.util.js';

const ended: DomainEvent = {
  type: 'process.ended',
  tenantId: 't',
  instanceId: 'i1',
  processKey: 'p',
  status: 'completed',
  residentId: null,
  variables: {},
  actor: null,
  depth: 0,
};

describe(handledWithoutDatabase.name, () => {
  it('should be true when every handler decides without the manager', async () => {
    // given handlers that look at the event only
    const events = new DomainEvents();
    const seen: string[] = [];
    events.subscribe('other-process', (_manager, event) => {
      seen.push(event.type);
      return Promise.resolve();
    });

    // when the event is probed
    const handled = await handledWithoutDatabase(events, [ended]);

    // then it needs no transaction, and the handler ran
    expect(handled).toBe(true);
    expect(seen).toEqual(['process.ended']);
  });

  it('should be false when a handler uses the manager, even when it catches what that throws', async () => {
    // given a handler that queries and swallows the error
    const events = new DomainEvents();
    events.subscribe('reader', async (manager) => {
      try {
        await manager.query('SELECT 1');
      } catch {
        // a handler that records its failure elsewhere
      }
    });

    // when the event is probed
    const handled = await handledWithoutDatabase(events, [ended]);

    // then it needs the transaction
    expect(handled).toBe(false);
  });

  it('should be false when a handler throws without using the manager', async () => {
    // given a handler that fails
    const events = new DomainEvents();
    events.subscribe('failing', () => Promise.reject(new Error('broken')));

    // when the event is probed
    const handled = await handledWithoutDatabase(events, [ended]);

    // then it is left to the transaction (which fails as before)
    expect(handled).toBe(false);
  });
});
