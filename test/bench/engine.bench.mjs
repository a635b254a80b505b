// The process engine against the physical limit of its database, in one run on one PostgreSQL:
// the step ceiling (raw SQL shaped like one engine step), persisted steps/s and whole instances/s
// through the HTTP API, state and memory per waiting instance, the job worker's empty poll over many
// future timers and the lateness of due ones, and the same routing model on bpmn-engine (in memory).
// Run with `pnpm bench engine` (`--full` or BENCH_FULL=1 adds the 1,000,000-timer poll).
import os from 'node:os';
import pg from 'pg';
import { closedLoop, combineLoops, connectionPool, percentile } from './load.mjs';
import {
  ROUTE_KEY,
  ROUTE_THRESHOLD,
  routeProcess,
  TIMER_KEY,
  timerProcess,
  WAITING_KEY,
  waitingProcess,
} from './engine-models.mjs';
import { startCpuMeter } from './cpu.mjs';
import { runPeer } from './peer.mjs';
import { login, startServer } from '../support/server-process.mjs';
import { startTestDatabase } from '../support/test-database.mjs';

export const ADMIN_PASSWORD = 'bench-admin-pass';
/** The concurrency for every throughput measure. */
export const CONCURRENCY = 16;
/** The server's pool size (server/src/database/data-source-options.ts): the ceiling uses the same. */
const SERVER_POOL_SIZE = 20;
const SECONDS = Number(process.env.BENCH_ENGINE_SECONDS ?? 10);
/**
 * The ceiling, the HTTP completions and the whole instances are each measured for SECONDS in all, in ROUNDS rounds
 * that alternate (ceiling, completions, instances, then instances, completions, ceiling …), so that the machine's
 * drift during the run weighs on the goals' rows and their baseline alike: measured one after the other, the
 * ceiling swung from 1,389 to 2,241 steps/s between runs on one day while the completions held at 860–990.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WAITING = Number(process.env.BENCH_WAITING ?? 3000);
/**
 * Waiting instances started before the memory is first read: the first ones grow pools, caches and
 * compiled code by several hundred bytes per instance, the next ones do not. Measured in steps of 3,000 after a
 * warm-up of 1,000 (2026-11-29): 171 B per instance kept in the first step, then 22, 24 and -2 B; so the warm-up
 * is 4,000 and the measure after it is what an instance keeps, not what the server's first minutes build.
 */
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 4000);
const POLLS = Number(process.env.BENCH_POLLS ?? 2000);
/**
 * Seconds every throughput measure (ceiling included) runs before it is measured. V8 optimises a request path
 * over its first several thousand calls: server CPU per HTTP completion was 2.2 ms in the first 3 s, 1.2 ms in the
 * next 3 and 0.76–0.87 ms from the 9th second on (steps/s 417 → 643 → 780–860). A server runs for days; the goal
 * is about that state, not about its first seconds.
 */
const WARM_UP_SECONDS = Number(process.env.BENCH_WARM_UP_SECONDS ?? 8);
/** Waiting instances started in the server's process for the in-process completions (HTTP used most of the first). */
const IN_PROCESS_WAITING = Number(process.env.BENCH_IN_PROCESS_WAITING ?? 4000);
/**
 * Timers due within the lateness window, spread evenly over it — at most half the persisted steps/s
 * this run measured (a firing is a step), so lateness shows the worker's timing, not a backlog: the
 * window grows from 10 s up to 60 s, then there are fewer timers.
 */
