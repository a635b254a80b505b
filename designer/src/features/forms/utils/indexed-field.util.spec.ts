import { describe, expect, it } from '@jest/globals';
import { lintFormSchema } from '@careloom/forms';
import type { FieldRef, FormDocument } from './form-schema.types.js';
import { emptyDocument, insertFields, setKeyword } from './form-edit.util.js';
import { listFields } from './form-schema.util.js';
import { canIndexField } from './indexed-field.util.js';
import { hasFixedKeys, isBlock, newFieldsFor, PALETTE } from './palette.constants.js';

function add(doc: FormDocument, kind: Parameters<typeof newFieldsFor>[0], container: string | null = null) {
  const result = insertFields(doc, container, 99, newFieldsFor(kind), { fixedKeys: hasFixedKeys(kind) });
  if (result.type !== 'inserted') {
    throw new Error(`not inserted: ${result.type}`);
  }
  return result.doc;
}

/** The refs of every field the document holds (containers and their children). */
function refs(doc: FormDocument): FieldRef[] {
  return listFields(doc).flatMap((entry) => [entry.ref, ...entry.children.map((child) => child.ref)]);
}

const indexedErrors = (doc: FormDocument) =>
  lintFormSchema(doc.schema).filter(
    (issue) => issue.severity === 'error' && issue.path.endsWith('/x-indexed'),
  );

describe(canIndexField.name, () => {
  it.each(PALETTE.map((entry) => entry.kind))(
    'should offer the switch on a %s exactly when lint accepts x-indexed there (root, section, table)',
    (kind) => {
      // given the field at the root, in a section and (for plain fields) as a table column
      let doc = add(emptyDocument('索引'), kind);
      if (!isBlock(kind) && kind !== 'section' && kind !== 'table') {
        doc = add(add(doc, 'section'), kind, 'section');
        doc = add(add(doc, 'table'), kind, 'table');
      }
      for (const ref of refs(doc)) {
        // when it is marked x-indexed
        const marked = setKeyword(doc, ref, 'x-indexed', true);

        // then the designer offers the switch exactly where lint finds no x-indexed error
        expect({ ref, offered: canIndexField(doc, ref) }).toEqual({
          ref,
          offered: indexedErrors(marked).length === 0,
        });
      }
    },
  );

  it('should offer it on plain scalar fields and not on lists, images, sections or table columns', () => {
    // given a form with a number, a single choice, a multi choice, a photo, a section and a table with a column
    let doc = emptyDocument('索引');
    for (const kind of ['number', 'radio', 'checkboxes', 'photo', 'section', 'table'] as const) {
      doc = add(doc, kind);
    }
    doc = add(doc, 'date', 'table');
    const byKey = Object.fromEntries(
      refs(doc).map((ref) => [`${ref.container ?? ''}/${ref.key}`, canIndexField(doc, ref)]),
    );

    // then only the number and the single choice can be indexed
    expect(
      Object.entries(byKey)
        .filter(([, ok]) => ok)
        .map(([key]) => key),
    ).toEqual(['/number', '/choice']);
    expect(canIndexField(doc, { container: null, key: 'missing' })).toBe(false);
  });
});
