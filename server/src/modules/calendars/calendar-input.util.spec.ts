import { describe, expect, it } from '@jest/globals';
import { readCalendarYear, readCalendarYears } from './calendar-input.util.js';

describe(readCalendarYears.name, () => {
  it('should read years and sort their dates', () => {
    const read = readCalendarYears(
      { '2027': { holidays: ['2027-10-02', '2027-10-01'], workdays: [], source: 'notice' } },
      '/years',
    );
    expect(read).toEqual({
      years: {
        '2027': {
          holidays: ['2027-10-01', '2027-10-02'],
          workdays: [],
          provisional: false,
          source: 'notice',
        },
      },
      errors: [],
    });
  });

  it('should point at every malformed part', () => {
    const read = readCalendarYears({ next: {}, '2027': { holidays: 'x', workdays: [], extra: 1 } }, '/years');
    expect(read.errors.map((error) => error.path)).toEqual([
      '/years/2027/extra',
      '/years/2027/holidays',
      '/years/2027/source',
      '/years/next',
    ]);
    expect(readCalendarYear([], '').errors).toHaveLength(1);
  });
});
