#!/usr/bin/env node
// The two commands: `npm start` (install, build, run CareLoom) and `npm test` (install, build, every
// check and test level). Needs only Node.js 20 and npm: pnpm is installed into .tools/ on first use.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const PNPM_VERSION = '12.21.0';
const toolsDir = path.join(root, '.tools');
const pnpmBin = path.join(toolsDir, 'node_modules', '.bin', 'pnpm');

function say(message) {
  process.stdout.write(`\n▶ ${message}\n`);
}

// Scripts in package.json call `pnpm`: the one in .tools/ is put first on the PATH.
const childEnv = {
  ...process.env,
  PATH: `${path.dirname(pnpmBin)}${path.delimiter}${process.env.PATH ?? ''}`,
};

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: childEnv, ...options });
  return result.status ?? 1;
}

function must(command, args, options) {
  const status = run(command, args, options);
  if (status !== 0) {
    process.stderr.write(`✗ ${command} ${args.join(' ')} failed with exit code ${status}\n`);
    process.exit(status);
  }
}

function ensurePnpm() {
  if (fs.existsSync(pnpmBin)) {
    return;
  }
  say(`installing pnpm ${PNPM_VERSION} into .tools/`);
  fs.mkdirSync(toolsDir, { recursive: true });
  fs.writeFileSync(path.join(toolsDir, 'package.json'), '{"private":true}\n');
  must('npm', [
    'install',
    '--prefix',
    toolsDir,
    '--no-audit',
    '--no-fund',
    '--loglevel=error',
    `pnpm@${PNPM_VERSION}`,
  ]);
}

const pnpm = (args, options) => run(pnpmBin, args, options);

function install() {
  ensurePnpm();
  say('installing dependencies (pnpm install --frozen-lockfile)');
  must(pnpmBin, ['install', '--frozen-lockfile', '--reporter=append-only']);
}

function build() {
  say('building packages, server and both UIs');
  must(pnpmBin, ['run', 'build']);
}

const CJK_FONT_DIR = '/usr/share/fonts/truetype/wqy';

/** Debian's chromium, plus a Chinese font so screenshots of the zh-CN UI are readable. */
function ensureChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    Boolean,
  );
  const hasChromium = candidates.some((c) => fs.existsSync(c));
  const packages = [
    ...(hasChromium ? [] : ['chromium']),
    ...(fs.existsSync(CJK_FONT_DIR) ? [] : ['fonts-wqy-zenhei']),
  ];
  if (packages.length === 0) {
    return true;
  }
  if (process.getuid?.() !== 0 || !fs.existsSync('/usr/bin/apt-get')) {
    process.stderr.write(
      `Missing Debian packages for the browser tests: ${packages.join(' ')}; install them.\n`,
    );
    return hasChromium;
  }
  say(`installing Debian's ${packages.join(' ')} for the browser tests`);
  const env = { ...childEnv, DEBIAN_FRONTEND: 'noninteractive' };
  const installed =
    run('apt-get', ['update', '-qq'], { env }) === 0 &&
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { env }) === 0;
  return installed || hasChromium;
}

/** Regenerates the OpenAPI document and the api-client types and fails if they differ from the committed ones. */
function apiClientDrift() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'careloom-openapi-'));
  const spec = path.join(tmp, 'openapi.json');
  const types = path.join(tmp, 'schema.ts');
  if (run(process.execPath, [path.join(root, 'server', 'dist', 'openapi.js'), spec]) !== 0) {
    return 1;
  }
  const client = path.join(root, 'packages', 'api-client');
  if (pnpm(['--filter', '@careloom/api-client', 'exec', 'openapi-typescript', spec, '-o', types]) !== 0) {
    return 1;
  }
  const same = (a, b) => fs.existsSync(b) && fs.readFileSync(a, 'utf8') === fs.readFileSync(b, 'utf8');
  const drift = [];
  if (!same(spec, path.join(client, 'openapi.json'))) {
    drift.push('packages/api-client/openapi.json');
  }
  if (!same(types, path.join(client, 'src', 'schema.ts'))) {
    drift.push('packages/api-client/src/schema.ts');
  }
  if (drift.length > 0) {
    process.stderr.write(
      `The API changed but the client was not regenerated: ${drift.join(', ')}.\nRun: npm run generate:api-client\n`,
    );
    return 1;
  }
  return 0;
}

function generateApiClient() {
  install();
  must(pnpmBin, ['--filter', '@careloom/server', 'run', 'build']);
  const client = path.join(root, 'packages', 'api-client');
  must(process.execPath, [
    path.join(root, 'server', 'dist', 'openapi.js'),
    path.join(client, 'openapi.json'),
  ]);
  must(pnpmBin, [
    '--filter',
    '@careloom/api-client',
    'exec',
    'openapi-typescript',
    'openapi.json',
    '-o',
    'src/schema.ts',
  ]);
}

function test() {
  install();
  const chromium = ensureChromium();
  build();
  const steps = [
    ['lint', () => pnpm(['run', 'lint'])],
    ['typecheck', () => pnpm(['run', 'typecheck'])],
    ['format', () => pnpm(['run', 'format:check'])],
    ['api-client drift', apiClientDrift],
    ['unit tests', () => pnpm(['run', 'test:unit'])],
    ['integration tests (PostgreSQL)', () => pnpm(['run', 'test:integration'])],
    ['end-to-end API tests', () => pnpm(['run', 'test:e2e'])],
    ['browser tests (chromium)', () => (chromium ? pnpm(['run', 'test:ui']) : 1)],
  ];
  const results = [];
  for (const [name, step] of steps) {
    say(name);
    const started = Date.now();
    const status = step();
    results.push({ name, ok: status === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) });
  }
  process.stdout.write('\nSummary\n');
  for (const r of results) {
    process.stdout.write(`  ${r.ok ? '✓' : '✗'} ${r.name.padEnd(34)} ${r.seconds.padStart(6)} s\n`);
  }
  const failed = results.filter((r) => !r.ok).length;
  process.stdout.write(`steps: ${results.length - failed} passed, ${failed} failed\n`);
  process.exit(failed === 0 ? 0 : 1);
}

function start() {
  install();
  if (process.env.CARELOOM_SKIP_BUILD !== '1') {
    build();
  }
  say('starting CareLoom');
  const child = spawn(process.execPath, [path.join(root, 'server', 'dist', 'main.js')], {
    cwd: root,
    env: childEnv,
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code) => process.exit(code ?? 0));
}

const command = process.argv[2];
if (command === 'start') {
  start();
} else if (command === 'test') {
  test();
} else if (command === 'generate-api-client') {
  generateApiClient();
} else {
  process.stderr.write('usage: node scripts/careloom.mjs start|test|generate-api-client\n');
  process.exit(2);
}
