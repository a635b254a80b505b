import { describe, expect, it } from '@jest/globals';
import { checkRuleDefinition, triggerMatches } from './rule-definition.util.js';

const glucose = {
  trigger: { type: 'record.saved', formKey: 'vital-signs' },
  context: [{ name: 'readings', formKey: 'vital-signs', days: 3 }],
  condition: {
    '>=': [{ consecutive: [{ var: 'context.readings' }, { '>': [{ var: 'fastingGlucose' }, 7] }] }, 3],
  },
  actions: [
    {
      type: 'notify',
      to: { role: 'head-nurse' },
      message: { 'zh-CN': '空腹血糖连续三天偏高', en: 'High glucose' },
    },
  ],
};

describe(checkRuleDefinition.name, () => {
  it('should accept the glucose rule', () => {
    expect(checkRuleDefinition(glucose)).toEqual([]);
  });

  it('should point at each problem when the definition is wrong', () => {
    // given a rule with a bad trigger, a forbidden operation, a bad window and an unknown action
    const errors = checkRuleDefinition({
      trigger: { type: 'record.saved' },
      context: [{ name: 'bad name', formKey: 'x', days: 0 }],
      condition: { method: ['x', 'toString'] },
      actions: [{ type: 'launch-rocket' }],
    });

    // then every problem has its pointer
    expect(errors.map((e) => e.path)).toEqual([
      '/trigger/formKey',
      '/context/0/name',
      '/context/0/days',
      '/condition',
      '/actions/0/type',
    ]);
  });
});

describe(triggerMatches.name, () => {
  it('should wake record.saved rules on creates and updates of their form only', () => {
    const trigger = { type: 'record.saved', formKey: 'vital-signs' } as const;
    expect(triggerMatches(trigger, { type: 'record.created', formKey: 'vital-signs' })).toBe(true);
    expect(triggerMatches(trigger, { type: 'record.updated', formKey: 'vital-signs' })).toBe(true);
    expect(triggerMatches(trigger, { type: 'record.created', formKey: 'barthel-adl' })).toBe(false);
  });
});
