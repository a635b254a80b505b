import { evaluate, evaluatePrepared, prepareLogic, truthy, type PreparedLogic } from '@careloom/logic';
import { orderComputed } from './compute-order.util.js';
import { ajvErrorField, ajvErrorText, fieldError, fieldLabels } from './field-messages.util.js';
import { findFieldSchema, type FormField } from './form-fields.util.js';
import { buildFormModel, type ComputedField } from './form-model.util.js';
import { FormSchemaError } from './forms.errors.js';
import type {
  CompiledForm,
  CompileFormOptions,
  FieldError,
  Labels,
  Locale,
  ProcessContext,
  ProcessResult,
  ScaleResult,
} from './forms.types.js';
import { cloneJson, deleteAt, getAt, isPlainObject, setAt, type JsonObject } from './json.util.js';
import { lintAndCompile } from './lint.util.js';
import { maskFields, sensitiveFields } from './mask.util.js';
import { scoreScale } from './scale.util.js';

interface LogicContext {
  now?: string;
  timeZone?: string;
}

interface RunState {
  data: JsonObject;
  hidden: Set<string>;
  errors: FieldError[];
  scores: Record<string, ScaleResult>;
}

const REQUIRED_TEXT: Labels = { 'zh-CN': '请填写此项', en: 'This field is required' };

function logicOptions(context: LogicContext): LogicContext {
  const options: LogicContext = {};
  if (context.now !== undefined) {
    options.now = context.now;
  }
  if (context.timeZone !== undefined) {
    options.timeZone = context.timeZone;
  }
  return options;
}

function errorReason(error: unknown): Labels {
  if (typeof error === 'object' && error !== null && 'messages' in error) {
    const messages = error.messages;
    if (
      isPlainObject(messages) &&
      typeof messages['zh-CN'] === 'string' &&
      typeof messages['en'] === 'string'
    ) {
      return { 'zh-CN': messages['zh-CN'], en: messages['en'] };
    }
  }
  const text = error instanceof Error ? error.message : String(error);
  return { 'zh-CN': text, en: text };
}

