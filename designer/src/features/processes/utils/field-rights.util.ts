import { parseFieldRights, type FieldRight, type FieldRightsDefinition } from '@careloom/engine';

/** One field of a form a step can set a right on (nested objects' fields follow their parent). */
export interface RightsField {
  pointer: string;
  label: string;
  depth: number;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const escape = (name: string) => name.replace(/~/g, '~0').replace(/\//g, '~1');

function labelOf(name: string, schema: Json, locale: 'zh-CN' | 'en'): string {
  const labels = schema['x-labels'];
  if (isObject(labels) && typeof labels[locale] === 'string' && labels[locale] !== '') {
    return labels[locale];
  }
  return typeof schema['title'] === 'string' && schema['title'] !== '' ? schema['title'] : name;
}

/** The form's fields (its `properties`, nested objects' too, parents first) with labels in `locale`. */
export function rightsFields(schema: unknown, locale: 'zh-CN' | 'en'): RightsField[] {
  const fields: RightsField[] = [];
  const visit = (node: unknown, parent: string, depth: number) => {
    const properties = isObject(node) ? node['properties'] : undefined;
    if (!isObject(properties) || depth > 8) {
      return;
    }
    for (const [name, child] of Object.entries(properties)) {
      if (!isObject(child)) {
        continue;
      }
      const pointer = `${parent}/${escape(name)}`;
      fields.push({ pointer, label: labelOf(name, child, locale), depth });
      visit(child, pointer, depth + 1);
    }
  };
  visit(schema, '', 0);
  return fields;
}

/** `careloom:fieldRights` text → rights (empty: none set); null when the text does not parse. */
export function readFieldRights(text: string): FieldRightsDefinition | null {
  const parsed = parseFieldRights(text);
  return parsed.ok ? (parsed.value ?? { default: 'editable', fields: {} }) : null;
}

/** The right of one field: its own entry, else the nearest listed parent's, else the default. */
export function rightOf(rights: FieldRightsDefinition, pointer: string): FieldRight {
  let current = pointer;
  while (current !== '') {
    const own = rights.fields[current];
    if (own !== undefined) {
      return own;
    }
    current = current.slice(0, current.lastIndexOf('/'));
  }
  return rights.default;
}

/**
 * Rights → attribute text: only what differs from the default, `"*"` only when the default is not editable,
 * top-level fields by name and nested ones as pointers; undefined when nothing is set (the attribute goes).
 */
export function writeFieldRights(rights: FieldRightsDefinition): string | undefined {
  const entries: [string, FieldRight][] = [];
  if (rights.default !== 'editable') {
    entries.push(['*', rights.default]);
  }
  for (const [pointer, right] of Object.entries(rights.fields)) {
    const parent = pointer.slice(0, pointer.lastIndexOf('/'));
    const inherited = parent === '' ? rights.default : rightOf(rights, parent);
    if (right === inherited) {
      continue;
    }
    const name = pointer.slice(1);
    const topLevel = !name.includes('/') && !name.includes('~');
    entries.push([topLevel ? name : pointer, right]);
  }
  return entries.length === 0 ? undefined : JSON.stringify(Object.fromEntries(entries));
}

/** Sets one field's right (or the default with pointer `*`). */
export function withRight(
  rights: FieldRightsDefinition,
  pointer: string,
  right: FieldRight,
): FieldRightsDefinition {
  return pointer === '*'
    ? { ...rights, default: right }
    : { ...rights, fields: { ...rights.fields, [pointer]: right } };
}
