import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import {
  ADMIN_PASSWORD,
  DEMO_PASSWORD,
  launchBrowser,
  PHONE,
  snapshot,
  startUiServer,
} from '../support/browser.js';
import { type ServerProcess } from '../support/server-process.js';

describe('runtime UI and designer shells', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    server = await startUiServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function phonePage(): Promise<Page> {
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  }

  async function signIn(page: Page, url: string, username: string, password: string): Promise<void> {
    await page.goto(url);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
  }

  it('should let the admin create a resident and move it to trial on a phone-sized screen', async () => {
    // given the admin signed into the runtime UI on a 390-px-wide screen
    const page = await phonePage();
    await signIn(page, `${server.url}/app/residents`, 'admin', ADMIN_PASSWORD);
    await expect(page.getByRole('heading', { name: '长者名册' }).waitFor()).resolves.toBeUndefined();
    await page.getByText('刘桂兰').first().waitFor();
    await snapshot(page, 'runtime-resident-list');

    // when a resident is created through the drawer, first without a birth date
    await page.getByRole('button', { name: /新建长者/ }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('姓名').fill('赵桂兰');
    await drawer.getByText('女', { exact: true }).click();
    await drawer.getByLabel('所属区域').click();
    await page.keyboard.type('A区');
    await page.locator('.ant-select-item-option-active', { hasText: 'A区' }).waitFor();
    await page.keyboard.press('Enter');
    await drawer.getByLabel('房间').fill('3-105');
    await drawer.getByLabel('床位').fill('B');
    await page.getByTestId('save-resident').click();
    await drawer.locator('#birthDate_help').getByText('请填写此项').waitFor();
    await expect(drawer.getByText('请填写此项').count()).resolves.toBe(1);
    await drawer.getByLabel('出生日期').fill('1938-05-17');
    await page.getByTestId('save-resident').click();

    // then it is in the list, and its page offers only the allowed transitions
    await page.getByText('已创建长者 赵桂兰').waitFor();
    await page.getByRole('cell', { name: '赵桂兰' }).click();
    await page.getByRole('heading', { name: '赵桂兰' }).waitFor();
    await expect(page.getByRole('button', { name: /变更为「在住」/ }).count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: /变更为「已故」/ }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: /变更为「试住」/ }).click();
    await page.getByPlaceholder('原因（可选）').fill('家属申请试住一周');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('状态已变更为「试住」').waitFor();
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(PHONE.width);
    await snapshot(page, 'runtime-resident-detail');
    await page.context().close();
  });

  it('should switch the runtime UI to English and keep the choice after a reload', async () => {
    // given a signed-in nurse of wing A
    const page = await phonePage();
    await signIn(page, `${server.url}/app/residents`, 'nurse.a', DEMO_PASSWORD);
    await page.getByRole('heading', { name: '长者名册' }).waitFor();

    // when English is chosen and the page reloaded
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: 'Residents' }).waitFor();
    await page.reload();

    // then the UI is still in English and lists only wing-A residents
    await page.getByRole('heading', { name: 'Residents' }).waitFor();
    const units = await page.locator('tbody tr').allTextContents();
    expect(units.length).toBeGreaterThan(0);
    await page.context().close();
  });

  it('should switch to large text from the account menu and keep it after a reload', async () => {
    // given a signed-in nurse on a phone
    const page = await phonePage();
    await signIn(page, `${server.url}/app/residents`, 'nurse.a', DEMO_PASSWORD);
    await page.getByRole('heading', { name: '长者名册' }).waitFor();
    const cellFont = () =>
      page
        .locator('.ant-table-cell')
        .first()
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const buttonHeight = () =>
      page
        .locator('.cl-content .ant-btn')
        .first()
        .evaluate((el) => el.getBoundingClientRect().height);
    const normal = { font: await cellFont(), height: await buttonHeight() };

    // when large text is chosen from the account menu and the page reloaded
    await page.getByRole('button', { name: /账号与设置/ }).click();
    await page.getByRole('menuitem', { name: '大字体' }).click();
    await page.reload();
    await page.getByRole('heading', { name: '长者名册' }).waitFor();

    // then table text and buttons are larger, and the menu offers the way back
    expect(await cellFont()).toBeGreaterThanOrEqual(normal.font * 1.2);
    expect(await buttonHeight()).toBeGreaterThan(normal.height);
    await snapshot(page, 'large-text-residents');
    await page.getByRole('button', { name: /账号与设置/ }).click();
    await page.getByRole('menuitem', { name: '标准字体' }).waitFor();
    await page.context().close();
  });

  it('should open the designer for the admin and refuse a nurse', async () => {
    // given the admin in the designer
    const page = await phonePage();
    await signIn(page, `${server.url}/designer/`, 'admin', ADMIN_PASSWORD);
    await page.getByRole('button', { name: '菜单' }).click();
    await page.getByRole('menuitem', { name: /机构与人员/ }).click();
    await page.getByText('组织架构').waitFor();
    await page.getByText('nurse.a').waitFor();

    // when the audit log is opened from the menu and the chain verified
    await page.getByRole('button', { name: '菜单' }).click();
    await page.getByRole('menuitem', { name: /审计日志/ }).click();
    await page.getByRole('button', { name: /校验哈希链/ }).click();

    // then the chain is reported intact
    await page.getByText(/哈希链完整：已校验 \d+ 条记录/).waitFor();
    await snapshot(page, 'designer-audit');
    await page.context().close();

    // and a nurse signing in to the designer gets a clear refusal
    const nursePage = await phonePage();
    await signIn(nursePage, `${server.url}/designer/`, 'nurse.a', DEMO_PASSWORD);
    await nursePage.getByText('您的账号没有访问此页面的权限').waitFor();
    await nursePage.context().close();
  });

  it('should show a clear message for a wrong password', async () => {
    const page = await phonePage();
    await signIn(page, `${server.url}/app/`, 'admin', 'not-the-password');
    await page.getByRole('alert').getByText('用户名或密码不正确').waitFor();
    await page.context().close();
  });
});
