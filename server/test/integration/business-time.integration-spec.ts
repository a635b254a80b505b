import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { bpmnDocument } from '../factories/bpmn.factory.js';
import { demoOrgUnits, type OrgUnitIds } from '../factories/resident.factory.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

type Task = {
  id: string;
  elementId: string;
  status: string;
  dueAt: string | null;
  followUpAt?: string | null;
};
type Problem = { status: number; errors: { path: string; message: string }[] };

/**
 * A complaint work order: handled within 3 working days (camunda:dueDate), escalated by an interrupting SLA
 * timer whose business duration comes from a variable.
 */
const complaintXml = bpmnDocument(
  'complaint-sla',
  `<bpmn:startEvent id="start" />
    <bpmn:userTask id="handle" name="处理投诉" camunda:dueDate="P3WD" camunda:candidateGroups="steward" />
    <bpmn:boundaryEvent id="sla" attachedToRef="handle"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">\${slaText}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
    <bpmn:userTask id="escalate" name="升级处理" camunda:candidateGroups="head-nurse" />
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="handle" />
    <bpmn:sequenceFlow id="f2" sourceRef="handle" targetRef="end" />
    <bpmn:sequenceFlow id="f3" sourceRef="sla" targetRef="escalate" />
    <bpmn:sequenceFlow id="f4" sourceRef="escalate" targetRef="end" />`,
);

// Wednesday 2026-09-30 16:00 Beijing time: the eve of National Day (Oct 1–7 off, Sat Oct 10 worked)
const EVE = '2026-09-30T08:00:00.000Z';
// three working days later: Oct 8, Oct 9, Sat Oct 10 — at 16:00 Beijing time
const DUE = '2026-10-10T08:00:00.000Z';

