import type { JsonLogic } from '@careloom/logic';

/**
 * A value read from the model: a literal, a JSON Logic expression (text starting with `=`), or a
 * Camunda-style single-variable reference `${name}` (optionally negated `${!name}` for conditions).
 */
export type ValueExpression =
  | { type: 'literal'; value: string }
  | { type: 'logic'; logic: JsonLogic }
  | { type: 'variable'; name: string; negate?: boolean };

export interface TimerDefinition {
  kind: 'duration' | 'date' | 'cycle';
  expression: ValueExpression;
}

export interface IoParameter {
  name: string;
  value: ValueExpression;
}

export interface CallMapping {
  /** Variable name (source) or null with `all`. */
  source: string | null;
  sourceExpression: ValueExpression | null;
  target: string | null;
  all: boolean;
}

/**
 * `careloom:countersign` on the loop characteristics: how a countersign (会签) completes, from the signers'
 * votes (an instance output `approved: false` rejects, anything else approves). Compiled into `sequential`
 * and `completionCondition`; `approved` is written to the process when the countersign ends.
 */
export type CountersignMode =
  { mode: 'all' } | { mode: 'any' } | { mode: 'sequential' } | { mode: 'percent'; percent: number };

/** What a user sees and may change of one field of the task's form (`careloom:fieldRights`). */
export type FieldRight = 'hidden' | 'readonly' | 'editable' | 'required';

/**
 * `careloom:fieldRights` on a user task: per field of its form (top-level name or JSON pointer into nested
 * objects, stored as a pointer) hidden, read-only, editable or required at this step; `default` is the `"*"`
 * entry (editable when absent) and applies to every field not listed (a listed field's subtree follows it).
 */
export interface FieldRightsDefinition {
  default: FieldRight;
  /** JSON pointer ('/amount', '/review/comment') → right. */
  fields: Record<string, FieldRight>;
}

export interface MultiInstanceDefinition {
  sequential: boolean;
  loopCardinality: ValueExpression | null;
  collection: ValueExpression | null;
  elementVariable: string | null;
  /** JSON Logic; null = none. */
  completionCondition: JsonLogic;
  /** Process variable receiving the array of the instances' outputs (careloom:outputCollection). */
  outputCollection: string | null;
  /** careloom:countersign; absent in definitions deployed before it existed. */
  countersign?: CountersignMode | null;
}

interface ElementBase {
  id: string;
  name: string;
  /** Id of the enclosing embedded sub-process, or null at process level. */
  parentId: string | null;
  incoming: string[];
  outgoing: string[];
  /** Boundary events attached to this activity. */
  boundaryEvents: string[];
  /** The default sequence flow (gateways, activities). */
  defaultFlow: string | null;
  inputs: IoParameter[];
  outputs: IoParameter[];
}

export type StartEventDefinition = ElementBase & {
  type: 'startEvent';
  trigger:
    { type: 'none' } | { type: 'timer'; timer: TimerDefinition } | { type: 'message'; messageName: string };
};

export type EndEventDefinition = ElementBase & {
  type: 'endEvent';
  result: { type: 'none' } | { type: 'terminate' } | { type: 'error'; errorCode: string | null };
};

export type IntermediateCatchEventDefinition = ElementBase & {
  type: 'intermediateCatchEvent';
  trigger:
    | { type: 'timer'; timer: TimerDefinition }
    | { type: 'message'; messageName: string; correlationKey: ValueExpression | null };
};

export type IntermediateThrowEventDefinition = ElementBase & { type: 'intermediateThrowEvent' };

export type BoundaryEventDefinition = ElementBase & {
  type: 'boundaryEvent';
  attachedTo: string;
  cancelActivity: boolean;
  trigger:
    | { type: 'timer'; timer: TimerDefinition }
    | { type: 'error'; errorCode: string | null }
    | { type: 'message'; messageName: string; correlationKey: ValueExpression | null };
};

export type UserTaskDefinition = ElementBase & {
  type: 'userTask';
  assignee: ValueExpression | null;
  candidateGroups: ValueExpression | null;
  candidateUsers: ValueExpression | null;
  formKey: string | null;
  dueDate: ValueExpression | null;
  followUpDate: ValueExpression | null;
  multiInstance: MultiInstanceDefinition | null;
  /** careloom:fieldRights; absent in definitions deployed before it existed, null when not set. */
  fieldRights?: FieldRightsDefinition | null;
};

export type ServiceTaskDefinition = ElementBase & {
  type: 'serviceTask';
  serviceType: string;
  parameters: Record<string, unknown>;
};

export type BusinessRuleTaskDefinition = ElementBase & {
  type: 'businessRuleTask';
  decision: JsonLogic;
  resultVariable: string;
};

export type TaskDefinition = ElementBase & { type: 'task' };

export type GatewayType = 'exclusiveGateway' | 'parallelGateway' | 'inclusiveGateway' | 'eventBasedGateway';

/** One variant per gateway kind (a union, so the registry can narrow by `type`). */
export type GatewayDefinition = { [K in GatewayType]: ElementBase & { type: K } }[GatewayType];

export type SubProcessDefinition = ElementBase & {
  type: 'subProcess';
  startEventId: string;
  /** Elements of every kind directly inside the sub-process. */
  children: string[];
};

export type CallActivityDefinition = ElementBase & {
  type: 'callActivity';
  processKey: string;
  in: CallMapping[];
  out: CallMapping[];
};

export type ElementDefinition =
  | StartEventDefinition
  | EndEventDefinition
  | IntermediateCatchEventDefinition
  | IntermediateThrowEventDefinition
  | BoundaryEventDefinition
  | UserTaskDefinition
  | ServiceTaskDefinition
  | BusinessRuleTaskDefinition
  | TaskDefinition
  | GatewayDefinition
  | SubProcessDefinition
  | CallActivityDefinition;

export type ElementType = ElementDefinition['type'];

export interface FlowDefinition {
  id: string;
  name: string;
  sourceId: string;
  targetId: string;
  /** JSON Logic; null = no condition. */
  condition: JsonLogic;
}

/** Plain JSON (stored as JSONB by the server): no classes, no functions. */
export interface ProcessDefinition {
  schemaVersion: 1;
  /** BPMN process id = the process key. */
  id: string;
  name: string;
  isExecutable: boolean;
  elements: Record<string, ElementDefinition>;
  flows: Record<string, FlowDefinition>;
  startEvents: {
    none?: string;
    timers: string[];
    messages: { name: string; elementId: string }[];
  };
  /** Process-level elements (not inside a sub-process), in document order. */
  children: string[];
  /**
   * For each inclusive gateway: the elements from which a token can still reach it
   * (without passing through the gateway itself). Used by the inclusive join.
   */
  inclusiveSources: Record<string, string[]>;
}

export interface DeployOptions {
  /** Default 2 MB (UTF-16 length of the XML text). */
  maxBytes?: number;
  /** Default 2000. */
  maxElements?: number;
  /** Nesting of embedded sub-processes. Default 8. */
  maxDepth?: number;
  /** Default 1000. */
  maxTimerRepetitions?: number;
  /** Default 'PT1M'. */
  minTimerCycle?: string;
}

export interface DeployIssue {
  elementId: string | null;
  elementType: string | null;
  message: string;
  messages: { 'zh-CN': string; en: string };
}

export type DeployResult =
  | { ok: true; processes: ProcessDefinition[]; warnings: DeployIssue[] }
  | { ok: false; errors: DeployIssue[] };
