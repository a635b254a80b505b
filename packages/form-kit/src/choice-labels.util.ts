import type { Locale } from '@careloom/forms';
import { labelOf, type SchemaNode } from './form-fields.util.js';

const MAX_DEPTH = 32;

function isNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `const` options of a choice field (`oneOf` or `anyOf`), else none. */
function choiceOptions(node: SchemaNode): SchemaNode[] {
  const options = Array.isArray(node['oneOf'])
    ? node['oneOf']
    : Array.isArray(node['anyOf'])
      ? node['anyOf']
      : [];
  return options.filter((option): option is SchemaNode => isNode(option) && 'const' in option);
}

/** The label of one choice value in the reader's language (`x-labels[locale]`, else `title`), if the field has it. */
export function choiceLabel(field: SchemaNode, value: unknown, locale: Locale): string | undefined {
  const option = choiceOptions(field).find((candidate) => Object.is(candidate['const'], value));
  return option ? labelOf(option, locale) : undefined;
}

function localizeNode(node: SchemaNode, locale: Locale, depth: number): SchemaNode {
  if (depth > MAX_DEPTH) {
    return node;
  }
  let next: SchemaNode = node;
  const change = (key: string, value: unknown) => {
    if (next === node) {
      next = { ...node };
    }
    next[key] = value;
  };
  for (const key of ['oneOf', 'anyOf'] as const) {
    const options = node[key];
    if (!Array.isArray(options)) {
      continue;
    }
    let changed = false;
    const localized = options.map((option: unknown) => {
      if (!isNode(option) || !('const' in option)) {
        return option;
      }
      const label = labelOf(option, locale);
      if (label === undefined || label === option['title']) {
        return option;
      }
      changed = true;
      return { ...option, title: label };
    });
    if (changed) {
      change(key, localized);
    }
  }
  const properties = node['properties'];
  if (isNode(properties)) {
    let changed = false;
    const localized: SchemaNode = {};
    for (const [name, child] of Object.entries(properties)) {
      const after = isNode(child) ? localizeNode(child, locale, depth + 1) : child;
      changed ||= after !== child;
      localized[name] = after;
    }
    if (changed) {
      change('properties', localized);
    }
  }
  const items = node['items'];
  if (isNode(items)) {
    const after = localizeNode(items, locale, depth + 1);
    if (after !== items) {
      change('items', after);
    }
  }
  return next;
}

/**
 * The schema rjsf renders, with every choice option titled in the reader's language: rjsf labels `oneOf`/`anyOf`
 * options by their `title`, and the bundles keep the zh-CN text there with both languages in `x-labels`.
 * Only titles change, so validation is the same; an unchanged schema is returned as it is.
 */
export function localizeChoiceTitles<T extends object>(schema: T, locale: Locale): T {
  return isNode(schema) ? (localizeNode(schema, locale, 0) as T) : schema;
}
