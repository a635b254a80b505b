export { ConditionBuilder, type ConditionBuilderProps } from './ConditionBuilder.js';
export { ComputeBuilder, type ComputeBuilderProps } from './ComputeBuilder.js';
export { AdvancedLogicEditor } from './AdvancedLogicEditor.js';
export * from './logic-builder.util.js';
export type * from './logic-builder.types.js';
