import fs from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { familyOf, initialFrailty } from './care-data.mjs';
import {
  contractData,
  currentTermStart,
  dailyLifeData,
  fallChance,
  fallData,
  monthlyFee,
  pressureInjuryChance,
  pressureInjuryData,
  termEnd,
  vitalBaseline,
  vitalSignsData,
} from './care-quality.mjs';
import { planComplaint } from './complaints.mjs';
import { portalMembers } from './family.mjs';
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

type JsonSchema = {
  type?: string;
  required?: string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean;
  items?: JsonSchema;
  oneOf?: { const: unknown }[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  format?: string;
};

/** The schema of a shipped template form. */
function templateSchema(bundle: string, form: string): JsonSchema {
  const file = new URL(`../../../../templates/${bundle}/forms/${form}.json`, import.meta.url);
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { schema: JsonSchema }).schema;
}

/** What in `value` breaks the (plain, dialect-free) parts of `schema` the generator must respect: types,
 * bounds, options, formats, required and unknown fields. */
function problems(schema: JsonSchema, value: unknown, at = ''): string[] {
  const out: string[] = [];
  const type = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  const expected = schema.type === 'integer' ? 'number' : schema.type;
  if (expected && type !== expected) {
    return [`${at}: ${type} is not ${schema.type}`];
  }
  if (schema.type === 'integer' && !Number.isInteger(value)) {
    out.push(`${at}: ${String(value)} is not an integer`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) {
      out.push(`${at}: ${value} < ${schema.minimum}`);
    }
    if (schema.maximum !== undefined && value > schema.maximum) {
      out.push(`${at}: ${value} > ${schema.maximum}`);
    }
  }
  if (typeof value === 'string') {
    if (schema.maxLength !== undefined && value.length > schema.maxLength) {
      out.push(`${at}: longer than ${schema.maxLength}`);
    }
    if (schema.format === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      out.push(`${at}: ${value} is not a date`);
    }
    if (schema.format === 'date-time' && Number.isNaN(Date.parse(value))) {
      out.push(`${at}: ${value} is not a date-time`);
    }
  }
  if (schema.oneOf && !schema.oneOf.some((option) => option.const === value)) {
    out.push(`${at}: ${JSON.stringify(value)} is not an option`);
  }
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, index) => out.push(...problems(schema.items!, item, `${at}/${index}`)));
  }
  if (schema.properties && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    for (const name of schema.required ?? []) {
      if (record[name] === undefined) {
        out.push(`${at}/${name}: missing`);
      }
    }
    for (const [name, item] of Object.entries(record)) {
      const property = schema.properties[name];
      if (!property) {
        out.push(`${at}/${name}: not in the form`);
      } else {
        out.push(...problems(property, item, `${at}/${name}`));
      }
    }
  }
  return out;
}

describe('care quality and daily care data', () => {
  const frailties = (random: Random, count: number): number[] =>
    Array.from({ length: count }, () => initialFrailty(random));

  it('should make 2–4 falls and 0.3–1 in-house pressure injuries per 1,000 resident-days', () => {
    // given 100,000 resident-days of residents as the demo admits them
    const random = new Random('rates');
    const days = frailties(random, 100_000);

    // when the daily chances are added up
    const falls = days.reduce((sum, frailty) => sum + fallChance(frailty), 0);
    const injuries = days.reduce((sum, frailty) => sum + pressureInjuryChance(frailty), 0);

    // then the expected rates per 1,000 resident-days are in the published ranges the brief names
    expect(falls / 100).toBeGreaterThanOrEqual(2);
    expect(falls / 100).toBeLessThanOrEqual(4);
    expect(injuries / 100).toBeGreaterThanOrEqual(0.3);
    expect(injuries / 100).toBeLessThanOrEqual(1);
  });

  it('should report falls the fall-incident form accepts, mostly without or with minor injury', () => {
    // given the form and 2,000 falls of residents of any frailty
    const schema = templateSchema('care-quality', 'fall-incident');
    const random = new Random('falls');
    const reports = frailties(random, 2_000).map(
      (frailty) =>
        fallData(random, frailty, Date.parse('2026-05-01T14:00:00Z'), '李静（A区护士）') as Record<
          string,
          unknown
        >,
    );

    // then each one fits the form, a serious injury always has a cause analysis, and ≥ 80 % are none/minor
    expect(reports.flatMap((report) => problems(schema, report))).toEqual([]);
    const serious = reports.filter((r) => r.injuryLevel === 'moderate' || r.injuryLevel === 'severe');
    expect(serious.every((r) => typeof r.causeAnalysis === 'string')).toBe(true);
    expect(serious.filter((r) => r.injuryLevel === 'severe').every((r) => r.hospitalTransfer)).toBe(true);
    expect(serious.length / reports.length).toBeLessThan(0.2);
    expect(serious.length).toBeGreaterThan(0);
  });

  it('should write contracts, pressure injuries, vital signs and daily life the forms accept', () => {
    // given the forms
    const random = new Random('forms');
    const contract = contractData({
      contractNo: 'HT202603010001',
      kind: 'new',
      startDate: '2026-03-01',
      fee: monthlyFee(random, 'level-2'),
    }) as Record<string, unknown>;

    // when the generator fills them for residents of any frailty
    const found = frailties(random, 300).flatMap((frailty) => [
      problems(
        templateSchema('care-quality', 'pressure-injury'),
        pressureInjuryData(random, frailty, '2026-05-02', 'in-house', null),
      ),
      problems(
        templateSchema('daily-care', 'vital-signs'),
        vitalSignsData(random, vitalBaseline(random, frailty), Date.parse('2026-05-02T00:30:00Z'), true),
      ),
      problems(
        templateSchema('daily-care', 'daily-life'),
        dailyLifeData(random, frailty, '2026-05-02', random.chance(0.2)),
      ),
    ]);

    // then nothing breaks a type, bound or option, and a contract runs for one year
    expect(found.flat()).toEqual([]);
    expect(problems(templateSchema('care-quality', 'residence-contract'), contract)).toEqual([]);
    expect(contract.endDate).toBe('2027-02-28');
  });

  it('should find the contract term running today from the admission date', () => {
    // given residents admitted years ago, yesterday a year ago and today
    // then the term running today starts on the latest anniversary
    expect(currentTermStart('2023-06-10', '2026-01-05')).toBe('2025-06-10');
    expect(currentTermStart('2025-01-04', '2026-01-04')).toBe('2026-01-04');
    expect(currentTermStart('2026-01-05', '2026-01-05')).toBe('2026-01-05');
    expect(termEnd('2025-06-10')).toBe('2026-06-09');
  });
});

describe('family logins', () => {
  it('should give each resident one or two family users named after the resident number', () => {
    // given residents with families of one to three members
    const random = new Random('family');
    const people = new People(random);
    const counts = Array.from({ length: 500 }, (_, index) => {
      const resident = { name: '王秀英', gender: 'female', family: [] as unknown[] };
      resident.family = familyOf(random, people, resident);
      // when the members with a portal login are chosen
      const members = portalMembers(random, resident, index + 1) as { username: string }[];
      // then the first is family.<number>.1
      expect(members[0]!.username).toBe(`family.${String(index + 1).padStart(4, '0')}.1`);
      return members.length;
    });

    // then every resident has one or two, both kinds common
    expect(counts.every((count) => count === 1 || count === 2)).toBe(true);
    expect(counts.filter((count) => count === 2).length).toBeGreaterThan(150);
    expect(counts.filter((count) => count === 1).length).toBeGreaterThan(150);
  });
});
