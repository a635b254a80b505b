import { formFields, labelOf } from '@careloom/form-kit';
import type { Locale } from '@careloom/app-shell';

/**
 * The fields a JSON Patch touched, as pointers of the form's fields (the deepest field containing each
 * change: `/adl/total` belongs to the scale result `/adl`, `/allergies/2` to the array). Computed fields are left out when `withComputed` is false.
 */
export function changedFieldPointers(
  schema: object,
  diff: readonly { path: string }[],
  withComputed = false,
): string[] {
  const fields = formFields(schema).filter((field) => !field.pointer.includes('/*'));
  const found = new Set<string>();
  for (const { path } of diff) {
    const owner = fields
      .filter((field) => path === field.pointer || path.startsWith(`${field.pointer}/`))
      .sort((a, b) => b.pointer.length - a.pointer.length)[0];
    if (owner && (withComputed || !owner.computed)) {
      found.add(owner.pointer);
    }
  }
  return [...found];
}

/** Labels of the fields a revision changed, in the locale. */
export function changedFieldLabels(
  schema: object,
  diff: readonly { path: string }[],
  locale: Locale,
): string[] {
  const fields = formFields(schema);
  return changedFieldPointers(schema, diff).map((pointer) => {
    const field = fields.find((candidate) => candidate.pointer === pointer);
    return field ? (labelOf(field.schema, locale) ?? field.name) : pointer;
  });
}
