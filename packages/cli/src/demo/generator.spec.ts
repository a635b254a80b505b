import { describe, expect, it } from '@jest/globals';
import { planComplaint } from './complaints.mjs';
import { People, idCheckChar } from './people.mjs';
import { Random } from './random.mjs';
import { addMonths, at, dayStart, localDate } from './time.mjs';

describe(Random.name, () => {
  it('should repeat the same sequence when given the same seed', () => {
    // given two generators with one seed and one with another
    const a = new Random('home');
    const b = new Random('home');
    const c = new Random('other');

    // when each draws ten numbers
    const draw = (random: Random): number[] =>
      Array.from({ length: 10 }, () => random.int(0, 1_000_000) as number);

    // then the same seed gives the same numbers and another seed different ones
    const first = draw(a);
    expect(draw(b)).toEqual(first);
    expect(draw(c)).not.toEqual(first);
  });

  it('should follow the weights when picking', () => {
    // given a 70/20/10 split
    const random = new Random(1);
    const counts: Record<string, number> = { promoter: 0, passive: 0, detractor: 0 };

    // when drawing 10,000 times
    for (let i = 0; i < 10_000; i += 1) {
      const group = random.weighted([
        ['promoter', 70],
        ['passive', 20],
        ['detractor', 10],
      ]);
      counts[group] = (counts[group] ?? 0) + 1;
    }

    // then the shares are within a point and a half of the weights
    expect(Math.abs((counts.promoter ?? 0) / 100 - 70)).toBeLessThan(1.5);
    expect(Math.abs((counts.detractor ?? 0) / 100 - 10)).toBeLessThan(1.5);
  });
});

describe(People.name, () => {
  it('should make resident ID numbers with the birth date, the gender digit and a valid check character', () => {
    // given a woman born on 1941-03-08
    const people = new People(new Random('ids'));

    // when her ID number is made
    const id = people.idNumber('1941-03-08', 'female');

    // then it carries the date, an even sequence digit and the GB 11643 check character
    expect(id).toMatch(/^[1-9]\d{5}19410308\d{3}[\dX]$/);
    expect(Number(id.charAt(16)) % 2).toBe(0);
    expect(id.charAt(17)).toBe(idCheckChar(id.slice(0, 17)));
  });

  it('should compute the published example check character', () => {
    // given the first 17 digits of the GB 11643 example 11010519491231002X
    // then the check character is X
    expect(idCheckChar('11010519491231002')).toBe('X');
  });
});

describe('Shanghai wall-clock time', () => {
  it('should put 00:00 Shanghai at 16:00 UTC the day before and keep the local date', () => {
    // given an instant at 01:30 Shanghai on 2026-03-01 (17:30 UTC on 2026-02-28)
    const instant = Date.parse('2026-02-28T17:30:00Z');

    // when its day start and a 09:00 time that day are taken
    const start = dayStart(instant);

    // then they are Shanghai times
    expect(new Date(start).toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(localDate(instant)).toBe('2026-03-01');
    expect(new Date(at(start, 9)).toISOString()).toBe('2026-03-01T01:00:00.000Z');
  });

  it('should clamp month arithmetic to the end of a shorter month', () => {
    // given 31 January at noon Shanghai
    const jan31 = Date.parse('2026-01-31T04:00:00Z');

    // when one month is added, then it is 28 February at noon
    expect(new Date(addMonths(jan31, 1)).toISOString()).toBe('2026-02-28T04:00:00.000Z');
  });
});

describe('planComplaint', () => {
  it('should plan a reopen round exactly when the first callback score is 2 or less', () => {
    // given many planned complaints
    const random = new Random('complaints');
    const people = new People(random);
    const resident = {
      name: '王秀英',
      family: [{ name: '王丽', relationship: 'daughter', phone: '13800000000' }],
    };

    for (let i = 0; i < 500; i += 1) {
      // when a complaint is planned
      const plan = planComplaint(random, people, resident, Date.parse('2026-05-01T02:00:00Z'));

      // then an unhappy first callback (≤ 2, which reopens the work order) gets one more round, a satisfied one none
      const [first] = plan.rounds;
      expect(plan.rounds.length).toBe(first!.callback.satisfactionScore <= 2 ? 2 : 1);
      expect(plan.rounds[plan.rounds.length - 1]!.callback.satisfactionScore).toBeGreaterThanOrEqual(3);
    }
  });
});
