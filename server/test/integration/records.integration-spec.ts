import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { archiveData, barthelAnswers, formFixture } from '../factories/form.factory.js';
import { demoOrgUnits, residentInput } from '../factories/resident.factory.js';
import { DomainEvents } from '../../src/common/events/domain-events.js';
import { statementsOf } from '../utils/statements.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

describe('records', () => {
  let t: TestApp;
  let admin: string;
  let nurseA: string;
  let nurseB: string;
  let family: string;
  let residentA: string;
  let linkedResident: string;

  const as = (token: string) => ({
    get: (url: string) => t.http().get(url).set('authorization', `Bearer ${token}`),
    post: (url: string, body: object = {}) =>
      t.http().post(url).set('authorization', `Bearer ${token}`).send(body),
    patch: (url: string, body: object) =>
      t.http().patch(url).set('authorization', `Bearer ${token}`).send(body),
    put: (url: string, body: object) => t.http().put(url).set('authorization', `Bearer ${token}`).send(body),
    delete: (url: string) => t.http().delete(url).set('authorization', `Bearer ${token}`),
  });

  async function publish(key: string, schema: object): Promise<void> {
    const created = await as(admin).post('/api/forms', { key, name: { 'zh-CN': key, en: key }, schema });
    const published = await as(admin).post(`/api/forms/${created.body.id}/publish`);
    expect(published.status).toBe(201);
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
    nurseA = await t.login('nurse.a');
    nurseB = await t.login('nurse.b');
    family = await t.login('family.liu');
    const units = await demoOrgUnits(t.dataSource);
    residentA = (await as(admin).post('/api/residents', residentInput(units.wingA))).body.id;
    const linked: { id: string }[] = await t.dataSource.query(
      `SELECT r.id FROM resident r JOIN family_link fl ON fl.resident_id = r.id`,
    );
    linkedResident = linked[0]!.id;
    await publish('barthel-adl', formFixture('barthel-adl'));
    await publish('elder-archive', formFixture('elder-archive'));
  });
  afterAll(async () => {
    await t.close();
  });

  const countRecords = async (): Promise<number> =>
    Number((await t.dataSource.query('SELECT count(*)::int AS n FROM record'))[0].n);

  it('should compute the Barthel total on the server and ignore the one the client sent', async () => {
    // given answers worth 65 points and a forged total
    const response = await as(nurseA).post('/api/records', {
      formKey: 'barthel-adl',
      residentId: residentA,
      data: { ...barthelAnswers(), total: 100 },
    });

    // then the record carries the real total, the level and the scale edition
    expect(response.status).toBe(201);
    expect(response.body.data.total).toBe(65);
    expect(response.body.scores['/adl']).toMatchObject({ total: 65, edition: 'barthel-2026.1' });
    expect(response.body).toMatchObject({ formVersion: 1, revision: 1, residentId: residentA });
  });

  it('should write a record and its first revision in one autocommit statement when its form has no rules', async () => {
    // given a warm server
    const submit = () =>
      as(nurseA).post('/api/records', {
        formKey: 'barthel-adl',
        residentId: residentA,
        data: barthelAnswers(),
      });
    expect((await submit()).status).toBe(201);

    // when a nurse submits the form
    const statements = await statementsOf(t.dataSource, async () =>
      expect((await submit()).status).toBe(201),
    );

    // then the insert (reading the resident in scope) is the only statement
    expect(statements).toEqual([expect.stringMatching(/^WITH placed AS\b.*\bINSERT INTO record_revision\b/)]);
  });

  it('should write a submission in a transaction when a subscriber without a preview uses the database', async () => {
    // given a form whose record.created a new subscriber reads the database for, without saying so beforehand
    await publish('night-note', { type: 'object', properties: { note: { type: 'string' } } });
    const inTransaction: boolean[] = [];
    t.app.get(DomainEvents).subscribe('night-notes', async (manager, event) => {
      if (event.type === 'record.created' && event.formKey === 'night-note') {
        await manager.query('SELECT 1 AS night_note');
        inTransaction.push(manager.queryRunner?.isTransactionActive ?? false);
      }
    });
    const submit = () =>
      as(nurseA).post('/api/records', {
        formKey: 'night-note',
        residentId: residentA,
        data: { note: 'slept' },
      });
    expect((await submit()).status).toBe(201);

    // when a nurse submits the form on a warm server
    const statements = await statementsOf(t.dataSource, async () =>
      expect((await submit()).status).toBe(201),
    );

    // then the insert and the subscriber's read share one transaction (the stand-in it touched first said so)
    expect(statements).toEqual([
      expect.stringMatching(/^(BEGIN|START TRANSACTION)\b/),
      expect.stringMatching(/^WITH placed AS\b.*\bINSERT INTO record_revision\b/),
      'SELECT 1 AS night_note',
      'COMMIT',
    ]);
    expect(inTransaction).toEqual([true, true]);
  });

  it('should let logistics fill the work-order forms routed to them, and refuse a family member', async () => {
    const logistics = await t.login('logistics');
    const filled = await as(logistics).post('/api/records', {
      formKey: 'barthel-adl',
      residentId: residentA,
      data: barthelAnswers(),
    });
    expect(filled.status).toBe(201);
    const refused = await as(family).post('/api/records', {
      formKey: 'barthel-adl',
      residentId: linkedResident,
      data: barthelAnswers(),
    });
    expect(refused.status).toBe(403);
  });

  it('should refuse an invalid ID number with a Chinese message at the field and store nothing', async () => {
    const before = await countRecords();
    const response = await as(nurseA).post('/api/records', {
      formKey: 'elder-archive',
      residentId: residentA,
      data: archiveData({ idNumber: '110105194912310029' }),
    });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.errors).toEqual([
      { path: '/data/idNumber', message: expect.stringMatching(/身份证/) },
    ]);
    expect(await countRecords()).toBe(before);
  });

  it('should keep every change as a revision with who, when and a JSON diff', async () => {
    // given an assessment
    const created = await as(nurseA).post('/api/records', {
      formKey: 'barthel-adl',
      residentId: residentA,
      data: barthelAnswers(),
    });
    const id = created.body.id as string;
    const storedFirst = () =>
      t.dataSource.query<{ diff: unknown; data: { stairs?: number } | null }[]>(
        'SELECT diff, data FROM record_revision WHERE record_id = $1 AND revision = 1',
        [id],
      );
    // (unchanged, its first revision stores no copy of the data and shows the record's)
    expect(await storedFirst()).toEqual([{ diff: null, data: null }]);
    const unchanged = (await as(nurseA).get(`/api/records/${id}/revisions/1`)).body;
    expect(unchanged.data).toEqual(created.body.data);
    expect((await as(nurseA).get(`/api/records/${id}/revisions`)).body[0].diff).toContainEqual({
      op: 'add',
      path: '/stairs',
      value: 5,
    });

    // when it is edited, then edited again from the stale revision
    const edited = await as(nurseA).patch(`/api/records/${id}`, {
      data: barthelAnswers({ stairs: 10 }),
      revision: 1,
    });
    const stale = await as(nurseA).patch(`/api/records/${id}`, { data: barthelAnswers(), revision: 1 });

    // then the edit is revision 2 with a recomputed total, and the stale edit is refused
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ revision: 2, data: { stairs: 10, total: 70 } });
    expect(stale.status).toBe(409);
    const history = (await as(nurseA).get(`/api/records/${id}/revisions`)).body;
    expect(history.map((r: { revision: number; action: string }) => [r.revision, r.action])).toEqual([
      [1, 'created'],
      [2, 'updated'],
    ]);
    expect(history[1].actorName).toBe('王护士（A区）');
    expect(history[1].diff).toEqual(
      expect.arrayContaining([
        { op: 'replace', path: '/stairs', value: 10 },
        { op: 'replace', path: '/total', value: 70 },
      ]),
    );
    const first = (await as(nurseA).get(`/api/records/${id}/revisions/1`)).body;
    expect(first.data.stairs).toBe(5);
    // and the first revision's diff adds every field it was created with (stored without one, read so)
    expect(history[0].diff).toEqual(
      Object.entries(first.data as Record<string, unknown>).map(([key, value]) => ({
        op: 'add',
        path: `/${key}`,
        value,
      })),
    );
    // (the edit wrote the data it was created with into the first revision, before replacing it)
    expect(await storedFirst()).toEqual([{ diff: null, data: expect.objectContaining({ stairs: 5 }) }]);
    expect(first.data).toEqual(unchanged.data);
  });

  it('should mask sensitive fields for roles without the right and audit an unmasked read', async () => {
    // given an archive with an ID number
    const created = await as(admin).post('/api/records', {
      formKey: 'elder-archive',
      residentId: residentA,
      data: archiveData(),
    });
    const id = created.body.id as string;

    // when a nurse reads it, and tries to reveal it
    const byNurse = await as(nurseA).get(`/api/records/${id}`);
    const reveal = await as(nurseA).get(`/api/records/${id}?reveal=true`);

    // then she sees it masked and may not reveal it
    expect(byNurse.body.masked).toBe(true);
    expect(byNurse.body.data.idNumber).not.toBe('11010519491231002X');
    expect(byNurse.body.data.idNumber).toMatch(/\*/);
    expect(reveal.status).toBe(403);

    // and when she edits another field on the masked view, the real ID number is kept
    const edited = await as(nurseA).patch(`/api/records/${id}`, {
      data: { ...byNurse.body.data, remarks: '喜欢听京剧' },
      revision: byNurse.body.revision,
    });
    expect(edited.status).toBe(200);
    const byAdmin = await as(admin).get(`/api/records/${id}?reveal=true`);
    expect(byAdmin.body).toMatchObject({
      masked: false,
      data: { idNumber: '11010519491231002X', remarks: '喜欢听京剧' },
    });
    const audit: { action: string }[] = await t.dataSource.query(
      `SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id`,
      [id],
    );
    expect(audit.map((a) => a.action)).toEqual(['record.revealed']);
  });

  it("should apply the resident's access rules to records", async () => {
    // given an assessment of a wing-A resident and one of a resident with a linked family member
    const ofA = await as(nurseA).post('/api/records', {
      formKey: 'barthel-adl',
      residentId: residentA,
      data: barthelAnswers(),
    });
    const ofLinked = await as(admin).post('/api/records', {
      formKey: 'barthel-adl',
      residentId: linkedResident,
      data: barthelAnswers(),
    });

    // then the wing-B nurse gets 404 for the wing-A record and cannot write for that resident
    expect((await as(nurseB).get(`/api/records/${ofA.body.id}`)).status).toBe(404);
    const write = await as(nurseB).post('/api/records', {
      formKey: 'barthel-adl',
      residentId: residentA,
      data: barthelAnswers(),
    });
    expect(write.status).toBe(404);
    const invalidWrite = await as(nurseB).post('/api/records', {
      formKey: 'barthel-adl',
      residentId: residentA,
      data: { feeding: 'not a score' },
    });
    expect(invalidWrite.status).toBe(404);
    const byNurseB: { n: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM record r JOIN app_user u ON u.id = r.created_by
        WHERE r.resident_id = $1 AND u.username = 'nurse.b'`,
      [residentA],
    );
    expect(byNurseB[0]?.n).toBe(0);

    // and the family member sees only the linked resident's records of forms shared with family, and writes none
    expect((await as(family).get(`/api/records/${ofA.body.id}`)).status).toBe(404);
    expect((await as(family).get(`/api/records/${ofLinked.body.id}`)).status).toBe(404);
    const form = (await as(admin).get('/api/forms')).body.find(
      (f: { key: string }) => f.key === 'barthel-adl',
    );
    const detail = (await as(admin).get(`/api/forms/${form.id}`)).body;
    await as(admin).put(`/api/forms/${form.id}/draft`, { familyVisible: true, version: detail.version });
    expect((await as(family).get(`/api/records/${ofLinked.body.id}`)).status).toBe(200);
    const listed = (await as(family).get('/api/records?formKey=barthel-adl')).body;
    expect(listed.items.map((r: { residentId: string }) => r.residentId)).toEqual(
      listed.items.map(() => linkedResident),
    );
    expect(listed.total).toBeGreaterThan(0);
    const familyWrite = await as(family).post('/api/records', {
      formKey: 'barthel-adl',
      residentId: linkedResident,
      data: barthelAnswers(),
    });
    expect(familyWrite.status).toBe(403);
  });

  it('should filter by resident, field value and date range, sort by a field, and refuse hostile filters', async () => {
    // given assessments of one resident with different totals
    for (const stairs of [0, 10]) {
      await as(admin).post('/api/records', {
        formKey: 'barthel-adl',
        residentId: linkedResident,
        data: barthelAnswers({ stairs, feeding: 0 }),
      });
    }

    // when listing that resident's assessments above 55 points, highest first
    const filter = encodeURIComponent(JSON.stringify({ '>': [{ var: 'total' }, 55] }));
    const list = await as(admin).get(
      `/api/records?formKey=barthel-adl&residentId=${linkedResident}&filter=${filter}&sort=-total`,
    );

    // then only matching records come, in order
    expect(list.status).toBe(200);
    const totals = list.body.items.map((r: { data: { total: number } }) => r.data.total);
    expect(totals.length).toBeGreaterThan(0);
    expect(totals.every((n: number) => n > 55)).toBe(true);
    expect([...totals].sort((a, b) => b - a)).toEqual(totals);

    // and a date range in the future finds nothing
    const future = await as(admin).get('/api/records?formKey=barthel-adl&from=2999-01-01');
    expect(future.body.total).toBe(0);

    // and hostile or unknown fields are refused with a pointer, in the filter compiler's Chinese by default
    const hostile = encodeURIComponent(JSON.stringify({ '==': [{ var: "a'); drop table record;--" }, 1] }));
    const refused = await as(admin).get(`/api/records?formKey=barthel-adl&filter=${hostile}`);
    expect(refused.status).toBe(400);
    const refusedZh =
      '字段路径 "a\'); drop table record;--" 不合法（只允许字母、数字、下划线、连字符、汉字，用 "." 分隔）';
    expect(refused.body).toMatchObject({
      detail: refusedZh,
      errors: [{ path: '/filter/==/0/var', message: refusedZh }],
    });
    // and in its English on request, as before
    const refusedEn = await as(admin)
      .get(`/api/records?formKey=barthel-adl&filter=${hostile}`)
      .set('accept-language', 'en');
    expect(refusedEn.status).toBe(400);
    expect(refusedEn.body.errors).toEqual([
      {
        path: '/filter/==/0/var',
        message:
          'Field path "a\'); drop table record;--" is not allowed (plain segments of letters, digits, _, -, Chinese characters, separated by ".")',
      },
    ]);
    const badSort = await as(admin).get('/api/records?formKey=barthel-adl&sort=nosuchfield');
    expect(badSort.status).toBe(400);
    expect(badSort.body.errors).toEqual([
      { path: '/sort', message: 'sort：表单没有可排序的字段“nosuchfield”。' },
    ]);
    const noForm = await as(admin).get(`/api/records?filter=${filter}`);
    expect(noForm.status).toBe(400);
    expect(noForm.body.detail).toBe('按字段筛选或排序需要指定 formKey。');
    const noFormEn = await as(admin).get(`/api/records?filter=${filter}`).set('accept-language', 'en');
    expect(noFormEn.body.detail).toBe('Filtering or sorting by a field needs formKey.');
  });

  it('should soft-delete a record: gone from reads and lists, kept in history', async () => {
    const created = await as(nurseA).post('/api/records', {
      formKey: 'barthel-adl',
      residentId: residentA,
      data: barthelAnswers(),
    });
    const id = created.body.id as string;
    expect((await as(nurseA).delete(`/api/records/${id}`)).status).toBe(204);
    expect((await as(nurseA).get(`/api/records/${id}`)).status).toBe(404);
    const rows: { action: string }[] = await t.dataSource.query(
      'SELECT action FROM record_revision WHERE record_id = $1 ORDER BY revision',
      [id],
    );
    expect(rows.map((r) => r.action)).toEqual(['created', 'deleted']);
  });

  it('should keep old records on the version they were filled with after a new version is published', async () => {
    // given a record on version 1, then version 2 published
    const old = await as(nurseA).post('/api/records', {
      formKey: 'barthel-adl',
      residentId: residentA,
      data: barthelAnswers(),
    });
    const forms = (await as(admin).get('/api/forms')).body as { id: string; key: string }[];
    const barthel = forms.find((f) => f.key === 'barthel-adl')!;
    const detail = (await as(admin).get(`/api/forms/${barthel.id}`)).body;
    await as(admin).put(`/api/forms/${barthel.id}/draft`, {
      schema: { ...detail.draftSchema, title: '新版' },
      version: detail.version,
    });
    await as(admin).post(`/api/forms/${barthel.id}/publish`);

    // when a new record is filled and the old one read
    const fresh = await as(nurseA).post('/api/records', {
      formKey: 'barthel-adl',
      residentId: residentA,
      data: barthelAnswers(),
    });
    const reread = await as(nurseA).get(`/api/records/${old.body.id}`);

    // then each keeps its own version
    expect(fresh.body.formVersion).toBe(2);
    expect(reread.body.formVersion).toBe(1);
  });

  it('should export records to CSV and XLSX with formula-like text neutralised and sensitive fields masked', async () => {
    // given an archive whose remarks look like a formula
    await as(admin).post('/api/records', {
      formKey: 'elder-archive',
      residentId: residentA,
      data: archiveData({ remarks: '=HYPERLINK("http://evil.example","点我")' }),
    });

    // when a nurse exports the archives as CSV
    const csv = await as(nurseA).get('/api/records/export?formKey=elder-archive&format=csv').buffer(true);

    // then the file has a header in Chinese, the formula neutralised and the ID number masked
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(
      /attachment; filename="elder-archive-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const text = csv.text.replace(/^\uFEFF/, '');
    const [header, ...lines] = text.trim().split('\r\n');
    expect(header).toContain('身份证号');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    expect(text).not.toContain('11010519491231002X');
    expect(lines.length).toBeGreaterThan(0);

    // and as XLSX (a ZIP archive), with the same neutralisation
    const xlsx = await as(admin)
      .get('/api/records/export?formKey=elder-archive&format=xlsx')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(xlsx.status).toBe(200);
    const body = xlsx.body as Buffer;
    expect(body.readUInt32LE(0)).toBe(0x04034b50);
    const audit: { details: { format: string; masked: boolean } }[] = await t.dataSource.query(
      `SELECT details FROM audit_event WHERE action = 'record.exported' ORDER BY id`,
    );
    expect(audit.map((a) => a.details.format)).toEqual(['csv', 'xlsx']);
    expect(audit[0]!.details.masked).toBe(true);
  });
});
