import type {
  FieldOption,
  FieldRef,
  FormDocument,
  Labels,
  NewField,
  SchemaNode,
  UiNode,
} from './form-schema.types.js';
import {
  cloneJson,
  fieldSchema,
  fieldUi,
  holderOf,
  isContainerKind,
  isNode,
  isRequired,
  kindOf,
  orderOf,
  propertiesOf,
  requiredOf,
  uiHolderOf,
  uiOptions,
  varPathOf,
} from './form-schema.util.js';

export const JSON_SCHEMA_2020 = 'https://json-schema.org/draft/2020-12/schema';

/** A new form: an empty object schema in the CareLoom dialect. */
export function emptyDocument(title: string): FormDocument {
  return {
    schema: { $schema: JSON_SCHEMA_2020, type: 'object', title, properties: {}, additionalProperties: false },
    uiSchema: {},
  };
}

export type KeyProblem = 'key-format' | 'key-taken' | 'key-reserved';

const KEY_FORMAT = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/** Why a key cannot name a field in the container (undefined when it can). */
export function keyProblem(
  doc: FormDocument,
  container: string | null,
  key: string,
  own?: string,
): KeyProblem | undefined {
  if (RESERVED.has(key)) {
    return 'key-reserved';
  }
  if (!KEY_FORMAT.test(key)) {
    return 'key-format';
  }
  const holder = holderOf(doc.schema, container);
  const taken = holder ? Object.keys(propertiesOf(holder)) : [];
  return key !== own && taken.includes(key) ? 'key-taken' : undefined;
}

/** `base`, else `base2`, `base3`… whichever is free. */
export function uniqueKey(taken: readonly string[], base: string): string {
  if (!taken.includes(base)) {
    return base;
  }
  let n = 2;
  while (taken.includes(`${base}${n}`)) {
    n += 1;
  }
  return `${base}${n}`;
}

function setRoot(doc: FormDocument, schema: SchemaNode, uiSchema: UiNode): FormDocument {
  return { schema, uiSchema };
}

/** Replaces a container's schema node. */
function withHolder(
  doc: FormDocument,
  container: string | null,
  update: (holder: SchemaNode) => SchemaNode,
): FormDocument {
  if (container === null) {
    return setRoot(doc, update(doc.schema), doc.uiSchema);
  }
  const properties = propertiesOf(doc.schema);
  const parent = properties[container];
  if (!isNode(parent)) {
    return doc;
  }
  const nextParent =
    parent['type'] === 'array' && isNode(parent['items'])
      ? { ...parent, items: update(parent['items']) }
      : update(parent);
  return setRoot(
    doc,
    { ...doc.schema, properties: { ...properties, [container]: nextParent } },
    doc.uiSchema,
  );
}

/** Replaces a container's uiSchema node. */
function withUiHolder(
  doc: FormDocument,
  container: string | null,
  update: (ui: UiNode) => UiNode,
): FormDocument {
  if (container === null) {
    return setRoot(doc, doc.schema, update(doc.uiSchema));
  }
  const entry = isNode(doc.uiSchema[container]) ? doc.uiSchema[container] : {};
  const parent = propertiesOf(doc.schema)[container];
  const isTable = isNode(parent) && parent['type'] === 'array';
  const next = isTable ? { ...entry, items: update(uiHolderOf(doc, container)) } : update(entry);
  return setRoot(doc, doc.schema, { ...doc.uiSchema, [container]: next });
}

function withoutEmpty(node: UiNode, key: string): UiNode {
  const value = node[key];
  if (isNode(value) && Object.keys(value).length === 0) {
    const { [key]: _removed, ...rest } = node;
    return rest;
  }
  return node;
}

/**
 * Puts a container's fields in `order`: `properties` rebuilt in that key order (kept by a server that keeps the
 * authored order) and `ui:order` (kept either way; `*` admits fields added in the JSON view).
 */
function writeOrder(doc: FormDocument, container: string | null, order: readonly string[]): FormDocument {
  const withSchema = withHolder(doc, container, (holder) => {
    const properties = propertiesOf(holder);
    const ordered = Object.fromEntries(
      [...order, ...Object.keys(properties).filter((name) => !order.includes(name))]
        .filter((name) => properties[name] !== undefined)
        .map((name) => [name, properties[name]]),
    );
    return { ...holder, properties: ordered };
  });
  return withUiHolder(withSchema, container, (ui) => {
    if (order.length === 0) {
      const { 'ui:order': _removed, ...rest } = ui;
      return rest;
    }
    return { ...ui, 'ui:order': [...order, '*'] };
  });
}

