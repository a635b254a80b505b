import { describe, expect, it } from '@jest/globals';
import { compileForm, lintFormSchema } from '@careloom/forms';
import type { FormDocument } from './form-schema.types.js';
import {
  duplicateField,
  emptyDocument,
  insertFields,
  keyProblem,
  moveField,
  removeField,
  renameField,
  setLabels,
  setOptions,
  setRequired,
  shiftField,
} from './form-edit.util.js';
import {
  builderFields,
  fieldSchema,
  listFields,
  optionsOf,
  orderOf,
  refOfPointer,
} from './form-schema.util.js';
import { kindOf } from './form-schema.util.js';
import { hasFixedKeys, newFieldsFor, PALETTE } from './palette.constants.js';

function add(
  doc: FormDocument,
  kind: Parameters<typeof newFieldsFor>[0],
  container: string | null = null,
  index = 99,
): FormDocument {
  const result = insertFields(doc, container, index, newFieldsFor(kind), { fixedKeys: hasFixedKeys(kind) });
  if (result.type !== 'inserted') {
    throw new Error(`not inserted: ${result.type}`);
  }
  return result.doc;
}

const errorsOf = (doc: FormDocument) =>
  lintFormSchema(doc.schema).filter((issue) => issue.severity === 'error');

describe('palette fields', () => {
  it.each(PALETTE.map((entry) => entry.kind))(
    'should lint clean and compile when the form gets a %s',
    (kind) => {
      // given an empty form
      const doc = add(emptyDocument('测试'), kind);

      // then the server's own lint finds no error and the form compiles
      expect(errorsOf(doc)).toEqual([]);
      expect(() => compileForm(doc.schema)).not.toThrow();
      expect(listFields(doc).length).toBeGreaterThan(0);
    },
  );

  it.each(['signature', 'photo'] as const)(
    'should give a %s field its image format and know it again',
    (kind) => {
      const [field] = newFieldsFor(kind);
      expect(field?.schema).toMatchObject({ type: 'string', format: kind });
      expect(kindOf(field!.schema, field?.ui ?? {})).toBe(kind);
    },
  );

  it('should score the Morse block with the standard bands when answered', () => {
    // given a form with the Morse block
    const form = compileForm(add(emptyDocument('Morse'), 'morse').schema);

    // when all risk answers are the highest
    const result = form.process({
      fallHistory: 25,
      secondaryDiagnosis: 15,
      ambulatoryAid: 30,
      ivTherapy: 20,
      gait: 20,
      mentalStatus: 15,
    });

    // then the total is 125 and the level high; 24 is low, 25 medium
    expect(result.data['morseTotal']).toBe(125);
    expect(Object.values(result.scores)[0]?.level).toBe('high');
    const low = form.process({
      fallHistory: 0,
      secondaryDiagnosis: 15,
      ambulatoryAid: 0,
      ivTherapy: 0,
      gait: 0,
      mentalStatus: 0,
    });
    expect(Object.values(low.scores)[0]?.level).toBe('low');
    const medium = form.process({
      fallHistory: 25,
      secondaryDiagnosis: 0,
      ambulatoryAid: 0,
      ivTherapy: 0,
      gait: 0,
      mentalStatus: 0,
    });
    expect(Object.values(medium.scores)[0]?.level).toBe('medium');
  });

  it('should refuse a scale block when its keys are taken', () => {
    const doc = add(emptyDocument('x'), 'barthel');
    expect(insertFields(doc, null, 0, newFieldsFor('barthel'), { fixedKeys: true })).toEqual({
      type: 'conflict',
      keys: expect.arrayContaining(['feeding', 'adl', 'total']),
    });
  });
});

describe('insertFields', () => {
  it('should insert at the position and keep the order in properties and ui:order', () => {
    // given text, yes/no
    let doc = add(add(emptyDocument('x'), 'text'), 'yes-no');

    // when a number goes between them and a second text at the start
    doc = add(doc, 'number', null, 1);
    doc = add(doc, 'text', null, 0);

    // then
    expect(orderOf(doc, null)).toEqual(['text2', 'text', 'number', 'yesNo']);
    expect(Object.keys(doc.schema['properties'] as object)).toEqual(['text2', 'text', 'number', 'yesNo']);
    expect(doc.uiSchema['ui:order']).toEqual(['text2', 'text', 'number', 'yesNo', '*']);
  });

  it('should put fields into a table and refuse a section inside a section', () => {
    // given a form with a table and a section
    let doc = add(add(emptyDocument('x'), 'table'), 'section');

    // when a date goes into the table
    doc = add(doc, 'date', 'table', 0);

    // then the table's items hold it, and a section cannot nest
    expect(orderOf(doc, 'table')).toEqual(['date', 'item']);
    expect(listFields(doc)[0]?.children.map((child) => child.ref.key)).toEqual(['date', 'item']);
    expect(insertFields(doc, 'section', 0, newFieldsFor('section'))).toEqual({
      type: 'refused',
      reason: 'nested-container',
    });
    expect(errorsOf(doc)).toEqual([]);
  });
});

