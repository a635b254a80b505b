import { describe, expect, it } from '@jest/globals';
import { TimeAtSend } from './time-at-send.js';

describe(TimeAtSend.name, () => {
  it('should read the clock when pg asks for the parameter (toPostgres), once', () => {
    // given a clock that the test moves, and a stamp made at 10:00
    let now = new Date('2026-11-29T10:00:00.000Z');
    const stamp = new TimeAtSend(() => now, now);

    // when the statement goes out at 10:00:00.250 and the clock moves on afterwards
    now = new Date('2026-11-29T10:00:00.250Z');
    const sent = stamp.toPostgres();
    now = new Date('2026-11-29T10:00:01.000Z');

    // then the parameter and the value are the reading at send time
    expect(sent.toISOString()).toBe('2026-11-29T10:00:00.250Z');
    expect(stamp.value.toISOString()).toBe('2026-11-29T10:00:00.250Z');
  });

  it('should keep the earliest time when the clock reads earlier (a wall clock set back)', () => {
    const earliest = new Date('2026-11-29T10:00:00.000Z');
    const stamp = new TimeAtSend(() => new Date('2026-11-29T09:59:59.000Z'), earliest);
    expect(stamp.value).toBe(earliest);
  });
});
