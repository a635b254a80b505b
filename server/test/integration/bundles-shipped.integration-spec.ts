import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../utils/test-app.js';

type Shipped = {
  key: string;
  version: string;
  title: { 'zh-CN': string; en: string };
  requires: { key: string; version: string }[];
  contents: { forms: string[]; reports: string[]; dashboards: string[] };
  installedVersion: string | null;
  unmetRequirements: { key: string; version: string }[];
};

describe('shipped template bundles', () => {
  let t: TestApp;
  let admin: string;

  const get = (url: string, token = admin) => t.http().get(url).set('authorization', `Bearer ${token}`);
  const post = (url: string, token = admin, language = 'zh-CN') =>
    t.http().post(url).set('authorization', `Bearer ${token}`).set('accept-language', language).send();

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
  });
  afterAll(async () => {
    await t.close();
  });

  it('should list the shipped bundles, each after the bundles it requires, none installed yet', async () => {
    // given a fresh home
    // when the admin lists the shipped bundles
    const response = await get('/api/bundles/shipped');

    // then the four day-one templates are there with their manifests' versions, requirements first
    expect(response.status).toBe(200);
    const shipped = response.body as Shipped[];
    const keys = shipped.map((b) => b.key);
    expect(keys).toEqual(
      expect.arrayContaining(['elder-archive', 'onboarding-30day', 'complaint-workorder', 'kpi-reports']),
    );
    for (const bundle of shipped) {
      for (const requirement of bundle.requires) {
        expect(keys.indexOf(requirement.key)).toBeLessThan(keys.indexOf(bundle.key));
      }
    }
    const kpi = shipped.find((b) => b.key === 'kpi-reports')!;
    expect(kpi.installedVersion).toBeNull();
    expect(kpi.unmetRequirements).toEqual(kpi.requires);
    expect(kpi.requires.map((r) => r.key)).toEqual(
      expect.arrayContaining(['complaint-workorder', 'onboarding-30day']),
    );
    expect(kpi.contents.dashboards).toEqual(['director']);
    expect(shipped.find((b) => b.key === 'elder-archive')!.contents.forms).toContain('barthel-adl');
  });

  it('should refuse a bundle imported before the ones it requires, naming them, and import nothing', async () => {
    // given nothing installed
    // when the admin imports the KPI reports first
    const zh = await post('/api/bundles/shipped/kpi-reports/import');
    const en = await post('/api/bundles/shipped/kpi-reports/import', admin, 'en');

    // then every missing bundle is named, at the manifest's requires entries, in the caller's language
    expect(zh.status).toBe(400);
    const shipped = (await get('/api/bundles/shipped')).body as Shipped[];
    const requires = shipped.find((b) => b.key === 'kpi-reports')!.requires;
    const paths = (zh.body.errors as { path: string; message: string }[]).map((e) => e.path);
    expect(paths).toEqual(requires.map((_, i) => `/manifest.json#/requires/${i}`));
    expect(JSON.stringify(zh.body.errors)).toContain('需要先导入模板包 投诉与服务工单 (complaint-workorder)');
    expect(JSON.stringify(en.body.errors)).toContain(
      '30-day onboarding (onboarding-30day) ^1.0.0: import it first',
    );
    expect(en.body.detail).toContain('nothing was imported');
    expect(zh.body.detail).toMatch(
      /^kpi-reports 依赖 .*complaint-workorder（[^）]+）.*：请先导入这些模板包；本次未导入任何内容。$/,
    );
    const installed = await get('/api/bundles');
    expect(installed.body).toEqual([]);
  });

  it('should import every shipped bundle one click each in the listed order, and show them installed', async () => {
    // given nothing installed
    const order = ((await get('/api/bundles/shipped')).body as Shipped[]).map((b) => b.key);

    // when the admin imports each in the order listed
    for (const key of order) {
      const response = await post(`/api/bundles/shipped/${key}/import`);
      expect({ key, status: response.status, errors: response.body.errors }).toEqual({
        key,
        status: 200,
        errors: undefined,
      });
      expect(response.body.previousVersion).toBeNull();
    }
    const again = await post('/api/bundles/shipped/kpi-reports/import');

    // then a second import changes nothing
    expect(again.status).toBe(200);
    expect(
      [...again.body.reports, ...again.body.dashboards].every(
        (i: { action: string }) => i.action === 'unchanged',
      ),
    ).toBe(true);
    // and the shipped list shows the installed versions, with nothing left unmet
    const shipped = (await get('/api/bundles/shipped')).body as Shipped[];
    for (const bundle of shipped) {
      expect(bundle.installedVersion).toBe(bundle.version);
      expect(bundle.unmetRequirements).toEqual([]);
    }
    // and the installed list says who installed what, with the contents
    const installed = (await get('/api/bundles')).body as {
      key: string;
      installedBy: string;
      description: { en: string };
      contents: { processes: string[]; reports: string[] };
    }[];
    const me = (await get('/api/auth/me')).body as { id: string };
    const complaints = installed.find((b) => b.key === 'complaint-workorder')!;
    expect(complaints.installedBy).toBe(me.id);
    expect(complaints.contents.processes).toEqual(['complaint-workorder']);
    expect(complaints.description.en).toMatch(/complaint/i);
    expect(installed.find((b) => b.key === 'kpi-reports')!.contents.reports).toContain('csat');
  });

  it('should answer 404 for a key that is not shipped, and 403 to staff who do not manage bundles', async () => {
    // given a nurse
    const nurse = await t.login('nurse.a');

    // when they list or import, and the admin asks for unknown or path-like keys
    const list = await get('/api/bundles/shipped', nurse);
    const imported = await post('/api/bundles/shipped/elder-archive/import', nurse);
    const unknown = await post('/api/bundles/shipped/no-such-bundle/import');
    const traversal = await post('/api/bundles/shipped/..%2F..%2Fserver/import');

    // then
    expect(list.status).toBe(403);
    expect(imported.status).toBe(403);
    expect(unknown.status).toBe(404);
    expect(traversal.status).toBe(404);
  });
});
