import { describe, expect, it } from '@jest/globals';
import {
  evaluate,
  evaluateExplained,
  evaluatePrepared,
  explainPrepared,
  prepareLogic,
  truthy,
} from './evaluate.util.js';
import { LogicError } from './logic.errors.js';
import type { EvaluateOptions, ExplanationNode } from './logic.types.js';

// 2026-11-24T17:00:00Z is 2026-11-25 01:00 in Asia/Shanghai.
const NOW = '2026-11-24T17:00:00Z';
const at = (now: string = NOW, extra: EvaluateOptions = {}): EvaluateOptions => ({ now, ...extra });

const caught = (run: () => unknown): LogicError => {
  try {
    run();
  } catch (error) {
    if (error instanceof LogicError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a LogicError');
};

describe(truthy.name, () => {
  it('should follow JSON Logic truthiness when given edge values', () => {
    expect([[], [0], '', '0', 0, null, {}].map(truthy)).toEqual([
      false,
      true,
      false,
      true,
      false,
      false,
      true,
    ]);
  });
});

describe('date operations', () => {
  it('should use the calendar date in Asia/Shanghai when now is late UTC evening', () => {
    expect(evaluate({ today: [] }, null, at())).toBe('2026-11-25');
    expect(evaluate({ today: [] }, null, at(NOW, { timeZone: 'UTC' }))).toBe('2026-11-24');
    expect(evaluate({ now: [] }, null, at())).toBe(NOW);
  });

  it('should count whole years when computing age', () => {
    expect(evaluate({ age: ['1940-11-25'] }, null, at())).toBe(86);
    expect(evaluate({ age: ['1940-11-26'] }, null, at())).toBe(85);
    expect(evaluate({ age: [{ var: 'birth' }] }, { birth: '1940-11-25' }, at(NOW, { timeZone: 'UTC' }))).toBe(
      85,
    );
  });

  it('should reach a Feb 29 birthday on Mar 1 when the year is not a leap year', () => {
    expect(evaluate({ age: ['2000-02-29'] }, null, at('2025-02-28T12:00:00+08:00'))).toBe(24);
    expect(evaluate({ age: ['2000-02-29'] }, null, at('2025-03-01T00:00:00+08:00'))).toBe(25);
    expect(evaluate({ age: ['2000-02-29'] }, null, at('2024-02-29T00:00:00+08:00'))).toBe(24);
  });

  it('should fail when the birth date is in the future or not a date', () => {
    expect(caught(() => evaluate({ age: ['2030-01-01'] }, null, at())).code).toBe('evaluation-failed');
    const error = caught(() => evaluate({ and: [true, { age: [{ var: 'b' }] }] }, { b: 'yesterday' }, at()));
    expect(error.code).toBe('evaluation-failed');
    expect(error.path).toBe('/and/1');
    expect(error.messages['zh-CN']).toContain('不是日期');
    expect(caught(() => evaluate({ age: [null] }, null, at())).code).toBe('evaluation-failed');
  });

  it('should count signed calendar days when computing days_between', () => {
    expect(evaluate({ days_between: ['2026-11-20', '2026-11-25'] }, null, at())).toBe(5);
    expect(evaluate({ days_between: ['2026-11-25', '2026-11-20'] }, null, at())).toBe(-5);
    expect(evaluate({ days_between: ['2024-02-28', '2024-03-01'] }, null, at())).toBe(2);
    // an instant is its calendar date in the zone: 17:00Z on the 24th is the 25th in Shanghai
    expect(evaluate({ days_between: ['2026-11-24T17:00:00Z', '2026-11-25'] }, null, at())).toBe(0);
    expect(evaluate({ days_between: [{ today: [] }, '2026-12-25'] }, null, at())).toBe(30);
  });

  it('should clamp to the month end when adding months', () => {
    expect(evaluate({ date_add: ['2026-01-31', 1, 'months'] }, null, at())).toBe('2026-02-28');
    expect(evaluate({ date_add: ['2024-01-31', 1, 'months'] }, null, at())).toBe('2024-02-29');
    expect(evaluate({ date_add: ['2026-03-31', -1, 'months'] }, null, at())).toBe('2026-02-28');
    expect(evaluate({ date_add: ['2024-02-29', 1, 'years'] }, null, at())).toBe('2025-02-28');
    expect(evaluate({ date_add: ['2026-12-30', 2, 'days'] }, null, at())).toBe('2027-01-01');
    expect(evaluate({ date_add: ['2026-11-25', -2, 'weeks'] }, null, at())).toBe('2026-11-11');
  });

  it('should return an instant when adding to an instant', () => {
    expect(evaluate({ date_add: ['2026-11-24T17:00:00Z', 3, 'hours'] }, null, at())).toBe(
      '2026-11-24T20:00:00.000Z',
    );
    expect(evaluate({ date_add: [{ now: [] }, 1, 'days'] }, null, at())).toBe('2026-11-25T17:00:00.000Z');
    expect(evaluate({ date_add: ['2026-01-31T08:00:00+08:00', 1, 'months'] }, null, at())).toBe(
      '2026-02-28T00:00:00.000Z',
    );
  });

  it('should fail when date_add gets hours on a date, an unknown unit or a fractional amount', () => {
    expect(caught(() => evaluate({ date_add: ['2026-11-24', 3, 'hours'] }, null, at())).code).toBe(
      'evaluation-failed',
    );
    expect(caught(() => evaluate({ date_add: ['2026-11-24', 3, 'fortnights'] }, null, at())).code).toBe(
      'evaluation-failed',
    );
    expect(caught(() => evaluate({ date_add: ['2026-11-24', 1.5, 'days'] }, null, at())).code).toBe(
      'evaluation-failed',
    );
    expect(caught(() => evaluate({ date_add: ['2026-02-30', 1, 'days'] }, null, at())).code).toBe(
      'evaluation-failed',
    );
  });

  it('should include today and the Nth day back when checking within_last', () => {
    // today in Shanghai is 2026-11-25
    expect(evaluate({ within_last: ['2026-11-25', 7] }, null, at())).toBe(true);
    expect(evaluate({ within_last: ['2026-11-18', 7] }, null, at())).toBe(true);
    expect(evaluate({ within_last: ['2026-11-17', 7] }, null, at())).toBe(false);
    expect(evaluate({ within_last: ['2026-11-26', 7] }, null, at())).toBe(false);
  });

  it('should compare instants with now when within_last gets a date-time', () => {
    expect(evaluate({ within_last: ['2026-11-17T17:00:00Z', 7] }, null, at())).toBe(true);
    expect(evaluate({ within_last: ['2026-11-17T16:59:59Z', 7] }, null, at())).toBe(false);
    expect(evaluate({ within_last: ['2026-11-24T17:00:01Z', 7] }, null, at())).toBe(false);
    expect(caught(() => evaluate({ within_last: ['2026-11-17', -1] }, null, at())).code).toBe(
      'evaluation-failed',
    );
  });

  it('should refuse a now option without an offset or an unknown time zone', () => {
    expect(caught(() => evaluate({ today: [] }, null, { now: '2026-11-24' })).code).toBe('invalid-argument');
    expect(caught(() => evaluate({ today: [] }, null, { now: NOW, timeZone: 'Mars/Olympus' })).code).toBe(
      'invalid-argument',
    );
  });

  it('should read the clock when now is absent', () => {
    expect(evaluate({ today: [] }, null)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('aggregate operations', () => {
  const data = {
    items: [{ score: 10 }, { score: 5 }, { score: null }, { other: 1 }, { score: '15' }],
    empty: [],
  };

  it('should aggregate item fields when given a path', () => {
    expect(evaluate({ count: [{ var: 'items' }] }, data, at())).toBe(5);
    expect(evaluate({ sum: [{ var: 'items' }, 'score'] }, data, at())).toBe(30);
    expect(evaluate({ avg: [{ var: 'items' }, 'score'] }, data, at())).toBe(10);
    expect(evaluate({ min_of: [{ var: 'items' }, 'score'] }, data, at())).toBe(5);
    expect(evaluate({ max_of: [{ var: 'items' }, 'score'] }, data, at())).toBe(15);
    expect(evaluate({ sum: [[1, 2, 3]] }, data, at())).toBe(6);
  });

  it('should give sum 0 and null otherwise when the array is empty', () => {
    expect(evaluate({ sum: [{ var: 'empty' }] }, data, at())).toBe(0);
    expect(evaluate({ avg: [{ var: 'empty' }] }, data, at())).toBeNull();
    expect(evaluate({ min_of: [{ var: 'empty' }] }, data, at())).toBeNull();
    expect(evaluate({ max_of: [{ var: 'empty' }] }, data, at())).toBeNull();
    expect(evaluate({ count: [{ var: 'empty' }] }, data, at())).toBe(0);
  });

  it('should fail when given a non-array or non-numeric values', () => {
    expect(caught(() => evaluate({ count: [{ var: 'missing' }] }, data, at())).code).toBe(
      'evaluation-failed',
    );
    expect(caught(() => evaluate({ sum: [['a']] }, data, at())).code).toBe('evaluation-failed');
    expect(caught(() => evaluate({ sum: [{ var: 'items' }, 'a..b'] }, data, at())).code).toBe(
      'forbidden-path',
    );
  });

  it('should pick the highest band whose minimum is reached when banding', () => {
    const barthel = [
      [0, '重度依赖'],
      [41, '中度依赖'],
      [61, '轻度依赖'],
      [100, '无需依赖'],
    ];
    expect(evaluate({ band: [{ var: 'score' }, barthel] }, { score: 60 }, at())).toBe('中度依赖');
    expect(evaluate({ band: [{ var: 'score' }, barthel] }, { score: 61 }, at())).toBe('轻度依赖');
    expect(evaluate({ band: [{ var: 'score' }, barthel] }, { score: 100 }, at())).toBe('无需依赖');
    expect(evaluate({ band: [-1, barthel] }, null, at())).toBeNull();
    expect(caught(() => evaluate({ band: [5, [[0]]] }, null, at())).code).toBe('evaluation-failed');
  });

  it('should compute a Barthel total with sum over the item scores', () => {
    const total = { '+': [{ var: 'feeding' }, { var: 'bathing' }, { var: 'grooming' }] };
    expect(evaluate(total, { feeding: 10, bathing: 5, grooming: 5 }, at())).toBe(20);
  });
});

describe('consecutive and the glucose rule', () => {
  const rule = { '>=': [{ consecutive: [{ var: 'readings' }, { '>': [{ var: 'fasting' }, 7.0] }] }, 3] };
  // newest first
  const day2 = {
    readings: [
      { date: '2026-11-24', fasting: 8.1 },
      { date: '2026-11-23', fasting: 7.4 },
      { date: '2026-11-22', fasting: 6.2 },
      { date: '2026-11-21', fasting: 7.9 },
    ],
  };
  const day3 = { readings: [{ date: '2026-11-25', fasting: 7.2 }, ...day2.readings] };

  it('should be false on day 2 and true on day 3 when readings stay above 7.0', () => {
    expect(evaluate(rule, day2, at())).toBe(false);
    expect(evaluate(rule, day3, at())).toBe(true);
    expect(
      evaluate({ consecutive: [{ var: 'readings' }, { '>': [{ var: 'fasting' }, 7.0] }] }, day3, at()),
    ).toBe(3);
  });

  it('should count zero when the newest item fails or the array is empty', () => {
    expect(evaluate({ consecutive: [[1, 9, 9], { '>': [{ var: '' }, 5] }] }, null, at())).toBe(0);
    expect(evaluate({ consecutive: [[], true] }, null, at())).toBe(0);
  });

  it('should explain which readings matched when evaluated with explanation', () => {
    const { result, explanation } = evaluateExplained(rule, day2, at());
    expect(result).toBe(false);
    expect(explanation.text).toBe('>=(2, 3) = false');
    const consecutive = explanation.children[0] as ExplanationNode;
    expect(consecutive.op).toBe('consecutive');
    expect(consecutive.path).toBe('/>=/0');
    expect(consecutive.result).toBe(2);
    const perItem = consecutive.children.filter((child) => child.item !== undefined);
    expect(perItem.map((child) => child.text)).toEqual([
      '[#0] >(8.1, 7) = true',
      '[#1] >(7.4, 7) = true',
      '[#2] >(6.2, 7) = false',
    ]);
    expect(perItem[2]?.path).toBe('/>=/0/consecutive/1');

    const day3Explained = evaluateExplained(rule, day3, at());
    expect(day3Explained.result).toBe(true);
    expect(day3Explained.explanation.text).toBe('>=(3, 3) = true');
  });

  it('should follow short-circuits when explaining and/or/if', () => {
    const { explanation } = evaluateExplained(
      { or: [{ '>': [{ var: 'a' }, 1] }, { '<': [{ var: 'a' }, 10] }, { var: 'never' }] },
      { a: 5 },
      at(),
    );
    expect(explanation.values).toEqual([true]);
    expect(explanation.children.map((child) => child.text)).toEqual(['>(5, 1) = true']);

    const ifExplained = evaluateExplained({ if: [{ var: 'x' }, 'yes', 'no'] }, { x: 0 }, at()).explanation;
    expect(ifExplained.values).toEqual([0, 'no']);
    expect(ifExplained.result).toBe('no');
  });

  it('should explain a literal expression as a value node', () => {
    const { result, explanation } = evaluateExplained([1, { var: 'a' }], { a: 2 }, at());
    expect(result).toEqual([1, 2]);
    expect(explanation.op).toBe('value');
    expect(explanation.children.map((child) => child.path)).toEqual(['/1']);
  });
});

describe(prepareLogic.name, () => {
  const rule = { '>=': [{ consecutive: [{ var: 'readings' }, { '>': [{ var: 'fasting' }, 7.0] }] }, 3] };
  const readings = (values: number[]) => ({ readings: values.map((fasting) => ({ fasting })) });

  it('should give what evaluate and evaluateExplained give when one prepared expression is reused', () => {
    // given an expression prepared once
    const prepared = prepareLogic(rule);

    // when it is evaluated and explained on several data
    const samples = [readings([8.1, 7.4, 6.2]), readings([7.2, 8.1, 7.4]), readings([])];
    const cases = samples.map((data) => {
      const result = evaluatePrepared(prepared, data, at());
      return { result, explanation: explainPrepared(prepared, data, result, at()) };
    });

    // then each result and explanation equals the unprepared ones
    expect(cases.map((c) => c.result)).toEqual([false, true, false]);
    expect(cases).toEqual(samples.map((data) => evaluateExplained(rule, data, at())));
    const literal = prepareLogic([1, { var: 'a' }]);
    const value = evaluatePrepared(literal, { a: 2 }, at());
    expect(explainPrepared(literal, { a: 2 }, value, at())).toEqual(
      evaluateExplained([1, { var: 'a' }], { a: 2 }, at()).explanation,
    );
  });

  it("should refuse an invalid expression with evaluate's error when it is prepared", () => {
    // given an expression with a forbidden operation
    const logic = { method: ['x', 'toString'] };

    // when it is prepared, and evaluated the old way
    const prepared = caught(() => prepareLogic(logic));
    const evaluated = caught(() => evaluate(logic, {}, at()));

    // then both errors are the same
    expect(prepared.code).toBe(evaluated.code);
    expect(prepared.message).toBe(evaluated.message);
  });
});

describe('hardening', () => {
  it('should refuse method and log before evaluation', () => {
    const method = caught(() => evaluate({ and: [true, { method: ['abc', 'toUpperCase'] }] }, null, at()));
    expect([method.code, method.path]).toEqual(['forbidden-operation', '/and/1']);
    const log = caught(() => evaluate({ log: 'x' }, null, at()));
    expect([log.code, log.path]).toEqual(['forbidden-operation', '']);
  });

  it('should refuse unknown operations and wrong arities with a path', () => {
    const unknown = caught(() => evaluate({ if: [{ hack: [] }, 1, 2] }, null, at()));
    expect([unknown.code, unknown.path]).toEqual(['unknown-operation', '/if/0']);
    const arity = caught(() => evaluate({ and: [{ '>': [1, 2, 3] }] }, null, at()));
    expect([arity.code, arity.path]).toEqual(['wrong-arity', '/and/0']);
    expect(arity.messages.en).toBe('Operation ">" takes 2 argument(s), got 3');
  });

  it('should refuse prototype paths when reading vars', () => {
    const proto = caught(() => evaluate({ and: [true, { '>': [{ var: '__proto__.x' }, 0] }] }, {}, at()));
    expect([proto.code, proto.path]).toEqual(['forbidden-path', '/and/1/>/0/var']);
    const ctor = caught(() => evaluate({ var: 'constructor' }, {}, at()));
    expect([ctor.code, ctor.path]).toEqual(['forbidden-path', '/var']);
    expect(caught(() => evaluate({ var: ['a.prototype', 1] }, {}, at())).path).toBe('/var/0');
    expect(caught(() => evaluate({ missing: ['ok', 'a..b'] }, {}, at())).path).toBe('/missing/1');
    expect(caught(() => evaluate({ missing_some: [1, ['constructor']] }, {}, at())).path).toBe(
      '/missing_some/1/0',
    );
  });

  it('should refuse computed prototype paths at evaluation time', () => {
    const computed = caught(() => evaluate({ var: { cat: ['__pro', 'to__'] } }, {}, at()));
    expect([computed.code, computed.path]).toEqual(['forbidden-path', '/var']);
    const keys = caught(() => evaluate({ missing: { merge: ['a', 'constructor'] } }, {}, at()));
    expect(keys.code).toBe('forbidden-path');
    expect(evaluate({ var: { cat: ['a', '.b'] } }, { a: { b: 1 } }, at())).toBe(1);
  });

  it('should refuse an expression nested 200 levels deep', () => {
    let logic: unknown = { var: 'x' };
    for (let index = 0; index < 200; index += 1) {
      logic = { '!': [logic] };
    }
    const error = caught(() => evaluate(logic, {}, at()));
    expect(error.code).toBe('too-deep');
    expect(error.path).toBe(`/${Array.from({ length: 32 }, () => '!/0').join('/')}`);
  });

  it('should refuse an expression of 50k nodes', () => {
    const logic = { '+': Array.from({ length: 50_000 }, (_, index) => index) };
    const error = caught(() => evaluate(logic, {}, at()));
    expect([error.code, error.path]).toEqual(['too-large', '/+/1999']);
  });

  it('should honour custom limits when given options', () => {
    expect(caught(() => evaluate({ '!': [{ '!': [true] }] }, null, at(NOW, { maxDepth: 2 }))).code).toBe(
      'too-deep',
    );
    expect(evaluate({ '+': [1, 2, 3] }, null, at(NOW, { maxNodes: 4 }))).toBe(6);
    expect(caught(() => evaluate({ '+': [1, 2, 3, 4] }, null, at(NOW, { maxNodes: 4 }))).code).toBe(
      'too-large',
    );
    expect(caught(() => evaluate(1, null, at(NOW, { maxNodes: 0 }))).code).toBe('invalid-argument');
  });

  it('should refuse huge data arrays when an operation iterates them', () => {
    const data = { items: Array.from({ length: 10_001 }, (_, index) => index) };
    const map = caught(() => evaluate({ and: [true, { map: [{ var: 'items' }, 1] }] }, data, at()));
    expect([map.code, map.path]).toEqual(['too-large', '/and/1']);
    for (const logic of [
      { filter: [{ var: 'items' }, true] },
      { reduce: [{ var: 'items' }, 1, 0] },
      { some: [{ var: 'items' }, true] },
      { count: [{ var: 'items' }] },
      { sum: [{ var: 'items' }] },
      { consecutive: [{ var: 'items' }, true] },
      { merge: [{ var: 'items' }] },
      { in: [1, { var: 'items' }] },
    ]) {
      expect(caught(() => evaluate(logic, data, at())).code).toBe('too-large');
    }
    expect(evaluate({ count: [{ var: 'items' }] }, data, at(NOW, { maxArrayLength: 20_000 }))).toBe(10_001);
  });

  it('should refuse non-JSON values in the expression', () => {
    expect(caught(() => evaluate({ '+': [1, new Date(0)] }, null, at())).code).toBe('invalid-argument');
  });

  it('should report evaluation-failed when a custom op is called outside evaluate', async () => {
    const { default: jsonLogic } = await import('json-logic-js');
    expect(() => jsonLogic.apply({ today: [] }, null)).toThrow(LogicError);
  });
});
