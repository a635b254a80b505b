import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { barthelAnswers, formFixture } from '../factories/form.factory.js';
import { demoOrgUnits, residentInput, type OrgUnitIds } from '../factories/resident.factory.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

const FAMILY_PASSWORD = 'family-pass-1';

/** A small vital-signs form, as a home would share it with families. */
const vitalsSchema = {
  type: 'object',
  properties: {
    systolic: { type: 'integer', 'x-labels': { 'zh-CN': '收缩压', en: 'Systolic' } },
    heartRate: { type: 'integer', 'x-labels': { 'zh-CN': '心率', en: 'Heart rate' } },
    mood: {
      type: 'string',
      'x-labels': { 'zh-CN': '精神状态', en: 'Mood' },
      oneOf: [
        { const: 'good', 'x-labels': { 'zh-CN': '良好', en: 'Good' } },
        { const: 'low', 'x-labels': { 'zh-CN': '低落', en: 'Low' } },
      ],
    },
    diagnosis: {
      type: 'string',
      maxLength: 200,
      'x-labels': { 'zh-CN': '诊断', en: 'Diagnosis' },
      'x-sensitive': true,
    },
  },
};

describe('portal', () => {
  let t: TestApp;
  let units: OrgUnitIds;
  let admin: string;
  let steward: string;
  let nurseA: string;
  let familyA: string;
  let familyB: string;
  let residentA: string;
  let residentB: string;
  let sharedRecord: string;
  let privateRecord: string;
  let otherResidentsRecord: string;

  const as = (token: string, locale = 'zh-CN') => ({
    get: (url: string) =>
      t.http().get(url).set('authorization', `Bearer ${token}`).set('accept-language', locale),
    post: (url: string, body: object = {}) =>
      t.http().post(url).set('authorization', `Bearer ${token}`).set('accept-language', locale).send(body),
    patch: (url: string, body: object) =>
      t.http().patch(url).set('authorization', `Bearer ${token}`).set('accept-language', locale).send(body),
    put: (url: string, body: object) =>
      t.http().put(url).set('authorization', `Bearer ${token}`).set('accept-language', locale).send(body),
  });

  async function familyMember(username: string, residentId: string): Promise<string> {
    const user = await as(admin).post('/api/users', {
      username,
      displayName: `${username} 家属`,
      password: FAMILY_PASSWORD,
      memberships: [{ role: 'family', orgUnitId: units.branch }],
    });
    expect(user.status).toBe(201);
    const link = await as(admin).post(`/api/residents/${residentId}/family-links`, {
      userId: user.body.id,
      relationship: '女儿',
    });
    expect(link.status).toBe(201);
    return t.login(username, FAMILY_PASSWORD);
  }

  async function publishForm(key: string, schema: object, familyVisible: boolean): Promise<string> {
    const created = await as(admin).post('/api/forms', {
      key,
      name: { 'zh-CN': key === 'vitals' ? '生命体征' : key, en: key === 'vitals' ? 'Vital signs' : key },
      schema,
      familyVisible,
    });
    expect(created.status).toBe(201);
    expect(created.body.familyVisible).toBe(familyVisible);
    expect((await as(admin).post(`/api/forms/${created.body.id}/publish`)).status).toBe(201);
    return created.body.id as string;
  }

  beforeAll(async () => {
    t = await startTestApp();
    units = await demoOrgUnits(t.dataSource);
    admin = await t.login('admin');
    steward = await t.login('steward');
    nurseA = await t.login('nurse.a');
    residentA = (await as(admin).post('/api/residents', residentInput(units.wingA, { name: '门户长者甲' })))
      .body.id;
    residentB = (await as(admin).post('/api/residents', residentInput(units.wingB, { name: '门户长者乙' })))
      .body.id;
    familyA = await familyMember('portal.family.a', residentA);
    familyB = await familyMember('portal.family.b', residentB);
    await publishForm('vitals', vitalsSchema, true);
    await publishForm('barthel-adl', formFixture('barthel-adl'), false);
    const record = (formKey: string, residentId: string, data: object) =>
      as(admin).post('/api/records', { formKey, residentId, data });
    sharedRecord = (
      await record('vitals', residentA, { systolic: 128, heartRate: 72, mood: 'good', diagnosis: '高血压' })
    ).body.id;
    privateRecord = (await record('barthel-adl', residentA, barthelAnswers())).body.id;
    otherResidentsRecord = (await record('vitals', residentB, { systolic: 140, heartRate: 80 })).body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('should show a family member only the shared records of their linked resident', async () => {
    // when the family member of resident A reads records
    const shared = await as(familyA).get(`/api/records/${sharedRecord}`);
    const notShared = await as(familyA).get(`/api/records/${privateRecord}`);
    const otherResident = await as(familyA).get(`/api/records/${otherResidentsRecord}`);
    const list = await as(familyA).get(`/api/records?residentId=${residentA}`);
    const revisions = await as(familyA).get(`/api/records/${privateRecord}/revisions`);

    // then the shared one is there with its sensitive field masked; the others do not exist for them
    expect(shared.status).toBe(200);
    expect(shared.body.data).toMatchObject({ systolic: 128, mood: 'good' });
    expect(shared.body.data.diagnosis).not.toBe('高血压');
    expect(notShared.status).toBe(404);
    expect(otherResident.status).toBe(404);
    expect(revisions.status).toBe(404);
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([sharedRecord]);
    // and staff still see everything in their scope
    expect((await as(nurseA).get(`/api/records/${privateRecord}`)).status).toBe(200);
  });

  it('should export to a family member only the shared form, and answer 404 for any other', async () => {
    // when the family member of resident A exports the shared form and the staff-only one
    const shared = await as(familyA).get(
      `/api/records/export?formKey=vitals&format=csv&residentId=${residentA}`,
    );
    const notShared = await as(familyA).get(
      `/api/records/export?formKey=barthel-adl&format=csv&residentId=${residentA}`,
    );

    // then the shared one holds their relative's record only; the other form does not exist for them
    expect(shared.status).toBe(200);
    expect(shared.text).toContain('128');
    expect(shared.text).not.toContain('140');
    expect(notShared.status).toBe(404);
    expect(notShared.body.detail).toContain('barthel-adl');
    // and staff still export it
    expect((await as(admin).get('/api/records/export?formKey=barthel-adl&format=csv')).status).toBe(200);
  });

  it('should refuse records written by a family member and point them to work orders', async () => {
    const before = (await as(admin).get(`/api/records?residentId=${residentA}`)).body.total;
    const response = await as(familyA).post('/api/records', {
      formKey: 'vitals',
      residentId: residentA,
      data: { systolic: 100 },
    });
    expect(response.status).toBe(403);
    expect(response.body.detail).toContain('工单');
    const patch = await as(familyA).patch(`/api/records/${sharedRecord}`, {
      data: { systolic: 90 },
      revision: 1,
    });
    expect(patch.status).toBe(403);
    expect((await as(admin).get(`/api/records?residentId=${residentA}`)).body.total).toBe(before);
  });

  it('should give a family member the resident summary without ID or phone number', async () => {
    // given a resident with an ID and a phone number on file
    await as(admin).patch(`/api/residents/${residentA}`, {
      idNumber: '11010519491231002X',
      phone: '13812345678',
    });
    // when
    const mine = await as(familyA).get(`/api/residents/${residentA}`);
    const staff = await as(steward).get(`/api/residents/${residentA}`);
    // then
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({
      name: '门户长者甲',
      idNumber: null,
      phone: null,
      careLevel: '二级护理',
    });
    expect(staff.body.idNumber).toBe('110105********002X');
    expect((await as(familyA).get(`/api/residents/${residentB}`)).status).toBe(404);
    expect((await as(familyA).get(`/api/residents/${residentA}?reveal=true`)).status).toBe(403);
  });

  it('should build the portal home with readable updates in the reader’s language', async () => {
    // when
    const zh = await as(familyA).get('/api/portal/home');
    const en = await as(familyA, 'en').get('/api/portal/home');
    // then
    expect(zh.status).toBe(200);
    expect(zh.body.residents).toHaveLength(1);
    const resident = zh.body.residents[0];
    expect(resident).toMatchObject({
      id: residentA,
      name: '门户长者甲',
      relationship: '女儿',
      careLevel: '二级护理',
    });
    expect(resident.idNumber).toBeUndefined();
    expect(resident.updates).toHaveLength(1);
    expect(resident.updates[0]).toMatchObject({
      recordId: sharedRecord,
      formName: '生命体征',
      summary: '收缩压：128；心率：72；精神状态：良好',
    });
    expect(en.body.residents[0].updates[0]).toMatchObject({
      formName: 'Vital signs',
      summary: 'Systolic: 128; Heart rate: 72; Mood: Good',
    });
    // and staff have no portal home
    expect((await as(steward).get('/api/portal/home')).status).toBe(403);
  });

  it('should page a resident’s updates and answer 404 for a resident not linked to me', async () => {
    // given three more shared updates
    for (const systolic of [110, 120, 130]) {
      await as(admin).post('/api/records', { formKey: 'vitals', residentId: residentA, data: { systolic } });
    }
    // when
    const first = await as(familyA).get(`/api/portal/residents/${residentA}/updates?limit=2`);
    const second = await as(familyA).get(
      `/api/portal/residents/${residentA}/updates?limit=2&before=${encodeURIComponent(first.body.nextBefore)}`,
    );
    // then
    expect(first.body.items.map((u: { summary: string }) => u.summary)).toEqual([
      '收缩压：130',
      '收缩压：120',
    ]);
    expect(second.body.items.map((u: { summary: string }) => u.summary)).toEqual([
      '收缩压：110',
      '收缩压：128；心率：72；精神状态：良好',
    ]);
    expect((await as(familyA).get(`/api/portal/residents/${residentB}/updates`)).status).toBe(404);
    const bad = await as(familyA).get(
      `/api/portal/residents/${residentA}/updates?limit=500&before=yesterday`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/before', '/limit']);
  });

  it('should deliver a personal bill only to that resident’s family, and an org-unit notice to its families', async () => {
    // given a bill for resident A, a notice for wing B, a whole-home notice and a draft
    const bill = await as(steward).post('/api/portal/notices', {
      category: 'bill',
      title: '一月费用账单',
      body: '床位费、护理费、餐费',
      residentId: residentA,
      amountFen: 328050,
    });
    expect(bill.status).toBe(201);
    expect(bill.body).toMatchObject({ publishedAt: null, currency: 'CNY', residentName: '门户长者甲' });
    const wingB = await as(steward).post('/api/portal/notices', {
      category: 'activity',
      title: 'B区重阳节活动',
      body: '下午三点，二层活动室',
      orgUnitId: units.wingB,
    });
    const home = await as(admin).post('/api/portal/notices', {
      category: 'notice',
      title: '全院通知',
      body: '冬季探视时间调整',
    });
    const draft = await as(steward).post('/api/portal/notices', {
      category: 'notice',
      title: '草稿通知',
      body: '尚未发布',
      orgUnitId: units.branch,
    });
    expect((await as(familyA).get('/api/portal/notices')).body.items).toEqual([]);
    // when three are published
    for (const id of [bill.body.id, wingB.body.id, home.body.id]) {
      const published = await as(id === home.body.id ? admin : steward).post(
        `/api/portal/notices/${id}/publish`,
      );
      expect(published.status).toBe(200);
    }
    // then each family sees what is theirs
    const titles = async (token: string) =>
      ((await as(token).get('/api/portal/notices')).body.items as { title: string }[])
        .map((n) => n.title)
        .sort();
    expect(await titles(familyA)).toEqual(['一月费用账单', '全院通知'].sort());
    expect(await titles(familyB)).toEqual(['B区重阳节活动', '全院通知'].sort());
    // and each family was told, in the bell, of exactly what was published for them
    const told = async (token: string) =>
      ((await as(token).get('/api/notifications')).body as { title: string; payload: { href: string } }[])
        .filter((n) => n.payload.href === '/portal/notices')
        .map((n) => n.title)
        .sort();
    expect(await told(familyA)).toEqual(
      ['新账单 · New bill: 一月费用账单', '新通知 · New notice: 全院通知'].sort(),
    );
    expect(await told(familyB)).toEqual(
      ['新通知 · New notice: B区重阳节活动', '新通知 · New notice: 全院通知'].sort(),
    );
    expect(await told(nurseA)).toEqual([]);
    const homeA = (await as(familyA).get('/api/portal/home')).body;
    expect(homeA.notices.find((n: { category: string }) => n.category === 'bill')).toMatchObject({
      amountFen: 328050,
    });
    // and staff see the draft too; publishing twice or editing a published notice is a conflict
    expect(await titles(steward)).toContain('草稿通知');
    expect((await as(steward).post(`/api/portal/notices/${bill.body.id}/publish`)).status).toBe(409);
    expect((await as(steward).patch(`/api/portal/notices/${bill.body.id}`, { title: '改' })).status).toBe(
      409,
    );
    const edited = await as(steward).patch(`/api/portal/notices/${draft.body.id}`, { title: '草稿（已改）' });
    expect(edited.body.title).toBe('草稿（已改）');
    // and publishing is in the audit chain
    const audit: { n: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'portal-notice.published'`,
    );
    expect(audit[0]!.n).toBe(3);
  });

  it('should answer bad notices with pointers and let only notice managers write them', async () => {
    const invalid = await as(steward).post('/api/portal/notices', {
      category: 'invoice',
      title: ' ',
      body: '',
      residentId: 'x',
      amountFen: 12.5,
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(
      ['/amountFen', '/body', '/category', '/residentId', '/title'].sort(),
    );
    // each refusal names its field in the caller's language (zh-CN by default)
    expect(invalid.body.errors).toEqual(
      expect.arrayContaining([
        { path: '/category', message: 'category 须为 notice（通知）、bill（账单）或 activity（活动）' },
      ]),
    );
    const cases: [object, string][] = [
      [{ category: 'bill', title: '账单', body: '无金额', residentId: residentA }, '/amountFen'],
      [
        { category: 'notice', title: '通知', body: '带金额', orgUnitId: units.wingA, amountFen: 100 },
        '/amountFen',
      ],
      [
        {
          category: 'notice',
          title: '通知',
          body: '两个目标',
          orgUnitId: units.wingA,
          residentId: residentA,
        },
        '/orgUnitId',
      ],
      [{ category: 'notice', title: '通知', body: '全院', orgUnitId: null }, '/orgUnitId'],
      [
        {
          category: 'notice',
          title: '通知',
          body: '不存在',
          residentId: '00000000-0000-4000-8000-000000000000',
        },
        '/residentId',
      ],
    ];
    for (const [body, path] of cases) {
      const response = await as(steward).post('/api/portal/notices', body);
      expect({ status: response.status, path: response.body.errors?.[0]?.path }).toEqual({
        status: 400,
        path,
      });
    }
    const billWithoutAmount = await as(steward).post('/api/portal/notices', cases[0]![0]);
    expect(billWithoutAmount.body).toMatchObject({
      detail: '账单需要填写金额：amountFen，以分计（1/100 元）。',
      errors: [{ path: '/amountFen', message: '账单需要填写金额：amountFen，以分计（1/100 元）。' }],
    });
    // and in English, unchanged, to an English caller
    const billWithoutAmountEn = await as(steward, 'en').post('/api/portal/notices', cases[0]![0]);
    expect(billWithoutAmountEn.body).toMatchObject({
      detail: 'A bill needs its amount: amountFen in fen (1/100 yuan).',
      errors: [{ path: '/amountFen', message: 'A bill needs its amount: amountFen in fen (1/100 yuan).' }],
    });
    expect(
      (
        await as(nurseA).post('/api/portal/notices', {
          category: 'notice',
          title: 'x',
          body: 'y',
          orgUnitId: units.wingA,
        })
      ).status,
    ).toBe(403);
    expect(
      (await as(familyA).post('/api/portal/notices', { category: 'notice', title: 'x', body: 'y' })).status,
    ).toBe(403);
    expect((await as(nurseA).get('/api/portal/notices')).status).toBe(403);
  });

  it('should switch sharing of a form with family on and off through the forms API', async () => {
    // given the Barthel form, not shared
    const forms = (await as(admin).get('/api/forms')).body as {
      id: string;
      key: string;
      familyVisible: boolean;
    }[];
    const barthel = forms.find((f) => f.key === 'barthel-adl')!;
    expect(barthel.familyVisible).toBe(false);
    const detail = (await as(admin).get(`/api/forms/${barthel.id}`)).body;
    // when it is shared
    const shared = await as(admin).put(`/api/forms/${barthel.id}/draft`, {
      familyVisible: true,
      version: detail.version,
    });
    // then the family sees its record, and the draft is not marked changed by the setting
    expect(shared.status).toBe(200);
    expect(shared.body).toMatchObject({ familyVisible: true, draftChanged: false });
    expect((await as(familyA).get(`/api/records/${privateRecord}`)).status).toBe(200);
    const bad = await as(admin).put(`/api/forms/${barthel.id}/draft`, {
      familyVisible: 'yes',
      version: shared.body.version,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('/familyVisible');
    await as(admin).put(`/api/forms/${barthel.id}/draft`, {
      familyVisible: false,
      version: shared.body.version,
    });
    expect((await as(familyA).get(`/api/records/${privateRecord}`)).status).toBe(404);
  });

  it('should carry familyVisible through bundle import and export', async () => {
    // given a bundle with one form shared with family
    const files = {
      'manifest.json': JSON.stringify({
        schemaVersion: 1,
        key: 'portal-test',
        version: '1.0.0',
        title: { 'zh-CN': '门户测试', en: 'Portal test' },
        description: { 'zh-CN': '家属端可见的餐食表单', en: 'A meals form shared with family' },
        roles: [],
        contents: { forms: ['forms/daily-meals.json'] },
      }),
      'forms/daily-meals.json': JSON.stringify({
        key: 'daily-meals',
        name: { 'zh-CN': '每日餐食', en: 'Daily meals' },
        familyVisible: true,
        schema: { type: 'object', properties: { lunch: { type: 'string', maxLength: 100, title: '午餐' } } },
      }),
    };
    // when it is imported and exported again
    const imported = await as(admin).post('/api/bundles/import', { files });
    const exported = await as(admin).post('/api/bundles/export', {
      key: 'portal-test',
      version: '1.0.0',
      title: { 'zh-CN': '门户测试', en: 'Portal test' },
      forms: ['daily-meals'],
      processes: [],
      rules: [],
    });
    // then the form is shared, and the exported file says so
    expect(imported.status).toBe(200);
    const forms = (await as(admin).get('/api/forms')).body as { key: string; familyVisible: boolean }[];
    expect(forms.find((f) => f.key === 'daily-meals')?.familyVisible).toBe(true);
    expect(exported.status).toBeLessThan(300);
    expect(JSON.parse(exported.body.files['forms/daily-meals.json'])).toMatchObject({ familyVisible: true });
    // and a bad flag is refused with a pointer into the file
    const bad = await as(admin).post('/api/bundles/validate', {
      files: { ...files, 'forms/daily-meals.json': files['forms/daily-meals.json'].replace('true', '"yes"') },
    });
    expect(JSON.stringify(bad.body)).toContain('/familyVisible');
  });
});
