import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import {
  ADMIN_PASSWORD,
  chooseOption,
  DEMO_PASSWORD,
  expectNoHorizontalScroll,
  launchBrowser,
  signedInPage,
  snapshot,
  startUiServer,
} from '../support/browser.js';
import { login, type ServerProcess } from '../support/server-process.js';

const FAMILY = 'notices.ui.family';
const FAMILY_PASSWORD = 'notices-ui-family-1';

/** Names unique to this spec: every browser spec shares one database in CI. */
const RESIDENT = '通知丙长者';
const BILL = '通知页二月费用账单';

describe('notices and bills for families', () => {
  let server: ServerProcess;
  let browser: Browser;
  let token: string;

  async function api<T>(method: string, url: string, body?: object): Promise<T> {
    const response = await fetch(`${server.url}${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    expect({ url, status: response.status, ok: response.ok }).toMatchObject({ ok: true });
    return (await response.json()) as T;
  }

  beforeAll(async () => {
    server = await startUiServer();
    token = await login(server.url, 'admin', ADMIN_PASSWORD);
    const units = await api<{ id: string; name: string }[]>('GET', '/api/org-units');
    const unit = (name: string) => units.find((u) => u.name === name)!.id;
    const resident = await api<{ id: string }>('POST', '/api/residents', {
      name: RESIDENT,
      gender: 'male',
      birthDate: '1938-11-02',
      orgUnitId: unit('A区（一层）'),
      room: '717',
      bed: '2',
      careLevel: '一级护理',
    });
    const user = await api<{ id: string }>('POST', '/api/users', {
      username: FAMILY,
      displayName: '通知家属',
      password: FAMILY_PASSWORD,
      memberships: [{ role: 'family', orgUnitId: unit('康宁颐养院·朝阳院区') }],
    });
    await api('POST', `/api/residents/${resident.id}/family-links`, {
      userId: user.id,
      relationship: '儿子',
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signIn(username: string, password: string, path: string): Promise<Page> {
    return signedInPage(browser, `${server.url}/app${path}`, username, password);
  }

  it('should let a steward publish a bill on a phone, and tell the family in the bell', async () => {
    // given the steward on the notices page of a phone
    const steward = await signIn('steward', DEMO_PASSWORD, '/notices');
    await steward.getByRole('heading', { name: '家属通知与账单' }).waitFor();

    // when she writes a bill for one resident's family and saves the draft
    await steward.getByRole('button', { name: /新建通知/ }).click();
    const drawer = steward.getByRole('dialog', { name: '新建通知' });
    await drawer.getByText('账单', { exact: true }).click();
    await drawer.getByLabel('标题').fill(BILL);
    await drawer.getByLabel('正文').fill('床位费 2,800 元，护理费 1,200 元，餐费 900 元');
    await drawer.getByLabel('金额（元）').fill('4900');
    await drawer.getByText('某位长者的家属', { exact: true }).click();
    const residentSelect = drawer.getByLabel('长者', { exact: true });
    await residentSelect.click();
    await steward.keyboard.type('通知丙');
    await chooseOption(steward, residentSelect, RESIDENT);
    await expectNoHorizontalScroll(steward);
    await snapshot(steward, 'notices-new-bill');
    await steward.getByTestId('save-notice').click();

    // then the draft is listed, and publishing it asks first
    const item = steward.getByTestId('portal-notice').filter({ hasText: BILL });
    await item.getByText('金额：¥4,900.00', { exact: true }).waitFor();
    await item.getByRole('button', { name: /发\s*布/ }).click();
    await steward
      .getByRole('tooltip')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await steward.getByText(`已发布「${BILL}」`).waitFor();
    // (the list reloads after the toast: the publish button goes once it has)
    await item.getByRole('button', { name: /发\s*布/ }).waitFor({ state: 'detached' });
    await expectNoHorizontalScroll(steward);
    await snapshot(steward, 'notices-published');
    await steward.context().close();

    // when the family member opens the app on their phone
    const family = await signIn(FAMILY, FAMILY_PASSWORD, '/');
    await family.waitForURL(/\/app\/portal$/);
    // then the bell says there is something unread, and it is the bill
    const bell = family.getByTestId('notification-bell');
    await family.getByRole('button', { name: /通知，1 条未读/ }).waitFor();
    await bell.click();
    const told = family.getByRole('button', { name: `新账单 · New bill: ${BILL}` });
    await told.waitFor();
    await snapshot(family, 'notices-family-bell');
    // and tapping it opens the notices page with the bill and its amount
    await told.click();
    await family.waitForURL(/\/app\/portal\/notices$/);
    const bill = family.getByTestId('portal-notice').filter({ hasText: BILL });
    await bill.getByText('金额：¥4,900.00', { exact: true }).waitFor();
    await family.getByRole('button', { name: '通知', exact: true }).waitFor();
    await expectNoHorizontalScroll(family);
    await snapshot(family, 'notices-family-list');
    await family.context().close();
  });
});