const SPREAD_TIMERS = Number(process.env.BENCH_SPREAD_TIMERS ?? 2000);
const SPREAD_WINDOW_MS = { min: 10_000, max: 60_000 };
/** Timers due at one instant after the window (firings/s): at most 10 s of persisted steps. */
const BURST_TIMERS = Number(process.env.BENCH_BURST_TIMERS ?? 1000);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** JSON over keep-alive HTTP with the admin's token; throws on a non-2xx answer. */
export function apiClient(baseUrl, token) {
  const pool = connectionPool(baseUrl);
  const call = async (method, path, body) => {
    const response = await pool.request(method, path, {
      headers: { authorization: `Bearer ${token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status < 200 || response.status >= 300) {
      throw new Error(`${method} ${path}: ${response.status} ${response.text.slice(0, 300)}`);
    }
    return response.text ? JSON.parse(response.text) : null;
  };
  return {
    get: (path) => call('GET', path),
    post: (path, body = {}) => call('POST', path, body),
    close: () => pool.close(),
  };
}

/** Rounds of one measure (closed loops with their CPU, from withCpu) as one: counts, seconds and CPU summed. */
export function combineRounds(rounds) {
  const sum = (values) => (values.some((v) => v === null) ? null : values.reduce((a, b) => a + b, 0));
  return withCpuPerCount(combineLoops(rounds), {
    appMs: sum(rounds.map((r) => r.cpu.appMs)),
    databaseMs: sum(rounds.map((r) => r.cpu.databaseMs)),
    loaderMs: sum(rounds.map((r) => r.cpu.loaderMs)),
  });
}

/** A closed loop's result with its CPU milliseconds, in all and per counted unit (null when unknown). */
const withCpuPerCount = (result, { appMs, databaseMs, loaderMs }) => {
  const per = (ms) => (ms === null || result.count === 0 ? null : ms / result.count);
  return {
    ...result,
    cpu: {
      appMs,
      databaseMs,
      loaderMs,
      appMsPer: per(appMs),
      databaseMsPer: per(databaseMs),
      loaderMsPer: per(loaderMs),
    },
  };
};

const summary = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1),
  };
};

/**
 * The engine API inside the server (`POST /api/bench/engine-api`): the same service calls as the HTTP routes,
 * without HTTP, JSON and the per-request session lookup, 16 at a time in the server's own closed loop.
 */
export async function inProcess(api, body) {
  const answer = await api.post('/api/bench/engine-api', { concurrency: CONCURRENCY, ...body });
  const ms = [...answer.ms].sort((a, b) => a - b);
  return {
    count: answer.count,
    errors: answer.errors,
    firstError: answer.firstError,
    seconds: answer.seconds,
    perSecond: answer.count / answer.seconds,
    p50: percentile(ms, 50),
    p99: percentile(ms, 99),
  };
}

/**
 * One whole instance of the routing model over HTTP, as a closed loop's work: start (the gateway routes by the
 * score; the answer names the task the start opened), complete that task (the instance ends). With `listTasks` the
 * task is found as before the start answered with it: by listing the instance's tasks (a third request).
 * `misrouted()` is called when the open task is not the branch the score asks for.
 */
export const wholeInstanceWork =
  (api, misrouted, { listTasks = false } = {}) =>
  async (worker, n) => {
    const score = (worker * 7 + n) % 100;
    const started = await api.post(`/api/processes/${ROUTE_KEY}/instances`, { variables: { score } });
    const tasks = listTasks ? await api.get(`/api/tasks?processInstanceId=${started.id}`) : started.tasks;
    const task = listTasks ? tasks.find((t) => t.status === 'open') : tasks[0];
    if (task?.elementId !== (score > ROUTE_THRESHOLD ? 'high' : 'low')) {
      misrouted();
    }
    await api.post(`/api/tasks/${task.id}/complete`, { data: {} });
    return true;
  };

/** The server's connections (pool and job notifications), for its PostgreSQL CPU time. */
export const SERVER_APPLICATIONS = ['careloom', 'careloom-jobs'];
const CEILING_APPLICATION = 'careloom-bench-ceiling';

/** Runs `measure` (a closed loop) and adds the CPU milliseconds per counted unit: application and PostgreSQL. */
export async function withCpu(client, meter, measure) {
  const cpu = await startCpuMeter(client, meter);
  const own = process.cpuUsage();
  const result = await measure();
  const used = process.cpuUsage(own);
  const { appMs, databaseMs } = await cpu.stop();
  // this process: the load generator when the app is the server (its CPU is taken from the same 2 cores)
  return withCpuPerCount(result, { appMs, databaseMs, loaderMs: (used.user + used.system) / 1000 });
}

/**
 * Fresh planner statistics for the tables the run filled, as autovacuum keeps them in production. Without them
 * (autovacuum is off on some machines' PostgreSQL, and it analyzes a growing table only after a minute) the
 * planner still believes the tables empty: with 25,000 tasks it listed an instance's tasks through a BitmapAnd
 * of the tenant's whole task_report_idx range (1.2–10 ms instead of 0.3 ms).
 */
export async function analyzeTables(client) {
  await client.query('ANALYZE process_instance, task, process_history');
}

/** Ids of the open tasks of the waiting model's instances, oldest first. */
export async function openWaitingTasks(client) {
  const { rows } = await client.query(
    `SELECT t.id FROM task t JOIN process_instance i ON i.id = t.instance_id
     WHERE i.process_key = $1 AND t.status = 'open' ORDER BY t.created_at`,
    [WAITING_KEY],
  );
  return rows.map((r) => r.id);
}

/** One engine step over HTTP: completes the last task of `taskIds` (taken off it); false when none is left. */
export const completeNext = (api, taskIds) => () => {
  const id = taskIds.pop();
  return id === undefined ? false : api.post(`/api/tasks/${id}/complete`, { data: {} }).then(() => true);
};

/**
 * The physical limit: per step one transaction that updates a state row (a real waiting instance's
 * state), inserts two history rows and a task, on tables shaped like ours, 16 at a time on a pool of
 * the server's size, each worker on its own instance row. Returns `run(seconds)` (a closed loop),
 * `measure(seconds)` (the same with its CPU) and `close()`; the connections stay open between rounds.
 */
async function openStepCeiling(databaseUrl, tenantId, state) {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: SERVER_POOL_SIZE,
    application_name: CEILING_APPLICATION,
  });
  const clients = [];
  let meterClient = null;
  const close = async () => {
    for (const client of clients) {
      client.release();
    }
    meterClient?.release();
    await pool.end();
  };
  try {
    await pool.query(`
      CREATE TABLE bench_step_state (id uuid PRIMARY KEY, tenant_id uuid NOT NULL, status text NOT NULL,
        state jsonb NOT NULL, version integer NOT NULL, updated_at timestamptz NOT NULL);
      CREATE TABLE bench_step_history (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, tenant_id uuid NOT NULL,
        instance_id uuid NOT NULL, at timestamptz NOT NULL, element_id text NOT NULL, element_type text NOT NULL,
        event text NOT NULL, token_id text);
      CREATE INDEX ON bench_step_history (instance_id, id);
      CREATE TABLE bench_step_task (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), tenant_id uuid NOT NULL,
        instance_id uuid NOT NULL, element_id text NOT NULL, name text NOT NULL, status text NOT NULL,
        variables jsonb NOT NULL, created_at timestamptz NOT NULL);
      CREATE INDEX ON bench_step_task (instance_id);`);
    const { rows } = await pool.query(
      `INSERT INTO bench_step_state (id, tenant_id, status, state, version, updated_at)
       SELECT gen_random_uuid(), $1, 'active', $2, 1, now() FROM generate_series(1, $3::int) RETURNING id`,
      [tenantId, state, CONCURRENCY],
    );
    const step = async (client, instanceId) => {
      await client.query('BEGIN');
      await client.query(
        'UPDATE bench_step_state SET state = $2, version = version + 1, updated_at = now() WHERE id = $1',
        [instanceId, state],
      );
      await client.query(
        `INSERT INTO bench_step_history (tenant_id, instance_id, at, element_id, element_type, event, token_id)
         VALUES ($1, $2, now(), 'work', 'userTask', 'left', 't1'), ($1, $2, now(), 'next', 'userTask', 'entered', 't1')`,
        [tenantId, instanceId],
      );
      await client.query(
        `INSERT INTO bench_step_task (tenant_id, instance_id, element_id, name, status, variables, created_at)
         VALUES ($1, $2, 'next', 'Next', 'open', '{}', now())`,
        [tenantId, instanceId],
      );
      await client.query('COMMIT');
    };
    while (clients.length < rows.length) {
      clients.push(await pool.connect());
    }
    meterClient = await pool.connect();
    const run = (seconds) =>
      closedLoop({
        connections: CONCURRENCY,
        seconds,
        work: (worker) => step(clients[worker], rows[worker].id),
      });
    return {
      run,
      measure: (seconds) => withCpu(meterClient, { applications: [CEILING_APPLICATION] }, () => run(seconds)),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Stored and JSON-text bytes of the state column per waiting instance, with and without its variables. */
async function stateSize(client) {
  const { rows } = await client.query(
    `SELECT count(*)::int AS n,
            avg(pg_column_size(state))::float AS stored,
            avg(pg_column_size(state -> 'variables'))::float AS stored_variables,
            avg(octet_length(state::text))::float AS text,
            avg(octet_length((state -> 'variables')::text))::float AS text_variables,
            avg(pg_column_size(i.*))::float AS row
     FROM process_instance i WHERE process_key = $1 AND status = 'active'`,
    [WAITING_KEY],
  );
  const r = rows[0];
  return {
    instances: r.n,
    storedBytes: r.stored,
    storedVariablesBytes: r.stored_variables,
    textBytes: r.text,
    textVariablesBytes: r.text_variables,
    rowBytes: r.row,
  };
}

/** Inserts pending future timer jobs (due from tomorrow on) until the job table holds `total` of them. */
async function fillFutureTimers(client, tenantId, from, total) {
  const started = performance.now();
  await client.query(
    `INSERT INTO job (tenant_id, type, instance_id, engine_ref, payload, due_at, attempts, max_attempts,
                      status, created_at)
     SELECT $1, 'timer', gen_random_uuid(), 'bench-future-' || g, '{}'::jsonb,
            now() + interval '1 day' + g * interval '1 second', 0, 3, 'pending', now()
     FROM generate_series($2::int + 1, $3::int) g`,
    [tenantId, from, total],
  );
  await client.query('VACUUM ANALYZE job');
  return (performance.now() - started) / 1000;
}

/**
 * The worker's poll with `timers` future timers pending (its read of the next claimable job; nothing due), timed in
 * the server and EXPLAINed here; and the claim transaction a poll opens when something is due, for comparison.
 */
async function emptyPoll(api, client, serverCpu, timers) {
  await api.post('/api/bench/poll', { times: Math.min(200, POLLS) });
  const polled = await withCpu(client, serverCpu, async () => {
    const answer = await api.post('/api/bench/poll', { times: POLLS });
    return { ...answer, count: answer.ms.length };
  });
  const claims = await api.post('/api/bench/poll', { times: Math.min(500, POLLS), claim: true });
  if (polled.claimed !== 0 || claims.claimed !== 0) {
    throw new Error(`the empty poll found ${polled.claimed + claims.claimed} due jobs`);
  }
  // The poll's read (JobsRepository.nextClaimableAt) as EXPLAIN ANALYZE for the database's share: the median of 21.
  const explainMs = [];
  let explained = null;
  for (let i = 0; i < 21; i += 1) {
    const { rows } = await client.query(
      `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)
       SELECT due_at FROM job WHERE status = 'pending' AND (locked_until IS NULL OR locked_until < $1)
        ORDER BY due_at LIMIT 1`,
      [new Date()],
    );
    [explained] = rows[0]['QUERY PLAN'];
    explainMs.push(explained['Execution Time']);
  }
  const indexes = [];
  const visit = (node) => {
    if (node['Index Name']) {
      indexes.push(node['Index Name']);
    }
    (node.Plans ?? []).forEach(visit);
  };
  visit(explained.Plan);
  return {
    timers,
    ...summary(polled.ms),
    claimP50: summary(claims.ms).p50,
    pollIntervalMs: polled.pollIntervalMs,
    cpu: polled.cpu,
    explainMs: summary(explainMs).p50,
    sharedHitBlocks: explained.Plan['Shared Hit Blocks'],
    indexes,
  };
}

/**
 * Real timers of real instances: `SPREAD_TIMERS` due evenly over a window, then `BURST_TIMERS` due
 * at one instant, fired by the server's own worker. Lateness = the worker's clock when it took the
 * job (the history row of the timer event) − due_at.
 */
async function dueTimers(api, client, { startsPerSecond, stepsPerSecond }) {
  const demand = Math.max(stepsPerSecond / 2, 1);
  const windowMs = Math.min(
    SPREAD_WINDOW_MS.max,
    Math.max(SPREAD_WINDOW_MS.min, Math.ceil((SPREAD_TIMERS / demand) * 1000)),
  );
  const spreadTimers = Math.max(1, Math.min(SPREAD_TIMERS, Math.floor((demand * windowMs) / 1000)));
  const burstTimers = Math.max(2, Math.min(BURST_TIMERS, Math.floor(stepsPerSecond * 10)));
  const total = spreadTimers + burstTimers;
  // Starting them all must end before the first is due: the worker then only fires.
  const startMs = Math.ceil((total / Math.max(startsPerSecond, 1)) * 1500) + 3000;
  const windowStart = Date.now() + startMs;
  const burstAt = windowStart + windowMs + 3000;
  const fireAt = (i) =>
    new Date(i < spreadTimers ? windowStart + (i * windowMs) / spreadTimers : burstAt).toISOString();
  let next = 0;
  const started = await closedLoop({
    connections: CONCURRENCY,
    seconds: 3600,
    work: async () => {
      const i = next;
      next += 1;
      if (i >= total) {
        return false;
      }
      await api.post(`/api/processes/${TIMER_KEY}/instances`, { variables: { fireAt: fireAt(i) } });
      return true;
    },
  });
  if (started.count === 0) {
    throw new Error(`starting timer instances: all failed, first: ${started.firstError}`);
  }
  const allStartedBeforeDue = Date.now() < windowStart;
  const deadline = burstAt + 120_000;
  const firedSoFar = async () => {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM process_history h JOIN process_instance i ON i.id = h.instance_id
       WHERE i.process_key = $1 AND h.element_id = 'wait' AND h.event = 'left'`,
      [TIMER_KEY],
    );
    return rows[0].n;
  };
  let fired = await firedSoFar();
  while (fired < started.count && Date.now() <= deadline) {
    await sleep(500);
    fired = await firedSoFar();
  }
  const { rows } = await client.query(
    `SELECT extract(epoch FROM h.at - j.due_at) * 1000 AS late_ms, extract(epoch FROM h.at) * 1000 AS at_ms,
            extract(epoch FROM j.due_at) * 1000 AS due_ms
     FROM job j JOIN process_instance i ON i.id = j.instance_id
     JOIN process_history h ON h.instance_id = j.instance_id AND h.element_id = 'wait' AND h.event = 'left'
     WHERE i.process_key = $1 AND j.type = 'timer'`,
    [TIMER_KEY],
  );
  const spread = rows.filter((r) => Number(r.due_ms) < burstAt);
  const burst = rows.filter((r) => Number(r.due_ms) >= burstAt);
  const burstTimes = burst.map((r) => Number(r.at_ms));
  const burstSeconds = (Math.max(...burstTimes) - Math.min(...burstTimes)) / 1000;
  return {
    started: started.count,
    startErrors: started.errors,
    firstStartError: started.firstError,
    startsPerSecond: started.perSecond,
    allStartedBeforeDue,
    fired,
    spread: { timers: spreadTimers, windowMs, ...summary(spread.map((r) => Number(r.late_ms))) },
    burst: {
      timers: burstTimers,
      ...summary(burst.map((r) => Number(r.late_ms))),
      firingsPerSecond: burstSeconds > 0 ? (burst.length - 1) / burstSeconds : NaN,
    },
  };
}

