import { describe, expect, it } from '@jest/globals';
import jsonLogic from 'json-logic-js';
import { evaluate } from './evaluate.util.js';

interface ConformanceCase {
  description: string;
  logic: unknown;
  data: unknown;
  result: unknown;
}

// Dynamic import with explicit attributes: the SWC transform drops attributes of static JSON imports.
const { default: conformance } = await import('./conformance/json-logic-tests.json', {
  with: { type: 'json' },
});
const cases = conformance as ConformanceCase[];

describe('JSON Logic conformance of evaluate()', () => {
  it('should have a substantial committed case list when the file is loaded', () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
  });

  it.each(cases.map((testCase) => [testCase.description, testCase] as const))(
    'should match the spec and json-logic-js when %s',
    (_description, { logic, data, result }) => {
      // given a standard expression; when evaluated; then it equals the spec's answer and json-logic-js
      const actual = evaluate(logic, data, { now: '2026-11-24T02:00:00Z' });
      expect(actual).toEqual(result);
      expect(actual).toEqual(jsonLogic.apply(logic, data));
    },
  );
});
