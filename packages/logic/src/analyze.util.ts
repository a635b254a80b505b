// The hardening walk: validates an expression BEFORE evaluation (allowlist, arities, field paths,
// depth and size) and builds the "prepared" copy that json-logic-js actually runs. The prepared copy
// only adds transparent guards (runtime path / array-length checks), quotes the condition of
// `consecutive`, and appends a PathMarker to custom operations so their errors carry a JSON pointer.
import { LogicError } from './logic.errors.js';
import {
  CUSTOM_OPERATIONS,
  FORBIDDEN_OPERATIONS,
  GUARD_ARRAY_OPERATION,
  GUARD_PATH_OPERATION,
  LOGIC_OPERATIONS,
  OPERATION_ARITY,
  SCOPED_OPERATIONS,
  type CustomOperation,
  type LogicOperation,
} from './logic.constants.js';
import type { LocalizedMessages, LogicErrorCode, LogicIssue } from './logic.types.js';
import { isPlainObject, PathMarker, QuotedLogic, splitOperation } from './markers.util.js';
import { MESSAGES } from './messages.util.js';
import { childPointer, isSafeFieldPath, isSafeVarKey, jsString } from './path.util.js';

export interface AnalyzeLimits {
  maxDepth: number;
  maxNodes: number;
}

/** A literal data path read by var / missing / missing_some. `scope` is 'item' inside map/filter/…/consecutive. */
export interface VarUse {
  path: string;
  pointer: string;
  scope: 'root' | 'item';
}

export interface AnalyzeResult {
  prepared: unknown;
  /** Original operation node → its prepared copy (used to explain sub-expressions). */
  preparedNodes: Map<object, unknown>;
  errors: LogicIssue[];
  vars: VarUse[];
}

type Scope = VarUse['scope'];

const allowed = new Set<string>(LOGIC_OPERATIONS);
const custom = new Set<string>(CUSTOM_OPERATIONS);

export const isKnownOperation = (op: string): op is LogicOperation => allowed.has(op);
export const isCustomOperation = (op: string): op is CustomOperation => custom.has(op);

const isPrimitiveKey = (value: unknown): boolean =>
  value === null || value === undefined || ['string', 'number', 'boolean'].includes(typeof value);

export const describeArity = ([min, max]: readonly [number, number | undefined]): string =>
  max === undefined ? `${min}+` : min === max ? String(min) : `${min}-${max}`;

export const toIssue = (
  severity: LogicIssue['severity'],
  code: LogicIssue['code'],
  path: string,
  messages: LocalizedMessages,
): LogicIssue => ({ severity, code, path, message: messages.en, messages });

const guard = (operation: string, value: unknown, pointer: string, ...extra: unknown[]): unknown => ({
  [operation]: [value, ...extra, new PathMarker(pointer)],
});

/**
 * Walks the expression. In 'throw' mode the first error is thrown as a LogicError; in 'collect' mode
 * all errors are returned (the walk stops descending where a limit is hit).
 */