export async function runEngineBench({ full = process.env.BENCH_FULL === '1' } = {}) {
  const timerCounts = full ? [100_000, 1_000_000] : [100_000];
  const loadBefore = os.loadavg();
  const database = await startTestDatabase('bench_engine');
  const client = new pg.Client({ connectionString: database.url });
  let server = null;
  let api = null;
  try {
    server = await startServer({
      DATABASE_URL: database.url,
      CARELOOM_ADMIN_PASSWORD: ADMIN_PASSWORD,
      CARELOOM_BENCH: '1',
      LOG_LEVEL: 'error',
      // The in-process completions post every open task's id at once: on a fast machine more than the 1 MB default.
      CARELOOM_BODY_LIMIT: String(64 * 1024 * 1024),
      // The memory route collects garbage first, so the heap shows what is kept.
      NODE_OPTIONS: [process.env.NODE_OPTIONS, '--expose-gc'].filter(Boolean).join(' '),
    });
    await client.connect();
    api = apiClient(server.url, await login(server.url, 'admin', ADMIN_PASSWORD));
    for (const xml of [waitingProcess(), routeProcess(), timerProcess()]) {
      await api.post('/api/processes', { xml });
    }
    const { rows: tenants } = await client.query(`SELECT tenant_id FROM app_user WHERE username = 'admin'`);
    const tenantId = tenants[0].tenant_id;

    // Waiting instances: memory and state size, after a warm-up (also waiting instances).
    const startWaiting = (count) => {
      let left = count;
      return closedLoop({
        connections: CONCURRENCY,
        seconds: 3600,
        work: async (worker, n) => {
          if (left <= 0) {
            return false;
          }
          left -= 1;
          await api.post(`/api/processes/${WAITING_KEY}/instances`, { variables: { worker, n } });
          return true;
        },
      });
    };
    // A few failed requests are reported with the table; none succeeding ends the run.
    const failed = (what, result) => {
      if (result.count === 0) {
        throw new Error(`${what}: all ${result.errors} failed, first: ${result.firstError}`);
      }
      return result;
    };
    const warmUp = failed('warming up', await startWaiting(WARM_UP));
    const memoryBefore = await api.get('/api/bench/memory');
    const serverCpu = { appPid: server.pid, applications: SERVER_APPLICATIONS };
    const starts = failed(
      'starting waiting instances',
      await withCpu(client, serverCpu, () => startWaiting(WAITING)),
    );
    const memoryAfter = await api.get('/api/bench/memory');
    const state = await stateSize(client);
    const { rows: sample } = await client.query(
      `SELECT state::text AS state FROM process_instance WHERE process_key = $1 AND status = 'active' LIMIT 1`,
      [WAITING_KEY],
    );

    // Completions must not run out of open tasks before their measure ends: as many as `perSecond` over the warm-up
    // and the measure, topped up by starts in the server's process (not measured).
    const enoughTasks = async (perSecond) => {
      const open = (await openWaitingTasks(client)).length;
      const needed = Math.ceil(perSecond * (WARM_UP_SECONDS + SECONDS));
      if (open < needed) {
        await inProcess(api, { kind: 'start', processKey: WAITING_KEY, count: needed - open, seconds: 600 });
      }
      await analyzeTables(client);
      return openWaitingTasks(client);
    };

    // The ceiling, engine steps (completing the waiting instances' tasks) and whole instances (start → exclusive
    // gateway (JSON Logic) → user task → complete → end), warmed up, then measured in alternating rounds.
    let routedWrong = 0;
    const wholeInstance = wholeInstanceWork(api, () => {
      routedWrong += 1;
    });
    const completedRoutes = async () =>
      (
        await client.query(
          `SELECT count(*)::int AS n FROM process_instance WHERE process_key = $1 AND status = 'completed'`,
          [ROUTE_KEY],
        )
      ).rows[0].n;
    const ceilingLoop = await openStepCeiling(database.url, tenantId, sample[0].state);
    const measured = { ceiling: [], steps: [], instances: [] };
    let completedInstances;
    try {
      // a quarter more than the ceiling's warm-up rate: the rounds' rates differ from it
      const taskIds = await enoughTasks((await ceilingLoop.run(WARM_UP_SECONDS)).perSecond * 1.25);
      const complete = completeNext(api, taskIds);
      await closedLoop({ connections: CONCURRENCY, seconds: WARM_UP_SECONDS, work: complete });
      await closedLoop({ connections: CONCURRENCY, seconds: WARM_UP_SECONDS, work: wholeInstance });
      const routesBefore = await completedRoutes();
      const measures = {
        ceiling: () => ceilingLoop.measure(SECONDS / ROUNDS),
        steps: () =>
          withCpu(client, serverCpu, () =>
            closedLoop({ connections: CONCURRENCY, seconds: SECONDS / ROUNDS, work: complete }),
          ),
        instances: () =>
          withCpu(client, serverCpu, () =>
            closedLoop({ connections: CONCURRENCY, seconds: SECONDS / ROUNDS, work: wholeInstance }),
          ),
      };
      for (let i = 0; i < ROUNDS; i += 1) {
        for (const which of i % 2 === 0
          ? ['ceiling', 'steps', 'instances']
          : ['instances', 'steps', 'ceiling']) {
          measured[which].push(await measures[which]());
        }
      }
      completedInstances = (await completedRoutes()) - routesBefore;
    } finally {
      await ceilingLoop.close();
    }
    const ceiling = combineRounds(measured.ceiling);
    const steps = combineRounds(measured.steps);
    const instances = combineRounds(measured.instances);
    const roundRatios = {
      steps: measured.steps.map((r, i) => r.perSecond / measured.ceiling[i].perSecond),
      instances: measured.instances.map((r, i) => r.perSecond / measured.ceiling[i].perSecond),
    };

    // The same in the server's process (engine API without HTTP): starts of more waiting instances, then
    // completions of their tasks.
    const inProcessStarts = await withCpu(client, serverCpu, () =>
      inProcess(api, { kind: 'start', processKey: WAITING_KEY, count: IN_PROCESS_WAITING, seconds: 60 }),
    );
    const stillOpen = await enoughTasks(ceiling.perSecond);
    await inProcess(api, {
      kind: 'complete',
      taskIds: stillOpen.splice(-Math.ceil(ceiling.perSecond * WARM_UP_SECONDS)),
      seconds: WARM_UP_SECONDS,
    });
    const inProcessSteps = await withCpu(client, serverCpu, () =>
      inProcess(api, { kind: 'complete', taskIds: stillOpen, seconds: SECONDS }),
    );

    const listing = wholeInstanceWork(api, () => (routedWrong += 1), { listTasks: true });
    await closedLoop({ connections: CONCURRENCY, seconds: 2, work: listing });
    const instancesListing = await withCpu(client, serverCpu, () =>
      closedLoop({ connections: CONCURRENCY, seconds: SECONDS, work: listing }),
    );
    await inProcess(api, { kind: 'route', processKey: ROUTE_KEY, seconds: WARM_UP_SECONDS });
    const inProcessInstances = await withCpu(client, serverCpu, () =>
      inProcess(api, { kind: 'route', processKey: ROUTE_KEY, seconds: SECONDS }),
    );

    // The peer, in this process, while the server idles.
    const peer = await withCpu(client, { applications: [] }, () =>
      runPeer({ concurrency: CONCURRENCY, seconds: SECONDS }),
    );

    // Timers: the empty poll over many future timers, then real due ones among them.
    const polls = [];
    let inserted = 0;
    for (const count of timerCounts) {
      const seconds = await fillFutureTimers(client, tenantId, inserted, count);
      inserted = count;
      polls.push({ ...(await emptyPoll(api, client, serverCpu, count)), insertSeconds: seconds });
    }
    const timers = await dueTimers(api, client, {
      startsPerSecond: starts.perSecond,
      stepsPerSecond: steps.perSecond,
    });

    return {
      loadAverage: { before: loadBefore, after: os.loadavg() },
      cpus: os.cpus().length,
      concurrency: CONCURRENCY,
      seconds: SECONDS,
      rounds: ROUNDS,
      roundRatios,
      warmUpSeconds: WARM_UP_SECONDS,
      poolSize: SERVER_POOL_SIZE,
      ceiling,
      steps,
      warmUp,
      starts,
      instances: { ...instances, completedInstances, routedWrong },
      instancesListing,
      inProcess: { starts: inProcessStarts, steps: inProcessSteps, instances: inProcessInstances },
      state,
      memory: {
        instances: starts.count,
        before: memoryBefore,
        after: memoryAfter,
        heapBytesPerInstance: (memoryAfter.heapUsed - memoryBefore.heapUsed) / starts.count,
        rssBytesPerInstance: (memoryAfter.rss - memoryBefore.rss) / starts.count,
      },
      polls,
      timers,
      peer,
    };
  } finally {
    api?.close();
    await client.end().catch(() => undefined);
    await server?.stop();
    if (process.env.BENCH_KEEP_DATABASE === '1') {
      process.stdout.write(`kept the benchmark database: ${database.url}\n`);
    } else {
      await database.stop();
    }
  }
}
