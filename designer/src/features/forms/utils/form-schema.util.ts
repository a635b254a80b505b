import type { BuilderField, BuilderFieldKind } from '../../../shared/logic-builder/logic-builder.types.js';
import type {
  FieldEntry,
  FieldKind,
  FieldOption,
  FieldRef,
  FormDocument,
  Labels,
  SchemaNode,
  UiNode,
} from './form-schema.types.js';

/** A deep copy of JSON data (plain objects of this realm, as @careloom/logic expects). */
export function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function isNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isLabels(value: unknown): value is Labels {
  return isNode(value) && typeof value['zh-CN'] === 'string' && typeof value['en'] === 'string';
}

/** The `properties` of a node (an empty object when absent). */
export function propertiesOf(node: SchemaNode): SchemaNode {
  const properties = node['properties'];
  return isNode(properties) ? properties : {};
}

/** The object node holding a container's fields: a section itself, a table's `items`. */
export function holderOf(schema: SchemaNode, container: string | null): SchemaNode | undefined {
  if (container === null) {
    return schema;
  }
  const node = propertiesOf(schema)[container];
  if (!isNode(node)) {
    return undefined;
  }
  if (node['type'] === 'array') {
    const items = node['items'];
    return isNode(items) && items['type'] === 'object' ? items : undefined;
  }
  return node['type'] === 'object' && node['x-scale'] === undefined ? node : undefined;
}

/** The uiSchema node of a container's fields (a table's `items`). */
export function uiHolderOf(doc: FormDocument, container: string | null): UiNode {
  if (container === null) {
    return doc.uiSchema;
  }
  const entry = doc.uiSchema[container];
  const node = isNode(entry) ? entry : {};
  const parent = propertiesOf(doc.schema)[container];
  if (isNode(parent) && parent['type'] === 'array') {
    const items = node['items'];
    return isNode(items) ? items : {};
  }
  return node;
}

/** A field's schema node. */
export function fieldSchema(doc: FormDocument, ref: FieldRef): SchemaNode | undefined {
  const holder = holderOf(doc.schema, ref.container);
  const node = holder ? propertiesOf(holder)[ref.key] : undefined;
  return isNode(node) ? node : undefined;
}

/** A field's uiSchema entry (empty when none). */
export function fieldUi(doc: FormDocument, ref: FieldRef): UiNode {
  const entry = uiHolderOf(doc, ref.container)[ref.key];
  return isNode(entry) ? entry : {};
}

export function uiOptions(ui: UiNode): UiNode {
  const options = ui['ui:options'];
  return isNode(options) ? options : {};
}

/** The designer's hint for kinds JSON Schema cannot tell apart (address, signature, photo). */
export function hintOf(ui: UiNode): string | undefined {
  const hint = uiOptions(ui)['hint'];
  return typeof hint === 'string' ? hint : undefined;
}

/** The kind of a field, from its schema and uiSchema entry. */
export function kindOf(schema: SchemaNode, ui: UiNode): FieldKind {
  const hint = hintOf(ui);
  if (hint === 'address' || hint === 'signature' || hint === 'photo') {
    return hint;
  }
  const type = schema['type'];
  if (schema['x-scale'] !== undefined) {
    return 'scale';
  }
  if (type === 'object') {
    return 'section';
  }
  if (type === 'array') {
    const items = schema['items'];
    if (isNode(items) && items['type'] === 'object') {
      return 'table';
    }
    return isNode(items) && Array.isArray(items['enum']) ? 'checkboxes' : 'other';
  }
  if (Array.isArray(schema['enum'])) {
    return ui['ui:widget'] === 'select' ? 'select' : 'radio';
  }
  if (type === 'boolean') {
    return 'yes-no';
  }
  if (type === 'integer' && schema['minimum'] === 1 && schema['maximum'] === 5 && hint === 'rating') {
    return 'rating';
  }
  if (type === 'number' || type === 'integer') {
    return 'number';
  }
  if (type === 'string') {
    switch (schema['format']) {
      case 'date':
        return 'date';
      case 'time':
      case 'local-time':
        return 'time';
      case 'cn-mobile':
        return 'phone';
      case 'cn-id-number':
        return 'id-number';
      case 'signature':
        return 'signature';
      case 'photo':
        return 'photo';
      default:
        return typeof schema['maxLength'] === 'number' && schema['maxLength'] >= 200 ? 'textarea' : 'text';
    }
  }
  return 'other';
}

/** The property names of a container in display order: `ui:order` (authored order) first, then the rest. */
export function orderOf(doc: FormDocument, container: string | null): string[] {
  const holder = holderOf(doc.schema, container);
  const names = holder ? Object.keys(propertiesOf(holder)) : [];
  const order = uiHolderOf(doc, container)['ui:order'];
  if (!Array.isArray(order)) {
    return names;
  }
  const listed = order.filter((name): name is string => typeof name === 'string' && names.includes(name));
  return [...new Set([...listed, ...names])];
}

function requiredOf(node: SchemaNode): string[] {
  const required = node['required'];
  return Array.isArray(required) ? required.filter((name): name is string => typeof name === 'string') : [];
}

export function isRequired(doc: FormDocument, ref: FieldRef): boolean {
  const holder = holderOf(doc.schema, ref.container);
  return holder ? requiredOf(holder).includes(ref.key) : false;
}

export { requiredOf };

/** Whether a field holds other fields (section or table). */
export function isContainerKind(kind: FieldKind): boolean {
  return kind === 'section' || kind === 'table';
}

