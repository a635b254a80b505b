import { FORBIDDEN_PATH_SEGMENTS, PATH_SEGMENT_PATTERN } from './logic.constants.js';

/** `String(value)`, exactly as json-logic-js turns a var key into a path. */
export const jsString = (value: unknown): string => String(value);

/** One JSON pointer token (RFC 6901 escaping). */
export const pointerToken = (token: string | number): string =>
  String(token).replaceAll('~', '~0').replaceAll('/', '~1');

export const childPointer = (parent: string, ...tokens: (string | number)[]): string =>
  parent + tokens.map((token) => `/${pointerToken(token)}`).join('');

/** True when `segment` is a plain field name or index and not a prototype key. */
export const isSafePathSegment = (segment: string): boolean =>
  PATH_SEGMENT_PATTERN.test(segment) && !FORBIDDEN_PATH_SEGMENTS.includes(segment);

/** True when `path` is a plain dot path ("a.b.0.c"). The empty path (whole data) is not a field path. */
export const isSafeFieldPath = (path: string): boolean =>
  path !== '' && path.split('.').every(isSafePathSegment);

/**
 * Validates a var/missing key the way json-logic-js reads it: null, undefined and "" mean the whole
 * data; anything else is turned into a string and split on ".".
 */
export const isSafeVarKey = (key: unknown): boolean => {
  if (key === undefined || key === null || key === '') {
    return true;
  }
  return isSafeFieldPath(jsString(key));
};

/** Reads a dot path like json-logic-js `var` does (own and inherited properties, null when absent). */
export const readPath = (data: unknown, path: string): unknown => {
  if (path === '') {
    return data;
  }
  let current: unknown = data;
  for (const segment of path.split('.')) {
    if (current === null || current === undefined) {
      return null;
    }
    current = (current as Record<string, unknown>)[segment];
    if (current === undefined) {
      return null;
    }
  }
  return current;
};
