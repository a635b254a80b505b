// Compares two builds of the server on the engine benchmark's HTTP task completions: build A (BENCH_A_MAIN, e.g. a
// copy of an earlier server/dist kept under server/) and build B (server/dist) run side by side on one database and
// take turns in alternating rounds, so that the machine's drift (which moved the step ceiling by half between runs
// of one day) falls on both alike. Prints steps/s and CPU per step (server and its PostgreSQL backends) per round and
// in all, and B's change against A.
// Run: `BENCH_A_MAIN=server/dist-a/main.js node test/bench/engine-ab.mjs` (DATABASE_URL's server when set, else an
// embedded one); BENCH_ROUNDS (default 6), BENCH_SECONDS per round and build (default 5).
import pg from 'pg';
import { closedLoop } from './load.mjs';
import { waitingProcess, WAITING_KEY } from './engine-models.mjs';
import {
  ADMIN_PASSWORD,
  analyzeTables,
  apiClient,
  combineRounds,
  completeNext,
  CONCURRENCY,
  inProcess,
  openWaitingTasks,
  SERVER_APPLICATIONS,
  withCpu,
} from './engine.bench.mjs';
import { login, startServer } from '../support/server-process.mjs';
import { startTestDatabase } from '../support/test-database.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const A_MAIN = process.env.BENCH_A_MAIN;
/** Completions a round may take at most (both builds' rounds and warm-ups are served from one list). */
const MAX_RATE = Number(process.env.BENCH_MAX_RATE ?? 2500);

const line = (label, r) =>
  `${label}: ${r.perSecond.toFixed(1)} steps/s, CPU per step server ${r.cpu.appMsPer.toFixed(3)} ms + ` +
  `PostgreSQL ${r.cpu.databaseMsPer.toFixed(3)} ms = ${(r.cpu.appMsPer + r.cpu.databaseMsPer).toFixed(3)} ms` +
  `${r.errors ? `, ${r.errors} errors (${r.firstError})` : ''}`;

async function main() {
  if (!A_MAIN) {
    throw new Error('BENCH_A_MAIN: the entry point of build A, e.g. server/dist-a/main.js');
  }
  const database = await startTestDatabase('engine_ab');
  const client = new pg.Client({ connectionString: database.url });
  const servers = [];
  const apis = [];
  try {
    const env = {
      DATABASE_URL: database.url,
      CARELOOM_ADMIN_PASSWORD: ADMIN_PASSWORD,
      CARELOOM_BENCH: '1',
      LOG_LEVEL: 'error',
    };
    // A third server migrates the database and starts the waiting instances, then stops: the builds compared
    // start alike (the one that had started 100,000 instances in-process spent 6 % more CPU per step after)
    const seeder = await startServer(env);
    const seederApi = apiClient(seeder.url, await login(seeder.url, 'admin', ADMIN_PASSWORD));
    let started;
    try {
      await seederApi.post('/api/processes', { xml: waitingProcess() });
      const needed = Math.ceil(MAX_RATE * SECONDS * (ROUNDS + 1) * 2);
      started = await inProcess(seederApi, {
        kind: 'start',
        processKey: WAITING_KEY,
        count: needed,
        seconds: 120,
      });
    } finally {
      seederApi.close();
      await seeder.stop();
    }
    servers.push(await startServer(env, 60_000, A_MAIN), await startServer(env));
    await client.connect();
    for (const server of servers) {
      apis.push(apiClient(server.url, await login(server.url, 'admin', ADMIN_PASSWORD)));
    }
    await analyzeTables(client);
    const taskIds = await openWaitingTasks(client);
    process.stdout.write(`${started.count} waiting instances; A = ${A_MAIN}, B = server/dist/main.js\n`);
    const measure = (which, seconds) =>
      withCpu(client, { appPid: servers[which].pid, applications: SERVER_APPLICATIONS }, () =>
        closedLoop({ connections: CONCURRENCY, seconds, work: completeNext(apis[which], taskIds) }),
      );
    await measure(0, SECONDS);
    await measure(1, SECONDS);
    const rounds = [[], []];
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const which of round % 2 === 0 ? [0, 1] : [1, 0]) {
        const result = await measure(which, SECONDS);
        rounds[which].push(result);
        process.stdout.write(`round ${round + 1} ${line('AB'[which], result)}\n`);
      }
      if (taskIds.length === 0) {
        throw new Error('ran out of open tasks: raise BENCH_MAX_RATE');
      }
    }
    const [a, b] = rounds.map(combineRounds);
    process.stdout.write(`\n${line('A', a)}\n${line('B', b)}\n`);
    const cpu = (r) => r.cpu.appMsPer + r.cpu.databaseMsPer;
    process.stdout.write(
      `B against A: steps/s ${((b.perSecond / a.perSecond - 1) * 100).toFixed(1)} %, ` +
        `CPU per step ${((cpu(b) / cpu(a) - 1) * 100).toFixed(1)} % ` +
        `(server ${((b.cpu.appMsPer / a.cpu.appMsPer - 1) * 100).toFixed(1)} %, ` +
        `PostgreSQL ${((b.cpu.databaseMsPer / a.cpu.databaseMsPer - 1) * 100).toFixed(1)} %)\n`,
    );
  } finally {
    for (const api of apis) {
      api.close();
    }
    await client.end().catch(() => undefined);
    for (const server of servers) {
      await server.stop();
    }
    await database.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
}
