import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.types.js';
import { usesDatabase } from './event-probe.util.js';

/** Who caused an event: a person, or a rule acting on its own (`depth` counts the chain). */
export type EventCause = { actor: Actor | null; depth: number };

/** A resident as the publisher read it inside the same transaction (handlers may use it instead of reading again). */
export type EventResident = {
  id: string;
  name: string;
  gender: string;
  birthDate: string;
  status: string;
  careLevel: string | null;
  room: string | null;
  bed: string | null;
  orgUnitId: string;
  admittedAt: Date | null;
};

export type DomainEvent =
  | ({
      type: 'record.created' | 'record.updated';
      tenantId: string;
      recordId: string;
      formKey: string;
      formVersion: number;
      residentId: string | null;
      data: Record<string, unknown>;
      /** The record's resident, when the publisher already read it in this transaction. */
      resident?: EventResident;
      /** When the record was created (`record.created` carries it; a preview of a record not written yet needs it). */
      createdAt?: Date;
      /** A preview's record not written yet that is known not to be the newest of its resident and form. */
      notNewest?: true;
    } & EventCause)
  | ({
      type: 'task.completed';
      tenantId: string;
      taskId: string;
      instanceId: string;
      processKey: string;
      elementId: string;
      residentId: string | null;
      data: Record<string, unknown>;
    } & EventCause)
  | ({
      type: 'process.ended';
      tenantId: string;
      instanceId: string;
      processKey: string;
      status: string;
      residentId: string | null;
      variables: Record<string, unknown>;
    } & EventCause)
  | ({
      type: 'resident.status-changed';
      tenantId: string;
      residentId: string;
      from: string;
      to: string;
    } & EventCause);

export type DomainEventType = DomainEvent['type'];
export type RecordEvent = Extract<DomainEvent, { type: 'record.created' | 'record.updated' }>;
export type EventHandler = (manager: EntityManager, event: DomainEvent) => Promise<void>;
/**
 * Whether handling `event` would write anything, asked before the change it announces is written (a submission
 * not inserted yet): true when it would (or might: when unsure, say true), false when it would not, null for no
 * opinion on this event (the stand-in probe decides). Reads go through `manager`, outside any transaction.
 */
export type EventPreview = (manager: EntityManager, event: DomainEvent) => Promise<boolean | null>;

/**
 * In-process domain events, handled inside the publisher's transaction: what a handler writes
 * commits or rolls back with the change that caused it. Modules publish without knowing who
 * listens (records and residents do not import rules).
 */
@Injectable()
export class DomainEvents {
  private readonly logger = new Logger(DomainEvents.name);
  private readonly handlers: { name: string; handle: EventHandler; preview?: EventPreview }[] = [];

  /** `preview`: what handling an event would write, for events the handler cannot tell from memory alone. */
  subscribe(name: string, handle: EventHandler, preview?: EventPreview): void {
    this.handlers.push({ name, handle, preview });
  }

  async publish(manager: EntityManager, event: DomainEvent): Promise<void> {
    for (const handler of this.handlers) {
      this.logger.debug({ msg: 'event', type: event.type, handler: handler.name });
      await handler.handle(manager, event);
    }
  }

  /**
   * Whether handling `events` would write anything, asked before the change they announce is written; when not,
   * the caller writes that change alone (one statement, no transaction) and does not publish them. Each handler
   * answers for each event with its preview (reads through `manager`), or, without one or when it says null, is
   * run with a stand-in manager that throws on any use (`usesDatabase`): one that returns without touching it
   * decided from the event and memory alone and has run; one that touches it or throws counts as writing. The
   * first handler that would write ends it. A preview that throws fails the caller.
   */
  async wouldWrite(manager: EntityManager, events: readonly DomainEvent[]): Promise<boolean> {
    for (const event of events) {
      for (const handler of this.handlers) {
        const previewed = handler.preview ? await handler.preview(manager, event) : null;
        if (previewed ?? (await usesDatabase((standIn) => handler.handle(standIn, event)))) {
          this.logger.debug({ msg: 'event needs a transaction', type: event.type, handler: handler.name });
          return true;
        }
      }
    }
    return false;
  }
}
