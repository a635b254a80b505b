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
import { login, type ServerProcess } from '../support/server-process.js';

const DESKTOP = { width: 1280, height: 900 };
const FORM_KEY = 'fasting-glucose';
const FORM_NAME = '空腹血糖记录';
const RESIDENT = '秦雪棠';
const RULE_NAME = '空腹血糖连续偏高';

const GLUCOSE_FORM = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  title: FORM_NAME,
  'x-labels': { 'zh-CN': FORM_NAME, en: 'Fasting glucose reading' },
  properties: {
    fasting: {
      type: 'number',
      title: '空腹血糖',
      'x-labels': { 'zh-CN': '空腹血糖', en: 'Fasting glucose' },
      minimum: 0,
      maximum: 40,
    },
  },
  required: ['fasting'],
  additionalProperties: false,
};

describe('designing a rule in the designer', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    server = await startUiServer();
    const token = await login(server.url, 'admin', ADMIN_PASSWORD);
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${server.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      expect(response.status).toBeLessThan(300);
      return (await response.json()) as Record<string, unknown>;
    };

    // a published glucose form, a new resident in a wing and her three high fasting readings
    const form = await call('POST', '/api/forms', {
      key: FORM_KEY,
      name: { 'zh-CN': FORM_NAME, en: 'Fasting glucose reading' },
      schema: GLUCOSE_FORM,
    });
    await call('POST', `/api/forms/${String(form.id)}/publish`);
    const units = (await call('GET', '/api/org-units')) as unknown as { id: string; kind: string }[];
    const wing = units.find((unit) => unit.kind === 'wing') ?? units[0];
    const resident = await call('POST', '/api/residents', {
      name: RESIDENT,
      gender: 'female',
      birthDate: '1942-05-16',
      orgUnitId: wing?.id,
      room: '3-105',
    });
    for (const fasting of [7.4, 8.1, 7.6]) {
      await call('POST', '/api/records', { formKey: FORM_KEY, residentId: resident.id, data: { fasting } });
    }
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signedIn(viewport: { width: number; height: number }): Promise<Page> {
    return signedInPage(browser, `${server.url}/designer/rules`, 'admin', ADMIN_PASSWORD, { viewport });
  }

  it('should let the admin build the fasting-glucose rule, dry-run it on a resident and save it enabled', async () => {
    // given the admin on the rule list
    const page = await signedIn(DESKTOP);
    await page.getByRole('heading', { name: '规则' }).waitFor();

    // when she creates the rule "空腹血糖连续偏高"
    await page.getByTestId('new-rule').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('中文名称').fill(RULE_NAME);
    await dialog.getByLabel('英文名称').fill('High fasting glucose three days running');
    await dialog.getByLabel('标识').fill('high-fasting-glucose');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await page.getByTestId('rule-editor').waitFor();
    await page.getByRole('heading', { name: RULE_NAME }).waitFor();

    // and triggers it when a glucose reading is created
    const trigger = page.getByTestId('trigger-editor');
    await chooseOption(page, trigger.getByLabel('表单'), FORM_NAME);
    await trigger.getByTestId('trigger-sentence').getByText(`当「${FORM_NAME}」新增时`).waitFor();

    // and reads the resident's readings of the last 3 days, counting those above 7.0 in a row
    await page.getByTestId('add-context').click();
    const window = page.getByTestId('context-window-0');
    await window.getByLabel('名称（条件中使用）').fill('readings');
    await expect(window.getByLabel('最近天数').inputValue()).resolves.toBe('3');
    const streak = window.getByTestId('streak-0');
    await streak.getByRole('button', { name: /添加条件/ }).click();
    await chooseOption(page, streak.getByLabel('字段'), '空腹血糖');
    await chooseOption(page, streak.getByLabel('比较方式'), '大于');
    await streak.getByLabel('值').fill('7');
    await streak.getByTestId('condition-sentence').getByText('「空腹血糖」大于7').waitFor();

    // and the condition is "3 or more in a row", built visually
    const condition = page.getByTestId('condition-builder');
    await condition.getByRole('button', { name: /添加条件/ }).click();
    await chooseOption(page, condition.getByLabel('字段'), '连续满足条件的记录数');
    await chooseOption(page, condition.getByLabel('比较方式'), '大于或等于');
    await condition.getByLabel('值').fill('3');
    await condition
      .getByTestId('condition-sentence')
      .getByText(/连续满足条件的记录数」大于或等于3/)
      .waitFor();

    // and the JSON tab shows the same condition, checked
    await page.getByTestId('section-condition').getByRole('tab', { name: 'JSON' }).click();
    const json = page.getByTestId('condition-json');
    await expect(json.inputValue()).resolves.toContain('"consecutive"');
    await page.getByTestId('condition-json-ok').waitFor();
    await page.getByTestId('section-condition').getByRole('tab', { name: '可视化' }).click();

    // and the head nurse is notified
    const action = page.getByTestId('action-0');
    await action.getByText('护士长', { exact: true }).waitFor();
    await action
      .getByLabel('通知内容（中文）')
      .fill('{{resident.name}} 空腹血糖连续 3 天高于 7.0，请安排评估');
    await action
      .getByLabel('通知内容（英文）')
      .fill('{{resident.name}}: fasting glucose above 7.0 three days running');
    await snapshot(page, 'rule-designer-editor');

    // when she looks at the unsaved rule in English and comes back to Chinese, then nothing she built is lost
    await page.getByText('EN', { exact: true }).click();
    await page
      .getByTestId('trigger-sentence')
      .getByText(/^When a .* is created$/)
      .waitFor();
    await page.getByText('中文', { exact: true }).click();
    await page.getByTestId('trigger-sentence').getByText(`当「${FORM_NAME}」新增时`).waitFor();
    await expect(action.getByLabel('通知内容（中文）').inputValue()).resolves.toBe(
      '{{resident.name}} 空腹血糖连续 3 天高于 7.0，请安排评估',
    );
    await condition
      .getByTestId('condition-sentence')
      .getByText(/连续满足条件的记录数」大于或等于3/)
      .waitFor();

    // when she dry-runs the unsaved rule against the resident with three high readings
    await page.getByRole('tab', { name: '试运行' }).click();
    const dryRun = page.getByTestId('dry-run');
    await dryRun.getByRole('combobox', { name: '长者' }).click();
    await page.keyboard.type(RESIDENT);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: RESIDENT })
      .first()
      .click();
    await dryRun.getByTestId('run-dry-run').click();

    // then the verdict is true, with the explanation and the notification that would be sent
    await dryRun.getByTestId('dry-run-verdict').getByText('条件成立').waitFor();
    await expect(dryRun.getByTestId('dry-run-why').textContent()).resolves.toMatch(/consecutive|连续/);
    await dryRun
      .getByTestId('dry-run-actions')
      .getByText(/通知角色「护士长」/)
      .waitFor();
    await snapshot(page, 'rule-designer-dry-run');

    // when she saves
    await page.getByTestId('save-rule').click();
    await page.getByText('已保存版本 v1').waitFor();
    await page.getByRole('tab', { name: '版本' }).click();
    await page.getByTestId('rule-versions').getByText('当前版本 · 运行中').waitFor();

    // then the rule is listed, enabled, with its trigger in words
    await page.getByRole('link', { name: '返回规则列表' }).click();
    const list = page.getByTestId('rule-list');
    await list.getByRole('link', { name: RULE_NAME }).waitFor();
    await list.getByText(`当「${FORM_NAME}」新增时`).waitFor();
    await expect(
      list.getByTestId('rule-enabled-high-fasting-glucose').getAttribute('aria-checked'),
    ).resolves.toBe('true');
    await snapshot(page, 'rule-designer-list');
    await page.context().close();
  });

  it('should show the rule list and editor without horizontal scrolling on a 390-px screen', async () => {
    // given the admin on a phone
    const page = await signedIn(PHONE);

    // then the list fits
    await page.getByTestId('rule-list').getByRole('link', { name: RULE_NAME }).waitFor();
    await expectNoHorizontalScroll(page, PHONE.width);

    // and so does the editor with the saved rule
    await page.getByRole('link', { name: RULE_NAME }).click();
    await page.getByTestId('rule-editor').waitFor();
    await page.getByTestId('condition-builder').getByTestId('condition-sentence').waitFor();
    await expectNoHorizontalScroll(page, PHONE.width);
    await snapshot(page, 'rule-designer-editor-phone');
    await page.context().close();
  });
});
