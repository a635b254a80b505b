// Record submission over HTTP against a baseline endpoint in the same server, then filtered
// lists over a million records. Run with `pnpm bench` (uses DATABASE_URL's server when set, else
// an embedded PostgreSQL). Prints a table and saves JSON under artifacts/bench/.
import pg from 'pg';
import { archiveData, archiveSchema, FIELD_COUNT } from './archive-form.mjs';
import { startCpuMeter } from './cpu.mjs';
import { combine, connectionPool, load, percentile } from './load.mjs';
import { login, startServer } from '../support/server-process.mjs';
import { startTestDatabase } from '../support/test-database.mjs';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
/** Seconds each endpoint is measured in all, in `ROUNDS` rounds alternating with the other's. */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Seconds each endpoint runs before it is measured, so V8 has optimised its path (see engine.bench.mjs). */
const WARM_UP_SECONDS = Number(process.env.BENCH_WARM_UP_SECONDS ?? 8);
const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
export const ADMIN_PASSWORD = 'bench-admin-pass';

async function api(url, token, method, path, body) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  }
  return json;
}

async function seedRecords(client, { formId, residentIds, unitId, userId, tenantId }, count) {
  // Filler rows shaped like the archive, spread over residents, care levels, totals and 2 years.
  await client.query(
    `INSERT INTO record (tenant_id, form_id, form_version, resident_id, org_unit_id, data, scores, revision,
                         created_by, updated_by, created_at, updated_at)
     SELECT $1, $2, 1, ($3::uuid[])[1 + g % array_length($3::uuid[], 1)], $4,
            jsonb_build_object(
              'name', '长者' || g, 'gender', CASE WHEN g % 2 = 0 THEN 'male' ELSE 'female' END,
              'birthDate', '1941-03-08', 'admissionDate', to_char(date '2025-01-01' + (g % 700), 'YYYY-MM-DD'),
              'careLevel', (ARRAY['self-care','level-1','level-2','level-3','special'])[1 + g % 5],
              'adlTotal', (g * 7) % 101, 'hasDementia', g % 3 = 0, 'measure1', g % 1000,
              'note1', '第1项情况说明：精神状态良好，饮食正常。', 'note2', '第2项情况说明：睡眠质量一般。'),
            '{}', 1, $5, $5, now() - make_interval(secs => g * 60), now()
     FROM generate_series(1, $6::int) g`,
    [tenantId, formId, residentIds, unitId, userId, count],
  );
  await client.query('ANALYZE record');
}

async function timeList(url, token, path, times = 30) {
  const pool = connectionPool(url);
  const latencies = [];
  let rows = 0;
  for (let i = 0; i < times + 3; i += 1) {
    const started = performance.now();
    const response = await pool.request('GET', path, { headers: { authorization: `Bearer ${token}` } });
    const elapsed = performance.now() - started;
    if (response.status !== 200) {
      throw new Error(`GET ${path}: ${response.status} ${response.text}`);
    }
    if (i >= 3) {
      latencies.push(elapsed);
      rows = JSON.parse(response.text).items.length;
    }
  }
  pool.close();
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), rows };
}

/**
 * What a submission needs (shared with records-profile.mjs): the 60-field archive form published, a rule
 * with a 3-day context window on it (the rule hook of every submission) and a resident in a wing.
 */
export async function prepareSubmissions(url, client) {
  await client.query(
    'CREATE TABLE IF NOT EXISTS bench_baseline (id bigserial PRIMARY KEY, data jsonb NOT NULL)',
  );
  const token = await login(url, 'admin', ADMIN_PASSWORD);
  const form = await api(url, token, 'POST', '/api/forms', {
    key: 'bench-archive',
    name: { 'zh-CN': '基准测试档案', en: 'Benchmark archive' },
    schema: archiveSchema(),
  });
  await api(url, token, 'POST', `/api/forms/${form.id}/publish`);
  // The rule hook of every submission: a rule watching this form with a 3-day context window.
  await api(url, token, 'POST', '/api/rules', {
    key: 'bench-low-adl',
    name: { 'zh-CN': '基准：ADL 连续偏低', en: 'Bench: ADL low three times' },
    definition: {
      trigger: { type: 'record.saved', formKey: 'bench-archive' },
      context: [{ name: 'recent', formKey: 'bench-archive', days: 3, limit: 3 }],
      condition: {
        '>=': [{ consecutive: [{ var: 'context.recent' }, { '<': [{ var: 'adlTotal' }, 0] }] }, 3],
      },
      actions: [
        { type: 'notify', to: { role: 'head-nurse' }, message: { 'zh-CN': 'ADL 偏低', en: 'ADL low' } },
      ],
    },
  });
  const units = await api(url, token, 'GET', '/api/org-units');
  const wing = units.find((u) => u.kind === 'wing');
  const resident = await api(url, token, 'POST', '/api/residents', {
    name: '基准长者',
    gender: 'female',
    birthDate: '1940-01-01',
    orgUnitId: wing.id,
  });
  const headers = { authorization: `Bearer ${token}` };
  return {
    token,
    form,
    wing,
    resident,
    submit: { url: `${url}/api/records`, headers, connections: CONNECTIONS },
    submitBody: (worker, n) => ({
      formKey: 'bench-archive',
      residentId: resident.id,
      data: archiveData(worker * 100000 + n),
    }),
    baseline: { url: `${url}/api/bench/baseline`, headers, connections: CONNECTIONS },
    baselineBody: (worker, n) => ({ data: archiveData(worker * 100000 + n) }),
  };
}

