import path from 'node:path';

export type AppConfig = {
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  adminPassword: string | null;
  demoPassword: string | null;
  sessionTtlSeconds: number;
  production: boolean;
  testClock: boolean;
  /** Benchmark-only routes (test/bench), never in production. */
  benchRoutes: boolean;
  logLevel: string;
  uiRoot: string;
  /** The shipped template bundles (`templates/<key>/`), offered by `GET /api/bundles/shipped`. */
  templatesDir: string;
  bodyLimitBytes: number;
  /** The server secret webhook signatures are derived from (null in production when unset: webhooks fail with an incident). */
  webhookSecret: string | null;
  /** Let webhooks call loopback, link-local and private addresses (tests with a local receiver, closed networks). */
  webhookAllowPrivate: boolean;
};

/** Used outside production when CARELOOM_WEBHOOK_SECRET is unset, so development and tests can sign. */
export const DEVELOPMENT_WEBHOOK_SECRET = 'careloom-development-webhook-secret';

export class ConfigError extends Error {}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new ConfigError(`${name} must be a positive integer, got "${raw}"`);
  }
  return value;
}

/** Reads the whole configuration from the environment once, failing fast on a bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const production = env.NODE_ENV === 'production';
  const testClock = env.CARELOOM_TEST_CLOCK === '1';
  if (production && testClock) {
    throw new ConfigError('CARELOOM_TEST_CLOCK cannot be enabled when NODE_ENV=production');
  }
  const benchRoutes = env.CARELOOM_BENCH === '1';
  if (production && benchRoutes) {
    throw new ConfigError('CARELOOM_BENCH cannot be enabled when NODE_ENV=production');
  }
  return {
    port: intFrom(env, 'PORT', 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL ? env.DATABASE_URL : null,
    dataDir: path.resolve(env.CARELOOM_DATA_DIR ?? '.data'),
    adminPassword: env.CARELOOM_ADMIN_PASSWORD ? env.CARELOOM_ADMIN_PASSWORD : null,
    demoPassword: env.CARELOOM_DEMO_PASSWORD ? env.CARELOOM_DEMO_PASSWORD : null,
    sessionTtlSeconds: intFrom(env, 'CARELOOM_SESSION_TTL', 12 * 3600),
    production,
    testClock,
    benchRoutes,
    logLevel: env.LOG_LEVEL ?? 'info',
    uiRoot: path.resolve(env.CARELOOM_UI_ROOT ?? path.join(import.meta.dirname, '..', '..', '..')),
    templatesDir: path.resolve(
      env.CARELOOM_TEMPLATES_DIR ?? path.join(import.meta.dirname, '..', '..', '..', 'templates'),
    ),
    bodyLimitBytes: intFrom(env, 'CARELOOM_BODY_LIMIT', 1024 * 1024),
    webhookSecret: env.CARELOOM_WEBHOOK_SECRET || (production ? null : DEVELOPMENT_WEBHOOK_SECRET),
    webhookAllowPrivate: env.CARELOOM_WEBHOOK_ALLOW_PRIVATE === '1',
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
