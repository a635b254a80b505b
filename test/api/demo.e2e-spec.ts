import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ownDatabase, type OwnDatabase } from '../support/own-database.js';
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
  residentDays: number;
  contracts: number;
  renewed: number;
  notRenewed: number;
  contractsEndedEarly: number;
  falls: number;
  pressureInjuriesInHouse: number;
  pressureInjuriesOnAdmission: number;
  vitalSigns: number;
  dailyLife: number;
  familyUsers: number;
  familyReads: number;
  familyActiveByMonth: Record<string, number>;
};
type Page<T> = { items: T[]; total: number };
type RecordRow = { id: string; residentId: string | null; data: Record<string, unknown> };
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

describe('careloom demo', () => {
  let server: ServerProcess;
  let database: OwnDatabase;
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
    database = await ownDatabase('demo_e2e');
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
    // and the wings carry their bed counts, so occupancy has a denominator
    const units = await get<{ kind: string; bedCount: number | null }[]>('/api/org-units');
    const wings = units.filter((u) => u.kind === 'wing');
    expect(wings.reduce((sum, u) => sum + (u.bedCount ?? 0), 0)).toBe(20);
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
    // and every complaint was filed as a work order, so the work-order list shows them all
    const orders = await get<{ items: { id: string; businessKey: string }[] }>('/api/work-orders?limit=100');
    expect(orders.items.length).toBe(Math.min(summary.complaints, 100));
    expect(orders.items.every((o) => /^TS-\d{8}-\d{4}$/.test(o.businessKey))).toBe(true);
    const closedOrders = await get<{ items: { id: string }[] }>('/api/work-orders?status=closed&limit=100');
    expect(closedOrders.items.length).toBe(Math.min(closed.length, 100));
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

  it('should keep a residence contract for every resident in residence, with renewal outcomes', async () => {
    // then each admitted resident has a running (pending) contract, and closed ones carry an outcome and a reason
    const contracts = await get<Page<RecordRow>>('/api/records?formKey=residence-contract&pageSize=200');
    const admitted = await get<Page<{ id: string }>>('/api/residents?status=admitted&pageSize=200');
    expect(contracts.total).toBe(summary.contracts);
    const pending = new Set(
      contracts.items.filter((r) => r.data.renewalOutcome === 'pending').map((r) => r.residentId),
    );
    expect(admitted.items.filter((r) => !pending.has(r.id))).toEqual([]);
    const closed = contracts.items.filter((r) => r.data.renewalOutcome !== 'pending');
    expect(closed.length).toBe(summary.renewed + summary.notRenewed + summary.contractsEndedEarly);
    for (const { data } of closed) {
      expect(data.endDate! >= data.startDate!).toBe(true);
      expect(data.renewalOutcome === 'not-renewed').toBe(typeof data.notRenewedReason === 'string');
    }
  });

  it('should record falls, pressure injuries, vital signs and daily life at plausible rates', async () => {
    // then the API holds what the summary counted, at rates a home of this size sees
    const count = async (formKey: string) =>
      (await get<Page<RecordRow>>(`/api/records?formKey=${formKey}&pageSize=1`)).total;
    expect(summary.residentDays).toBeGreaterThan(17 * 50);
    expect(await count('fall-incident')).toBe(summary.falls);
    expect((summary.falls / summary.residentDays) * 1000).toBeLessThan(10);
    expect(await count('pressure-injury')).toBe(
      summary.pressureInjuriesInHouse + summary.pressureInjuriesOnAdmission,
    );
    // vital signs twice a week and daily life every third day for a share of the residents
    expect(await count('vital-signs')).toBe(summary.vitalSigns);
    expect(summary.vitalSigns).toBeGreaterThan(0);
    expect(summary.vitalSigns).toBeLessThan(2 * (summary.residentDays / 7) + 10);
    expect(await count('daily-life')).toBe(summary.dailyLife);
    expect(summary.dailyLife).toBeGreaterThan(0);
    const vitals = await get<Page<RecordRow>>('/api/records?formKey=vital-signs&pageSize=50');
    for (const { data } of vitals.items) {
      expect(data.systolic as number).toBeGreaterThan(data.diastolic as number);
      expect(data.temperature as number).toBeGreaterThanOrEqual(35);
    }
  });

  it('should link one or two family users to each resident, who log in and read the portal', async () => {
    // then a resident in residence has one or two linked family users, who can log in with the demo password
    const admitted = await get<Page<{ id: string }>>('/api/residents?status=admitted&pageSize=200');
    const links = await get<{ username: string }[]>(`/api/residents/${admitted.items[0]!.id}/family-links`);
    const family = links.filter((link) => link.username.startsWith('family.0'));
    expect(family.length).toBeGreaterThanOrEqual(1);
    expect(family.length).toBeLessThanOrEqual(2);
    await expect(login(server.url, family[0]!.username, DEMO_PASSWORD)).resolves.toEqual(expect.any(String));
    // and the portal had monthly active family users in each month of the period
    expect(summary.familyUsers).toBeGreaterThanOrEqual(summary.residentsAtStart);
    expect(summary.familyReads).toBeGreaterThan(0);
    const months = Object.values(summary.familyActiveByMonth);
    expect(months.length).toBeGreaterThanOrEqual(MONTHS);
    expect(Math.max(...months)).toBeLessThanOrEqual(summary.familyUsers);
    expect(run.output).toContain('family logins (password');
  });
});