describe('move, shift, duplicate, remove', () => {
  const base = () => add(add(add(emptyDocument('x'), 'text'), 'yes-no'), 'textarea');

  it('should reorder when a field is moved or shifted', () => {
    let doc = moveField(base(), { container: null, key: 'notes' }, null, 0);
    expect(orderOf(doc, null)).toEqual(['notes', 'text', 'yesNo']);
    doc = shiftField(doc, { container: null, key: 'notes' }, 1);
    expect(orderOf(doc, null)).toEqual(['text', 'notes', 'yesNo']);
  });

  it('should rewrite conditions when a field moves into a section', () => {
    // given notes visible when yesNo is true, and a section
    let doc = add(base(), 'section');
    doc = { ...doc, schema: structuredClone(doc.schema) };
    (doc.schema['properties'] as Record<string, Record<string, unknown>>)['notes']!['x-visible-if'] = {
      '===': [{ var: 'yesNo' }, true],
    };

    // when yesNo moves into the section
    doc = moveField(doc, { container: null, key: 'yesNo' }, 'section', 0);

    // then the condition reads section.yesNo and the schema still lints clean
    expect(fieldSchema(doc, { container: null, key: 'notes' })?.['x-visible-if']).toEqual({
      '===': [{ var: 'section.yesNo' }, true],
    });
    expect(errorsOf(doc)).toEqual([]);
  });

  it('should copy a field after itself and remove it with its required flag', () => {
    let doc = setRequired(base(), { container: null, key: 'text' }, true);
    const copy = duplicateField(doc, { container: null, key: 'text' });
    expect(copy.ref).toEqual({ container: null, key: 'textCopy' });
    expect(orderOf(copy.doc, null)).toEqual(['text', 'textCopy', 'yesNo', 'notes']);
    expect(copy.doc.schema['required']).toEqual(['text', 'textCopy']);
    doc = removeField(copy.doc, { container: null, key: 'text' });
    expect(doc.schema['required']).toEqual(['textCopy']);
    expect(orderOf(doc, null)).toEqual(['textCopy', 'yesNo', 'notes']);
  });
});

describe('renameField and keyProblem', () => {
  it('should rename references in required, uiSchema and conditions', () => {
    // given yesNo required with a uiSchema entry, read by a condition
    let doc = add(emptyDocument('x'), 'radio');
    doc = add(doc, 'textarea');
    doc = setRequired(doc, { container: null, key: 'choice' }, true);
    doc = { ...doc, schema: structuredClone(doc.schema) };
    (doc.schema['properties'] as Record<string, Record<string, unknown>>)['notes']!['x-required-if'] = {
      in: [{ var: 'choice' }, ['option1']],
    };

    // when choice becomes place
    doc = renameField(doc, { container: null, key: 'choice' }, 'place');

    // then
    expect(orderOf(doc, null)).toEqual(['place', 'notes']);
    expect(doc.schema['required']).toEqual(['place']);
    expect(doc.uiSchema['place']).toBeDefined();
    expect(doc.uiSchema['choice']).toBeUndefined();
    expect(fieldSchema(doc, { container: null, key: 'notes' })?.['x-required-if']).toEqual({
      in: [{ var: 'place' }, ['option1']],
    });
  });

  it('should refuse a bad, reserved or taken key', () => {
    const doc = add(add(emptyDocument('x'), 'text'), 'number');
    expect(keyProblem(doc, null, '1abc')).toBe('key-format');
    expect(keyProblem(doc, null, 'constructor')).toBe('key-reserved');
    expect(keyProblem(doc, null, 'number')).toBe('key-taken');
    expect(keyProblem(doc, null, 'number', 'number')).toBeUndefined();
    expect(keyProblem(doc, null, 'place_2')).toBeUndefined();
  });
});

describe('labels and options', () => {
  it('should write x-labels, title and option labels that read back', () => {
    // given a multi-choice field
    let doc = add(emptyDocument('x'), 'checkboxes');
    const ref = { container: null, key: 'choices' };

    // when it gets labels and three options
    doc = setLabels(doc, ref, { 'zh-CN': '辅具', en: 'Aids' });
    doc = setOptions(doc, ref, [
      { value: 'cane', label: { 'zh-CN': '手杖', en: 'Cane' } },
      { value: 'walker', label: { 'zh-CN': '助行器', en: 'Walker' } },
      { value: 'wheelchair', label: { 'zh-CN': '轮椅', en: 'Wheelchair' } },
    ]);

    // then
    const schema = fieldSchema(doc, ref)!;
    expect(schema['title']).toBe('辅具');
    expect(schema['maxItems']).toBe(3);
    expect(
      optionsOf(schema, doc.uiSchema['choices'] as Record<string, unknown>).map((o) => o.label.en),
    ).toEqual(['Cane', 'Walker', 'Wheelchair']);
    expect(builderFields(doc)[0]).toMatchObject({ path: 'choices', kind: 'multi-choice' });
    expect(errorsOf(doc)).toEqual([]);
  });
});

describe(refOfPointer.name, () => {
  it('should find the field a lint path points into', () => {
    expect(refOfPointer('/properties/age/maximum')).toEqual({ container: null, key: 'age' });
    expect(refOfPointer('/properties/vitals/properties/pulse')).toEqual({
      container: 'vitals',
      key: 'pulse',
    });
    expect(refOfPointer('/properties/meds/items/properties/dose/maxLength')).toEqual({
      container: 'meds',
      key: 'dose',
    });
    expect(refOfPointer('/required/0')).toBeUndefined();
  });
});
