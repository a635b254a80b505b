import { describe, expect, it } from '@jest/globals';
import { issuesByField, schemaPointer } from './field-issues.util.js';

describe(issuesByField.name, () => {
  it('should group lint findings and publish errors by field when paths point into fields', () => {
    // given a lint finding on a section field, a publish error and a form-level finding
    const grouped = issuesByField([
      { severity: 'error', message: 'a', path: '/properties/vitals/properties/pulse/maximum' },
      { severity: 'error', message: 'b', path: '/schema/properties/notes/x-visible-if/===/0' },
      { severity: 'warning', message: 'c', path: '' },
    ]);

    // then
    expect(grouped.get('vitals/pulse')?.map((i) => i.message)).toEqual(['a']);
    expect(grouped.get('/notes')?.map((i) => i.message)).toEqual(['b']);
    expect(grouped.get('')?.map((i) => i.message)).toEqual(['c']);
    expect(schemaPointer('/schema')).toBe('');
  });

  it('should put an x-indexed finding on the field it marks, a table column included', () => {
    // given lint refusing x-indexed on a photo and on a table column
    const grouped = issuesByField([
      {
        severity: 'error',
        message: 'photo',
        path: '/properties/photo/x-indexed',
        code: 'x-indexed-not-scalar',
      },
      {
        severity: 'error',
        message: 'column',
        path: '/properties/visits/items/properties/at/x-indexed',
        code: 'dialect-keyword-placement',
      },
    ]);

    // then each shows on its own field
    expect(grouped.get('/photo')?.map((i) => i.message)).toEqual(['photo']);
    expect(grouped.get('visits/at')?.map((i) => i.message)).toEqual(['column']);
  });
});
