import { createApp } from './app.factory.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './database/embedded-database.js';
import { SetupService, type FirstStartCredentials } from './modules/setup/setup.service.js';

const log = (msg: string, extra: Record<string, unknown> = {}) =>
  process.stdout.write(
    JSON.stringify({ level: 'info', time: new Date().toISOString(), msg, ...extra }) + '\n',
  );

function banner(url: string, credentials: FirstStartCredentials | null, database: string): string {
  const lines = [
    '',
    '  CareLoom is running',
    `    Runtime UI (staff, families)  ${url}/app/`,
    `    Designer (administrators)     ${url}/designer/`,
    `    API documentation            ${url}/api/docs`,
    `    Database                     ${database}`,
  ];
  if (credentials) {
    lines.push(
      '',
      '  First start: these logins are printed once only — note them now.',
      `    admin / ${credentials.admin.password}${credentials.admin.generated ? '   (generated; set CARELOOM_ADMIN_PASSWORD to choose)' : ''}`,
      `    demo staff and family (${credentials.demo.usernames.join(', ')})`,
      `      password: ${credentials.demo.password}`,
    );
  } else {
    lines.push(
      '',
      '  Log in with the accounts printed on first start (admin, headnurse, nurse.a, family.liu …).',
    );
  }
  return lines.join('\n') + '\n\n';
}

async function main(): Promise<void> {
  const config = loadConfig();
  let embedded: EmbeddedDatabase | null = null;
  if (!config.databaseUrl) {
    embedded = await startEmbeddedDatabase(config.dataDir, (msg) => log(msg));
  }
  const databaseUrl = config.databaseUrl ?? embedded!.url;
  const app = await createApp(config, { url: databaseUrl, embedded: embedded !== null });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    log('shutting down', { signal });
    await app.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', (s) => void stop(s));
  process.once('SIGTERM', (s) => void stop(s));

  const credentials = await app.get(SetupService).ensureSetUp();
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  log('listening', { url });
  const database = embedded ? `embedded PostgreSQL, data in ${config.dataDir}` : 'DATABASE_URL';
  process.stdout.write(banner(url, credentials, database));
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigError
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
  process.stderr.write(
    JSON.stringify({ level: 'fatal', time: new Date().toISOString(), msg: 'start failed', error: message }) +
      '\n',
  );
  process.exit(1);
});
