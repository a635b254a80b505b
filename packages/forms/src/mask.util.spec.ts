import { describe, expect, it } from '@jest/globals';
import elderArchive from './fixtures/elder-archive.schema.json' with { type: 'json' };
import { maskSensitive } from './mask.util.js';

describe(maskSensitive.name, () => {
  it('should mask ID numbers and mobiles and leave other fields when the fields are x-sensitive', () => {
    // given
    const data = {
      name: '王秀英',
      idNumber: '11010519491231002X',
      phone: '13812345678',
      emergencyContact: { name: '王强', phone: '13900001111' },
    };
    // when
    const masked = maskSensitive(elderArchive, data);
    // then
    expect(masked).toEqual({
      name: '王秀英',
      idNumber: '110***********002X',
      phone: '138****5678',
      emergencyContact: { name: '王强', phone: '139****1111' },
    });
    expect(data.idNumber).toBe('11010519491231002X');
  });

  it('should mask other strings, scalars and objects completely', () => {
    // given
    const schema = {
      type: 'object',
      properties: {
        diagnosis: { type: 'string', 'x-sensitive': true },
        income: { type: 'number', 'x-sensitive': true },
        family: { type: 'object', 'x-sensitive': true, properties: { note: { type: 'string' } } },
        contacts: {
          type: 'array',
          items: {
            type: 'object',
            properties: { phone: { type: 'string', format: 'cn-mobile', 'x-sensitive': true } },
          },
        },
      },
    };
    // when
    const masked = maskSensitive(schema, {
      diagnosis: '阿尔茨海默病',
      income: 3000,
      family: { note: '独居', mobile: '13812345678' },
      contacts: [{ phone: '13700001234' }, { phone: '12' }],
    });
    // then
    expect(masked).toEqual({
      diagnosis: '***',
      income: '***',
      family: { note: '***', mobile: '138****5678' },
      contacts: [{ phone: '137****1234' }, { phone: '***' }],
    });
  });

  it('should keep absent and null sensitive values as they are', () => {
    expect(maskSensitive(elderArchive, { phone: null })).toEqual({ phone: null });
  });
});
