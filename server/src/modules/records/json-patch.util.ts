import type { JsonPatchOperation } from './record.entity.js';

const escape = (key: string): string =>
  key.includes('~') || key.includes('/') ? key.replace(/~/g, '~0').replace(/\//g, '~1') : key;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function equal(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => equal(item, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && equal(a[k], b[k]))
    );
  }
  return false;
}

/**
 * RFC 6902 JSON Patch turning `before` into `after`: objects are compared key by key, arrays of the
 * same length item by item; anything else that differs is replaced whole.
 */
export function diffJson(before: unknown, after: unknown, path = ''): JsonPatchOperation[] {
  if (equal(before, after)) {
    return [];
  }
  if (isObject(before) && isObject(after)) {
    const ops: JsonPatchOperation[] = [];
    for (const key of Object.keys(before)) {
      if (!Object.hasOwn(after, key)) {
        ops.push({ op: 'remove', path: `${path}/${escape(key)}` });
      }
    }
    for (const [key, value] of Object.entries(after)) {
      const child = `${path}/${escape(key)}`;
      if (!Object.hasOwn(before, key)) {
        ops.push({ op: 'add', path: child, value });
      } else {
        ops.push(...diffJson(before[key], value, child));
      }
    }
    return ops;
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    return before.flatMap((item, i) => diffJson(item, after[i], `${path}/${i}`));
  }
  return [{ op: 'replace', path: path === '' ? '' : path, value: after }];
}
