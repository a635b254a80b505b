import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { zip } from '../../src/common/export/spreadsheet.util.js';
import { readBundleFolder } from '../../src/modules/bundles/bundle-validation.util.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

const TEMPLATES = path.resolve(import.meta.dirname, '..', '..', '..', 'templates');

async function bundleJson(name: string): Promise<Record<string, string>> {
  const files = await readBundleFolder(path.join(TEMPLATES, name));
  return Object.fromEntries([...files].map(([file, content]) => [file, content.toString('utf8')]));
}

describe('template bundles', () => {
  let t: TestApp;
  let admin: string;

  const post = (url: string, body: object) =>
    t.http().post(url).set('authorization', `Bearer ${admin}`).send(body);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
  });
  afterAll(async () => {
    await t.close();
  });

  it('should import each shipped template, and change nothing when imported again', async () => {
    for (const name of ['elder-archive', 'onboarding-30day', 'complaint-workorder']) {
      // given a shipped bundle
      const files = await bundleJson(name);

      // when it is imported twice
      const first = await post('/api/bundles/import', { files });
      const second = await post('/api/bundles/import', { files });

      // then the first creates everything and the second changes nothing
      expect(first.status).toBe(200);
      expect(
        [...first.body.forms, ...first.body.processes, ...first.body.rules].map(
          (i: { action: string }) => i.action,
        ),
      ).not.toContain('unchanged');
      expect(first.body.forms.length).toBeGreaterThan(0);
      expect(second.status).toBe(200);
      expect(second.body.previousVersion).toBe(first.body.version);
      expect(
        [...second.body.forms, ...second.body.processes, ...second.body.rules].every(
          (i: { action: string }) => i.action === 'unchanged',
        ),
      ).toBe(true);
    }
    const installed = await t.http().get('/api/bundles').set('authorization', `Bearer ${admin}`);
    expect(installed.body.map((b: { key: string }) => b.key).sort()).toEqual([
      'complaint-workorder',
      'elder-archive',
      'onboarding-30day',
    ]);
  });

  it('should let an integrator import a bundle with an API login, and refuse a nurse', async () => {
    // given the daily-care bundle (it needs elder-archive, imported above) and an integrator and a nurse
    const files = await bundleJson('daily-care');
    const integrator = await t.login('integrator');
    const nurse = await t.login('nurse.a');
    const importAs = (token: string) =>
      t.http().post('/api/bundles/import').set('authorization', `Bearer ${token}`).send({ files });

    // when the nurse tries, then the integrator
    const refused = await importAs(nurse);
    const imported = await importAs(integrator);

    // then the nurse is refused and nothing is written; the integrator's import creates the forms
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toBe('管理模板包需要以下角色之一：系统管理员、集成方。');
    expect(imported.status).toBe(200);
    expect(imported.body.forms.map((f: { action: string }) => f.action)).toEqual(
      imported.body.forms.map(() => 'created'),
    );
    expect(imported.body.forms.length).toBeGreaterThan(0);
  });

  it('should publish a new version of what changed when a newer bundle comes, leaving the rest', async () => {
    // given the onboarding bundle with one form changed and the version bumped
    const files = await bundleJson('onboarding-30day');
    const manifest = JSON.parse(files['manifest.json']!);
    manifest.version = '9.9.9';
    const formFile = Object.keys(files).find((f) => f.startsWith('forms/'))!;
    const form = JSON.parse(files[formFile]!);
    form.schema.title = `${String(form.schema.title ?? '')}（修订）`;
    const upgraded = {
      ...files,
      'manifest.json': JSON.stringify(manifest),
      [formFile]: JSON.stringify(form),
    };

    // when it is imported
    const response = await post('/api/bundles/import', { files: upgraded });

    // then only that form got a new version
    expect(response.status).toBe(200);
    const changed = response.body.forms.filter((f: { action: string }) => f.action === 'updated');
    expect(changed).toEqual([{ key: form.key, action: 'updated', version: 2 }]);
    expect(response.body.processes.every((p: { action: string }) => p.action === 'unchanged')).toBe(true);
  });

  it('should refuse a bundle with a dangling form key, naming the file and the element, and import nothing', async () => {
    // given the complaint bundle without one of its forms
    const files = await bundleJson('complaint-workorder');
    const manifest = JSON.parse(files['manifest.json']!);
    const dropped = manifest.contents.forms.pop() as string;
    delete files[dropped];
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM form');

    // when it is imported by a caller with no language preference (zh-CN), and by an English one
    const broken = { files: { ...files, 'manifest.json': JSON.stringify(manifest) } };
    const response = await post('/api/bundles/import', broken);
    const english = await post('/api/bundles/import', broken).set('accept-language', 'en');

    // then every problem is listed with its file and location, in Chinese, and nothing changed
    type Problem = { path: string; message: string };
    const formKey = dropped.slice('forms/'.length, -'.json'.length);
    expect(response.status).toBe(400);
    expect(response.body.detail).toMatch(/^模板包有 \d+ 处问题，未导入；/);
    const dangling = (response.body.errors as Problem[]).find((e) => e.path.startsWith('/processes/'));
    expect(dangling?.message).toMatch(
      new RegExp(
        `^用户任务“[\\w-]+”引用了表单“${formKey}”，但本模板包和它所依赖的模板包中都没有这个表单：请加入该表单，`,
      ),
    );
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM form')).toEqual(before);
    // and the English caller gets the same problems, worded in English as before
    expect(english.status).toBe(400);
    expect(english.body.detail).toMatch(/^The bundle has \d+ problem\(s\); nothing was imported\./);
    expect((english.body.errors as Problem[]).map((e) => e.path)).toEqual(
      (response.body.errors as Problem[]).map((e) => e.path),
    );
    expect((english.body.errors as Problem[]).find((e) => e.path === dangling?.path)?.message).toMatch(
      new RegExp(
        `^user task "[\\w-]+" names the form "${formKey}", which is neither in this bundle nor in a bundle it requires$`,
      ),
    );
  });

  it('should read a zip bundle and refuse one whose entries escape the bundle', async () => {
    // given the elder archive zipped inside a top folder, and an archive with a zip-slip entry
    const files = await bundleJson('elder-archive');
    const good = zip(
      Object.entries(files).map(([name, text]) => ({
        name: `elder-archive/${name}`,
        content: Buffer.from(text),
      })),
    );
    const evil = zip([
      { name: '../../etc/passwd', content: Buffer.from('x') },
      ...Object.entries(files).map(([name, text]) => ({ name, content: Buffer.from(text) })),
    ]);

    // when both are validated
    const ok = await t
      .http()
      .post('/api/bundles/validate')
      .set('authorization', `Bearer ${admin}`)
      .set('content-type', 'application/zip')
      .send(good);
    const refused = await t
      .http()
      .post('/api/bundles/validate')
      .set('authorization', `Bearer ${admin}`)
      .set('content-type', 'application/zip')
      .send(evil);

    // then
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ valid: true, key: 'elder-archive' });
    expect(refused.status).toBe(400);
    expect(refused.body.detail).toBe(
      '压缩包被拒绝：条目“../../etc/passwd”：路径跳出了所在文件夹（含有 ".." 或 "."）。',
    );
    const refusedEn = await t
      .http()
      .post('/api/bundles/validate')
      .set('authorization', `Bearer ${admin}`)
      .set('content-type', 'application/zip')
      .set('accept-language', 'en')
      .send(evil);
    expect(refusedEn.body.detail).toBe(
      'The archive was refused: entry "../../etc/passwd": the path leaves its folder (".." or ".")',
    );
  });

  it('should export a selection that imports back unchanged', async () => {
    const forms = (await t.http().get('/api/forms').set('authorization', `Bearer ${admin}`)).body as {
      key: string;
    }[];
    const exported = await post('/api/bundles/export', {
      key: 'copy-of-home',
      version: '1.0.0',
      title: { 'zh-CN': '本院配置', en: 'Our setup' },
      forms: forms.slice(0, 2).map((f) => f.key),
      processes: [],
      rules: [],
    });
    expect(exported.status).toBe(200);
    const again = await post('/api/bundles/import', { files: exported.body.files });
    expect(again.status).toBe(200);
    expect(again.body.forms.map((f: { action: string }) => f.action)).toEqual(['unchanged', 'unchanged']);
    // without a description, the manifest describes the bundle by its title
    const manifest = (files: Record<string, string>) =>
      JSON.parse(files['manifest.json'] ?? '{}') as { description: Record<string, string> };
    expect(manifest(exported.body.files).description).toEqual({ 'zh-CN': '本院配置', en: 'Our setup' });
  });

  it("should write the exporter's description into the manifest, one language standing in for the other", async () => {
    const selection = {
      key: 'described-setup',
      version: '1.0.0',
      title: { 'zh-CN': '本院配置', en: 'Our setup' },
      forms: [],
      processes: [],
      rules: [],
    };
    const described = await post('/api/bundles/export', {
      ...selection,
      description: { 'zh-CN': '  本院的跌倒上报与复核  ', en: '' },
    });
    const tooLong = await post('/api/bundles/export', {
      ...selection,
      description: { 'zh-CN': 'x'.repeat(2001), en: '' },
    });

    expect(described.status).toBe(200);
    const manifest = JSON.parse(described.body.files['manifest.json'] as string) as {
      description: Record<string, string>;
    };
    expect(manifest.description).toEqual({ 'zh-CN': '本院的跌倒上报与复核', en: '本院的跌倒上报与复核' });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0].path).toBe('/description/zh-CN');
  });
});