/** Every field in display order, containers with their children. */
export function listFields(doc: FormDocument): FieldEntry[] {
  const entries = (container: string | null): FieldEntry[] =>
    orderOf(doc, container).flatMap((key) => {
      const ref = { container, key };
      const schema = fieldSchema(doc, ref);
      if (!schema) {
        return [];
      }
      const ui = fieldUi(doc, ref);
      const kind = kindOf(schema, ui);
      const children = container === null && isContainerKind(kind) ? entries(key) : [];
      return [{ ref, schema, ui, kind, required: isRequired(doc, ref), children }];
    });
  return entries(null);
}

/** Root fields and their children, flattened. */
export function flattenFields(entries: readonly FieldEntry[]): FieldEntry[] {
  return entries.flatMap((entry) => [entry, ...entry.children]);
}

export function sameRef(a: FieldRef | null | undefined, b: FieldRef | null | undefined): boolean {
  return !!a && !!b && a.container === b.container && a.key === b.key;
}

/** A field's label in the locale: `x-labels`, else `title`, else its key. */
export function labelOf(schema: SchemaNode, locale: keyof Labels, fallback: string): string {
  const labels = schema['x-labels'];
  if (isLabels(labels) && labels[locale] !== '') {
    return labels[locale];
  }
  return typeof schema['title'] === 'string' && schema['title'] !== '' ? schema['title'] : fallback;
}

export function labelsOf(schema: SchemaNode, fallback: string): Labels {
  return { 'zh-CN': labelOf(schema, 'zh-CN', fallback), en: labelOf(schema, 'en', fallback) };
}

/** The uiSchema node carrying a choice field's option labels (a multi-choice list's `items`). */
function optionUi(kind: FieldKind, ui: UiNode): UiNode {
  if (kind === 'checkboxes') {
    const items = ui['items'];
    return isNode(items) ? items : {};
  }
  return ui;
}

/** The enum node of a choice field (a multi-choice list's `items`). */
export function enumNode(schema: SchemaNode): SchemaNode | undefined {
  if (Array.isArray(schema['enum'])) {
    return schema;
  }
  const items = schema['items'];
  return isNode(items) && Array.isArray(items['enum']) ? items : undefined;
}

/** The options of a choice field with their labels (the value itself when no label was given). */
export function optionsOf(schema: SchemaNode, ui: UiNode): FieldOption[] {
  const node = enumNode(schema);
  if (!node) {
    return [];
  }
  const kind = kindOf(schema, ui);
  const holder = optionUi(kind, ui);
  const labels = uiOptions(holder)['enumLabels'];
  const names = holder['ui:enumNames'];
  return (node['enum'] as unknown[])
    .filter((value): value is string | number => typeof value === 'string' || typeof value === 'number')
    .map((value) => {
      const given = isNode(labels) ? labels[String(value)] : undefined;
      if (isLabels(given)) {
        return { value, label: given };
      }
      const name = isNode(names) ? names[String(value)] : undefined;
      const text = typeof name === 'string' ? name : String(value);
      return { value, label: { 'zh-CN': text, en: text } };
    });
}

const BUILDER_KINDS: Partial<Record<FieldKind, BuilderFieldKind>> = {
  number: 'number',
  rating: 'number',
  'yes-no': 'boolean',
  date: 'date',
  time: 'time',
  radio: 'choice',
  select: 'choice',
  checkboxes: 'multi-choice',
};

function builderKind(kind: FieldKind, schema: SchemaNode): BuilderFieldKind {
  const mapped = BUILDER_KINDS[kind];
  if (mapped !== undefined) {
    return mapped;
  }
  return schema['type'] === 'number' || schema['type'] === 'integer' ? 'number' : 'text';
}

/**
 * The fields a condition or computation may read (JSON Logic var paths from the root): root fields and
 * section fields (`section.field`); not tables (their rows are lists) nor scale results, and not `exclude`.
 */
export function builderFields(doc: FormDocument, exclude?: FieldRef): BuilderField[] {
  return flattenFields(listFields(doc)).flatMap((entry) => {
    const parentKind =
      entry.ref.container === null
        ? undefined
        : kindOf(fieldSchema(doc, { container: null, key: entry.ref.container }) ?? {}, {});
    if (
      isContainerKind(entry.kind) ||
      entry.kind === 'scale' ||
      parentKind === 'table' ||
      sameRef(entry.ref, exclude)
    ) {
      return [];
    }
    const options = optionsOf(entry.schema, entry.ui);
    return [
      {
        path: varPathOf(entry.ref),
        label: labelsOf(entry.schema, entry.ref.key),
        kind: builderKind(entry.kind, entry.schema),
        ...(options.length > 0 ? { options } : {}),
      },
    ];
  });
}

/** The JSON Logic var path of a field (`section.key` inside a section). */
export function varPathOf(ref: FieldRef): string {
  return ref.container === null ? ref.key : `${ref.container}.${ref.key}`;
}

/** The schema pointer of a field. */
export function pointerOf(doc: FormDocument, ref: FieldRef): string {
  if (ref.container === null) {
    return `/properties/${ref.key}`;
  }
  const parent = propertiesOf(doc.schema)[ref.container];
  const middle = isNode(parent) && parent['type'] === 'array' ? '/items' : '';
  return `/properties/${ref.container}${middle}/properties/${ref.key}`;
}

/**
 * The field a schema pointer (a lint finding's path) points into: `/properties/a/maximum` → `a`,
 * `/properties/s/properties/b` → `s.b`, `/properties/t/items/properties/c/…` → `t`'s column `c`.
 */
export function refOfPointer(pointer: string): FieldRef | undefined {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (segments[0] !== 'properties' || segments[1] === undefined) {
    return undefined;
  }
  const root = segments[1];
  const rest = segments.slice(2);
  const nested = rest[0] === 'items' ? rest.slice(1) : rest;
  if (nested[0] === 'properties' && nested[1] !== undefined) {
    return { container: root, key: nested[1] };
  }
  return { container: null, key: root };
}
