import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { RulesRepository } from '../../src/modules/rules/rules.repository.js';
import { singleTaskProcess } from '../factories/bpmn.factory.js';
import { demoOrgUnits, residentInput } from '../factories/resident.factory.js';
import { statementsOf } from '../utils/statements.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

const VITALS = {
  type: 'object',
  required: ['fastingGlucose'],
  properties: {
    fastingGlucose: { type: 'number', title: '空腹血糖', minimum: 0, maximum: 40 },
    note: { type: 'string', maxLength: 200 },
    counter: { type: 'integer' },
  },
};

const GLUCOSE_RULE = {
  key: 'high-fasting-glucose',
  name: { 'zh-CN': '空腹血糖连续三天偏高', en: 'Fasting glucose high three days running' },
  definition: {
    trigger: { type: 'record.saved', formKey: 'vital-signs' },
    context: [{ name: 'readings', formKey: 'vital-signs', days: 3 }],
    condition: {
      '>=': [{ consecutive: [{ var: 'context.readings' }, { '>': [{ var: 'fastingGlucose' }, 7.0] }] }, 3],
    },
    actions: [
      {
        type: 'notify',
        to: { role: 'head-nurse' },
        message: {
          'zh-CN': '{{resident.name}} 空腹血糖连续三天高于 7.0',
          en: '{{resident.name}}: high glucose',
        },
      },
      {
        type: 'create-task',
        title: { 'zh-CN': '{{resident.name}} 健康评估', en: 'Health assessment' },
        to: { role: 'doctor' },
        formKey: 'health-assessment',
        due: 'P1D',
      },
    ],
  },
};

