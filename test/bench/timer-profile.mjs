// CPU profile of the job worker firing a burst of due timers: starts the built server with a CPU profiler, starts
// BENCH_TIMERS instances of the engine benchmark's timer model due at one instant a little later, and prints the
// firings/s, the CPU per firing (server and its PostgreSQL backends) and where the server's time went while it fired
// them (self and inclusive, by function). The .cpuprofile file is kept under artifacts/bench/profiles.
// Run: `node test/bench/timer-profile.mjs` (DATABASE_URL's server when set, else an embedded one); BENCH_TIMERS
// (default 2000) timers.
import pg from 'pg';
import { closedLoop } from './load.mjs';
import { timerProcess, TIMER_KEY } from './engine-models.mjs';
import { ADMIN_PASSWORD, apiClient, CONCURRENCY, SERVER_APPLICATIONS, withCpu } from './engine.bench.mjs';
import { startProfiledServer } from './records-profile.mjs';
import { login } from '../support/server-process.mjs';
import { startTestDatabase } from '../support/test-database.mjs';

const TIMERS = Number(process.env.BENCH_TIMERS ?? 2000);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function fired(client) {
  const { rows } = await client.query(
    `SELECT count(*)::int AS n FROM process_history h JOIN process_instance i ON i.id = h.instance_id
     WHERE i.process_key = $1 AND h.element_id = 'wait' AND h.event = 'left'`,
    [TIMER_KEY],
  );
  return rows[0].n;
}

async function main() {
  const database = await startTestDatabase('timer_profile');
  const client = new pg.Client({ connectionString: database.url });
  let profiled = null;
  let api = null;
  try {
    profiled = await startProfiledServer(database.url, ADMIN_PASSWORD);
    const { server } = profiled;
    await client.connect();
    api = apiClient(server.url, await login(server.url, 'admin', ADMIN_PASSWORD));
    await api.post('/api/processes', { xml: timerProcess() });
    // due far enough ahead that all are started first (starts run at a few hundred per second)
    const dueAt = Date.now() + 5000 + TIMERS * 5;
    let next = 0;
    const started = await closedLoop({
      connections: CONCURRENCY,
      seconds: 3600,
      work: async () => {
        if (next >= TIMERS) {
          return false;
        }
        next += 1;
        await api.post(`/api/processes/${TIMER_KEY}/instances`, {
          variables: { fireAt: new Date(dueAt).toISOString() },
        });
        return true;
      },
    });
    if (Date.now() >= dueAt) {
      throw new Error('the timers fell due before all were started: raise the lead time');
    }
    process.stdout.write(`${started.count} timer instances started, due in ${dueAt - Date.now()} ms\n`);
    await sleep(Math.max(0, dueAt - Date.now() - 300));
    process.kill(server.pid, 'SIGWINCH');
    const serverCpu = { appPid: server.pid, applications: SERVER_APPLICATIONS };
    const result = await withCpu(client, serverCpu, async () => {
      const from = Date.now();
      let n = 0;
      while (n < started.count && Date.now() - from < 300_000) {
        await sleep(100);
        n = await fired(client);
      }
      return { count: n, seconds: (Date.now() - from) / 1000 };
    });
    const { rows } = await client.query(
      `SELECT extract(epoch FROM max(h.at) - min(h.at)) AS s, count(*)::int AS n FROM process_history h
       JOIN process_instance i ON i.id = h.instance_id
       WHERE i.process_key = $1 AND h.element_id = 'wait' AND h.event = 'left'`,
      [TIMER_KEY],
    );
    process.stdout.write(
      `fired ${rows[0].n} in ${Number(rows[0].s).toFixed(2)} s: ${((rows[0].n - 1) / Number(rows[0].s)).toFixed(1)} firings/s; ` +
        `CPU per firing: server ${(result.cpu.appMsPer ?? NaN).toFixed(2)} ms, PostgreSQL ${(result.cpu.databaseMsPer ?? NaN).toFixed(2)} ms\n`,
    );
  } finally {
    api?.close();
    await client.end().catch(() => undefined);
    await profiled?.server.stop();
    await database.stop();
  }
  profiled?.printProfiles('the firings');
}

await main();
