import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bpmnDocument } from '../factories/bpmn.factory.js';
import { demoOrgUnits, residentInput } from '../factories/resident.factory.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

type Firing = {
  status: string;
  residentId: string | null;
  recordId: string | null;
  event: Record<string, unknown>;
  actions: { type: string; ok: boolean; detail: string }[];
  why: string[];
  at: string;
};
type Task = {
  id: string;
  name: string;
  status: string;
  source: string;
  processInstanceId: string | null;
  residentId: string | null;
  formKey: string | null;
  candidateGroups: string[];
  dueAt: string | null;
  recordId: string | null;
};

const DAY = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('trigger rules over time', () => {
  let t: TestApp;
  let admin: string;
  let steward: string;
  let withContact: string;
  let withoutContact: string;

  const as = (token: string) => ({
    get: (url: string) => t.http().get(url).set('authorization', `Bearer ${token}`),
    post: (url: string, body: object = {}) =>
      t.http().post(url).set('authorization', `Bearer ${token}`).send(body),
    patch: (url: string, body: object = {}) =>
      t.http().patch(url).set('authorization', `Bearer ${token}`).send(body),
  });
  const clock = async (body: { advance?: string; set?: string }): Promise<number> => {
    const response = await as(admin).post('/api/test/clock', body);
    expect(response.status).toBe(200);
    return Date.parse(response.body.now as string);
  };
  const firings = async (ruleId: string): Promise<Firing[]> =>
    (await as(admin).get(`/api/rules/firings?ruleId=${ruleId}`)).body as Firing[];
  const pendingJobs = async (type: string): Promise<{ engine_ref: string; due_at: Date }[]> =>
    t.dataSource.query(
      `SELECT engine_ref, due_at FROM job WHERE type = $1 AND status = 'pending' ORDER BY due_at`,
      [type],
    );
  const publishForm = async (key: string, properties: Record<string, unknown>) => {
    const created = await as(admin).post('/api/forms', {
      key,
      name: { 'zh-CN': key, en: key },
      schema: { type: 'object', title: key, properties },
    });
    expect(created.status).toBe(201);
    expect((await as(admin).post(`/api/forms/${created.body.id}/publish`)).status).toBe(201);
  };
  const createRule = async (key: string, definition: object) => {
    const response = await as(admin).post('/api/rules', { key, name: { 'zh-CN': key, en: key }, definition });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };

  beforeAll(async () => {
    t = await startTestApp({ CARELOOM_TEST_CLOCK: '1' });
    admin = await t.login('admin');
    steward = await t.login('steward');
    const units = await demoOrgUnits(t.dataSource);
    const admit = async (name: string) => {
      const id = (await as(admin).post('/api/residents', residentInput(units.wingA, { name }))).body
        .id as string;
      expect((await as(admin).post(`/api/residents/${id}/status`, { status: 'admitted' })).status).toBe(201);
      return id;
    };
    withContact = await admit('常联系长者');
    withoutContact = await admit('久未联系长者');
    await publishForm('family-contact', { note: { type: 'string', title: '联系内容' } });
    await publishForm('admission', {
      admissionDate: { type: 'string', format: 'date', title: '入住日期' },
      room: { type: 'string', title: '房间' },
    });
    await publishForm('family-call', { notes: { type: 'string', title: '回访记录' } });
    const contact = await as(steward).post('/api/records', {
      formKey: 'family-contact',
      residentId: withContact,
      data: { note: '电话问候' },
    });
    expect(contact.status).toBe(201);
  });
  afterAll(async () => {
    await t.close();
  });

  it('should refuse a schedule rule whose cron does not parse, pointing at /trigger/cron', async () => {
    const response = await as(admin).post('/api/rules', {
      key: 'bad-cron',
      name: { 'zh-CN': '坏的定时', en: 'Bad cron' },
      definition: {
        trigger: { type: 'schedule', cron: '0 25 * * *', timeZone: 'Mars/Olympus' },
        condition: true,
        actions: [],
      },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { path: '/definition/trigger/cron', message: 'cron 的小时字段：25 超出了 0–23 的范围' },
      { path: '/definition/trigger/timeZone', message: 'timeZone 须为 IANA 时区名，例如 Asia/Shanghai' },
    ]);
  });

  it('should refuse webhooks to loopback, private or credentialled URLs', async () => {
    const refused = async (url: string, language = 'zh-CN') => {
      const response = await as(admin)
        .post('/api/rules', {
          key: 'ssrf',
          name: { 'zh-CN': '外呼', en: 'Call out' },
          definition: {
            trigger: { type: 'record.created', formKey: 'family-contact' },
            condition: true,
            actions: [{ type: 'webhook', url, headers: { Host: 'x' } }],
          },
        })
        .set('accept-language', language);
      expect(response.status).toBe(400);
      return response.body.errors as { path: string; message: string }[];
    };
    for (const url of [
      'http://127.0.0.1:8080/hook',
      'http://localhost/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://10.1.2.3/',
      'http://[::1]/',
      'http://[::ffff:192.168.0.1]/',
      'http://2130706433/',
    ]) {
      expect((await refused(url))[0]).toEqual({
        path: '/definition/actions/0/url',
        message: expect.stringMatching(/^url 指向回环、链路本地或内网地址（.+）；webhook 只能发往公网地址$/),
      });
    }
    expect((await refused('http://127.0.0.1:8080/hook', 'en'))[0]).toEqual({
      path: '/definition/actions/0/url',
      message: expect.stringMatching(/loopback, link-local or private/),
    });
    expect((await refused('https://user:pw@hooks.example.com/'))[0]!.message).toMatch(/不能包含用户名或密码/);
    expect((await refused('https://user:pw@hooks.example.com/', 'en'))[0]!.message).toMatch(
      /user name or password/,
    );
    expect((await refused('ftp://hooks.example.com/'))[0]!.message).toBe(
      'url 须使用 https 或 http，不能用 ftp',
    );
    expect((await refused('ftp://hooks.example.com/', 'en'))[0]!.message).toMatch(/https or http/);
    expect((await refused(`https://hooks.example.com/${'a'.repeat(2000)}`))[0]!.message).toBe(
      'url 最多 2000 个字符',
    );
    expect((await refused('https://hooks.example.com/'))[0]).toEqual({
      path: '/definition/actions/0/headers/Host',
      message: '只能设置 Authorization 和以 X- 开头的请求头（X-CareLoom- 和 X-Forwarded- 开头的除外）',
    });
    expect((await refused('https://hooks.example.com/', 'en'))[0]).toEqual({
      path: '/definition/actions/0/headers/Host',
      message: expect.stringMatching(/Authorization and X-/),
    });
  });

  it('should run a schedule rule at 08:00 Asia/Shanghai once per resident, not before, and plan the next run', async () => {
    // given "no family contact logged for 14 days" every day at 08:00 in Shanghai (UTC+8, no DST)
    const now = new Date();
    const eight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
    const ruleId = await createRule('no-family-contact', {
      trigger: { type: 'schedule', cron: '0 8 * * *', timeZone: 'Asia/Shanghai' },
      context: [{ name: 'contact', formKey: 'family-contact', days: 14 }],
      condition: { '==': [{ count: [{ var: 'context.contact' }] }, 0] },
      actions: [
        {
          type: 'notify',
          to: { role: 'steward' },
          message: {
            'zh-CN': '{{resident.name}} 已 14 天没有家属联系记录',
            en: 'No family contact for 14 days',
          },
        },
      ],
    });
    expect((await pendingJobs('rule-schedule')).map((j) => [j.engine_ref, j.due_at.getTime()])).toEqual([
      [ruleId, eight],
    ]);

    // when the clock reaches a minute before 08:00: nothing
    await clock({ set: new Date(eight - 60_000).toISOString() });
    expect(await firings(ruleId)).toEqual([]);

    // when it passes 08:00: the resident without contact fired, the one with contact did not
    await clock({ set: new Date(eight + 30_000).toISOString() });
    const fired = await firings(ruleId);
    expect(fired.filter((f) => f.residentId === withContact)).toEqual([]);
    const mine = fired.filter((f) => f.residentId === withoutContact);
    expect(mine).toEqual([
      expect.objectContaining({
        status: 'matched',
        recordId: null,
        event: expect.objectContaining({ type: 'schedule', at: new Date(eight).toISOString() }),
      }),
    ]);
    expect(mine[0]!.why[0]).toMatch(/= true/);
    const notes = (await as(steward).get('/api/notifications')).body as { title: string }[];
    expect(notes.map((n) => n.title)).toContain('久未联系长者 已 14 天没有家属联系记录');

    // and the residents were checked in batch jobs of their own, all done
    const batches: { status: string; engine_ref: string; payload: { residentIds: string[] } }[] =
      await t.dataSource.query(
        `SELECT status, engine_ref, payload FROM job WHERE type = 'rule-schedule-batch'`,
      );
    expect(batches.length).toBeGreaterThan(0);
    expect(batches.every((b) => b.status !== 'pending' && b.engine_ref.startsWith(`${ruleId}:`))).toBe(true);
    expect(batches.flatMap((b) => b.payload.residentIds)).toEqual(
      expect.arrayContaining([withContact, withoutContact]),
    );

    // and the next run is tomorrow at 08:00
    expect((await pendingJobs('rule-schedule')).map((j) => j.due_at.getTime())).toEqual([eight + DAY]);

    // when the rule is disabled: no more runs planned
    expect((await as(admin).post(`/api/rules/${ruleId}/disable`)).status).toBe(200);
    expect(await pendingJobs('rule-schedule')).toEqual([]);
  });

  it('should refuse a date-field trigger on a field that is not a date of the form, or on a form that does not exist', async () => {
    const save = (formKey: string, field: string) =>
      as(admin).post('/api/rules', {
        key: 'bad-date-field',
        name: { 'zh-CN': '坏日期', en: 'Bad date field' },
        definition: {
          trigger: { type: 'date-field', formKey, field, offsetsDays: [3] },
          condition: true,
          actions: [],
        },
      });
    const response = await save('admission', 'room');
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      {
        path: '/definition/trigger/field',
        message: '表单“admission”的字段“room”不是日期字段（须为 type string，format 为 date 或 date-time）',
      },
    ]);
    const english = await save('admission', 'room').set('accept-language', 'en');
    expect(english.body.errors).toEqual([
      {
        path: '/definition/trigger/field',
        message: 'field "room" of form "admission" is not a date (type string, format date or date-time)',
      },
    ]);
    const unknown = await save('no-such-form', 'when');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      {
        path: '/definition/trigger/formKey',
        message: '找不到标识为“no-such-form”的表单，或您无权查看；请检查 formKey',
      },
    ]);
    expect((await save('no-such-form', 'when').set('accept-language', 'en')).body.errors).toEqual([
      {
        path: '/definition/trigger/formKey',
        message: 'form "no-such-form": No form with id no-such-form that you may see.',
      },
    ]);
  });

  it('should raise the day 3, 7, 15 and 30 follow-up tasks, replanned when the date changes', async () => {
    // given a follow-up rule creating a steward task with the family-call form
    const ruleId = await createRule('admission-follow-up', {
      trigger: {
        type: 'date-field',
        formKey: 'admission',
        field: 'admissionDate',
        offsetsDays: [3, 7, 15, 30],
      },
      condition: true,
      actions: [
        {
          type: 'create-task',
          title: { 'zh-CN': '{{resident.name}} 入住回访', en: 'Admission follow-up' },
          to: { role: 'steward' },
          formKey: 'family-call',
          due: 'P2D',
        },
      ],
    });
    const now = await clock({ advance: 'PT0S' });
    // day 0: two days from now (Shanghai date); reminders at 09:00 Shanghai = 01:00Z
    const day0 = Date.parse(`${isoDate(now + 8 * 3600_000 + 2 * DAY)}T00:00:00Z`);
    const at = (offset: number, base = day0) => base + offset * DAY + 3600_000;
    const record = await as(steward).post('/api/records', {
      formKey: 'admission',
      residentId: withoutContact,
      data: { admissionDate: isoDate(day0), room: '301' },
    });
    expect(record.status).toBe(201);
    const planned = async () => (await pendingJobs('rule-date')).map((j) => j.due_at.getTime());
    expect(await planned()).toEqual([at(3), at(7), at(15), at(30)]);
    const followUps = async () =>
      ((await as(steward).get('/api/tasks?candidate=true')).body as Task[]).filter(
        (x) => x.source === 'rule',
      );

    // when the clock reaches 08:59 on day 3: nothing; at 09:00: the first task, for the steward
    await clock({ set: new Date(at(3) - 60_000).toISOString() });
    expect(await followUps()).toEqual([]);
    await clock({ set: new Date(at(3) + 30_000).toISOString() });
    const [first, ...others] = await followUps();
    expect(others).toEqual([]);
    expect(first).toMatchObject({
      name: '久未联系长者 入住回访',
      processInstanceId: null,
      residentId: withoutContact,
      formKey: 'family-call',
      candidateGroups: ['steward'],
      status: 'open',
    });
    const dueIn = Date.parse(first!.dueAt!) - (at(3) + 30_000);
    expect(dueIn).toBeGreaterThanOrEqual(2 * DAY);
    expect(dueIn).toBeLessThan(2 * DAY + 60_000);

    // and the steward completes it with the form: a family-call record is stored
    const done = await as(steward).post(`/api/tasks/${first!.id}/complete`, { data: { notes: '家属满意' } });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'completed', recordId: expect.any(String) });
    const call = await as(admin).get(`/api/records/${done.body.recordId as string}`);
    expect(call.body).toMatchObject({
      formKey: 'family-call',
      residentId: withoutContact,
      data: { notes: '家属满意' },
    });
    expect(await followUps()).toEqual([]);

    // when the admission date is corrected to one day earlier: the remaining reminders move with it
    const day0b = day0 - DAY;
    const edited = await as(steward).patch(`/api/records/${record.body.id as string}`, {
      data: { admissionDate: isoDate(day0b), room: '301' },
      revision: 1,
    });
    expect(edited.status).toBe(200);
    expect(await planned()).toEqual([at(7, day0b), at(15, day0b), at(30, day0b)]);

    // then day 7 of the new date fires, day 7 of the old date passes quietly, then 15 and 30 fire
    for (const offset of [7, 15, 30]) {
      await clock({ set: new Date(at(offset, day0b) + 30_000).toISOString() });
      const [task, ...more] = await followUps();
      expect(more).toEqual([]);
      expect((await as(steward).post(`/api/tasks/${task!.id}/complete`, { data: {} })).status).toBe(200);
      if (offset === 7) {
        await clock({ set: new Date(at(7) + 30_000).toISOString() });
        expect(await followUps()).toEqual([]);
      }
    }
    const fired = await firings(ruleId);
    expect(fired.map((f) => f.event.offsetDays).sort((a, b) => Number(a) - Number(b))).toEqual([
      3, 7, 15, 30,
    ]);
    expect(fired.every((f) => f.recordId === record.body.id && f.actions[0]!.ok)).toBe(true);
    expect(await planned()).toEqual([]);
  });

  it('should fire task.overdue once when a process task is still open at its due time, not for one done in time', async () => {
    // given a process whose task is due in two hours, and a rule on overdue tasks of that process
    const deployed = await as(admin).post('/api/processes', {
      xml: bpmnDocument(
        'care-check',
        `<bpmn:startEvent id="s" /><bpmn:userTask id="check" name="护理检查" camunda:candidateGroups="nurse" camunda:dueDate="PT2H" /><bpmn:endEvent id="e" />
        <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="check" /><bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="e" />`,
      ),
    });
    expect(deployed.status).toBe(201);
    const ruleId = await createRule('care-check-overdue', {
      trigger: { type: 'task.overdue', processKey: 'care-check' },
      condition: true,
      actions: [
        {
          type: 'notify',
          to: { role: 'head-nurse' },
          message: { 'zh-CN': '护理检查已超时', en: 'Care check overdue' },
        },
      ],
    });
    const start = async () => {
      const response = await as(admin).post('/api/processes/care-check/instances', {
        variables: {},
        residentId: withoutContact,
      });
      expect(response.status).toBe(201);
      const tasks = (await as(admin).get(`/api/tasks?processInstanceId=${response.body.id as string}`))
        .body as Task[];
      return tasks[0]!;
    };
    const late = await start();
    const inTime = await start();
    expect((await as(admin).post(`/api/tasks/${inTime.id}/complete`, { data: {} })).status).toBe(200);

    // when an hour passes: nothing; when three have: one firing for the open task only
    await clock({ advance: 'PT1H' });
    expect(await firings(ruleId)).toEqual([]);
    await clock({ advance: 'PT2H' });
    await clock({ advance: 'P1D' });
    const fired = await firings(ruleId);
    expect(fired).toEqual([
      expect.objectContaining({
        status: 'matched',
        residentId: withoutContact,
        event: expect.objectContaining({ type: 'task.overdue', taskId: late.id, processKey: 'care-check' }),
      }),
    ]);
  });

  it('should repeat a date-field rule every six months after the date, planning one repetition at a time', async () => {
    // given a reassessment reminder every 6 months after the last assessment, at 10:00 Shanghai (02:00Z)
    await publishForm('care-assessment', {
      assessedOn: { type: 'string', format: 'date', title: '评估日期' },
    });
    const ruleId = await createRule('reassess-every-six-months', {
      trigger: {
        type: 'date-field',
        formKey: 'care-assessment',
        field: 'assessedOn',
        every: 'P6M',
        at: '10:00',
      },
      condition: true,
      actions: [
        {
          type: 'notify',
          to: { role: 'head-nurse' },
          message: { 'zh-CN': '{{resident.name}} 需要重新评估', en: 'Reassessment due' },
        },
      ],
    });
    const local = new Date((await clock({ advance: 'PT0S' })) + 8 * 3600_000);
    const [year, month] = [local.getUTCFullYear(), local.getUTCMonth()];
    const assessedOn = isoDate(Date.UTC(year, month, 1));
    const saved = await as(admin).post('/api/records', {
      formKey: 'care-assessment',
      residentId: withContact,
      data: { assessedOn },
    });
    expect(saved.status).toBe(201);
    const planned = async () =>
      (await pendingJobs('rule-date'))
        .filter((j) => j.engine_ref.startsWith(ruleId))
        .map((j) => j.due_at.getTime());
    const first = Date.UTC(year, month + 6, 1, 2);
    expect(await planned()).toEqual([first]);

    // when the clock passes the first repetition: it fires, and the second is planned
    await clock({ set: new Date(first - 60_000).toISOString() });
    expect(await firings(ruleId)).toEqual([]);
    await clock({ set: new Date(first + 30_000).toISOString() });
    expect((await firings(ruleId)).map((f) => [f.event.repetition, f.residentId])).toEqual([
      [1, withContact],
    ]);
    expect(await planned()).toEqual([Date.UTC(year, month + 12, 1, 2)]);
  });
});
