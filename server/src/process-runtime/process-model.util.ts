// The engine's deploy-time check and model types for server code that reads BPMN without running it
// (bundle validation): the runtime stays the only place that imports @careloom/engine.
export { deployBpmn as checkProcessModel } from '@careloom/engine';
export type {
  DeployResult,
  FieldRight,
  FieldRightsDefinition,
  ProcessDefinition,
  ValueExpression,
} from '@careloom/engine';
