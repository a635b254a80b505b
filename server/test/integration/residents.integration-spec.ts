import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { demoOrgUnits, residentInput, type OrgUnitIds } from '../factories/resident.factory.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

describe('residents', () => {
  let t: TestApp;
  let units: OrgUnitIds;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    units = await demoOrgUnits(t.dataSource);
    admin = await t.login('admin');
  });
  afterAll(async () => {
    await t.close();
  });

  const as = (token: string) => ({
    get: (url: string) => t.http().get(url).set('authorization', `Bearer ${token}`),
    post: (url: string, body: object) =>
      t.http().post(url).set('authorization', `Bearer ${token}`).send(body),
    patch: (url: string, body: object) =>
      t.http().patch(url).set('authorization', `Bearer ${token}`).send(body),
  });

  it('should create a resident in inquiry status and find it by name, room and paging', async () => {
    // given
    const created = await as(admin).post(
      '/api/residents',
      residentInput(units.wingA, { name: '孙爱华', room: '909' }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: '孙爱华',
      status: 'inquiry',
      orgUnitName: 'A区（一层）',
      version: 1,
    });
    // when / then
    const byName = await as(admin).get('/api/residents?q=爱华');
    expect(byName.body.items.map((r: { name: string }) => r.name)).toEqual(['孙爱华']);
    const byRoom = await as(admin).get('/api/residents?q=909');
    expect(byRoom.body.total).toBe(1);
    const page = await as(admin).get('/api/residents?page=2&pageSize=2');
    expect(page.body).toMatchObject({ page: 2, pageSize: 2 });
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBeGreaterThanOrEqual(6);
    const percent = await as(admin).get('/api/residents?q=%25');
    expect(percent.body.total).toBe(0);
  });

  it('should answer 400 with a pointer per bad field and store nothing when the input is invalid', async () => {
    const before = await as(admin).get('/api/residents?pageSize=1');
    const response = await as(admin).post('/api/residents', {
      name: ' ',
      gender: 'x',
      birthDate: '1940-02-30',
      orgUnitId: 'wing-a',
      phone: '123',
      hobby: 'chess',
    });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const paths = response.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['/name', '/gender', '/birthDate', '/orgUnitId', '/phone', '/hobby']),
    );
    const after = await as(admin).get('/api/residents?pageSize=1');
    expect(after.body.total).toBe(before.body.total);
  });

  it('should move through allowed statuses and answer 409 with the allowed ones when a transition is illegal', async () => {
    // given
    const { body: resident } = await as(admin).post('/api/residents', residentInput(units.wingA));
    // when
    const trial = await as(admin).post(`/api/residents/${resident.id}/status`, { status: 'trial' });
    const admitted = await as(admin).post(`/api/residents/${resident.id}/status`, {
      status: 'admitted',
      reason: '试住满意',
    });
    const back = await as(admin).post(`/api/residents/${resident.id}/status`, { status: 'inquiry' });
    // then
    expect(trial.body.status).toBe('trial');
    expect(admitted.body.status).toBe('admitted');
    expect(admitted.body.admittedAt).not.toBeNull();
    expect(back.status).toBe(409);
    expect(back.body.detail).toBe(
      '状态为在住（admitted）的长者不能改为咨询（inquiry）；可改为：已离院（discharged）、已故（deceased）。',
    );
    const inEnglish = await as(admin)
      .post(`/api/residents/${resident.id}/status`, { status: 'inquiry' })
      .set('accept-language', 'en');
    expect(inEnglish.body.detail).toBe(
      'A resident in status "admitted" cannot move to "inquiry"; allowed next: discharged, deceased.',
    );
    const deceased = await as(admin).post(`/api/residents/${resident.id}/status`, { status: 'deceased' });
    expect(deceased.body.status).toBe('deceased');
    const final = await as(admin).post(`/api/residents/${resident.id}/status`, { status: 'discharged' });
    expect(final.status).toBe(409);
    expect(final.body.detail).toContain('已故（deceased）是最终状态');
  });

  it('should keep a nurse to her wing: a wing-B resident is 404 for a wing-A nurse', async () => {
    // given
    const { body: inB } = await as(admin).post(
      '/api/residents',
      residentInput(units.wingB, { name: '钱B区' }),
    );
    const { body: inA } = await as(admin).post(
      '/api/residents',
      residentInput(units.wingA, { name: '钱A区' }),
    );
    const nurseA = await t.login('nurse.a');
    // when
    const other = await as(nurseA).get(`/api/residents/${inB.id}`);
    const own = await as(nurseA).get(`/api/residents/${inA.id}`);
    const list = await as(nurseA).get('/api/residents?pageSize=200');
    // then
    expect(other.status).toBe(404);
    expect(other.body).not.toHaveProperty('name');
    expect(own.status).toBe(200);
    expect(list.body.items.every((r: { orgUnitName: string }) => r.orgUnitName === 'A区（一层）')).toBe(true);
    expect((await as(nurseA).patch(`/api/residents/${inB.id}`, { room: '1' })).status).toBe(404);
    expect((await as(nurseA).post('/api/residents', residentInput(units.wingB))).status).toBe(403);
    const headNurse = await t.login('headnurse');
    expect((await as(headNurse).get(`/api/residents/${inB.id}`)).status).toBe(200);
  });

  it('should show a family member only the residents linked to them', async () => {
    // given
    const family = await t.login('family.liu');
    const { body: unlinked } = await as(admin).post('/api/residents', residentInput(units.wingA));
    // when
    const list = await as(family).get('/api/residents');
    // then
    expect(list.body.items.map((r: { name: string }) => r.name)).toEqual(['刘桂兰']);
    expect((await as(family).get(`/api/residents/${unlinked.id}`)).status).toBe(404);
    expect((await as(family).post('/api/residents', residentInput(units.wingA))).status).toBe(403);
    // and a new link makes the resident visible
    const familyUser: { id: string }[] = await t.dataSource.query(
      `SELECT id FROM app_user WHERE username = 'family.liu'`,
    );
    const link = await as(admin).post(`/api/residents/${unlinked.id}/family-links`, {
      userId: familyUser[0]!.id,
      relationship: '儿媳',
    });
    expect(link.status).toBe(201);
    expect(link.body).toEqual([expect.objectContaining({ username: 'family.liu', relationship: '儿媳' })]);
    expect((await as(family).get(`/api/residents/${unlinked.id}`)).status).toBe(200);
    const notFamily: { id: string }[] = await t.dataSource.query(
      `SELECT id FROM app_user WHERE username = 'nurse.b'`,
    );
    const wrong = await as(admin).post(`/api/residents/${unlinked.id}/family-links`, {
      userId: notFamily[0]!.id,
      relationship: '子',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].path).toBe('/userId');
  });

  it('should mask ID and phone numbers unless revealed by an allowed role, and audit the reveal', async () => {
    // given
    const { body: resident } = await as(admin).post(
      '/api/residents',
      residentInput(units.wingA, { idNumber: '11010519491231002X', phone: '13812345678' }),
    );
    // then
    expect(resident.idNumber).toBe('110105********002X');
    expect(resident.phone).toBe('138****5678');
    const nurse = await t.login('nurse.a');
    expect((await as(nurse).get(`/api/residents/${resident.id}?reveal=true`)).status).toBe(403);
    const revealed = await as(admin).get(`/api/residents/${resident.id}?reveal=true`);
    expect(revealed.body.idNumber).toBe('11010519491231002X');
    const audit = await as(admin).get(`/api/audit-events?entityType=resident&entityId=${resident.id}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('resident.read-sensitive');
  });

  it('should refuse an update when the version is stale', async () => {
    const { body: resident } = await as(admin).post('/api/residents', residentInput(units.wingA));
    const first = await as(admin).patch(`/api/residents/${resident.id}`, {
      careLevel: '一级护理',
      version: 1,
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ careLevel: '一级护理', version: 2 });
    const stale = await as(admin).patch(`/api/residents/${resident.id}`, {
      careLevel: '特级护理',
      version: 1,
    });
    expect(stale.status).toBe(409);
  });
});
