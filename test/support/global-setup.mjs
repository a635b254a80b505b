import { startTestDatabase } from './test-database.mjs';

/** jest globalSetup (plain Node ESM, never transformed): one fresh database for the run. */
export default async function globalSetup() {
  const database = await startTestDatabase('it');
  globalThis.__careloomTestDatabase = database;
  process.env.TEST_DATABASE_URL = database.url;
}
