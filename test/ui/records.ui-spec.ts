import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import {
  ADMIN_PASSWORD,
  DEMO_PASSWORD,
  expectNoHorizontalScroll,
  launchBrowser,
  PHONE,
  snapshot,
  startUiServer,
} from '../support/browser.js';
import { login, REPO_ROOT, type ServerProcess } from '../support/server-process.js';

const FIXTURES = path.join(REPO_ROOT, 'packages', 'forms', 'src', 'fixtures');

interface ScaleItem {
  field: string;
  label: { 'zh-CN': string; en: string };
  options: { value: number; label: { 'zh-CN': string; en: string } }[];
}

function readSchema(name: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.schema.json`), 'utf8')) as Record<
    string,
    unknown
  >;
}

const barthel = readSchema('barthel-adl');
const BARTHEL_ITEMS = (barthel as { properties: { adl: { 'x-scale': { items: ScaleItem[] } } } }).properties
  .adl['x-scale'].items;

/** 10 + 0 + 5 + 5 + 10 + 5 + 5 + 10 + 10 + 5 = 65 (mild dependence). */
const ANSWERS: Record<string, number> = {
  feeding: 10,
  bathing: 0,
  grooming: 5,
  dressing: 5,
  bowels: 10,
  bladder: 5,
  toiletUse: 5,
  transfers: 10,
  mobility: 10,
  stairs: 5,
};

async function publish(url: string, token: string, key: string, name: object, schema: object): Promise<void> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const created = await fetch(`${url}/api/forms`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ key, name, schema }),
  });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const published = await fetch(`${url}/api/forms/${id}/publish`, { method: 'POST', headers });
  expect(published.status).toBe(201);
}

describe('filling forms in the runtime UI', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    server = await startUiServer();
    const token = await login(server.url, 'admin', ADMIN_PASSWORD);
    // the Barthel and archive forms of the shipped elder-archive bundle (its Barthel scale is the fixture's); other
    // specs import the bundle too, so this is a no-op when one of them ran first
    const imported = await fetch(`${server.url}/api/bundles/shipped/elder-archive/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(imported.status).toBe(200);
    await publish(
      server.url,
      token,
      'family-consent',
      { 'zh-CN': '家属知情同意', en: 'Family consent' },
      {
        type: 'object',
        required: ['signature'],
        properties: {
          agreed: { type: 'boolean', title: '已告知并同意' },
          signature: { type: 'string', format: 'signature', maxLength: 100_000, title: '家属签名' },
          photo: { type: 'string', format: 'photo', maxLength: 400_000, title: '现场照片' },
        },
      },
    );
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function nursePage(): Promise<Page> {
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/app/residents`);
    await page.getByLabel('用户名').fill('nurse.a');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('heading', { name: '长者名册' }).waitFor();
    return page;
  }

  async function openForm(page: Page, resident: string, form: string): Promise<void> {
    await page.getByRole('cell', { name: resident }).first().click();
    await page.getByRole('heading', { name: resident }).waitFor();
    await page.getByRole('button', { name: /填写表单/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: form }).click();
    await page.getByRole('heading', { name: form }).waitFor();
  }

  async function answer(page: Page, field: string, value: number): Promise<void> {
    const item = BARTHEL_ITEMS.find((candidate) => candidate.field === field)!;
    const option = item.options.find((candidate) => candidate.value === value)!;
    await page
      .getByRole('radiogroup', { name: item.label['zh-CN'], exact: true })
      .getByText(option.label['zh-CN'], { exact: true })
      .click();
  }

  it('should let a nurse fill the Barthel form with a live total, save it, edit it and see two revisions', async () => {
    // given nurse A on the Barthel form of a wing-A resident
    const page = await nursePage();
    await openForm(page, '刘桂兰', 'Barthel 日常生活活动能力评定');

    // when she answers every item
    for (const [field, value] of Object.entries(ANSWERS)) {
      await answer(page, field, value);
    }

    // then the total is computed live, as the server will compute it
    await page.getByTestId('scale-total').getByText('65 分', { exact: true }).waitFor();
    await page.getByTestId('scale-level').getByText('轻度依赖').waitFor();
    await expectNoHorizontalScroll(page);
    await snapshot(page, 'records-barthel-fill');

    // when she saves
    await page.getByTestId('care-form-submit').click();

    // then the record page shows the stored total and its first revision
    await page.waitForURL(/\/app\/records\/[0-9a-f-]+$/);
    await page.getByTestId('record-score').getByText('总分 65').waitFor();
    await page.getByTestId('revision-1').waitFor();
    await expectNoHorizontalScroll(page);
    await snapshot(page, 'records-barthel-record');

    // when she edits one answer (stairs 5 → 10) and saves
    await page.getByRole('button', { name: /修\s*改/ }).click();
    await answer(page, 'stairs', 10);
    await page.getByTestId('scale-total').getByText('70 分', { exact: true }).waitFor();
    await page.getByTestId('care-form-submit').click();

    // then the new total is stored and the history has two revisions, the second naming the changed field
    await page.getByText('修改已保存').waitFor();
    await page.getByTestId('record-score').getByText('总分 70').waitFor();
    await page.getByTestId('revision-2').getByText('改动：上下楼梯').waitFor();
    await expect(page.locator('[data-testid^="revision-"]').count()).resolves.toBe(2);
    await expect(page.getByTestId('revision-1').textContent()).resolves.toContain('王护士（A区）');
    await snapshot(page, 'records-barthel-history');

    // and the first revision opens with its own data
    await page.getByTestId('revision-1').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('65 分 · 轻度依赖').waitFor();
    await snapshot(page, 'records-barthel-revision-1');
    await page.keyboard.press('Escape');

    // and the resident's records list shows the record with its total
    await page.getByRole('link', { name: /返回长者/ }).click();
    await page.getByTestId('records-card').getByText('总分 70').waitFor();
    await page
      .getByTestId('records-card')
      .getByText(/王护士（A区）/)
      .waitFor();
    await expectNoHorizontalScroll(page);
    await snapshot(page, 'records-resident-list');
    await page.context().close();
  });

  it('should take a drawn signature and a photo, save them, and show both on the record', async () => {
    // given nurse A on the consent form
    const page = await nursePage();
    await openForm(page, '刘桂兰', '家属知情同意');

    // when the family member signs with a finger (a mouse here) across the pad
    const pad = page.getByRole('img', { name: '家属签名签名区' });
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + 100);
    await page.mouse.down();
    for (let step = 1; step <= 12; step += 1) {
      await page.mouse.move(box.x + 20 + step * 22, box.y + 100 + (step % 2 === 0 ? -40 : 40));
    }
    await page.mouse.up();

    // then the pad turns into the signature image
    await page.getByRole('img', { name: '家属签名：已签名' }).waitFor();

    // when a photo is chosen (a PNG made in the page) it is scaled and shown
    const png = await page.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 2400;
      canvas.height = 1800;
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#3a7';
      context.fillRect(0, 0, 2400, 1800);
      return canvas.toDataURL('image/png').split(',')[1]!;
    });
    await page.getByLabel('现场照片：拍照或选择照片').setInputFiles({
      name: 'wound.png',
      mimeType: 'image/png',
      buffer: Buffer.from(png, 'base64'),
    });
    const photo = page.getByRole('img', { name: '现场照片：照片' });
    await photo.waitFor();
    const width = await photo.evaluate((img) => (img as HTMLImageElement).naturalWidth);
    expect(width).toBeLessThanOrEqual(1600);
    await expectNoHorizontalScroll(page);
    await snapshot(page, 'records-signature-fill');

    // when she saves, the record shows both images
    await page.getByTestId('care-form-submit').click();
    await page.waitForURL(/\/app\/records\/[0-9a-f-]+$/);
    const signed = page.locator('img[data-field="/signature"]');
    await signed.waitFor();
    const src = await signed.getAttribute('src');
    expect(src).toMatch(/^data:image\/png;base64,/);
    await page.locator('img[data-field="/photo"]').waitFor();
    await snapshot(page, 'records-signature-record');
    await page.context().close();
  });

  it('should show the Chinese ID-number message at the field before saving the elder archive', async () => {
    // given nurse A on the elder archive form
    const page = await nursePage();
    await openForm(page, '刘桂兰', '长者档案');
    let posted = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/records')) {
        posted += 1;
      }
    });

    // when she types an ID number whose check digit is wrong
    await page.getByLabel('身份证号').fill('110105194912310029');

    // then the server's own message appears at the field while she types, and nothing was sent
    await page.locator('#root_idNumber').waitFor();
    await page.getByText('身份证号：身份证号码无效（校验位不符）').waitFor();
    expect(posted).toBe(0);

    // and a submit keeps the form open with every missing field marked
    await page.getByTestId('care-form-submit').click();
    await page.locator('#root_name__error').getByText('姓名：请填写此项').waitFor();
    expect(posted).toBe(0);
    await expectNoHorizontalScroll(page);
    await snapshot(page, 'records-archive-invalid-id');
    await page.context().close();
  });
});
