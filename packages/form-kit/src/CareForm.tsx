import { useMemo, useState, type ReactNode } from 'react';
import { Alert, Button } from 'antd';
import { Form } from '@rjsf/antd';
import type { IChangeEvent } from '@rjsf/core';
import {
  deepEquals,
  type ErrorSchema,
  type RegistryFieldsType,
  type RegistryWidgetsType,
  type UiSchema,
} from '@rjsf/utils';
import {
  compileForm,
  FormSchemaError,
  type CompiledForm,
  type Locale,
  type ProcessResult,
} from '@careloom/forms';
import './care-form.css';
import { careText } from './care-form-text.constants.js';
import { buildCareUiSchema, CARE_FIELDS, CARE_WIDGETS } from './care-ui-schema.util.js';
import { localizeChoiceTitles } from './choice-labels.util.js';
import { createCareValidator, type FormData } from './care-validator.util.js';
import { errorSchemaEntries, errorSchemaFrom } from './error-schema.util.js';
import { computedPointers } from './form-fields.util.js';
import { createErrorGate } from './error-gate.util.js';
import { liveScoreText, scalesByPointer, summarizeScale } from './scale-summary.util.js';
import { valueAt, withValueAt } from './pointer.util.js';
import type { CareFormContext } from './widgets/care-form-context.types.js';
import { CareChoiceWidget } from './widgets/CareChoiceWidget.js';
import { CareComputedWidget } from './widgets/CareComputedWidget.js';
import { CareDateWidget, CareTimeWidget } from './widgets/CareDateWidget.js';
import { CareHiddenField } from './widgets/CareHiddenField.js';
import { CarePhotoWidget } from './widgets/CarePhotoWidget.js';
import { CareSignatureWidget } from './widgets/CareSignatureWidget.js';
import { CareScaleResultField } from './widgets/CareScaleResultField.js';

const WIDGETS: RegistryWidgetsType = {
  [CARE_WIDGETS.choice]: CareChoiceWidget,
  [CARE_WIDGETS.date]: CareDateWidget,
  [CARE_WIDGETS.time]: CareTimeWidget,
  [CARE_WIDGETS.computed]: CareComputedWidget,
  [CARE_WIDGETS.signature]: CareSignatureWidget,
  [CARE_WIDGETS.photo]: CarePhotoWidget,
};
const FIELDS: RegistryFieldsType = {
  [CARE_FIELDS.hidden]: CareHiddenField,
  [CARE_FIELDS.scale]: CareScaleResultField,
};

export interface CareFormProps {
  /** The form version's JSON Schema (CareLoom dialect). */
  schema: object;
  /** The form version's rjsf uiSchema; its entries win over the derived ones. */
  uiSchema?: UiSchema;
  /** Initial data; a new object (by identity) resets the form to it. */
  formData?: FormData;
  /** Every change, with what the server would make of it (computed values, scores, errors). */
  onChange?: (data: FormData, preview: ProcessResult) => void;
  /** Called only when the data is valid by the server's rules; `data` is the processed record data. */
  onSubmit?: (data: FormData, result: ProcessResult) => void;
  locale: Locale;
  disabled?: boolean;
  /** Show errors while the nurse types (each field once it was changed); all errors after a submit. Default true. */
  liveValidate?: boolean;
  /** Errors from elsewhere (the server: see applyServerErrors); each goes once its field changes. */
  extraErrors?: ErrorSchema;
  /**
   * The initial data came with masked sensitive values (`110***********1234`): while such a value is unchanged it
   * is not validated (the server keeps the stored value).
   */
  masked?: boolean;
  /** The instant computations use as now (ISO); default: when the form was opened. */
  now?: string;
  timeZone?: string;
  /** Text of the submit button; `null` hides it (e.g. for a read-only preview). */
  submitText?: ReactNode | null;
  submitting?: boolean;
  /** Extra buttons next to submit. */
  actions?: ReactNode;
  /** An already compiled form (else the schema is compiled here). */
  compiled?: CompiledForm;
}

interface Compiled {
  form?: CompiledForm;
  error?: unknown;
}

function compile(schema: object, locale: Locale, given?: CompiledForm): Compiled {
  if (given) {
    return { form: given };
  }
  try {
    return { form: compileForm(schema, { locale }) };
  } catch (error) {
    return { error };
  }
}

/**
 * A CareLoom form on rjsf with the antd theme, validated by @careloom/forms exactly as the server validates it:
 * same rules, same zh-CN/English messages. Computed fields and scale results update live; fields hidden by
 * `x-visible-if` are not rendered.
 */
