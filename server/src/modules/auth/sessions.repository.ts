import { Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import { SessionEntity } from './session.entity.js';

@Injectable()
export class SessionsRepository {
  insert(
    manager: EntityManager,
    session: Omit<SessionEntity, 'id' | 'createdAt' | 'revokedAt' | 'lastUsedAt'>,
  ): Promise<SessionEntity> {
    return manager.getRepository(SessionEntity).save(manager.create(SessionEntity, session));
  }

  findByTokenHash(manager: EntityManager, tokenHash: string): Promise<SessionEntity | null> {
    return manager.getRepository(SessionEntity).findOneBy({ tokenHash });
  }

  async touch(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.getRepository(SessionEntity).update({ id }, { lastUsedAt: at });
  }

  async revoke(manager: EntityManager, id: string, at: Date): Promise<boolean> {
    const result = await manager
      .getRepository(SessionEntity)
      .update({ id, revokedAt: IsNull() }, { revokedAt: at });
    return (result.affected ?? 0) > 0;
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
