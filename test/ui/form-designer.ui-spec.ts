import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import {
  ADMIN_PASSWORD,
  chooseOption,
  DEMO_PASSWORD,
  expectNoHorizontalScroll,
  launchBrowser,
  PHONE,
  signedInPage,
  snapshot,
  startUiServer,
} from '../support/browser.js';
import { login, type ServerProcess } from '../support/server-process.js';

const DESKTOP = { width: 1280, height: 900 };

describe('designing a form and filling it', () => {
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

  async function signedIn(
    app: 'designer' | 'app',
    viewport: { width: number; height: number },
    user: string,
    password: string,
  ): Promise<Page> {
    return signedInPage(browser, `${server.url}/${app}/`, user, password, { viewport });
  }

  it('should let the admin drag a conditional form together, publish it, and a nurse fill it on a phone', async () => {
    // given the admin in the designer on a desk, on the form list (the designer's home)
    const page = await signedIn('designer', DESKTOP, 'admin', ADMIN_PASSWORD);
    await page.getByRole('heading', { name: '表单' }).waitFor();

    // when she creates the form "跌倒事件 / Fall incident"
    await page.getByTestId('new-form').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('中文名称').fill('跌倒事件');
    await dialog.getByLabel('英文名称').fill('Fall incident');
    await dialog.getByLabel('标识').fill('fall-incident');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await page.getByTestId('form-editor').waitFor();
    await page.getByRole('heading', { name: '跌倒事件' }).waitFor();

    // and drags a text, a yes/no and a long text field onto the canvas
    const end = page.getByTestId('canvas-drop-end');
    await page.getByTestId('palette-text').dragTo(end, { steps: 10 });
    await page.getByTestId('field-card-text').waitFor();
    await page.getByTestId('palette-yes-no').dragTo(end, { steps: 10 });
    await page.getByTestId('field-card-yesNo').waitFor();
    await page.getByTestId('palette-textarea').dragTo(end, { steps: 10 });
    await page.getByTestId('field-card-notes').waitFor();
    await expect(page.locator('[data-testid^="field-card-"]').count()).resolves.toBe(3);

    // and undo (Ctrl+Z) takes the last one away, redo brings it back
    await page.keyboard.press('Control+z');
    await page.getByTestId('field-card-notes').waitFor({ state: 'detached' });
    await expect(page.locator('[data-testid^="field-card-"]').count()).resolves.toBe(2);
    await page.getByRole('button', { name: '重做' }).click();
    await page.getByTestId('field-card-notes').waitFor();

    // and names them, makes the place required
    const props = page.getByTestId('field-properties');
    await page.getByTestId('field-card-text').click();
    await props.getByLabel('中文名称').fill('发生地点');
    await props.getByLabel('英文名称').fill('Place');
    await props.getByRole('switch', { name: '必填' }).click();
    await page.getByTestId('field-card-yesNo').click();
    await props.getByLabel('中文名称').fill('是否受伤');
    await props.getByLabel('英文名称').fill('Injured');
    await page.getByTestId('field-card-notes').click();
    await props.getByLabel('中文名称').fill('受伤情况');
    await props.getByLabel('英文名称').fill('Injury');

    // and shows the injury text only when "injured" is yes, with the condition builder
    const visibleIf = props.getByTestId('visible-if');
    await visibleIf.getByRole('button', { name: /添加条件/ }).click();
    await chooseOption(page, visibleIf.getByLabel('字段'), '是否受伤');
    await chooseOption(page, visibleIf.getByLabel('比较方式'), '等于');
    await chooseOption(page, visibleIf.getByLabel('值'), '是');
    await visibleIf.getByTestId('condition-sentence').getByText('「是否受伤」等于是').waitFor();
    await page.getByTestId('field-card-text').getByText('发生地点 *').waitFor();
    await snapshot(page, 'form-designer-editor');

    // then the live preview hides the injury text until "yes" is picked
    await page.getByRole('tab', { name: '预览' }).click();
    const preview = page.getByTestId('preview');
    await preview.getByLabel('发生地点').waitFor();
    await expect(preview.getByLabel('受伤情况').count()).resolves.toBe(0);
    await preview.getByRole('radiogroup', { name: '是否受伤' }).getByText('是', { exact: true }).click();
    await preview.getByLabel('受伤情况').waitFor();
    await snapshot(page, 'form-designer-preview');

    // when she publishes (the draft is saved first)
    await page.getByTestId('publish').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /发\s*布/ })
      .click();

    // then version 1 exists, and undo has nothing of the saved state left to lose
    await page.getByText('已发布版本 v1').waitFor();
    await page.getByTestId('form-editor').getByText('已发布', { exact: true }).waitFor();
    await page.getByRole('tab', { name: '版本' }).click();
    await page.getByTestId('versions').getByRole('listitem').getByText('v1', { exact: true }).waitFor();
    await page.getByTestId('versions').getByText('两个版本的字段相同').waitFor();
    await snapshot(page, 'form-designer-published');
    await page.context().close();

    // when nurse A opens resident 刘桂兰 on a phone and fills the new form
    const nurse = await signedIn('app', PHONE, 'nurse.a', DEMO_PASSWORD);
    await nurse.getByRole('heading', { name: '待办任务' }).waitFor();
    await nurse.goto(`${server.url}/app/residents`);
    await nurse.getByRole('heading', { name: '长者名册' }).waitFor();
    await nurse.getByRole('cell', { name: '刘桂兰' }).first().click();
    await nurse.getByRole('heading', { name: '刘桂兰' }).waitFor();
    await nurse.getByRole('button', { name: /填写表单/ }).click();
    await nurse.getByRole('dialog').getByRole('button', { name: '跌倒事件', exact: true }).click();
    await nurse.getByRole('heading', { name: '跌倒事件' }).waitFor();
    await nurse.getByLabel('发生地点').fill('卫生间');

    // then the injury text appears only once "yes" is picked
    await expect(nurse.getByLabel('受伤情况').count()).resolves.toBe(0);
    await nurse.getByRole('radiogroup', { name: '是否受伤' }).getByText('是', { exact: true }).click();
    await nurse.getByLabel('受伤情况').fill('右膝擦伤，已消毒包扎');
    await expectNoHorizontalScroll(nurse, PHONE.width);
    await snapshot(nurse, 'form-designer-runtime-fill');

    // and the record saves
    await nurse.getByTestId('care-form-submit').click();
    await nurse.waitForURL(/\/app\/records\/[0-9a-f-]+$/);
    await nurse.getByText('右膝擦伤，已消毒包扎').waitFor();
    await snapshot(nurse, 'form-designer-runtime-record');
    const recordId = new URL(nurse.url()).pathname.split('/').pop() ?? '';
    await nurse.context().close();

    // and the record is deleted again (the database is shared: other specs count 刘桂兰's records)
    const token = await login(server.url, 'nurse.a', DEMO_PASSWORD);
    const deleted = await fetch(`${server.url}/api/records/${recordId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(deleted.ok).toBe(true);
  });

  it('should show the form list without horizontal scrolling on a 390-px screen', async () => {
    // given the admin in the designer on a phone
    const page = await signedIn('designer', PHONE, 'admin', ADMIN_PASSWORD);

    // then the form list fits the screen
    await page.getByRole('heading', { name: '表单' }).waitFor();
    await page.getByRole('link', { name: '跌倒事件', exact: true }).waitFor();
    await expectNoHorizontalScroll(page, PHONE.width);
    await snapshot(page, 'form-designer-list-phone');

    // and so does the editor, with the palette in a drawer
    await page.getByRole('link', { name: '跌倒事件', exact: true }).click();
    await page.getByTestId('form-editor').waitFor();
    await page.getByTestId('field-card-notes').waitFor();
    await expectNoHorizontalScroll(page, PHONE.width);
    await page.getByRole('button', { name: /添加字段/ }).click();
    await page.getByTestId('palette-date').click();
    await page.getByTestId('field-card-date').waitFor();
    await snapshot(page, 'form-designer-editor-phone');
    await page.context().close();
  });

  it('should let the admin mark a number field for filtering and sorting, which the published version keeps', async () => {
    // given the admin in the designer with a new form holding a number field
    const suffix = Date.now().toString(36);
    const page = await signedIn('designer', DESKTOP, 'admin', ADMIN_PASSWORD);
    await page.getByRole('heading', { name: '表单' }).waitFor();
    await page.getByTestId('new-form').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('中文名称').fill(`体重记录 ${suffix}`);
    await dialog.getByLabel('英文名称').fill(`Weight ${suffix}`);
    await dialog.getByLabel('标识').fill(`weight-${suffix}`);
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await page.getByTestId('form-editor').waitFor();
    const formId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.getByTestId('palette-number').dragTo(page.getByTestId('canvas-drop-end'), { steps: 10 });
    await page.getByTestId('field-card-number').click();

    // when she switches on "used to filter and sort (indexed)", whose help names the cost
    const props = page.getByTestId('field-properties');
    await props.getByText('每次保存记录会稍慢一点').waitFor();
    await props.getByRole('switch', { name: '用于筛选和排序（建立索引）' }).click();
    await expect(
      props.getByRole('switch', { name: '用于筛选和排序（建立索引）' }).getAttribute('aria-checked'),
    ).resolves.toBe('true');
    await snapshot(page, 'form-designer-indexed-switch');

    // then the JSON view shows the keyword
    await page.getByRole('tab', { name: 'JSON' }).click();
    await expect(page.getByLabel('JSON Schema').inputValue()).resolves.toContain('"x-indexed": true');

    // when she publishes
    await page.getByTestId('publish').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /发\s*布/ })
      .click();
    await page.getByText('已发布版本 v1').waitFor();
    await page.context().close();

    // then the published version's schema marks the number x-indexed
    const token = await login(server.url, 'admin', ADMIN_PASSWORD);
    const response = await fetch(`${server.url}/api/forms/${formId}/versions/1`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const version = (await response.json()) as {
      schema: { properties: Record<string, Record<string, unknown>> };
    };
    expect(version.schema.properties['number']?.['x-indexed']).toBe(true);
  });
});
