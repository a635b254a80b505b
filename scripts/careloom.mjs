#!/usr/bin/env node
// The two commands: `npm start` (install, build, run CareLoom) and `npm test` (install, build, every
// check and test level). Needs only Node.js 20 and npm: pnpm is installed into .tools/ on first use.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

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

/** A free TCP port on the loopback interface. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * `demo`: like start (install, build), then starts the server on the same data directory with the test
 * clock and its wall clock `--months` back, runs `careloom demo` through that time up to the real now,
 * and stops the server again. Options after `demo` go to `careloom demo` (see packages/cli/README.md).
 */
async function demo(args) {
  const { values } = parseArgs({
    args,
    strict: false,
    options: {
      password: { type: 'string' },
      'demo-password': { type: 'string' },
      months: { type: 'string' },
    },
  });
  install();
  if (process.env.CARELOOM_SKIP_BUILD !== '1') {
    build();
  }
  const dataDir = path.resolve(root, process.env.CARELOOM_DATA_DIR ?? '.data');
  const fresh = !process.env.DATABASE_URL && !fs.existsSync(path.join(dataDir, 'pg', 'PG_VERSION'));
  let adminPassword = values.password ?? process.env.CARELOOM_ADMIN_PASSWORD;
  if (!adminPassword && !fresh) {
    process.stderr.write(
      'This CareLoom already has an admin: pass its password (printed at first start): node scripts/careloom.mjs demo --password <admin password>\n',
    );
    process.exit(2);
  }
  adminPassword ??= `admin-${crypto.randomBytes(6).toString('base64url')}`;
  const demoPassword =
    values['demo-password'] ??
    process.env.CARELOOM_DEMO_PASSWORD ??
    `demo-${crypto.randomBytes(6).toString('base64url')}`;
  const months = Number(values.months ?? 12);
  const clockStart = new Date();
  clockStart.setUTCMonth(clockStart.getUTCMonth() - (Number.isInteger(months) && months > 0 ? months : 12));
  const port = await freePort();
  const preload = path.join(root, 'packages', 'cli', 'src', 'demo', 'shifted-clock.mjs');
  say(`starting CareLoom with its clock at ${clockStart.toISOString()} (test clock on, port ${port})`);
  const server = spawn(process.execPath, [path.join(root, 'server', 'dist', 'main.js')], {
    cwd: root,
    env: {
      ...childEnv,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      CARELOOM_TEST_CLOCK: '1',
      CARELOOM_DEMO_CLOCK_START: clockStart.toISOString(),
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${pathToFileURL(preload).href}`.trim(),
      CARELOOM_ADMIN_PASSWORD: adminPassword,
      CARELOOM_DEMO_PASSWORD: demoPassword,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let banner = '';
  server.stdout.on('data', (chunk) => (banner += chunk.toString()));
  const exited = new Promise((resolve) => server.once('exit', resolve));
  const stop = async () => {
    if (server.exitCode === null) {
      server.kill('SIGTERM');
      await exited;
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => void stop().then(() => process.exit(130)));
  }
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  while (!banner.includes('CareLoom is running')) {
    if (server.exitCode !== null || Date.now() > deadline) {
      process.stderr.write(`✗ the server did not start:\n${banner}\n`);
      await stop();
      process.exit(1);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  say('generating the demo home');
  const generator = spawn(
    process.execPath,
    [
      path.join(root, 'packages', 'cli', 'bin', 'careloom.mjs'),
      'demo',
      '--url',
      url,
      '--password',
      adminPassword,
      '--demo-password',
      demoPassword,
      ...args.filter((a, i) => !isPassThroughSecret(args, i)),
    ],
    { cwd: root, env: childEnv, stdio: 'inherit' },
  );
  const status = await new Promise((resolve) => generator.once('exit', (code) => resolve(code ?? 1)));
  await stop();
  if (status !== 0) {
    process.stderr.write(`✗ the demo generator exited with ${status}\n`);
    process.exit(status);
  }
  process.stdout.write(
    `\n✓ demo data is in ${process.env.DATABASE_URL ? 'DATABASE_URL' : dataDir}; now run npm start\n` +
      (values.password || !fresh ? '' : `  admin / ${adminPassword}\n`) +
      `  staff (see the list above; first-start demo users too on a fresh install): password ${demoPassword}\n`,
  );
}

/** The generator gets --password/--demo-password from here, once. */
function isPassThroughSecret(args, index) {
  const flag = (a) => a === '--password' || a === '--demo-password';
  const inline = (a) => a.startsWith('--password=') || a.startsWith('--demo-password=');
  return flag(args[index]) || inline(args[index]) || (index > 0 && flag(args[index - 1]));
}

const command = process.argv[2];
if (command === 'start') {
  start();
} else if (command === 'demo') {
  await demo(process.argv.slice(3));
} else if (command === 'test') {
  test();
} else if (command === 'generate-api-client') {
  generateApiClient();
} else {
  process.stderr.write('usage: node scripts/careloom.mjs start|test|demo|generate-api-client\n');
  process.exit(2);
}
