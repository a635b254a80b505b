import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../utils/test-app.js';

describe('auth', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('should return a token and the user with roles when the password is right', async () => {
    // when
    const response = await t
      .http()
      .post('/api/auth/login')
      .send({ username: 'admin', password: 'admin-test-pass' });
    // then
    expect(response.status).toBe(200);
    expect(response.body.token).toMatch(/^cls_/);
    expect(response.body.user).toMatchObject({ username: 'admin', roles: [{ role: 'admin' }] });
    const me = await t.http().get('/api/auth/me').set('authorization', `Bearer ${response.body.token}`);
    expect(me.status).toBe(200);
    expect(me.body.username).toBe('admin');
  });

  it('should answer 401 problem+json when the password is wrong or the user unknown', async () => {
    for (const body of [
      { username: 'admin', password: 'nope' },
      { username: 'nobody', password: 'nope' },
    ]) {
      const response = await t.http().post('/api/auth/login').send(body);
      expect(response.status).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).toMatchObject({ status: 401, title: 'Invalid credentials' });
    }
  });

  it('should refuse a token when its session has expired', async () => {
    // given
    const token = await t.login('nurse.a');
    await t.dataSource.query(
      `UPDATE auth_session SET expires_at = now() - interval '1 second'
        WHERE user_id = (SELECT id FROM app_user WHERE username = 'nurse.a') AND kind = 'session'`,
    );
    // when
    const response = await t.http().get('/api/auth/me').set('authorization', `Bearer ${token}`);
    // then
    expect(response.status).toBe(401);
    expect(response.body.detail).toContain('已过期');
  });

  it('should end the session when the user logs out', async () => {
    const token = await t.login('steward');
    expect((await t.http().post('/api/auth/logout').set('authorization', `Bearer ${token}`)).status).toBe(
      204,
    );
    expect((await t.http().get('/api/auth/me').set('authorization', `Bearer ${token}`)).status).toBe(401);
  });

  it('should refuse requests without a token and with a made-up one', async () => {
    expect((await t.http().get('/api/residents')).status).toBe(401);
    expect((await t.http().get('/api/residents').set('authorization', 'Bearer cls_madeup')).status).toBe(401);
  });

  it('should word the field messages of a malformed request in Chinese by default and in English when asked', async () => {
    // given a request whose new password is too short and which carries a field the API does not take
    const token = await t.login('doctor');
    const send = (language?: string) => {
      const request = t.http().post('/api/auth/password').set('authorization', `Bearer ${token}`);
      return (language ? request.set('accept-language', language) : request).send({
        currentPassword: 'doctor-pass',
        newPassword: 'short',
        colour: 'red',
      });
    };

    // when it is sent without a language (zh-CN, the default), then with English
    const zh = await send();
    const en = await send('en-US,en;q=0.9');

    // then both are refused at the fields, each in its language
    expect(zh.status).toBe(400);
    expect(zh.body.detail).toBe('请求中有字段不符合要求，请看各字段的提示。');
    expect(zh.body.errors).toEqual(
      expect.arrayContaining([
        { path: '/newPassword', message: '新密码（newPassword）至少 8 个字符' },
        { path: '/colour', message: '不认识的字段 colour：请去掉它' },
      ]),
    );
    expect(en.status).toBe(400);
    expect(en.body.detail).toBe('The request has invalid fields; see errors.');
    expect(en.body.errors).toEqual(
      expect.arrayContaining([
        { path: '/newPassword', message: 'newPassword must be at least 8 characters' },
        { path: '/colour', message: 'property colour should not exist' },
      ]),
    );
  });

  it('should change the password and refuse the old one when the current password is right', async () => {
    // given
    const token = await t.login('doctor');
    // when a wrong current password is sent
    const wrong = await t
      .http()
      .post('/api/auth/password')
      .set('authorization', `Bearer ${token}`)
      .send({ currentPassword: 'nope', newPassword: 'new-pass-2026' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([{ path: '/currentPassword', message: '当前密码不正确。' }]);
    // when the right one is sent
    const ok = await t
      .http()
      .post('/api/auth/password')
      .set('authorization', `Bearer ${token}`)
      .send({ currentPassword: 'demo-test-pass', newPassword: 'new-pass-2026' });
    // then
    expect(ok.status).toBe(204);
    expect(
      (await t.http().post('/api/auth/login').send({ username: 'doctor', password: 'demo-test-pass' }))
        .status,
    ).toBe(401);
    await expect(t.login('doctor', 'new-pass-2026')).resolves.toMatch(/^cls_/);
  });

  it('should let an integrator create, use and revoke an API token', async () => {
    // given
    const session = await t.login('integrator');
    const created = await t
      .http()
      .post('/api/auth/api-tokens')
      .set('authorization', `Bearer ${session}`)
      .send({ name: 'HIS sync', expiresInDays: 30 });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^clt_/);
    // when the token is used
    const me = await t.http().get('/api/auth/me').set('authorization', `Bearer ${created.body.token}`);
    expect(me.body.username).toBe('integrator');
    // then it can be revoked and stops working
    const list = await t.http().get('/api/auth/api-tokens').set('authorization', `Bearer ${session}`);
    expect(list.body).toEqual([expect.objectContaining({ id: created.body.id, name: 'HIS sync' })]);
    expect(
      (
        await t
          .http()
          .delete(`/api/auth/api-tokens/${created.body.id}`)
          .set('authorization', `Bearer ${session}`)
      ).status,
    ).toBe(204);
    expect(
      (await t.http().get('/api/auth/me').set('authorization', `Bearer ${created.body.token}`)).status,
    ).toBe(401);
  });

  it('should answer 403 when a role lacks the right', async () => {
    const nurse = await t.login('nurse.a');
    const users = await t.http().get('/api/users').set('authorization', `Bearer ${nurse}`);
    expect(users.status).toBe(403);
    expect(users.body.detail).toContain('系统管理员');
    const tokens = await t
      .http()
      .post('/api/auth/api-tokens')
      .set('authorization', `Bearer ${nurse}`)
      .send({ name: 'x' });
    expect(tokens.status).toBe(403);
  });

  it('should let an admin create a user with a role in an org unit when the input is valid', async () => {
    // given
    const admin = await t.login('admin');
    const units = await t.http().get('/api/org-units').set('authorization', `Bearer ${admin}`);
    const wing = units.body.find((u: { kind: string }) => u.kind === 'wing');
    // when
    const created = await t
      .http()
      .post('/api/users')
      .set('authorization', `Bearer ${admin}`)
      .send({
        username: 'nurse.new',
        displayName: '新护士',
        password: 'password-2026',
        memberships: [{ role: 'nurse', orgUnitId: wing.id }],
      });
    // then
    expect(created.status).toBe(201);
    expect(created.body.roles).toEqual([{ role: 'nurse', orgUnitId: wing.id, orgUnitName: wing.name }]);
    await expect(t.login('nurse.new', 'password-2026')).resolves.toMatch(/^cls_/);
    const bad = await t
      .http()
      .post('/api/users')
      .set('authorization', `Bearer ${admin}`)
      .send({
        username: 'x y',
        displayName: '',
        password: 'short',
        memberships: [{ role: 'pilot', orgUnitId: wing.id }],
      });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      '/displayName',
      '/password',
      '/username',
    ]);
    const role = await t
      .http()
      .post('/api/users')
      .set('authorization', `Bearer ${admin}`)
      .send({
        username: 'pilot.one',
        displayName: 'P',
        password: 'password-2026',
        memberships: [{ role: 'pilot', orgUnitId: wing.id }],
      });
    expect(role.status).toBe(400);
    expect(role.body.errors).toEqual([{ path: '/memberships/0/role', message: '没有角色“pilot”。' }]);
  });
});
