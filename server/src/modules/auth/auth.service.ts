import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import type { Actor } from '../../common/auth/actor.types.js';
import { Transactions } from '../../common/database/transaction.js';
import { NotAuthenticatedError, NotFoundError } from '../../common/errors/domain.errors.js';
import { AuditService } from '../audit/audit.service.js';
import type { UserEntity } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import type { MembershipView } from '../users/users.repository.js';
import { InvalidCredentialsError, SessionExpiredError, WrongCurrentPasswordError } from './auth.errors.js';
import { hashPassword, newToken, verifyPassword } from './password.util.js';
import type { SessionEntity } from './session.entity.js';
import { SessionsRepository } from './sessions.repository.js';

const sha256 = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Hashes of the bearer tokens seen lately: a client sends its token with every request. */
const tokenHashes = new Map<string, string>();
const TOKEN_HASHES_KEPT = 10_000;

/** `sha256(token)`, remembered for the tokens seen lately (all are forgotten when the map is full). */
function tokenHash(token: string): string {
  let hash = tokenHashes.get(token);
  if (hash === undefined) {
    hash = sha256(token);
    if (tokenHashes.size >= TOKEN_HASHES_KEPT) {
      tokenHashes.clear();
    }
    tokenHashes.set(token, hash);
  }
  return hash;
}

/** A hash to compare against when the user does not exist, so a wrong username costs as long as a wrong password. */
const DUMMY_HASH = hashPassword('careloom-timing-equaliser');

export type RequestInfo = { ip: string | null; requestId: string | null };
export type LoginResult = { token: string; expiresAt: Date; user: UserEntity; memberships: MembershipView[] };

@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionsRepository,
    private readonly users: UsersService,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  async login(username: string, password: string, info: RequestInfo): Promise<LoginResult> {
    return this.transactions.run(async (manager) => {
      const user = await this.users.findByUsername(manager, username);
      const ok = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH));
      if (!user || !ok || !user.active) {
        throw new InvalidCredentialsError();
      }
      const token = newToken('cls');
      const expiresAt = new Date(Date.now() + this.config.sessionTtlSeconds * 1000);
      const session = await this.sessions.insert(manager, {
        userId: user.id,
        kind: 'session',
        name: null,
        tokenHash: sha256(token),
        expiresAt,
      });
      const memberships = await this.users.memberships(manager, user.id);
      await this.audit.record(manager, this.actorOf(user, memberships, session, info), {
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
      });
      return { token, expiresAt, user, memberships };
    });
  }

  /**
   * Resolves a bearer token (session or API token) to the caller, or refuses. No query on the hot path: the
   * resolved session is cached (see `SessionsRepository.findCallerCached`), but revocation, expiry and the
   * active flag are checked on every request. Expiry is wall-clock time, not the test clock: moving the test
   * clock simulates business time (timers, due dates) and must not log the tester out.
   */
  async authenticate(token: string, info: RequestInfo): Promise<Actor> {
    const manager = this.transactions.manager;
    const caller = await this.sessions.findCallerCached(manager, tokenHash(token));
    const now = new Date();
    if (!caller) {
      throw new NotAuthenticatedError('The token is not valid; log in again.', '登录凭证无效，请重新登录。');
    }
    if (caller.revokedAt || (caller.expiresAt && caller.expiresAt <= now)) {
      throw new SessionExpiredError();
    }
    if (!caller.active) {
      throw new NotAuthenticatedError('The account is disabled.', '该账号已停用。');
    }
    if (!caller.lastUsedAt || now.getTime() - caller.lastUsedAt.getTime() > 60_000) {
      await this.sessions.touch(manager, caller.sessionId, now);
      // the cached caller remembers the touch, so this process touches a session once a minute at most
      caller.lastUsedAt = now;
    }
    return {
      userId: caller.userId,
      tenantId: caller.tenantId,
      username: caller.username,
      displayName: caller.displayName,
      roles: caller.roles,
      sessionId: caller.sessionId,
      ip: info.ip,
      requestId: info.requestId,
    };
  }

  async me(actor: Actor): Promise<{ user: UserEntity; memberships: MembershipView[] }> {
    const manager = this.transactions.manager;
    const user = await this.users.findById(manager, actor.tenantId, actor.userId);
    if (!user) {
      throw new NotAuthenticatedError();
    }
    return { user, memberships: await this.users.memberships(manager, user.id) };
  }

  async logout(actor: Actor): Promise<void> {
    await this.transactions.run(async (manager) => {
      await this.sessions.revoke(manager, actor.sessionId, new Date());
      await this.audit.record(manager, actor, {
        action: 'auth.logout',
        entityType: 'user',
        entityId: actor.userId,
      });
    });
  }

  /** Changes the password and ends the user's other sessions (API tokens stay). */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const user = await this.users.findById(manager, actor.tenantId, actor.userId);
      if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) {
        throw new WrongCurrentPasswordError();
      }
      await this.users.setPasswordHash(manager, user.id, await hashPassword(newPassword));
      await this.sessions.revokeUserSessions(manager, user.id, actor.sessionId, new Date());
      await this.audit.record(manager, actor, {
        action: 'auth.password-change',
        entityType: 'user',
        entityId: user.id,
      });
    });
  }

  async createApiToken(
    actor: Actor,
    name: string,
    expiresInDays: number | null,
  ): Promise<{ session: SessionEntity; token: string }> {
    return this.transactions.run(async (manager) => {
      const token = newToken('clt');
      const session = await this.sessions.insert(manager, {
        userId: actor.userId,
        kind: 'api-token',
        name,
        tokenHash: sha256(token),
        expiresAt: expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null,
      });
      await this.audit.record(manager, actor, {
        action: 'auth.api-token.create',
        entityType: 'api-token',
        entityId: session.id,
        details: { name },
      });
      return { session, token };
    });
  }

  listApiTokens(actor: Actor): Promise<SessionEntity[]> {
    return this.sessions.listApiTokens(this.transactions.manager, actor.userId);
  }

  async revokeApiToken(actor: Actor, id: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const token = await this.sessions.findApiToken(manager, actor.userId, id);
      if (!token || !(await this.sessions.revoke(manager, id, new Date()))) {
        throw new NotFoundError('API token', id);
      }
      await this.audit.record(manager, actor, {
        action: 'auth.api-token.revoke',
        entityType: 'api-token',
        entityId: id,
      });
    });
  }

  private actorOf(
    user: UserEntity,
    memberships: MembershipView[],
    session: SessionEntity,
    info: RequestInfo,
  ): Actor {
    return {
      userId: user.id,
      tenantId: user.tenantId,
      username: user.username,
      displayName: user.displayName,
      roles: memberships.map(({ role, orgUnitId, orgUnitPath }) => ({ role, orgUnitId, orgUnitPath })),
      sessionId: session.id,
      ip: info.ip,
      requestId: info.requestId,
    };
  }
}
