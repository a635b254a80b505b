import { describe, expect, it } from '@jest/globals';
import conformanceCases from './conformance/json-schema-2020-12.json' with { type: 'json' };
import { compileForm } from './compile-form.util.js';

interface ConformanceTest {
  description: string;
  data: unknown;
  valid: boolean;
  errorPath?: string;
  errorKeyword?: string;
}

interface ConformanceCase {
  description: string;
  schema: object;
  tests: ConformanceTest[];
}

const cases = conformanceCases as ConformanceCase[];

describe('JSON Schema 2020-12 conformance of compileForm().validate', () => {
  it('should have a committed suite of at least 40 cases', () => {
    expect(cases.flatMap((group) => group.tests).length).toBeGreaterThanOrEqual(40);
  });

  describe.each(cases)('$description', ({ schema, tests }) => {
    const form = compileForm(schema);

    it.each(tests)('should judge "$description" valid=$valid', ({ data, valid, errorPath, errorKeyword }) => {
      // when
      const errors = form.validate(data);
      // then
      expect(errors.length === 0).toBe(valid);
      if (errorPath !== undefined) {
        expect(errors).toEqual(
          expect.arrayContaining([expect.objectContaining({ path: errorPath, keyword: errorKeyword })]),
        );
      }
    });
  });
});
