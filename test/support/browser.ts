import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@jest/globals';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { REPO_ROOT, startServer, type ServerProcess } from './server-process.js';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Debian's chromium (installed by `npm test`), never a test tool's own download. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = CANDIDATES.find((candidate) => candidate && fs.existsSync(candidate));
  if (!executablePath) {
    throw new Error('Chromium not found: install Debian\'s "chromium" package or set CHROMIUM_PATH.');
  }
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const PHONE = { width: 390, height: 844 };

/** The logins of the browser specs' shared database (the first server to start seeds them). */
export const ADMIN_PASSWORD = 'ui-admin-secret-1';
export const DEMO_PASSWORD = 'ui-demo-secret-1';

/** A server on the browser specs' shared database, serving both UIs; `extra` adds settings (e.g. the test clock). */
export function startUiServer(extra: Record<string, string> = {}): Promise<ServerProcess> {
  return startServer({
    DATABASE_URL: process.env.TEST_DATABASE_URL,
    CARELOOM_ADMIN_PASSWORD: ADMIN_PASSWORD,
    CARELOOM_DEMO_PASSWORD: DEMO_PASSWORD,
    CARELOOM_UI_ROOT: REPO_ROOT,
    ...extra,
  });
}

export interface SignInOptions {
  viewport?: { width: number; height: number };
  /** Default timeout of the page's actions (15 s). */
  timeout?: number;
  acceptDownloads?: boolean;
}

/**
 * A page in a new browser context (zh-CN, a phone unless another viewport is given), opened at `url` and signed in
 * through the login form that comes first; the app then shows `url` (or the user's home).
 */
export async function signedInPage(
  browser: Browser,
  url: string,
  username: string,
  password: string,
  options: SignInOptions = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: options.viewport ?? PHONE,
    locale: 'zh-CN',
    ...(options.acceptDownloads ? { acceptDownloads: true } : {}),
  });
  const page = await context.newPage();
  page.setDefaultTimeout(options.timeout ?? 15_000);
  await page.goto(url);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  return page;
}

/** Saves a screenshot under artifacts/ui/ so a failed run can be looked at. */
export async function snapshot(page: Page, name: string): Promise<void> {
  const dir = path.join(REPO_ROOT, 'artifacts', 'ui');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** Fails when the page scrolls sideways at the given width (a phone page must fit 390 px). */
export async function expectNoHorizontalScroll(page: Page, width: number = PHONE.width): Promise<void> {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(width);
}

/**
 * Picks an option of an antd select. A panel that re-renders after a change can close a dropdown just
 * opened: then it is opened again (three tries). In a long list (the browser specs share one database, so the
 * forms of every spec are there) a searchable select is narrowed by typing the option. Returns once the dropdown has closed, so the next select
 * does not meet this one's closing animation.
 */
export async function chooseOption(page: Page, select: Locator, option: string): Promise<void> {
  const item = page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
    .first();
  for (let attempt = 1; ; attempt += 1) {
    await select.click();
    try {
      // a long list renders only the options in view: a searchable select is narrowed by typing (in a select
      // without search the keys go nowhere)
      if (!(await item.isVisible())) {
        await item.waitFor({ timeout: 1_000 }).catch(() => page.keyboard.type(option));
      }
      await item.click({ timeout: 5_000 });
      break;
    } catch (error) {
      if (attempt === 3) {
        throw error;
      }
    }
  }
  // every dropdown closed (several may be fading out at once)
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.ant-select-dropdown')].every((element) => {
      const box = element.getBoundingClientRect();
      return box.width === 0 || box.height === 0 || getComputedStyle(element).visibility === 'hidden';
    }),
  );
}

/**
 * The cards of the runtime UI's task list that mention `text`: the list's own children only, so neither the
 * list (whose test id also starts with `task-`) nor a card's parts match, and other specs' tasks in the shared
 * database do not either.
 */
export function taskCards(page: Page, text: string): Locator {
  return page.getByTestId('task-list').locator(':scope > [data-testid^="task-"]', { hasText: text });
}
