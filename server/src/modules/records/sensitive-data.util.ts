import { maskSensitive } from '@careloom/forms';
import type { JsonPatchOperation } from './record.entity.js';

const MASK = '***';

function segments(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function read(data: unknown, pointer: string): unknown {
  let current: unknown = data;
  for (const segment of segments(pointer)) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function write(data: Record<string, unknown>, pointer: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = segments(pointer);
  if (head === undefined) {
    return data;
  }
  const copy = { ...data };
  if (rest.length === 0) {
    copy[head] = value;
    return copy;
  }
  const child = copy[head];
  if (typeof child === 'object' && child !== null && !Array.isArray(child)) {
    copy[head] = write(child as Record<string, unknown>, `/${rest.join('/')}`, value);
  }
  return copy;
}

/**
 * A client that was shown masked values sends them back unchanged on edit: where a sensitive field
 * still holds exactly the masked text of the stored value, the stored value is kept.
 */
export function restoreMaskedValues(
  schema: object,
  sensitivePaths: readonly string[],
  stored: Record<string, unknown>,
  submitted: Record<string, unknown>,
): Record<string, unknown> {
  const masked = maskSensitive(schema, stored);
  let result = submitted;
  for (const pointer of sensitivePaths.filter((p) => !p.includes('*'))) {
    const sent = read(submitted, pointer);
    if (sent !== undefined && sent === read(masked, pointer) && sent !== read(stored, pointer)) {
      result = write(result, pointer, read(stored, pointer));
    }
  }
  return result;
}

/** Hides the values a JSON Patch carries for sensitive fields (or anything below them). */
export function maskPatch(
  ops: JsonPatchOperation[],
  sensitivePaths: readonly string[],
): JsonPatchOperation[] {
  const patterns = sensitivePaths.map(
    (p) => new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]+')}(/|$)`),
  );
  return ops.map((op) =>
    op.op !== 'remove' && patterns.some((re) => re.test(op.path)) ? { ...op, value: MASK } : op,
  );
}
