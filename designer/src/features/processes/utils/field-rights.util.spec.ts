import { describe, expect, it } from '@jest/globals';
import { readFieldRights, rightOf, rightsFields, withRight, writeFieldRights } from './field-rights.util.js';

const schema = {
  type: 'object',
  properties: {
    amount: { type: 'number', title: '金额', 'x-labels': { 'zh-CN': '金额', en: 'Amount' } },
    review: { type: 'object', title: '审核', properties: { 'a/b': { type: 'string' } } },
  },
};

describe('rightsFields', () => {
  it('should list fields parents first with labels in the locale and escaped pointers', () => {
    expect(rightsFields(schema, 'en')).toEqual([
      { pointer: '/amount', label: 'Amount', depth: 0 },
      { pointer: '/review', label: '审核', depth: 0 },
      { pointer: '/review/a~1b', label: 'a/b', depth: 1 },
    ]);
  });
});

describe('writeFieldRights', () => {
  it('should write only what differs from the default, names for top-level fields', () => {
    // given rights set in the panel
    let rights = readFieldRights('') ?? { default: 'editable', fields: {} };
    rights = withRight(rights, '/amount', 'readonly');
    rights = withRight(rights, '/review', 'hidden');
    rights = withRight(rights, '/review/a~1b', 'hidden');
    // then
    expect(writeFieldRights(rights)).toBe('{"amount":"readonly","review":"hidden"}');
    expect(rightOf(rights, '/review/a~1b')).toBe('hidden');
  });

  it('should write the default as * and drop the attribute when nothing is set', () => {
    expect(writeFieldRights({ default: 'readonly', fields: { '/amount': 'editable' } })).toBe(
      '{"*":"readonly","amount":"editable"}',
    );
    expect(writeFieldRights({ default: 'editable', fields: { '/amount': 'editable' } })).toBeUndefined();
  });

  it('should round-trip what it reads and refuse text that does not parse', () => {
    const text = '{"*":"hidden","/review/x":"required"}';
    const rights = readFieldRights(text);
    expect(rights).not.toBeNull();
    expect(writeFieldRights(rights!)).toBe(text);
    expect(readFieldRights('{nope')).toBeNull();
  });
});