export async function runRecordsBench() {
  const database = await startTestDatabase('bench');
  const client = new pg.Client({ connectionString: database.url });
  let server = null;
  try {
    server = await startServer({
      DATABASE_URL: database.url,
      CARELOOM_ADMIN_PASSWORD: ADMIN_PASSWORD,
      CARELOOM_BENCH: '1',
      LOG_LEVEL: 'error',
    });
    await client.connect();
    const { token, form, wing, resident, submit, submitBody, baseline, baselineBody } =
      await prepareSubmissions(server.url, client);

    // Submission: warm both paths, then measure each at the same concurrency, in rounds that alternate (baseline,
    // records, records, baseline, baseline, records …) so that the machine's drift during the run weighs on both.
    await load({ ...baseline, body: baselineBody, seconds: WARM_UP_SECONDS });
    await load({ ...submit, body: submitBody, seconds: WARM_UP_SECONDS });
    const measured = { base: [], submit: [] };
    const cpu = { base: { appMs: 0, databaseMs: 0 }, submit: { appMs: 0, databaseMs: 0 } };
    const round = async (which) => {
      const meter = await startCpuMeter(client, { appPid: server.pid, applications: ['careloom'] });
      const result = await load({
        ...(which === 'base' ? baseline : submit),
        body: which === 'base' ? baselineBody : submitBody,
        seconds: SECONDS / ROUNDS,
      });
      const used = await meter.stop();
      measured[which].push(result);
      for (const key of ['appMs', 'databaseMs']) {
        cpu[which][key] = used[key] === null || cpu[which][key] === null ? null : cpu[which][key] + used[key];
      }
    };
    for (let i = 0; i < ROUNDS; i += 1) {
      const order = i % 2 === 0 ? ['base', 'submit'] : ['submit', 'base'];
      for (const which of order) {
        await round(which);
      }
    }
    const perRequest = (which, result) => ({
      serverMs: cpu[which].appMs === null ? null : cpu[which].appMs / result.requests,
      databaseMs: cpu[which].databaseMs === null ? null : cpu[which].databaseMs / result.requests,
    });
    const base = combine(measured.base);
    const records = combine(measured.submit);
    base.cpu = perRequest('base', base);
    records.cpu = perRequest('submit', records);
    const roundRatios = measured.submit.map((run, i) => run.rps / measured.base[i].rps);

    // Lists over a million records.
    const residents = [resident.id];
    for (let i = 0; i < 99; i += 1) {
      const r = await api(server.url, token, 'POST', '/api/residents', {
        name: `基准长者${i}`,
        gender: 'male',
        birthDate: '1940-01-01',
        orgUnitId: wing.id,
      });
      residents.push(r.id);
    }
    const { rows: ids } = await client.query(
      `SELECT u.id AS user_id, u.tenant_id FROM app_user u WHERE u.username = 'admin'`,
    );
    const seedStarted = performance.now();
    await seedRecords(
      client,
      {
        formId: form.id,
        residentIds: residents,
        unitId: wing.id,
        userId: ids[0].user_id,
        tenantId: ids[0].tenant_id,
      },
      RECORDS,
    );
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const q = (filter) => encodeURIComponent(JSON.stringify(filter));
    const lists = {
      'newest 20 of the form': await timeList(
        server.url,
        token,
        '/api/records?formKey=bench-archive&pageSize=20',
      ),
      'careLevel = level-2': await timeList(
        server.url,
        token,
        `/api/records?formKey=bench-archive&filter=${q({ '==': [{ var: 'careLevel' }, 'level-2'] })}`,
      ),
      'adlTotal >= 95, sorted by it': await timeList(
        server.url,
        token,
        `/api/records?formKey=bench-archive&sort=-adlTotal&filter=${q({ '>=': [{ var: 'adlTotal' }, 95] })}`,
      ),
      'one resident, last 30 days': await timeList(
        server.url,
        token,
        `/api/records?formKey=bench-archive&residentId=${residents[7]}&from=${new Date(Date.now() - 30 * 86400_000).toISOString()}`,
      ),
    };
    return {
      connections: CONNECTIONS,
      seconds: SECONDS,
      rounds: ROUNDS,
      roundRatios,
      warmUpSeconds: WARM_UP_SECONDS,
      fields: FIELD_COUNT,
      records: RECORDS,
      seedSeconds,
      base,
      submit: records,
      lists,
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
