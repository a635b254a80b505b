import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import {
  ADMIN_PASSWORD,
  chooseOption,
  expectNoHorizontalScroll,
  launchBrowser,
  PHONE,
  signedInPage,
  snapshot,
  startUiServer,
} from '../support/browser.js';
import { login, REPO_ROOT, type ServerProcess } from '../support/server-process.js';

const DESKTOP = { width: 1280, height: 900 };
const BUNDLE = path.join(REPO_ROOT, 'templates', 'complaint-workorder');
const FORM_NAME = '投诉与服务工单登记';
const REPORT_KEY = 'rd-complaint-type-mix';
const REPORT_TITLE = '投诉类型分布（设计器）';
const DASHBOARD_KEY = 'rd-complaints';
const DASHBOARD_TITLE = '投诉看板（设计器）';

/** Every file of a template folder, by its path inside the bundle (the import API's `files`). */
function bundleFiles(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else {
        files[path.relative(root, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
      }
    }
  };
  walk(root);
  return files;
}

describe('designing a report and a dashboard in the designer', () => {
  let server: ServerProcess;
  let browser: Browser;
  let token: string;

  const call = async (method: string, url: string, body?: unknown) => {
    const response = await fetch(`${server.url}${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    server = await startUiServer();
    token = await login(server.url, 'admin', ADMIN_PASSWORD);

    // the shipped complaint bundle (a no-op when another spec imported it already) and three complaints
    const imported = await call('POST', '/api/bundles/import', { files: bundleFiles(BUNDLE) });
    expect(imported.status).toBe(200);
    const found = await call('GET', `/api/residents?q=${encodeURIComponent('刘桂兰')}`);
    const residentId = (found.body.items as { id: string }[])[0]?.id;
    for (const complaintType of ['meals', 'meals', 'care']) {
      const record = await call('POST', '/api/records', {
        formKey: 'complaint-intake',
        residentId,
        data: {
          complaintType,
          urgency: 'normal',
          filedBy: 'family',
          channel: 'phone',
          complainantName: '刘女士',
          description: '午餐偏咸，希望改进。',
        },
      });
      expect(record.status).toBe(201);
    }
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signedIn(viewport: { width: number; height: number }, at: string): Promise<Page> {
    return signedInPage(browser, `${server.url}/designer${at}`, 'admin', ADMIN_PASSWORD, {
      viewport,
      timeout: 20_000,
    });
  }

  it('should let the admin build a pie of complaints by type without JSON, save it and put it on a new dashboard', async () => {
    // given the admin on the reports page, reached from the navigation
    const page = await signedIn(DESKTOP, '/forms');
    await page.getByRole('menuitem', { name: '报表' }).click();
    await page.getByRole('heading', { name: '报表与看板' }).waitFor();

    // when she creates a report on the complaint intake form, grouped by type, as a pie
    await page.getByTestId('new-spec').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('中文标题').fill(REPORT_TITLE);
    await dialog.getByLabel('英文标题').fill('Complaints by type (designer)');
    await dialog.getByLabel('标识').fill(REPORT_KEY);
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await page.getByTestId('report-editor').waitFor();
    await chooseOption(page, page.getByTestId('source-form'), FORM_NAME);
    await page.getByTestId('add-group').click();
    await chooseOption(page, page.getByLabel('分组 1 字段'), '投诉类型');
    await chooseOption(page, page.getByTestId('chart-type'), '饼图');

    // then the live preview draws the pie on a canvas
    await page.locator('[data-testid="report-preview-chart"] canvas').waitFor({ timeout: 60_000 });
    await page.getByTestId('report-preview-rows').waitFor();
    await snapshot(page, 'report-designer-editor');

    // when she saves it
    await page.getByTestId('save-report').click();
    await page.getByText('已保存版本 v1').waitFor();
    const saved = await call('GET', `/api/reports/${REPORT_KEY}`);
    expect(saved.body.dataset).toEqual({
      source: { type: 'records', formKey: 'complaint-intake' },
      groupBy: [{ key: 'complaintType', by: 'field', field: 'complaintType' }],
      measures: [{ key: 'count', op: 'count' }],
    });
    expect(saved.body.chart).toEqual({ type: 'pie', x: 'complaintType', y: ['count'] });

    // and puts it on a new dashboard, half width
    await page.getByRole('link', { name: '返回报表列表' }).click();
    await page.getByText('看板', { exact: true }).click();
    await page.getByTestId('new-spec').click();
    await dialog.getByLabel('中文标题').fill(DASHBOARD_TITLE);
    await dialog.getByLabel('英文标题').fill('Complaints (designer)');
    await dialog.getByLabel('标识').fill(DASHBOARD_KEY);
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await page.getByTestId('dashboard-editor').waitFor();
    await chooseOption(page, page.getByTestId('dashboard-add-report'), REPORT_TITLE);
    await page.getByTestId('dashboard-add').click();
    await page.locator(`[data-testid="dashboard-preview-${REPORT_KEY}"] canvas`).waitFor();
    await page.getByTestId('save-dashboard').click();
    await page.getByText('看板已保存版本 v1').waitFor();
    await snapshot(page, 'report-designer-dashboard');

    // then the dashboard answers with the report's rows through the API
    const data = await call('GET', `/api/dashboards/${DASHBOARD_KEY}/data`);
    expect(data.status).toBe(200);
    const items = data.body.items as {
      report: string;
      w: number;
      result: { rows: { complaintType: string; count: number }[] } | null;
    }[];
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ report: REPORT_KEY, x: 0, y: 0, w: 6 });
    const rows = items[0]?.result?.rows ?? [];
    expect(rows.find((row) => row.complaintType === 'meals')?.count).toBeGreaterThanOrEqual(2);
    expect(rows.find((row) => row.complaintType === 'care')?.count).toBeGreaterThanOrEqual(1);
  });

  it('should show the server’s message on the measure row when a percentile p of 2 is typed in the JSON tab on a 390-px screen', async () => {
    // given the saved report opened on a phone
    const page = await signedIn(PHONE, `/reports/${REPORT_KEY}`);
    await page.getByTestId('report-editor').waitFor();
    await page.locator('[data-testid="report-preview-chart"] canvas').waitFor({ timeout: 60_000 });
    await expectNoHorizontalScroll(page, PHONE.width);
    await snapshot(page, 'report-designer-editor-phone');

    // when a percentile measure with p = 2 is added in the JSON tab
    const stored = (await call('GET', `/api/reports/${REPORT_KEY}`)).body;
    const dataset = stored.dataset as { measures: unknown[] };
    const spec = {
      schemaVersion: 1,
      key: REPORT_KEY,
      title: stored.title,
      dataset: {
        ...dataset,
        measures: [...dataset.measures, { key: 'p90', op: 'percentile', field: 'occurredAt', p: 2 }],
      },
      chart: stored.chart,
    };
    await page.getByRole('tab', { name: 'JSON' }).click();
    await page.getByTestId('report-json').fill(JSON.stringify(spec, null, 2));
    await page.getByTestId('report-json-ok').waitFor();

    // then the design tab shows the server's message on that measure's row, in the UI's Chinese
    await page.getByRole('tab', { name: '设计' }).click();
    const problem = page.getByTestId('measure-row-1-problem');
    await problem.waitFor();
    expect(await problem.textContent()).toContain('p 须为大于 0 且小于 1 的数');
    await expect(page.getByTestId('measure-row-0-problem').count()).resolves.toBe(0);
    await expectNoHorizontalScroll(page, PHONE.width);
    await snapshot(page, 'report-designer-problem-phone');

    // and the dashboard editor stacks on the phone too (leaving the unsaved edit behind)
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${server.url}/designer/reports/dashboards/${DASHBOARD_KEY}`);
    await page.locator(`[data-testid="dashboard-preview-${REPORT_KEY}"] canvas`).waitFor();
    await expectNoHorizontalScroll(page, PHONE.width);
    await snapshot(page, 'report-designer-dashboard-phone');
  });
});
