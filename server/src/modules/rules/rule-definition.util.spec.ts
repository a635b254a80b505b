import { describe, expect, it } from '@jest/globals';
import { checkLogic } from '@careloom/logic';
import { checkRuleDefinition, triggerMatches } from './rule-definition.util.js';

/** A Chinese character. */
const CJK = /[\u4e00-\u9fff]/;
/** `count` fields `f0`, `f1`, … each set to its index as text. */
const many = (count: number): Record<string, string> =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`f${i}`, String(i)]));

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
      {
        path: '/actions/0/mesage',
        message: 'notify has no field "mesage"; it takes to, message',
        zh: 'notify 没有“mesage”这个字段；它可用的字段是 to、message',
      },
      {
        path: '/actions/0/message',
        message: 'notify needs a message with a zh-CN text',
        zh: 'notify 需要填写通知内容 message，至少要有 zh-CN 文字',
      },
      {
        path: '/actions/1/assignee',
        message: 'create-task has no field "assignee"; it takes title, to, formKey, due',
        zh: 'create-task 没有“assignee”这个字段；它可用的字段是 title、to、formKey、due',
      },
    ]);
  });

  it('should word each problem in Chinese too: a trigger, a context window, an action and a logic issue', () => {
    // given a rule with a record trigger without its form, a window of 0 days, a recipient-less notify and a
    // forbidden operation
    const errors = checkRuleDefinition({
      trigger: { type: 'record.saved' },
      context: [{ name: 'readings', formKey: 'vital-signs', days: 0 }],
      condition: { method: ['x', 'toString'] },
      actions: [{ type: 'notify', message: { 'zh-CN': '血糖偏高' } }],
    });

    // then each problem keeps its English and has its Chinese, the logic issue's from the logic package
    expect(errors).toEqual([
      {
        path: '/trigger/formKey',
        message: 'a record trigger needs the key of the form it watches',
        zh: '记录触发需要填写所监听表单的标识（formKey）',
      },
      {
        path: '/context/0/days',
        message: 'days must be a whole number from 1 to 366',
        zh: 'days 须为 1 到 366 之间的整数',
      },
      {
        path: '/condition',
        message: expect.stringMatching(/method/),
        zh: expect.stringMatching(/method/),
      },
      {
        path: '/actions/0/to',
        message: 'notify needs to.role or to.username',
        zh: 'notify 需要填写接收人：to.role（角色）或 to.username（用户名）',
      },
    ]);
    const logic = errors[2]!;
    expect(logic.zh).toBe(checkLogic({ method: ['x', 'toString'] })[0]!.messages['zh-CN']);
    expect(logic.zh).not.toBe(logic.message);
    expect(logic.zh).toMatch(CJK);
  });

  it('should word the cron and webhook problems it takes from other checks in Chinese', () => {
    const errors = checkRuleDefinition({
      trigger: { type: 'schedule', cron: '0 25 * * *' },
      condition: true,
      actions: [{ type: 'webhook', url: 'http://10.1.2.3/hook' }],
    });
    expect(errors).toEqual([
      {
        path: '/trigger/cron',
        message: 'hour: 25 is outside 0–23',
        zh: 'cron 的小时字段：25 超出了 0–23 的范围',
      },
      {
        path: '/actions/0/url',
        message:
          'url points at a loopback, link-local or private address (10.1.2.3); webhooks go to public addresses only',
        zh: 'url 指向回环、链路本地或内网地址（10.1.2.3）；webhook 只能发往公网地址',
      },
    ]);
  });

  it('should word every problem it can find in Chinese', () => {
    // given broken definitions reaching every check: the definition, trigger, windows, condition and each action
    const broken: unknown[] = [
      null,
      {},
      { trigger: 5, context: 'x', actions: 'x' },
      { trigger: { type: 'record.saved' }, context: [1, 2, 3, 4, 5, 6], actions: Array(11).fill({}) },
      { trigger: { type: 'resident.status-changed', to: 5 }, condition: true, actions: [] },
      {
        trigger: { type: 'task.completed', processKey: '', elementId: 3, status: ' ' },
        condition: true,
        actions: [],
      },
      { trigger: { type: 'launch-rocket' }, condition: true, actions: [] },
      { trigger: { type: 'schedule' }, condition: true, actions: [] },
      ...[
        '* * *',
        '',
        'x'.repeat(201),
        '0 25 * * *',
        '0 8 * * MONDAY',
        '*/0 8 * * *',
        '0 10-8 * * *',
        '0 8 1-2-3 * *',
      ].map((cron) => ({ trigger: { type: 'schedule', cron }, condition: true, actions: [] })),
      ...['0 8 1/2/3 * *', '0 8 31 4 *'].map((cron) => ({
        trigger: { type: 'schedule', cron, timeZone: 'Mars/Olympus', residentStatus: ['asleep'] },
        condition: true,
        actions: [],
      })),
      { trigger: { type: 'date-field' }, condition: true, actions: [] },
      {
        trigger: {
          type: 'date-field',
          formKey: 'a',
          field: '1 x',
          offsetsDays: [3, 3],
          every: 'PT1H',
          at: '9am',
        },
        condition: true,
        actions: [],
      },
      {
        trigger: { type: 'record.created', formKey: 'vital-signs' },
        context: [1, { name: 'a', days: 0, limit: 0 }, { name: 'a', formKey: 'f', days: 400, limit: 501 }],
        condition: { var: '__proto__.x' },
        actions: [
          1,
          { type: 'launch-rocket' },
          { type: 'notify', mesage: {} },
          { type: 'update-field', field: '1 x', value: { nope: [] } },
          { type: 'start-process', variables: { '1a': 1, b: { method: [1, 'x'] } } },
          { type: 'start-process', processKey: 'p', variables: 3 },
          { type: 'cancel-process', reason: { en: 'left' } },
          { type: 'create-task', title: {}, formKey: '', due: 'two days' },
        ],
      },
      {
        trigger: { type: 'task.overdue' },
        condition: true,
        actions: [
          { type: 'webhook' },
          { type: 'webhook', url: 'not a url', headers: 3, body: 3 },
          {
            type: 'webhook',
            url: 'ftp://hooks.example.com/',
            headers: { Host: 'x', 'X-A': 'a\nb' },
            body: { '': 1, b: { nope: 1 } },
          },
          { type: 'webhook', url: 'https://user:pw@hooks.example.com/' },
          { type: 'webhook', url: 'http://localhost/hook' },
          { type: 'webhook', url: `https://hooks.example.com/${'a'.repeat(2000)}` },
          {
            type: 'webhook',
            url: 'https://hooks.example.com/',
            headers: { 'X-A': 'a', 'X-B': 'b', ...many(10) },
          },
          { type: 'webhook', url: 'https://hooks.example.com/', body: many(51) },
        ],
      },
    ];

    // when they are checked
    const errors = broken.flatMap((definition) => checkRuleDefinition(definition));

    // then there are many problems, each with its Chinese wording
    expect(errors.length).toBeGreaterThan(60);
    expect(errors.filter((e) => typeof e.zh !== 'string' || !CJK.test(e.zh))).toEqual([]);
    expect(new Set(errors.map((e) => e.message.replace(/"[^"]*"|\d+/g, ''))).size).toBeGreaterThan(45);
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
