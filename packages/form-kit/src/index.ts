export { CareForm, type CareFormProps } from './CareForm.js';
export { CareRecordView, type CareRecordViewProps } from './CareRecordView.js';
export {
  createCareValidator,
  toRjsfErrors,
  toValidationData,
  type CareValidatorOptions,
  type FormData,
} from './care-validator.util.js';
export {
  buildCareUiSchema,
  CARE_FIELDS,
  CARE_WIDGETS,
  type CareUiSchemaOptions,
} from './care-ui-schema.util.js';
export {
  applyServerErrors,
  errorSchemaEntries,
  errorSchemaFrom,
  type PointerMessage,
} from './error-schema.util.js';
export {
  computedPointers,
  formFields,
  helpOf,
  labelOf,
  scaleOptionsByField,
  type FormFieldInfo,
  type SchemaNode,
} from './form-fields.util.js';
export {
  pointerMatches,
  pointerSegments,
  pointerToProperty,
  propertyToPointer,
  segmentsToPointer,
  stripPointerPrefix,
  valueAt,
  withValueAt,
} from './pointer.util.js';
export { describeValue, type DescribeValueOptions } from './describe-value.util.js';
export {
  domainGradeText,
  gradedScaleText,
  gradeText,
  liveScoreText,
  scalesByPointer,
  summarizeScale,
  type DomainGradeSummary,
  type LiveScoreText,
  type ScaleSummary,
} from './scale-summary.util.js';