function isMissing(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function isUnder(pointer: string, hidden: ReadonlySet<string>): boolean {
  for (const hiddenPointer of hidden) {
    if (pointer === hiddenPointer || pointer.startsWith(`${hiddenPointer}/`)) {
      return true;
    }
  }
  return false;
}

function dedupe(errors: readonly FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.path}\u0000${error.keyword}\u0000${error.messages.en}`;
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}

/**
 * Lints and compiles a form schema once; the result processes and validates submissions.
 * Throws FormSchemaError when lint reports an error. The schema is copied: later changes to the input do not leak in.
 */
export function compileForm(schema: unknown, options: CompileFormOptions = {}): CompiledForm {
  const defaultLocale: Locale = options.locale ?? 'zh-CN';
  const ownSchema = ownCopy(schema);
  const { issues, validate: validateSchema } = lintAndCompile(ownSchema, defaultLocale);
  if (
    validateSchema === undefined ||
    !isPlainObject(ownSchema) ||
    issues.some((issue) => issue.severity === 'error')
  ) {
    throw new FormSchemaError(issues);
  }
  const model = buildFormModel(ownSchema);
  const order = orderComputed(model.computed.map((c) => ({ varPath: c.field.varPath, reads: c.reads })));
  const computedInOrder: ComputedField[] =
    order.type === 'ordered'
      ? order.order.flatMap((varPath) => model.computed.filter((c) => c.field.varPath === varPath))
      : [];
  const conditional = model.behaviourFields.filter((field) => field.schema['x-visible-if'] !== undefined);
  const requiredIf = model.behaviourFields.filter((field) => field.schema['x-required-if'] !== undefined);
  const sensitive = model.fields
    .filter((field) => field.schema['x-sensitive'] === true)
    .map((field) => field.pointer);
  const masking = sensitiveFields(ownSchema);

  // The form's expressions (x-compute, x-visible-if, x-required-if) are checked once, not on every
  // evaluation: the schema is this form's own copy and never changes.
  const preparedLogic = new Map<unknown, PreparedLogic>();
  const evaluateOwn = (logic: unknown, data: unknown, context: LogicContext): unknown => {
    let prepared = preparedLogic.get(logic);
    if (prepared === undefined) {
      try {
        prepared = prepareLogic(logic);
      } catch {
        // evaluate throws what it always did (an invalid option first, then the invalid expression)
        return evaluate(logic, data, logicOptions(context));
      }
      preparedLogic.set(logic, prepared);
    }
    return evaluatePrepared(prepared, data, logicOptions(context));
  };

  const labelsAt = (pointer: string): Labels | undefined =>
    fieldLabels(findFieldSchema(model.fields, pointer));

  const logicError = (field: FormField, keyword: string, error: unknown, locale: Locale): FieldError => {
    const reason = errorReason(error);
    return fieldError(
      field.pointer,
      keyword === 'x-compute' ? 'x-compute' : 'x-logic',
      {
        'zh-CN': `${keyword === 'x-compute' ? '无法计算' : '表单条件无法计算'}，请联系管理员（${reason['zh-CN']}）`,
        en: `${keyword === 'x-compute' ? 'Could not be computed' : 'A form condition could not be evaluated'}; contact the administrator (${reason.en})`,
      },
      fieldLabels(field.schema),
      locale,
      { keyword },
    );
  };

  /** Visibility of the conditional fields on `data`: returns the pointers hidden (a hidden parent hides its children). */
  const hiddenOn = (
    data: JsonObject,
    context: LogicContext,
    locale: Locale,
    errors: FieldError[],
  ): Set<string> => {
    const hidden = new Set<string>();
    for (const field of conditional) {
      if (isUnder(field.pointer, hidden)) {
        hidden.add(field.pointer);
        continue;
      }
      try {
        if (!truthy(evaluateOwn(field.schema['x-visible-if'], data, context))) {
          hidden.add(field.pointer);
        }
      } catch (error) {
        errors.push(logicError(field, 'x-visible-if', error, locale));
      }
    }
    return hidden;
  };

  const computeAll = (state: RunState, context: LogicContext, locale: Locale): FieldError[] => {
    const errors: FieldError[] = [];
    state.scores = {};
    for (const computed of computedInOrder) {
      const { field } = computed;
      if (isUnder(field.pointer, state.hidden)) {
        continue;
      }
      deleteAt(state.data, field.segments);
      try {
        if (computed.type === 'compute') {
          const value = evaluateOwn(computed.logic, state.data, context);
          if (value !== undefined && value !== null) {
            setAt(state.data, field.segments, value);
          }
        } else {
          const answers = getAt(state.data, field.segments.slice(0, -1));
          const result = scoreScale(
            computed.scale,
            isPlainObject(answers) ? answers : {},
            state.data,
            logicOptions(context),
          );
          setAt(state.data, field.segments, result);
          state.scores[field.pointer] = result;
        }
      } catch (error) {
        errors.push(logicError(field, 'x-compute', error, locale));
      }
    }
    return errors;
  };

  /** Computes, hides and drops until nothing new is hidden; a field once hidden stays hidden. */
  const run = (data: unknown, context: LogicContext, locale: Locale): RunState => {
    const state: RunState = {
      data: isPlainObject(data) ? cloneJson(data) : {},
      hidden: new Set(),
      errors: [],
      scores: {},
    };
    for (const computed of computedInOrder) {
      deleteAt(state.data, computed.field.segments);
    }
    for (let round = 0; round <= conditional.length; round += 1) {
      const roundErrors = computeAll(state, context, locale);
      const hidden = hiddenOn(state.data, context, locale, roundErrors);
      state.errors = roundErrors;
      let changed = false;
      for (const pointer of hidden) {
        if (!state.hidden.has(pointer)) {
          state.hidden.add(pointer);
          changed = true;
        }
      }
      for (const pointer of state.hidden) {
        const field = conditional.find((candidate) => candidate.pointer === pointer);
        if (field !== undefined) {
          deleteAt(state.data, field.segments);
        }
      }
      if (!changed) {
        break;
      }
    }
    return state;
  };

  const check = (
    data: unknown,
    hidden: ReadonlySet<string>,
    context: LogicContext,
    locale: Locale,
  ): FieldError[] => {
    const errors: FieldError[] = [];
    if (validateSchema(data) !== true) {
      for (const error of validateSchema.errors ?? []) {
        const path = ajvErrorField(error);
        if (isUnder(path, hidden)) {
          continue;
        }
        errors.push(
          fieldError(
            path,
            error.keyword,
            ajvErrorText(error),
            labelsAt(path),
            locale,
            error.params as Record<string, unknown>,
          ),
        );
      }
    }
    if (!isPlainObject(data)) {
      return errors;
    }
    for (const field of requiredIf) {
      if (isUnder(field.pointer, hidden)) {
        continue;
      }
      try {
        if (
          truthy(evaluateOwn(field.schema['x-required-if'], data, context)) &&
          isMissing(getAt(data, field.segments))
        ) {
          errors.push(
            fieldError(field.pointer, 'required', REQUIRED_TEXT, fieldLabels(field.schema), locale, {
              missingProperty: field.name,
              condition: 'x-required-if',
            }),
          );
        }
      } catch (error) {
        errors.push(logicError(field, 'x-required-if', error, locale));
      }
    }
    return errors;
  };

  return {
    schema: ownSchema,
    process(data: unknown, context: ProcessContext = {}): ProcessResult {
      const locale = context.locale ?? defaultLocale;
      if (!isPlainObject(data)) {
        return { data: {}, errors: dedupe(check(data, new Set(), context, locale)), scores: {} };
      }
      const state = run(data, context, locale);
      const errors = [...state.errors, ...check(state.data, state.hidden, context, locale)];
      return { data: state.data, errors: dedupe(errors), scores: state.scores };
    },
    validate(
      data: unknown,
      context: { locale?: Locale; now?: string; timeZone?: string } = {},
    ): FieldError[] {
      const locale = context.locale ?? defaultLocale;
      const errors: FieldError[] = [];
      const hidden = isPlainObject(data) ? hiddenOn(data, context, locale, errors) : new Set<string>();
      return dedupe([...errors, ...check(data, hidden, context, locale)]);
    },
    sensitivePaths(): string[] {
      return [...sensitive];
    },
    mask(data: Record<string, unknown>): Record<string, unknown> {
      return maskFields(masking, data);
    },
    visibility(data: unknown, context: { now?: string; timeZone?: string } = {}): Record<string, boolean> {
      const state = run(data, context, defaultLocale);
      const result: Record<string, boolean> = {};
      for (const field of model.fields) {
        result[field.pointer] = !isUnder(field.pointer, state.hidden);
      }
      return result;
    },
  };
}

/** A JSON copy of the schema (lint reports what cannot be copied: cycles, non-JSON values). */
function ownCopy(schema: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(schema)) as unknown;
  } catch {
    return schema;
  }
}
