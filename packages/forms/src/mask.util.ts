import { collectFields } from './form-fields.util.js';
import { isChineseMobile } from './cn-identity.util.js';
import { cloneJson, isPlainObject, type JsonObject } from './json.util.js';

const ID_SHAPE = /^\d{17}[\dXx]$/;

/** Masks one sensitive string: ID numbers keep the first 3 and last 4, mobiles 138****5678, anything else '***'. */
export function maskValue(value: string, format?: string): string {
  if ((format === 'cn-id-number' || ID_SHAPE.test(value)) && value.length >= 8) {
    return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
  }
  if ((format === 'cn-mobile' && value.length === 11) || isChineseMobile(value)) {
    return `${value.slice(0, 3)}****${value.slice(-4)}`;
  }
  return '***';
}

function maskAny(value: unknown, format: string | undefined): unknown {
  if (value === null || value === undefined) {
    return value;
  }
  if (typeof value === 'string') {
    return maskValue(value, format);
  }
  if (Array.isArray(value)) {
    return value.map((item: unknown) => maskAny(item, format));
  }
  if (isPlainObject(value)) {
    const masked: JsonObject = {};
    for (const [key, member] of Object.entries(value)) {
      Object.defineProperty(masked, key, {
        value: maskAny(member, undefined),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return masked;
  }
  return '***';
}

function maskAt(container: unknown, segments: readonly string[], format: string | undefined): void {
  const [head, ...rest] = segments;
  if (head === undefined) {
    return;
  }
  if (head === '*') {
    if (Array.isArray(container)) {
      const items = container as unknown[];
      items.forEach((item, index) => {
        if (rest.length === 0) {
          items[index] = maskAny(item, format);
        } else {
          maskAt(item, rest, format);
        }
      });
    }
    return;
  }
  if (!isPlainObject(container) || !Object.prototype.hasOwnProperty.call(container, head)) {
    return;
  }
  if (rest.length === 0) {
    const masked = maskAny(container[head], format);
    Object.defineProperty(container, head, {
      value: masked,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    maskAt(container[head], rest, format);
  }
}

/** An x-sensitive field as masking needs it: its data path ('*' = any array index) and string format. */
export interface SensitiveField {
  segments: readonly string[];
  format: string | undefined;
}

/** The x-sensitive fields of a schema, parents before children. */
export function sensitiveFields(schema: object): SensitiveField[] {
  return collectFields(schema)
    .filter((field) => field.schema['x-sensitive'] === true)
    .map((field) => ({
      segments: field.segments,
      format: typeof field.schema['format'] === 'string' ? field.schema['format'] : undefined,
    }));
}

/**
 * A copy of `data` with every x-sensitive value masked (ID number 110***********1234, mobile 138****5678,
 * other strings '***', other scalars '***', objects and arrays masked member by member). Never mutates `data`.
 */
export function maskSensitive(schema: object, data: Record<string, unknown>): Record<string, unknown> {
  const copy = cloneJson(data);
  // parents come first; masking is idempotent, so a child re-masked with its own format keeps its shape
  for (const field of sensitiveFields(schema)) {
    maskAt(copy, field.segments, field.format);
  }
  return copy;
}

/** `container` itself when this masking made it, else a shallow copy that it then owns. */
function owned<T extends object>(container: T, made: WeakSet<object>): T {
  if (made.has(container)) {
    return container;
  }
  let copy: T;
  if (Array.isArray(container)) {
    copy = container.slice() as T;
  } else {
    // key by key: much faster than a spread when `container` lost its fast shape (a deleted key does that)
    const object: JsonObject = {};
    for (const key of Object.keys(container)) {
      const value = (container as JsonObject)[key];
      if (key === '__proto__') {
        Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
      } else {
        object[key] = value;
      }
    }
    copy = object as T;
  }
  made.add(copy);
  return copy;
}

/** maskAt without touching `container`: what it would hold after maskAt, sharing what stays unmasked. */
function maskedAt(
  container: unknown,
  segments: readonly string[],
  index: number,
  format: string | undefined,
  made: WeakSet<object>,
): unknown {
  const head = segments[index];
  if (head === undefined) {
    return container;
  }
  const last = index === segments.length - 1;
  if (head === '*') {
    if (!Array.isArray(container)) {
      return container;
    }
    const items = owned(container as unknown[], made);
    items.forEach((item, position) => {
      items[position] = last ? maskAny(item, format) : maskedAt(item, segments, index + 1, format, made);
    });
    return items;
  }
  if (!isPlainObject(container) || !Object.prototype.hasOwnProperty.call(container, head)) {
    return container;
  }
  const member = container[head];
  const value = last ? maskAny(member, format) : maskedAt(member, segments, index + 1, format, made);
  if (value === member && !last) {
    return container;
  }
  const copy = owned(container, made);
  if (head === '__proto__') {
    Object.defineProperty(copy, head, { value, enumerable: true, writable: true, configurable: true });
  } else {
    copy[head] = value;
  }
  return copy;
}

/**
 * maskSensitive with fields found once (sensitiveFields), for hot paths: the same masked values, but only the
 * objects and arrays on the way to a sensitive field are copied; the rest is shared with `data`, so mutate
 * neither afterwards. Never mutates `data`.
 */
export function maskFields(
  fields: readonly SensitiveField[],
  data: Record<string, unknown>,
): Record<string, unknown> {
  const made = new WeakSet<object>();
  let result: Record<string, unknown> = data;
  for (const field of fields) {
    result = maskedAt(result, field.segments, 0, field.format, made) as Record<string, unknown>;
  }
  return result;
}
