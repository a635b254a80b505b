// The director dashboard over a year of a 300-bed home: 1,000,000 records (vital signs, complaint intakes and
// call-backs, falls, pressure injuries, contracts) and 100,000 complaint work orders (instances + tasks), seeded
// by SQL. Each main KPI and the whole dashboard run through the real HTTP API (GET /api/reports/{key}/data and
// GET /api/dashboards/director/data) with a month + wing filter and over the whole year, next to a baseline
// `SELECT count(*) … GROUP BY month` on the same table straight through pg. `pnpm bench reports [--quick]`.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { percentile } from './load.mjs';
import { login, REPO_ROOT, startServer } from '../support/server-process.mjs';
import { startTestDatabase } from '../support/test-database.mjs';

const ADMIN_PASSWORD = 'bench-admin-pass';
const ZONE = 'Asia/Shanghai';
/** The six KPIs the director looks at first (all on the director dashboard). */
export const MAIN_KPIS = [
  'complaint-rate',
  'sla-compliance',
  'first-response-time',
  'csat',
  'falls-rate',
  'occupancy',
];
/** What "feels instant" means for the director (issue #7): per main KPI and for the whole dashboard, over a year. */
export const YEAR_KPI_GOAL_MS = 300;
export const YEAR_DASHBOARD_GOAL_MS = 1500;
const WINGS = 4;
const BEDS_PER_WING = 75;