export function CareForm(props: CareFormProps) {
  const {
    schema,
    uiSchema,
    formData,
    onChange,
    onSubmit,
    locale,
    disabled = false,
    liveValidate = true,
    extraErrors,
    masked = false,
    timeZone,
    submitText,
    submitting = false,
    actions,
  } = props;
  const [openedAt] = useState(() => new Date().toISOString());
  const now = props.now ?? openedAt;
  const compiled = useMemo(() => compile(schema, locale, props.compiled), [schema, locale, props.compiled]);
  const computed = useMemo(() => computedPointers(schema), [schema]);
  const scales = useMemo(() => scalesByPointer(schema), [schema]);
  // rjsf labels choice options by `title`; the bundles keep both languages in `x-labels`
  const shownSchema = useMemo(() => localizeChoiceTitles(schema, locale), [schema, locale]);
  const sensitive = useMemo(() => compiled.form?.sensitivePaths() ?? [], [compiled]);

  // the data as the nurse entered it; reset when the parent passes new initial data
  const [seen, setSeen] = useState(formData);
  const [value, setValue] = useState<FormData>(formData ?? {});
  const [initial, setInitial] = useState<FormData>(formData ?? {});
  const [extraSnapshot, setExtraSnapshot] = useState<{ errors?: ErrorSchema; data: FormData }>({
    errors: extraErrors,
    data: value,
  });
  if (formData !== seen) {
    setSeen(formData);
    setValue(formData ?? {});
    setInitial(formData ?? {});
  }
  if (extraErrors !== extraSnapshot.errors) {
    setExtraSnapshot({ errors: extraErrors, data: value });
  }

  // which errors to show: changed fields while typing, all of them once a submit was tried
  const gate = useMemo(() => createErrorGate({ initial, masked, sensitive }), [initial, masked, sensitive]);
  const validator = useMemo(
    () =>
      compiled.form
        ? createCareValidator(compiled.form, {
            locale,
            now,
            ...(timeZone !== undefined ? { timeZone } : {}),
            report: gate.report,
          })
        : undefined,
    [compiled, locale, now, timeZone, gate],
  );

  const context = useMemo(
    () => ({ locale, now, ...(timeZone !== undefined ? { timeZone } : {}) }),
    [locale, now, timeZone],
  );
  const preview = useMemo(
    () => compiled.form?.process(value, context) ?? { data: value, errors: [], scores: {} },
    [compiled, value, context],
  );
  const hidden = useMemo(() => {
    const visibility = compiled.form?.visibility(value, context) ?? {};
    return new Set(Object.keys(visibility).filter((pointer) => visibility[pointer] === false));
  }, [compiled, value, context]);
  const careUiSchema = useMemo(
    () => buildCareUiSchema(schema, { locale, hidden, ...(uiSchema ? { base: uiSchema } : {}) }),
    [schema, locale, hidden, uiSchema],
  );
  // what rjsf shows: the nurse's answers plus the values the server will compute
  const display = useMemo(
    () =>
      computed.reduce((data, pointer) => withValueAt(data, pointer, valueAt(preview.data, pointer)), value),
    [computed, preview, value],
  );
  // extra (server) errors stay until their field changes
  const liveExtraErrors = useMemo(() => {
    const entries = errorSchemaEntries(extraSnapshot.errors).filter((entry) =>
      deepEquals(valueAt(value, entry.path), valueAt(extraSnapshot.data, entry.path)),
    );
    return entries.length > 0 ? errorSchemaFrom(entries) : undefined;
  }, [extraSnapshot, value]);
  const formContext = useMemo<CareFormContext>(
    () => ({ locale, colSpan: 24, rowGutter: 0, labelAlign: 'left', colon: false }),
    [locale],
  );

  if (!compiled.form || !validator) {
    const issues = compiled.error instanceof FormSchemaError ? compiled.error.issues : [];
    return (
      <Alert
        type="error"
        showIcon
        title={careText(locale, 'schemaError')}
        description={
          issues.map((issue) => `${issue.path}: ${issue.messages[locale]}`).join('\n') || undefined
        }
      />
    );
  }
  const form = compiled.form;
  // the first scored scale's live result, repeated next to the save button (graded scales: level and grades)
  const [firstPointer, first] = Object.entries(preview.scores)[0] ?? [];
  const liveScore =
    firstPointer === undefined
      ? null
      : liveScoreText(summarizeScale(scales.get(firstPointer), first, locale), locale);

  const change = (event: IChangeEvent<FormData>) => {
    const next: FormData = event.formData ?? {};
    setValue(next);
    onChange?.(next, form.process(next, context));
  };
  const submit = (event: IChangeEvent<FormData>) => {
    const data: FormData = event.formData ?? {};
    const result = form.process(data, context);
    onSubmit?.(result.data, result);
  };

  return (
    <Form
      className="care-form"
      schema={shownSchema}
      uiSchema={careUiSchema}
      formData={display}
      validator={validator}
      widgets={WIDGETS}
      fields={FIELDS}
      formContext={formContext}
      disabled={disabled}
      liveValidate={liveValidate ? 'onChange' : undefined}
      showErrorList={false}
      noHtml5Validate
      focusOnFirstError
      {...(liveExtraErrors ? { extraErrors: liveExtraErrors, extraErrorsBlockSubmit: false } : {})}
      onChange={change}
      onSubmit={submit}
      onError={gate.showAll}
    >
      {submitText === null ? (
        <span />
      ) : (
        <div className="care-form-actions">
          {liveScore && (
            <div className="care-form-live-score" data-testid="care-form-live-score" aria-hidden="true">
              <div data-testid="care-form-live-level">{liveScore.headline}</div>
              {liveScore.detail && (
                <div className="care-form-live-grades" data-testid="care-form-live-grades">
                  {liveScore.detail}
                </div>
              )}
            </div>
          )}
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            loading={submitting}
            disabled={disabled}
            data-testid="care-form-submit"
            onClick={gate.showAll}
            style={{ flex: '1 1 160px' }}
          >
            {submitText ?? careText(locale, 'submit')}
          </Button>
          {actions}
        </div>
      )}
    </Form>
  );
}
