import fs from 'node:fs';
import zlib from 'node:zlib';
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
import { login, REPO_ROOT, type ServerProcess } from '../support/server-process.js';

const DESKTOP = { width: 1280, height: 900 };
/** The shipped bundle this spec imports (no other browser spec uses its forms). */
const SHIPPED = 'onboarding-30day';
const SHIPPED_TITLE = '新入住30天适应期';
/** Its version as shipped (read, so a new release of the bundle does not break this spec). */
const SHIPPED_VERSION = (
  JSON.parse(fs.readFileSync(`${REPO_ROOT}/templates/${SHIPPED}/manifest.json`, 'utf8')) as {
    version: string;
  }
).version;
const BROKEN = 'ui-tpl-broken-bundle';

/** A ZIP archive (deflated entries) of text files, built the way archivers do. */
function zip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [path, text] of Object.entries(files)) {
    const name = Buffer.from(path, 'utf8');
    const content = Buffer.from(text, 'utf8');
    const data = zlib.deflateRawSync(content);
    const crc = zlib.crc32(content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The entries of a ZIP archive (stored or deflated), read through its central directory. */
function unzip(archive: Buffer): Record<string, string> {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = archive.readUInt16LE(end + 10);
  let offset = archive.readUInt32LE(end + 16);
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i += 1) {
    const method = archive.readUInt16LE(offset + 10);
    const compressed = archive.readUInt32LE(offset + 20);
    const nameLength = archive.readUInt16LE(offset + 28);
    const extraLength = archive.readUInt16LE(offset + 30);
    const commentLength = archive.readUInt16LE(offset + 32);
    const local = archive.readUInt32LE(offset + 42);
    const name = archive.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
    const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const data = archive.subarray(start, start + compressed);
    files[name] = (method === 8 ? zlib.inflateRawSync(data) : data).toString('utf8');
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

/** A bundle with a form whose schema is not JSON Schema and a BPMN flow to an element that does not exist. */
const BROKEN_FILES = {
  'manifest.json': JSON.stringify({
    schemaVersion: 1,
    key: BROKEN,
    version: '1.0.0',
    title: { 'zh-CN': '损坏的模板包', en: 'Broken bundle' },
    description: { 'zh-CN': '浏览器测试用', en: 'For the browser test' },
    roles: [],
    contents: {
      forms: ['forms/ui-tpl-broken-form.json'],
      processes: ['processes/ui-tpl-broken-process.bpmn'],
    },
  }),
  'forms/ui-tpl-broken-form.json': JSON.stringify({
    key: 'ui-tpl-broken-form',
    name: { 'zh-CN': '损坏的表单', en: 'Broken form' },
    schema: { type: 'object', properties: { age: { type: 'integr', title: '年龄' } } },
  }),
  'processes/ui-tpl-broken-process.bpmn': `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="defs" targetNamespace="http://careloom.example/ui">
  <bpmn:process id="ui-tpl-broken-process" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="flow-to-nowhere" sourceRef="start" targetRef="no-such-task" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`,
};

describe('the template manager in the designer', () => {
  let server: ServerProcess;
  let browser: Browser;
  let token: string;

  const installedKeys = async (): Promise<string[]> => {
    const response = await fetch(`${server.url}/api/bundles`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { key: string }[]).map((b) => b.key);
  };

  beforeAll(async () => {
    server = await startUiServer();
    token = await login(server.url, 'admin', ADMIN_PASSWORD);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signedIn(viewport: { width: number; height: number }): Promise<Page> {
    const page = await signedInPage(browser, `${server.url}/designer/templates`, 'admin', ADMIN_PASSWORD, {
      viewport,
      timeout: 20_000,
      acceptDownloads: true,
    });
    await page.getByTestId('templates-page').waitFor();
    return page;
  }

  it('should import a shipped template with one click and show it installed with its contents', async () => {
    // given the admin on the shipped templates
    const page = await signedIn(DESKTOP);
    const card = page.getByTestId(`shipped-${SHIPPED}`);
    await card.getByText(SHIPPED_TITLE, { exact: true }).waitFor();
    await snapshot(page, 'template-manager-shipped');

    // when she imports the 30-day onboarding
    await card.getByTestId(`import-shipped-${SHIPPED}`).click();

    // then the result lists what was imported, and the card says it is installed
    const result = card.getByTestId(`import-result-${SHIPPED}`);
    await result.getByText(`已导入 ${SHIPPED_TITLE} ${SHIPPED_VERSION}`).waitFor();
    await expect(result.getByTestId('import-counts').textContent()).resolves.toMatch(/新建 \d+ 项/);
    await card
      .getByTestId('shipped-status')
      .getByText(`已安装 ${SHIPPED_VERSION}`, { exact: true })
      .waitFor();
    await snapshot(page, 'template-manager-shipped-imported');

    // and the installed tab shows it with who installed it and links into the designers
    await page.getByRole('tab', { name: /^已安装/ }).click();
    const installed = page.getByTestId(`installed-${SHIPPED}`);
    await installed.getByTestId('installed-version').getByText(`版本 ${SHIPPED_VERSION}`).waitFor();
    await installed.getByText(/操作人 /).waitFor();
    await installed.getByTestId('open-processes-onboarding-30day').waitFor();
    await installed.getByTestId('open-forms-onboarding-call-notes').click();
    await page.waitForURL(/\/designer\/forms\/[0-9a-f-]{36}$/);
    await page.context().close();
    expect(await installedKeys()).toContain(SHIPPED);
  });

  it('should refuse a non-zip in the browser and list every problem of a broken bundle, importing nothing', async () => {
    // given the admin on the import tab
    const page = await signedIn(DESKTOP);
    await page.getByRole('tab', { name: '导入', exact: true }).click();
    const panel = page.getByTestId('bundle-import');
    const input = panel.locator('input[type=file]');

    // when she picks a text file
    await input.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    // then it is refused before any upload
    await panel.getByText('「notes.txt」不是 .zip 压缩包，请选择模板包的 .zip 文件。').waitFor();

    // when she picks a zip with a bad form schema and a BPMN flow to an unknown element
    await input.setInputFiles({
      name: 'broken.zip',
      mimeType: 'application/zip',
      buffer: zip(BROKEN_FILES),
    });

    // then every problem is listed under its file with its location, and nothing is offered for import
    const problems = panel.getByTestId('bundle-problems');
    await problems.waitFor();
    await panel.getByText(/「broken\.zip」有 \d+ 个问题，未导入任何内容/).waitFor();
    const form = problems.getByTestId('problems-forms/ui-tpl-broken-form.json');
    await form.getByText('/schema/properties/age/type').first().waitFor();
    await form
      .getByText(/不符合 JSON Schema 2020-12 规范/)
      .first()
      .waitFor();
    const process = problems.getByTestId('problems-processes/ui-tpl-broken-process.bpmn');
    await process.getByText('flow-to-nowhere').first().waitFor();
    await process.getByText(/no-such-task/).waitFor();
    await expect(panel.getByTestId('confirm-import').count()).resolves.toBe(0);
    await snapshot(page, 'template-manager-broken-bundle');
    await page.context().close();
    expect(await installedKeys()).not.toContain(BROKEN);
  });

  it('should export two forms into a zip holding both form files, then check and import that zip with its plan', async () => {
    // given the admin on the export tab
    const page = await signedIn(DESKTOP);
    await page.getByRole('tab', { name: '导出', exact: true }).click();
    const panel = page.getByTestId('bundle-export');

    // when she names the bundle and picks the two onboarding forms
    await panel.getByLabel('模板包标识').fill('ui-tpl-export');
    await panel.getByLabel('版本').fill('1.2.0');
    await panel.getByLabel('中文名称').fill('入住回访表单');
    await panel.getByLabel('英文名称').fill('Onboarding call forms');
    await panel.getByLabel('说明（中文，可选）').fill('新入住 30 天回访的通话记录与小结表单');
    await panel.getByTestId('export-forms-onboarding-call-notes').click();
    await panel.getByTestId('export-forms-onboarding-summary').click();
    await snapshot(page, 'template-manager-export');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByTestId('export-bundle').click(),
    ]);

    // then the downloaded zip holds both forms and a manifest listing them
    expect(download.suggestedFilename()).toBe('ui-tpl-export-1.2.0.zip');
    const files = unzip(fs.readFileSync(await download.path()));
    expect(Object.keys(files).sort()).toEqual([
      'forms/onboarding-call-notes.json',
      'forms/onboarding-summary.json',
      'manifest.json',
    ]);
    const manifest = JSON.parse(files['manifest.json']!) as {
      key: string;
      version: string;
      description: unknown;
      contents: unknown;
    };
    expect(manifest).toMatchObject({
      key: 'ui-tpl-export',
      version: '1.2.0',
      // the Chinese description stands in for the English one left empty
      description: {
        'zh-CN': '新入住 30 天回访的通话记录与小结表单',
        en: '新入住 30 天回访的通话记录与小结表单',
      },
      contents: { forms: ['forms/onboarding-call-notes.json', 'forms/onboarding-summary.json'] },
    });
    expect(JSON.parse(files['forms/onboarding-summary.json']!)).toMatchObject({ key: 'onboarding-summary' });

    // when she uploads that zip on the import tab
    await page.getByRole('tab', { name: '导入', exact: true }).click();
    const importPanel = page.getByTestId('bundle-import');
    await importPanel.locator('input[type=file]').setInputFiles({
      name: download.suggestedFilename(),
      mimeType: 'application/zip',
      buffer: fs.readFileSync(await download.path()),
    });

    // then the check shows the plan: a new install of 1.2.0 with 2 forms
    const plan = importPanel.getByTestId('check-plan');
    await plan.getByTestId('version-change').getByText('新安装 1.2.0').waitFor();
    await plan.getByText('2 个表单').waitFor();
    await snapshot(page, 'template-manager-import-plan');

    // and after confirming, both forms are reported unchanged (the same content is installed already)
    await importPanel.getByTestId('confirm-import').click();
    const result = importPanel.getByTestId('import-result-ui-tpl-export');
    await result.getByText('新建 0 项，更新 0 项，未变 2 项').waitFor();
    expect(await installedKeys()).toContain('ui-tpl-export');
    await page.context().close();
  });

  it('should fit a 390-px screen without horizontal scrolling', async () => {
    // given the admin on a phone
    const page = await signedIn(PHONE);
    await page.getByTestId(`shipped-${SHIPPED}`).waitFor();

    // then the shipped list, the installed list and the export form fit the width
    const fits = async () =>
      expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(
        PHONE.width,
      );
    await fits();
    await snapshot(page, 'template-manager-phone');
    await page.getByRole('tab', { name: /^已安装/ }).click();
    await page.getByTestId(`installed-${SHIPPED}`).waitFor();
    await fits();
    await page.getByRole('tab', { name: '导出', exact: true }).click();
    await page.getByTestId('export-bundle').waitFor();
    await fits();
    await snapshot(page, 'template-manager-export-phone');
    await page.context().close();
  });
});
