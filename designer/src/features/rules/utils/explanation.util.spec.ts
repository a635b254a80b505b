import { describe, expect, it } from '@jest/globals';
import { problemAt, problemsUnder, whyLines } from './explanation.util.js';

describe(whyLines.name, () => {
  it('should indent the explanation outermost first', () => {
    // given an explanation tree of a dry run
    const explanation = {
      op: '>=',
      text: '3 ≥ 3 → true',
      children: [{ op: 'consecutive', text: 'consecutive(readings) = 3', children: [] }, 3],
    };

    // then each node is one line, children indented
    expect(whyLines(explanation)).toEqual(['3 ≥ 3 → true', '  consecutive(readings) = 3']);
  });

  it('should give no lines when there is no explanation', () => {
    expect(whyLines(null)).toEqual([]);
  });
});

describe(problemAt.name, () => {
  const problems = [
    { path: '/actions/0/to', message: 'notify needs to.role or to.username' },
    { path: '/actions/0/message', message: 'notify needs a message with a zh-CN text' },
    { path: '/actions/10', message: 'other' },
  ];

  it('should find the message at a pointer, or below it when deep', () => {
    expect(problemAt(problems, '/actions/0/to')).toBe('notify needs to.role or to.username');
    expect(problemAt(problems, '/actions/0')).toBeUndefined();
    expect(problemsUnder(problems, '/actions/0')).toHaveLength(2);
    expect(problemAt(problems, '/actions/1', true)).toBeUndefined();
  });
});
