import { describe, expect, it } from '@jest/globals';
import {
  pointerMatches,
  pointerSegments,
  pointerToProperty,
  propertyToPointer,
  segmentsToPointer,
  stripPointerPrefix,
  valueAt,
  withValueAt,
} from './pointer.util.js';

describe('pointer.util', () => {
  it('should round-trip pointers with escaped segments', () => {
    // given a pointer with `/` and `~` inside keys
    const pointer = '/a~1b/c~0d/0';
    // when split and joined again
    const segments = pointerSegments(pointer);
    // then the keys are unescaped and the pointer is restored
    expect(segments).toEqual(['a/b', 'c~d', '0']);
    expect(segmentsToPointer(segments)).toBe(pointer);
    expect(pointerSegments('')).toEqual([]);
  });

  it('should map pointers to rjsf error properties and back', () => {
    expect(pointerToProperty('/emergencyContact/phone')).toBe('.emergencyContact.phone');
    expect(pointerToProperty('/allergies/2')).toBe('.allergies.2');
    expect(pointerToProperty('')).toBe('');
    expect(propertyToPointer('.emergencyContact.phone')).toBe('/emergencyContact/phone');
    expect(propertyToPointer('.allergies[2]')).toBe('/allergies/2');
    expect(propertyToPointer('')).toBe('');
  });

  it('should read and write values at pointers without mutating the input', () => {
    // given nested data
    const data = { contact: { phone: '13800138000' }, list: ['a'] };
    // when a nested value is written and another removed
    const written = withValueAt(data, '/contact/name', '李明');
    const removed = withValueAt(written, '/contact/phone', undefined);
    // then reads see the changes and the input is untouched
    expect(valueAt(written, '/contact/name')).toBe('李明');
    expect(valueAt(removed, '/contact/phone')).toBeUndefined();
    expect(valueAt(data, '/list/0')).toBe('a');
    expect(data.contact).toEqual({ phone: '13800138000' });
    expect(withValueAt({}, '/__proto__/x', 1)).toEqual({});
  });

  it('should strip the /data prefix of server error paths only', () => {
    expect(stripPointerPrefix('/data/idNumber')).toBe('/idNumber');
    expect(stripPointerPrefix('/data')).toBe('');
    expect(stripPointerPrefix('/dataset/x')).toBeUndefined();
    expect(stripPointerPrefix('/formKey')).toBeUndefined();
  });

  it('should match `*` against array indexes only', () => {
    expect(pointerMatches('/contacts/*/phone', '/contacts/3/phone')).toBe(true);
    expect(pointerMatches('/contacts/*/phone', '/contacts/x/phone')).toBe(false);
    expect(pointerMatches('/idNumber', '/idNumber')).toBe(true);
    expect(pointerMatches('/idNumber', '/phone')).toBe(false);
  });
});
