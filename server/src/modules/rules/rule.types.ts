import type { JsonLogic } from '@careloom/logic';
import type { DomainEvent } from '../../common/events/domain-events.js';

export type LocalizedText = { 'zh-CN': string; en: string };

/** What makes a rule look at the data. */
export type RuleTrigger =
  | { type: 'record.created' | 'record.updated' | 'record.saved'; formKey: string }
  | { type: 'resident.status-changed'; to?: string }
  | { type: 'task.completed'; processKey?: string; elementId?: string }
  | { type: 'process.ended'; processKey?: string; status?: string }
  /**
   * A five-field cron in a time zone (default: the tenant's). No triggering record: the condition runs
   * once per resident whose status is in `residentStatus` (default: trial and admitted, i.e. living here).
   */
  | { type: 'schedule'; cron: string; timeZone?: string; residentStatus?: string[] }
  /**
   * Days after (or before, negative) a date field of a form's records, and/or `every` ISO period after
   * it, at a local time (`at`, default 09:00 in the tenant's zone); the record is the condition's `record`.
   */
  | {
      type: 'date-field';
      formKey: string;
      field: string;
      offsetsDays?: number[];
      every?: string;
      at?: string;
    }
  /** A task still open when its due time passes (once per task). */
  | { type: 'task.overdue'; processKey?: string; elementId?: string };

/** Records the condition may look at besides the triggering one: this resident's, newest first. */
export type RuleContextWindow = { name: string; formKey: string; days: number; limit?: number };

export type RuleAction =
  | { type: 'notify'; to: { role?: string; username?: string }; message: LocalizedText }
  | { type: 'update-field'; field: string; value: JsonLogic }
  /** Starts the latest version of a process for the event's resident, variables computed by JSON Logic. */
  | { type: 'start-process'; processKey: string; variables?: Record<string, JsonLogic> }
  /**
   * Cancels every active (or incident) instance of `processKey`, any version, for the event's resident, through
   * the runtime's cancel command; `reason` goes into the instance history. Without a resident: nothing to cancel.
   */
  | { type: 'cancel-process'; processKey: string; reason: LocalizedText }
  /**
   * A standalone task in the inbox for a role or a user, about the event's resident; completing it
   * stores a record of `formKey`. `due` is an ISO 8601 duration from the firing.
   */
  | {
      type: 'create-task';
      /** Without an English title the task shows the Chinese one. */
      title: { 'zh-CN': string; en?: string };
      to: { role?: string; username?: string };
      formKey?: string;
      due?: string;
    }
  /**
   * A signed POST through the job table's outbox (retries, then an incident). `body` maps each JSON
   * field to JSON Logic over the condition's data (default: rule, event, resident id and record);
   * `headers` only from the allowed names (Authorization, X-…).
   */
  | { type: 'webhook'; url: string; headers?: Record<string, string>; body?: Record<string, JsonLogic> };

/** A rule version's definition: stored as JSON, evaluated on events. */
export type RuleDefinition = {
  schemaVersion: 1;
  trigger: RuleTrigger;
  context: RuleContextWindow[];
  condition: JsonLogic;
  actions: RuleAction[];
};

type SystemCause = { actor: null; depth: number };

/** What a rule reacts to: a domain event, or one of the rules' own timed occasions (jobs). */
export type RuleEvent =
  | DomainEvent
  | ({ type: 'schedule'; tenantId: string; residentId: string | null; at: string } & SystemCause)
  | ({
      type: 'date-field';
      tenantId: string;
      residentId: string | null;
      recordId: string;
      formKey: string;
      field: string;
      value: string;
      /** The offset in days that came due, or null for a repetition (`every`). */
      offsetDays: number | null;
      /** For a repetition: which one (1 = the first period after the date). */
      repetition: number | null;
      at: string;
      data: Record<string, unknown>;
    } & SystemCause)
  | ({
      type: 'task.overdue';
      tenantId: string;
      residentId: string | null;
      taskId: string;
      instanceId: string | null;
      processKey: string | null;
      elementId: string;
      dueAt: string;
      data: Record<string, unknown>;
    } & SystemCause);
