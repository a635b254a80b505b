import { collectVars } from '@careloom/logic';
import { collectFields, type FormField } from './form-fields.util.js';
import type { ScaleDefinition } from './forms.types.js';
import { isPlainObject } from './json.util.js';

export type ComputedField =
  | { type: 'compute'; field: FormField; logic: unknown; reads: string[] }
  | { type: 'scale'; field: FormField; scale: ScaleDefinition; reads: string[] };

/** What compileForm and lint need to know about a schema's fields. */
export interface FormModel {
  /** Every reachable field, parents first. */
  fields: FormField[];
  /** Fields where behaviour keywords are honoured: reached through `properties` only. */
  behaviourFields: FormField[];
  computed: ComputedField[];
  /** Var paths a logic expression may read. */
  knownFields: string[];
}

function safeVars(logic: unknown): string[] {
  try {
    return collectVars(logic);
  } catch {
    return [];
  }
}

function siblingPath(field: FormField, name: string): string {
  const parent = field.varPath.slice(0, field.varPath.length - field.name.length);
  return `${parent}${name}`;
}

/** The JSON Logic expressions of a scale: conditions of bands and section grades, override rules. */
function scaleConditions(scale: ScaleDefinition): unknown[] {
  const whens = (list: unknown): unknown[] =>
    Array.isArray(list)
      ? list.flatMap((entry: unknown) =>
          isPlainObject(entry) && entry['when'] !== undefined ? [entry['when']] : [],
        )
      : [];
  return [
    ...whens(scale.bands),
    ...(Array.isArray(scale.sections)
      ? scale.sections.flatMap((section: unknown) => (isPlainObject(section) ? whens(section['grades']) : []))
      : []),
    ...whens(scale.overrides),
  ];
}

/** Var paths a scale reads from the record: its item answers and the facts its conditions and rules use. */
export function scaleReads(field: FormField, scale: ScaleDefinition): string[] {
  const reads = Array.isArray(scale.items)
    ? scale.items
        .filter((item) => typeof item.field === 'string')
        .map((item) => siblingPath(field, item.field))
    : [];
  for (const when of scaleConditions(scale)) {
    for (const read of safeVars(when)) {
      if (read.startsWith('facts.')) {
        reads.push(read.slice('facts.'.length));
      } else if (read.startsWith('answers.')) {
        reads.push(siblingPath(field, read.slice('answers.'.length)));
      }
    }
  }
  return reads;
}

export function buildFormModel(schema: unknown): FormModel {
  const fields = collectFields(schema);
  const behaviourFields = fields.filter((field) => !field.inArray && !field.viaRef);
  const computed: ComputedField[] = [];
  for (const field of behaviourFields) {
    if (field.schema['x-compute'] !== undefined) {
      const logic = field.schema['x-compute'];
      computed.push({ type: 'compute', field, logic, reads: safeVars(logic) });
    } else if (isPlainObject(field.schema['x-scale'])) {
      const scale = field.schema['x-scale'] as unknown as ScaleDefinition;
      computed.push({ type: 'scale', field, scale, reads: scaleReads(field, scale) });
    }
  }
  const knownFields = [...new Set(fields.filter((field) => !field.inArray).map((field) => field.varPath))];
  return { fields, behaviourFields, computed, knownFields };
}