function writeRequired(holder: SchemaNode, required: readonly string[]): SchemaNode {
  if (required.length === 0) {
    const { required: _removed, ...rest } = holder;
    return rest;
  }
  return { ...holder, required: [...required] };
}

export type InsertResult =
  | { type: 'inserted'; doc: FormDocument; refs: FieldRef[] }
  | { type: 'conflict'; keys: string[] }
  | { type: 'refused'; reason: 'nested-container' | 'no-container' };

/**
 * Inserts fields into a container at `index` (of its display order). Keys are made unique, unless
 * `fixedKeys` (blocks whose fields refer to each other, like a scored scale): then a taken key is a conflict.
 */
export function insertFields(
  doc: FormDocument,
  container: string | null,
  index: number,
  fields: readonly NewField[],
  options: { fixedKeys?: boolean } = {},
): InsertResult {
  const holder = holderOf(doc.schema, container);
  if (!holder) {
    return { type: 'refused', reason: 'no-container' };
  }
  if (container !== null && fields.some((field) => isContainerKind(kindOf(field.schema, field.ui ?? {})))) {
    return { type: 'refused', reason: 'nested-container' };
  }
  const taken = Object.keys(propertiesOf(holder));
  if (options.fixedKeys) {
    const conflicts = fields.map((field) => field.key).filter((key) => taken.includes(key));
    if (conflicts.length > 0) {
      return { type: 'conflict', keys: conflicts };
    }
  }
  const keys: string[] = [];
  for (const field of fields) {
    keys.push(uniqueKey([...taken, ...keys], field.key));
  }
  const order = orderOf(doc, container);
  const at = Math.max(0, Math.min(index, order.length));
  let next = withHolder(doc, container, (current) => {
    const properties = { ...propertiesOf(current) };
    fields.forEach((field, i) => {
      properties[keys[i] ?? field.key] = field.schema;
    });
    const required = [
      ...requiredOf(current),
      ...fields.flatMap((field, i) => (field.required ? [keys[i] ?? field.key] : [])),
    ];
    return writeRequired({ ...current, properties }, required);
  });
  next = withUiHolder(next, container, (ui) => {
    const result = { ...ui };
    fields.forEach((field, i) => {
      if (field.ui && Object.keys(field.ui).length > 0) {
        result[keys[i] ?? field.key] = field.ui;
      }
    });
    return result;
  });
  next = writeOrder(next, container, [...order.slice(0, at), ...keys, ...order.slice(at)]);
  return { type: 'inserted', doc: next, refs: keys.map((key) => ({ container, key })) };
}

/** Removes a field (and its uiSchema entry and required flag). */
export function removeField(doc: FormDocument, ref: FieldRef): FormDocument {
  const order = orderOf(doc, ref.container).filter((name) => name !== ref.key);
  let next = withHolder(doc, ref.container, (holder) => {
    const { [ref.key]: _removed, ...properties } = propertiesOf(holder);
    return writeRequired(
      { ...holder, properties },
      requiredOf(holder).filter((name) => name !== ref.key),
    );
  });
  next = withUiHolder(next, ref.container, (ui) => {
    const { [ref.key]: _removed, ...rest } = ui;
    return rest;
  });
  return writeOrder(next, ref.container, order);
}

/** Maps every JSON Logic var path (and `missing` name) in the behaviour keywords of the schema. */
function mapLogicPaths(schema: SchemaNode, map: (path: string) => string): SchemaNode {
  const mapLogic = (logic: unknown): unknown => {
    if (Array.isArray(logic)) {
      return logic.map(mapLogic);
    }
    if (!isNode(logic)) {
      return logic;
    }
    const entries = Object.entries(logic);
    const [only] = entries;
    if (entries.length === 1 && only && only[0] === 'var') {
      const argument = only[1];
      if (typeof argument === 'string') {
        return { var: map(argument) };
      }
      if (Array.isArray(argument) && typeof argument[0] === 'string') {
        return { var: [map(argument[0]), ...argument.slice(1).map(mapLogic)] };
      }
    }
    if (entries.length === 1 && only && only[0] === 'missing' && Array.isArray(only[1])) {
      return { missing: only[1].map((name) => (typeof name === 'string' ? map(name) : mapLogic(name))) };
    }
    return Object.fromEntries(entries.map(([key, value]) => [key, mapLogic(value)]));
  };
  const walk = (node: SchemaNode): SchemaNode => {
    const result: SchemaNode = { ...node };
    for (const keyword of ['x-visible-if', 'x-required-if', 'x-compute']) {
      if (result[keyword] !== undefined) {
        result[keyword] = mapLogic(result[keyword]);
      }
    }
    if (isNode(result['properties'])) {
      result['properties'] = Object.fromEntries(
        Object.entries(result['properties']).map(([name, child]) => [
          name,
          isNode(child) ? walk(child) : child,
        ]),
      );
    }
    if (isNode(result['items'])) {
      result['items'] = walk(result['items']);
    }
    return result;
  };
  return walk(schema);
}

