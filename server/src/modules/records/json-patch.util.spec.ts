import { describe, expect, it } from '@jest/globals';
import { diffJson } from './json-patch.util.js';

describe(diffJson.name, () => {
  it('should return no operations when the documents are equal', () => {
    expect(diffJson({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toEqual([]);
  });

  it('should add, remove and replace fields with escaped pointers when an object changes', () => {
    // given a record before and after an edit
    const before = { name: '王秀英', 'a/b': 1, score: { total: 60 }, gone: true };
    const after = { name: '王秀英', 'a/b': 2, score: { total: 65 }, 'x~y': 'new' };

    // when it is diffed
    const ops = diffJson(before, after);

    // then each change is one operation at its own pointer
    expect(ops).toEqual([
      { op: 'remove', path: '/gone' },
      { op: 'replace', path: '/a~1b', value: 2 },
      { op: 'replace', path: '/score/total', value: 65 },
      { op: 'add', path: '/x~0y', value: 'new' },
    ]);
  });

  it('should compare arrays item by item when the length is the same, else replace them', () => {
    expect(diffJson({ list: [1, 2, 3] }, { list: [1, 5, 3] })).toEqual([
      { op: 'replace', path: '/list/1', value: 5 },
    ]);
    expect(diffJson({ list: [1, 2] }, { list: [1, 2, 3] })).toEqual([
      { op: 'replace', path: '/list', value: [1, 2, 3] },
    ]);
  });

  it('should replace the whole document when its type changes', () => {
    expect(diffJson({ a: 1 }, [1])).toEqual([{ op: 'replace', path: '', value: [1] }]);
  });
});
