import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export type OwnDatabase = {
  /** Environment for `startServer`: DATABASE_URL of the new database, or an embedded one's data folder. */
  env: Record<string, string | undefined>;
  drop: () => Promise<void>;
};

/**
 * An empty database of the spec's own, for tests that need a tenant nobody else touched: a new database on
 * TEST_DATABASE_URL's server (jest.e2e.config.mjs's global setup), else the server's embedded PostgreSQL in a
 * temporary folder.
 */
export async function ownDatabase(label: string): Promise<OwnDatabase> {
  const shared = process.env.TEST_DATABASE_URL;
  if (!shared) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `careloom-${label}-`));
    fs.chmodSync(dataDir, 0o755);
    return {
      env: { DATABASE_URL: undefined, CARELOOM_DATA_DIR: dataDir },
      drop: () => Promise.resolve(fs.rmSync(dataDir, { recursive: true, force: true })),
    };
  }
  const name = `careloom_${label.replace(/[^a-z0-9]/gi, '_')}_${process.pid}`;
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
