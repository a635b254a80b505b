// `pnpm bench`: runs the benchmarks, prints their tables and saves the numbers as JSON.
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../support/server-process.mjs';
import { runRecordsBench } from './records.bench.mjs';

const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');

function printRecords(r) {
  const ratio = r.submit.rps / r.base.rps;
  process.stdout.write(
    `\nRecord submission over HTTP — ${r.fields}-field archive, ${r.connections} connections, ${r.seconds} s each\n` +
      `| endpoint                                  | req/s   | p50 ms | p99 ms | errors |\n` +
      `| ----------------------------------------- | ------- | ------ | ------ | ------ |\n` +
      `| baseline: insert one JSONB row            | ${fmt(r.base.rps).padStart(7)} | ${fmt(r.base.p50).padStart(6)} | ${fmt(r.base.p99).padStart(6)} | ${String(r.base.errors).padStart(6)} |\n` +
      `| POST /api/records (+ compute, rule hook)  | ${fmt(r.submit.rps).padStart(7)} | ${fmt(r.submit.p50).padStart(6)} | ${fmt(r.submit.p99).padStart(6)} | ${String(r.submit.errors).padStart(6)} |\n` +
      `records / baseline: ${fmt(ratio * 100)} % (goal ≥ 50 %), p99 ${fmt(r.submit.p99)} ms (goal ≤ 50 ms)\n` +
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

const results = { at: new Date().toISOString(), node: process.version, records: await runRecordsBench() };
printRecords(results.records);
const dir = path.join(REPO_ROOT, 'artifacts', 'bench');
fs.mkdirSync(dir, { recursive: true });
const file = path.join(dir, `bench-${results.at.replace(/[:.]/g, '-')}.json`);
fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`\nsaved ${path.relative(REPO_ROOT, file)}\n`);
