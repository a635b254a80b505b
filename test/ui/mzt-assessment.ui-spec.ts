import fs from 'node:fs';
import path from 'node:path';
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
import { login, REPO_ROOT, type ServerProcess } from '../support/server-process.js';

/**
 * Issue #10: the ability assessment of the shipped elder-archive bundle in its MZ/T 039-2013 edition, filled by a
 * nurse on a phone — the live result shows the overall level and each domain's grade (not the meaningless total),
 * the record keeps the edition, and an earlier GB/T 42195 record still opens as GB/T 42195.
 */

// every name is unique: all browser specs share one database
const SUFFIX = Date.now().toString(36).slice(-5);
const RESIDENT = `能力评估长者${SUFFIX}`;
const FORM_KEY = 'gbt42195-assessment';

interface Labels {
  'zh-CN': string;
  en: string;
}
interface ScaleItem {
  field: string;
  label: Labels;
  options: { value: number; label: Labels; score: number }[];
}
interface AssessmentForm {
  name: Labels;
  schema: { properties: Record<string, { 'x-scale'?: { items: ScaleItem[] } }> };
}

/** The shipped form itself, as the bundle import reads it. */
const FORM = JSON.parse(
  fs.readFileSync(path.join(REPO_ROOT, 'templates', 'elder-archive', 'forms', `${FORM_KEY}.json`), 'utf8'),
) as AssessmentForm;
const itemsOf = (field: string): ScaleItem[] => FORM.schema.properties[field]?.['x-scale']?.items ?? [];
const MZT_ITEMS = itemsOf('abilityMzt');
const GBT_ITEMS = itemsOf('ability');

/**
 * Hand-computed: ADL 10+0+5+5+10+5+5+10+10+0 = 60 → grade 2; mental 1 (cognition) → 1; perception: hearing 2 → 1;
 * social 5 × 1 = 5 → 1. ADL 2 with no other domain at 3 → 中度失能 (moderate disability).
 */
const MODERATE: Record<string, number> = {
  ...Object.fromEntries(MZT_ITEMS.map((item) => [item.field, item.options[0]!.value])),
  mztBathing: 0,
  mztDressing: 5,
  mztBladder: 5,
  mztToileting: 5,
  mztTransfer: 10,
  mztWalking: 10,
  mztStairs: 0,
  mztCognition: 1,
  mztHearing: 2,
  mztLivingAbility: 1,
  mztWorkAbility: 1,
  mztTimePlaceOrientation: 1,
  mztPersonOrientation: 1,
  mztSocialInteraction: 1,
};

