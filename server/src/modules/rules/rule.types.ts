import type { JsonLogic } from '@careloom/logic';

export type LocalizedText = { 'zh-CN': string; en: string };

/** What makes a rule look at the data. */
export type RuleTrigger =
  | { type: 'record.created' | 'record.updated' | 'record.saved'; formKey: string }
  | { type: 'resident.status-changed'; to?: string }
  | { type: 'task.completed'; processKey?: string; elementId?: string }
  | { type: 'process.ended'; processKey?: string; status?: string };

/** Records the condition may look at besides the triggering one: this resident's, newest first. */
export type RuleContextWindow = { name: string; formKey: string; days: number; limit?: number };

export type RuleAction =
  | { type: 'notify'; to: { role?: string; username?: string }; message: LocalizedText }
  | { type: 'update-field'; field: string; value: JsonLogic }
  /** Starts the latest version of a process for the event's resident, variables computed by JSON Logic. */
  | { type: 'start-process'; processKey: string; variables?: Record<string, JsonLogic> };

/** A rule version's definition: stored as JSON, evaluated on events. */
export type RuleDefinition = {
  schemaVersion: 1;
  trigger: RuleTrigger;
  context: RuleContextWindow[];
  condition: JsonLogic;
  actions: RuleAction[];
};
