import jsonLogic from 'json-logic-js';
import { analyzeLogic, type AnalyzeResult } from './analyze.util.js';
import { assertTimeZone, parseTemporal } from './date.util.js';
import {
  DEFAULT_MAX_ARRAY_LENGTH,
  DEFAULT_MAX_DEPTH,
  DEFAULT_MAX_NODES,
  DEFAULT_TIME_ZONE,
} from './logic.constants.js';
import { LogicError } from './logic.errors.js';
import type { EvaluateExplainedResult, EvaluateOptions, ExplanationNode, JsonLogic } from './logic.types.js';
import { isOperation, splitOperation } from './markers.util.js';
import { MESSAGES, show } from './messages.util.js';
import { registerOperations, withContext, type EvaluationContext } from './operations.util.js';
import { childPointer } from './path.util.js';

registerOperations();

/** JSON Logic truthiness: [] is false, "0" is true, otherwise JavaScript's. */
export const truthy = (value: unknown): boolean => jsonLogic.truthy(value);

export interface ResolvedOptions extends EvaluationContext {
  maxDepth: number;
  maxNodes: number;
}

const positiveInteger = (name: string, value: number | undefined, fallback: number): number => {
  if (value === undefined) {
    return fallback;
  }
  if (!Number.isInteger(value) || value < 1) {
    throw new LogicError(
      'invalid-argument',
      '',
      MESSAGES.invalidOption(name, value, MESSAGES.expectedPositiveInteger()),
    );
  }
  return value;
};

/** The last options resolved with an explicit `now` (a form's fields and a rule are evaluated with the same ones). */
let lastResolved: { key: string; settings: ResolvedOptions } | undefined;

/**
 * Validates options; reads the clock once when `now` is absent (the only clock read in this package). The same
 * options with an explicit `now` resolve to the same frozen settings: the last ones are kept.
 */
export const resolveOptions = (options: EvaluateOptions = {}): ResolvedOptions => {
  if (options.now === undefined) {
    return resolveOptionsOnce(options);
  }
  const key = JSON.stringify([
    options.now,
    options.timeZone,
    options.maxDepth,
    options.maxNodes,
    options.maxArrayLength,
  ]);
  if (lastResolved?.key !== key) {
    lastResolved = { key, settings: Object.freeze(resolveOptionsOnce(options)) };
  }
  return lastResolved.settings;
};

const resolveOptionsOnce = (options: EvaluateOptions): ResolvedOptions => {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  try {
    assertTimeZone(timeZone);
  } catch {
    throw new LogicError(
      'invalid-argument',
      '',
      MESSAGES.invalidOption('timeZone', timeZone, MESSAGES.expectedTimeZone()),
    );
  }
  let nowIso: string;
  let nowMs: number;
  if (options.now === undefined) {
    const clock = new Date();
    nowIso = clock.toISOString();
    nowMs = clock.getTime();
  } else {
    const parsed = parseTemporal(options.now, timeZone);
    if (parsed?.type !== 'instant' || !parsed.hasOffset) {
      throw new LogicError(
        'invalid-argument',
        '',
        MESSAGES.invalidOption('now', options.now, MESSAGES.expectedInstant()),
      );
    }
    nowIso = options.now;
    nowMs = parsed.epochMs;
  }
  return {
    nowIso,
    nowMs,
    timeZone,
    maxDepth: positiveInteger('maxDepth', options.maxDepth, DEFAULT_MAX_DEPTH),
    maxNodes: positiveInteger('maxNodes', options.maxNodes, DEFAULT_MAX_NODES),
    maxArrayLength: positiveInteger('maxArrayLength', options.maxArrayLength, DEFAULT_MAX_ARRAY_LENGTH),
  };
};

const apply = (prepared: unknown, data: unknown): unknown => {
  try {
    return jsonLogic.apply(prepared, data);
  } catch (error) {
    if (error instanceof LogicError) {
      throw error;
    }
    const detail = error instanceof Error ? error.message : String(error);
    throw new LogicError('evaluation-failed', '', MESSAGES.evaluationFailedUnknown(detail));
  }
};

const prepare = (logic: JsonLogic, settings: ResolvedOptions): AnalyzeResult =>
  analyzeLogic(logic, { maxDepth: settings.maxDepth, maxNodes: settings.maxNodes }, 'throw');

/**
 * Evaluates a JSON Logic expression with json-logic-js semantics plus the CareLoom operations.
 * The expression is validated first (allowlist, arity, field paths, limits). Throws LogicError.
 */
export const evaluate = (logic: JsonLogic, data: unknown, options?: EvaluateOptions): unknown => {
  const settings = resolveOptions(options);
  const { prepared } = prepare(logic, settings);
  return withContext(settings, () => apply(prepared, data));
};

const explain = (
  logic: JsonLogic,
  analysis: AnalyzeResult,
  data: unknown,
  result: unknown,
): ExplanationNode => {
  const explainer = new Explainer(analysis.preparedNodes);
  return isOperation(logic)
    ? explainer.operation(logic, data, '', undefined)
    : explainer.root(logic, data, result);
};

/** Like evaluate, and also returns a tree of the evaluated operations ("why it matched"). */
export const evaluateExplained = (
  logic: JsonLogic,
  data: unknown,
  options?: EvaluateOptions,
): EvaluateExplainedResult => {
  const settings = resolveOptions(options);
  const analysis = prepare(logic, settings);
  return withContext(settings, () => {
    const result = apply(analysis.prepared, data);
    return { result, explanation: explain(logic, analysis, data, result) };
  });
};

/** The options of an evaluation of a prepared expression (its limits were applied when it was prepared). */
export type PreparedEvaluateOptions = Omit<EvaluateOptions, 'maxDepth' | 'maxNodes'>;

