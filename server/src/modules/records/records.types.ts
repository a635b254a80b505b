import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.types.js';

/**
 * A submission about to be written: id, data and time are fixed before the insert, so a check sees what the
 * `record.created` event will carry.
 */
export type PendingRecord = {
  tenantId: string;
  recordId: string;
  formKey: string;
  formVersion: number;
  residentId: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
  actor: Actor;
};

/**
 * Asked before a submission is written, by each module that handles `record.created` (DomainEvents): true when
 * handling that event would write anything (or might: when unsure, say true). Reads go through `manager`
 * outside any transaction, before the record exists.
 */
export type RecordCreateCheck = (manager: EntityManager, pending: PendingRecord) => Promise<boolean>;
