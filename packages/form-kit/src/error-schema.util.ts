import type { ErrorSchema } from '@rjsf/utils';
import { pointerSegments, segmentsToPointer, stripPointerPrefix } from './pointer.util.js';

/** A message about the field at a JSON pointer (the shape of problem+json `errors` and of FieldError). */
export interface PointerMessage {
  path: string;
  message: string;
}

type ErrorNode = { __errors?: string[] } & { [key: string]: ErrorNode | string[] | undefined };

/** rjsf's nested ErrorSchema from pointer messages; duplicates at one field are kept once. */
export function errorSchemaFrom(errors: readonly PointerMessage[]): ErrorSchema {
  const root: ErrorNode = {};
  for (const { path, message } of errors) {
    let node = root;
    for (const segment of pointerSegments(path)) {
      if (segment === '__errors' || segment === '__proto__') {
        break;
      }
      const next = Object.hasOwn(node, segment) ? node[segment] : undefined;
      if (next === undefined || Array.isArray(next)) {
        const created: ErrorNode = {};
        node[segment] = created;
        node = created;
      } else {
        node = next;
      }
    }
    const list = node.__errors ?? [];
    if (!list.includes(message)) {
      list.push(message);
    }
    node.__errors = list;
  }
  return root as ErrorSchema;
}

/** The pointer messages of an ErrorSchema (the inverse of errorSchemaFrom). */
export function errorSchemaEntries(schema: ErrorSchema | undefined): PointerMessage[] {
  const entries: PointerMessage[] = [];
  const walk = (node: unknown, segments: string[]): void => {
    if (typeof node !== 'object' || node === null) {
      return;
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === '__errors') {
        if (Array.isArray(child)) {
          for (const message of child) {
            if (typeof message === 'string') {
              entries.push({ path: segmentsToPointer(segments), message });
            }
          }
        }
      } else {
        walk(child, [...segments, key]);
      }
    }
  };
  walk(schema, []);
  return entries;
}

/**
 * The server's problem+json `errors` (paths into the request body, e.g. `/data/idNumber`) as CareForm
 * `extraErrors`: `/data/...` paths land at their field, any other path (e.g. `/formKey`) at the form itself.
 */
export function applyServerErrors(
  errors: readonly PointerMessage[] | undefined,
  prefix = '/data',
): ErrorSchema {
  return errorSchemaFrom(
    (errors ?? []).map(({ path, message }) => ({ path: stripPointerPrefix(path, prefix) ?? '', message })),
  );
}
