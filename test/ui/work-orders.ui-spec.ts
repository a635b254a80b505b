import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import {
  ADMIN_PASSWORD,
  DEMO_PASSWORD,
  expectNoHorizontalScroll,
  launchBrowser,
  signedInPage,
  snapshot,
  startUiServer,
} from '../support/browser.js';
import { login, REPO_ROOT, type ServerProcess } from '../support/server-process.js';

const FAMILY_USER = 'wo.ui.family';
const FAMILY_PASSWORD = 'wo-ui-family-secret-1';
const RESIDENT = '工单界面测试长者';

/** The complaint-workorder bundle as the import API takes it (path → text). */
function bundleFiles(): Record<string, string> {
  const root = path.join(REPO_ROOT, 'templates', 'complaint-workorder');
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'manifest.json'), 'utf8')) as {
    contents: Record<string, string[]>;
  };
  const files: Record<string, string> = {
    'manifest.json': fs.readFileSync(path.join(root, 'manifest.json'), 'utf8'),
  };
  for (const file of Object.values(manifest.contents).flat()) {
    files[file] = fs.readFileSync(path.join(root, file), 'utf8');
  }
  return files;
}

describe('work orders in the runtime UI', () => {
  let server: ServerProcess;
  let browser: Browser;
  let residentId: string;
  let api: (method: string, url: string, body?: unknown) => Promise<Response>;

  beforeAll(async () => {
    server = await startUiServer({ CARELOOM_TEST_CLOCK: '1' });
    const token = await login(server.url, 'admin', ADMIN_PASSWORD);
    api = (method, url, body) =>
      fetch(`${server.url}${url}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    expect([200, 201]).toContain((await api('POST', '/api/bundles/import', { files: bundleFiles() })).status);

    // a resident of this spec, and a family member linked to them
    const units = (await (await api('GET', '/api/org-units')).json()) as { id: string; name: string }[];
    const unit = units.find((u) => u.name === 'A区（一层）') ?? units[0]!;
    const resident = await api('POST', '/api/residents', {
      name: RESIDENT,
      gender: 'female',
      birthDate: '1938-05-01',
      orgUnitId: unit.id,
      room: '108',
      bed: '2',
    });
    expect(resident.status).toBe(201);
    residentId = ((await resident.json()) as { id: string }).id;
    const user = await api('POST', '/api/users', {
      username: FAMILY_USER,
      displayName: '王先生（家属）',
      password: FAMILY_PASSWORD,
      memberships: [{ role: 'family', orgUnitId: unit.id }],
    });
    expect(user.status).toBe(201);
    const userId = ((await user.json()) as { id: string }).id;
    expect(
      (await api('POST', `/api/residents/${residentId}/family-links`, { userId, relationship: '儿子' }))
        .status,
    ).toBe(201);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signIn(username: string, password: string): Promise<Page> {
    const page = await signedInPage(browser, `${server.url}/app/`, username, password);
    await page.waitForURL(/\/app\/(tasks|portal)/);
    return page;
  }

  /** A one-of field of the intake form (an antd select, by the field's key). */
  const choose = async (page: Page, field: string, option: string) => {
    await page.locator(`.ant-select[name="root_${field}"]`).click();
    await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
  };

  it('should let front desk file a complaint from the resident page and follow it with its SLA clock', async () => {
    // given front desk on the resident's page
    const page = await signIn('frontdesk', DEMO_PASSWORD);
    await page.goto(`${server.url}/app/residents/${residentId}`);
    await page.getByRole('heading', { name: RESIDENT }).waitFor();

    // when she files a complaint for the resident
    await page.getByRole('button', { name: '登记投诉/诉求' }).click();
    await page.getByRole('heading', { name: '登记投诉/诉求' }).waitFor();
    await choose(page, 'complaintType', '设施设备');
    await choose(page, 'urgency', '一般（3个工作日内办结）');
    await choose(page, 'filedBy', '家属');
    await choose(page, 'channel', '电话');
    await page.getByLabel('投诉人姓名').fill('王先生');
    await page.getByLabel('事情经过').fill('房间空调遥控器失灵两天了。');
    await expectNoHorizontalScroll(page);
    await snapshot(page, 'work-orders-new');
    await page.getByTestId('care-form-submit').click();

    // then she sees the work order with its first-response clock and the history
    await page.getByText(/^已登记工单 TS-\d{8}-\d{4}$/).waitFor();
    const key = (await page.getByRole('heading', { name: /^TS-\d{8}-\d{4}$/ }).textContent())!;
    await page.getByText(/首次响应：剩余/).waitFor();
    await page.getByText('登记工单', { exact: true }).waitFor();
    await page.getByRole('link', { name: '去办理' }).waitFor();
    await expectNoHorizontalScroll(page);
    await snapshot(page, 'work-orders-detail-staff');

    // and in the list, among the open ones, with its clock as words
    await page.goto(`${server.url}/app/work-orders`);
    const card = page.locator('.ant-card', { hasText: key });
    await card.getByText(RESIDENT, { exact: false }).waitFor();
    await card.getByText(/首次响应：剩余/).waitFor();
    await expectNoHorizontalScroll(page);
    await snapshot(page, 'work-orders-list');
    await card.getByRole('link', { name: new RegExp(key) }).click();
    await page.getByRole('heading', { name: key }).waitFor();
  });

  it('should let a family member file for their relative and rate the result once resolved', async () => {
    // given the family member signed in on a phone
    const page = await signIn(FAMILY_USER, FAMILY_PASSWORD);

    // when they file a request for their relative
    await page.goto(`${server.url}/app/work-orders/new?residentId=${residentId}`);
    await page.getByRole('heading', { name: '登记投诉/诉求' }).waitFor();
    await choose(page, 'complaintType', '餐饮');
    await choose(page, 'urgency', '紧急（24小时内办结）');
    await page.getByLabel('事情经过').fill('晚饭送到时已经凉了。');
    await expectNoHorizontalScroll(page);
    await page.getByTestId('care-form-submit').click();
    await page.getByText('养老院正在处理您的诉求').waitFor();
    const key = (await page.getByRole('heading', { name: /^TS-\d{8}-\d{4}$/ }).textContent())!;
    await expect(page.getByRole('link', { name: '去办理' }).count()).resolves.toBe(0);
    await snapshot(page, 'work-orders-detail-family');

    // and the home answers and resolves it (through the API), and some hours pass
    const list = (await (await api('GET', `/api/work-orders?residentId=${residentId}&limit=100`)).json()) as {
      items: { id: string; businessKey: string }[];
    };
    const id = list.items.find((w) => w.businessKey === key)!.id;
    const step = async (elementId: string) => {
      const detail = (await (await api('GET', `/api/work-orders/${id}`)).json()) as {
        steps: { taskId: string; elementId: string }[];
      };
      return detail.steps.find((s) => s.elementId === elementId)!.taskId;
    };
    const now = new Date().toISOString();
    expect(
      (
        await api('POST', `/api/tasks/${await step('firstResponse')}/complete`, {
          data: { respondedAt: now, complainantReached: true },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await api('POST', `/api/tasks/${await step('resolve')}/complete`, {
          data: {
            resolvedAt: now,
            substantiated: 'yes',
            actionsTaken: '已更换保温餐盒。',
            complainantInformed: true,
          },
        })
      ).status,
    ).toBe(200);
    expect((await api('POST', '/api/test/clock', { advance: 'PT2H' })).status).toBe(200);

    // when they open it again and rate it
    await page.reload();
    await page.getByText('已处理完毕，请您评价处理结果').waitFor();
    await page.getByText('已更换保温餐盒。').waitFor();
    await page.locator('.ant-rate-star').nth(4).click();
    await page
      .getByRole('radiogroup', { name: /向亲友推荐/ })
      .getByText('9', { exact: true })
      .click();
    await page.getByLabel('您的意见（可选）').fill('现在饭菜是热的，谢谢。');
    await expectNoHorizontalScroll(page);
    await snapshot(page, 'work-orders-rate');
    await page.getByRole('button', { name: '提交评价' }).click();

    // then it is closed with their answers
    await page.getByText('感谢您的评价').first().waitFor();
    await page.getByText('已结案，感谢您的反馈').waitFor();
    await page.getByText('满意度 5/5').waitFor();

    // and their list shows it closed
    await page.goto(`${server.url}/app/work-orders`);
    await page.getByRole('tab', { name: '已结案' }).click();
    const card = page.locator('.ant-card', { hasText: key });
    await card.getByText('已结案', { exact: true }).waitFor();
    await expectNoHorizontalScroll(page);
    await snapshot(page, 'work-orders-family-closed');
  });
});
