import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { login, REPO_ROOT, startServer, type ServerProcess } from '../support/server-process.js';

const ADMIN_PASSWORD = 'e2e-demo-admin';
const DEMO_PASSWORD = 'e2e-demo-staff';
const CLI = path.join(REPO_ROOT, 'packages', 'cli', 'bin', 'careloom.mjs');
const PRELOAD = path.join(REPO_ROOT, 'packages', 'cli', 'src', 'demo', 'shifted-clock.mjs');
const MONTHS = 2;

type Summary = {
  failed: number;
  failures: string[];
  residentsAtStart: number;
  residentsInResidence: number;
  admissions: number;
  onboardingSummaries: number;
  complaints: number;
  callbacks: number;
  serverClock: string;
};
type Task = { elementId: string; status: string; recordId: string | null };
type Instance = { id: string; status: string; residentId: string | null };

/** Runs the CLI without blocking the test process; resolves with its exit code and output. */
function runCli(args: string[]): Promise<{ status: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, env: process.env });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => resolve({ status: code ?? 1, output }));
  });
}

/** A database of its own on TEST_DATABASE_URL's server, else the server's embedded PostgreSQL in a temp folder. */
async function freshDatabase(): Promise<{
  env: Record<string, string | undefined>;
  drop: () => Promise<void>;
}> {
  const shared = process.env.TEST_DATABASE_URL;
  if (!shared) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'careloom-demo-e2e-'));
    fs.chmodSync(dataDir, 0o755);
    return {
      env: { DATABASE_URL: undefined, CARELOOM_DATA_DIR: dataDir },
      drop: () => Promise.resolve(fs.rmSync(dataDir, { recursive: true, force: true })),
    };
  }
  const name = `careloom_demo_e2e_${process.pid}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: shared });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(shared);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

describe('careloom demo', () => {
  let server: ServerProcess;
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let token: string;
  let run: { status: number; output: string };
  let summary: Summary;
  const summaryFile = path.join(os.tmpdir(), `careloom-demo-summary-${process.pid}.json`);

  const get = async <T>(route: string): Promise<T> => {
    const response = await fetch(`${server.url}${route}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };

  beforeAll(async () => {
    // given a fresh server whose clock starts two months back, with the test clock on
    database = await freshDatabase();
    const clockStart = new Date();
    clockStart.setUTCMonth(clockStart.getUTCMonth() - MONTHS);
    server = await startServer(
      {
        ...database.env,
        CARELOOM_ADMIN_PASSWORD: ADMIN_PASSWORD,
        CARELOOM_TEST_CLOCK: '1',
        CARELOOM_DEMO_CLOCK_START: clockStart.toISOString(),
        NODE_OPTIONS: `--import=${pathToFileURL(PRELOAD).href}`,
      },
      120_000,
    );
    // when the generator runs a small home through those two months
    run = await runCli([
      'demo',
      '--url',
      server.url,
      '--password',
      ADMIN_PASSWORD,
      '--demo-password',
      DEMO_PASSWORD,
      '--beds',
      '20',
      '--months',
      String(MONTHS),
      '--seed',
      'e2e',
      '--summary',
      summaryFile,
    ]);
    summary = JSON.parse(fs.readFileSync(summaryFile, 'utf8')) as Summary;
    token = await login(server.url, 'admin', ADMIN_PASSWORD);
  }, 300_000);

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
    fs.rmSync(summaryFile, { force: true });
  });

  it('should finish with no failed request and the server clock back at the real now', () => {
    // then it exits 0, every request succeeded, and the simulated period ended now
    expect(summary.failures).toEqual([]);
    expect(run.status).toBe(0);
    expect(summary.failed).toBe(0);
    expect(Math.abs(Date.parse(summary.serverClock) - Date.now())).toBeLessThan(10 * 60_000);
    expect(run.output).toContain(`password ${DEMO_PASSWORD}`);
  });

  it('should admit residents into the beds and keep admitting through the period', async () => {
    // then the home is ~90 % full at the start and new residents came in
    const admitted = await get<{ total: number }>('/api/residents?status=admitted&pageSize=1');
    expect(summary.residentsAtStart).toBeGreaterThanOrEqual(17);
    expect(summary.admissions).toBeGreaterThan(0);
    expect(admitted.total).toBe(summary.residentsInResidence);
    expect(admitted.total).toBeLessThanOrEqual(20);
  });

  it('should complete onboarding instances with the four calls and the summary', async () => {
    // then finished onboardings carry the day 3/7/15/30 calls, each stored as a record
    const completed = await get<Instance[]>(
      '/api/process-instances?processKey=onboarding-30day&status=completed',
    );
    expect(completed.length).toBeGreaterThan(0);
    expect(completed.length).toBe(summary.onboardingSummaries);
    for (const instance of completed) {
      const tasks = await get<Task[]>(`/api/tasks?processInstanceId=${instance.id}`);
      const calls = tasks.filter((t) => t.elementId.startsWith('callDay') && t.status === 'completed');
      expect(calls.map((t) => t.elementId).sort()).toEqual([
        'callDay15',
        'callDay3',
        'callDay30',
        'callDay7',
      ]);
      expect(calls.every((t) => t.recordId !== null)).toBe(true);
      expect(tasks.find((t) => t.elementId === 'summary')?.status).toBe('completed');
    }
  });

  it('should close complaints through the work order with satisfaction callbacks', async () => {
    // then closed work orders went through first response, resolution and a callback with scores
    const closed = await get<Instance[]>(
      '/api/process-instances?processKey=complaint-workorder&status=completed',
    );
    expect(summary.complaints).toBeGreaterThan(0);
    expect(closed.length).toBeGreaterThan(0);
    for (const instance of closed) {
      const tasks = await get<Task[]>(`/api/tasks?processInstanceId=${instance.id}`);
      const done = new Set(tasks.filter((t) => t.status === 'completed').map((t) => t.elementId));
      expect([...done].sort()).toEqual(['callback', 'firstResponse', 'resolve']);
    }
    const callbacks = await get<{ items: { data: { satisfactionScore: number; npsScore: number } }[] }>(
      '/api/records?formKey=complaint-callback&pageSize=200',
    );
    expect(callbacks.items.length).toBe(summary.callbacks);
    for (const { data } of callbacks.items) {
      expect(data.satisfactionScore).toBeGreaterThanOrEqual(1);
      expect(data.satisfactionScore).toBeLessThanOrEqual(5);
      expect(data.npsScore).toBeGreaterThanOrEqual(0);
      expect(data.npsScore).toBeLessThanOrEqual(10);
    }
  });
});
