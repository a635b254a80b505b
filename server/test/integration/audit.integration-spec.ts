import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { demoOrgUnits, residentInput } from '../factories/resident.factory.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

describe('audit log', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
  });
  afterAll(async () => {
    await t.close();
  });

  it('should record who did what from where, and verify an intact chain', async () => {
    // given
    const units = await demoOrgUnits(t.dataSource);
    const created = await t
      .http()
      .post('/api/residents')
      .set('authorization', `Bearer ${admin}`)
      .set('x-request-id', 'req-audit-1')
      .send(residentInput(units.wingA));
    // when
    const events = await t.http().get('/api/audit-events?pageSize=5').set('authorization', `Bearer ${admin}`);
    const verify = await t.http().get('/api/audit-events/verify').set('authorization', `Bearer ${admin}`);
    // then
    expect(events.body.items[0]).toMatchObject({
      action: 'resident.create',
      entityType: 'resident',
      entityId: created.body.id,
      actorName: 'admin',
      requestId: 'req-audit-1',
    });
    expect(events.body.items[0].ip).toBeTruthy();
    expect(verify.body).toMatchObject({ valid: true, brokenAt: null });
    expect(verify.body.checked).toBeGreaterThan(5);
  });

  it('should refuse updates and deletes of audit rows in the database itself', async () => {
    await expect(t.dataSource.query(`UPDATE audit_event SET action = 'x'`)).rejects.toThrow('append-only');
    await expect(t.dataSource.query(`DELETE FROM audit_event`)).rejects.toThrow('append-only');
  });

  it('should detect a tampered row and name it when verifying', async () => {
    // given someone with database rights bypasses the trigger and edits a row
    const rows: { id: string }[] = await t.dataSource.query(
      `SELECT id FROM audit_event ORDER BY id LIMIT 1 OFFSET 2`,
    );
    const tamperedId = rows[0]!.id;
    await t.dataSource.transaction(async (manager) => {
      await manager.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only');
      await manager.query(`UPDATE audit_event SET details = '{"name":"forged"}' WHERE id = $1`, [tamperedId]);
      await manager.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only');
    });
    // when
    const verify = await t.http().get('/api/audit-events/verify').set('authorization', `Bearer ${admin}`);
    // then
    expect(verify.body).toEqual({
      valid: false,
      checked: 2,
      brokenAt: tamperedId,
      reason: 'content does not match its hash',
    });
  });

  it('should be readable by admins only', async () => {
    const nurse = await t.login('nurse.a');
    expect((await t.http().get('/api/audit-events').set('authorization', `Bearer ${nurse}`)).status).toBe(
      403,
    );
  });
});
