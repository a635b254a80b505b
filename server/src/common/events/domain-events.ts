import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.types.js';

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
type Handler = (manager: EntityManager, event: DomainEvent) => Promise<void>;

/**
 * In-process domain events, handled inside the publisher's transaction: what a handler writes
 * commits or rolls back with the change that caused it. Modules publish without knowing who
 * listens (records and residents do not import rules).
 */
@Injectable()
export class DomainEvents {
  private readonly logger = new Logger(DomainEvents.name);
  private readonly handlers: { name: string; handle: Handler }[] = [];

  subscribe(name: string, handle: Handler): void {
    this.handlers.push({ name, handle });
  }

  async publish(manager: EntityManager, event: DomainEvent): Promise<void> {
    for (const handler of this.handlers) {
      this.logger.debug({ msg: 'event', type: event.type, handler: handler.name });
      await handler.handle(manager, event);
    }
  }
}
