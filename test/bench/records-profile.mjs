// CPU profile of the record submission path: starts the built server with a CPU profiler, loads
// POST /api/records (the benchmark's 60-field archive, rule hook included) for BENCH_SECONDS, stops the
// server and prints where its CPU time went (self and inclusive, by function), plus the CPU split
// between the server and its PostgreSQL backends (cpu.mjs). The .cpuprofile file is kept under
// artifacts/bench/profiles (open it in Chrome DevTools → Performance).
// Run: `node test/bench/records-profile.mjs` (DATABASE_URL's server when set, else an embedded one).
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { startCpuMeter } from './cpu.mjs';
import { load } from './load.mjs';
import { ADMIN_PASSWORD, prepareSubmissions } from './records.bench.mjs';
import { REPO_ROOT, startServer } from '../support/server-process.mjs';
import { startTestDatabase } from '../support/test-database.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const TOP = Number(process.env.PROFILE_TOP ?? 30);

const frameName = (frame) =>
  `${frame.functionName || '(anonymous)'} ${frame.url.split('/').slice(-3).join('/')}:${frame.lineNumber + 1}`;

/** Self and inclusive time per function of a .cpuprofile, as percentages of all samples. */
export function summarise(profile, top = TOP) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) {
      parent.set(child, node.id);
    }
  }
  const sampled = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    sampled.set(id, (sampled.get(id) ?? 0) + dt);
    total += dt;
  });
  const self = new Map();
  const inclusive = new Map();
  for (const [id, dt] of sampled) {
    const name = frameName(byId.get(id).callFrame);
    self.set(name, (self.get(name) ?? 0) + dt);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const key = frameName(byId.get(at).callFrame);
      if (!seen.has(key)) {
        seen.add(key);
        inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
      }
    }
  }
  const rows = (map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, dt]) => `${((dt / total) * 100).toFixed(1).padStart(5)} %  ${name}`)
      .join('\n');
  return `self time\n${rows(self)}\n\ninclusive time\n${rows(inclusive)}\n`;
}

/** Where the profiled servers write their .cpuprofile files. */
const PROFILE_DIR = path.join(REPO_ROOT, 'artifacts', 'bench', 'profiles');

/**
 * The built server (bench routes on) with the CPU profiler preloaded: sampling starts when it gets SIGWINCH, and
 * the profile is written into the profile folder when it exits. Returns the server and `printProfiles(label)`, which
 * prints the profiles written since this call, summarised.
 */
export async function startProfiledServer(databaseUrl, adminPassword) {
  fs.mkdirSync(PROFILE_DIR, { recursive: true });
  const before = new Set(fs.readdirSync(PROFILE_DIR));
  const server = await startServer({
    DATABASE_URL: databaseUrl,
    CARELOOM_ADMIN_PASSWORD: adminPassword,
    CARELOOM_BENCH: '1',
    LOG_LEVEL: 'error',
    // --cpu-prof is refused in NODE_OPTIONS: a preload starts the inspector's profiler instead.
    NODE_OPTIONS:
      `${process.env.NODE_OPTIONS ?? ''} --import=${path.join(import.meta.dirname, 'records-profile-preload.mjs')}`.trim(),
    CARELOOM_PROFILE_DIR: PROFILE_DIR,
  });
  const printProfiles = (label) => {
    const written = fs.readdirSync(PROFILE_DIR).filter((f) => !before.has(f) && f.endsWith('.cpuprofile'));
    for (const file of written) {
      const profile = JSON.parse(fs.readFileSync(path.join(PROFILE_DIR, file), 'utf8'));
      process.stdout.write(`\n${path.relative(REPO_ROOT, path.join(PROFILE_DIR, file))} (${label})\n`);
      process.stdout.write(summarise(profile));
    }
  };
  return { server, printProfiles };
}

async function main() {
  const database = await startTestDatabase('profile');
  const client = new pg.Client({ connectionString: database.url });
  let profiled = null;
  try {
    profiled = await startProfiledServer(database.url, ADMIN_PASSWORD);
    const { server } = profiled;
    await client.connect();
    const { submit, submitBody, baseline, baselineBody } = await prepareSubmissions(server.url, client);
    await load({ ...baseline, body: baselineBody, seconds: 2 });
    await load({ ...submit, body: submitBody, seconds: 2 });
    const base = await startCpuMeter(client, { appPid: server.pid, applications: ['careloom'] });
    const baseResult = await load({ ...baseline, body: baselineBody, seconds: SECONDS });
    const baseCpu = await base.stop();
    process.stdout.write(
      `baseline: ${baseResult.rps.toFixed(1)} req/s, p50 ${baseResult.p50.toFixed(1)} ms, p99 ${baseResult.p99.toFixed(1)} ms; ` +
        `CPU per request: server ${((baseCpu.appMs ?? NaN) / baseResult.requests).toFixed(2)} ms, ` +
        `PostgreSQL ${((baseCpu.databaseMs ?? NaN) / baseResult.requests).toFixed(2)} ms\n`,
    );
    // Only the measured submissions are sampled (the preload starts on SIGWINCH).
    process.kill(server.pid, 'SIGWINCH');
    const meter = await startCpuMeter(client, { appPid: server.pid, applications: ['careloom'] });
    const result = await load({ ...submit, body: submitBody, seconds: SECONDS });
    const cpu = await meter.stop();
    process.stdout.write(
      `POST /api/records: ${result.rps.toFixed(1)} req/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, ` +
        `${result.errors} errors${result.firstError ? ` (${result.firstError})` : ''}\n` +
        `CPU per request: server ${((cpu.appMs ?? NaN) / result.requests).toFixed(2)} ms, ` +
        `PostgreSQL ${((cpu.databaseMs ?? NaN) / result.requests).toFixed(2)} ms\n\n`,
    );
  } finally {
    await client.end().catch(() => undefined);
    await profiled?.server.stop();
    await database.stop();
  }
  profiled?.printProfiles('the measured submissions');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
}
