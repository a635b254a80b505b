import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import {
  ADMIN_PASSWORD,
  launchBrowser,
  PHONE,
  signedInPage,
  snapshot,
  startUiServer,
} from '../support/browser.js';
import { login, type ServerProcess } from '../support/server-process.js';

const FAMILY = 'portal.ui.family';
const FAMILY_PASSWORD = 'portal-ui-family-1';

/** Names unique to this spec: every browser spec shares one database in CI. */
const RESIDENT = '门户甲长者';
const OTHER_RESIDENT = '门户乙长者';
const SHARED_FORM = { 'zh-CN': '门户生命体征', en: 'Portal vital signs' };
const PRIVATE_FORM = { 'zh-CN': '门户内部评估', en: 'Portal internal assessment' };
const PRIVATE_NOTE = '内部评估备注：仅员工可见';

describe('the family portal', () => {
  let server: ServerProcess;
  let browser: Browser;
  let token: string;
  let resident: string;
  let otherResident: string;
  let otherRecord: string;
  let sharedRecord: string;

  async function api<T>(method: string, url: string, body?: object, expected = [200, 201]): Promise<T> {
    const response = await fetch(`${server.url}${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const json = (await response.json()) as T;
    expect({ url, status: response.status, ok: expected.includes(response.status) }).toMatchObject({
      ok: true,
    });
    return json;
  }

  async function form(key: string, name: object, schema: object, familyVisible: boolean): Promise<void> {
    const created = await api<{ id: string }>('POST', '/api/forms', { key, name, schema, familyVisible });
    await api('POST', `/api/forms/${created.id}/publish`);
  }

  beforeAll(async () => {
    server = await startUiServer();
    token = await login(server.url, 'admin', ADMIN_PASSWORD);
    const units = await api<{ id: string; name: string }[]>('GET', '/api/org-units');
    const wing = (name: string) => units.find((u) => u.name === name)!.id;
    const newResident = async (name: string, unit: string, room: string) =>
      (
        await api<{ id: string }>('POST', '/api/residents', {
          name,
          gender: 'female',
          birthDate: '1940-03-08',
          orgUnitId: wing(unit),
          room,
          bed: '1',
          careLevel: '二级护理',
          idNumber: '11010519491231002X',
        })
      ).id;
    resident = await newResident(RESIDENT, 'A区（一层）', '808');
    otherResident = await newResident(OTHER_RESIDENT, 'B区（二层）', '909');
    // a family member linked to the first resident only
    const user = await api<{ id: string }>('POST', '/api/users', {
      username: FAMILY,
      displayName: '门户家属',
      password: FAMILY_PASSWORD,
      memberships: [{ role: 'family', orgUnitId: wing('康宁颐养院·朝阳院区') }],
    });
    await api('POST', `/api/residents/${resident}/family-links`, { userId: user.id, relationship: '女儿' });
    // a form the home shares with families, and one it keeps for staff
    await form(
      'portal-ui-vitals',
      SHARED_FORM,
      {
        type: 'object',
        properties: {
          systolic: { type: 'integer', 'x-labels': { 'zh-CN': '收缩压', en: 'Systolic' } },
          mood: {
            type: 'string',
            'x-labels': { 'zh-CN': '精神状态', en: 'Mood' },
            oneOf: [
              { const: 'good', 'x-labels': { 'zh-CN': '良好', en: 'Good' } },
              { const: 'low', 'x-labels': { 'zh-CN': '低落', en: 'Low' } },
            ],
          },
          // a multiple choice the way the bundles write it: zh-CN title, both languages in x-labels
          activities: {
            type: 'array',
            'x-labels': { 'zh-CN': '参加的活动', en: 'Activities' },
            maxItems: 2,
            uniqueItems: true,
            items: {
              type: 'string',
              oneOf: [
                {
                  const: 'group-exercise',
                  title: '集体健身操',
                  'x-labels': { 'zh-CN': '集体健身操', en: 'Group exercise' },
                },
                { const: 'crafts', title: '手工', 'x-labels': { 'zh-CN': '手工', en: 'Crafts' } },
              ],
            },
          },
        },
      },
      true,
    );
    await form(
      'portal-ui-private',
      PRIVATE_FORM,
      { type: 'object', properties: { note: { type: 'string', maxLength: 200, title: '备注' } } },
      false,
    );
    const record = (formKey: string, residentId: string, data: object) =>
      api<{ id: string }>('POST', '/api/records', { formKey, residentId, data });
    sharedRecord = (
      await record('portal-ui-vitals', resident, {
        systolic: 126,
        mood: 'good',
        activities: ['group-exercise', 'crafts'],
      })
    ).id;
    await record('portal-ui-private', resident, { note: PRIVATE_NOTE });
    otherRecord = (await record('portal-ui-vitals', otherResident, { systolic: 150, mood: 'low' })).id;
    // and January's bill for the first resident's family, published
    const bill = await api<{ id: string }>('POST', '/api/portal/notices', {
      category: 'bill',
      title: '门户一月费用账单',
      body: '床位费、护理费、餐费',
      residentId: resident,
      amountFen: 328050,
    });
    await api('POST', `/api/portal/notices/${bill.id}/publish`);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function familyPage(): Promise<Page> {
    return signedInPage(browser, `${server.url}/app/`, FAMILY, FAMILY_PASSWORD);
  }

  async function expectNotFound(page: Page, path: string): Promise<void> {
    await page.goto(`${server.url}/app${path}`);
    await page.getByTestId('portal-not-found').getByText('找不到这个页面').waitFor();
    const text = await page.locator('body').innerText();
    expect(text).not.toContain(OTHER_RESIDENT);
    expect(text).not.toContain('150');
  }

  it('should land a family member on the portal with the shared update and the bill, and nothing else', async () => {
    // given the family member signed in on a phone
    const page = await familyPage();

    // then the portal is their home, with their relative's shared update in words
    await page.waitForURL(/\/app\/portal$/);
    await page.getByRole('heading', { name: '家人动态', exact: true }).waitFor();
    const card = page.getByTestId('portal-resident');
    await card.getByRole('heading', { name: RESIDENT }).waitFor();
    await card.getByText(SHARED_FORM['zh-CN'], { exact: true }).waitFor();
    await card
      .getByText('收缩压：126；精神状态：良好；参加的活动：集体健身操、手工', { exact: true })
      .waitFor();
    // and the bill with its amount
    const bill = page.getByTestId('portal-notice').filter({ hasText: '门户一月费用账单' });
    await bill.getByText('金额：¥3,280.50', { exact: true }).waitFor();
    // and not what the home keeps for staff, nor the ID number
    const text = await page.locator('body').innerText();
    expect(text).not.toContain(PRIVATE_FORM['zh-CN']);
    expect(text).not.toContain(PRIVATE_NOTE);
    expect(text).not.toContain('110105');
    // and the request button leads to a new work order for the resident
    const request = card.getByRole('link', { name: /提交诉求或投诉/ });
    expect(await request.getAttribute('href')).toBe(`/app/work-orders/new?residentId=${resident}`);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(PHONE.width);
    await snapshot(page, 'family-portal-home');

    // and the menu offers the portal's pages, not the staff ones
    await page.getByRole('button', { name: '菜单' }).click();
    const menu = page.getByRole('menu');
    await menu.getByText('我的诉求', { exact: true }).waitFor();
    await menu.getByText('通知', { exact: true }).waitFor();
    expect(await menu.getByText('待办', { exact: true }).count()).toBe(0);
    expect(await menu.getByText('长者', { exact: true }).count()).toBe(0);
    await snapshot(page, 'family-portal-menu');
    await page.keyboard.press('Escape');

    // when they open the resident's feed
    await page.goto(`${server.url}/app/portal/residents/${resident}`);
    await page.getByRole('heading', { name: `${RESIDENT}的动态` }).waitFor();
    await page
      .getByText('收缩压：126；精神状态：良好；参加的活动：集体健身操、手工', { exact: true })
      .waitFor();
    await snapshot(page, 'family-portal-feed');
  });

  it('should show a shared record in English with option labels, not stored keys', async () => {
    // given the family member signed in, reading English
    const page = await familyPage();
    await page.waitForURL(/\/app\/portal$/);
    await page.getByText('EN', { exact: true }).click();
    // when they open the shared record
    await page.goto(`${server.url}/app/records/${sharedRecord}`);
    // then single and multiple choices read as labels in English
    await page.getByText('Group exercise, Crafts', { exact: true }).waitFor();
    await page.getByText('Good', { exact: true }).waitFor();
    const text = await page.locator('body').innerText();
    expect(text).not.toContain('group-exercise');
    expect(text).not.toContain('集体健身操');
    await snapshot(page, 'family-portal-record-en');
  });

  it("should show only “not found” when a family member types another resident's address", async () => {
    const page = await familyPage();
    await page.waitForURL(/\/app\/portal$/);
    // when they change the URL to another resident's feed, resident page and record
    await expectNotFound(page, `/portal/residents/${otherResident}`);
    await snapshot(page, 'family-portal-not-found');
    await expectNotFound(page, `/residents/${otherResident}`);
    await expectNotFound(page, `/records/${otherRecord}`);
  });
});
