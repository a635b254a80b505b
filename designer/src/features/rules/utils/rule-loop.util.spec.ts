import { describe, expect, it } from '@jest/globals';
import { retriggeringTasks, type ProcessTask } from './rule-loop.util.js';

const TASKS: ProcessTask[] = [
  { id: 'review', name: '护士长处理', formKey: 'careloom:form:fall-incident' },
  { id: 'followUp', name: '复查', formKey: 'careloom:form:fall-review' },
  { id: 'call', name: '电话家属' },
];

describe(retriggeringTasks.name, () => {
  it('should find the task that fills the very form whose new records trigger the rule', () => {
    // given a rule triggered by new fall incident records
    const trigger = { type: 'record.created', formKey: 'fall-incident' } as const;

    // when the process it starts has a task with that form
    const found = retriggeringTasks(trigger, TASKS);

    // then that task is reported, the others are not
    expect(found.map((task) => task.id)).toEqual(['review']);
  });

  it('should count "created or changed" triggers too, since a completed task creates a record', () => {
    expect(retriggeringTasks({ type: 'record.saved', formKey: 'fall-review' }, TASKS)).toEqual([TASKS[1]]);
  });

  it('should report nothing for "changed only" triggers, other forms, other trigger types or no form yet', () => {
    expect(retriggeringTasks({ type: 'record.updated', formKey: 'fall-incident' }, TASKS)).toEqual([]);
    expect(retriggeringTasks({ type: 'record.created', formKey: 'vital-signs' }, TASKS)).toEqual([]);
    expect(retriggeringTasks({ type: 'task.completed', processKey: 'fall' }, TASKS)).toEqual([]);
    expect(retriggeringTasks({ type: 'record.created', formKey: '' }, TASKS)).toEqual([]);
  });
});