function renamePath(from: string, to: string): (path: string) => string {
  return (path) =>
    path === from ? to : path.startsWith(`${from}.`) ? `${to}${path.slice(from.length)}` : path;
}

/** Renames the sibling references of a scored scale (`items[].field`, `sections[].items`). */
function renameScaleItems(holder: SchemaNode, from: string, to: string): SchemaNode {
  const properties = Object.fromEntries(
    Object.entries(propertiesOf(holder)).map(([name, child]) => {
      const scale = isNode(child) ? child['x-scale'] : undefined;
      if (!isNode(child) || !isNode(scale)) {
        return [name, child];
      }
      const items = Array.isArray(scale['items'])
        ? scale['items'].map((item: unknown) =>
            isNode(item) && item['field'] === from ? { ...item, field: to } : item,
          )
        : scale['items'];
      const sections = Array.isArray(scale['sections'])
        ? scale['sections'].map((section: unknown) =>
            isNode(section) && Array.isArray(section['items'])
              ? { ...section, items: section['items'].map((item: unknown) => (item === from ? to : item)) }
              : section,
          )
        : scale['sections'];
      return [
        name,
        { ...child, 'x-scale': { ...scale, items, ...(sections !== undefined ? { sections } : {}) } },
      ];
    }),
  );
  return { ...holder, properties };
}

/** Renames a field's key: its place in the order, required, uiSchema entry, conditions and scales that read it. */
export function renameField(doc: FormDocument, ref: FieldRef, key: string): FormDocument {
  if (key === ref.key || keyProblem(doc, ref.container, key) !== undefined) {
    return doc;
  }
  const order = orderOf(doc, ref.container).map((name) => (name === ref.key ? key : name));
  let next = withHolder(doc, ref.container, (holder) => {
    const properties = Object.fromEntries(
      Object.entries(propertiesOf(holder)).map(([name, child]) => [name === ref.key ? key : name, child]),
    );
    const renamed = renameScaleItems({ ...holder, properties }, ref.key, key);
    return writeRequired(
      renamed,
      requiredOf(holder).map((name) => (name === ref.key ? key : name)),
    );
  });
  next = withUiHolder(next, ref.container, (ui) =>
    Object.fromEntries(Object.entries(ui).map(([name, entry]) => [name === ref.key ? key : name, entry])),
  );
  next = writeOrder(next, ref.container, order);
  const from = varPathOf(ref);
  const to = varPathOf({ container: ref.container, key });
  return { schema: mapLogicPaths(next.schema, renamePath(from, to)), uiSchema: next.uiSchema };
}

/**
 * Moves a field to `index` of a container's order (counted without the field). Moving between containers
 * rewrites the conditions that read it (`a` → `section.a`); sections and tables stay at the root.
 */
export function moveField(
  doc: FormDocument,
  ref: FieldRef,
  container: string | null,
  index: number,
): FormDocument {
  const schema = fieldSchema(doc, ref);
  if (!schema) {
    return doc;
  }
  if (container === ref.container) {
    const order = orderOf(doc, container).filter((name) => name !== ref.key);
    const at = Math.max(0, Math.min(index, order.length));
    return writeOrder(doc, container, [...order.slice(0, at), ref.key, ...order.slice(at)]);
  }
  if (container !== null && container === ref.key) {
    return doc;
  }
  const ui = fieldUi(doc, ref);
  const inserted = insertFields(removeField(doc, ref), container, index, [
    { key: ref.key, schema, ui, required: isRequired(doc, ref) },
  ]);
  if (inserted.type !== 'inserted') {
    return doc;
  }
  const target = inserted.refs[0] ?? { container, key: ref.key };
  return {
    schema: mapLogicPaths(inserted.doc.schema, renamePath(varPathOf(ref), varPathOf(target))),
    uiSchema: inserted.doc.uiSchema,
  };
}

/** Moves a field one place up (-1) or down (+1) within its container. */
export function shiftField(doc: FormDocument, ref: FieldRef, by: -1 | 1): FormDocument {
  const index = orderOf(doc, ref.container).indexOf(ref.key);
  return index < 0 ? doc : moveField(doc, ref, ref.container, index + by);
}

