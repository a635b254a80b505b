import { deepEquals } from '@rjsf/utils';
import type { FieldError } from '@careloom/forms';
import { pointerMatches, valueAt } from './pointer.util.js';

export interface ErrorGateOptions {
  /** The data the form was opened with. */
  initial: unknown;
  /** The initial data had its sensitive values masked. */
  masked: boolean;
  /** Pointers of `x-sensitive` fields (`*` = any index). */
  sensitive: readonly string[];
}

export interface ErrorGate {
  /** Whether to show `error` for `data` now. */
  report: (error: FieldError, data: unknown) => boolean;
  /** From now on show every error (called when a submit is tried). */
  showAll: () => void;
}

/**
 * Decides which validation errors the nurse sees: while filling, only those of fields she changed (an empty
 * form does not open covered in red); after the first submit attempt, all. A masked sensitive value that is
 * still unchanged is never reported: the server keeps the stored value.
 */
export function createErrorGate({ initial, masked, sensitive }: ErrorGateOptions): ErrorGate {
  let all = false;
  const unchanged = (data: unknown, pointer: string) =>
    deepEquals(valueAt(data, pointer), valueAt(initial, pointer));
  return {
    report: (error, data) => {
      if (
        masked &&
        sensitive.some((pattern) => pointerMatches(pattern, error.path)) &&
        unchanged(data, error.path)
      ) {
        return false;
      }
      return all || !unchanged(data, error.path);
    },
    showAll: () => {
      all = true;
    },
  };
}