describe('the MZ/T 039-2013 ability assessment on a phone (issue #10)', () => {
  let server: ServerProcess;
  let browser: Browser;
  let residentId = '';
  let gbtRecordId = '';

  beforeAll(async () => {
    server = await startUiServer();
    const token = await login(server.url, 'admin', ADMIN_PASSWORD);
    const api = (method: string, url: string, body?: unknown) =>
      fetch(`${server.url}${url}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });

    // the shipped elder-archive bundle (a no-op when another spec imported it already)
    const imported = await api('POST', '/api/bundles/shipped/elder-archive/import');
    expect(imported.status).toBe(200);

    // a resident of wing A (nurse A's wing)
    const units = (await (await api('GET', '/api/org-units')).json()) as { id: string; name: string }[];
    const wingA = units.find((unit) => unit.name === 'A区（一层）') ?? units[0];
    const resident = await api('POST', '/api/residents', {
      name: RESIDENT,
      gender: 'male',
      birthDate: '1938-05-20',
      orgUnitId: wingA?.id,
      room: '118',
      bed: '2',
    });
    expect(resident.status).toBe(201);
    residentId = ((await resident.json()) as { id: string }).id;

    // an earlier assessment as bundle 1.0.0 stored it: GB/T 42195 items, no standard chosen
    const best = Object.fromEntries(
      GBT_ITEMS.map((item) => [item.field, Math.max(...item.options.map((option) => option.score))]),
    );
    const gbt = await api('POST', '/api/records', {
      formKey: FORM_KEY,
      residentId,
      data: { assessedOn: '2025-11-02', reason: 'admission', assessors: '赵护士、钱护士', ...best },
    });
    expect(gbt.status).toBe(201);
    gbtRecordId = ((await gbt.json()) as { id: string }).id;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function nurseOn(url: string): Promise<Page> {
    return signedInPage(browser, `${server.url}/app/${url}`, 'nurse.a', DEMO_PASSWORD);
  }

  async function choose(page: Page, group: string, option: string): Promise<void> {
    await page
      .getByRole('radiogroup', { name: group, exact: true })
      .getByText(option, { exact: true })
      .click();
  }

  it('should show the live domain grades and level of MZ/T 039-2013 and keep the edition on the record', async () => {
    // given nurse A on the resident's page, opening the ability assessment
    const page = await nurseOn(`residents/${residentId}`);
    await page.getByRole('heading', { name: RESIDENT }).waitFor();
    await page.getByRole('button', { name: /填写表单/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: FORM.name['zh-CN'] }).click();
    await page.getByRole('heading', { name: FORM.name['zh-CN'] }).waitFor();

    // when she chooses MZ/T 039-2013, fills the basics and answers the 22 items
    await chooseOption(page, page.locator('#root_standard'), 'MZ/T 039—2013《老年人能力评估》');
    await page.getByLabel('评估日期').fill('2026-03-01');
    await chooseOption(page, page.locator('#root_reason'), '状况发生变化');
    await page.getByLabel('评估员').fill('王护士、李护士');
    for (const item of MZT_ITEMS) {
      const option = item.options.find((candidate) => candidate.value === MODERATE[item.field])!;
      await choose(page, item.label['zh-CN'], option.label['zh-CN']);
    }

    // then the result card leads with the overall level and each domain's grade with its subtotal
    const card = page.getByTestId('scale-result').filter({ hasText: 'MZ/T 039—2013' });
    await card.getByTestId('scale-level').getByText('中度失能', { exact: true }).waitFor();
    await expect(card.getByTestId('scale-grade-adl').textContent()).resolves.toBe(
      '日常生活活动2 级 中度受损60 分',
    );
    await expect(card.getByTestId('scale-grade-perception').textContent()).resolves.toBe(
      '感知觉与沟通1 级 轻度受损',
    );
    await expect(card.getByTestId('scale-grade-social').textContent()).resolves.toBe(
      '社会参与1 级 轻度受损5 分',
    );
    // the plain sum of the item scores (60 + 1 + 2 + 5 = 68) is small print, never the headline
    await expect(card.getByTestId('scale-total').count()).resolves.toBe(0);
    await card.getByTestId('scale-item-sum').getByText('各题得分合计 68 分', { exact: false }).waitFor();
    // and the line next to the save button says the same in short
    const live = page.getByTestId('care-form-live-score');
    await live.getByTestId('care-form-live-level').getByText('中度失能', { exact: true }).waitFor();
    await expect(live.getByTestId('care-form-live-grades').textContent()).resolves.toBe(
      '日常生活活动 2 级 · 精神状态 1 级 · 感知觉与沟通 1 级 · 社会参与 1 级',
    );
    // and the suggested care level reads as a level, not as its stored key
    const careLevel = page.getByTestId('computed-root_careLevel');
    await careLevel.getByText(/护理|自理/).waitFor();
    await expect(careLevel.textContent()).resolves.not.toMatch(/level-|self-care/);
    // and nothing of GB/T 42195 is asked
    await expect(page.getByRole('radiogroup', { name: '上下楼梯', exact: true }).count()).resolves.toBe(1);
    await expectNoHorizontalScroll(page);
    await snapshot(page, 'mzt-assessment-fill');
    // (a full-page shot leaves the sticky save bar out: the bar on its own)
    await live.screenshot({ path: path.join(REPO_ROOT, 'artifacts', 'ui', 'mzt-assessment-live-score.png') });

    // when she saves
    await page.getByTestId('care-form-submit').click();

    // then the record shows the MZ/T result: level, domain grades and the edition it was scored with
    await page.waitForURL(/\/app\/records\/[0-9a-f-]+$/);
    const result = page.locator('[data-field="/abilityMzt"]');
    await result.getByTestId('record-scale-level').getByText('中度失能', { exact: true }).waitFor();
    await expect(result.getByTestId('record-scale-grade-adl').textContent()).resolves.toBe(
      '日常生活活动：2 级 中度受损（60 分）',
    );
    await expect(result.getByTestId('record-scale-grade-mental').textContent()).resolves.toBe(
      '精神状态：1 级 轻度受损（1 分）',
    );
    await result.getByTestId('record-scale-edition').getByText('评分版本：mzt039-2013').waitFor();
    await page
      .locator('[data-field="/standard"]')
      .getByText(/^MZ\/T 039—2013/)
      .waitFor();
    await expect(page.locator('[data-field="/ability"]').count()).resolves.toBe(0);
    // and the page header names the level, not the item-score sum the standard does not use
    const header = page.getByTestId('record-score');
    await header.getByText('中度失能', { exact: true }).waitFor();
    await expect(header.textContent()).resolves.not.toMatch(/总分/);
    await expectNoHorizontalScroll(page);
    await snapshot(page, 'mzt-assessment-record');
    await page.context().close();
  });

  it('should still open an earlier GB/T 42195 record as GB/T 42195 with its total', async () => {
    // given nurse A on the earlier record (no standard chosen, scored by bundle 1.0.0's rules)
    const page = await nurseOn(`records/${gbtRecordId}`);

    // then it shows the GB/T 42195 result, total and level, and no MZ/T result
    await page.locator('[data-field="/ability"]').getByText('90 分 · 能力完好', { exact: true }).waitFor();
    await expect(page.locator('[data-field="/abilityMzt"]').count()).resolves.toBe(0);
    await snapshot(page, 'mzt-assessment-gbt-record');

    // when she opens it for editing, the form keeps GB/T 42195 with its total in large type
    await page.getByRole('button', { name: /修\s*改/ }).click();
    const card = page.getByTestId('scale-result').filter({ hasText: 'GB/T 42195—2022' });
    await card.getByTestId('scale-total').getByText('90 分', { exact: true }).waitFor();
    await card.getByTestId('scale-level').getByText('能力完好', { exact: true }).waitFor();
    await expect(page.getByRole('radiogroup', { name: '意识水平', exact: true }).count()).resolves.toBe(1);
    await expectNoHorizontalScroll(page);
    await page.context().close();
  });
});
