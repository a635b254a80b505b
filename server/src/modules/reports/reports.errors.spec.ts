import { describe, expect, it } from '@jest/globals';
import {
  InvalidDatasetError,
  InvalidReportQueryError,
  InvalidReportSpecError,
  wordedErrors,
} from './reports.errors.js';

describe(wordedErrors.name, () => {
  it('should keep the Chinese wordings when the problems move under a prefix', () => {
    // given a dataset problem worded in Chinese and one that is not
    const inner = new InvalidDatasetError([
      { path: '/dataset/measures/0/field', message: 'sum needs a number field', zh: 'sum 须用数字字段' },
      { path: '/dataset/limit', message: 'limit is odd' },
    ]);

    // when they are passed on to a report error naming the bundle file
    const outer = new InvalidReportSpecError(wordedErrors(inner), 'report', '/reports/x.json#');

    // then the paths carry the prefix and each keeps its wording
    expect(outer.errors).toEqual([
      { path: '/reports/x.json#/dataset/measures/0/field', message: 'sum needs a number field' },
      { path: '/reports/x.json#/dataset/limit', message: 'limit is odd' },
    ]);
    expect(outer.zh).toEqual({
      detail: '报表有 2 处问题，未保存也未运行；请看各字段的提示。',
      messages: ['sum 须用数字字段', undefined],
    });
    expect(
      wordedErrors(new InvalidReportQueryError('/group', 'group must be JSON', 'group 须为 JSON')),
    ).toEqual([{ path: '/group', message: 'group must be JSON', zh: 'group 须为 JSON' }]);
  });
});
