import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readBundleFolder } from '../../src/modules/bundles/bundle-validation.util.js';
import { demoOrgUnits, residentInput, type OrgUnitIds } from '../factories/resident.factory.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

/**
 * The director dashboard's KPIs read built-in fields from their own columns (and a record's data without
 * rebuilding a JSON document per row), and a dashboard runs its reports side by side. Each answer here is
 * checked against a direct, hand-written SQL query over the raw tables in the same database: same months in
 * the home's zone (Asia/Shanghai, UTC+8), same period edges, same scope (wing-A staff count only wing A).
 *
 * Data, seeded by SQL as a year of use would leave it (wing A: 2 residents, wing B: 1):
 * - complaint work orders: first-response and resolve tasks created on the Shanghai month edges
 *   (31 Jan 23:30 local = 15:30Z, 1 Feb 00:30 local = 16:30Z of 31 Jan …), some late, one still open;
 * - complaint intakes (`createdAt` on the same edges) and call-backs (`calledAt`, satisfaction, NPS; one
 *   without a score).
 */
const ZONE = 'Asia/Shanghai';
const FROM = '2026-01-01';
const TO = '2026-04-01';
const PERIOD = `?from=${FROM}&to=${TO}`;
const TEMPLATES = path.resolve(import.meta.dirname, '..', '..', '..', 'templates');
/** Instants on and around the local month edges, with the minutes each task took and whether it ran late. */
const WORK_ORDERS: { at: string; wing: 'A' | 'B'; respond: number; late: boolean; resolveHours: number }[] = [
  { at: '2025-12-31T15:59:00Z', wing: 'A', respond: 10, late: false, resolveHours: 5 }, // 31 Dec 23:59: before the period
  { at: '2025-12-31T16:00:00Z', wing: 'A', respond: 20, late: false, resolveHours: 10 }, // 1 Jan 00:00: first instant in
  { at: '2026-01-31T15:30:00Z', wing: 'A', respond: 45, late: true, resolveHours: 80 }, // 31 Jan 23:30 local
  { at: '2026-01-31T16:30:00Z', wing: 'B', respond: 90, late: true, resolveHours: 2 }, // 1 Feb 00:30 local
  { at: '2026-02-14T04:00:00Z', wing: 'A', respond: 5, late: false, resolveHours: 30 },
  { at: '2026-02-28T16:10:00Z', wing: 'B', respond: 33, late: false, resolveHours: 75 }, // 1 Mar 00:10 local
  { at: '2026-03-31T15:59:59Z', wing: 'A', respond: 61, late: true, resolveHours: 1 }, // 31 Mar 23:59:59 local
  { at: '2026-03-31T16:00:00Z', wing: 'B', respond: 15, late: false, resolveHours: 4 }, // 1 Apr 00:00: after
];

async function bundleJson(name: string): Promise<Record<string, string>> {
  const files = await readBundleFolder(path.join(TEMPLATES, name));
  return Object.fromEntries([...files].map(([file, content]) => [file, content.toString('utf8')]));
}

type Row = Record<string, string | number | null>;
const rounded = (rows: Row[]) =>
  rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => [k, typeof v === 'number' ? Number(v.toFixed(6)) : v]),
    ),
  );

