// CPU profile of a task completion over HTTP (one engine step): starts the built server with a CPU profiler,
// starts waiting instances of the engine benchmark's model (in the server's process, no HTTP), then completes
// their tasks the way the engine benchmark does (POST /api/tasks/{id}/complete, 16 at a time) and the same
// number in-process (the bench route's `complete`: the service call without HTTP), and prints the CPU per step of
// both (server and its PostgreSQL backends) and where the server's time went during the profiled HTTP
// completions (self and inclusive, by function). The .cpuprofile file is kept under artifacts/bench/profiles.
// Run: `node test/bench/engine-profile.mjs` (DATABASE_URL's server when set, else an embedded one);
// BENCH_SECONDS (default 10) per measure, BENCH_WAITING (default 8000) waiting instances.
// `node test/bench/engine-profile.mjs whole` profiles the benchmark's whole instances over HTTP instead (start →
// gateway → task, list the instance's tasks, complete → end), with their statements and CPU per instance.
import pg from 'pg';
import { closedLoop } from './load.mjs';
import { routeProcess, waitingProcess, WAITING_KEY } from './engine-models.mjs';
import {
  ADMIN_PASSWORD,
  analyzeTables,
  apiClient,
  completeNext,
  CONCURRENCY,
  inProcess,
  openWaitingTasks,
  SERVER_APPLICATIONS,
  wholeInstanceWork,
  withCpu,
} from './engine.bench.mjs';
import { startProfiledServer } from './records-profile.mjs';
import { login } from '../support/server-process.mjs';
import { startTestDatabase } from '../support/test-database.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WAITING = Number(process.env.BENCH_WAITING ?? 8000);

/**
 * Calls and execution ms per statement of database `name` so far, read from pg_stat_statements through `stats` (a
 * connection to a database where the extension is created: `postgres`), or null without it.
 */
async function statementCalls(stats, name) {
  try {
    const { rows } = await stats.query(
      `SELECT queryid::text AS id, calls::float AS calls, total_exec_time AS ms, query FROM pg_stat_statements
       WHERE dbid = (SELECT oid FROM pg_database WHERE datname = $1)`,
      [name],
    );
    return new Map(rows.map((r) => [r.id, r]));
  } catch {
    return null;
  }
}

/** `measure` with its statements per step (calls and execution ms), when pg_stat_statements is loaded. */
export async function withStatements({ stats, name }, measure) {
  const before = await statementCalls(stats, name);
  const result = await measure();
  const after = await statementCalls(stats, name);
  if (!before || !after || result.count === 0) {
    return { ...result, statements: null };
  }
  const statements = [...after.values()]
    .map((r) => ({
      calls: (r.calls - (before.get(r.id)?.calls ?? 0)) / result.count,
      ms: (r.ms - (before.get(r.id)?.ms ?? 0)) / result.count,
      query: r.query.replace(/\s+/g, ' ').slice(0, 110),
    }))
    .filter((r) => r.calls >= 0.05 && !r.query.includes('pg_stat_'))
    .sort((a, b) => b.calls - a.calls);
  return { ...result, statements };
}

const statementLines = (r) =>
  !r.statements
    ? ''
    : `  ${r.statements.reduce((n, s) => n + s.calls, 0).toFixed(2)} statements per step:\n` +
      r.statements
        .map((s) => `  ${s.calls.toFixed(2).padStart(5)} × ${s.ms.toFixed(3).padStart(6)} ms  ${s.query}\n`)
        .join('');

export const perStep = (label, r) =>
  `${label}: ${r.perSecond.toFixed(1)} steps/s, p50 ${r.p50.toFixed(1)} ms, ${r.errors} errors` +
  `${r.firstError ? ` (${r.firstError})` : ''}; CPU per step: server ${(r.cpu.appMsPer ?? NaN).toFixed(2)} ms, ` +
  `PostgreSQL ${(r.cpu.databaseMsPer ?? NaN).toFixed(2)} ms\n${statementLines(r)}`;