/** An expression validated once by prepareLogic, to evaluate (and explain) many times. Treat as opaque. */
export interface PreparedLogic {
  readonly logic: JsonLogic;
  readonly analysis: AnalyzeResult;
}

/**
 * Validates an expression once (what evaluate does on every call) for evaluatePrepared and explainPrepared.
 * The expression must not change afterwards. Throws LogicError, with evaluate's message, when it is invalid.
 */
export const prepareLogic = (
  logic: JsonLogic,
  limits: Pick<EvaluateOptions, 'maxDepth' | 'maxNodes'> = {},
): PreparedLogic => {
  const maxDepth = positiveInteger('maxDepth', limits.maxDepth, DEFAULT_MAX_DEPTH);
  const maxNodes = positiveInteger('maxNodes', limits.maxNodes, DEFAULT_MAX_NODES);
  return { logic, analysis: analyzeLogic(logic, { maxDepth, maxNodes }, 'throw') };
};

/** evaluate for a prepared expression: the same result, without validating the expression again. */
export const evaluatePrepared = (
  prepared: PreparedLogic,
  data: unknown,
  options?: PreparedEvaluateOptions,
): unknown => withContext(resolveOptions(options), () => apply(prepared.analysis.prepared, data));

/**
 * The explanation evaluateExplained gives, built on its own (e.g. only once a condition held): pass the
 * result evaluatePrepared returned for the same data and options.
 */
export const explainPrepared = (
  prepared: PreparedLogic,
  data: unknown,
  result: unknown,
  options?: PreparedEvaluateOptions,
): ExplanationNode =>
  withContext(resolveOptions(options), () => explain(prepared.logic, prepared.analysis, data, result));

/** Upper bound of explanation nodes (scoped logic is explained once per array item). */
const EXPLANATION_BUDGET = 2000;
const SHORT_CIRCUIT: Readonly<Record<string, (value: unknown) => boolean>> = {
  all: (value) => !truthy(value),
  consecutive: (value) => !truthy(value),
  some: (value) => truthy(value),
  none: (value) => truthy(value),
};

/**
 * Re-walks the original expression, evaluating each operation's prepared copy with json-logic-js
 * (so every reported result is exactly what evaluate computes) and following its control flow:
 * short-circuits of and/or/if, and per-item evaluation of map/filter/reduce/all/some/none/consecutive.
 */
class Explainer {
  #budget = EXPLANATION_BUDGET;

  constructor(private readonly preparedNodes: Map<object, unknown>) {}

  root(logic: unknown, data: unknown, result: unknown): ExplanationNode {
    const children: ExplanationNode[] = [];
    this.value(logic, data, '', children, undefined);
    return { op: 'value', path: '', values: [], result, children, text: `value = ${show(result)}` };
  }

  /** Evaluates a value; operations found in it are explained into `out`. */
  value(
    node: unknown,
    data: unknown,
    pointer: string,
    out: ExplanationNode[],
    item: number | undefined,
  ): unknown {
    if (Array.isArray(node)) {
      return node.map((element, index) => this.value(element, data, childPointer(pointer, index), out, item));
    }
    if (!isOperation(node)) {
      return node;
    }
    const explained = this.operation(node, data, pointer, item);
    out.push(explained);
    return explained.result;
  }

  operation(
    node: Record<string, unknown>,
    data: unknown,
    pointer: string,
    item: number | undefined,
  ): ExplanationNode {
    const { op, args, sugared } = splitOperation(node);
    const argPointer = (index: number): string =>
      sugared ? childPointer(pointer, op) : childPointer(pointer, op, index);
    const result = apply(this.preparedNodes.get(node) ?? node, data);
    const values: unknown[] = [];
    const children: ExplanationNode[] = [];
    const explained: ExplanationNode = { op, path: pointer, values, result, children, text: '' };
    if (item !== undefined) {
      explained.item = item;
    }
    this.#budget -= 1;
    if (this.#budget <= 0) {
      explained.truncated = true;
    } else {
      const arg = (index: number, scopeData: unknown = data, scopeItem = item): unknown =>
        this.value(args[index], scopeData, argPointer(index), children, scopeItem);
      if (op === 'if' || op === '?:') {
        let index = 0;
        for (; index < args.length - 1; index += 2) {
          const condition = arg(index);
          values.push(condition);
          if (truthy(condition)) {
            values.push(arg(index + 1));
            break;
          }
        }
        if (index === args.length - 1) {
          values.push(arg(index));
        }
      } else if (op === 'and' || op === 'or') {
        for (let index = 0; index < args.length; index += 1) {
          const value = arg(index);
          values.push(value);
          if (truthy(value) === (op === 'or')) {
            break;
          }
        }
      } else if (['map', 'filter', 'all', 'some', 'none', 'reduce', 'consecutive'].includes(op)) {
        const items = arg(0);
        values.push(items);
        let accumulator: unknown = null;
        if (op === 'reduce' && args.length > 2) {
          accumulator = arg(2);
          values.push(accumulator);
        }
        if (Array.isArray(items)) {
          const stop = SHORT_CIRCUIT[op];
          for (let index = 0; index < items.length; index += 1) {
            if (this.#budget <= 0) {
              explained.truncated = true;
              break;
            }
            const scopeData =
              op === 'reduce' ? { current: items[index] as unknown, accumulator } : (items[index] as unknown);
            const value = arg(1, scopeData, index);
            accumulator = value;
            if (stop?.(value)) {
              break;
            }
          }
        }
      } else {
        args.forEach((_, index) => values.push(arg(index)));
      }
    }
    const prefix = item === undefined ? '' : `[#${item}] `;
    explained.text = `${prefix}${op}(${values.map((value) => show(value, 40)).join(', ')}) = ${show(result)}`;
    return explained;
  }
}
