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

  it('should accept schedule, date-field and task.overdue triggers with create-task and webhook actions', () => {
    const actions = [
      {
        type: 'create-task',
        title: { 'zh-CN': '入住回访', en: 'Follow-up' },
        to: { role: 'steward' },
        formKey: 'family-call',
        due: 'P2D',
      },
      {
        type: 'webhook',
        url: 'https://hooks.example.com/careloom',
        headers: { Authorization: 'Bearer t', 'X-Home': 'a' },
        body: { resident: { var: 'resident.name' } },
      },
    ];
    for (const trigger of [
      { type: 'schedule', cron: '0 8 * * 1-5', timeZone: 'Asia/Shanghai', residentStatus: ['admitted'] },
      { type: 'date-field', formKey: 'admission', field: 'admissionDate', offsetsDays: [3, 7, 15, 30] },
      { type: 'date-field', formKey: 'admission', field: 'admissionDate', every: 'P6M', at: '10:30' },
      { type: 'task.overdue', processKey: 'care-check' },
    ]) {
      expect(checkRuleDefinition({ trigger, condition: true, actions })).toEqual([]);
    }
  });

  it('should point at each problem of the new triggers and actions', () => {
    const paths = (definition: Record<string, unknown>) =>
      checkRuleDefinition({ condition: true, actions: [], ...definition }).map((e) => e.path);
    expect(paths({ trigger: { type: 'schedule', cron: '* * *', residentStatus: ['asleep'] } })).toEqual([
      '/trigger/cron',
      '/trigger/residentStatus',
    ]);
    expect(
      paths({
        trigger: {
          type: 'date-field',
          formKey: 'a',
          field: 'x',
          offsetsDays: [3, 3],
          every: 'PT1H',
          at: '9am',
        },
      }),
    ).toEqual(['/trigger/offsetsDays', '/trigger/every', '/trigger/at']);
    expect(paths({ trigger: { type: 'date-field', formKey: 'a', field: 'x' } })).toEqual([
      '/trigger/offsetsDays',
    ]);
    expect(
      paths({
        trigger: { type: 'task.overdue' },
        actions: [
          { type: 'create-task', title: {}, to: {}, due: 'two days' },
          {
            type: 'webhook',
            url: 'http://10.0.0.1/',
            headers: { 'X-CareLoom-Signature': 'x', 'X-A': 'a\nb' },
          },
        ],
      }),
    ).toEqual([
      '/actions/0/title',
      '/actions/0/to',
      '/actions/0/due',
      '/actions/1/url',
      '/actions/1/headers/X-CareLoom-Signature',
      '/actions/1/headers/X-A',
    ]);
  });

  it('should accept a cancel-process action and point at its empty key, missing reason and unknown fields', () => {
    // given a valid cancel-process, and one with an empty key, an English-only reason and a stray field
    const leaving = {
      trigger: { type: 'resident.status-changed' },
      condition: { in: [{ var: 'resident.status' }, ['discharged', 'deceased']] },
      actions: [
        {
          type: 'cancel-process',
          processKey: 'onboarding-30day',
          reason: { 'zh-CN': '长者已退住', en: 'The resident left' },
        },
      ],
    };
    const bad = {
      ...leaving,
      actions: [{ type: 'cancel-process', processKey: ' ', reason: { en: 'left' }, variables: {} }],
    };

    // when both are checked / then the valid one passes and the bad one names each field
    expect(checkRuleDefinition(leaving)).toEqual([]);
    expect(checkRuleDefinition(bad).map((e) => e.path)).toEqual([
      '/actions/0/variables',
      '/actions/0/processKey',
      '/actions/0/reason',
    ]);
  });

  it('should refuse a misspelt field of any action rather than ignore it', () => {
    // given a notify whose message is misspelt and a create-task with a field it does not take
    const definition = {
      trigger: { type: 'record.created', formKey: 'glucose' },
      condition: true,
      actions: [
        { type: 'notify', to: { role: 'head-nurse' }, mesage: { 'zh-CN': '血糖偏高' } },
        { type: 'create-task', title: { 'zh-CN': '复测血糖' }, to: { role: 'nurse' }, assignee: 'nurse.a' },
      ],
    };

    // when it is checked / then each stray field is named with what the action takes, and the missing message too
    expect(checkRuleDefinition(definition)).toEqual([
      { path: '/actions/0/mesage', message: 'notify has no field "mesage"; it takes to, message' },
      { path: '/actions/0/message', message: 'notify needs a message with a zh-CN text' },
      {
        path: '/actions/1/assignee',
        message: 'create-task has no field "assignee"; it takes title, to, formKey, due',
      },
    ]);
  });

  it('should allow a private webhook address only when the server allows it', () => {
    const definition = {
      trigger: { type: 'task.overdue' },
      condition: true,
      actions: [{ type: 'webhook', url: 'http://127.0.0.1:9000/hook' }],
    };
    expect(checkRuleDefinition(definition)).toHaveLength(1);
    expect(checkRuleDefinition(definition, { allowPrivateWebhooks: true })).toEqual([]);
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

describe(`${triggerMatches.name} for timed triggers`, () => {
  it('should wake task.overdue rules for their process and date-field rules for their field only', () => {
    const overdue = { type: 'task.overdue', processKey: 'care-check' } as const;
    expect(triggerMatches(overdue, { type: 'task.overdue', processKey: 'care-check' })).toBe(true);
    expect(triggerMatches(overdue, { type: 'task.overdue', processKey: null })).toBe(false);
    expect(triggerMatches(overdue, { type: 'task.completed', processKey: 'care-check' })).toBe(false);
    const dates = {
      type: 'date-field' as const,
      formKey: 'admission',
      field: 'admissionDate',
      offsetsDays: [3],
    };
    expect(triggerMatches(dates, { type: 'date-field', formKey: 'admission', field: 'admissionDate' })).toBe(
      true,
    );
    expect(triggerMatches(dates, { type: 'date-field', formKey: 'admission', field: 'birthDate' })).toBe(
      false,
    );
  });
});
