import { describe, expect, it } from '@jest/globals';
import { checkLogic, collectVars, lintLogic } from './check.util.js';
import { LOGIC_OPERATIONS } from './logic.constants.js';

describe(checkLogic.name, () => {
  it('should return no issues when the expression is valid', () => {
    expect(checkLogic({ and: [{ '>': [{ var: 'a' }, 1] }, { age: [{ var: 'birth' }] }] })).toEqual([]);
  });

  it('should collect every static error with its path', () => {
    const issues = checkLogic({
      and: [
        { method: ['x', 'y'] },
        { frobnicate: [1] },
        { '>': [1] },
        { var: '__proto__.polluted' },
        { missing: ['ok', 'a..b'] },
        { sum: [{ var: 'items' }, 'x.constructor'] },
      ],
    });
    expect(issues.map((issue) => [issue.severity, issue.code, issue.path])).toEqual([
      ['error', 'forbidden-operation', '/and/0'],
      ['error', 'unknown-operation', '/and/1'],
      ['error', 'wrong-arity', '/and/2'],
      ['error', 'forbidden-path', '/and/3/var'],
      ['error', 'forbidden-path', '/and/4/missing/1'],
      ['error', 'forbidden-path', '/and/5/sum/1'],
    ]);
    expect(issues[1]?.messages).toEqual({
      'zh-CN': '未知的运算 "frobnicate"',
      en: 'Unknown operation "frobnicate"',
    });
    expect(issues[1]?.message).toBe('Unknown operation "frobnicate"');
  });

  it('should report depth and size limits', () => {
    let deep: unknown = 1;
    for (let index = 0; index < 40; index += 1) {
      deep = { '!': [deep] };
    }
    expect(checkLogic(deep).map((issue) => issue.code)).toEqual(['too-deep']);
    expect(checkLogic({ cat: Array.from({ length: 3000 }, () => 'x') }).map((issue) => issue.code)).toEqual([
      'too-large',
    ]);
  });

  it('should flag unknown fields when knownFields is given, ignoring per-item vars', () => {
    const logic = {
      and: [
        { '>': [{ var: 'vitals.glucose' }, 7] },
        { '>': [{ var: 'weight' }, 1] },
        { some: [{ var: 'readings' }, { '>': [{ var: 'fasting' }, 7] }] },
        { missing: ['name', 'phone'] },
      ],
    };
    const issues = checkLogic(logic, { knownFields: ['vitals', 'readings', 'name'] });
    expect(issues.map((issue) => [issue.code, issue.path, issue.message])).toEqual([
      ['unknown-field', '/and/1/>/0/var', 'Unknown field "weight"'],
      ['unknown-field', '/and/3/missing/1', 'Unknown field "phone"'],
    ]);
  });
});

describe(lintLogic.name, () => {
  it('should warn about coercing equality, multi-key objects and computed var paths', () => {
    const issues = lintLogic({
      or: [
        { '==': [{ var: 'a' }, 1] },
        { '!=': [{ var: 'b' }, 0] },
        { '===': [{ var: 'c' }, { if: true, then: 1 }] },
        { var: { cat: ['x', '.y'] } },
      ],
    });
    expect(issues.map((issue) => [issue.severity, issue.code, issue.path])).toEqual([
      ['warning', 'loose-equality', '/or/0'],
      ['warning', 'loose-equality', '/or/1'],
      ['warning', 'multi-key-object', '/or/2/===/1'],
      ['warning', 'dynamic-var-path', '/or/3/var'],
    ]);
    expect(issues[0]?.message).toContain('use "==="');
    expect(issues[1]?.messages['zh-CN']).toContain('"!=="');
  });

  it('should return nothing when the expression is clean', () => {
    expect(lintLogic({ '===': [{ var: 'a' }, 1] })).toEqual([]);
  });
});

describe(collectVars.name, () => {
  it('should list distinct literal root paths in order of appearance', () => {
    const logic = {
      if: [
        { '>': [{ var: 'vitals.glucose' }, 7] },
        { cat: [{ var: 'name' }, { var: ['vitals.glucose', 0] }] },
        { all: [{ var: 'readings' }, { '>': [{ var: 'fasting' }, 7] }] },
      ],
    };
    expect(collectVars(logic)).toEqual(['vitals.glucose', 'name', 'readings']);
    expect(collectVars({ missing_some: [1, ['a', 'b']] })).toEqual(['a', 'b']);
    expect(collectVars({ var: '' })).toEqual([]);
    expect(collectVars({ var: { cat: ['a', 'b'] } })).toEqual([]);
  });
});

describe('LOGIC_OPERATIONS', () => {
  it('should list standard and custom operations but not method or log', () => {
    expect(LOGIC_OPERATIONS).toEqual(
      expect.arrayContaining(['var', 'reduce', 'substr', 'age', 'consecutive', 'band']),
    );
    expect(LOGIC_OPERATIONS).not.toContain('method');
    expect(LOGIC_OPERATIONS).not.toContain('log');
  });
});
