import {
  createErrorHandler,
  hashForSchema,
  ID_KEY,
  ROOT_SCHEMA_PREFIX,
  toErrorSchema,
  unwrapErrorHandler,
  validationDataMerge,
  withIdRefPrefix,
  type CustomValidator,
  type ErrorTransformer,
  type RJSFSchema,
  type RJSFValidationError,
  type UiSchema,
  type ValidationData,
  type ValidatorType,
} from '@rjsf/utils';
import { createFormsAjv, type CompiledForm, type FieldError, type Locale } from '@careloom/forms';
import { errorSchemaFrom } from './error-schema.util.js';
import { pointerToProperty } from './pointer.util.js';

/** The record data CareForm edits: a JSON object. */
export type FormData = Record<string, unknown>;

export interface CareValidatorOptions {
  /** Language of the messages (the server answers in the Accept-Language locale, the same catalogue). */
  locale: Locale;
  /** The instant `x-compute` / `x-scale` logic sees as now (ISO), injected for determinism. */
  now?: string;
  timeZone?: string;
  /**
   * Which errors to show now (e.g. only fields the nurse touched until the first submit).
   * Default: all of them.
   */
  report?: (error: FieldError, formData: unknown) => boolean;
}

/** rjsf errors for @careloom/forms FieldErrors: `name` is the keyword, `property` the rjsf path of the pointer. */
export function toRjsfErrors(errors: readonly FieldError[]): RJSFValidationError[] {
  return errors.map((error) => {
    const property = pointerToProperty(error.path);
    return {
      name: error.keyword,
      property,
      message: error.message,
      params: error.params ?? {},
      stack: property ? `${property} ${error.message}` : error.message,
    };
  });
}

/** `{ errors, errorSchema }` as rjsf expects them from `validateFormData`. */
export function toValidationData(errors: readonly FieldError[]): ValidationData<FormData> {
  return {
    errors: toRjsfErrors(errors),
    errorSchema: errorSchemaFrom(errors),
  };
}

type AjvInstance = ReturnType<typeof createFormsAjv>;

/**
 * An rjsf `ValidatorType` whose form validation is `compiled.process` of @careloom/forms, i.e. exactly what the
 * server runs on submit (computed fields, x-visible-if, x-required-if, cn-id-number…) with the same messages.
 *
 * `validateFormData` ignores the `schema` argument: the validator belongs to one compiled form. `isValid` and
 * `rawValidation` (used by rjsf for `if`/`oneOf`/`dependencies` resolution) run the dialect's ajv on the
 * sub-schema they are given.
 */
export function createCareValidator(
  compiled: CompiledForm,
  options: CareValidatorOptions,
): ValidatorType<FormData> {
  let ajv: AjvInstance | undefined;
  let lastRoot: unknown;
  const ajvFor = (rootSchema?: RJSFSchema): AjvInstance => {
    ajv ??= createFormsAjv();
    if (rootSchema !== undefined && rootSchema !== lastRoot) {
      ajv.removeSchema(ROOT_SCHEMA_PREFIX);
      ajv.addSchema(stripId(rootSchema), ROOT_SCHEMA_PREFIX);
      lastRoot = rootSchema;
    }
    return ajv;
  };

  const context = {
    locale: options.locale,
    ...(options.now !== undefined ? { now: options.now } : {}),
    ...(options.timeZone !== undefined ? { timeZone: options.timeZone } : {}),
  };

  return {
    validateFormData(
      formData: FormData | undefined,
      _schema: RJSFSchema,
      customValidate?: CustomValidator<FormData>,
      transformErrors?: ErrorTransformer<FormData>,
      uiSchema?: UiSchema<FormData>,
    ): ValidationData<FormData> {
      const data = formData ?? {};
      const report = options.report;
      const found = compiled.process(data, context).errors;
      const shown = report ? found.filter((error) => report(error, data)) : found;
      let validation = toValidationData(shown);
      if (typeof transformErrors === 'function') {
        const errors = transformErrors(validation.errors, uiSchema);
        validation = { errors, errorSchema: toErrorSchema<FormData>(errors) };
      }
      if (typeof customValidate !== 'function') {
        return validation;
      }
      const handler = customValidate(
        data,
        createErrorHandler<FormData>(data),
        uiSchema,
        validation.errorSchema,
      );
      return validationDataMerge<FormData>(validation, unwrapErrorHandler<FormData>(handler));
    },

    isValid(schema: RJSFSchema, formData: FormData | undefined, rootSchema: RJSFSchema): boolean {
      try {
        const instance = ajvFor(rootSchema);
        const prefixed = stripId(withIdRefPrefix(schema) as RJSFSchema);
        const key = hashForSchema(prefixed);
        const validate = instance.getSchema(key) ?? instance.addSchema(prefixed, key).getSchema(key);
        return validate ? validate(formData) === true : false;
      } catch {
        return false;
      }
    },

    rawValidation<Result = unknown>(
      schema: RJSFSchema,
      formData?: FormData,
    ): { errors?: Result[]; validationError?: Error } {
      try {
        const validate = ajvFor().compile(stripId(schema));
        validate(formData);
        return validate.errors ? { errors: validate.errors as Result[] } : {};
      } catch (error) {
        return { validationError: error instanceof Error ? error : new Error(String(error)) };
      }
    },

    reset(): void {
      ajv = undefined;
      lastRoot = undefined;
    },
  };
}

/** A form's `$id` would collide when the same schema is added twice under another key. */
function stripId(schema: RJSFSchema): RJSFSchema {
  if (!(ID_KEY in schema)) {
    return schema;
  }
  const { [ID_KEY]: _id, ...rest } = schema;
  return rest;
}
