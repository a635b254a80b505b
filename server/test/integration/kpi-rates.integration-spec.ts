import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { demoOrgUnits, residentInput, type OrgUnitIds } from '../factories/resident.factory.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

/**
 * Rates across sources, with answers computed by hand. The home's zone is Asia/Shanghai (UTC+8).
 *
 * Residents in care (admitted_at / left_at set directly: the facts a year of use would leave):
 *
 * | resident | wing | admitted (local)  | left (local)      | Jan | Feb | Mar | Apr  (resident-days) |
 * | RA1      | A    | 2026-01-01 00:00  | —                 | 31  | 28  | 31  | 30                   |
 * | RA2      | A    | 2026-01-01 00:00  | 2026-02-15 10:00  | 31  | 14  | —   | —                    |
 * | RB1      | B    | 2026-02-01 00:30  | —                 | 0   | 28  | 31  | 30  (UTC: 31 Jan)    |
 * | RB2      | B    | 2026-01-01 00:00  | —                 | 31  | 28  | 31  | 30                   |
 *                                                   total:  93    98    93    90
 *                                                  wing A:  62    42    31    30
 *                                                  wing B:  31    56    62    60
 *
 * Complaints (records of a test form, bucketed by `occurredAt`):
 * C1 wing A 2026-01-31T15:30Z (31 Jan 23:30 local) · C2 wing A 2026-01-31T16:30Z (1 Feb 00:30 local)
 * C3 wing B 2026-02-10 · C4 wing B 2026-04-05 · March has none.
 */
const SCHEMA = {
  type: 'object',
  properties: {
    kind: { type: 'string' },
    occurredAt: { type: 'string', format: 'date-time' },
  },
  required: ['kind', 'occurredAt'],
};
const PERIOD = '?from=2026-01-01&to=2026-05-01';
const title = (zh: string) => ({ 'zh-CN': zh, en: zh });