/** Copies a field right after itself, under a free key. */
export function duplicateField(doc: FormDocument, ref: FieldRef): { doc: FormDocument; ref: FieldRef } {
  const schema = fieldSchema(doc, ref);
  if (!schema) {
    return { doc, ref };
  }
  const index = orderOf(doc, ref.container).indexOf(ref.key);
  const result = insertFields(doc, ref.container, index + 1, [
    {
      key: `${ref.key}Copy`,
      schema: cloneJson(schema),
      ui: cloneJson(fieldUi(doc, ref)),
      required: isRequired(doc, ref),
    },
  ]);
  return result.type === 'inserted' && result.refs[0]
    ? { doc: result.doc, ref: result.refs[0] }
    : { doc, ref };
}

/** Replaces a field's schema node. */
export function updateField(
  doc: FormDocument,
  ref: FieldRef,
  update: (schema: SchemaNode) => SchemaNode,
): FormDocument {
  const schema = fieldSchema(doc, ref);
  if (!schema) {
    return doc;
  }
  return withHolder(doc, ref.container, (holder) => ({
    ...holder,
    properties: { ...propertiesOf(holder), [ref.key]: update(schema) },
  }));
}

/** Replaces a field's uiSchema entry (an empty one is dropped). */
export function updateUi(doc: FormDocument, ref: FieldRef, update: (ui: UiNode) => UiNode): FormDocument {
  const next = update(fieldUi(doc, ref));
  return withUiHolder(doc, ref.container, (ui) => withoutEmpty({ ...ui, [ref.key]: next }, ref.key));
}

/** Sets or removes a keyword (undefined removes it). */
export function withKeyword(schema: SchemaNode, keyword: string, value: unknown): SchemaNode {
  if (value === undefined) {
    const { [keyword]: _removed, ...rest } = schema;
    return rest;
  }
  return { ...schema, [keyword]: value };
}

export function setKeyword(doc: FormDocument, ref: FieldRef, keyword: string, value: unknown): FormDocument {
  return updateField(doc, ref, (schema) => withKeyword(schema, keyword, value));
}

export function setRequired(doc: FormDocument, ref: FieldRef, required: boolean): FormDocument {
  return withHolder(doc, ref.container, (holder) => {
    const current = requiredOf(holder).filter((name) => name !== ref.key);
    return writeRequired(holder, required ? [...current, ref.key] : current);
  });
}

/** Labels: `x-labels` and `title` (the zh-CN label, for tools that read plain JSON Schema). */
export function setLabels(doc: FormDocument, ref: FieldRef, labels: Labels): FormDocument {
  return updateField(doc, ref, (schema) => ({ ...schema, title: labels['zh-CN'], 'x-labels': labels }));
}

/** Help text (`x-help`); both empty removes it. */
export function setHelp(doc: FormDocument, ref: FieldRef, help: Labels): FormDocument {
  const empty = help['zh-CN'].trim() === '' && help.en.trim() === '';
  return setKeyword(doc, ref, 'x-help', empty ? undefined : help);
}

/**
 * Options of a choice field: `enum` (on the field, or on a multi-choice list's `items`, whose `maxItems`
 * follows the option count), the zh-CN labels as `ui:enumNames` (what rjsf shows) and both languages in
 * `ui:options.enumLabels`.
 */
export function setOptions(doc: FormDocument, ref: FieldRef, options: readonly FieldOption[]): FormDocument {
  const schema = fieldSchema(doc, ref);
  if (!schema) {
    return doc;
  }
  const values = options.map((option) => option.value);
  const isList = schema['type'] === 'array';
  let next = updateField(doc, ref, (node) => {
    if (isList) {
      const items = isNode(node['items']) ? node['items'] : { type: 'string' };
      return { ...node, items: { ...items, enum: values }, maxItems: Math.max(1, values.length) };
    }
    return { ...node, enum: values };
  });
  const names = Object.fromEntries(options.map((option) => [String(option.value), option.label['zh-CN']]));
  const labels = Object.fromEntries(options.map((option) => [String(option.value), option.label]));
  next = updateUi(next, ref, (ui) => {
    const holder = isList ? (isNode(ui['items']) ? ui['items'] : {}) : ui;
    const updated = {
      ...holder,
      'ui:enumNames': names,
      'ui:options': { ...uiOptions(holder), enumLabels: labels },
    };
    return isList ? { ...ui, items: updated } : updated;
  });
  return next;
}

/** Replaces the whole document when the JSON view's text is applied. */
export function replaceDocument(schema: SchemaNode, uiSchema: UiNode): FormDocument {
  return { schema, uiSchema };
}
