export type {
  CompiledForm,
  CompileFormOptions,
  FieldError,
  Labels,
  LintIssue,
  Locale,
  LogicExpression,
  ProcessContext,
  ProcessResult,
  ScaleBand,
  ScaleConditionBand,
  ScaleDefinition,
  ScaleGrade,
  ScaleItem,
  ScaleOption,
  ScaleOverride,
  ScaleRangeBand,
  ScaleResult,
  ScaleSection,
  ScaleSetLevelOverride,
  ScaleShiftLevelOverride,
} from './forms.types.js';
export { FormSchemaError } from './forms.errors.js';
export { lintFormSchema } from './lint.util.js';
export type { LintOptions } from './lint.util.js';
export { compileForm } from './compile-form.util.js';
export { maskSensitive } from './mask.util.js';
export { checkChineseIdNumber, isChineseIdNumber, isChineseMobile } from './cn-identity.util.js';
export type { ChineseIdNumberCheck } from './cn-identity.util.js';
export { scoreScale } from './scale.util.js';
export type { ScoreScaleOptions } from './scale.util.js';
export { createFormsAjv } from './ajv.util.js';
export { DIALECT_KEYWORDS, FORMATS, IMAGE_FORMATS } from './dialect.constants.js';
export { isImageDataUrl } from './image.util.js';
