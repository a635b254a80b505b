import { describe, expect, it } from '@jest/globals';
import { NotFoundError, ValidationFailedError } from '../errors/domain.errors.js';
import { localisedProblem, toProblem } from './problem.filter.js';

class TwoFieldsError extends ValidationFailedError {
  constructor() {
    super(
      [
        { path: '/a', message: 'A is wrong.' },
        { path: '/b', message: 'b must be a string' },
      ],
      'Two fields are wrong.',
    );
    this.inChinese('两个字段有误。', 'A 不对。');
  }
}

describe('localisedProblem', () => {
  it("should answer a zh-CN caller with the error's Chinese wording, field by field, and the DTO wording past it", () => {
    const error = new TwoFieldsError();
    expect(localisedProblem(toProblem(error), error, 'zh-CN')).toMatchObject({
      detail: '两个字段有误。',
      errors: [
        { path: '/a', message: 'A 不对。' },
        { path: '/b', message: 'b 须为文本' },
      ],
    });
  });

  it('should answer an English caller as the error was written', () => {
    const error = new TwoFieldsError();
    expect(localisedProblem(toProblem(error), error, 'en')).toEqual(toProblem(error));
  });

  it("should answer each field in Chinese from a validator's own wording and never send that wording as a field", () => {
    // given a validator's problems, one worded in Chinese, one not, under a detail worded by the error
    class WordedError extends ValidationFailedError {
      constructor() {
        super(
          [
            { path: '/cron', message: 'a schedule needs cron', zh: '定时触发需要 cron 表达式' },
            { path: '/name', message: 'name must be a string' },
          ],
          'The rule has 2 problems.',
        );
        this.inChinese('规则有 2 处问题。');
      }
    }
    const error = new WordedError();

    // when it is answered to a zh-CN and to an English caller
    const zh = localisedProblem(toProblem(error), error, 'zh-CN');
    const en = localisedProblem(toProblem(error), error, 'en');

    // then each field is in the caller's language, the Chinese of the unworded one from the DTO table
    expect(zh).toMatchObject({
      detail: '规则有 2 处问题。',
      errors: [
        { path: '/cron', message: '定时触发需要 cron 表达式' },
        { path: '/name', message: 'name 须为文本' },
      ],
    });
    expect(en.errors).toEqual([
      { path: '/cron', message: 'a schedule needs cron' },
      { path: '/name', message: 'name must be a string' },
    ]);
    expect(zh.errors?.every((e) => !('zh' in e))).toBe(true);
  });

  it('should name what was not found in Chinese', () => {
    const error = new NotFoundError('Resident', 'r-1');
    expect(localisedProblem(toProblem(error), error, 'zh-CN').detail).toBe(
      '找不到 id 为 r-1 的长者，或您无权查看。',
    );
  });
});