describe('KPI rates', () => {
  let t: TestApp;
  let admin: string;
  let nurseA: string;
  let nurseB: string;
  let units: OrgUnitIds;
  const residents: Record<'RA1' | 'RA2' | 'RB1' | 'RB2', string> = { RA1: '', RA2: '', RB1: '', RB2: '' };

  const as = (token: string, locale = 'zh-CN') => ({
    get: (url: string) =>
      t.http().get(url).set('authorization', `Bearer ${token}`).set('accept-language', locale),
    post: (url: string, body: object = {}) =>
      t.http().post(url).set('authorization', `Bearer ${token}`).set('accept-language', locale).send(body),
    patch: (url: string, body: object) =>
      t.http().patch(url).set('authorization', `Bearer ${token}`).set('accept-language', locale).send(body),
  });

  type Rows = Record<string, string | number | null>[];
  async function save(spec: object): Promise<void> {
    const saved = await as(admin).post('/api/reports', spec);
    expect({ status: saved.status, body: saved.status === 201 ? null : saved.body }).toEqual({
      status: 201,
      body: null,
    });
  }
  async function rows(token: string, key: string, query = PERIOD, locale = 'zh-CN'): Promise<Rows> {
    const data = await as(token, locale).get(`/api/reports/${key}/data${query}`);
    expect(data.status).toBe(200);
    return data.body.rows as Rows;
  }
  const rounded = (list: Rows, digits = 4) =>
    list.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([k, v]) => [k, typeof v === 'number' ? Number(v.toFixed(digits)) : v]),
      ),
    );
  const report = (key: string, dataset: object, chart: object = {}) => ({
    schemaVersion: 1,
    key,
    title: title(key),
    dataset,
    chart: { type: 'table', y: ['rate'], ...chart },
  });
  const complaints = (measures: object[], groupBy: object[] = []) => ({
    source: { type: 'records', formKey: 'kpi-rate-test' },
    groupBy: [{ key: 'month', by: 'time', field: 'occurredAt', bucket: 'month' }, ...groupBy],
    measures,
  });

  beforeAll(async () => {
    // given the demo home with its residents moved out of the way and four residents of our own
    t = await startTestApp({ CARELOOM_TEST_CLOCK: '1' });
    admin = await t.login('admin');
    nurseA = await t.login('nurse.a');
    nurseB = await t.login('nurse.b');
    units = await demoOrgUnits(t.dataSource);
    const form = await as(admin).post('/api/forms', {
      key: 'kpi-rate-test',
      name: title('率'),
      schema: SCHEMA,
    });
    expect((await as(admin).post(`/api/forms/${form.body.id}/publish`)).status).toBe(201);
    const stays: [keyof typeof residents, string, string, string | null][] = [
      ['RA1', units.wingA, '2025-12-31T16:00:00Z', null],
      ['RA2', units.wingA, '2025-12-31T16:00:00Z', '2026-02-15T02:00:00Z'],
      ['RB1', units.wingB, '2026-01-31T16:30:00Z', null],
      ['RB2', units.wingB, '2025-12-31T16:00:00Z', null],
    ];
    for (const [name, unit, admitted, left] of stays) {
      const created = await as(admin).post('/api/residents', residentInput(unit));
      expect(created.status).toBe(201);
      residents[name] = created.body.id as string;
      await t.dataSource.query(
        `UPDATE resident SET status = $2, admitted_at = $3, left_at = $4 WHERE id = $1`,
        [created.body.id, left ? 'discharged' : 'admitted', admitted, left],
      );
    }
    const complaintsOf: [string, 'A' | 'B'][] = [
      ['2026-01-31T15:30:00Z', 'A'],
      ['2026-01-31T16:30:00Z', 'A'],
      ['2026-02-10T02:00:00Z', 'B'],
      ['2026-04-05T02:00:00Z', 'B'],
    ];
    for (const [occurredAt, wing] of complaintsOf) {
      const filed = await as(admin).post('/api/records', {
        formKey: 'kpi-rate-test',
        residentId: wing === 'A' ? residents.RA1 : residents.RB2,
        data: { kind: 'meals', occurredAt },
      });
      expect(filed.status).toBe(201);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('should give complaints per 100 residents in care per month, the Shanghai month edges and an empty month', async () => {
    await save(report('per-100', complaints([{ key: 'rate', op: 'per-residents', scale: 100 }])));
    // Jan 1 ÷ (93/31 = 3) · Feb 2 ÷ (98/28 = 3.5) · Mar 0 ÷ 3 · Apr 1 ÷ (90/30 = 3)
    expect(rounded(await rows(admin, 'per-100'))).toEqual([
      { month: '2026-01-01', rate: 33.3333 },
      { month: '2026-02-01', rate: 57.1429 },
      { month: '2026-03-01', rate: 0 },
      { month: '2026-04-01', rate: 33.3333 },
    ]);
  });

  it('should give falls-style rates per 1,000 resident-days, a discharge mid-month counted to its day', async () => {
    await save(report('per-1000-days', complaints([{ key: 'rate', op: 'per-resident-days' }])));
    // default scale 1000: Jan 1/93 · Feb 2/98 (RA2 left on 15 Feb: 14 days) · Mar 0/93 · Apr 1/90
    expect(rounded(await rows(admin, 'per-1000-days'))).toEqual([
      { month: '2026-01-01', rate: 10.7527 },
      { month: '2026-02-01', rate: 20.4082 },
      { month: '2026-03-01', rate: 0 },
      { month: '2026-04-01', rate: 11.1111 },
    ]);
  });

  it('should count only the caller’s wing in both the rows and the residents in care', async () => {
    // wing A: Jan 1 ÷ (62/31 = 2) · Feb 1 ÷ (42/28 = 1.5) · Mar 0 ÷ 1 · Apr 0 ÷ 1
    expect(rounded(await rows(nurseA, 'per-100'))).toEqual([
      { month: '2026-01-01', rate: 50 },
      { month: '2026-02-01', rate: 66.6667 },
      { month: '2026-03-01', rate: 0 },
      { month: '2026-04-01', rate: 0 },
    ]);
    // wing B: Jan 0 ÷ 1 · Feb 1 ÷ (56/28 = 2) · Mar 0 ÷ 2 · Apr 1 ÷ 2
    expect(rounded(await rows(nurseB, 'per-100'))).toEqual([
      { month: '2026-01-01', rate: 0 },
      { month: '2026-02-01', rate: 50 },
      { month: '2026-03-01', rate: 0 },
      { month: '2026-04-01', rate: 50 },
    ]);
    // the admin filtering to wing B sees what the wing B nurse sees
    expect(rounded(await rows(admin, 'per-100', `${PERIOD}&orgUnitId=${units.wingB}`))).toEqual(
      rounded(await rows(nurseB, 'per-100')),
    );
    // grouped by unit, each unit is divided by its own residents
    await save(
      report(
        'per-100-by-unit',
        complaints([{ key: 'rate', op: 'per-residents' }], [{ key: 'unit', by: 'org-unit' }]),
      ),
    );
    const byUnit = rounded(await rows(admin, 'per-100-by-unit', '?from=2026-02-01&to=2026-03-01'));
    expect(byUnit).toEqual([
      { month: '2026-02-01', unit: 'A区（一层）', rate: 66.6667 },
      { month: '2026-02-01', unit: 'B区（二层）', rate: 50 },
    ]);
  });

  it('should cut the window to the period and give null when nobody was in care', async () => {
    // 15 Feb to 1 Mar: RA2 left on the 15th (0 days), RA1 14, RB1 14, RB2 14 → 3 in care; C3 (10 Feb) is outside
    expect(rounded(await rows(admin, 'per-100', '?from=2026-02-15&to=2026-03-01'))).toEqual([
      { month: '2026-02-01', rate: 0 },
    ]);
    expect(rounded(await rows(admin, 'per-100', '?from=2026-02-01&to=2026-02-15'))).toEqual([
      // 1–14 Feb: RA1, RA2, RB1, RB2 all 14 days → 4 in care; C2 and C3 → 2 ÷ 4
      { month: '2026-02-01', rate: 50 },
    ]);
    // before anyone was admitted: no residents, so no rate (not 0)
    expect(await rows(admin, 'per-100', '?from=2025-11-01&to=2026-01-01')).toEqual([
      { month: '2025-11-01', rate: null },
      { month: '2025-12-01', rate: null },
    ]);
  });

  it('should count only the rows matching the numerator', async () => {
    await save(
      report(
        'per-100-filtered',
        complaints([
          {
            key: 'rate',
            op: 'per-residents',
            numerator: { '>=': [{ var: 'occurredAt' }, '2026-02-05T00:00:00Z'] },
          },
        ]),
      ),
    );
    expect(rounded(await rows(admin, 'per-100-filtered', '?from=2026-02-01&to=2026-03-01'))).toEqual([
      { month: '2026-02-01', rate: 28.5714 }, // only C3: 1 ÷ 3.5
    ]);
  });

  it('should give occupancy as null with a note without beds, then residents in care ÷ capacity', async () => {
    await save(
      report(
        'occupancy',
        {
          source: { type: 'residents' },
          groupBy: [{ key: 'month', by: 'time', field: 'admittedAt', bucket: 'month' }],
          measures: [{ key: 'rate', op: 'occupancy' }],
        },
        { type: 'line', x: 'month' },
      ),
    );
    const none = await as(admin).get(`/api/reports/occupancy/data${PERIOD}`);
    expect(none.status).toBe(200);
    expect(none.body.rows.map((r: { rate: unknown }) => r.rate)).toEqual([null, null, null, null]);
    expect(none.body.notes).toEqual([expect.stringContaining('未设置床位数')]);
    expect(none.body.option.title.subtext).toContain('未设置床位数');
    const english = await as(admin, 'en').get(`/api/reports/occupancy/data${PERIOD}`);
    expect(english.body.notes).toEqual([expect.stringContaining('No bed count')]);

    // when bad bed counts are refused at the field
    for (const bad of [{ bedCount: -1 }, { bedCount: 2.5 }, { bedCount: 'ten' }, {}]) {
      const refused = await as(admin).patch(`/api/org-units/${units.wingA}/capacity`, bad);
      expect(refused.status).toBe(400);
      expect(refused.body.errors[0].path).toBe('/bedCount');
    }
    expect((await as(nurseA).patch(`/api/org-units/${units.wingA}/capacity`, { bedCount: 4 })).status).toBe(
      403,
    );
    // and each wing gets 4 beds
    for (const wing of [units.wingA, units.wingB]) {
      const set = await as(admin).patch(`/api/org-units/${wing}/capacity`, { bedCount: 4 });
      expect(set.status).toBe(200);
      expect(set.body.bedCount).toBe(4);
    }
    const listed = await as(admin).get('/api/org-units');
    expect(listed.body.find((u: { id: string }) => u.id === units.wingA).bedCount).toBe(4);
    expect(listed.body.find((u: { id: string }) => u.id === units.building).bedCount).toBeNull();

    // then the home's capacity is the wings' sum, 8: Jan 3 ÷ 8 · Feb 3.5 ÷ 8 · Mar 3 ÷ 8 · Apr 3 ÷ 8
    const eight = await as(admin).get(`/api/reports/occupancy/data${PERIOD}`);
    expect(rounded(eight.body.rows as Rows)).toEqual([
      { month: '2026-01-01', rate: 37.5 },
      { month: '2026-02-01', rate: 43.75 },
      { month: '2026-03-01', rate: 37.5 },
      { month: '2026-04-01', rate: 37.5 },
    ]);
    expect(eight.body.notes).toBeUndefined();
    // a wing nurse sees her wing: Jan 2 ÷ 4, Feb 1.5 ÷ 4, Mar 1 ÷ 4, Apr 1 ÷ 4
    expect(rounded(await rows(nurseA, 'occupancy'))).toEqual([
      { month: '2026-01-01', rate: 50 },
      { month: '2026-02-01', rate: 37.5 },
      { month: '2026-03-01', rate: 25 },
      { month: '2026-04-01', rate: 25 },
    ]);
    // a unit's own count wins over the units below it: the building says 10
    expect(
      (await as(admin).patch(`/api/org-units/${units.building}/capacity`, { bedCount: 10 })).status,
    ).toBe(200);
    expect(rounded(await rows(admin, 'occupancy', '?from=2026-01-01&to=2026-02-01'))).toEqual([
      { month: '2026-01-01', rate: 30 },
    ]);
    expect(
      rounded(await rows(admin, 'occupancy', `?from=2026-01-01&to=2026-02-01&orgUnitId=${units.wingB}`)),
    ).toEqual([{ month: '2026-01-01', rate: 25 }]);
    // null clears it again
    expect(
      (await as(admin).patch(`/api/org-units/${units.building}/capacity`, { bedCount: null })).body.bedCount,
    ).toBeNull();
  });

  it('should refuse unknown rate operations and parameters with a 400 at the pointer', async () => {
    const attempts: [object, string][] = [
      [complaints([{ key: 'rate', op: 'per-beds' }]), '/dataset/measures/0/op'],
      [complaints([{ key: 'rate', op: 'per-residents', scale: 0 }]), '/dataset/measures/0/scale'],
      [complaints([{ key: 'rate', op: 'per-resident-days', field: 'kind' }]), '/dataset/measures/0/field'],
      [complaints([{ key: 'rate', op: 'occupancy', numerator: true }]), '/dataset/measures/0/numerator'],
      [
        complaints([{ key: 'rate', op: 'per-residents', numerator: { '==': [{ var: 'nosuch' }, 1] } }]),
        '/dataset/measures/0/numerator/==/0/var',
      ],
      [
        {
          source: { type: 'activity', role: 'Not A Role' },
          groupBy: [],
          measures: [{ key: 'rate', op: 'count' }],
        },
        '/dataset/source/role',
      ],
      [
        {
          source: { type: 'activity' },
          groupBy: [],
          measures: [{ key: 'rate', op: 'count-distinct', field: 'username' }],
        },
        '/dataset/measures/0/field',
      ],
    ];
    for (const [i, [dataset, pointer]] of attempts.entries()) {
      const response = await as(admin).post('/api/reports', report(`bad-rate-${i}`, dataset));
      expect({ i, status: response.status }).toEqual({ i, status: 400 });
      expect((response.body.errors as { path: string }[]).map((e) => e.path)).toContain(pointer);
      // worded in Chinese for the default caller
      const problem = (response.body.errors as { path: string; message: string }[]).find(
        (e) => e.path === pointer,
      );
      expect({ i, message: problem?.message }).toEqual({
        i,
        message: expect.stringMatching(/[\u4e00-\u9fff]/),
      });
    }
    const scale = report('bad-rate-scale', complaints([{ key: 'rate', op: 'per-residents', scale: 0 }]));
    const zh = await as(admin).post('/api/reports', scale);
    expect(zh.body.errors).toEqual([
      { path: '/dataset/measures/0/scale', message: 'scale 须为正数（“每 100 位长者”填 100）' },
    ]);
    const en = await as(admin, 'en').post('/api/reports', scale);
    expect(en.body.errors).toEqual([
      {
        path: '/dataset/measures/0/scale',
        message: 'scale must be a positive number (100 for "per 100 residents")',
      },
    ]);
  });

  it('should give monthly active users of the family portal from the activity source, scoped', async () => {
    // given a second family member linked to a wing B resident, and activity on hand-picked days
    const family2 = await as(admin).post('/api/users', {
      username: 'kpi.family2',
      displayName: '家属二',
      password: 'kpi-family-secret-2',
      memberships: [{ role: 'family', orgUnitId: units.branch }],
    });
    expect(family2.status).toBe(201);
    expect(
      (
        await as(admin).post(`/api/residents/${residents.RB2}/family-links`, {
          userId: family2.body.id,
          relationship: '儿子',
        })
      ).status,
    ).toBe(201);
    const ids: { id: string; username: string }[] = await t.dataSource.query(
      `SELECT id, username FROM app_user WHERE username IN ('family.liu', 'nurse.a')`,
    );
    const id = (name: string) => ids.find((u) => u.username === name)!.id;
    const tenant: { tenant_id: string }[] = await t.dataSource.query(
      'SELECT tenant_id FROM app_user WHERE id = $1',
      [family2.body.id],
    );
    const days: [string, string][] = [
      [id('family.liu'), '2026-01-05'],
      [id('family.liu'), '2026-01-20'],
      [id('family.liu'), '2026-02-01'],
      [family2.body.id as string, '2026-01-31'],
      [family2.body.id as string, '2026-03-01'],
      [id('nurse.a'), '2026-01-10'],
    ];
    await t.dataSource.query('DELETE FROM user_activity');
    for (const [user, day] of days) {
      await t.dataSource.query('INSERT INTO user_activity (user_id, day, tenant_id) VALUES ($1, $2, $3)', [
        user,
        day,
        tenant[0]!.tenant_id,
      ]);
    }
    const mau = (key: string, role?: string) =>
      report(
        key,
        {
          source: { type: 'activity', ...(role ? { role } : {}) },
          groupBy: [{ key: 'month', by: 'time', field: 'day', bucket: 'month' }],
          measures: [{ key: 'users', op: 'count-distinct', field: 'userId' }],
        },
        { y: ['users'] },
      );
    await save(mau('mau-family', 'family'));
    await save(mau('mau-all'));

    // then each user counts once a month
    expect(await rows(admin, 'mau-family')).toEqual([
      { month: '2026-01-01', users: 2 },
      { month: '2026-02-01', users: 1 },
      { month: '2026-03-01', users: 1 },
      { month: '2026-04-01', users: 0 },
    ]);
    expect((await rows(admin, 'mau-all')).map((r) => r.users)).toEqual([3, 1, 1, 0]);
    // a wing nurse sees families of her wing's residents (and her wing's staff)
    expect((await rows(nurseA, 'mau-family')).map((r) => r.users)).toEqual([1, 1, 0, 0]);
    expect((await rows(nurseA, 'mau-all')).map((r) => r.users)).toEqual([2, 1, 0, 0]);
    expect((await rows(nurseB, 'mau-family')).map((r) => r.users)).toEqual([1, 0, 1, 0]);
    expect(
      (await rows(admin, 'mau-family', `${PERIOD}&orgUnitId=${units.wingB}`)).map((r) => r.users),
    ).toEqual([1, 0, 1, 0]);
  });

  it('should note a user’s activity once a day on authenticated requests', async () => {
    // given a fresh login of a family member
    await t.dataSource.query('DELETE FROM user_activity');
    const family = await t.login('family.liu');
    const liu: { id: string }[] = await t.dataSource.query(
      `SELECT id FROM app_user WHERE username = 'family.liu'`,
    );
    const activity = () =>
      t.dataSource.query<{ day: string }[]>(
        `SELECT to_char(day, 'YYYY-MM-DD') AS day FROM user_activity WHERE user_id = $1 ORDER BY day`,
        [liu[0]!.id],
      );
    // when they make requests today
    expect((await as(family).get('/api/auth/me')).status).toBe(200);
    expect((await as(family).get('/api/auth/me')).status).toBe(200);
    // then there is one row for today in Shanghai (this suite has not moved the clock before)
    const day = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(at);
    const today = day(new Date());
    expect(await activity()).toEqual([{ day: today }]);
    // and a day later, another
    const moved = await as(admin).post('/api/test/clock', { advance: 'P1D' });
    expect(moved.status).toBeLessThan(300);
    expect((await as(family).get('/api/auth/me')).status).toBe(200);
    const tomorrow = day(new Date(moved.body.now as string));
    expect(await activity()).toEqual([{ day: today }, { day: tomorrow }]);
    // and across the home's midnight (16:00 UTC): half a minute before it the same day, half a minute after the next
    const midnight = new Date(moved.body.now as string);
    midnight.setUTCHours(16, 0, 0, 0);
    while (midnight.getTime() - Date.parse(moved.body.now as string) < 60_000) {
      midnight.setUTCDate(midnight.getUTCDate() + 1);
    }
    for (const offsetMs of [-30_000, 30_000]) {
      const set = await as(admin).post('/api/test/clock', {
        set: new Date(midnight.getTime() + offsetMs).toISOString(),
      });
      expect(set.status).toBeLessThan(300);
      expect((await as(family).get('/api/auth/me')).status).toBe(200);
    }
    const before = day(new Date(midnight.getTime() - 30_000));
    const after = day(new Date(midnight.getTime() + 30_000));
    expect(after).not.toBe(before);
    expect((await activity()).map((r) => r.day)).toEqual([...new Set([today, tomorrow, before, after])]);
  });
});
