import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { formFixture } from '../factories/form.factory.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

describe('form definitions', () => {
  let t: TestApp;
  let admin: string;
  let nurse: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
    nurse = await t.login('nurse.a');
  });
  afterAll(async () => {
    await t.close();
  });

  const as = (token: string) => ({
    get: (url: string) => t.http().get(url).set('authorization', `Bearer ${token}`),
    post: (url: string, body: object = {}) =>
      t.http().post(url).set('authorization', `Bearer ${token}`).send(body),
    put: (url: string, body: object) => t.http().put(url).set('authorization', `Bearer ${token}`).send(body),
  });

  it('should publish frozen versions and refuse stale drafts and empty publishes', async () => {
    // given a draft of the Barthel assessment
    const created = await as(admin).post('/api/forms', {
      key: 'barthel-adl',
      name: { 'zh-CN': '巴氏指数评估', en: 'Barthel index' },
      schema: formFixture('barthel-adl'),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', latestVersion: null, version: 1, versions: [] });
    const id = created.body.id as string;

    // when it is published, and published again without a change
    const v1 = await as(admin).post(`/api/forms/${id}/publish`);
    const again = await as(admin).post(`/api/forms/${id}/publish`);

    // then version 1 exists and the second publish is refused
    expect(v1.status).toBe(201);
    expect(v1.body).toMatchObject({ key: 'barthel-adl', version: 1 });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('第 1 版');

    // when the draft is edited from a stale copy, then from the current one, and published
    const form = (await as(admin).get(`/api/forms/${id}`)).body;
    const stale = await as(admin).put(`/api/forms/${id}/draft`, {
      name: form.name,
      version: form.version - 1,
    });
    expect(stale.status).toBe(409);
    const schema = { ...formFixture('barthel-adl'), title: 'Barthel 评定（第二版）' };
    const saved = await as(admin).put(`/api/forms/${id}/draft`, { schema, version: form.version });
    expect(saved.status).toBe(200);
    expect(saved.body.draftChanged).toBe(true);
    const v2 = await as(admin).post(`/api/forms/${id}/publish`);

    // then both versions are kept, each with its own schema
    expect(v2.body.version).toBe(2);
    const one = await as(nurse).get(`/api/forms/${id}/versions/1`);
    const two = await as(nurse).get(`/api/forms/${id}/versions/2`);
    expect(one.body.schema.title).toBe('Barthel 日常生活活动能力评定');
    expect(two.body.schema.title).toBe('Barthel 评定（第二版）');
    const detail = (await as(admin).get(`/api/forms/${id}`)).body;
    expect(detail).toMatchObject({ status: 'published', latestVersion: 2, draftChanged: false });
    expect(detail.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  it('should refuse a schema that would hurt at run time with pointers into it, and publish nothing', async () => {
    // given a draft with a remote $ref and a catastrophic pattern
    const created = await as(admin).post('/api/forms', {
      key: 'bad-form',
      name: { 'zh-CN': '坏表单', en: 'Bad form' },
      schema: {
        type: 'object',
        properties: {
          evil: { $ref: 'https://evil.example/s.json' },
          code: { type: 'string', pattern: '^(a+)+$', maxLength: 50 },
        },
      },
    });
    expect(created.status).toBe(201);
    expect(
      created.body.lint.filter((i: { severity: string }) => i.severity === 'error').length,
    ).toBeGreaterThan(0);

    // when it is published
    const published = await as(admin).post(`/api/forms/${created.body.id}/publish`);

    // then it is refused with a pointer at each problem, and no version exists
    expect(published.status).toBe(400);
    const paths = published.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['/schema/properties/evil/$ref', '/schema/properties/code/pattern']),
    );
    const detail = (await as(admin).get(`/api/forms/${created.body.id}`)).body;
    expect(detail.latestVersion).toBeNull();
  });

  it('should let only designers write forms, and refuse a taken key', async () => {
    const byNurse = await as(nurse).post('/api/forms', {
      key: 'nurse-form',
      name: { 'zh-CN': '护士表单', en: 'Nurse form' },
      schema: { type: 'object' },
    });
    expect(byNurse.status).toBe(403);
    const taken = await as(admin).post('/api/forms', {
      key: 'barthel-adl',
      name: { 'zh-CN': '重复', en: 'Duplicate' },
      schema: { type: 'object' },
    });
    expect(taken.status).toBe(409);
    const badKey = await as(admin).post('/api/forms', {
      key: 'Bad Key',
      name: { 'zh-CN': '键', en: 'Key' },
      schema: { type: 'object' },
    });
    expect(badKey.status).toBe(400);
    expect(badKey.body.errors.map((e: { path: string }) => e.path)).toContain('/key');
  });

  it("should validate a schema and sample data for the designer, in the caller's language", async () => {
    // given the elder archive and data with a wrong check digit
    const schema = formFixture('elder-archive');
    const data = {
      name: '周桂芳',
      gender: 'female',
      birthDate: '1949-12-31',
      idNumber: '110105194912310029',
      admissionDate: '2026-11-01',
      careLevel: 'level-2',
    };

    // when it is validated in Chinese and in English
    const zh = await as(admin).post('/api/forms/validate', { schema, data });
    const en = await t
      .http()
      .post('/api/forms/validate')
      .set('authorization', `Bearer ${admin}`)
      .set('accept-language', 'en-US,en;q=0.9')
      .send({ schema, data });

    // then the ID number is refused with a message at its field
    expect(zh.status).toBe(200);
    expect(zh.body.valid).toBe(false);
    expect(zh.body.errors).toEqual([expect.objectContaining({ path: '/idNumber' })]);
    expect(zh.body.errors[0].message).toMatch(/身份证/);
    expect(en.body.errors[0].message).toMatch(/ID number/);

    // and a broken schema gets lint issues instead
    const broken = await as(admin).post('/api/forms/validate', {
      schema: { type: 'object', properties: { a: { type: 'string', unknownKeyword: 1 } } },
    });
    expect(broken.body.valid).toBe(false);
    expect(broken.body.lint[0]).toMatchObject({ severity: 'error', path: '/properties/a/unknownKeyword' });
  });

  it('should keep JSON Schema 2020-12 behaviour for standard keywords', async () => {
    const schema = {
      type: 'object',
      properties: { n: { type: 'integer', exclusiveMinimum: 0, multipleOf: 5 } },
      required: ['n'],
      dependentRequired: { n: ['m'] },
    };
    const ok = await as(admin).post('/api/forms/validate', { schema, data: { n: 10, m: 1 } });
    const bad = await as(admin).post('/api/forms/validate', { schema, data: { n: 7 } });
    expect(ok.body).toMatchObject({ valid: true, errors: [] });
    expect(bad.body.valid).toBe(false);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/m', '/n']);
  });

  it('should keep the order the author gave the fields', async () => {
    const schema = {
      type: 'object',
      properties: { zeta: { type: 'string' }, alpha: { type: 'string' }, mid: { type: 'number' } },
    };
    const created = await as(admin).post('/api/forms', {
      key: 'ordered',
      name: { 'zh-CN': '顺序', en: 'Order' },
      schema,
    });
    await as(admin).post(`/api/forms/${created.body.id}/publish`);
    const version = await as(nurse).get(`/api/forms/${created.body.id}/versions/1`);
    expect(Object.keys(version.body.schema.properties)).toEqual(['zeta', 'alpha', 'mid']);
  });
});
