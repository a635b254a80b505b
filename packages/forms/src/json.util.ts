/** Small helpers over JSON values and JSON pointers (RFC 6901). */

export type JsonObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A deep copy of a JSON-like value; functions and undefined members are dropped like JSON would. */
export function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.map((item: unknown) => cloneJson(item)) as T;
  }
  if (isPlainObject(value)) {
    const copy: JsonObject = {};
    for (const [key, member] of Object.entries(value)) {
      if (member === undefined || typeof member === 'function') {
        continue;
      }
      if (key === '__proto__') {
        // defineProperty keeps a key named "__proto__" an own data property
        Object.defineProperty(copy, key, {
          value: cloneJson(member),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else {
        // plain assignment keeps the copy a fast object (defineProperty on every key made it a slow one)
        copy[key] = cloneJson(member);
      }
    }
    return copy as T;
  }
  return value;
}

export function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapePointerSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function joinPointer(base: string, ...segments: ReadonlyArray<string | number>): string {
  return segments.reduce<string>(
    (pointer, segment) => `${pointer}/${escapePointerSegment(String(segment))}`,
    base,
  );
}

export function splitPointer(pointer: string): string[] {
  if (pointer === '') {
    return [];
  }
  return pointer.slice(1).split('/').map(unescapePointerSegment);
}

function hasOwn(value: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(value, key);
}

/** The value at `segments` under `root`, or undefined. */
export function getAt(root: unknown, segments: readonly string[]): unknown {
  let current: unknown = root;
  for (const segment of segments) {
    if (Array.isArray(current)) {
      current = /^\d+$/.test(segment) ? (current as unknown[])[Number(segment)] : undefined;
    } else if (isPlainObject(current) && hasOwn(current, segment)) {
      current = current[segment];
    } else {
      return undefined;
    }
  }
  return current;
}

/** Sets a member of nested objects, creating missing parent objects. Refuses to walk through non-objects. */
export function setAt(root: JsonObject, segments: readonly string[], value: unknown): void {
  let current: JsonObject = root;
  for (const [index, segment] of segments.entries()) {
    if (index === segments.length - 1) {
      Object.defineProperty(current, segment, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      return;
    }
    const next = hasOwn(current, segment) ? current[segment] : undefined;
    if (next === undefined) {
      const created: JsonObject = {};
      Object.defineProperty(current, segment, {
        value: created,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      current = created;
    } else if (isPlainObject(next)) {
      current = next;
    } else {
      return;
    }
  }
}

/** Removes a member of nested objects; returns whether something was removed. */
export function deleteAt(root: JsonObject, segments: readonly string[]): boolean {
  const parent = getAt(root, segments.slice(0, -1));
  const last = segments[segments.length - 1];
  if (last === undefined || !isPlainObject(parent) || !hasOwn(parent, last)) {
    return false;
  }
  delete parent[last];
  return true;
}

/** UTF-8 byte length without TextEncoder (not in the ES lib). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
