import type { Labels, Locale, ScaleDefinition, ScaleOption } from '@careloom/forms';
import { pointerSegments, segmentsToPointer } from './pointer.util.js';

/** A JSON Schema node as CareForm reads it (the CareLoom dialect annotations included). */
export type SchemaNode = Record<string, unknown>;

/** One property reached from the root through `properties` (and array `items`). */
export interface FormFieldInfo {
  pointer: string;
  name: string;
  schema: SchemaNode;
  /** Computed by the server (`x-compute`, `x-scale` or `readOnly`): shown, never edited. */
  computed: boolean;
}

function isNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLabels(value: unknown): value is Labels {
  return isNode(value) && typeof value['zh-CN'] === 'string' && typeof value['en'] === 'string';
}

/** `x-labels[locale]`, else `title`, else undefined. */
export function labelOf(schema: SchemaNode, locale: Locale): string | undefined {
  const labels = schema['x-labels'];
  if (isLabels(labels)) {
    return labels[locale];
  }
  return typeof schema['title'] === 'string' ? schema['title'] : undefined;
}

/** `x-help[locale]`, else undefined. */
export function helpOf(schema: SchemaNode, locale: Locale): string | undefined {
  const help = schema['x-help'];
  return isLabels(help) ? help[locale] : undefined;
}

/** The sibling properties a JSON Logic expression reads (`{"var": "a.b"}` → `a`). */
function varsOf(logic: unknown, found: string[] = []): string[] {
  if (Array.isArray(logic)) {
    logic.forEach((part) => varsOf(part, found));
  } else if (isNode(logic)) {
    for (const [operator, argument] of Object.entries(logic)) {
      const path: unknown =
        operator === 'var' ? (Array.isArray(argument) ? argument[0] : argument) : undefined;
      if (typeof path === 'string') {
        found.push(path.split('.')[0] ?? path);
      } else {
        varsOf(argument, found);
      }
    }
  }
  return found;
}

/** Whether names are in PostgreSQL jsonb key order (shorter first, then bytewise): the authored order was lost. */
function looksJsonbOrdered(names: readonly string[]): boolean {
  return (
    names.length > 2 &&
    names.every((name, i) => {
      const previous = names[i - 1];
      return (
        previous === undefined ||
        previous.length < name.length ||
        (previous.length === name.length && previous < name)
      );
    })
  );
}

/**
 * The order to show an object's properties in. The authored order is kept, unless the keys come back in
 * PostgreSQL jsonb order (the server stores schemas as jsonb): then scale items come in the scale's order,
 * required fields in the `required` order, the rest after them, computed fields last, and a field shown only
 * under a condition right after the field the condition reads.
 */
export function orderedPropertyNames(node: SchemaNode): string[] {
  const properties = node['properties'];
  if (!isNode(properties)) {
    return [];
  }
  const names = Object.keys(properties);
  if (!looksJsonbOrdered(names)) {
    return names;
  }
  const child = (name: string): SchemaNode => (isNode(properties[name]) ? properties[name] : {});
  const isComputed = (name: string) =>
    child(name)['readOnly'] === true ||
    child(name)['x-compute'] !== undefined ||
    child(name)['x-scale'] !== undefined;
  const scaleItems = names.flatMap((name) => {
    const scale = child(name)['x-scale'];
    const items = isNode(scale) && Array.isArray(scale['items']) ? scale['items'] : [];
    return items.flatMap((item: unknown) =>
      isNode(item) && typeof item['field'] === 'string' ? [item['field']] : [],
    );
  });
  const required = Array.isArray(node['required'])
    ? node['required'].filter((n) => typeof n === 'string')
    : [];
  const ranked = [...new Set([...scaleItems, ...required, ...names])].filter((name) => names.includes(name));
  const ordered = [...ranked.filter((name) => !isComputed(name)), ...ranked.filter(isComputed)];
  for (const name of [...ordered]) {
    const anchor = varsOf(child(name)['x-visible-if']).find(
      (candidate) => candidate !== name && names.includes(candidate),
    );
    if (anchor !== undefined) {
      ordered.splice(ordered.indexOf(name), 1);
      ordered.splice(ordered.indexOf(anchor) + 1, 0, name);
    }
  }
  return ordered;
}

/** Every property of the form, parents before children. Array items are listed with `*` as index. */
export function formFields(schema: unknown): FormFieldInfo[] {
  const fields: FormFieldInfo[] = [];
  const walk = (node: SchemaNode, segments: string[], computedParent: boolean): void => {
    const properties = node['properties'];
    if (isNode(properties)) {
      for (const name of orderedPropertyNames(node)) {
        const child = properties[name];
        if (!isNode(child)) {
          continue;
        }
        const childSegments = [...segments, name];
        const computed =
          computedParent ||
          child['readOnly'] === true ||
          child['x-compute'] !== undefined ||
          child['x-scale'] !== undefined;
        fields.push({ pointer: segmentsToPointer(childSegments), name, schema: child, computed });
        walk(child, childSegments, computed);
      }
    }
    const items = node['items'];
    if (isNode(items)) {
      walk(items, [...segments, '*'], computedParent);
    }
  };
  if (isNode(schema)) {
    walk(schema, [], false);
  }
  return fields;
}

/** Fields whose value the server computes (`x-compute` / `x-scale`), outermost only. */
export function computedPointers(schema: unknown): string[] {
  return formFields(schema)
    .filter((field) => field.schema['x-compute'] !== undefined || field.schema['x-scale'] !== undefined)
    .map((field) => field.pointer)
    .filter((pointer) => !pointer.includes('/*'));
}

/** The scale item options answering each field: pointer of the answer field → options (from `x-scale`). */
export function scaleOptionsByField(schema: unknown): Map<string, ScaleOption[]> {
  const result = new Map<string, ScaleOption[]>();
  for (const field of formFields(schema)) {
    const scale = field.schema['x-scale'] as ScaleDefinition | undefined;
    if (!isNode(scale) || !Array.isArray(scale.items)) {
      continue;
    }
    const parent = pointerSegments(field.pointer).slice(0, -1);
    for (const item of scale.items) {
      if (isNode(item) && typeof item.field === 'string' && Array.isArray(item.options)) {
        result.set(segmentsToPointer([...parent, item.field]), item.options);
      }
    }
  }
  return result;
}
