import { describe, expect, it } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import { DomainEvents, type DomainEvent } from './domain-events.js';

const created: DomainEvent = {
  type: 'record.created',
  tenantId: 't',
  recordId: 'r1',
  formKey: 'pulse',
  formVersion: 1,
  residentId: null,
  data: { pulse: 45 },
  createdAt: new Date('2026-01-05T08:00:00Z'),
  actor: null,
  depth: 0,
};
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
/** The caller's manager, outside any transaction (only previews may read through it). */
const manager = { name: 'caller' } as unknown as EntityManager;
const nothing = (): Promise<void> => Promise.resolve();

describe(DomainEvents.name, () => {
  describe('wouldWrite', () => {
    it('should be false without running a handler when its preview says false', async () => {
      // given a handler whose preview says it would not write
      const events = new DomainEvents();
      const handled: string[] = [];
      const previewed: EntityManager[] = [];
      events.subscribe(
        'rules',
        (_manager, event) => {
          handled.push(event.type);
          return Promise.resolve();
        },
        (through) => {
          previewed.push(through);
          return Promise.resolve(false);
        },
      );

      // when a submission's event is asked about
      const writes = await events.wouldWrite(manager, [created]);

      // then nothing would write, the preview read through the caller's manager and the handler did not run
      expect(writes).toBe(false);
      expect(previewed).toEqual([manager]);
      expect(handled).toEqual([]);
    });

    it('should be true when a preview says true', async () => {
      // given a handler whose preview says it would write
      const events = new DomainEvents();
      events.subscribe('rules', nothing, () => Promise.resolve(true));

      // when the event is asked about
      const writes = await events.wouldWrite(manager, [created]);

      // then it would write
      expect(writes).toBe(true);
    });

    it('should probe a handler when its preview has no opinion, and when it has no preview', async () => {
      // given a handler whose preview says null and one without a preview, both deciding from the event alone
      const events = new DomainEvents();
      const handled: string[] = [];
      events.subscribe(
        'rules',
        (_manager, event) => {
          handled.push(`rules:${event.type}`);
          return Promise.resolve();
        },
        () => Promise.resolve(null),
      );
      events.subscribe('work-orders', (_manager, event) => {
        handled.push(`work-orders:${event.type}`);
        return Promise.resolve();
      });

      // when an event is asked about
      const writes = await events.wouldWrite(manager, [ended]);

      // then nothing would write, and both handlers have run on the stand-in
      expect(writes).toBe(false);
      expect(handled).toEqual(['rules:process.ended', 'work-orders:process.ended']);
    });

    it('should be true when a handler without a preview touches the manager', async () => {
      // given a new subscriber that reads, and does not say what it would do
      const events = new DomainEvents();
      const seen: unknown[] = [];
      events.subscribe('audit', async (through) => {
        seen.push(await through.query('SELECT 1'));
      });

      // when a submission's event is asked about
      const writes = await events.wouldWrite(manager, [created]);

      // then it would write (the stand-in refused the query; the caller's manager was not used)
      expect(writes).toBe(true);
      expect(seen).toEqual([]);
    });

    it('should be true when a preview has no opinion and its handler touches the manager', async () => {
      // given a handler that needs the database for this event and whose preview leaves it to the probe
      const events = new DomainEvents();
      events.subscribe(
        'rules',
        async (through) => {
          await through.query('SELECT 1');
        },
        () => Promise.resolve(null),
      );

      // when the event is asked about
      const writes = await events.wouldWrite(manager, [ended]);

      // then it would write
      expect(writes).toBe(true);
    });

    it('should be true when a handler throws', async () => {
      // given a handler that fails without touching the manager
      const events = new DomainEvents();
      events.subscribe('failing', () => Promise.reject(new Error('broken')));

      // when the event is asked about
      const writes = await events.wouldWrite(manager, [created]);

      // then it is left to the transaction (which fails as before)
      expect(writes).toBe(true);
    });

    it('should stop at the first handler that would write', async () => {
      // given a handler that would write on the first event, then others that record being asked
      const events = new DomainEvents();
      const asked: string[] = [];
      events.subscribe('first', nothing, (_through, event) => {
        asked.push(`first:${event.type}`);
        return Promise.resolve(event.type === 'process.ended');
      });
      events.subscribe('second', nothing, (_through, event) => {
        asked.push(`second:${event.type}`);
        return Promise.resolve(false);
      });

      // when two events are asked about, the one that writes first
      const writes = await events.wouldWrite(manager, [ended, created]);

      // then it would write, and nothing after the first yes was asked
      expect(writes).toBe(true);
      expect(asked).toEqual(['first:process.ended']);
    });

    it('should be false when there is no handler', async () => {
      // given no subscriber
      const events = new DomainEvents();

      // when events are asked about
      const writes = await events.wouldWrite(manager, [created, ended]);

      // then nothing would write
      expect(writes).toBe(false);
    });
  });
});
