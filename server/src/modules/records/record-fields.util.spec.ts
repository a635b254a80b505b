import { describe, expect, it } from '@jest/globals';
import { exportColumns, filterableFields } from './record-fields.util.js';

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

describe(exportColumns.name, () => {
  it('should mark signature and photo columns so their images are not written into cells', () => {
    const columns = exportColumns(
      {
        properties: {
          note: { type: 'string', title: '备注' },
          signature: { type: 'string', format: 'signature', title: '家属签名' },
          wound: {
            type: 'object',
            title: '伤口',
            properties: { photo: { type: 'string', format: 'photo' } },
          },
        },
      },
      'zh-CN',
    );
    expect(columns).toEqual([
      { path: ['note'], label: '备注' },
      { path: ['signature'], label: '家属签名', image: 'signature' },
      { path: ['wound', 'photo'], label: '伤口 / photo', image: 'photo' },
    ]);
  });
});
