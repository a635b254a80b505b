/** A rule definition as the server stores it (server/src/modules/rules/rule.types.ts), seen from the designer. */
export type LocalizedText = { 'zh-CN': string; en: string };

export const RECORD_TRIGGER_TYPES = ['record.created', 'record.updated', 'record.saved'] as const;
export type RecordTriggerType = (typeof RECORD_TRIGGER_TYPES)[number];

export const TRIGGER_TYPES = [
  ...RECORD_TRIGGER_TYPES,
  'resident.status-changed',
  'task.completed',
  'task.overdue',
  'process.ended',
  'schedule',
  'date-field',
] as const;
export type TriggerType = (typeof TRIGGER_TYPES)[number];

export const RESIDENT_STATUSES = ['inquiry', 'trial', 'admitted', 'discharged', 'deceased'] as const;
export const PROCESS_END_STATUSES = ['completed', 'cancelled'] as const;
/** Repetitions offered for a date-field trigger (ISO 8601 periods; the server accepts any whole-day period). */
export const DATE_FIELD_EVERY = ['P1Y', 'P6M', 'P3M', 'P1M', 'P7D'] as const;
/** Residents a schedule looks at when it does not say: those living in the home. */
export const DEFAULT_SCHEDULE_STATUSES = ['trial', 'admitted'] as const;

export type RuleTrigger =
  | { type: RecordTriggerType; formKey: string }
  | { type: 'resident.status-changed'; to?: string }
  | { type: 'task.completed' | 'task.overdue'; processKey?: string; elementId?: string }
  | { type: 'process.ended'; processKey?: string; status?: string }
  /** A five-field cron in `timeZone`; the condition runs once per resident whose status is in `residentStatus`. */
  | { type: 'schedule'; cron: string; timeZone?: string; residentStatus?: string[] }
  /** Days after (negative: before) a date field of a form's records and/or every ISO period after it, at `at`. */
  | {
      type: 'date-field';
      formKey: string;
      field: string;
      offsetsDays?: number[];
      every?: string;
      at?: string;
    };

/** Records of this resident the condition may read besides the triggering one, newest first. */
export type RuleContextWindow = { name: string; formKey: string; days: number; limit?: number };

export const ACTION_TYPES = [
  'notify',
  'update-field',
  'start-process',
  'cancel-process',
  'create-task',
  'webhook',
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

export type RuleAction =
  | { type: 'notify'; to: { role?: string; username?: string }; message: LocalizedText }
  | { type: 'update-field'; field: string; value: unknown }
  | { type: 'start-process'; processKey: string; variables?: Record<string, unknown> }
  /** Cancels the event's resident's running instances of the process (any version); `reason` goes into its history. */
  | { type: 'cancel-process'; processKey: string; reason: LocalizedText }
  /** A task in the inbox for a role or a user; `due` is an ISO 8601 duration from the firing. */
  | {
      type: 'create-task';
      /** The English title may be left out (the task then shows the Chinese one). */
      title: { 'zh-CN': string; en?: string };
      to: { role?: string; username?: string };
      formKey?: string;
      due?: string;
    }
  /** A signed POST; `body` maps JSON fields to JSON Logic over the condition's data. */
  | { type: 'webhook'; url: string; headers?: Record<string, string>; body?: Record<string, unknown> };

export type RuleDefinition = {
  schemaVersion: 1;
  trigger: RuleTrigger;
  context: RuleContextWindow[];
  condition: unknown;
  actions: RuleAction[];
};

/** A context window while edited: plus the per-record condition of its "consecutive" measure, if any. */
export type ContextWindowState = RuleContextWindow & { streak?: unknown };

/** A name → value pair while edited (a list keeps the order and allows renaming). */
export type VariableMapping = { name: string; value: unknown };
export type HeaderEntry = { name: string; value: string };

export type ActionState =
  | Exclude<RuleAction, { type: 'start-process' | 'webhook' }>
  | { type: 'start-process'; processKey: string; variables: VariableMapping[] }
  | { type: 'webhook'; url: string; headers: HeaderEntry[]; body: VariableMapping[] };

/** What the rule editor edits: a definition in a shape the inputs can hold. */
export interface RuleEditorState {
  trigger: RuleTrigger;
  context: ContextWindowState[];
  condition: unknown;
  actions: ActionState[];
}
