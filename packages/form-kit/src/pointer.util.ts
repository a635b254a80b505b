/** JSON pointers (RFC 6901) ↔ the paths rjsf uses (`.a.b.0` strings, id segments). */

/** `/a~1b/0` → `['a/b', '0']`; `''` → `[]`. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') {
    return pointer === '/' ? [''] : [];
  }
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `['a/b', '0']` → `/a~1b/0`. */
export function segmentsToPointer(segments: readonly string[]): string {
  return segments.map((segment) => `/${segment.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** The rjsf error `property` of a pointer: `/contact/phone` → `.contact.phone`, `''` → `''`. */
export function pointerToProperty(pointer: string): string {
  return pointerSegments(pointer)
    .map((segment) => `.${segment}`)
    .join('');
}

/** The inverse of pointerToProperty for rjsf's grammar (`.a.b[0]` or `.a.b.0`). */
export function propertyToPointer(property: string): string {
  return segmentsToPointer(property.split(/[.[\]]+/).filter((segment) => segment.length > 0));
}

/** The value at `pointer` (own properties only), or undefined. */
export function valueAt(data: unknown, pointer: string): unknown {
  let current: unknown = data;
  for (const segment of pointerSegments(pointer)) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);

/** A copy of `data` with `value` at `pointer` (undefined removes it); intermediate objects are created. */
export function withValueAt(
  data: Record<string, unknown>,
  pointer: string,
  value: unknown,
): Record<string, unknown> {
  const [head, ...rest] = pointerSegments(pointer);
  if (head === undefined || UNSAFE.has(head)) {
    return data;
  }
  const copy: Record<string, unknown> = { ...data };
  if (rest.length === 0) {
    if (value === undefined) {
      delete copy[head];
    } else {
      copy[head] = value;
    }
    return copy;
  }
  const child = copy[head];
  const childObject =
    typeof child === 'object' && child !== null && !Array.isArray(child)
      ? (child as Record<string, unknown>)
      : {};
  if (value === undefined && childObject !== child) {
    return data;
  }
  copy[head] = withValueAt(childObject, segmentsToPointer(rest), value);
  return copy;
}

/**
 * The pointer inside the record data of a server error path: `/data/idNumber` → `/idNumber`, `/data` → `''`;
 * undefined for paths outside `prefix` (e.g. `/formKey`).
 */
export function stripPointerPrefix(pointer: string, prefix = '/data'): string | undefined {
  if (pointer === prefix) {
    return '';
  }
  return pointer.startsWith(`${prefix}/`) ? pointer.slice(prefix.length) : undefined;
}

/** Whether `pointer` matches `pattern`, where a `*` segment of the pattern matches any array index. */
export function pointerMatches(pattern: string, pointer: string): boolean {
  const expected = pointerSegments(pattern);
  const actual = pointerSegments(pointer);
  return (
    expected.length === actual.length &&
    expected.every(
      (segment, i) => segment === actual[i] || (segment === '*' && /^\d+$/.test(actual[i] ?? '')),
    )
  );
}
