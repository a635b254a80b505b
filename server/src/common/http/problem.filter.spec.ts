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

  it('should name what was not found in Chinese', () => {
    const error = new NotFoundError('Resident', 'r-1');
    expect(localisedProblem(toProblem(error), error, 'zh-CN').detail).toBe(
      '找不到 id 为 r-1 的长者，或您无权查看。',
    );
  });
});