async function api(url, token, method, route, body) {
  const response = await fetch(`${url}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error(`${method} ${route}: ${response.status} ${JSON.stringify(json)}`);
  }
  return json;
}

/** A bundle folder as the import API takes it: relative path → file text. */
function bundleFiles(name) {
  const root = path.join(REPO_ROOT, 'templates', name);
  const files = {};
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else if (/\.(json|bpmn)$/.test(entry.name)) {
        files[path.relative(root, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
      }
    }
  };
  walk(root);
  return files;
}

const localDay = (date) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(date);

/** 300 beds in four wings; ~270 in care at any time, some leaving and others arriving during the year. */
async function seedResidents(client, { tenantId, wingIds, yearStart }) {
  await client.query(
    `INSERT INTO resident (tenant_id, org_unit_id, name, gender, birth_date, status, room, bed, care_level,
                           admitted_at, left_at, version)
     SELECT $1, ($2::uuid[])[1 + g % $3], '基准长者' || g, CASE WHEN g % 2 = 0 THEN 'male' ELSE 'female' END,
            date '1938-01-01' + (g * 37) % 5000, CASE WHEN lft IS NULL THEN 'admitted' ELSE 'discharged' END,
            (100 + g / 2)::text, (1 + g % 2)::text,
            (ARRAY['自理','一级护理','二级护理','三级护理','特级护理'])[1 + g % 5], adm, lft, 1
     FROM (SELECT g,
                  CASE WHEN g <= 270 THEN $4::timestamptz - make_interval(days => (g * 13) % 700)
                       ELSE $4::timestamptz + make_interval(days => (g - 270) * 5) END AS adm,
                  CASE WHEN g <= 270 AND g % 6 = 0 THEN $4::timestamptz + make_interval(days => (g * 11) % 360)
                       END AS lft
           FROM generate_series(1, 330) g) s`,
    [tenantId, wingIds, WINGS, yearStart],
  );
  const { rows } = await client.query(
    `SELECT id, org_unit_id FROM resident WHERE tenant_id = $1 AND name LIKE '基准长者%' ORDER BY name`,
    [tenantId],
  );
  return { residentIds: rows.map((r) => r.id), unitIds: rows.map((r) => r.org_unit_id) };
}

/** `count` records of one form over the year; `data` is an SQL jsonb expression of g and `at`. */
async function seedForm(client, ctx, form, count, data) {
  await client.query(
    `INSERT INTO record (tenant_id, form_id, form_version, resident_id, org_unit_id, data, scores, revision,
                         created_by, updated_by, created_at, updated_at)
     SELECT $1, $2, $3, ($4::uuid[])[i], ($5::uuid[])[i], ${data}, '{}', 1, $6, $6, at, at
     FROM (SELECT g, 1 + (g::bigint * 7919) % array_length($4::uuid[], 1) AS i,
                  $7::timestamptz + make_interval(secs => g * (31536000.0 / $8::int)) AS at
           FROM generate_series(1, $8::int) g) s`,
    [ctx.tenantId, form.id, form.version, ctx.residentIds, ctx.unitIds, ctx.userId, ctx.yearStart, count],
  );
}

/** Complaint work orders: an ended instance with a first-response and a resolve task each. */
async function seedWorkOrders(client, ctx, count) {
  const { rows } = await client.query(
    `SELECT id, version FROM process_definition WHERE tenant_id = $1 AND key = 'complaint-workorder'
     ORDER BY version DESC LIMIT 1`,
    [ctx.tenantId],
  );
  const definition = rows[0];
  await client.query(
    `CREATE TEMP TABLE bench_wo AS
     SELECT gen_random_uuid() AS id, g, ($1::uuid[])[1 + (g::bigint * 7919) % array_length($1::uuid[], 1)] AS resident_id,
            $2::timestamptz + make_interval(secs => g * (31536000.0 / $3::int)) AS at,
            make_interval(mins => 5 + (g * 37) % 100) AS respond, make_interval(hours => 1 + (g * 13) % 90) AS resolve
     FROM generate_series(1, $3::int) g`,
    [ctx.residentIds, ctx.yearStart, count],
  );
  await client.query(
    `INSERT INTO process_instance (id, tenant_id, definition_id, process_key, process_version, status, state,
                                   version, resident_id, business_key, created_at, updated_at, ended_at)
     SELECT id, $1, $2, 'complaint-workorder', $3, 'completed',
            jsonb_build_object('variables', jsonb_build_object(
              'complaintType', (ARRAY['care','meals','cleaning','facilities','billing','attitude','other'])[1 + g % 7],
              'urgency', CASE WHEN g % 10 = 0 THEN 'urgent' ELSE 'normal' END)),
            1, resident_id, 'WO-' || g, at, at + respond + resolve, at + respond + resolve
     FROM bench_wo`,
    [ctx.tenantId, definition.id, definition.version],
  );
  await client.query(
    `INSERT INTO task (tenant_id, instance_id, engine_task_id, element_id, name, candidate_groups, candidate_users,
                       form_key, due_at, resident_id, variables, status, completed_at, version, created_at)
     SELECT $1::uuid, id, gen_random_uuid()::text, 'firstResponse', '首次响应', '{front-desk}'::text[], '{}'::text[],
            'complaint-first-response', at + interval '60 minutes', resident_id, '{}'::jsonb, 'completed', at + respond, 1, at
     FROM bench_wo
     UNION ALL
     SELECT $1::uuid, id, gen_random_uuid()::text, 'resolve', '处理', '{logistics}', '{}',
            'complaint-resolution', at + respond + interval '72 hours', resident_id, '{}', 'completed',
            at + respond + resolve, 1, at + respond
     FROM bench_wo`,
    [ctx.tenantId],
  );
}

async function timed(times, work) {
  await work(); // warm
  const ms = [];
  for (let i = 0; i < times; i += 1) {
    const started = performance.now();
    await work();
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
}

export async function runReportsBench({ quick = false } = {}) {
  const records = Number(process.env.BENCH_RECORDS ?? (quick ? 50_000 : 1_000_000));
  const workOrders = Number(process.env.BENCH_WORK_ORDERS ?? (quick ? 5_000 : 100_000));
  const times = Number(process.env.BENCH_ITERATIONS ?? (quick ? 3 : 10));
  const database = await startTestDatabase('bench_reports');
  const client = new pg.Client({ connectionString: database.url });
  let server = null;
  try {
    server = await startServer(
      { DATABASE_URL: database.url, CARELOOM_ADMIN_PASSWORD: ADMIN_PASSWORD, LOG_LEVEL: 'error' },
      180_000,
    );
    await client.connect();
    const token = await login(server.url, 'admin', ADMIN_PASSWORD);
    for (const bundle of [
      'elder-archive',
      'complaint-workorder',
      'onboarding-30day',
      'care-quality',
      'kpi-reports',
    ]) {
      await api(server.url, token, 'POST', '/api/bundles/import', { files: bundleFiles(bundle) });
    }
    const vitals = await api(server.url, token, 'POST', '/api/forms', {
      key: 'bench-vital-signs',
      name: { 'zh-CN': '生命体征（基准）', en: 'Vital signs (bench)' },
      schema: {
        type: 'object',
        properties: {
          measuredAt: { type: 'string', format: 'date-time' },
          systolic: { type: 'integer' },
          diastolic: { type: 'integer' },
          pulse: { type: 'integer' },
          temperature: { type: 'number' },
        },
      },
    });
    await api(server.url, token, 'POST', `/api/forms/${vitals.id}/publish`);

    // A 300-bed home: building 2 with wings C and D next to the demo home's wings A and B, 75 beds each.
    let units = await api(server.url, token, 'GET', '/api/org-units');
    const branch = units.find((u) => u.kind === 'branch');
    const building = await api(server.url, token, 'POST', '/api/org-units', {
      parentId: branch.id,
      name: '2号楼',
      kind: 'building',
    });
    for (const name of ['C区（一层）', 'D区（二层）']) {
      await api(server.url, token, 'POST', '/api/org-units', { parentId: building.id, name, kind: 'wing' });
    }
    units = await api(server.url, token, 'GET', '/api/org-units');
    const wings = units.filter((u) => u.kind === 'wing');
    for (const wing of wings) {
      await api(server.url, token, 'PATCH', `/api/org-units/${wing.id}/capacity`, {
        bedCount: BEDS_PER_WING,
      });
    }

    const now = new Date();
    const yearStart = new Date(now.getTime() - 365 * 86_400_000);
    const { rows: who } = await client.query(`SELECT id, tenant_id FROM app_user WHERE username = 'admin'`);
    const { rows: forms } = await client.query(
      `SELECT f.key, f.id, max(v.version) AS version FROM form f JOIN form_version v ON v.form_id = f.id
       GROUP BY f.key, f.id`,
    );
    const form = (key) => forms.find((f) => f.key === key);
    const seedStarted = performance.now();
    const residents = await seedResidents(client, {
      tenantId: who[0].tenant_id,
      wingIds: wings.map((w) => w.id),
      yearStart,
    });
    const ctx = { tenantId: who[0].tenant_id, userId: who[0].id, yearStart, ...residents };
    const scale = records / 1_000_000;
    const counts = {
      'complaint-intake': Math.round(100_000 * scale),
      'complaint-callback': Math.round(55_000 * scale),
      'fall-incident': Math.max(10, Math.round(330 * scale)),
      'pressure-injury': Math.max(5, Math.round(80 * scale)),
      'residence-contract': Math.max(10, Math.round(360 * scale)),
    };
    counts['bench-vital-signs'] = records - Object.values(counts).reduce((a, b) => a + b, 0);
    const iso = 'to_char(at AT TIME ZONE \'UTC\', \'YYYY-MM-DD"T"HH24:MI:SS"Z"\')';
    const day = `to_char(at AT TIME ZONE '${ZONE}', 'YYYY-MM-DD')`;
    const data = {
      'complaint-intake': `jsonb_build_object('complaintType', (ARRAY['care','meals','cleaning','facilities','billing','attitude','other'])[1 + g % 7],
        'urgency', CASE WHEN g % 10 = 0 THEN 'urgent' ELSE 'normal' END, 'filedBy', 'family', 'channel', 'phone',
        'complainantName', '家属' || g, 'description', '饭菜偏咸，希望调整。', 'occurredAt', ${iso})`,
      'complaint-callback': `jsonb_build_object('calledAt', ${iso}, 'reached', true, 'satisfactionScore', 1 + (g * 7) % 5,
        'npsScore', (g * 3) % 11)`,
      'fall-incident': `jsonb_build_object('occurredAt', ${iso}, 'location', (ARRAY['room','bathroom','corridor','dining'])[1 + g % 4],
        'injuryLevel', (ARRAY['none','none','minor','none','minor','moderate','none','severe'])[1 + g % 8], 'witnessed', g % 3 = 0)`,
      'pressure-injury': `jsonb_build_object('foundAt', ${day}, 'stage', (ARRAY['1','2','2','3','dti'])[1 + g % 5],
        'acquired', CASE WHEN g % 3 = 0 THEN 'on-admission' ELSE 'in-house' END, 'site', 'sacrum')`,
      'residence-contract': `jsonb_build_object('contractNo', 'HT-' || g, 'kind', 'renewal', 'startDate', ${day}, 'endDate', ${day},
        'monthlyFee', 6800, 'renewalOutcome', (ARRAY['renewed','renewed','renewed','renewed','not-renewed','pending'])[1 + g % 6])`,
      'bench-vital-signs': `jsonb_build_object('measuredAt', ${iso}, 'systolic', 110 + g % 40, 'diastolic', 70 + g % 20,
        'pulse', 60 + g % 30, 'temperature', 36.2 + (g % 10) / 10.0)`,
    };
    for (const [key, count] of Object.entries(counts)) {
      await seedForm(client, ctx, form(key), count, data[key]);
    }
    await seedWorkOrders(client, ctx, workOrders);
    await client.query('ANALYZE');
    const seedSeconds = (performance.now() - seedStarted) / 1000;

    // The last full month, for wing A; and the whole year over the whole home.
    const monthEnd = `${localDay(now).slice(0, 7)}-01`;
    const monthStartDate = new Date(`${monthEnd}T00:00:00Z`);
    monthStartDate.setUTCMonth(monthStartDate.getUTCMonth() - 1);
    const monthStart = monthStartDate.toISOString().slice(0, 10);
    const wingA = wings[0];
    const scenarios = {
      'month + wing': {
        query: `?from=${monthStart}&to=${monthEnd}&orgUnitId=${wingA.id}`,
        from: monthStart,
        to: monthEnd,
      },
      'year, whole home': {
        query: `?from=${localDay(yearStart)}&to=${localDay(new Date(now.getTime() + 86_400_000))}`,
        from: localDay(yearStart),
        to: localDay(new Date(now.getTime() + 86_400_000)),
      },
    };
    const intake = form('complaint-intake');
    const results = {};
    for (const [name, scenario] of Object.entries(scenarios)) {
      const baseline = await timed(times, () =>
        client.query(
          `SELECT date_trunc('month', created_at AT TIME ZONE $5) AS month, count(*) FROM record
           WHERE tenant_id = $1 AND form_id = $2 AND deleted_at IS NULL
             AND created_at >= ($3::date::timestamp AT TIME ZONE $5) AND created_at < ($4::date::timestamp AT TIME ZONE $5)
           GROUP BY 1`,
          [ctx.tenantId, intake.id, scenario.from, scenario.to, ZONE],
        ),
      );
      const kpis = {};
      for (const key of MAIN_KPIS) {
        kpis[key] = await timed(times, () =>
          api(server.url, token, 'GET', `/api/reports/${key}/data${scenario.query}`),
        );
      }
      const dashboard = await timed(times, () =>
        api(server.url, token, 'GET', `/api/dashboards/director/data${scenario.query}`),
      );
      const sample = await api(server.url, token, 'GET', `/api/dashboards/director/data${scenario.query}`);
      results[name] = {
        baseline,
        kpis,
        dashboard,
        reports: sample.items.length,
        errors: sample.items.filter((item) => item.error).map((item) => `${item.report}: ${item.error}`),
      };
    }
    return {
      quick,
      goals: { yearKpiMs: YEAR_KPI_GOAL_MS, yearDashboardMs: YEAR_DASHBOARD_GOAL_MS },
      records,
      workOrders,
      residents: residents.residentIds.length,
      times,
      seedSeconds,
      counts,
      scenarios: results,
    };
  } finally {
    await client.end().catch(() => undefined);
    await server?.stop();
    if (process.env.BENCH_KEEP_DATABASE === '1') {
      process.stdout.write(`kept the benchmark database: ${database.url}\n`);
    } else {
      await database.stop();
    }
  }
}

const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');

export function printReports(r) {
  let out =
    `\nDirector dashboard over ${r.records.toLocaleString('en')} records and ${r.workOrders.toLocaleString('en')} work orders` +
    ` (${r.residents} residents, seeded in ${fmt(r.seedSeconds)} s), ${r.times} runs each${r.quick ? ' — QUICK' : ''}\n`;
  for (const [name, s] of Object.entries(r.scenarios)) {
    const base = s.baseline.p50;
    out +=
      `\n${name}: baseline SELECT count(*) … GROUP BY month via pg p50 ${fmt(base, 2)} ms, p95 ${fmt(s.baseline.p95, 2)} ms\n` +
      `| KPI (GET /api/reports/{key}/data)   | p50 ms  | p95 ms  | p50 / baseline |\n` +
      `| ----------------------------------- | ------- | ------- | -------------- |\n` +
      Object.entries(s.kpis)
        .map(
          ([key, k]) =>
            `| ${key.padEnd(35)} | ${fmt(k.p50).padStart(7)} | ${fmt(k.p95).padStart(7)} | ${fmt(k.p50 / base).padStart(13)}× |`,
        )
        .join('\n') +
      `\n| ${`dashboard (${s.reports} reports)`.padEnd(35)} | ${fmt(s.dashboard.p50).padStart(7)} | ${fmt(s.dashboard.p95).padStart(7)} | ${fmt(s.dashboard.p50 / base).padStart(13)}× |\n` +
      (s.errors.length > 0 ? `report errors: ${s.errors.join('; ')}\n` : '');
  }
  const month = r.scenarios['month + wing'];
  const year = r.scenarios['year, whole home'];
  if (month && year) {
    // Side by side: the year over the whole home against the month for one wing, each against its own baseline.
    const row = (name, m, y) =>
      `| ${name.padEnd(26)} | ${fmt(m.p50).padStart(9)} | ${fmt(y.p50).padStart(9)} | ${fmt(y.p95).padStart(9)} | ` +
      `${fmt(y.p50 / year.baseline.p50).padStart(12)}× |`;
    out +=
      `\nYear (whole home) next to month + wing — goals: each main KPI ≤ ${YEAR_KPI_GOAL_MS} ms, ` +
      `the dashboard ≤ ${YEAR_DASHBOARD_GOAL_MS} ms over the year\n` +
      `| p50 ms                     | month+wing | year      | year p95  | year / base   |\n` +
      `| -------------------------- | ---------- | --------- | --------- | ------------- |\n` +
      `${row('baseline count by month', month.baseline, year.baseline)}\n` +
      MAIN_KPIS.map((key) => row(key, month.kpis[key], year.kpis[key])).join('\n') +
      `\n${row(`dashboard (${year.reports} reports)`, month.dashboard, year.dashboard)}\n` +
      `year: slowest main KPI ${fmt(Math.max(...MAIN_KPIS.map((key) => year.kpis[key].p50)))} ms, ` +
      `dashboard ${fmt(year.dashboard.p50)} ms\n`;
  }
  process.stdout.write(out);
}
