import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { login, REPO_ROOT, startServer, type ServerProcess } from '../support/server-process.js';

const ADMIN_PASSWORD = 'e2e-admin-pass';
const CLI = path.join(REPO_ROOT, 'packages', 'cli', 'bin', 'careloom.mjs');

describe('careloom CLI', () => {
  let server: ServerProcess;
  let token: string;

  beforeAll(async () => {
    server = await startServer({
      DATABASE_URL: process.env.TEST_DATABASE_URL,
      CARELOOM_ADMIN_PASSWORD: ADMIN_PASSWORD,
      CARELOOM_DEMO_PASSWORD: 'e2e-demo-pass',
    });
    const session = await login(server.url, 'admin', ADMIN_PASSWORD);
    const created = await fetch(`${server.url}/api/auth/api-tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'cli e2e', expiresInDays: 1 }),
    });
    token = ((await created.json()) as { token: string }).token;
  });
  afterAll(async () => {
    await server?.stop();
  });

  const careloom = (...args: string[]) =>
    spawnSync(process.execPath, [CLI, ...args], {
      env: { ...process.env, CARELOOM_URL: server.url, CARELOOM_TOKEN: token },
      encoding: 'utf8',
    });

  it('should validate, import and re-import a shipped template with an API token', () => {
    // when the complaint bundle is validated, imported, and imported again
    const bundle = path.join(REPO_ROOT, 'templates', 'complaint-workorder');
    const validated = careloom('validate', bundle);
    const imported = careloom('import', bundle);
    const again = careloom('import', bundle);

    // then each succeeds, and the second import changes nothing
    expect(validated.status).toBe(0);
    expect(validated.stdout).toMatch(/complaint-workorder .* valid/);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toMatch(/process\s+complaint-workorder\s+created/);
    expect(again.status).toBe(0);
    expect(again.stdout).not.toMatch(/ (created|updated) /);
  });

  it('should list every problem of a broken bundle with its file and exit 1', () => {
    // given a copy of the onboarding bundle whose forms are gone
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'careloom-bundle-'));
    fs.cpSync(path.join(REPO_ROOT, 'templates', 'onboarding-30day'), copy, { recursive: true });
    fs.rmSync(path.join(copy, 'forms'), { recursive: true });

    // when it is validated
    const result = careloom('validate', copy);

    // then the problems name the files
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/\/manifest\.json/);
    expect(result.stderr).toMatch(/\/processes\//);
    fs.rmSync(copy, { recursive: true, force: true });
  });

  it('should export forms as a bundle folder', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'careloom-export-'));
    const result = careloom(
      'export',
      '--key',
      'e2e-export',
      '--version',
      '1.0.0',
      '--forms',
      'complaint-intake',
      '--out',
      out,
    );
    expect(result.status).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'))).toMatchObject({
      key: 'e2e-export',
    });
    expect(fs.existsSync(path.join(out, 'forms', 'complaint-intake.json'))).toBe(true);
    fs.rmSync(out, { recursive: true, force: true });
  });
});
