import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FieldIndexesService } from '../../src/modules/forms/field-indexes.service.js';
import { demoOrgUnits, residentInput } from '../factories/resident.factory.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

/** Record lists at scale (issue #3): keyset paging, opt-in x-indexed field indexes and what the planner does with them. */
describe('record lists', () => {
  let t: TestApp;
  let admin: string;
  let residentId: string;
  let formId: string;
  let tenantId: string;

  const as = (token: string) => ({
    get: (url: string) => t.http().get(url).set('authorization', `Bearer ${token}`),
    post: (url: string, body: object = {}) =>
      t.http().post(url).set('authorization', `Bearer ${token}`).send(body),
    put: (url: string, body: object) => t.http().put(url).set('authorization', `Bearer ${token}`).send(body),
  });

  const schema = (indexed: boolean) => ({
    type: 'object',
    properties: {
      score: { type: 'integer', minimum: 0, maximum: 100, ...(indexed ? { 'x-indexed': true } : {}) },
      level: { type: 'string', enum: ['low', 'high'], 'x-indexed': true },
      note: { type: 'string' },
    },
  });

  type Page = { items: { id: string; data: { score?: number } }[]; nextCursor: string | null; total: number };

  /** Every page of a list, by following nextCursor. */
  async function allPages(url: string): Promise<Page['items']> {
    const items: Page['items'] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 50; i += 1) {
      const response = await as(admin).get(`${url}${cursor ? `&after=${encodeURIComponent(cursor)}` : ''}`);
      expect(response.status).toBe(200);
      const page = response.body as Page;
      items.push(...page.items);
      cursor = page.nextCursor;
      if (!cursor) {
        return items;
      }
    }
    throw new Error('too many pages');
  }

  const fieldIndexes = async (): Promise<{ indexname: string; indexdef: string }[]> =>
    t.dataSource.query(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'record' AND indexname LIKE 'record\\_x\\_%'
        AND indexdef LIKE '%' || $1 || '%' ORDER BY indexname`,
      [formId],
    );

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
    const units = await demoOrgUnits(t.dataSource);
    residentId = (await as(admin).post('/api/residents', residentInput(units.wingA))).body.id;
    const created = await as(admin).post('/api/forms', {
      key: 'list-scores',
      name: { 'zh-CN': '评分', en: 'Scores' },
      schema: schema(true),
    });
    formId = created.body.id;
    expect((await as(admin).post(`/api/forms/${formId}/publish`)).status).toBe(201);
    tenantId = (await t.dataSource.query('SELECT tenant_id FROM form WHERE id = $1', [formId]))[0].tenant_id;
    // 45 records: scores with many ties (0..4), 5 without a score, several with the same created_at.
    for (let i = 0; i < 45; i += 1) {
      const response = await as(admin).post('/api/records', {
        formKey: 'list-scores',
        residentId,
        data: { ...(i < 40 ? { score: i % 5 } : {}), level: i % 2 ? 'high' : 'low', note: `n${i}` },
      });
      expect(response.status).toBe(201);
    }
    await t.dataSource.query(
      `UPDATE record SET created_at = '2026-01-01T00:00:00Z' WHERE form_id = $1 AND (data->>'note') IN ('n1','n2','n3','n4')`,
      [formId],
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('should page newest first by cursor through every record once, ties on created_at included', async () => {
    // when all pages of 7 are read by cursor
    const items = await allPages('/api/records?formKey=list-scores&pageSize=7');

    // then each record comes exactly once, in the same order as one big page
    const whole = await as(admin).get('/api/records?formKey=list-scores&pageSize=200');
    expect(items.map((r) => r.id)).toEqual((whole.body as Page).items.map((r) => r.id));
    expect(new Set(items.map((r) => r.id)).size).toBe(45);
  });

  it('should page a field sort by cursor with ties and missing values last', async () => {
    // when records are read by descending score, 4 at a time
    const items = await allPages('/api/records?formKey=list-scores&sort=-score&pageSize=4');

    // then all 45 come once: scores 4..0 (8 each), then the 5 without a score
    expect(new Set(items.map((r) => r.id)).size).toBe(45);
    expect(items.map((r) => r.data.score ?? null)).toEqual([
      ...[4, 3, 2, 1, 0].flatMap((score) => Array<number>(8).fill(score)),
      ...Array<null>(5).fill(null),
    ]);
    // and a filtered descending sort counts its matches (along the field's index) like any other list
    const filtered = await as(admin).get(
      `/api/records?formKey=list-scores&sort=-score&pageSize=5&filter=${encodeURIComponent('{">=":[{"var":"score"},3]}')}`,
    );
    expect(filtered.status).toBe(200);
    expect((filtered.body as Page).total).toBe(16);
    expect((filtered.body as Page).items.map((r) => r.data.score)).toEqual([4, 4, 4, 4, 4]);
    // and ascending works the same way
    const ascending = await allPages('/api/records?formKey=list-scores&sort=score&pageSize=6');
    expect(ascending.map((r) => r.data.score ?? null)).toEqual([
      ...[0, 1, 2, 3, 4].flatMap((score) => Array<number>(8).fill(score)),
      ...Array<null>(5).fill(null),
    ]);
  });

  it('should page a field sort by number like one big page, past the last value into the missing ones', async () => {
    for (const sort of ['score', '-score']) {
      // given the whole list in one page
      const whole = await as(admin).get(`/api/records?formKey=list-scores&sort=${sort}&pageSize=100`);
      const ids = (whole.body as Page).items.map((r) => r.id);
      expect(ids).toHaveLength(45);

      // when pages 7 (values and missing ones), 8 (missing ones only) and 9 (empty) of 6 are read by number
      const pages = await Promise.all(
        [7, 8, 9].map((n) =>
          as(admin).get(`/api/records?formKey=list-scores&sort=${sort}&pageSize=6&page=${n}`),
        ),
      );

      // then each is the same slice of the whole list
      expect(pages.map((p) => (p.body as Page).items.map((r) => r.id))).toEqual([
        ids.slice(36, 42),
        ids.slice(42, 48),
        [],
      ]);
    }
  });

  it('should refuse a cursor from another sort or a forged one with a 400 on /after', async () => {
    // given a cursor of the newest-first list
    const first = await as(admin).get('/api/records?formKey=list-scores&pageSize=5');
    const cursor = (first.body as Page).nextCursor ?? '';

    // when it is sent with another sort, and a forged one is sent
    const other = await as(admin).get(
      `/api/records?formKey=list-scores&sort=-score&after=${encodeURIComponent(cursor)}`,
    );
    const forged = Buffer.from(JSON.stringify(["x'; DROP TABLE record; --", 'nope', 'x'])).toString(
      'base64url',
    );
    const bad = await as(admin).get(`/api/records?formKey=list-scores&after=${forged}`);

    // then both are 400 problems pointing at after, saying in Chinese what to send
    expect(other.status).toBe(400);
    expect(other.body.errors).toEqual([
      { path: '/after', message: 'after 属于另一个列表：游标只能配合它来自的 formKey 和排序使用。' },
    ]);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      detail: 'after 不是分页游标：请传上一页返回的 nextCursor。',
      errors: [{ path: '/after', message: 'after 不是分页游标：请传上一页返回的 nextCursor。' }],
    });
    // and in English to an English caller
    const badEn = await as(admin)
      .get(`/api/records?formKey=list-scores&after=${forged}`)
      .set('accept-language', 'en');
    expect(badEn.body.errors).toEqual([
      { path: '/after', message: 'after is not a cursor: send the nextCursor of the previous page.' },
    ]);
  });

  it('should skip the count when asked', async () => {
    const response = await as(admin).get('/api/records?formKey=list-scores&count=false&pageSize=3');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ total: -1, totalCapped: false });
    expect((response.body as Page).items).toHaveLength(3);
  });

  it('should create an index for each x-indexed field on publish, which field filters and sorts use', async () => {
    // given the published form marks score and level x-indexed
    const indexes = await fieldIndexes();
    expect(indexes).toHaveLength(2);
    expect(indexes.map((i) => i.indexname).every((name) => /^record_x_[0-9a-f]{20}_id$/.test(name))).toBe(
      true,
    );
    // keyed exactly like the descending field sort with its keyset tie-break
    expect(
      indexes.some((i) =>
        i.indexdef.includes(`(((data #>> '{score}'::text[]))::numeric) DESC NULLS LAST, id DESC)`),
      ),
    ).toBe(true);

    // when the planner is asked for the list's query shapes (sequential scans and explicit sorts off: the table is
    // tiny, and with a row estimate of 1 a clean run once preferred the (form, created) index and a sort of one row)
    const plans = await t.dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL enable_seqscan = off');
      await manager.query('SET LOCAL enable_sort = off');
      const explain = async (sql: string, params: unknown[]) =>
        (await manager.query<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${sql}`, params))
          .map((row) => row['QUERY PLAN'])
          .join('\n');
      return {
        sort: await explain(
          `SELECT id FROM record rec WHERE rec.tenant_id = $1 AND rec.form_id = $2 AND rec.deleted_at IS NULL
            ORDER BY (rec.data #>> '{"score"}')::numeric DESC NULLS LAST, rec.id DESC LIMIT 20`,
          [tenantId, formId],
        ),
        ascending: await explain(
          `SELECT id FROM record rec WHERE rec.tenant_id = $1 AND rec.form_id = $2 AND rec.deleted_at IS NULL
            AND (rec.data #>> '{"score"}')::numeric IS NOT NULL
            ORDER BY (rec.data #>> '{"score"}')::numeric ASC NULLS FIRST, rec.id ASC LIMIT 20`,
          [tenantId, formId],
        ),
        filter: await explain(
          `SELECT id FROM record rec WHERE rec.tenant_id = $1 AND rec.form_id = $2 AND rec.deleted_at IS NULL
            AND (rec.data #>> '{"level"}') = $3::text`,
          [tenantId, formId, 'high'],
        ),
      };
    });

    // then both use the field's index
    const scoreIndex = indexes.find((i) => i.indexdef.includes('score'))?.indexname ?? '?';
    const levelIndex = indexes.find((i) => i.indexdef.includes('level'))?.indexname ?? '?';
    expect(plans.sort).toMatch(new RegExp(`Index Scan using ${scoreIndex}`));
    // reading the rows in order, no sort of the ties by id
    expect(plans.sort).not.toMatch(/Sort/);
    // and an ascending sort's records with a value read it backwards
    expect(plans.ascending).toMatch(new RegExp(`Index Scan Backward using ${scoreIndex}`));
    expect(plans.ascending).not.toMatch(/Sort/);
    expect(plans.filter).toMatch(new RegExp(`(Index|Bitmap Index) Scan (using|on) ${levelIndex}`));
  });

  it('should drop the index of a field the next version no longer marks x-indexed', async () => {
    // given a draft without x-indexed on score
    const draft = await as(admin).get(`/api/forms/${formId}`);
    const saved = await as(admin).put(`/api/forms/${formId}/draft`, {
      schema: schema(false),
      version: draft.body.version,
    });
    expect(saved.status).toBe(200);

    // when it is published
    expect((await as(admin).post(`/api/forms/${formId}/publish`)).status).toBe(201);

    // then only level keeps its index, and the publish audit names what changed
    const indexes = await fieldIndexes();
    expect(indexes).toHaveLength(1);
    expect(indexes[0]?.indexdef).toContain("'{level}'");
    const audit: { details: { fieldIndexes?: { dropped: string[] } } }[] = await t.dataSource.query(
      `SELECT details FROM audit_event WHERE action = 'form.published' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [formId],
    );
    expect(audit[0]?.details.fieldIndexes?.dropped).toHaveLength(1);
  });

  it('should drop an INVALID or old-style field index and build it again on the next sync, lists correct meanwhile', async () => {
    // given the level index left INVALID (as a failed concurrent build leaves it) and score's under its old name
    const [level] = await fieldIndexes();
    const levelName = level?.indexname ?? '?';
    await t.dataSource.query(`UPDATE pg_index SET indisvalid = false WHERE indexrelid = $1::regclass`, [
      levelName,
    ]);
    const oldName = `${levelName.replace(/_id$/, '')}`;
    await t.dataSource.query(
      `CREATE INDEX "${oldName}" ON record (((data #>> '{score}')::numeric) DESC NULLS LAST) WHERE form_id = '${formId}' AND deleted_at IS NULL`,
    );
    const filtered = (
      await as(admin).get(
        `/api/records?formKey=list-scores&filter=${encodeURIComponent('{"==":[{"var":"level"},"high"]}')}&pageSize=100`,
      )
    ).body as Page;
    expect(filtered.items).toHaveLength(22);

    // when the form's indexes are synced (as on the next publish, or when a server starts)
    const sync = await t.app.get(FieldIndexesService).sync('indexed');

    // then both are dropped, the level index is built again and valid, and the list answers the same
    expect(sync.dropped.sort()).toEqual([levelName, oldName].sort());
    expect(sync.created).toEqual([levelName]);
    expect(sync.failed).toEqual([]);
    const valid: { indisvalid: boolean }[] = await t.dataSource.query(
      `SELECT indisvalid FROM pg_index WHERE indexrelid = $1::regclass`,
      [levelName],
    );
    expect(valid[0]?.indisvalid).toBe(true);
    expect((await fieldIndexes()).map((i) => i.indexname)).toEqual([levelName]);
    const again = (
      await as(admin).get(
        `/api/records?formKey=list-scores&filter=${encodeURIComponent('{"==":[{"var":"level"},"high"]}')}&pageSize=100`,
      )
    ).body as Page;
    expect(again.items.map((r) => r.id)).toEqual(filtered.items.map((r) => r.id));
  });

  it('should export every record exactly once in (created_at, id) order across keyset pages', async () => {
    // given a form with one record filled through the API and 2,149 more like it (the export reads 1,000 a page),
    // created three at a time at the same instant, so a tie on created_at straddles each page boundary
    const created = await as(admin).post('/api/forms', {
      key: 'export-keyset',
      name: { 'zh-CN': '导出分页', en: 'Export paging' },
      schema: { type: 'object', properties: { note: { type: 'string' } } },
    });
    expect((await as(admin).post(`/api/forms/${created.body.id}/publish`)).status).toBe(201);
    const first = await as(admin).post('/api/records', {
      formKey: 'export-keyset',
      residentId,
      data: { note: 'e0' },
    });
    expect(first.status).toBe(201);
    await t.dataSource.query(
      `INSERT INTO record (tenant_id, form_id, form_version, resident_id, org_unit_id, data, scores, revision,
         created_by, updated_by, created_at, updated_at)
       SELECT tenant_id, form_id, form_version, resident_id, org_unit_id, jsonb_build_object('note', 'e' || i),
         scores, revision, created_by, updated_by, timestamptz '2026-02-01T00:00:00Z' + (i / 3) * interval '1 second',
         timestamptz '2026-02-01T00:00:00Z'
       FROM record, generate_series(1, 2149) AS i WHERE record.id = $1`,
      [first.body.id],
    );
    await t.dataSource.query(`UPDATE record SET created_at = '2026-02-01T00:00:00Z' WHERE id = $1`, [
      first.body.id,
    ]);
    const expected: { id: string }[] = await t.dataSource.query(
      `SELECT id FROM record WHERE form_id = $1 AND deleted_at IS NULL ORDER BY created_at, id`,
      [created.body.id],
    );
    expect(expected).toHaveLength(2150);

    // when the admin exports the form as CSV
    const csv = await as(admin).get('/api/records/export?formKey=export-keyset&format=csv').buffer(true);

    // then every record is in the file exactly once, in (created_at, id) order
    expect(csv.status).toBe(200);
    const [, ...lines] = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const ids = lines.map((line) => line.split(',')[0]);
    expect(new Set(ids).size).toBe(2150);
    expect(ids).toEqual(expected.map((row) => row.id));
    const audit: { details: { rows: number } }[] = await t.dataSource.query(
      `SELECT details FROM audit_event WHERE action = 'record.exported' AND entity_id = $1`,
      [created.body.id],
    );
    expect(audit[0]?.details.rows).toBe(2150);
  });
});
