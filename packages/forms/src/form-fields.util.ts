import { isPlainObject, joinPointer, splitPointer, type JsonObject } from './json.util.js';

/** One property of the record, found by walking the schema from the root. */
export interface FormField {
  /** Data JSON pointer; '*' stands for any array index. */
  pointer: string;
  /** Segments of `pointer`. */
  segments: string[];
  /** JSON Logic var path ('emergencyContact.phone'). */
  varPath: string;
  /** Schema JSON pointer of the property schema. */
  schemaPath: string;
  schema: JsonObject;
  /** Data pointer of the parent object field ('' = the record). */
  parentPointer: string;
  name: string;
  /** Inside an array item: behaviour keywords are not supported there. */
  inArray: boolean;
  /** Reached through a $ref: behaviour keywords are not supported there. */
  viaRef: boolean;
}

/** The object at a JSON pointer inside `root`, with that pointer. */
export function resolvePointer(
  root: unknown,
  pointer: string,
): { schema: JsonObject; path: string } | undefined {
  let current: unknown = root;
  for (const segment of splitPointer(pointer)) {
    if (Array.isArray(current) && /^\d+$/.test(segment)) {
      current = (current as unknown[])[Number(segment)];
    } else if (isPlainObject(current) && Object.prototype.hasOwnProperty.call(current, segment)) {
      current = current[segment];
    } else {
      return undefined;
    }
  }
  return isPlainObject(current) ? { schema: current, path: pointer } : undefined;
}

/** Resolves a local '#' or '#/json/pointer' reference (URI-escaped); anchors and remote refs give undefined. */
export function resolveLocalRef(
  root: unknown,
  ref: string,
): { schema: JsonObject; path: string } | undefined {
  if (ref !== '#' && !ref.startsWith('#/')) {
    return undefined;
  }
  let pointer: string;
  try {
    pointer = decodeURIComponent(ref.slice(1));
  } catch {
    return undefined;
  }
  return resolvePointer(root, pointer);
}

interface SchemaView {
  schema: JsonObject;
  path: string;
  viaRef: boolean;
}

/** The schema plus the targets of its local $ref chain (cycle-safe). */
function views(root: unknown, schema: JsonObject, path: string, viaRef: boolean): SchemaView[] {
  const result: SchemaView[] = [{ schema, path, viaRef }];
  const seen = new Set<string>([path]);
  let current = schema;
  while (typeof current['$ref'] === 'string') {
    const target = resolveLocalRef(root, current['$ref']);
    if (target === undefined || seen.has(target.path)) {
      break;
    }
    seen.add(target.path);
    result.push({ schema: target.schema, path: target.path, viaRef: true });
    current = target.schema;
  }
  return result;
}

/**
 * Every property reachable from the root through `properties`, `items`, `prefixItems` and local `$ref`s,
 * parents before children. Stops at 32 levels and at recursive refs.
 */
export function collectFields(root: unknown): FormField[] {
  const fields: FormField[] = [];
  if (!isPlainObject(root)) {
    return fields;
  }
  const visit = (
    schema: JsonObject,
    schemaPath: string,
    parent: { pointer: string; segments: string[]; varPath: string; inArray: boolean; viaRef: boolean },
    activeRefs: ReadonlySet<string>,
    depth: number,
  ): void => {
    if (depth > 32) {
      return;
    }
    for (const view of views(root, schema, schemaPath, parent.viaRef)) {
      if (view.viaRef && activeRefs.has(view.path)) {
        continue;
      }
      const refs = view.viaRef ? new Set([...activeRefs, view.path]) : activeRefs;
      const properties = view.schema['properties'];
      if (isPlainObject(properties)) {
        for (const [name, child] of Object.entries(properties)) {
          if (!isPlainObject(child)) {
            continue;
          }
          const field: FormField = {
            pointer: joinPointer(parent.pointer, name),
            segments: [...parent.segments, name],
            varPath: parent.varPath === '' ? name : `${parent.varPath}.${name}`,
            schemaPath: joinPointer(view.path, 'properties', name),
            schema: child,
            parentPointer: parent.pointer,
            name,
            inArray: parent.inArray,
            viaRef: view.viaRef,
          };
          fields.push(field);
          visit(child, field.schemaPath, { ...field, viaRef: view.viaRef }, refs, depth + 1);
        }
      }
      const arrayChild = (itemSchema: unknown, itemPath: string): void => {
        if (isPlainObject(itemSchema)) {
          visit(
            itemSchema,
            itemPath,
            {
              pointer: joinPointer(parent.pointer, '*'),
              segments: [...parent.segments, '*'],
              varPath: `${parent.varPath}.*`,
              inArray: true,
              viaRef: view.viaRef,
            },
            refs,
            depth + 1,
          );
        }
      };
      arrayChild(view.schema['items'], joinPointer(view.path, 'items'));
      const prefixItems = view.schema['prefixItems'];
      if (Array.isArray(prefixItems)) {
        prefixItems.forEach((item: unknown, index) =>
          arrayChild(item, joinPointer(view.path, 'prefixItems', index)),
        );
      }
    }
  };
  visit(root, '', { pointer: '', segments: [], varPath: '', inArray: false, viaRef: false }, new Set(), 0);
  return fields;
}

/** The schema of the field at a concrete data pointer ('/contacts/0/phone'), if the walk finds it. */
export function findFieldSchema(fields: readonly FormField[], dataPointer: string): JsonObject | undefined {
  const segments = splitPointer(dataPointer);
  const match = fields.find(
    (field) =>
      field.segments.length === segments.length &&
      field.segments.every(
        (segment, index) =>
          segment === segments[index] || (segment === '*' && /^\d+$/.test(segments[index] ?? '')),
      ),
  );
  return match?.schema;
}
