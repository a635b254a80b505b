import { IMAGE_FORMATS } from '@careloom/forms';
import type { FieldRef, FormDocument } from './form-schema.types.js';
import { fieldSchema, fieldUi, isNode, kindOf, propertiesOf } from './form-schema.util.js';

/** Kinds that never hold one plain value per record (the dialect's lint refuses `x-indexed` on them). */
const NOT_INDEXABLE_KINDS = new Set(['section', 'table', 'checkboxes', 'signature', 'photo']);
const INDEXABLE_TYPES = new Set(['string', 'number', 'integer', 'boolean']);

/**
 * Whether a field can carry `x-indexed: true` (a database index so record lists filter and sort by it fast): one
 * scalar value per record — text, number, date, choice, yes/no, score — reached from the root through
 * `properties` (at the root or in a section), not a table column, not an object, list or image. Mirrors
 * `x-indexed-not-scalar` / `dialect-keyword-placement` of `@careloom/forms` lint, which stays the judge.
 */
export function canIndexField(doc: FormDocument, ref: FieldRef): boolean {
  const schema = fieldSchema(doc, ref);
  if (!schema) {
    return false;
  }
  if (ref.container !== null) {
    const holder = propertiesOf(doc.schema)[ref.container];
    if (!isNode(holder) || holder['type'] !== 'object') {
      return false;
    }
  }
  if (NOT_INDEXABLE_KINDS.has(kindOf(schema, fieldUi(doc, ref)))) {
    return false;
  }
  const types: unknown[] = Array.isArray(schema['type']) ? schema['type'] : [schema['type']];
  const scalar = types.filter((type) => type !== 'null');
  const format = schema['format'];
  return (
    scalar.length === 1 &&
    INDEXABLE_TYPES.has(String(scalar[0])) &&
    !(typeof format === 'string' && IMAGE_FORMATS.includes(format))
  );
}
