import { createHash } from 'node:crypto';
import { canonicalJson } from '../../common/json/canonical-json.util.js';

export const GENESIS_HASH = '0'.repeat(64);

export type HashedContent = {
  tenantId: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  ip: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
};

/** sha256 over the previous hash and the row's canonical content: editing any row breaks every later link. */
export function auditHash(prevHash: string, content: HashedContent): string {
  const body = canonicalJson({
    tenantId: content.tenantId,
    at: content.at.toISOString(),
    actorId: content.actorId,
    actorName: content.actorName,
    action: content.action,
    entityType: content.entityType,
    entityId: content.entityId,
    ip: content.ip,
    requestId: content.requestId,
    details: content.details,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}