/** Profiles whole instances over HTTP: a warm-up, a measure with statements, then a profiled measure. */
async function profileWholeInstances(api, client, statsOf, serverCpu) {
  await api.post('/api/processes', { xml: routeProcess() });
  let misrouted = 0;
  const whole = wholeInstanceWork(api, () => {
    misrouted += 1;
  });
  await closedLoop({ connections: CONCURRENCY, seconds: SECONDS, work: whole });
  // statistics of the grown tables, as the benchmark takes them (fresh ones plan a task's read on another index)
  await analyzeTables(client);
  const measured = await withStatements(statsOf, () =>
    withCpu(client, serverCpu, () => closedLoop({ connections: CONCURRENCY, seconds: SECONDS, work: whole })),
  );
  process.stdout.write(perStep('whole instances over HTTP (per instance)', measured));
  process.kill(serverCpu.appPid, 'SIGWINCH');
  const sampled = await withCpu(client, serverCpu, () =>
    closedLoop({ connections: CONCURRENCY, seconds: SECONDS, work: whole }),
  );
  process.stdout.write(perStep('profiled whole instances', sampled));
  if (misrouted > 0) {
    process.stdout.write(`${misrouted} instances took the wrong branch\n`);
  }
}

async function main() {
  const wholeInstances = process.argv.includes('whole');
  const database = await startTestDatabase('engine_profile');
  const client = new pg.Client({ connectionString: database.url });
  const statsUrl = new URL(database.url);
  statsUrl.pathname = '/postgres';
  const stats = new pg.Client({ connectionString: statsUrl.toString() });
  let profiled = null;
  let api = null;
  try {
    profiled = await startProfiledServer(database.url, ADMIN_PASSWORD);
    const { server } = profiled;
    await client.connect();
    await stats.connect().catch(() => undefined);
    const statsOf = { stats, name: new URL(database.url).pathname.slice(1) };
    api = apiClient(server.url, await login(server.url, 'admin', ADMIN_PASSWORD));
    if (wholeInstances) {
      await profileWholeInstances(api, client, statsOf, {
        appPid: server.pid,
        applications: SERVER_APPLICATIONS,
      });
      return;
    }
    await api.post('/api/processes', { xml: waitingProcess() });
    const started = await inProcess(api, {
      kind: 'start',
      processKey: WAITING_KEY,
      count: WAITING,
      seconds: 60,
    });
    const taskIds = await openWaitingTasks(client);
    process.stdout.write(`${started.count} waiting instances, ${taskIds.length} open tasks\n`);
    const serverCpu = { appPid: server.pid, applications: SERVER_APPLICATIONS };
    const complete = completeNext(api, taskIds);
    await closedLoop({ connections: CONCURRENCY, seconds: 1, work: complete });
    const http = await withStatements(statsOf, () =>
      withCpu(client, serverCpu, () =>
        closedLoop({ connections: CONCURRENCY, seconds: SECONDS, work: complete }),
      ),
    );
    process.stdout.write(perStep('POST /api/tasks/{id}/complete', http));
    const inProcessIds = taskIds.splice(0, Math.floor(taskIds.length / 2));
    const direct = await withStatements(statsOf, () =>
      withCpu(client, serverCpu, () =>
        inProcess(api, { kind: 'complete', taskIds: inProcessIds, seconds: SECONDS }),
      ),
    );
    process.stdout.write(perStep('in-process TasksService.complete', direct));
    // Only these completions are sampled (the preload starts on SIGWINCH).
    process.kill(server.pid, 'SIGWINCH');
    const sampled = await withCpu(client, serverCpu, () =>
      closedLoop({ connections: CONCURRENCY, seconds: SECONDS, work: complete }),
    );
    process.stdout.write(perStep('profiled HTTP completions', sampled));
    if (taskIds.length === 0) {
      process.stdout.write('(ran out of open tasks: raise BENCH_WAITING)\n');
    }
  } finally {
    api?.close();
    await client.end().catch(() => undefined);
    await stats.end().catch(() => undefined);
    await profiled?.server.stop();
    await database.stop();
  }
  profiled?.printProfiles(wholeInstances ? 'the profiled whole instances' : 'the profiled completions');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
}