describe('reports fast path', () => {
  let t: TestApp;
  let admin: string;
  let nurseA: string;
  let units: OrgUnitIds;
  let tenantId: string;
  let wingAPath: string;

  const get = (token: string, url: string) => t.http().get(url).set('authorization', `Bearer ${token}`);
  async function rows(token: string, key: string, query = PERIOD): Promise<Row[]> {
    const data = await get(token, `/api/reports/${key}/data${query}`);
    expect({ status: data.status, body: data.status === 200 ? null : data.body }).toEqual({
      status: 200,
      body: null,
    });
    return data.body.rows as Row[];
  }
  /** The direct query's rows (numbers as JS numbers), limited to wing A when `wing` is given. */
  async function direct(sql: string, wing: boolean, params: unknown[] = []): Promise<Row[]> {
    const list: Row[] = await t.dataSource.query(sql, [
      tenantId,
      FROM,
      TO,
      ZONE,
      wing ? `${wingAPath}%` : '%',
      ...params,
    ]);
    return list.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([k, v]) => [
          k,
          typeof v === 'string' && !['month', 'type'].includes(k) ? Number(v) : v,
        ]),
      ),
    );
  }
  const inPeriod = (column: string) =>
    `${column} >= ($2::date::timestamp AT TIME ZONE $4) AND ${column} < ($3::date::timestamp AT TIME ZONE $4)`;
  const month = (column: string) =>
    `to_char(date_trunc('month', ${column} AT TIME ZONE $4), 'YYYY-MM-DD') AS month`;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
    nurseA = await t.login('nurse.a');
    units = await demoOrgUnits(t.dataSource);
    for (const name of [
      'complaint-workorder',
      'onboarding-30day',
      'elder-archive',
      'care-quality',
      'kpi-reports',
    ]) {
      const imported = await t
        .http()
        .post('/api/bundles/import')
        .set('authorization', `Bearer ${admin}`)
        .send({ files: await bundleJson(name) });
      expect(imported.status).toBe(200);
    }
    const residents: Record<'A' | 'B', string> = { A: '', B: '' };
    for (const wing of ['A', 'B'] as const) {
      const created = await t
        .http()
        .post('/api/residents')
        .set('authorization', `Bearer ${admin}`)
        .send(residentInput(wing === 'A' ? units.wingA : units.wingB));
      expect(created.status).toBe(201);
      residents[wing] = created.body.id as string;
    }
    const [who] = await t.dataSource.query(
      `SELECT u.id, u.tenant_id, ou.path FROM app_user u, org_unit ou WHERE u.username = 'admin' AND ou.id = $1`,
      [units.wingA],
    );
    tenantId = who.tenant_id as string;
    wingAPath = who.path as string;
    const [definition] = await t.dataSource.query(
      `SELECT id, version FROM process_definition WHERE tenant_id = $1 AND key = 'complaint-workorder'
       ORDER BY version DESC LIMIT 1`,
      [tenantId],
    );
    for (const [i, wo] of WORK_ORDERS.entries()) {
      const at = new Date(wo.at);
      const responded = new Date(at.getTime() + wo.respond * 60_000);
      const resolved = new Date(responded.getTime() + wo.resolveHours * 3_600_000);
      const [instance] = await t.dataSource.query(
        `INSERT INTO process_instance (id, tenant_id, definition_id, process_key, process_version, status, state,
                                       version, resident_id, business_key, created_at, updated_at, ended_at)
         VALUES (gen_random_uuid(), $1, $2, 'complaint-workorder', $3, 'completed', '{"variables": {}}', 1, $4,
                 $5, $6, $7, $7) RETURNING id`,
        [tenantId, definition.id, definition.version, residents[wo.wing], `FAST-${i}`, at, resolved],
      );
      const due = new Date(at.getTime() + (wo.late ? wo.respond - 1 : wo.respond) * 60_000);
      const open = i === WORK_ORDERS.length - 2;
      await t.dataSource.query(
        `INSERT INTO task (tenant_id, instance_id, engine_task_id, element_id, name, candidate_groups, candidate_users,
                           form_key, due_at, resident_id, variables, status, completed_at, version, created_at)
         VALUES ($1, $2, gen_random_uuid()::text, 'firstResponse', '首次响应', '{front-desk}', '{}',
                 'complaint-first-response', $3, $4, '{}', 'completed', $5, 1, $6),
                ($1, $2, gen_random_uuid()::text, 'resolve', '处理', '{logistics}', '{}', 'complaint-resolution',
                 $7, $4, '{}', $8, $9, 1, $5)`,
        [
          tenantId,
          instance.id,
          due,
          residents[wo.wing],
          responded,
          at,
          new Date(responded.getTime() + 72 * 3_600_000),
          open ? 'open' : 'completed',
          open ? null : resolved,
        ],
      );
    }
    const form = async (key: string) =>
      (
        await t.dataSource.query(
          `SELECT f.id, max(v.version) AS version FROM form f JOIN form_version v ON v.form_id = f.id
           WHERE f.tenant_id = $1 AND f.key = $2 GROUP BY f.id`,
          [tenantId, key],
        )
      )[0] as { id: string; version: number };
    const insertRecord = async (key: string, wing: 'A' | 'B', at: string, data: object) => {
      const { id, version } = await form(key);
      await t.dataSource.query(
        `INSERT INTO record (tenant_id, form_id, form_version, resident_id, org_unit_id, data, scores, revision,
                             created_by, updated_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, '{}', 1, $7, $7, $8, $8)`,
        [tenantId, id, version, residents[wing], wing === 'A' ? units.wingA : units.wingB, data, who.id, at],
      );
    };
    for (const [i, wo] of WORK_ORDERS.entries()) {
      await insertRecord('complaint-intake', wo.wing, wo.at, {
        complaintType: ['meals', 'care', 'cleaning'][i % 3],
        urgency: 'normal',
        filedBy: 'family',
        channel: 'phone',
        complainantName: `家属${i}`,
        description: '测试',
        occurredAt: wo.at,
      });
      // a call-back two hours after each intake, one without a score
      const calledAt = new Date(new Date(wo.at).getTime() + 2 * 3_600_000).toISOString();
      await insertRecord('complaint-callback', wo.wing, calledAt, {
        calledAt,
        reached: true,
        ...(i === 3 ? {} : { satisfactionScore: 1 + (i % 5), npsScore: (i * 3) % 11 }),
      });
    }
  });
  afterAll(async () => {
    await t.close();
  });

  for (const [who, wing] of [
    ['an admin', false],
    ['wing-A staff', true],
  ] as const) {
    it(`should give ${who} the first-response and resolution times of the direct query, per Shanghai month`, async () => {
      // given the work orders on the month edges; when the reports run over Jan–Mar
      const token = wing ? nurseA : admin;
      const first = (await rows(token, 'first-response-time')).filter((row) => row.avg !== null);
      const resolution = (await rows(token, 'resolution-time')).filter((row) => row.avg !== null);
      // then they equal the direct queries over the task rows
      const scope = `JOIN resident r ON r.id = t.resident_id JOIN org_unit ou ON ou.id = r.org_unit_id
                     WHERE t.tenant_id = $1 AND pi.process_key = 'complaint-workorder' AND ou.path LIKE $5
                       AND t.status = 'completed'`;
      expect(rounded(first)).toEqual(
        rounded(
          await direct(
            `SELECT ${month('t.created_at')},
                    avg(extract(epoch FROM t.completed_at - t.created_at) / 60) AS avg,
                    percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM t.completed_at - t.created_at) / 60) AS p90
             FROM task t JOIN process_instance pi ON pi.id = t.instance_id ${scope}
               AND t.element_id = 'firstResponse' AND ${inPeriod('t.created_at')}
             GROUP BY 1 ORDER BY 1`,
            wing,
          ),
        ),
      );
      expect(rounded(resolution)).toEqual(
        rounded(
          await direct(
            `SELECT ${month('t.completed_at')},
                    avg(extract(epoch FROM t.completed_at - pi.created_at) / 3600) AS avg,
                    percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM t.completed_at - pi.created_at) / 3600) AS p90
             FROM task t JOIN process_instance pi ON pi.id = t.instance_id ${scope}
               AND t.element_id = 'resolve' AND ${inPeriod('t.completed_at')}
             GROUP BY 1 ORDER BY 1`,
            wing,
          ),
        ),
      );
      // and the month edges put 31 Jan 23:30 local in January and 1 Feb 00:30 local in February
      expect(first.map((row) => row.month)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
    });

    it(`should give ${who} SLA compliance, complaint counts and CSAT of the direct query`, async () => {
      const token = wing ? nurseA : admin;
      // when the number and trend reports run
      const sla = await get(token, `/api/reports/sla-compliance/data${PERIOD}`);
      const complaints = (await rows(token, 'complaint-rate')).map((row) => ({
        month: row.month,
        complaints: row.complaints,
      }));
      const csat = await get(token, `/api/reports/csat/data${PERIOD}`);
      const mix = await rows(token, 'complaint-type-mix');
      // then each equals its direct query
      // (SLA checkpoints: first responses and resolutions done, or still open past their due time; the seeded open
      // resolve step opened on 1 April local, after the period — templates.e2e-spec.ts counts open overdue ones)
      const met = `t.status = 'completed' AND t.completed_at <= t.due_at`;
      const [expectedSla] = await direct(
        `SELECT count(*) FILTER (WHERE ${met}) * 100.0 / count(*) AS "onTime",
                count(*) FILTER (WHERE ${met} AND t.element_id = 'firstResponse') * 100.0
                  / count(*) FILTER (WHERE t.element_id = 'firstResponse') AS "firstResponseOnTime",
                count(*) FILTER (WHERE ${met} AND t.element_id = 'resolve') * 100.0
                  / count(*) FILTER (WHERE t.element_id = 'resolve') AS "resolutionOnTime",
                count(*)::int AS checkpoints
         FROM task t JOIN process_instance pi ON pi.id = t.instance_id
         JOIN resident r ON r.id = t.resident_id JOIN org_unit ou ON ou.id = r.org_unit_id
         WHERE t.tenant_id = $1 AND pi.process_key = 'complaint-workorder' AND ou.path LIKE $5
           AND t.element_id IN ('firstResponse', 'resolve') AND t.due_at IS NOT NULL
           AND (t.status = 'completed' OR (t.status = 'open' AND t.due_at < now()))
           AND ${inPeriod('t.created_at')}`,
        wing,
      );
      expect(sla.body.summary.value).toBeCloseTo(expectedSla!.onTime as number, 9);
      expect(rounded(sla.body.rows)).toEqual(rounded([expectedSla!]));
      const intake = `FROM record rec JOIN form f ON f.id = rec.form_id JOIN org_unit ou ON ou.id = rec.org_unit_id
                      WHERE rec.tenant_id = $1 AND rec.deleted_at IS NULL AND ou.path LIKE $5`;
      const counted = await direct(
        `SELECT ${month('rec.created_at')}, count(*)::int AS complaints ${intake}
           AND f.key = 'complaint-intake' AND ${inPeriod('rec.created_at')} GROUP BY 1 ORDER BY 1`,
        wing,
      );
      expect(complaints.filter((row) => row.complaints !== 0)).toEqual(counted);
      const [expectedCsat] = await direct(
        `SELECT avg((rec.data ->> 'satisfactionScore')::numeric)::float8 AS csat ${intake}
           AND f.key = 'complaint-callback' AND rec.data ? 'satisfactionScore' AND ${inPeriod('rec.created_at')}`,
        wing,
      );
      expect(csat.body.summary.value).toBeCloseTo(expectedCsat!.csat as number, 9);
      const expectedMix = await direct(
        `SELECT rec.data ->> 'complaintType' AS type, count(*)::int AS complaints ${intake}
           AND f.key = 'complaint-intake' AND ${inPeriod('rec.created_at')} GROUP BY 1`,
        wing,
      );
      expect(mix.map((row) => `${row.type}:${row.complaints}`).sort()).toEqual(
        expectedMix.map((row) => `${row.type}:${row.complaints}`).sort(),
      );
    });
  }

  it('should answer the dashboard, its reports run side by side, exactly as each report alone', async () => {
    // given the director dashboard over the period, for wing-A staff
    const dashboard = await get(nurseA, `/api/dashboards/director/data${PERIOD}`);
    expect(dashboard.status).toBe(200);
    const items = dashboard.body.items as {
      report: string;
      result: { rows: Row[] } | null;
      error?: string;
    }[];
    // then every item answered, in the dashboard's order, with the rows the report gives on its own
    const spec = JSON.parse((await bundleJson('kpi-reports'))['dashboards/director.json']!) as {
      items: { report: string }[];
    };
    expect(items.map((item) => item.report)).toEqual(spec.items.map((item) => item.report));
    for (const item of items) {
      expect({ report: item.report, error: item.error }).toEqual({ report: item.report, error: undefined });
      expect({ report: item.report, rows: rounded(item.result!.rows) }).toEqual({
        report: item.report,
        rows: rounded(await rows(nurseA, item.report)),
      });
    }
  });
});
