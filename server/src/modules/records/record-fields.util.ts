import type { FilterFieldType } from '@careloom/logic';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function fieldType(schema: Record<string, unknown>): FilterFieldType | null {
  const types: unknown[] = Array.isArray(schema.type) ? schema.type : [schema.type];
  const type = types.find((t) => t !== 'null');
  if (type === 'string') {
    return schema.format === 'date' ? 'date' : schema.format === 'date-time' ? 'date-time' : 'string';
  }
  if (type === 'number' || type === 'integer' || type === 'boolean') {
    return type;
  }
  return null;
}

/**
 * The fields a record list may filter and sort on: every scalar reached from the root through
 * `properties`, as dot paths (`vitals.glucose`), with the type its JSONB text is cast to.
 */
export function filterableFields(schema: object, prefix = '', depth = 0): Record<string, FilterFieldType> {
  const properties = (schema as { properties?: unknown }).properties;
  if (!isObject(properties) || depth > 8) {
    return {};
  }
  const fields: Record<string, FilterFieldType> = {};
  for (const [name, child] of Object.entries(properties)) {
    if (!isObject(child)) {
      continue;
    }
    const path = prefix ? `${prefix}.${name}` : name;
    const type = fieldType(child);
    if (type) {
      fields[path] = type;
    } else if (child.type === 'object') {
      Object.assign(fields, filterableFields(child, path, depth + 1));
    }
  }
  return fields;
}
