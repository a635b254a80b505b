import { describe, expect, it } from '@jest/globals';
import type { FormDocument } from './form-schema.types.js';
import {
  emptyDocument,
  insertFields,
  moveField,
  removeField,
  setKeyword,
  setLabels,
  setRequired,
} from './form-edit.util.js';
import { newFieldsFor } from './palette.constants.js';
import { diffDocuments } from './version-diff.util.js';

function form(): FormDocument {
  let doc = emptyDocument('跌倒事件');
  for (const kind of ['text', 'yes-no', 'textarea', 'number'] as const) {
    const result = insertFields(doc, null, 99, newFieldsFor(kind));
    doc = result.type === 'inserted' ? result.doc : doc;
  }
  return setLabels(doc, { container: null, key: 'yesNo' }, { 'zh-CN': '是否受伤', en: 'Injured' });
}

describe(diffDocuments.name, () => {
  it('should list added, removed and changed fields readably when two versions differ', () => {
    // given version 1, and version 2 with text removed, notes required and conditional, a new date
    const before = form();
    let after = removeField(before, { container: null, key: 'text' });
    after = setRequired(after, { container: null, key: 'notes' }, true);
    after = setKeyword(after, { container: null, key: 'notes' }, 'x-visible-if', {
      '===': [{ var: 'yesNo' }, true],
    });
    after = setKeyword(after, { container: null, key: 'number' }, 'maximum', 10);
    const added = insertFields(after, null, 0, newFieldsFor('date'));
    after = added.type === 'inserted' ? added.doc : after;

    // when
    const changes = diffDocuments(before, after, 'zh-CN');

    // then
    expect(changes).toEqual([
      { type: 'added', path: 'date', label: '日期' },
      {
        type: 'changed',
        path: 'notes',
        label: '多行文本',
        changes: [
          { aspect: 'required', before: 'no', after: 'yes' },
          { aspect: 'visible-if', before: '', after: '「是否受伤」等于是' },
        ],
      },
      {
        type: 'changed',
        path: 'number',
        label: '数字',
        changes: [{ aspect: 'validation', before: '', after: 'maximum 10' }],
      },
      { type: 'removed', path: 'text', label: '单行文本' },
    ]);
  });

  it('should mark only the moved field when one field changed place', () => {
    const before = form();
    const after = moveField(before, { container: null, key: 'number' }, null, 0);
    expect(diffDocuments(before, after, 'en')).toEqual([
      {
        type: 'changed',
        path: 'number',
        label: 'Number',
        changes: [{ aspect: 'position', before: '', after: '' }],
      },
    ]);
  });

  it('should find nothing when the versions are the same', () => {
    expect(diffDocuments(form(), form(), 'en')).toEqual([]);
  });

  it('should name an indexed switch turned on as its own change', () => {
    // given version 2 marks the number x-indexed
    const before = form();
    const after = setKeyword(before, { container: null, key: 'number' }, 'x-indexed', true);

    // when / then the diff says "indexed: no → yes", not an unnamed "other" change
    expect(diffDocuments(before, after, 'en')).toEqual([
      {
        type: 'changed',
        path: 'number',
        label: 'Number',
        changes: [{ aspect: 'indexed', before: 'no', after: 'yes' }],
      },
    ]);
  });
});
