import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { isFieldIndexName } from '../../src/modules/forms/field-indexes.util.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../utils/test-app.js';

describe('platform', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ CARELOOM_BODY_LIMIT: '4096' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('should report the database in the health check', async () => {
    const response = await t.http().get('/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok', database: { status: 'up', embedded: false } });
    expect(response.body.database.version).toMatch(/^\d+/);
    // and whether PostgreSQL refreshes statistics on its own (a start without it logs a warning)
    const [setting] = await t.dataSource.query<{ autovacuum: string }[]>('SHOW autovacuum');
    expect(response.body.database.autovacuum).toBe(setting?.autovacuum === 'on');
    expect(response.headers['x-request-id']).toBeTruthy();
  });

  it('should serve the OpenAPI document with the contract routes', async () => {
    const response = await t.http().get('/api/docs-json');
    expect(response.status).toBe(200);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/auth/login',
        '/api/residents',
        '/api/residents/{id}/status',
      ]),
    );
  });

  it('should answer problem+json for unknown routes, malformed JSON and oversized bodies', async () => {
    const missing = await t.http().get('/api/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    const malformed = await t
      .http()
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .send('{"username":');
    expect(malformed.status).toBe(400);
    expect(malformed.body.title).toBe('Bad Request');
    const big = await t
      .http()
      .post('/api/auth/login')
      .send({ username: 'a'.repeat(10_000), password: 'x' });
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ status: 413, detail: expect.stringMatching(/too large/i) });
    const poisoned = await t
      .http()
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .send('{"username":"a","password":"b","__proto__":{"admin":true}}');
    expect(poisoned.status).toBe(400);
  });

  it('should take an empty body sent as JSON as no body', async () => {
    const token = (
      await t.http().post('/api/auth/login').send({ username: 'admin', password: ADMIN_PASSWORD })
    ).body.token as string;
    const response = await t
      .http()
      .post('/api/auth/logout')
      .set('authorization', `Bearer ${token}`)
      .set('content-type', 'application/json');
    expect(response.status).toBeLessThan(300);
  });

  it('should have migrations that match the entities exactly', async () => {
    // given the database built only by migrations
    const pending = await t.dataSource.driver.createSchemaBuilder().log();
    // then TypeORM finds nothing to change, besides the indexes publishing a form made on its sortable fields
    // (the forms module keeps them, not migrations; other suites published forms in this database)
    const fieldIndex = /^DROP INDEX "public"\."([^"]+)"$/;
    const queries = pending.upQueries
      .map((q) => q.query)
      .filter((query) => !isFieldIndexName(fieldIndex.exec(query)?.[1] ?? ''));
    expect(queries).toEqual([]);
  });

  it('should not set up the demo home twice', async () => {
    const { SetupService } = await import('../../src/modules/setup/setup.service.js');
    await expect(t.app.get(SetupService).ensureSetUp()).resolves.toBeNull();
    const tenants: { n: number }[] = await t.dataSource.query('SELECT count(*)::int AS n FROM tenant');
    expect(tenants[0]!.n).toBe(1);
  });
});
