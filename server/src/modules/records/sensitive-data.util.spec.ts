import { describe, expect, it } from '@jest/globals';
import { maskPatch, restoreMaskedValues } from './sensitive-data.util.js';

const schema = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    idNumber: { type: 'string', 'x-sensitive': true },
    contact: { type: 'object', properties: { phone: { type: 'string', 'x-sensitive': true } } },
  },
};

describe(restoreMaskedValues.name, () => {
  it('should keep the stored value when the client sends back the masked text', () => {
    // given a stored record and an edit made on its masked view
    const stored = { name: '王秀英', idNumber: '11010519491231002X', contact: { phone: '13812345678' } };
    const submitted = {
      name: '王秀英（改）',
      idNumber: '110***********002X',
      contact: { phone: '138****5678' },
    };

    // when the submission is restored
    const restored = restoreMaskedValues(schema, ['/idNumber', '/contact/phone'], stored, submitted);

    // then the real values are back and the real edit stays
    expect(restored).toEqual({
      name: '王秀英（改）',
      idNumber: '11010519491231002X',
      contact: { phone: '13812345678' },
    });
  });

  it('should take a new value when the client typed one', () => {
    const stored = { idNumber: '11010519491231002X' };
    const submitted = { idNumber: '110105194912310038' };
    expect(restoreMaskedValues(schema, ['/idNumber'], stored, submitted)).toEqual(submitted);
  });
});

describe(maskPatch.name, () => {
  it('should hide values of sensitive fields and keep the rest', () => {
    expect(
      maskPatch(
        [
          { op: 'replace', path: '/idNumber', value: '11010519491231002X' },
          { op: 'add', path: '/items/0/phone', value: '13812345678' },
          { op: 'replace', path: '/name', value: '王' },
          { op: 'remove', path: '/idNumber' },
        ],
        ['/idNumber', '/items/*/phone'],
      ),
    ).toEqual([
      { op: 'replace', path: '/idNumber', value: '***' },
      { op: 'add', path: '/items/0/phone', value: '***' },
      { op: 'replace', path: '/name', value: '王' },
      { op: 'remove', path: '/idNumber' },
    ]);
  });
});
