// CareLoom operations registered on json-logic-js, plus the internal guards used by prepared logic.
//
// json-logic-js keeps operations in one module-level table (add_operation), so per-call settings
// (now, timeZone, maxArrayLength) cannot be closed over. Evaluation is synchronous, so `evaluate`
// sets a module-level "current context" in a try/finally around jsonLogic.apply (see withContext);
// operations read it and fail loudly when it is absent (called through jsonLogic.apply directly).
import jsonLogic from 'json-logic-js';
import {
  addToDate,
  addToInstant,
  DATE_UNITS,
  daysBetween,
  formatDate,
  formatInstant,
  parseTemporal,
  toCalendarDate,
  wholeYears,
  zonedWallTime,
  type DateUnit,
  type Temporal,
} from './date.util.js';
import { GUARD_ARRAY_OPERATION, GUARD_PATH_OPERATION, type CustomOperation } from './logic.constants.js';
import { LogicError } from './logic.errors.js';
import type { LocalizedMessages } from './logic.types.js';
import { PathMarker, QuotedLogic } from './markers.util.js';
import { MESSAGES } from './messages.util.js';
import { isSafeFieldPath, isSafeVarKey, jsString, readPath } from './path.util.js';

export interface EvaluationContext {
  nowIso: string;
  nowMs: number;
  timeZone: string;
  maxArrayLength: number;
}

let currentContext: EvaluationContext | undefined;

/** Runs `run` with `context` as the current evaluation context (restored afterwards, re-entrant). */
export const withContext = <T>(context: EvaluationContext, run: () => T): T => {
  const previous = currentContext;
  currentContext = context;
  try {
    return run();
  } finally {
    currentContext = previous;
  }
};

/** A failure inside an operation; turned into LogicError('evaluation-failed') with the operation's path. */
class OperationFailure extends Error {
  constructor(readonly messages: LocalizedMessages) {
    super(messages.en);
  }
}

const fail = (messages: LocalizedMessages): never => {
  throw new OperationFailure(messages);
};

type Implementation = (context: EvaluationContext, args: unknown[], path: string) => unknown;

const register = (name: string, implementation: Implementation): void => {
  jsonLogic.add_operation(name, (...raw: unknown[]) => {
    const last = raw.at(-1);
    const marked = last instanceof PathMarker;
    const path = marked ? last.path : '';
    const args = marked ? raw.slice(0, -1) : raw;
    const context = currentContext;
    if (!context) {
      throw new LogicError('evaluation-failed', path, MESSAGES.evaluationFailed(name, MESSAGES.noContext()));
    }
    try {
      return implementation(context, args, path);
    } catch (error) {
      if (error instanceof LogicError) {
        throw error;
      }
      const reason =
        error instanceof OperationFailure
          ? error.messages
          : { 'zh-CN': String(error), en: error instanceof Error ? error.message : String(error) };
      throw new LogicError('evaluation-failed', path, MESSAGES.evaluationFailed(name, reason));
    }
  });
};

const temporal = (value: unknown, context: EvaluationContext): Temporal =>
  parseTemporal(value, context.timeZone) ?? fail(MESSAGES.notADate(value));

const number = (value: unknown): number => {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return value;
  }
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    return Number(value);
  }
  return fail(MESSAGES.notANumber(value));
};

const integer = (value: unknown): number => {
  const result = number(value);
  return Number.isInteger(result) ? result : fail(MESSAGES.notAnInteger(value));
};

const nonNegativeInteger = (value: unknown): number => {
  const result = number(value);
  return Number.isInteger(result) && result >= 0 ? result : fail(MESSAGES.notNonNegativeInteger(value));
};

/** Refuses data arrays beyond the configured length. */
const checkLength = (value: readonly unknown[], context: EvaluationContext, path: string): void => {
  if (value.length > context.maxArrayLength) {
    throw new LogicError('too-large', path, MESSAGES.arrayTooLong(value.length, context.maxArrayLength));
  }
};

const array = (value: unknown, context: EvaluationContext, path: string): unknown[] => {
  if (!Array.isArray(value)) {
    return fail(MESSAGES.notAnArray(value));
  }
  checkLength(value, context, path);
  return value;
};

const today = (context: EvaluationContext) => zonedWallTime(context.nowMs, context.timeZone);

/** The numbers of an aggregate: items (or item[path]); null / missing values are skipped like SQL does. */
const numbers = (args: unknown[], context: EvaluationContext, path: string): number[] => {
  const items = array(args[0], context, path);
  const field = args[1];
  if (field !== undefined && field !== null && (typeof field !== 'string' || !isSafeFieldPath(field))) {
    throw new LogicError('forbidden-path', path, MESSAGES.forbiddenPath(jsString(field)));
  }
  return items
    .map((item) => (typeof field === 'string' ? readPath(item, field) : item))
    .filter((value) => value !== null && value !== undefined)
    .map(number);
};

