// `pnpm bench [records] [engine] [reports] [--full] [--quick]`: runs the benchmarks (records and engine when none
// is named; reports only when named, `--quick` seeds fewer rows), prints their tables and saves the numbers as JSON.
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../support/server-process.mjs';
import { printEngine } from './engine-report.mjs';
import { runEngineBench } from './engine.bench.mjs';
import { runRecordsBench } from './records.bench.mjs';
import { printReports, runReportsBench } from './reports.bench.mjs';

const BENCHES = ['records', 'engine', 'reports'];
/** Run when no benchmark is named. */
const DEFAULT_BENCHES = ['records', 'engine'];
const args = process.argv.slice(2);
const unknown = args.filter((arg) => !BENCHES.includes(arg) && arg !== '--full' && arg !== '--quick');
if (unknown.length > 0) {
  process.stderr.write(
    `unknown argument ${unknown.join(', ')}: use ${BENCHES.join(' | ')}, --full and --quick\n`,
  );
  process.exit(2);
}
const named = BENCHES.filter((name) => args.includes(name));
const selected = named.length > 0 ? named : DEFAULT_BENCHES;
const full = args.includes('--full') || process.env.BENCH_FULL === '1';

const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');

function printRecords(r) {
  const ratio = r.submit.rps / r.base.rps;
  const cpuMs = (c) => (c && c.serverMs !== null && c.databaseMs !== null ? c.serverMs + c.databaseMs : NaN);
  process.stdout.write(
    `\nRecord submission over HTTP — ${r.fields}-field archive, ${r.connections} connections, ${r.seconds} s each ` +
      `in ${r.rounds ?? 1} alternating rounds, after ${r.warmUpSeconds ?? 0} s of warm-up\n` +
      `| endpoint                                  | req/s   | p50 ms | p99 ms | errors |\n` +
      `| ----------------------------------------- | ------- | ------ | ------ | ------ |\n` +
      `| baseline: insert one JSONB row            | ${fmt(r.base.rps).padStart(7)} | ${fmt(r.base.p50).padStart(6)} | ${fmt(r.base.p99).padStart(6)} | ${String(r.base.errors).padStart(6)} |\n` +
      `| POST /api/records (+ compute, rule hook)  | ${fmt(r.submit.rps).padStart(7)} | ${fmt(r.submit.p50).padStart(6)} | ${fmt(r.submit.p99).padStart(6)} | ${String(r.submit.errors).padStart(6)} |\n` +
      `records / baseline: ${fmt(ratio * 100)} % (goal ≥ 50 %), p99 ${fmt(r.submit.p99)} ms (goal ≤ 50 ms)\n` +
      (r.roundRatios ? `by round: ${r.roundRatios.map((x) => `${fmt(x * 100)} %`).join(', ')}\n` : '') +
      (r.base.cpu
        ? `CPU per request (informative): baseline ${fmt(r.base.cpu.serverMs, 2)} + ${fmt(r.base.cpu.databaseMs, 2)} ms, ` +
          `records ${fmt(r.submit.cpu.serverMs, 2)} + ${fmt(r.submit.cpu.databaseMs, 2)} ms (server + PostgreSQL): ` +
          `${fmt((cpuMs(r.base.cpu) / cpuMs(r.submit.cpu)) * 100)} % by CPU\n`
        : '') +
      (r.submit.firstError ? `first error: ${r.submit.firstError}\n` : '') +
      `\nFiltered lists over ${r.records.toLocaleString('en')} records (seeded in ${fmt(r.seedSeconds)} s), 30 sequential requests each\n` +
      `| list                                      | p50 ms | p99 ms | rows |\n` +
      `| ----------------------------------------- | ------ | ------ | ---- |\n` +
      Object.entries(r.lists)
        .map(
          ([name, l]) =>
            `| ${name.padEnd(41)} | ${fmt(l.p50).padStart(6)} | ${fmt(l.p99).padStart(6)} | ${String(l.rows).padStart(4)} |`,
        )
        .join('\n') +
      `\n(goal ≤ 50 ms)\n`,
  );
}

const results = { at: new Date().toISOString(), node: process.version };
if (selected.includes('records')) {
  results.records = await runRecordsBench();
  printRecords(results.records);
}
if (selected.includes('engine')) {
  results.engine = await runEngineBench({ full });
  printEngine(results.engine);
}
if (selected.includes('reports')) {
  results.reports = await runReportsBench({ quick: args.includes('--quick') });
  printReports(results.reports);
}
const dir = path.join(REPO_ROOT, 'artifacts', 'bench');
fs.mkdirSync(dir, { recursive: true });
const file = path.join(dir, `bench-${results.at.replace(/[:.]/g, '-')}.json`);
fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`\nsaved ${path.relative(REPO_ROOT, file)}\n`);
