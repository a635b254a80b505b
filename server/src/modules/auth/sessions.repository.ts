import { Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import type { ActorRole } from '../../common/auth/actor.types.js';
import { SESSIONS_TOPIC } from '../../common/auth/sessions-cache.constants.js';
import { SharedCaches, type SharedCache } from '../../common/database/shared-cache.js';
import { SessionEntity } from './session.entity.js';

/** A bearer token's session with its user and roles, read in one round trip (cached: see findCallerCached). */
export type SessionCaller = {
  sessionId: string;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  userId: string;
  tenantId: string;
  username: string;
  displayName: string;
  active: boolean;
  roles: ActorRole[];
};

type SessionCallerRow = {
  session_id: string;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
  user_id: string;
  tenant_id: string;
  username: string;
  display_name: string;
  active: boolean;
  roles: ActorRole[];
};

/** How long a resolved session is trusted without asking the database (changes invalidate it at once). */
export const SESSION_CACHE_MAX_AGE_MS = 30_000;
/** Sessions remembered at most (the oldest is dropped first). */
const SESSION_CACHE_SIZE = 10_000;

@Injectable()
export class SessionsRepository {
  /** Resolved sessions by token hash (never the token): read by every authenticated request. */
  private readonly callers: SharedCache<SessionCaller | null>;

  constructor(private readonly caches: SharedCaches) {
    this.callers = caches.create(SESSIONS_TOPIC, SESSION_CACHE_SIZE, {
      maxAgeMs: SESSION_CACHE_MAX_AGE_MS,
      keep: (caller) => caller !== null,
    });
  }

  insert(
    manager: EntityManager,
    session: Omit<SessionEntity, 'id' | 'createdAt' | 'revokedAt' | 'lastUsedAt'>,
  ): Promise<SessionEntity> {
    return manager.getRepository(SessionEntity).save(manager.create(SessionEntity, session));
  }

  findByTokenHash(manager: EntityManager, tokenHash: string): Promise<SessionEntity | null> {
    return manager.getRepository(SessionEntity).findOneBy({ tokenHash });
  }

  /**
   * The same as `findCaller`, from memory for up to 30 s until any process revokes a session or changes a
   * user's active flag, memberships or roles (`SESSIONS_TOPIC`). Unknown tokens are not remembered. The
   * returned object is shared: only `lastUsedAt` may be set on it (by the caller that touched the session).
   */
  findCallerCached(manager: EntityManager, tokenHash: string): Promise<SessionCaller | null> {
    return this.callers.get(manager, tokenHash, () => this.findCaller(manager, tokenHash));
  }

  async findCaller(manager: EntityManager, tokenHash: string): Promise<SessionCaller | null> {
    const rows: SessionCallerRow[] = await manager.query(
      `SELECT s.id AS session_id, s.expires_at, s.revoked_at, s.last_used_at,
              u.id AS user_id, u.tenant_id, u.username, u.display_name, u.active,
              COALESCE((SELECT json_agg(json_build_object('role', r.key, 'orgUnitId', o.id, 'orgUnitPath', o.path)
                                        ORDER BY r.key, o.path)
                          FROM membership m JOIN role r ON r.id = m.role_id JOIN org_unit o ON o.id = m.org_unit_id
                         WHERE m.user_id = u.id), '[]'::json) AS roles
         FROM auth_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.token_hash = $1`,
      [tokenHash],
    );
    const row = rows[0];
    return row
      ? {
          sessionId: row.session_id,
          expiresAt: row.expires_at,
          revokedAt: row.revoked_at,
          lastUsedAt: row.last_used_at,
          userId: row.user_id,
          tenantId: row.tenant_id,
          username: row.username,
          displayName: row.display_name,
          active: row.active,
          roles: row.roles,
        }
      : null;
  }

  /** Notes when a session was last used: a plain write, no invalidation (no check depends on it). */
  async touch(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.getRepository(SessionEntity).update({ id }, { lastUsedAt: at });
  }

  async revoke(manager: EntityManager, id: string, at: Date): Promise<boolean> {
    const result = await manager
      .getRepository(SessionEntity)
      .update({ id, revokedAt: IsNull() }, { revokedAt: at });
    const revoked = (result.affected ?? 0) > 0;
    if (revoked) {
      await this.caches.changed(manager, SESSIONS_TOPIC);
    }
    return revoked;
  }

  async revokeUserSessions(
    manager: EntityManager,
    userId: string,
    exceptId: string,
    at: Date,
  ): Promise<void> {
    await manager.query(
      `UPDATE auth_session SET revoked_at = $3 WHERE user_id = $1 AND id <> $2 AND kind = 'session' AND revoked_at IS NULL`,
      [userId, exceptId, at],
    );
    await this.caches.changed(manager, SESSIONS_TOPIC);
  }

  listApiTokens(manager: EntityManager, userId: string): Promise<SessionEntity[]> {
    return manager.getRepository(SessionEntity).find({
      where: { userId, kind: 'api-token', revokedAt: IsNull() },
      order: { createdAt: 'DESC' },
    });
  }

  findApiToken(manager: EntityManager, userId: string, id: string): Promise<SessionEntity | null> {
    return manager.getRepository(SessionEntity).findOneBy({ userId, id, kind: 'api-token' });
  }
}
