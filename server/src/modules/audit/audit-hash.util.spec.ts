import { describe, expect, it } from '@jest/globals';
import { auditHash, GENESIS_HASH, type HashedContent } from './audit-hash.util.js';

const content: HashedContent = {
  tenantId: 't1',
  at: new Date('2026-11-24T08:00:00.000Z'),
  actorId: 'u1',
  actorName: 'admin',
  action: 'resident.create',
  entityType: 'resident',
  entityId: 'r1',
  ip: '127.0.0.1',
  requestId: 'req-1',
  details: { b: 1, a: { d: 2, c: 3 } },
};

describe('auditHash', () => {
  it('should give the same hash when detail keys come in another order', () => {
    const reordered = { ...content, details: { a: { c: 3, d: 2 }, b: 1 } };
    expect(auditHash(GENESIS_HASH, reordered)).toBe(auditHash(GENESIS_HASH, content));
  });

  it('should change when any field or the previous hash changes', () => {
    const base = auditHash(GENESIS_HASH, content);
    expect(auditHash(GENESIS_HASH, { ...content, action: 'resident.delete' })).not.toBe(base);
    expect(auditHash('f'.repeat(64), content)).not.toBe(base);
  });
});
