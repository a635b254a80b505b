import fs from 'node:fs';
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

const FORM_KEY = 'fall-event';
const FORM_NAME = '意外事件登记';
const DASHBOARD = 'falls';
const DASHBOARD_TITLE = '跌倒看板';
const BY_PLACE = 'falls-by-place';
const TOTAL = 'falls-total';

const FALL_FORM = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: FORM_NAME,
  type: 'object',
  required: ['place'],
  additionalProperties: false,
  properties: {
    place: {
      type: 'string',
      title: '地点',
      enum: ['房间', '走廊', '卫生间'],
      'x-labels': { 'zh-CN': '地点', en: 'Place' },
    },
  },
};

// residents of the demo home: two in wing A, one in wing B
const FALLS: { resident: string; place: string }[] = [
  { resident: '刘桂兰', place: '房间' },
  { resident: '张建国', place: '房间' },
  { resident: '王德福', place: '走廊' },
];

describe('dashboards in the runtime UI', () => {
  let server: ServerProcess;
  let browser: Browser;
  let token: string;
  const recordIds = new Map<string, string>();

  const api = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: await response.json() };
  };

  beforeAll(async () => {
    server = await startUiServer();
    token = await login(server.url, 'admin', ADMIN_PASSWORD);

    // a published form and three records about residents of the demo home
    const form = await api('POST', '/api/forms', {
      key: FORM_KEY,
      name: { 'zh-CN': FORM_NAME, en: 'Fall event' },
      schema: FALL_FORM,
    });
    expect(form.status).toBe(201);
    expect((await api('POST', `/api/forms/${form.body.id}/publish`, {})).status).toBe(201);
    for (const fall of FALLS) {
      const found = await api('GET', `/api/residents?q=${encodeURIComponent(fall.resident)}`);
      const residentId = found.body.items[0]?.id as string;
      const record = await api('POST', '/api/records', {
        formKey: FORM_KEY,
        residentId,
        data: { place: fall.place },
      });
      expect(record.status).toBe(201);
      recordIds.set(fall.resident, record.body.id as string);
    }

    // a bar chart by place, a single number with a target, and a dashboard of both
    const dataset = { source: { type: 'records', formKey: FORM_KEY } };
    expect(
      (
        await api('POST', '/api/reports', {
          schemaVersion: 1,
          key: BY_PLACE,
          title: { 'zh-CN': '各地点跌倒次数', en: 'Falls by place' },
          dataset: {
            ...dataset,
            groupBy: [{ key: 'place', by: 'field', field: 'place' }],
            measures: [{ key: 'falls', op: 'count' }],
            orderBy: ['-falls'],
          },
          chart: { type: 'bar', x: 'place', y: ['falls'] },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await api('POST', '/api/reports', {
          schemaVersion: 1,
          key: TOTAL,
          title: { 'zh-CN': '本期跌倒次数', en: 'Falls this period' },
          dataset: { ...dataset, groupBy: [], measures: [{ key: 'falls', op: 'count' }] },
          chart: { type: 'number', y: ['falls'], target: 2, higherIsBetter: false, unit: '次' },
        })
      ).status,
    ).toBe(201);
    const dashboard = await api('POST', '/api/dashboards', {
      schemaVersion: 1,
      key: DASHBOARD,
      title: { 'zh-CN': DASHBOARD_TITLE, en: 'Falls' },
      filters: ['period', 'org-unit'],
      items: [
        { report: TOTAL, x: 0, y: 0, w: 4, h: 3 },
        { report: BY_PLACE, x: 4, y: 0, w: 8, h: 4 },
      ],
    });
    expect(dashboard.status).toBe(201);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function headNursePage(): Promise<Page> {
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/app/dashboards`);
    await page.getByLabel('用户名').fill('headnurse');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('heading', { name: '数据看板' }).waitFor();
    return page;
  }

  /** The centre of the tallest bar drawn in a chart's canvas, in page coordinates (found by its colour). */
  async function tallestBar(page: Page, report: string): Promise<{ x: number; y: number; painted: number }> {
    const canvas = page.getByTestId(`chart-${report}`).locator('canvas');
    await canvas.waitFor();
    const box = (await canvas.boundingBox())!;
    const found = await canvas.evaluate((element: HTMLCanvasElement) => {
      const context = element.getContext('2d')!;
      const { width, height } = element;
      const pixels = context.getImageData(0, 0, width, height).data;
      let painted = 0;
      const columns = new Array<number>(width).fill(0);
      for (let y = 0; y < height; y += 1) {
        for (let x = 0; x < width; x += 1) {
          const i = (y * width + x) * 4;
          const [r, g, b, a] = [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!, pixels[i + 3]!];
          if (a > 0 && (r < 240 || g < 240 || b < 240)) {
            painted += 1;
          }
          // the series colour is a saturated blue; axis lines and labels are grey
          if (a > 200 && b > r + 60 && b > g + 30) {
            columns[x]! += 1;
          }
        }
      }
      const tallest = Math.max(...columns);
      const xs = columns.flatMap((count, x) => (count >= tallest * 0.95 && count > 0 ? [x] : []));
      const x = xs[Math.floor(xs.length / 2)] ?? 0;
      let top = 0;
      let bottom = 0;
      for (let y = 0; y < height; y += 1) {
        const i = (y * width + x) * 4;
        if (pixels[i + 3]! > 200 && pixels[i + 2]! > pixels[i]! + 60) {
          top = top || y;
          bottom = y;
        }
      }
      return { x, y: (top + bottom) / 2, width, painted };
    });
    const scale = box.width / found.width;
    return { x: box.x + found.x * scale, y: box.y + found.y * scale, painted: found.painted };
  }

  it('should show a dashboard on a phone and drill from a bar to the records behind it', async () => {
    // given the head nurse on her phone, on the dashboard list
    const page = await headNursePage();
    await page.getByTestId(`dashboard-${DASHBOARD}`).waitFor();
    await snapshot(page, 'dashboards-list');

    // when she opens the dashboard
    await page.getByTestId(`dashboard-${DASHBOARD}`).click();
    await page.getByRole('heading', { name: DASHBOARD_TITLE }).waitFor();

    // then the URL names this month, the number card counts all three falls against the target of 2 …
    await page.waitForURL(/month=\d{4}-\d{2}/);
    const total = page.getByTestId(`report-${TOTAL}`);
    await total.getByText('3 次', { exact: true }).waitFor();
    await total.getByText('目标 2 次').waitFor();
    await total.getByText('未达标').waitFor();

    // … and the bar chart is drawn, with a text summary for screen readers
    const chart = page.getByTestId(`chart-${BY_PLACE}`);
    await expect(chart.getAttribute('aria-label')).resolves.toContain('房间: 数量 2');
    await page.waitForTimeout(1200); // the bars grow in with an animation
    const bar = await tallestBar(page, BY_PLACE);
    expect(bar.painted).toBeGreaterThan(1000);
    await expectNoHorizontalScroll(page);
    await snapshot(page, 'dashboards-page');

    // when she taps the tallest bar (房间, two falls)
    await page.mouse.click(bar.x, bar.y);

    // then the drill drawer lists the two records of wing A residents
    const drawer = page.getByRole('dialog');
    await drawer.getByTestId('drill-total').getByText('共 2 条').waitFor();
    await drawer.getByText('刘桂兰').waitFor();
    await drawer.getByText('张建国').waitFor();
    await expect(drawer.getByText('王德福').count()).resolves.toBe(0);
    await expectNoHorizontalScroll(page);
    await snapshot(page, 'dashboards-drill');

    // when she opens one of them, the record page shows it
    await drawer
      .getByTestId(`drill-item-${recordIds.get('刘桂兰')}`)
      .getByRole('link')
      .click();
    await page.waitForURL(`**/app/records/${recordIds.get('刘桂兰')}`);
    await page.getByRole('heading', { name: FORM_NAME }).waitFor();
    await page.context().close();
  });

  it('should reproduce a filtered view from its link and export CSV and a picture', async () => {
    // given a link to the dashboard narrowed to wing B
    const page = await headNursePage();
    const units = await api('GET', '/api/org-units');
    const wingB = (units.body as { id: string; name: string }[]).find((u) => u.name.startsWith('B区'))!;
    const month = new Date().toISOString().slice(0, 7);
    await page.goto(`${server.url}/app/dashboards/${DASHBOARD}?month=${month}&orgUnitId=${wingB.id}`);

    // then only wing B's fall counts, and the org unit filter shows the wing
    const total = page.getByTestId(`report-${TOTAL}`);
    await total.getByText('1 次', { exact: true }).waitFor();
    await total.getByText('已达标').waitFor();
    await page.getByTestId('filter-org-unit').getByText(wingB.name).waitFor();
    await expectNoHorizontalScroll(page);
    await snapshot(page, 'dashboards-filtered');

    // when she downloads the bar chart's data as CSV
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载「各地点跌倒次数」的数据（CSV）' }).click(),
    ]);

    // then the file holds wing B's one row
    const csvText = fs.readFileSync(await csv.path(), 'utf8');
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    expect(csvText).toContain('走廊');
    expect(csvText).not.toContain('房间');

    // when she saves the dashboard as a picture, a PNG of the cards comes down
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    expect(png.suggestedFilename()).toMatch(new RegExp(`^${DASHBOARD}-${month}-01\\.png$`));
    const picture = fs.readFileSync(await png.path());
    expect(picture.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(picture.length).toBeGreaterThan(10_000);
    fs.writeFileSync(`${REPO_ROOT}/artifacts/ui/dashboards-export.png`, picture);

    // on a desk the cards sit side by side on the 12-column grid, and the print layout puts them on A4
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.waitForTimeout(600);
    const number = (await total.boundingBox())!;
    const bars = (await page.getByTestId(`report-${BY_PLACE}`).boundingBox())!;
    expect(bars.x).toBeGreaterThan(number.x + number.width - 1);
    expect(Math.abs(bars.y - number.y)).toBeLessThan(2);
    await snapshot(page, 'dashboards-desktop');
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    await page.locator('img.cl-chart-print').first().waitFor();
    await snapshot(page, 'dashboards-print');
    await page.context().close();
  });
});
