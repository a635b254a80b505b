import { describe, expect, it } from '@jest/globals';
import { mapConcurrently } from './concurrency.util.js';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(mapConcurrently.name, () => {
  it('should keep the items order and never run more than the limit at once', async () => {
    // given six jobs of different lengths and a limit of three
    let running = 0;
    let most = 0;
    const lengths = [30, 5, 20, 1, 10, 2];
    // when they run
    const results = await mapConcurrently(lengths, 3, async (ms, i) => {
      running += 1;
      most = Math.max(most, running);
      await tick(ms);
      running -= 1;
      return `${i}:${ms}`;
    });
    // then the answers are in the items' order and at most three ran together
    expect(results).toEqual(['0:30', '1:5', '2:20', '3:1', '4:10', '5:2']);
    expect(most).toBe(3);
  });

  it('should answer an empty list when there is nothing to do', async () => {
    // given no items, when mapped, then nothing runs
    await expect(mapConcurrently([], 3, () => Promise.reject(new Error('never')))).resolves.toEqual([]);
  });

  it('should reject when a job fails', async () => {
    // given a job that throws, when mapped, then the whole rejects with its error
    await expect(
      mapConcurrently([1, 2], 2, (n) => (n === 2 ? Promise.reject(new Error('boom')) : Promise.resolve(n))),
    ).rejects.toThrow('boom');
  });
});
