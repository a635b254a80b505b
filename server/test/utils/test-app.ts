import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import supertest from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory.js';
import { loadConfig } from '../../src/config/app-config.js';
import { SetupService } from '../../src/modules/setup/setup.service.js';

export const ADMIN_PASSWORD = 'admin-test-pass';
export const DEMO_PASSWORD = 'demo-test-pass';

export type TestApp = {
  app: NestFastifyApplication;
  http: () => ReturnType<typeof supertest>;
  dataSource: DataSource;
  login: (username: string, password?: string) => Promise<string>;
  close: () => Promise<void>;
};

/**
 * The real application on the test database, with the first-start demo home freshly created
 * (tables emptied first, so each test file starts from the same known state).
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error('TEST_DATABASE_URL is not set: run through jest.integration.config.mjs');
  }
  const config = loadConfig({ ...process.env, ...env });
  const app = await createApp(config, { url, embedded: false }, { logRequests: false, serveUi: false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const dataSource = app.get(DataSource);
  await dataSource.query(
    `TRUNCATE tenant, org_unit, app_user, role, membership, auth_session, resident, family_link, audit_event, form, form_version, record, record_revision, rule, rule_version, rule_firing, bundle_installation, process_definition, process_instance, task, job, message_subscription, incident, process_history, notification, calendar, report, report_version, dashboard, dashboard_version, process_instance_viewer, portal_notice, user_activity, work_order RESTART IDENTITY CASCADE`,
  );
  await app.get(SetupService).ensureSetUp();
  const http = () => supertest(app.getHttpServer());
  const login = async (
    username: string,
    password = username === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD,
  ) => {
    const response = await http().post('/api/auth/login').send({ username, password });
    if (response.status !== 200) {
      throw new Error(`login ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
    }
    return (response.body as { token: string }).token;
  };
  return { app, http, dataSource, login, close: () => app.close() };
}