/** Date/time math on calendar dates in the context's time zone, aggregates, bands. */
const CUSTOM: Readonly<Record<CustomOperation, Implementation>> = {
  age: (context, [birthDate]) => {
    const birth = toCalendarDate(temporal(birthDate, context), context.timeZone);
    const on = today(context);
    return daysBetween(birth, on) < 0 ? fail(MESSAGES.birthInFuture(birthDate)) : wholeYears(birth, on);
  },
  days_between: (context, [a, b]) =>
    daysBetween(
      toCalendarDate(temporal(a, context), context.timeZone),
      toCalendarDate(temporal(b, context), context.timeZone),
    ),
  date_add: (context, [date, amount, unit]) => {
    const value = temporal(date, context);
    if (typeof unit !== 'string' || !DATE_UNITS.includes(unit as DateUnit)) {
      return fail(MESSAGES.unknownUnit(unit));
    }
    const dateUnit = unit as DateUnit;
    const count = dateUnit === 'hours' ? number(amount) : integer(amount);
    if (value.type === 'date') {
      return dateUnit === 'hours'
        ? fail(MESSAGES.hoursOnDate())
        : formatDate(addToDate(value.date, count, dateUnit));
    }
    const result = addToInstant(value.epochMs, count, dateUnit, context.timeZone);
    return Number.isFinite(result) && Math.abs(result) <= 8.64e15
      ? formatInstant(result)
      : fail(MESSAGES.outOfRange());
  },
  now: (context) => context.nowIso,
  today: (context) => formatDate(today(context)),
  within_last: (context, [date, days]) => {
    const value = temporal(date, context);
    const span = nonNegativeInteger(days);
    if (value.type === 'date') {
      const ago = daysBetween(value.date, today(context));
      return ago >= 0 && ago <= span;
    }
    const start = addToInstant(context.nowMs, -span, 'days', context.timeZone);
    return value.epochMs >= start && value.epochMs <= context.nowMs;
  },
  count: (context, [items], path) => array(items, context, path).length,
  sum: (context, args, path) => numbers(args, context, path).reduce((total, value) => total + value, 0),
  avg: (context, args, path) => {
    const values = numbers(args, context, path);
    return values.length === 0 ? null : values.reduce((total, value) => total + value, 0) / values.length;
  },
  min_of: (context, args, path) => {
    const values = numbers(args, context, path);
    return values.length === 0 ? null : Math.min(...values);
  },
  max_of: (context, args, path) => {
    const values = numbers(args, context, path);
    return values.length === 0 ? null : Math.max(...values);
  },
  consecutive: (context, [items, condition], path) => {
    const list = array(items, context, path);
    const logic = condition instanceof QuotedLogic ? condition.logic : condition;
    let run = 0;
    for (const item of list) {
      if (!jsonLogic.truthy(jsonLogic.apply(logic, item))) {
        break;
      }
      run += 1;
    }
    return run;
  },
  band: (_context, [value, bands]) => {
    const score = number(value);
    if (!Array.isArray(bands)) {
      return fail(MESSAGES.badBands());
    }
    let best: { min: number; label: unknown } | undefined;
    for (const band of bands) {
      if (
        !Array.isArray(band) ||
        band.length !== 2 ||
        typeof band[0] !== 'number' ||
        !Number.isFinite(band[0])
      ) {
        return fail(MESSAGES.badBands());
      }
      const [min, label] = band as [number, unknown];
      if (min <= score && (best === undefined || min > best.min)) {
        best = { min, label };
      }
    }
    return best === undefined ? null : best.label;
  },
};

let registered = false;

/** Registers the CareLoom operations and guards on json-logic-js (idempotent). */
export const registerOperations = (): void => {
  if (registered) {
    return;
  }
  registered = true;
  for (const [name, implementation] of Object.entries(CUSTOM)) {
    register(name, implementation);
  }
  register(GUARD_ARRAY_OPERATION, (context, [value], path) => {
    if (Array.isArray(value)) {
      checkLength(value, context, path);
    }
    return value;
  });
  register(GUARD_PATH_OPERATION, (_context, [value, mode], path) => {
    const keys = mode === 'keys' && Array.isArray(value) ? value : [value];
    for (const key of keys) {
      if (!isSafeVarKey(key)) {
        throw new LogicError('forbidden-path', path, MESSAGES.forbiddenPath(jsString(key)));
      }
    }
    return value;
  });
};