describe('trigger rules', () => {
  let t: TestApp;
  let admin: string;
  let nurse: string;
  let headNurse: string;
  let resident: string;

  const as = (token: string) => ({
    get: (url: string) => t.http().get(url).set('authorization', `Bearer ${token}`),
    post: (url: string, body: object = {}) =>
      t.http().post(url).set('authorization', `Bearer ${token}`).send(body),
  });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
    nurse = await t.login('nurse.a');
    headNurse = await t.login('headnurse');
    const units = await demoOrgUnits(t.dataSource);
    resident = (await as(admin).post('/api/residents', residentInput(units.wingA, { name: '血糖测试长者' })))
      .body.id;
    const form = await as(admin).post('/api/forms', {
      key: 'vital-signs',
      name: { 'zh-CN': '生命体征', en: 'Vital signs' },
      schema: VITALS,
    });
    await as(admin).post(`/api/forms/${form.body.id}/publish`);
    const assessment = await as(admin).post('/api/forms', {
      key: 'health-assessment',
      name: { 'zh-CN': '健康评估', en: 'Health assessment' },
      schema: { type: 'object', properties: { findings: { type: 'string', maxLength: 2000 } } },
    });
    await as(admin).post(`/api/forms/${assessment.body.id}/publish`);
  });
  afterAll(async () => {
    await t.close();
  });

  const reading = (fastingGlucose: number, extra: Record<string, unknown> = {}) =>
    as(nurse).post('/api/records', {
      formKey: 'vital-signs',
      residentId: resident,
      data: { fastingGlucose, ...extra },
    });

  it('should fire the glucose rule on the third high reading, not the second, and tell the head nurse why', async () => {
    // given the rule
    const created = await as(admin).post('/api/rules', GLUCOSE_RULE);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key: 'high-fasting-glucose', currentVersion: 1, enabled: true });

    // when two high readings are recorded
    expect((await reading(7.5)).status).toBe(201);
    expect((await reading(7.8)).status).toBe(201);

    // then nothing fired yet
    const afterTwo = await as(nurse).get(`/api/rules/firings?residentId=${resident}`);
    expect(afterTwo.body).toEqual([]);

    // when the third is recorded
    expect((await reading(8.1)).status).toBe(201);

    // then one firing with its explanation, and the head nurse has the alert
    const firings = (await as(nurse).get(`/api/rules/firings?residentId=${resident}`)).body;
    expect(firings).toHaveLength(1);
    expect(firings[0]).toMatchObject({ status: 'matched', ruleVersion: 1, depth: 0 });
    expect(firings[0].context.context.readings).toHaveLength(3);
    expect(firings[0].why[0]).toMatch(/^>=\(3, 3\) = true/);
    expect(firings[0].actions).toEqual([
      { type: 'notify', ok: true, detail: expect.stringMatching(/notified/) },
      expect.objectContaining({ type: 'create-task', ok: true }),
    ]);
    const notes = (await as(headNurse).get('/api/notifications')).body as { title: string }[];
    expect(notes.map((n) => n.title)).toContain('血糖测试长者 空腹血糖连续三天高于 7.0');
    // and the assessment task waits for a doctor, for this resident, with its form
    const doctor = await t.login('doctor');
    const tasks = (await as(doctor).get('/api/tasks?candidate=true')).body as Record<string, unknown>[];
    expect(tasks.filter((task) => task.formKey === 'health-assessment')).toEqual([
      expect.objectContaining({
        name: '血糖测试长者 健康评估',
        residentId: resident,
        candidateGroups: ['doctor'],
        status: 'open',
        source: 'rule',
      }),
    ]);
  });

  it('should dry-run a rule against data and against a real resident without side effects', async () => {
    // given an unsaved definition
    const definition = GLUCOSE_RULE.definition;
    const before = (await as(admin).get(`/api/rules/firings?residentId=${resident}`)).body.length;

    // when it is dry-run with given data and with the real resident
    const onData = await as(admin).post('/api/rules/dry-run', {
      definition,
      data: { context: { readings: [{ fastingGlucose: 8 }, { fastingGlucose: 6 }] } },
    });
    const onResident = await as(admin).post('/api/rules/dry-run', {
      definition,
      residentId: resident,
      record: { fastingGlucose: 9 },
    });

    // then the verdicts come with explanations, and nothing was stored
    expect(onData.status).toBe(200);
    expect(onData.body).toMatchObject({ matched: false, result: false, error: null, actions: [] });
    expect(onData.body.explanation.text).toMatch(/^>=\(1, 3\) = false/);
    expect(onResident.body.matched).toBe(true);
    expect(onResident.body.actions).toHaveLength(2);
    expect((await as(admin).get(`/api/rules/firings?residentId=${resident}`)).body).toHaveLength(before);
  });

  it('should refuse a broken rule with pointers into its definition', async () => {
    // given a rule without its trigger's form, with a forbidden operation and a notify without recipient or message
    const broken = {
      key: 'broken',
      name: { 'zh-CN': '坏规则', en: 'Broken' },
      definition: {
        trigger: { type: 'record.saved' },
        condition: { method: [{ var: 'x' }, 'toString'] },
        actions: [{ type: 'notify', to: {}, message: {} }],
      },
    };

    // when an administrator saves it on the Chinese UI (the default) and in English
    const response = await as(admin).post('/api/rules', broken);
    const english = await as(admin).post('/api/rules', broken).set('accept-language', 'en');

    // then 400 with each problem at its field, in Chinese by default
    expect(response.status).toBe(400);
    expect(response.body.detail).toBe('规则有 4 处问题，未保存；请看各字段的提示。');
    expect(response.body.errors).toEqual([
      { path: '/definition/trigger/formKey', message: '记录触发需要填写所监听表单的标识（formKey）' },
      { path: '/definition/condition', message: '不允许使用运算 "method"' },
      {
        path: '/definition/actions/0/to',
        message: 'notify 需要填写接收人：to.role（角色）或 to.username（用户名）',
      },
      {
        path: '/definition/actions/0/message',
        message: 'notify 需要填写通知内容 message，至少要有 zh-CN 文字',
      },
    ]);
    // and the English is unchanged for an English caller
    expect(english.status).toBe(400);
    expect(english.body.detail).toBe('The rule has 4 problem(s); nothing was saved. See errors.');
    expect(english.body.errors).toEqual([
      {
        path: '/definition/trigger/formKey',
        message: 'a record trigger needs the key of the form it watches',
      },
      { path: '/definition/condition', message: 'Operation "method" is not allowed' },
      { path: '/definition/actions/0/to', message: 'notify needs to.role or to.username' },
      { path: '/definition/actions/0/message', message: 'notify needs a message with a zh-CN text' },
    ]);
  });

  it('should stop a chain of rules at the depth limit with a warning firing, and keep the record', async () => {
    // given a rule that bumps a counter on every save of the form (so it triggers itself)
    const created = await as(admin).post('/api/rules', {
      key: 'self-trigger',
      name: { 'zh-CN': '自触发', en: 'Self trigger' },
      definition: {
        trigger: { type: 'record.saved', formKey: 'vital-signs' },
        condition: { '==': [{ var: 'record.note' }, 'loop'] },
        actions: [{ type: 'update-field', field: 'counter', value: { '+': [{ var: 'record.counter' }, 1] } }],
      },
    });
    expect(created.status).toBe(201);

    // when a record that matches is saved
    const saved = await reading(5.0, { note: 'loop', counter: 0 });

    // then the record is saved, bumped up to the limit, and the limit is on record
    expect(saved.status).toBe(201);
    const record = (await as(admin).get(`/api/records/${saved.body.id}`)).body;
    expect(record.data.counter).toBe(3);
    const firings = (await as(admin).get(`/api/rules/firings?ruleId=${created.body.id}`)).body as {
      status: string;
      depth: number;
    }[];
    expect(firings.map((f) => [f.status, f.depth]).sort()).toEqual([
      ['depth-limit', 3],
      ['matched', 0],
      ['matched', 1],
      ['matched', 2],
    ]);
    await as(admin).post(`/api/rules/${created.body.id}/disable`);
  });

  it('should store a failed evaluation instead of taking a default path, and still save the record', async () => {
    const created = await as(admin).post('/api/rules', {
      key: 'bad-date',
      name: { 'zh-CN': '日期错误', en: 'Bad date' },
      definition: {
        trigger: { type: 'record.created', formKey: 'vital-signs' },
        condition: { '>': [{ days_between: [{ var: 'record.note' }, '2026-01-01'] }, 1] },
        actions: [],
      },
    });
    const saved = await reading(5.5, { note: 'not a date' });
    expect(saved.status).toBe(201);
    const firings = (await as(admin).get(`/api/rules/firings?ruleId=${created.body.id}`)).body;
    expect(firings).toEqual([expect.objectContaining({ status: 'failed', error: expect.any(String) })]);
    await as(admin).post(`/api/rules/${created.body.id}/disable`);
  });

  it('should evaluate bare JSON Logic for the designer and refuse hostile expressions with a reason', async () => {
    const ok = await as(admin).post('/api/logic/evaluate', {
      logic: {
        band: [
          { var: 'total' },
          [
            [0, '重度'],
            [41, '中度'],
            [61, '轻度'],
            [100, '无'],
          ],
        ],
      },
      data: { total: 65 },
    });
    expect(ok.body).toEqual({ result: '轻度' });
    for (const logic of [
      { var: '__proto__.polluted' },
      { method: ['x', 'toString'] },
      JSON.parse('{"!":'.repeat(100) + 'true' + '}'.repeat(100)),
    ]) {
      const refused = await as(admin).post('/api/logic/evaluate', { logic, data: {} });
      expect(refused.status).toBe(400);
      expect(refused.body.errors[0].path).toMatch(/^\/logic/);
      expect(refused.body.errors[0].message).toMatch(/[\u4e00-\u9fff]/);
      expect(refused.body.detail).toBe(refused.body.errors[0].message);
    }
    const english = await as(admin)
      .post('/api/logic/evaluate', { logic: { method: ['x', 'toString'] }, data: {} })
      .set('accept-language', 'en');
    expect(english.body.errors).toEqual([{ path: '/logic', message: 'Operation "method" is not allowed' }]);
    expect(
      (await as(admin).post('/api/logic/evaluate', { logic: { method: ['x', 'toString'] }, data: {} })).body
        .errors,
    ).toEqual([{ path: '/logic', message: '不允许使用运算 "method"' }]);
  });

  it('should start a process for the resident when a fall is reported, and react when it ends', async () => {
    // given a fall-response process with one task for the head nurse, and two rules
    const deployed = await t
      .http()
      .post('/api/processes')
      .set('authorization', `Bearer ${admin}`)
      .set('content-type', 'application/xml')
      .send(singleTaskProcess('fall-response', { candidateGroups: 'head-nurse', taskName: '跌倒评估' }));
    expect(deployed.status).toBe(201);
    await as(admin).post('/api/rules', {
      key: 'fall-starts-response',
      name: { 'zh-CN': '跌倒即启动处置流程', en: 'A fall starts the response' },
      definition: {
        trigger: { type: 'record.created', formKey: 'vital-signs' },
        condition: { '==': [{ var: 'record.note' }, 'fall'] },
        actions: [
          {
            type: 'start-process',
            processKey: 'fall-response',
            variables: { reading: { var: 'record.fastingGlucose' } },
          },
        ],
      },
    });
    await as(admin).post('/api/rules', {
      key: 'fall-response-done',
      name: { 'zh-CN': '跌倒处置完成', en: 'Fall response done' },
      definition: {
        trigger: { type: 'process.ended', processKey: 'fall-response' },
        condition: true,
        actions: [
          {
            type: 'notify',
            to: { role: 'doctor' },
            message: { 'zh-CN': '{{resident.name}} 跌倒处置已完成', en: 'done' },
          },
        ],
      },
    });

    // when a nurse records a fall
    expect((await reading(6.0, { note: 'fall' })).status).toBe(201);

    // then the head nurse has the task for this resident, with the mapped variable
    const tasks = (await as(headNurse).get('/api/tasks?candidate=true')).body as {
      id: string;
      name: string;
      residentId: string;
      processInstanceId: string;
    }[];
    const task = tasks.find((x) => x.name === '跌倒评估');
    expect(task).toMatchObject({ residentId: resident });
    const instance = (await as(admin).get(`/api/process-instances/${task!.processInstanceId}`)).body;
    expect(instance.variables).toMatchObject({ reading: 6 });

    // and when the task is completed the process ends and the ended-rule tells the doctor
    const done = await as(headNurse).post(`/api/tasks/${task!.id}/complete`, { data: {} });
    expect(done.status).toBe(200);
    const doctor = await t.login('doctor');
    const notes = (await as(doctor).get('/api/notifications')).body as { title: string }[];
    expect(notes.map((n) => n.title)).toContain('血糖测试长者 跌倒处置已完成');
  });

  describe('a submission whose form has a rule', () => {
    const PULSE = {
      type: 'object',
      required: ['pulse'],
      properties: {
        pulse: { type: 'integer', minimum: 0, maximum: 250 },
        note: { type: 'string', maxLength: 200 },
      },
    };
    let low: (pulse: number) => ReturnType<ReturnType<typeof as>['post']>;
    let ruleId: string;
    const recordsOf = async (): Promise<{ id: string; revisions: number }[]> =>
      t.dataSource.query(
        `SELECT rec.id, (SELECT count(*)::int FROM record_revision rv WHERE rv.record_id = rec.id) AS revisions
           FROM record rec JOIN form f ON f.id = rec.form_id WHERE f.key = 'pulse-watch' ORDER BY rec.created_at`,
      );
    const firingsOf = async (): Promise<{ status: string; record_id: string }[]> =>
      t.dataSource.query('SELECT status, record_id FROM rule_firing WHERE rule_id = $1 ORDER BY at', [
        ruleId,
      ]);

    beforeAll(async () => {
      const form = await as(admin).post('/api/forms', {
        key: 'pulse-watch',
        name: { 'zh-CN': '脉搏观察', en: 'Pulse watch' },
        schema: PULSE,
      });
      expect((await as(admin).post(`/api/forms/${form.body.id}/publish`)).status).toBe(201);
      // two low readings in the window, the one just submitted included
      const rule = await as(admin).post('/api/rules', {
        key: 'pulse-low-twice',
        name: { 'zh-CN': '脉搏两次偏低', en: 'Pulse low twice' },
        definition: {
          trigger: { type: 'record.created', formKey: 'pulse-watch' },
          context: [{ name: 'recent', formKey: 'pulse-watch', days: 1, limit: 2 }],
          condition: {
            '>=': [{ consecutive: [{ var: 'context.recent' }, { '<': [{ var: 'pulse' }, 50] }] }, 2],
          },
          actions: [
            {
              type: 'notify',
              to: { role: 'head-nurse' },
              message: { 'zh-CN': '脉搏两次偏低', en: 'low twice' },
            },
          ],
        },
      });
      expect(rule.status).toBe(201);
      ruleId = rule.body.id;
      low = (pulse) =>
        as(nurse).post('/api/records', {
          formKey: 'pulse-watch',
          residentId: resident,
          data: { pulse, note: `pulse ${pulse}` },
        });
    });

    it('should write the record and its revision alone, without a transaction or a firing, when the rule does not match', async () => {
      // when a first low reading is submitted (one low reading in the window: no match)
      const statements = await statementsOf(t.dataSource, async () =>
        expect((await low(45)).status).toBe(201),
      );

      // then the record has its first revision, no firing was stored and no transaction was opened
      expect(await recordsOf()).toEqual([{ id: expect.any(String), revisions: 1 }]);
      expect(await firingsOf()).toEqual([]);
      expect(statements.filter((sql) => /^(START TRANSACTION|BEGIN|COMMIT)\b/.test(sql))).toEqual([]);
    });

    it('should fire on the reading that completes the window, counting the new record as the window did after the insert', async () => {
      // when the second low reading is submitted
      let id = '';
      const statements = await statementsOf(t.dataSource, async () => {
        const response = await low(44);
        expect(response.status).toBe(201);
        id = response.body.id as string;
      });

      // then the rule matched, in the transaction that stored the record
      expect(await firingsOf()).toEqual([{ status: 'matched', record_id: id }]);
      // and the firing keeps the whole records it saw (the check before the insert read only their pulse)
      const [firing] = await t.dataSource.query<{ recent: Record<string, unknown>[] }[]>(
        `SELECT context -> 'context' -> 'recent' AS recent FROM rule_firing WHERE rule_id = $1`,
        [ruleId],
      );
      expect(firing?.recent).toEqual([
        expect.objectContaining({ pulse: 44, note: 'pulse 44', _recordId: id }),
        expect.objectContaining({ pulse: 45, note: 'pulse 45' }),
      ]);
      expect(statements.find((sql) => /\bLEFT JOIN LATERAL\b/.test(sql))).toMatch(/\bjsonb_object_agg\b/);
      const transaction = statements.filter((sql) => /^(START TRANSACTION|BEGIN|COMMIT)\b/.test(sql));
      expect(transaction).toEqual([expect.stringMatching(/^(START TRANSACTION|BEGIN)\b/), 'COMMIT']);
      const begin = statements.findIndex((sql) => /^(START TRANSACTION|BEGIN)\b/.test(sql));
      expect(statements.findIndex((sql) => /\bINSERT INTO record_revision\b/.test(sql))).toBeGreaterThan(
        begin,
      );
    });

    it('should leave no record when the transaction of a matching rule fails', async () => {
      // given a firing that cannot be stored
      const before = await recordsOf();
      const failing = jest
        .spyOn(t.app.get(RulesRepository), 'insertFiring')
        .mockRejectedValueOnce(new Error('disk full'));

      // when a third low reading is submitted (the rule matches)
      const response = await low(43);
      failing.mockRestore();

      // then nothing of it stays: no record, no revision, no firing
      expect(response.status).toBe(500);
      expect(await recordsOf()).toEqual(before);
      expect(await firingsOf()).toHaveLength(1);
    });

    it('should store a reading that cannot start a low run in the one insert, without reading the window', async () => {
      // when a normal reading is submitted (the rule needs the newest reading low)
      const statements = await statementsOf(t.dataSource, async () =>
        expect((await low(80)).status).toBe(201),
      );

      // then one statement stored it: no window read, no transaction, no new firing
      expect(statements).toHaveLength(1);
      expect(statements[0]).toMatch(/^WITH placed AS\b.*\bINSERT INTO record\b/);
      expect(await firingsOf()).toHaveLength(1);
    });

    it('should read the window and decide again when a later reading of the resident exists', async () => {
      // given a reading dated after now (another server's clock ahead, say): the new one will not lead the window
      const ahead = await low(90);
      await t.dataSource.query(
        `UPDATE record SET created_at = created_at + interval '1 hour' WHERE id = $1`,
        [ahead.body.id],
      );

      // when a normal reading is submitted
      const statements = await statementsOf(t.dataSource, async () =>
        expect((await low(81)).status).toBe(201),
      );

      // then the insert that holds only for the newest wrote nothing, the rules answered again on the window as read
      // (no firing: the newest reading is normal) and the plain insert stored it, all without a transaction
      expect(statements).toHaveLength(3);
      expect(statements[0]).toMatch(/\bNOT EXISTS \(SELECT 1 FROM record o\b/);
      expect(statements[1]).toMatch(/\bLEFT JOIN LATERAL\b/);
      expect(statements[2]).toMatch(/^WITH placed AS\b.*\bINSERT INTO record\b/);
      expect(statements[2]).not.toMatch(/\bNOT EXISTS \(SELECT 1 FROM record o\b/);
      const stored = await t.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM record rec JOIN form f ON f.id = rec.form_id
          WHERE f.key = 'pulse-watch' AND rec.data->>'pulse' = '81'`,
      );
      expect(stored[0]?.n).toBe(1);
      expect(await firingsOf()).toHaveLength(1);
    });
  });
});
