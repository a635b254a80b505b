export { deployBpmn, DEPLOY_DEFAULTS } from './definition/deploy.util.js';
export type {
  BoundaryEventDefinition,
  CallActivityDefinition,
  CallMapping,
  CountersignMode,
  DeployIssue,
  DeployOptions,
  DeployResult,
  ElementDefinition,
  ElementType,
  FieldRight,
  FieldRightsDefinition,
  FlowDefinition,
  GatewayDefinition,
  IoParameter,
  MultiInstanceDefinition,
  ProcessDefinition,
  TimerDefinition,
  UserTaskDefinition,
  ValueExpression,
} from './definition/definition.types.js';
export { FIELD_RIGHTS, fieldRightsPointer, parseFieldRights } from './definition/field-rights.util.js';
export type { FieldRightsParse } from './definition/field-rights.util.js';
export { execute, initialState } from './runtime/execute.js';
export type { Command, CommandType, ExecutionContext, StepResult } from './commands/command.types.js';
export type { CreateTaskEffect, Effect, EffectType, EndStatus, HistoryEvent } from './effects.js';
export { EngineError, type EngineErrorCode } from './errors.js';
export type {
  Incident,
  InstanceState,
  InstanceStatus,
  Subscription,
  Token,
  TokenWait,
} from './state/state.types.js';
export { addDuration, parseDuration, type Duration } from './time/duration.util.js';
export {
  addBusinessTime,
  businessCalendarOf,
  calendarProblems,
  calendarYearProblems,
  describeBusinessDuration,
  isWorkingDay,
  parseBusinessDuration,
  standardCalendar,
  STANDARD_HOURS,
  workingHoursProblems,
  type BusinessCalendar,
  type BusinessDuration,
  type CalendarData,
  type CalendarProblem,
  type CalendarYear,
  type WorkingPeriod,
} from './time/business-time.util.js';
export { SHIPPED_CALENDARS, type ShippedCalendar } from './time/shipped-calendars.constants.js';
export {
  addDeadline,
  nextCycleDue,
  parseTimerCycle,
  scheduleTimer,
  type TimerCycle,
  type TimerSchedule,
} from './time/timer.util.js';
export { simulate } from './simulate/simulate.util.js';
export type {
  SimulationOptions,
  SimulationScript,
  SimulationStep,
  SimulationTrace,
} from './simulate/simulate.types.js';
