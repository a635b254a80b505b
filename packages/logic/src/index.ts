export type {
  CheckLogicOptions,
  CompiledSql,
  CompileSqlOptions,
  EvaluateExplainedResult,
  EvaluateOptions,
  ExplanationNode,
  FilterFieldType,
  JsonLogic,
  LocalizedMessages,
  LogicErrorCode,
  LogicIssue,
  LogicIssueCode,
} from './logic.types.js';
export { LogicError } from './logic.errors.js';
export { LOGIC_OPERATIONS } from './logic.constants.js';
export {
  evaluate,
  evaluateExplained,
  evaluatePrepared,
  explainPrepared,
  prepareLogic,
  truthy,
  type PreparedEvaluateOptions,
  type PreparedLogic,
} from './evaluate.util.js';
export { checkLogic, collectVars, lintLogic } from './check.util.js';
export { compileFilterToSql } from './sql.util.js';
export { itemKeysRead, rootPathsRead } from './item-keys.util.js';
// Calendar and time-zone primitives, shared with the engine so both read dates and zones alike.
export {
  assertTimeZone,
  daysInMonth,
  formatInstant,
  parseTemporal,
  startOfDay,
  zonedWallTime,
  zonedWallToInstant,
  type CalendarDate,
  type Temporal,
  type WallTime,
} from './date.util.js';
