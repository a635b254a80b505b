import type { RuleTrigger } from './rule.types.js';

/** A user task of a process as the rule designer reads it from the BPMN XML. */
export interface ProcessTask {
  id: string;
  name: string;
  /** `camunda:formKey` as written (`careloom:form:<key>`), when the task has a form. */
  formKey?: string;
}

/** How a task names a CareLoom form in `camunda:formKey` (the process designer writes it so). */
const FORM_KEY_PREFIX = 'careloom:form:';

/**
 * The tasks of a process a rule starts that would fire the same rule again: completing a task with a form
 * saves a new record of that form (`record.created`, at depth 0), so a rule triggered by "a record of form F
 * is created (or saved)" that starts a process with a task using form F starts one more instance each time
 * that task is completed. Empty for every other trigger, and for tasks with another form or none.
 */
export function retriggeringTasks(trigger: RuleTrigger, tasks: readonly ProcessTask[]): ProcessTask[] {
  if ((trigger.type !== 'record.created' && trigger.type !== 'record.saved') || trigger.formKey === '') {
    return [];
  }
  const formKey = `${FORM_KEY_PREFIX}${trigger.formKey}`;
  return tasks.filter((task) => task.formKey?.trim() === formKey);
}
