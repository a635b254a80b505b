import { describe, expect, it } from '@jest/globals';
import { createFormsAjv } from './ajv.util.js';

describe(createFormsAjv.name, () => {
  it('should validate ajv-formats and dialect formats when created', () => {
    // given
    const ajv = createFormsAjv();
    const validate = ajv.compile({
      type: 'object',
      properties: { d: { type: 'string', format: 'date' }, id: { type: 'string', format: 'cn-id-number' } },
      'x-section': 'a',
    });
    // when / then
    expect(validate({ d: '2024-02-29', id: '11010519491231002X' })).toBe(true);
    expect(validate({ d: '2023-02-29', id: '110105194912310029' })).toBe(false);
  });
});
