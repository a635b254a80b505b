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

/** `image`: a signature or photo field, exported as a word, not its data URL. */
export type ExportColumn = { path: string[]; label: string; image?: 'signature' | 'photo' };

function labelOf(schema: Record<string, unknown>, name: string, locale: 'zh-CN' | 'en'): string {
  const labels = schema['x-labels'];
  if (isObject(labels) && typeof labels[locale] === 'string') {
    return labels[locale];
  }
  return typeof schema.title === 'string' ? schema.title : name;
}

/**
 * One spreadsheet column per field in schema order: scalars and arrays (as JSON text) at their
 * path, nested objects flattened, labelled in the caller's language ("紧急联系人 / 电话").
 */
export function exportColumns(
  schema: object,
  locale: 'zh-CN' | 'en',
  prefix: ExportColumn = { path: [], label: '' },
  depth = 0,
): ExportColumn[] {
  const properties = (schema as { properties?: unknown }).properties;
  if (!isObject(properties) || depth > 8) {
    return [];
  }
  return Object.entries(properties).flatMap(([name, child]) => {
    if (!isObject(child)) {
      return [];
    }
    const column = {
      path: [...prefix.path, name],
      label: prefix.label
        ? `${prefix.label} / ${labelOf(child, name, locale)}`
        : labelOf(child, name, locale),
    };
    if (child.type === 'object' && isObject(child.properties)) {
      return exportColumns(child, locale, column, depth + 1);
    }
    return child.format === 'signature' || child.format === 'photo'
      ? [{ ...column, image: child.format }]
      : [column];
  });
}
