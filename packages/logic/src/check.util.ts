import { analyzeLogic, toIssue } from './analyze.util.js';
import { DEFAULT_MAX_DEPTH, DEFAULT_MAX_NODES } from './logic.constants.js';
import type { CheckLogicOptions, JsonLogic, LogicIssue } from './logic.types.js';
import { isOperation, isPlainObject, splitOperation } from './markers.util.js';
import { MESSAGES } from './messages.util.js';
import { childPointer } from './path.util.js';

const DEFAULT_LIMITS = { maxDepth: DEFAULT_MAX_DEPTH, maxNodes: DEFAULT_MAX_NODES };

const isKnownField = (path: string, knownFields: readonly string[]): boolean =>
  knownFields.some((field) => path === field || path.startsWith(`${field}.`));

/**
 * Static errors: unknown / forbidden operations, wrong arities, forbidden var paths, depth and size
 * limits (defaults of evaluate) and, with `knownFields`, var paths that are neither a known field nor
 * below one. Vars inside map/filter/all/… and `consecutive` conditions read array items, so they are
 * not checked against knownFields.
 */
export const checkLogic = (logic: JsonLogic, options: CheckLogicOptions = {}): LogicIssue[] => {
  const { errors, vars } = analyzeLogic(logic, DEFAULT_LIMITS, 'collect');
  const { knownFields } = options;
  if (knownFields === undefined) {
    return errors;
  }
  const unknown = vars
    .filter((use) => use.scope === 'root' && !isKnownField(use.path, knownFields))
    .map((use) => toIssue('error', 'unknown-field', use.pointer, MESSAGES.unknownField(use.path)));
  return [...errors, ...unknown];
};

/** Distinct literal data paths read by var / missing / missing_some at the root (not inside per-item logic). */
export const collectVars = (logic: JsonLogic): string[] => {
  const { vars } = analyzeLogic(logic, DEFAULT_LIMITS, 'collect');
  return [...new Set(vars.filter((use) => use.scope === 'root').map((use) => use.path))];
};

const LOOSE: Readonly<Record<string, string>> = { '==': '===', '!=': '!==' };

/**
 * Warnings: loose equality (== / != coerce types), objects with several keys (plain values, not
 * operations, so probably a mistake) and var with a computed path.
 */
export const lintLogic = (logic: JsonLogic): LogicIssue[] => {
  const issues: LogicIssue[] = [];
  const walk = (node: unknown, pointer: string, depth: number): void => {
    if (depth > DEFAULT_MAX_DEPTH) {
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((element, index) => walk(element, childPointer(pointer, index), depth + 1));
      return;
    }
    if (!isPlainObject(node)) {
      return;
    }
    if (!isOperation(node)) {
      const keys = Object.keys(node);
      if (keys.length > 1) {
        issues.push(toIssue('warning', 'multi-key-object', pointer, MESSAGES.multiKeyObject(keys)));
      }
      keys.forEach((key) => walk(node[key], childPointer(pointer, key), depth + 1));
      return;
    }
    const { op, args, sugared } = splitOperation(node);
    const strict = LOOSE[op];
    if (strict !== undefined) {
      issues.push(toIssue('warning', 'loose-equality', pointer, MESSAGES.looseEquality(op, strict)));
    }
    if (op === 'var' && args.length > 0 && (Array.isArray(args[0]) || isPlainObject(args[0]))) {
      issues.push(
        toIssue(
          'warning',
          'dynamic-var-path',
          sugared ? childPointer(pointer, op) : childPointer(pointer, op, 0),
          MESSAGES.dynamicVarPath(),
        ),
      );
    }
    args.forEach((arg, index) =>
      walk(arg, sugared ? childPointer(pointer, op) : childPointer(pointer, op, index), depth + 1),
    );
  };
  walk(logic, '', 1);
  return issues;
};
