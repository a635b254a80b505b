import { describe, expect, it } from '@jest/globals';

describe('workspace', () => {
  it('should run a unit test when jest starts', () => {
    expect(1 + 1).toBe(2);
  });
});
