import { describe, expect, it } from '@jest/globals';
import { filterableFields } from './record-fields.util.js';

describe(filterableFields.name, () => {
  it('should list scalar fields with their types, nested objects as dot paths, and skip arrays', () => {
    // given an archive-like schema
    const schema = {
      type: 'object',
      properties: {
        name: { type: 'string' },
        birthDate: { type: 'string', format: 'date' },
        visitAt: { type: 'string', format: 'date-time' },
        score: { type: ['integer', 'null'] },
        dementia: { type: 'boolean' },
        contact: { type: 'object', properties: { phone: { type: 'string' } } },
        allergies: { type: 'array', items: { type: 'string' } },
      },
    };

    // when its filterable fields are derived
    const fields = filterableFields(schema);

    // then
    expect(fields).toEqual({
      name: 'string',
      birthDate: 'date',
      visitAt: 'date-time',
      score: 'integer',
      dementia: 'boolean',
      'contact.phone': 'string',
    });
  });
});
