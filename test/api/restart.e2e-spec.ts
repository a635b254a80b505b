import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { login, startServer, type ServerProcess } from '../support/server-process.js';

describe('server on its embedded database', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'careloom-e2e-'));
  fs.chmodSync(dataDir, 0o755);
  let server: ServerProcess | null = null;

  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('should start on an embedded PostgreSQL, print the logins once, and keep data across a restart', async () => {
    // given a first start with DATABASE_URL unset and a generated admin password
    server = await startServer({
      DATABASE_URL: undefined,
      CARELOOM_DATA_DIR: dataDir,
      CARELOOM_ADMIN_PASSWORD: undefined,
    });
    const firstOutput = server.output();
    const password = /admin \/ (\S+)/.exec(firstOutput)?.[1];
    expect(password).toBeTruthy();
    expect(firstOutput).toContain('printed once only');
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as {
      database: { embedded: boolean };
    };
    expect(health.database.embedded).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'pg', 'PG_VERSION'))).toBe(true);

    // when a resident is written and the server is stopped and started again
    const token = await login(server.url, 'admin', password!);
    const units = (await (
      await fetch(`${server.url}/api/org-units`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { id: string; kind: string }[];
    const created = await fetch(`${server.url}/api/residents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: '重启测试',
        gender: 'female',
        birthDate: '1939-09-09',
        orgUnitId: units.find((u) => u.kind === 'wing')!.id,
      }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await server.stop();
    server = await startServer({
      DATABASE_URL: undefined,
      CARELOOM_DATA_DIR: dataDir,
      CARELOOM_ADMIN_PASSWORD: undefined,
    });

    // then the data is still there, the old password still works, and no new logins were printed
    expect(server.output()).not.toContain('printed once only');
    const again = await login(server.url, 'admin', password!);
    const read = await fetch(`${server.url}/api/residents/${id}`, {
      headers: { authorization: `Bearer ${again}` },
    });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { name: string }).name).toBe('重启测试');
  });
});
