import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  ADMIN_PASSWORD,
  expectNoHorizontalScroll,
  launchBrowser,
  PHONE,
  signedInPage,
  snapshot,
  startUiServer,
} from '../support/browser.js';
import { login, type ServerProcess } from '../support/server-process.js';

const DESKTOP = { width: 1280, height: 900 };
// browser specs share one database: names of this run only
const RUN = Date.now().toString(36);
const DASHBOARD_KEY = `dg-${RUN}`;
const BY_STATUS = `dg-${RUN}-by-status`;
const TOTAL = `dg-${RUN}-total`;
const BY_LEVEL = `dg-${RUN}-by-level`;

type Item = { report: string; x: number; y: number; w: number; h: number };

describe('placing and sizing reports on the dashboard grid with the mouse', () => {
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

  const report = (key: string, zh: string, groupBy: string | null) => ({
    schemaVersion: 1,
    key,
    title: { 'zh-CN': zh, en: key },
    dataset: {
      source: { type: 'residents' },
      groupBy: groupBy ? [{ key: groupBy, by: 'field', field: groupBy }] : [],
      measures: [{ key: 'count', op: 'count' }],
    },
    chart: groupBy ? { type: 'bar', x: groupBy, y: ['count'] } : { type: 'number', y: ['count'] },
  });

  beforeAll(async () => {
    server = await startUiServer();
    token = await login(server.url, 'admin', ADMIN_PASSWORD);

    // three reports over the demo residents and a dashboard with two halves on top and one half below
    for (const spec of [
      report(BY_STATUS, '长者状态（网格）', 'status'),
      report(TOTAL, '长者总数（网格）', null),
      report(BY_LEVEL, '护理等级（网格）', 'careLevel'),
    ]) {
      const created = await call('POST', '/api/reports', spec);
      expect(created.status).toBe(201);
    }
    const dashboard = await call('POST', '/api/dashboards', {
      schemaVersion: 1,
      key: DASHBOARD_KEY,
      title: { 'zh-CN': '网格看板', en: 'Grid dashboard' },
      filters: ['period'],
      items: [
        { report: BY_STATUS, x: 0, y: 0, w: 6, h: 4 },
        { report: TOTAL, x: 6, y: 0, w: 6, h: 4 },
        { report: BY_LEVEL, x: 0, y: 4, w: 6, h: 4 },
      ],
    });
    expect(dashboard.status).toBe(201);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signedIn(viewport: { width: number; height: number }, at: string): Promise<Page> {
    return signedInPage(browser, `${server.url}${at}`, 'admin', ADMIN_PASSWORD, {
      viewport,
      timeout: 20_000,
    });
  }

  const tile = (page: Page, report: string) => page.getByTestId(`dashboard-preview-${report}`);

  /** Where a tile is on the grid, as its data attributes say. */
  async function placeOf(locator: Locator): Promise<Omit<Item, 'report'>> {
    const read = async (name: string) => Number(await locator.getAttribute(`data-${name}`));
    return { x: await read('x'), y: await read('y'), w: await read('w'), h: await read('h') };
  }

  async function centre(locator: Locator): Promise<{ x: number; y: number }> {
    const box = await locator.boundingBox();
    if (!box) {
      throw new Error('not on screen');
    }
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  /** A real mouse drag: press, move in steps (the grid follows each), release. */
  async function drag(page: Page, from: { x: number; y: number }, by: { x: number; y: number }) {
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + by.x / 2, from.y + by.y / 2, { steps: 8 });
    await page.mouse.move(from.x + by.x, from.y + by.y, { steps: 8 });
  }

  it('should swap two tiles dragged by the title bar, size a third by its corner, keep both after saving and show them in the runtime', async () => {
    // given the dashboard open in the designer on a desk
    const page = await signedIn(DESKTOP, `/designer/reports/dashboards/${DASHBOARD_KEY}`);
    await page.getByTestId('dashboard-editor').waitFor();
    await tile(page, BY_STATUS).locator('canvas').waitFor({ timeout: 60_000 });
    const grid = page.getByTestId('dashboard-grid');
    const gridBox = (await grid.boundingBox())!;
    const column = (gridBox.width + 12) / 12;
    const row = 80 + 12;

    // when the status chart is dragged by its title bar onto the total's place (half a grid to the right)
    const handle = page.getByTestId(`dashboard-move-${BY_STATUS}`);
    // (below the sticky top bar)
    await grid.evaluate((element) => {
      element.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -120);
    });
    await drag(page, await centre(handle), { x: 6 * column, y: 10 });

    // then, while the button is held, a placeholder shows where it lands and the total already made room
    const placeholder = page.getByTestId('dashboard-placeholder');
    await placeholder.waitFor();
    expect(await placeOf(placeholder)).toEqual({ x: 6, y: 0, w: 6, h: 4 });
    expect(await placeOf(tile(page, TOTAL))).toEqual({ x: 0, y: 0, w: 6, h: 4 });
    await snapshot(page, 'dashboard-grid-dragging');

    // when it is released
    await page.mouse.up();

    // then the two swapped and the placeholder is gone
    await expect(placeholder.count()).resolves.toBe(0);
    expect(await placeOf(tile(page, BY_STATUS))).toEqual({ x: 6, y: 0, w: 6, h: 4 });
    expect(await placeOf(tile(page, TOTAL))).toEqual({ x: 0, y: 0, w: 6, h: 4 });

    // when the care-level chart's bottom-right corner is dragged three columns right and two rows down
    const corner = page.getByTestId(`dashboard-resize-${BY_LEVEL}`);
    await corner.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await drag(page, await centre(corner), { x: 3 * column, y: 2 * row });
    expect(await placeOf(placeholder)).toEqual({ x: 0, y: 4, w: 9, h: 6 });
    await page.mouse.up();

    // then it is 9 columns wide and 6 rows high, snapped to the grid
    expect(await placeOf(tile(page, BY_LEVEL))).toEqual({ x: 0, y: 4, w: 9, h: 6 });
    await page.waitForFunction(
      ([id, w]) => {
        const element = document.querySelector(`[data-testid="${id}"]`);
        return element !== null && Math.abs(element.getBoundingClientRect().width - w) < 2;
      },
      [`dashboard-preview-${BY_LEVEL}`, 9 * column - 12] as const,
    );

    // and undo takes the resize back, redo puts it again (one step per drop)
    await page.keyboard.press('Control+z');
    expect(await placeOf(tile(page, BY_LEVEL))).toEqual({ x: 0, y: 4, w: 6, h: 4 });
    expect(await placeOf(tile(page, BY_STATUS))).toEqual({ x: 6, y: 0, w: 6, h: 4 });
    await page.keyboard.press('Control+Shift+z');
    expect(await placeOf(tile(page, BY_LEVEL))).toEqual({ x: 0, y: 4, w: 9, h: 6 });

    // and the list of controls follows: the status chart is second now and the care-level one 9/12 wide
    await expect(page.getByTestId('dashboard-item-1').textContent()).resolves.toContain('长者状态（网格）');
    await expect(page.getByTestId('dashboard-item-2').textContent()).resolves.toContain('9/12');

    // when she saves and reloads the page
    await page.getByTestId('save-dashboard').click();
    await page.getByText('看板已保存版本 v2').waitFor();
    await snapshot(page, 'dashboard-grid-saved');
    await page.reload();
    await tile(page, BY_STATUS).locator('canvas').waitFor({ timeout: 60_000 });

    // then the API has the new places
    const stored = await call('GET', `/api/dashboards/${DASHBOARD_KEY}`);
    expect(stored.body.items).toEqual([
      { report: TOTAL, x: 0, y: 0, w: 6, h: 4 },
      { report: BY_STATUS, x: 6, y: 0, w: 6, h: 4 },
      { report: BY_LEVEL, x: 0, y: 4, w: 9, h: 6 },
    ]);

    // and the screen shows them: total left of status on the first row, care level below, three quarters wide
    const boxes = {
      total: (await tile(page, TOTAL).boundingBox())!,
      status: (await tile(page, BY_STATUS).boundingBox())!,
      level: (await tile(page, BY_LEVEL).boundingBox())!,
    };
    expect(boxes.total.x).toBeLessThan(boxes.status.x);
    expect(Math.abs(boxes.total.y - boxes.status.y)).toBeLessThan(2);
    expect(boxes.level.y).toBeGreaterThanOrEqual(boxes.total.y + boxes.total.height);
    expect(Math.abs(boxes.level.width - (9 * column - 12))).toBeLessThan(2);
    expect(Math.abs(boxes.level.height - (6 * row - 12))).toBeLessThan(2);
    await snapshot(page, 'dashboard-grid-reloaded');

    // and the runtime UI draws the dashboard at the same places
    const runtime = await signedIn(DESKTOP, `/app/dashboards/${DASHBOARD_KEY}`);
    const card = (key: string) => runtime.getByTestId(`report-${key}`);
    await card(BY_STATUS).locator('canvas').waitFor({ timeout: 60_000 });
    const shown = {
      total: (await card(TOTAL).boundingBox())!,
      status: (await card(BY_STATUS).boundingBox())!,
      level: (await card(BY_LEVEL).boundingBox())!,
    };
    expect(shown.total.x).toBeLessThan(shown.status.x);
    expect(Math.abs(shown.total.y - shown.status.y)).toBeLessThan(2);
    expect(shown.level.y).toBeGreaterThanOrEqual(shown.total.y + shown.total.height);
    expect(shown.level.width / shown.total.width).toBeCloseTo((9 * column - 12) / (6 * column - 12), 1);
    await snapshot(runtime, 'dashboard-grid-runtime');
  });

  it('should move and size a tile with the keyboard on its title bar', async () => {
    // given the saved dashboard in the designer
    const page = await signedIn(DESKTOP, `/designer/reports/dashboards/${DASHBOARD_KEY}`);
    await tile(page, TOTAL).waitFor();

    // when the total's title bar is focused and Shift+↓, then → are pressed
    const handle = page.getByTestId(`dashboard-move-${TOTAL}`);
    await handle.focus();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('ArrowRight');

    // then it is one row higher, one column narrower and one column to the right, and says so to a screen reader
    expect(await placeOf(tile(page, TOTAL))).toEqual({ x: 1, y: 0, w: 5, h: 5 });
    await expect(page.getByTestId('dashboard-announcement').textContent()).resolves.toContain('第 2 列');
    await expect(handle.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
  });

  it("should fetch the tiles' data again in English when the language is switched", async () => {
    // given the saved dashboard in the designer, its tiles' data fetched in Chinese
    const page = await signedIn(DESKTOP, `/designer/reports/dashboards/${DASHBOARD_KEY}`);
    await tile(page, TOTAL).waitFor();
    const dataOf = (report: string, language: string) =>
      page.waitForRequest(
        (request) =>
          request.url().endsWith(`/api/reports/${report}/data`) &&
          (request.headers()['accept-language'] ?? '').startsWith(language),
      );

    // when the user switches to English
    const english = Promise.all([dataOf(TOTAL, 'en'), dataOf(BY_STATUS, 'en'), dataOf(BY_LEVEL, 'en')]);
    await page.getByText('EN', { exact: true }).click();

    // then every tile asks for its data in English (the server words chart titles and notes by language)
    await english;
    await expect(tile(page, TOTAL).locator('canvas, .cl-rd-card-body *').first().isVisible()).resolves.toBe(
      true,
    );
  });

  it('should stack the tiles in one column on a 390-px screen, with no drag handles and the buttons to order them', async () => {
    // given the dashboard on a phone
    const page = await signedIn(PHONE, `/designer/reports/dashboards/${DASHBOARD_KEY}`);
    await tile(page, TOTAL).waitFor();

    // then the tiles are one above the other in reading order, full width, with no corner handles
    const first = (await tile(page, TOTAL).boundingBox())!;
    const second = (await tile(page, BY_STATUS).boundingBox())!;
    expect(second.y).toBeGreaterThanOrEqual(first.y + first.height);
    expect(Math.abs(first.width - second.width)).toBeLessThan(2);
    await expect(page.getByTestId(`dashboard-resize-${TOTAL}`).count()).resolves.toBe(0);

    // when the status chart is moved up with its button
    await page.getByRole('button', { name: '上移: 2. 长者状态（网格）' }).click();

    // then it is first on the phone
    const moved = (await tile(page, BY_STATUS).boundingBox())!;
    const after = (await tile(page, TOTAL).boundingBox())!;
    expect(moved.y).toBeLessThan(after.y);
    await expectNoHorizontalScroll(page, PHONE.width);
    await snapshot(page, 'dashboard-grid-phone');
  });
});
