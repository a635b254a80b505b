import { describe, expect, it } from '@jest/globals';
import elderArchive from './fixtures/elder-archive.schema.json' with { type: 'json' };
import { maskFields, maskSensitive, sensitiveFields } from './mask.util.js';

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

describe(maskFields.name, () => {
  const schema = {
    type: 'object',
    properties: {
      name: { type: 'string' },
      idNumber: { type: 'string', format: 'cn-id-number', 'x-sensitive': true },
      family: {
        type: 'object',
        'x-sensitive': true,
        properties: { phone: { type: 'string', format: 'cn-mobile', 'x-sensitive': true } },
      },
      contacts: {
        type: 'array',
        items: {
          type: 'object',
          properties: { phone: { type: 'string', format: 'cn-mobile', 'x-sensitive': true } },
        },
      },
      history: { type: 'object', properties: { events: { type: 'array' } } },
    },
  };

  it('should give what maskSensitive gives and share the unmasked members when fields are found once', () => {
    // given data with sensitive values at the top, below a sensitive parent and in array items
    const data = {
      name: '王秀英',
      idNumber: '11010519491231002X',
      family: { phone: '13812345678', note: '独居' },
      contacts: [{ phone: '13700001234', name: 'a' }, { phone: '12' }, 'not an object'],
      history: { events: [{ at: '2026-01-01' }] },
    };
    const before = JSON.stringify(data);

    // when it is masked with the fields found once
    const masked = maskFields(sensitiveFields(schema), data);

    // then the result equals maskSensitive's, shares what it left alone and the input is untouched
    expect(masked).toEqual(maskSensitive(schema, data));
    expect(masked['history']).toBe(data.history);
    expect(masked['contacts']).not.toBe(data.contacts);
    expect(JSON.stringify(data)).toBe(before);
  });

  it('should return the data itself when no field is sensitive or present', () => {
    // given data without the sensitive fields
    const data = { name: '王秀英', contacts: 'none' };

    // when it is masked
    const masked = maskFields(sensitiveFields(schema), data);

    // then nothing was copied
    expect(masked).toBe(data);
    expect(maskFields([], data)).toBe(data);
  });
});
