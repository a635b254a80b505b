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

/**
 * A copy of `data` with every x-sensitive value masked (ID number 110***********1234, mobile 138****5678,
 * other strings '***', other scalars '***', objects and arrays masked member by member). Never mutates `data`.
 */
export function maskSensitive(schema: object, data: Record<string, unknown>): Record<string, unknown> {
  const copy = cloneJson(data);
  const sensitive = collectFields(schema).filter((field) => field.schema['x-sensitive'] === true);
  // parents come first; masking is idempotent, so a child re-masked with its own format keeps its shape
  for (const field of sensitive) {
    const format = typeof field.schema['format'] === 'string' ? field.schema['format'] : undefined;
    maskAt(copy, field.segments, format);
  }
  return copy;
}