export const analyzeLogic = (
  logic: unknown,
  limits: AnalyzeLimits,
  mode: 'throw' | 'collect',
): AnalyzeResult => {
  const errors: LogicIssue[] = [];
  const vars: VarUse[] = [];
  const preparedNodes = new Map<object, unknown>();
  let nodes = 0;
  let aborted = false;

  const report = (code: LogicErrorCode, pointer: string, messages: LocalizedMessages): void => {
    if (mode === 'throw') {
      throw new LogicError(code, pointer, messages);
    }
    errors.push(toIssue('error', code, pointer, messages));
  };

  /** Counts a value; false when the walk must not descend into it. */
  const enter = (pointer: string, depth: number): boolean => {
    if (aborted) {
      return false;
    }
    nodes += 1;
    if (nodes > limits.maxNodes) {
      aborted = true;
      report('too-large', pointer, MESSAGES.tooManyNodes(limits.maxNodes));
      return false;
    }
    if (depth > limits.maxDepth) {
      report('too-deep', pointer, MESSAGES.tooDeep(limits.maxDepth));
      return false;
    }
    return true;
  };

  /** Plain data (inside objects with several keys): counted and checked for JSON-ness, never evaluated. */
  const visitData = (node: unknown, pointer: string, depth: number): void => {
    if (!enter(pointer, depth)) {
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((element, index) => visitData(element, childPointer(pointer, index), depth + 1));
    } else if (isPlainObject(node)) {
      for (const [key, value] of Object.entries(node)) {
        visitData(value, childPointer(pointer, key), depth + 1);
      }
    } else if (!isJsonPrimitive(node)) {
      report('invalid-argument', pointer, MESSAGES.notJson(describeType(node)));
    }
  };

  const recordKey = (key: unknown, pointer: string, scope: Scope): void => {
    if (!isSafeVarKey(key)) {
      report('forbidden-path', pointer, MESSAGES.forbiddenPath(jsString(key)));
      return;
    }
    if (key !== null && key !== undefined && key !== '') {
      vars.push({ path: jsString(key), pointer, scope });
    }
  };

  /** A list of keys for missing / missing_some: literal strings are checked now, computed ones at runtime. */
  const visitKeyList = (value: unknown, pointer: string, depth: number, scope: Scope): unknown => {
    if (isPrimitiveKey(value)) {
      if (enter(pointer, depth)) {
        recordKey(value, pointer, scope);
      }
      return value;
    }
    if (Array.isArray(value) && value.every(isPrimitiveKey)) {
      if (enter(pointer, depth)) {
        value.forEach((key, index) => {
          if (enter(childPointer(pointer, index), depth + 1)) {
            recordKey(key, childPointer(pointer, index), scope);
          }
        });
      }
      return value;
    }
    return guard(GUARD_PATH_OPERATION, visit(value, pointer, depth, scope), pointer, 'keys');
  };

  const visit = (node: unknown, pointer: string, depth: number, scope: Scope): unknown => {
    if (!enter(pointer, depth)) {
      return node;
    }
    if (Array.isArray(node)) {
      return node.map((element, index) => visit(element, childPointer(pointer, index), depth + 1, scope));
    }
    if (!isPlainObject(node)) {
      if (!isJsonPrimitive(node)) {
        report('invalid-argument', pointer, MESSAGES.notJson(describeType(node)));
      }
      return node;
    }
    const keys = Object.keys(node);
    if (keys.length !== 1) {
      // json-logic-js returns objects with zero or several keys as they are.
      for (const key of keys) {
        visitData(node[key], childPointer(pointer, key), depth + 1);
      }
      return node;
    }
    const prepared = visitOperation(node, pointer, depth, scope);
    preparedNodes.set(node, prepared);
    return prepared;
  };

  const visitOperation = (
    node: Record<string, unknown>,
    pointer: string,
    depth: number,
    scope: Scope,
  ): unknown => {
    const { op, args, sugared } = splitOperation(node);
    const argPointer = (index: number): string =>
      sugared ? childPointer(pointer, op) : childPointer(pointer, op, index);
    const visitArg = (index: number, argScope: Scope = scope): unknown =>
      visit(args[index], argPointer(index), depth + 1, argScope);

    if (FORBIDDEN_OPERATIONS.includes(op) || !isKnownOperation(op)) {
      report(
        FORBIDDEN_OPERATIONS.includes(op) ? 'forbidden-operation' : 'unknown-operation',
        pointer,
        FORBIDDEN_OPERATIONS.includes(op) ? MESSAGES.forbiddenOperation(op) : MESSAGES.unknownOperation(op),
      );
      args.forEach((_, index) => visitArg(index));
      return node;
    }
    const arity = OPERATION_ARITY[op];
    const [min, max] = arity;
    if (args.length < min || (max !== undefined && args.length > max)) {
      report('wrong-arity', pointer, MESSAGES.wrongArity(op, describeArity(arity), args.length));
    }

    let prepared: unknown[];
    if (op === 'var') {
      const [key] = args;
      prepared = args.map((_, index) => {
        if (index !== 0) {
          return visitArg(index);
        }
        if (isPrimitiveKey(key)) {
          if (enter(argPointer(0), depth + 1)) {
            recordKey(key, argPointer(0), scope);
          }
          return key;
        }
        return guard(GUARD_PATH_OPERATION, visitArg(0), argPointer(0), 'key');
      });
    } else if (op === 'missing') {
      prepared = args.map((arg, index) => visitKeyList(arg, argPointer(index), depth + 1, scope));
    } else if (op === 'missing_some') {
      prepared = args.map((arg, index) =>
        index === 1 ? visitKeyList(arg, argPointer(index), depth + 1, scope) : visitArg(index),
      );
    } else if (SCOPED_OPERATIONS.includes(op)) {
      prepared = args.map((_, index) => {
        if (index === 0) {
          return guard(GUARD_ARRAY_OPERATION, visitArg(0), pointer);
        }
        return visitArg(index, index === 1 ? 'item' : scope);
      });
    } else if (op === 'merge' || op === 'in') {
      prepared = args.map((_, index) =>
        op === 'merge' || index === 1
          ? guard(GUARD_ARRAY_OPERATION, visitArg(index), pointer)
          : visitArg(index),
      );
    } else if (op === 'consecutive') {
      prepared = args.map((_, index) =>
        index === 1 ? new QuotedLogic(visitArg(1, 'item')) : visitArg(index),
      );
    } else if (['sum', 'avg', 'min_of', 'max_of'].includes(op)) {
      prepared = args.map((arg, index) => {
        if (index === 1 && typeof arg === 'string' && enter(argPointer(1), depth + 1)) {
          if (!isSafeFieldPath(arg)) {
            report('forbidden-path', argPointer(1), MESSAGES.forbiddenPath(arg));
          }
          return arg;
        }
        return visitArg(index);
      });
    } else {
      prepared = args.map((_, index) => visitArg(index));
    }
    if (isCustomOperation(op)) {
      prepared.push(new PathMarker(pointer));
    }
    return { [op]: prepared };
  };

  const prepared = visit(logic, '', 1, 'root');
  return { prepared, preparedNodes, errors, vars };
};

const isJsonPrimitive = (value: unknown): boolean =>
  value === null || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number';

const describeType = (value: unknown): string =>
  typeof value === 'object' && value !== null ? (value.constructor?.name ?? 'object') : typeof value;
