import { describe, expect, it } from '@jest/globals';
import {
  bundleFormFileSchema,
  bundleManifestSchema,
  bundlePathProblem,
  BUNDLE_LIMITS,
} from '@careloom/contracts';
import { createFormsAjv } from '@careloom/forms';
import { pathProblemZh, schemaErrorZh } from './bundle-problems.zh.js';

const hasChinese = (text: string): boolean => /\p{Script=Han}/u.test(text);

describe(pathProblemZh.name, () => {
  it('should word every path problem the contract reports in Chinese', () => {
    // given a path for each of bundlePathProblem's answers
    const paths = [
      '',
      `forms/${'a'.repeat(BUNDLE_LIMITS.maxPathLength)}.json`,
      'forms\\x.json',
      '/etc/passwd',
      'forms/a\u0007.json',
      'forms/../x.json',
      'forms/.hidden.json',
    ];
    // when each is checked and worded
    const problems = paths.map((path) => bundlePathProblem(path));
    // then each problem is a different one, and each has its Chinese twin
    expect(new Set(problems).size).toBe(paths.length);
    for (const problem of problems) {
      expect(problem).not.toBeNull();
      expect(hasChinese(pathProblemZh(problem!))).toBe(true);
    }
  });
});

describe(schemaErrorZh.name, () => {
  const ajv = createFormsAjv();

  it('should word the manifest shape errors in Chinese, naming the property and the allowed values', () => {
    // given a manifest with a missing, an extra, a mistyped, a badly patterned and an unknown value
    const check = ajv.compile(bundleManifestSchema);
    check({
      schemaVersion: 2,
      key: 'Bad Key',
      version: '1.0',
      title: { 'zh-CN': '', en: 'x' },
      description: 'text',
      roles: ['nurse', 'nurse', 'janitor'],
      contents: { forms: ['forms/X.json'] },
      colour: 'red',
    });
    // when the errors are worded
    const worded = Object.fromEntries(
      (check.errors ?? []).map((error) => [`${error.instancePath} ${error.keyword}`, schemaErrorZh(error)]),
    );
    // then
    expect(worded).toMatchObject({
      ' additionalProperties': '不认识的属性“colour”：请删去它或检查拼写',
      '/schemaVersion const': '只能是 1',
      '/key pattern': '须为 2–64 个小写字母、数字或短横线，并以字母开头',
      '/version pattern': '须为语义化版本号，例如 1.2.0',
      '/title/zh-CN minLength': '不能为空',
      '/description type': '应为JSON 对象',
      '/roles/2 enum': expect.stringMatching(/^须为以下之一：admin, /) as unknown as string,
      '/roles uniqueItems': '第 2 项与第 1 项重复：请删去重复的一项',
      '/contents/forms/0 pattern':
        '须为 forms/<key>.json（key 为 2–64 个小写字母、数字或短横线，并以字母开头）',
    });
  });

  it('should name a missing property of a form file', () => {
    // given
    const check = ajv.compile(bundleFormFileSchema);
    // when
    check({ key: 'a-form', name: { 'zh-CN': '表', en: 'Form' } });
    // then
    expect(check.errors?.map(schemaErrorZh)).toEqual(['缺少必填项“schema”：请补上它']);
  });
});
