import { isDeepStrictEqual } from 'node:util';
import type { FieldError } from '../../common/errors/domain.errors.js';
import type { FieldRight, FieldRightsDefinition } from '../../process-runtime/process-model.util.js';

export type { FieldRight, FieldRightsDefinition };
/** Effective rights of one step: JSON pointer → right, for every field the rights decide. */
export type StepRights = Record<string, FieldRight>;
type Json = Record<string, unknown>;
type Locale = 'zh-CN' | 'en';

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const segmentsOf = (pointer: string): string[] =>
  pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));

const join = (parent: string, name: string): string =>
  `${parent}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;

const listedBelow = (rights: FieldRightsDefinition, pointer: string): boolean =>
  Object.keys(rights.fields).some((listed) => listed.startsWith(`${pointer}/`));

/**
 * Walks object members (`children` gives the members of a node) and decides each one's right: a listed pointer
 * decides its whole subtree; a member with listed fields below it is descended; any other takes the default.
 */
function resolve(
  root: unknown,
  children: (node: unknown) => [string, unknown][],
  rights: FieldRightsDefinition,
): StepRights {
  const result: StepRights = {};
  const visit = (node: unknown, parent: string, depth: number): void => {
    for (const [name, child] of children(node)) {
      const pointer = join(parent, name);
      const listed = rights.fields[pointer];
      if (listed !== undefined) {
        result[pointer] = listed;
      } else if (depth < 32 && listedBelow(rights, pointer) && children(child).length > 0) {
        visit(child, pointer, depth + 1);
      } else {
        result[pointer] = rights.default;
      }
    }
  };
  visit(root, '', 0);
  return result;
}

const schemaChildren = (schema: unknown): [string, unknown][] =>
  isObject(schema) && isObject(schema['properties']) ? Object.entries(schema['properties']) : [];

const dataChildren = (data: unknown): [string, unknown][] => (isObject(data) ? Object.entries(data) : []);

/** The rights of every field of the form (its `properties`, nested objects included) at this step. */
export function resolveStepRights(schema: unknown, rights: FieldRightsDefinition): StepRights {
  return resolve(schema, schemaChildren, rights);
}

/** Listed paths that are not fields of the form (only `properties` of objects are fields here). */
export function unknownFieldPaths(schema: unknown, rights: FieldRightsDefinition): string[] {
  return Object.keys(rights.fields).filter((pointer) => fieldSchemaAt(schema, pointer) === undefined);
}

/** The property schema at a data pointer, walking `properties` only. */
export function fieldSchemaAt(schema: unknown, pointer: string): Json | undefined {
  let current: unknown = schema;
  for (const segment of segmentsOf(pointer)) {
    const properties = isObject(current) ? current['properties'] : undefined;
    if (!isObject(properties) || !Object.prototype.hasOwnProperty.call(properties, segment)) {
      return undefined;
    }
    current = properties[segment];
  }
  return isObject(current) ? current : undefined;
}

function valueAt(data: unknown, pointer: string): unknown {
  let current: unknown = data;
  for (const segment of segmentsOf(pointer)) {
    if (!isObject(current) || !Object.prototype.hasOwnProperty.call(current, segment)) {
      return undefined;
    }
    current = current[segment];
  }
  return current;
}

/** Sets (or with `undefined` removes) the value at a pointer, creating parent objects for a value. */
function setAt(data: Json, pointer: string, value: unknown): void {
  const segments = segmentsOf(pointer);
  const last = segments.pop() ?? '';
  let current: Json = data;
  for (const segment of segments) {
    const next = current[segment];
    if (!isObject(next)) {
      if (value === undefined) {
        return;
      }
      current[segment] = {};
    }
    current = current[segment] as Json;
  }
  if (value === undefined) {
    delete current[last];
  } else {
    current[last] = value;
  }
}

const clone = <T>(value: T): T => structuredClone(value);

/** `data` without the fields the rights hide (decided on the data's own members, so `"*": "hidden"` hides all). */
export function withoutHidden<T extends Json | null>(data: T, rights: FieldRightsDefinition | null): T {
  if (data === null || rights === null) {
    return data;
  }
  const result = clone(data) as Json;
  for (const [pointer, right] of Object.entries(resolve(data, dataChildren, rights))) {
    if (right === 'hidden') {
      setAt(result, pointer, undefined);
    }
  }
  return result as T;
}

/** The members of `data` that are top-level fields of the form (a task's input holds every process variable). */
export function formFieldsOf(schema: unknown, data: Json): Json {
  const names = new Set(schemaChildren(schema).map(([name]) => name));
  return Object.fromEntries(Object.entries(data).filter(([name]) => names.has(name)));
}

/**
 * The form as this step shows it: hidden fields removed (from `properties`, `required`, the UI schema and its
 * `ui:order`), read-only ones `ui:readonly` (their own widget, disabled — schema `readOnly` would turn them into
 * form-kit's computed-value display), required-at-this-step ones added to `required`.
 */
export function schemaForStep(
  schema: Json,
  uiSchema: Json,
  rights: StepRights,
): { schema: Json; uiSchema: Json } {
  const nextSchema = clone(schema);
  const nextUi = clone(uiSchema);
  for (const [pointer, right] of Object.entries(rights)) {
    const segments = segmentsOf(pointer);
    const name = segments.pop() ?? '';
    const parentPointer = segments.map((s) => join('', s)).join('');
    const parent = parentPointer === '' ? nextSchema : fieldSchemaAt(nextSchema, parentPointer);
    const properties = parent?.['properties'];
    if (!parent || !isObject(properties) || !isObject(properties[name])) {
      continue;
    }
    let uiParent: unknown = nextUi;
    for (const segment of segments) {
      uiParent = isObject(uiParent) ? uiParent[segment] : undefined;
    }
    const required = Array.isArray(parent['required']) ? (parent['required'] as unknown[]) : [];
    switch (right) {
      case 'hidden': {
        delete properties[name];
        parent['required'] = required.filter((entry) => entry !== name);
        if (isObject(uiParent)) {
          delete uiParent[name];
          const order = uiParent['ui:order'];
          if (Array.isArray(order)) {
            uiParent['ui:order'] = order.filter((entry) => entry !== name);
          }
        }
        break;
      }
      case 'readonly': {
        const ui = ensureUiNode(nextUi, segments);
        ui[name] = { ...(isObject(ui[name]) ? ui[name] : {}), 'ui:readonly': true };
        break;
      }
      case 'required':
        parent['required'] = required.includes(name) ? required : [...required, name];
        break;
      case 'editable':
        break;
    }
  }
  return { schema: nextSchema, uiSchema: nextUi };
}

/** The UI schema node of an object field (created when the form's UI schema has none). */
function ensureUiNode(uiSchema: Json, segments: readonly string[]): Json {
  let current = uiSchema;
  for (const segment of segments) {
    if (!isObject(current[segment])) {
      current[segment] = {};
    }
    current = current[segment] as Json;
  }
  return current;
}

const MESSAGES = {
  readonly: {
    en: 'This field is read-only at this step and cannot be changed.',
    'zh-CN': '此字段在本环节为只读，不能修改。',
  },
  hidden: {
    en: 'This field is not part of this step and cannot be set.',
    'zh-CN': '此字段不属于本环节，不能填写。',
  },
  required: { en: 'Required at this step.', 'zh-CN': '本环节必填。' },
} as const;

const isEmpty = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

/**
 * Applies a step's rights to a submission: a hidden or read-only field that differs from its stored value is an
 * error (a crafted request); absent ones take their stored values, so the form validates the whole record; a
 * computed field (`x-compute`) is never compared (the server recomputes it). Required-at-this-step fields must
 * have a value. Errors point into the data.
 */
export function enforceStepRights(
  schema: unknown,
  rights: StepRights,
  submitted: Json,
  stored: Json,
  locale: Locale,
): { data: Json; errors: FieldError[] } {
  const data = clone(submitted);
  const errors: FieldError[] = [];
  for (const [pointer, right] of Object.entries(rights)) {
    if (right !== 'hidden' && right !== 'readonly') {
      continue;
    }
    const sent = valueAt(submitted, pointer);
    const kept = valueAt(stored, pointer);
    const field = fieldSchemaAt(schema, pointer);
    const computed = field?.['x-compute'] !== undefined;
    const untouchedDefault = kept === undefined && isDeepStrictEqual(sent, field?.['default']);
    if (sent !== undefined && !computed && !untouchedDefault && !isDeepStrictEqual(sent, kept)) {
      errors.push({ path: pointer, message: MESSAGES[right][locale] });
    }
    setAt(data, pointer, kept === undefined ? undefined : clone(kept));
  }
  for (const [pointer, right] of Object.entries(rights)) {
    if (right === 'required' && isEmpty(valueAt(data, pointer))) {
      errors.push({ path: pointer, message: MESSAGES.required[locale] });
    }
  }
  return { data, errors };
}

/** Only the protected fields are checked: a delegate's draft may be incomplete. */
export function enforceDraftRights(
  schema: unknown,
  rights: StepRights,
  submitted: Json,
  stored: Json,
  locale: Locale,
): { data: Json; errors: FieldError[] } {
  const result = enforceStepRights(schema, rights, submitted, stored, locale);
  const requiredPaths = new Set(
    Object.entries(rights)
      .filter(([, right]) => right === 'required')
      .map(([pointer]) => pointer),
  );
  return { data: result.data, errors: result.errors.filter((error) => !requiredPaths.has(error.path)) };
}