describe('business time', () => {
  let t: TestApp;
  let admin: string;
  let units: OrgUnitIds;

  const as = (token: string) => ({
    get: (url: string) => t.http().get(url).set('authorization', `Bearer ${token}`),
    post: (url: string, body: object = {}) =>
      t.http().post(url).set('authorization', `Bearer ${token}`).send(body),
    put: (url: string, body: object) => t.http().put(url).set('authorization', `Bearer ${token}`).send(body),
    patch: (url: string, body: object) =>
      t.http().patch(url).set('authorization', `Bearer ${token}`).send(body),
  });
  const clock = async (body: { set: string }) => {
    const response = await as(admin).post('/api/test/clock', body);
    expect(response.status).toBe(200);
  };
  const residentIn = async (orgUnitId: string): Promise<string> => {
    const rows: { id: string }[] = await t.dataSource.query(
      'SELECT id FROM resident WHERE org_unit_id = $1 ORDER BY created_at LIMIT 1',
      [orgUnitId],
    );
    expect(rows).toHaveLength(1);
    return rows[0]!.id;
  };
  const fileComplaint = async (residentId: string | null): Promise<string> => {
    const response = await as(admin).post('/api/processes/complaint-sla/instances', {
      variables: { slaText: '3 个工作日' },
      ...(residentId ? { residentId } : {}),
    });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };
  const openTasks = async (instanceId: string): Promise<Task[]> =>
    ((await as(admin).get(`/api/tasks?processInstanceId=${instanceId}`)).body as Task[]).filter(
      (task) => task.status === 'open',
    );

  beforeAll(async () => {
    // The test clock only moves forward from the system time, and 2026-09-30 may be in the past: start
    // the process's Date (only Date; timers stay real) in August 2026, then move with the test clock.
    jest.useFakeTimers({
      now: new Date('2026-08-31T16:00:00.000Z'),
      advanceTimers: true,
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
    t = await startTestApp({ CARELOOM_TEST_CLOCK: '1' });
    admin = await t.login('admin');
    units = await demoOrgUnits(t.dataSource);
  });
  afterAll(async () => {
    await t.close();
    jest.useRealTimers();
  });

  it('should ship the cn-mainland calendar as the default, with 2027 provisional and a warning about it', async () => {
    await clock({ set: '2026-09-01T02:00:00.000Z' });
    const response = await as(admin).get('/api/calendars').set('accept-language', 'en');
    expect(response.status).toBe(200);
    const [calendar, ...others] = response.body as {
      key: string;
      isDefault: boolean;
      timeZone: string;
      years: Record<string, { provisional: boolean; source: string; holidays: string[]; workdays: string[] }>;
      warnings: string[];
    }[];
    expect(others).toEqual([]);
    expect(calendar).toMatchObject({ key: 'cn-mainland', isDefault: true, timeZone: 'Asia/Shanghai' });
    expect(calendar!.years['2026']).toMatchObject({ provisional: false });
    expect(calendar!.years['2026']!.source).toContain('2025年11月4日');
    expect(calendar!.years['2026']!.workdays).toContain('2026-10-10');
    expect(calendar!.years['2027']).toMatchObject({ provisional: true, workdays: [] });
    expect(calendar!.warnings).toEqual([
      expect.stringContaining('PUT /api/calendars/cn-mainland/years/2027'),
    ]);
  });

  it('should put the due date and SLA of a complaint filed on the eve of National Day on the make-up Saturday', async () => {
    // given the complaint process, a resident in wing A (tenant default calendar) and one in a 24×7 wing B
    await clock({ set: '2026-09-30T07:00:00.000Z' });
    expect((await as(admin).post('/api/processes', { xml: complaintXml })).status).toBe(201);
    const patched = await as(admin).patch(`/api/org-units/${units.wingB}/business-time`, {
      alwaysOpen: true,
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ alwaysOpen: true, calendarKey: null });

    // when complaints are filed at 16:00 on Sep 30 for each of them, and one with no resident
    await clock({ set: EVE });
    const normal = await fileComplaint(await residentIn(units.wingA));
    const nursing = await fileComplaint(await residentIn(units.wingB));
    const unassigned = await fileComplaint(null);

    // then the task is due three working days later, on the make-up Saturday, in wing A and by default
    const [handle] = await openTasks(normal);
    expect(handle).toMatchObject({ elementId: 'handle', dueAt: DUE });
    expect((await openTasks(unassigned))[0]).toMatchObject({ dueAt: DUE });
    // and in the 24×7 wing three calendar days later (the clock has moved on by the request's milliseconds)
    const [nursingTask] = await openTasks(nursing);
    const dueIn = Date.parse(nursingTask!.dueAt!) - Date.parse(EVE);
    expect(dueIn).toBeGreaterThanOrEqual(3 * 86_400_000);
    expect(dueIn).toBeLessThan(3 * 86_400_000 + 60_000);

    // when the clock reaches the 24×7 deadline: only that complaint escalates
    await clock({ set: '2026-10-03T08:01:00.000Z' });
    expect((await openTasks(nursing)).map((task) => task.elementId)).toEqual(['escalate']);
    expect((await openTasks(normal)).map((task) => task.elementId)).toEqual(['handle']);

    // when it is a minute before the working-day deadline on Saturday Oct 10: still not escalated
    await clock({ set: '2026-10-10T07:59:00.000Z' });
    expect((await openTasks(normal)).map((task) => task.elementId)).toEqual(['handle']);

    // when the deadline passes: the SLA timer has fired on the right working day
    await clock({ set: '2026-10-10T08:00:01.000Z' });
    expect((await openTasks(normal)).map((task) => task.elementId)).toEqual(['escalate']);
    expect((await openTasks(unassigned)).map((task) => task.elementId)).toEqual(['escalate']);
  });

  it("should use a unit's own calendar, inherited by the units below it", async () => {
    // given a six-day calendar (Monday–Saturday, no holidays) set on the building above wing A
    const created = await as(admin).put('/api/calendars/six-day-week', {
      name: { 'zh-CN': '六天工作制', en: 'Six-day week' },
      timeZone: 'Asia/Shanghai',
      weekdays: [1, 2, 3, 4, 5, 6],
      hours: [{ start: '08:00', end: '18:00' }],
      years: { '2026': { holidays: [], workdays: [], source: 'house rules', provisional: false } },
    });
    expect(created.status).toBe(200);
    const building = await as(admin).patch(`/api/org-units/${units.building}/business-time`, {
      calendarKey: 'six-day-week',
      alwaysOpen: false,
    });
    expect(building.status).toBe(200);

    // when a complaint is filed for a wing A resident on Thursday 2026-10-15 at 16:00 Beijing time
    await clock({ set: '2026-10-15T08:00:00.000Z' });
    const id = await fileComplaint(await residentIn(units.wingA));

    // then Fri, Sat, Mon count: due Monday Oct 19 at 16:00
    expect((await openTasks(id))[0]).toMatchObject({ dueAt: '2026-10-19T08:00:00.000Z' });

    // and an unknown calendar key is refused with a pointer
    const unknown = await as(admin).patch(`/api/org-units/${units.wingA}/business-time`, {
      calendarKey: 'no-such-calendar',
    });
    expect(unknown.status).toBe(400);
    expect((unknown.body as Problem).errors).toEqual([expect.objectContaining({ path: '/calendarKey' })]);
  });

  it('should load a year and refuse malformed calendars with pointers to the fields', async () => {
    // when a year is loaded for the six-day calendar
    const loaded = await as(admin).put('/api/calendars/six-day-week/years/2027', {
      holidays: ['2027-10-01', '2027-01-01'],
      workdays: [],
      source: 'house rules for 2027',
    });
    expect(loaded.status).toBe(200);
    expect(loaded.body.years['2027']).toEqual({
      holidays: ['2027-01-01', '2027-10-01'],
      workdays: [],
      provisional: false,
      source: 'house rules for 2027',
    });

    // when a calendar has a bad zone, overlapping hours and a date outside its year
    const malformed = {
      name: { 'zh-CN': '中国大陆', en: 'Mainland China' },
      timeZone: 'Asia/Beijing',
      weekdays: [1, 2, 3, 4, 5],
      hours: [
        { start: '08:30', end: '12:00' },
        { start: '11:30', end: '17:30' },
      ],
      years: { '2027': { holidays: ['2026-10-01'], workdays: [], source: 'x' } },
    };
    const bad = await as(admin).put('/api/calendars/cn-mainland', malformed);
    // then 400 with a pointer for each, worded in Chinese (the default), and nothing saved
    expect(bad.status).toBe(400);
    expect((bad.body as Problem).errors.map((error) => error.path)).toEqual([
      '/timeZone',
      '/hours/1/start',
      '/years/2027/holidays/0',
    ]);
    expect(bad.body.detail).toBe('日历有 3 处问题，未保存；请看各字段的提示。');
    expect((bad.body as Problem).errors).toEqual([
      { path: '/timeZone', message: '"Asia/Beijing" 不是 IANA 时区（例如 Asia/Shanghai）' },
      { path: '/hours/1/start', message: '工作时段须按时间顺序且不能重叠' },
      { path: '/years/2027/holidays/0', message: '"2026-10-01" 不是 2027 年的日期（YYYY-MM-DD）' },
    ]);
    // and in English when asked
    const badEn = await as(admin).put('/api/calendars/cn-mainland', malformed).set('accept-language', 'en');
    expect(badEn.status).toBe(400);
    expect((badEn.body as Problem).errors).toEqual([
      { path: '/timeZone', message: '"Asia/Beijing" is not an IANA time zone (e.g. Asia/Shanghai)' },
      { path: '/hours/1/start', message: 'periods must be in order and must not overlap' },
      { path: '/years/2027/holidays/0', message: '"2026-10-01" is not a date (YYYY-MM-DD) in 2027' },
    ]);
    const badKey = await as(admin).put('/api/calendars/Six_Days', {
      ...malformed,
      timeZone: 'Asia/Shanghai',
      years: undefined,
      hours: [{ start: '08:30', end: '12:00' }],
    });
    expect(badKey.status).toBe(400);
    expect((badKey.body as Problem).errors).toEqual([
      { path: '', message: 'URL 中的日历标识须为 2–64 个小写字母、数字或短横线，并以字母开头' },
    ]);
    const years = await as(admin).put('/api/calendars/cn-mainland', {
      ...malformed,
      timeZone: 'Asia/Shanghai',
      hours: [{ start: '08:30', end: '12:00' }],
      years: { '27': { holidays: [], workdays: [], source: 'x' } },
    });
    expect(years.status).toBe(400);
    expect((years.body as Problem).errors).toEqual([
      { path: '/years/27', message: '“27”不是四位数的年份；请用年份作键，例如 "2027"' },
    ]);
    const after = await as(admin).get('/api/calendars/cn-mainland');
    expect(after.body).toMatchObject({ timeZone: 'Asia/Shanghai' });
    expect(after.body.years['2027'].provisional).toBe(true);

    // DTO checks point at fields too
    const shape = await as(admin).put('/api/calendars/six-day-week/years/2027', {
      holidays: ['Oct 1'],
      workdays: ['2027-10-09'],
      source: '',
    });
    expect(shape.status).toBe(400);
    expect((shape.body as Problem).errors.map((error) => error.path).sort()).toEqual([
      '/holidays',
      '/source',
    ]);
    const clash = await as(admin).put('/api/calendars/six-day-week/years/2027', {
      holidays: ['2027-10-09'],
      workdays: ['2027-10-09'],
      source: 'notice',
    });
    expect(clash.status).toBe(400);
    expect((clash.body as Problem).errors).toEqual([
      { path: '/workdays/0', message: '2027-10-09 不能既是假日又是调休上班日' },
    ]);
    const shortYear = await as(admin).put('/api/calendars/six-day-week/years/27', {
      holidays: [],
      workdays: [],
      source: 'notice',
    });
    expect(shortYear.status).toBe(400);
    expect((shortYear.body as Problem).errors).toEqual([
      { path: '', message: 'URL 中的“27”不是四位数的年份；请改为如 2027 这样的年份' },
      { path: '', message: '年份须为四位数字' },
    ]);
    const missing = await as(admin).put('/api/calendars/no-such/years/2027', {
      holidays: [],
      workdays: [],
      source: 'x',
    });
    expect(missing.status).toBe(404);
  });

  it('should log a warning when a deadline falls in a provisional year', async () => {
    // given the shipped calendar, whose 2027 is provisional
    const warn = jest.spyOn(Logger.prototype, 'warn');
    try {
      // when a complaint is filed on Wednesday 2026-12-30 with 3 working days
      await clock({ set: '2026-12-30T02:00:00.000Z' });
      const id = await fileComplaint(null);
      // then it is due Tuesday 2027-01-05 (New Year's Day off) and the server warned about 2027 once
      expect((await openTasks(id))[0]).toMatchObject({ dueAt: '2027-01-05T02:00:00.000Z' });
      const calendarWarnings = warn.mock.calls.filter(([entry]) =>
        JSON.stringify(entry).includes('cn-mainland/years/2027'),
      );
      expect(calendarWarnings).toHaveLength(1);
    } finally {
      warn.mockRestore();
    }
  });

  it("should put a rule's create-task due date in business time on the resident's calendar", async () => {
    // given a published form and a rule creating a task due in 3 working days when it is saved
    const form = await as(admin).post('/api/forms', {
      key: 'complaint-note',
      name: { 'zh-CN': '投诉记录', en: 'Complaint note' },
      schema: { type: 'object', title: 'Note', properties: { text: { type: 'string', title: 'Text' } } },
    });
    expect(form.status).toBe(201);
    expect((await as(admin).post(`/api/forms/${form.body.id}/publish`)).status).toBe(201);
    const rule = await as(admin).post('/api/rules', {
      key: 'complaint-follow-up',
      name: { 'zh-CN': '投诉跟进', en: 'Complaint follow-up' },
      definition: {
        trigger: { type: 'record.saved', formKey: 'complaint-note' },
        condition: true,
        actions: [
          {
            type: 'create-task',
            title: { 'zh-CN': '跟进投诉', en: 'Follow up' },
            to: { role: 'steward' },
            due: 'P3WD',
          },
        ],
      },
    });
    expect(rule.status).toBe(201);
    const bad = await as(admin).post('/api/rules', {
      key: 'complaint-follow-up-bad',
      name: { 'zh-CN': '投诉跟进', en: 'Complaint follow-up' },
      definition: {
        trigger: { type: 'record.saved', formKey: 'complaint-note' },
        condition: true,
        actions: [
          {
            type: 'create-task',
            title: { 'zh-CN': '跟进', en: 'x' },
            to: { role: 'steward' },
            due: '3 workdays',
          },
        ],
      },
    });
    expect(bad.status).toBe(400);
    expect((bad.body as Problem).errors).toEqual([
      expect.objectContaining({ path: '/definition/actions/0/due' }),
    ]);

    // when a note is saved on Wednesday 2027-01-06 at 16:00 for a wing A resident (six-day-week calendar)
    await clock({ set: '2027-01-06T08:00:00.000Z' });
    const record = await as(admin).post('/api/records', {
      formKey: 'complaint-note',
      residentId: await residentIn(units.wingA),
      data: { text: '午饭太咸' },
    });
    expect(record.status).toBe(201);

    // then the task is due Thu 7, Fri 8, Sat 9 → Saturday 2027-01-09 at 16:00
    const rows: { due_at: Date }[] = await t.dataSource.query(
      `SELECT due_at FROM task WHERE element_id = 'complaint-follow-up'`,
    );
    expect(rows.map((row) => row.due_at.toISOString())).toEqual(['2027-01-09T08:00:00.000Z']);
  });

  it('should let only admins change calendars and org units’ business time', async () => {
    const nurse = await t.login('nurse.a');
    // staff may read the calendars
    expect((await as(nurse).get('/api/calendars/cn-mainland')).status).toBe(200);
    // but not change them
    const put = await as(nurse).put('/api/calendars/cn-mainland/years/2027', {
      holidays: [],
      workdays: [],
      source: 'guess',
    });
    expect(put.status).toBe(403);
    const replace = await as(nurse).put('/api/calendars/cn-mainland', {
      name: { 'zh-CN': 'x', en: 'x' },
      timeZone: 'Asia/Shanghai',
      weekdays: [1],
      hours: [{ start: '08:00', end: '09:00' }],
    });
    expect(replace.status).toBe(403);
    const unit = await as(nurse).patch(`/api/org-units/${units.wingA}/business-time`, { alwaysOpen: true });
    expect(unit.status).toBe(403);
  });
});
