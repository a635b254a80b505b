import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import supertest from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory.js';
import { SESSIONS_TOPIC } from '../../src/common/auth/sessions-cache.constants.js';
import { SharedCaches } from '../../src/common/database/shared-cache.js';
import { loadConfig } from '../../src/config/app-config.js';
import { demoOrgUnits } from '../factories/resident.factory.js';
import { eventually, statementsOf } from '../utils/statements.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

/**
 * The auth guard's session cache (issues #3 and #4): a warm request reads no session, and every change that
 * ends or narrows a caller's access takes effect on the next request, in this server process and another.
 */

const sessionReads = (statements: string[]) =>
  statements.filter((sql) => /^SELECT .*\bFROM auth_session\b/.test(sql));

describe('session cache', () => {
  let t: TestApp;
  /** A second server on the same database, as in production with several replicas. */
  let other: NestFastifyApplication;
  let otherDataSource: DataSource;
  let admin: string;
  let institution: string;

  const as = (token: string, app: 'first' | 'other' = 'first') => {
    const http = () => (app === 'first' ? t.http() : supertest(other.getHttpServer()));
    return {
      get: (url: string) => http().get(url).set('authorization', `Bearer ${token}`),
      post: (url: string, body: object = {}) =>
        http().post(url).set('authorization', `Bearer ${token}`).send(body),
      delete: (url: string) => http().delete(url).set('authorization', `Bearer ${token}`),
    };
  };

  /** A change made the way a writer must make it: in its transaction, with the sessions topic announced. */
  const changeAccess = (sql: string, parameters: unknown[]) =>
    t.dataSource.transaction(async (manager) => {
      await manager.query(sql, parameters);
      await t.app.get(SharedCaches).changed(manager, SESSIONS_TOPIC);
    });

  let userCount = 0;
  /** A fresh admin user (unique name) logged in on the first server. */
  const newAdmin = async (): Promise<{ id: string; token: string }> => {
    userCount += 1;
    const username = `cache.admin.${userCount}`;
    const created = await as(admin).post('/api/users', {
      username,
      displayName: `Cache admin ${userCount}`,
      password: 'cache-test-pass',
      memberships: [{ role: 'admin', orgUnitId: institution }],
    });
    expect(created.status).toBe(201);
    return { id: (created.body as { id: string }).id, token: await t.login(username, 'cache-test-pass') };
  };

  beforeAll(async () => {
    t = await startTestApp({ CARELOOM_TEST_CLOCK: '1' });
    other = await createApp(
      loadConfig({ ...process.env, CARELOOM_TEST_CLOCK: '1' }),
      { url: process.env.TEST_DATABASE_URL ?? '', embedded: false },
      { logRequests: false, serveUi: false },
    );
    await other.init();
    await other.getHttpAdapter().getInstance().ready();
    otherDataSource = other.get(DataSource);
    admin = await t.login('admin');
    institution = (await demoOrgUnits(t.dataSource)).institution;
  });
  afterAll(async () => {
    await other?.close();
    await t.close();
  });

  it('should read no session when the same token calls again within the cache time', async () => {
    // given a token that has been used once (its session read and touched)
    const { token } = await newAdmin();
    const cold = await statementsOf(t.dataSource, async () => {
      expect((await as(token).get('/api/roles')).status).toBe(200);
    });
    expect(sessionReads(cold)).toHaveLength(1);
    expect(cold.filter((sql) => /^UPDATE "auth_session" SET "last_used_at"/.test(sql))).toHaveLength(1);

    // when it calls again
    const warm = await statementsOf(t.dataSource, async () => {
      expect((await as(token).get('/api/roles')).status).toBe(200);
    });

    // then no statement touches the session, the user or the memberships
    expect(warm.filter((sql) => /auth_session|app_user|membership/.test(sql))).toEqual([]);
    const touched = await t.dataSource.query(
      `SELECT last_used_at FROM auth_session WHERE token_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex')`,
      [token],
    );
    expect(touched[0].last_used_at).not.toBeNull();
  });

  it('should refuse a token on the next request when it was logged out', async () => {
    // given a warm session on both servers
    const { token } = await newAdmin();
    expect((await as(token).get('/api/users')).status).toBe(200);
    expect((await as(token, 'other').get('/api/users')).status).toBe(200);

    // when it logs out
    expect((await as(token).post('/api/auth/logout')).status).toBe(204);

    // then this server refuses it at once, and the other as soon as the notification arrives
    const next = await as(token).get('/api/users');
    expect(next.status).toBe(401);
    expect(next.body.detail).toContain('已退出');
    await eventually(async () => {
      expect((await as(token, 'other').get('/api/users')).status).toBe(401);
    });
  });

  it('should refuse an API token at once when it is revoked', async () => {
    // given an integrator's API token in use
    const { token } = await newAdmin();
    const created = await as(token).post('/api/auth/api-tokens', { name: 'cache-test', expiresInDays: 30 });
    expect(created.status).toBe(201);
    const apiToken = (created.body as { token: string; id: string }).token;
    expect((await as(apiToken).get('/api/users')).status).toBe(200);
    expect((await as(apiToken).get('/api/users')).status).toBe(200);

    // when it is revoked
    const revoked = await as(token).delete(`/api/auth/api-tokens/${(created.body as { id: string }).id}`);
    expect(revoked.status).toBe(204);

    // then the next call with it is refused
    expect((await as(apiToken).get('/api/users')).status).toBe(401);
  });

  it('should refuse the other sessions of a user at once when the password changes', async () => {
    // given two warm sessions of one user
    const { token } = await newAdmin();
    const second = await t.login(`cache.admin.${userCount}`, 'cache-test-pass');
    expect((await as(second).get('/api/users')).status).toBe(200);

    // when the password is changed in the first
    const changed = await as(token).post('/api/auth/password', {
      currentPassword: 'cache-test-pass',
      newPassword: 'cache-test-pass-2',
    });
    expect(changed.status).toBe(204);

    // then the second is refused and the first still works
    expect((await as(second).get('/api/users')).status).toBe(401);
    expect((await as(token).get('/api/users')).status).toBe(200);
  });

  it('should refuse a disabled user and narrow a removed membership on the next request', async () => {
    // given two warm admins
    const disabled = await newAdmin();
    const demoted = await newAdmin();
    expect((await as(disabled.token).get('/api/users')).status).toBe(200);
    expect((await as(demoted.token).get('/api/users')).status).toBe(200);
    await as(demoted.token, 'other').get('/api/users');

    // when one is disabled and the other loses the admin membership
    await changeAccess('UPDATE app_user SET active = false WHERE id = $1', [disabled.id]);
    await changeAccess('DELETE FROM membership WHERE user_id = $1', [demoted.id]);

    // then the first is refused and the second no longer passes the admin check, on both servers
    const refused = await as(disabled.token).get('/api/users');
    expect(refused.status).toBe(401);
    expect(refused.body.detail).toBe('该账号已停用。');
    expect((await as(demoted.token).get('/api/users')).status).toBe(403);
    expect((await as(demoted.token).get('/api/roles')).status).toBe(200);
    await eventually(async () => {
      expect((await as(demoted.token, 'other').get('/api/users')).status).toBe(403);
    });
  });

  it('should take a change made through another server into account', async () => {
    // given a token warm on the first server, the other server having read it too
    const { token } = await newAdmin();
    expect((await as(token).get('/api/users')).status).toBe(200);
    expect((await as(token).get('/api/users')).status).toBe(200);
    expect((await as(token, 'other').get('/api/users')).status).toBe(200);

    // when it is logged out through the other server
    expect((await as(token, 'other').post('/api/auth/logout')).status).toBe(204);

    // then the first refuses it as soon as the notification arrives
    await eventually(async () => {
      expect((await as(token).get('/api/users')).status).toBe(401);
    });
    // and the other server's own cache was emptied in the logout itself
    const statements = await statementsOf(otherDataSource, async () => {
      expect((await as(token, 'other').get('/api/users')).status).toBe(401);
    });
    expect(sessionReads(statements)).toHaveLength(1);
  });

  it('should refuse a cached session once its expiry passes, without reading it again', async () => {
    // given a session ending in a moment, read once (so its expiry is cached)
    const { token } = await newAdmin();
    await t.dataSource.query(
      `UPDATE auth_session SET expires_at = now() + interval '1500 milliseconds'
        WHERE token_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex')`,
      [token],
    );
    expect((await as(token).get('/api/users')).status).toBe(200);
    const expiresAt = (
      await t.dataSource.query(
        `SELECT expires_at FROM auth_session WHERE token_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex')`,
        [token],
      )
    )[0].expires_at as Date;

    // when it is used after that moment
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAt.getTime() - Date.now() + 50)));
    const statements = await statementsOf(t.dataSource, async () => {
      const response = await as(token).get('/api/users');
      // then it is refused from the cached expiry
      expect(response.status).toBe(401);
      expect(response.body.detail).toContain('已过期');
    });
    expect(sessionReads(statements)).toEqual([]);
  });

  it('should keep a session valid when only the test clock moves past its expiry', async () => {
    // given a warm session (12 hours long)
    const { token } = await newAdmin();
    expect((await as(token).get('/api/users')).status).toBe(200);

    // when the test clock (business time: timers, due dates) moves two days on
    expect((await as(admin).post('/api/test/clock', { advance: 'P2D' })).status).toBe(200);

    // then the session still works: expiry is wall-clock time, so moving the clock does not log testers out
    expect((await as(token).get('/api/users')).status).toBe(200);
  });
});
