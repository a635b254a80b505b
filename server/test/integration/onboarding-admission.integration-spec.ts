// Issue #10: admitting a resident starts the 30-day onboarding once (the onboarding-30day bundle's
// `onboarding-on-admission` rule), and a reminder whose steward is not named goes to the steward role
// (`notify` falls back from an empty `username` to its `role`).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { serviceTaskProcess } from '../factories/bpmn.factory.js';
import { demoOrgUnits, residentInput, type OrgUnitIds } from '../factories/resident.factory.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

type Instance = {
  id: string;
  status: string;
  residentId: string | null;
  variables: Record<string, unknown>;
  incidents: { elementId: string; message: string }[];
};
type Task = {
  id: string;
  elementId: string;
  status: string;
  assignee: string | null;
  candidateGroups: string[];
};
type NotificationRow = { user_id: string | null; role: string | null; title: string };

describe('admission starts the 30-day onboarding', () => {
  let t: TestApp;
  let admin: string;
  let frontDesk: string;
  let units: OrgUnitIds;

  const as = (token: string) => ({
    get: (url: string) => t.http().get(url).set('authorization', `Bearer ${token}`),
    post: (url: string, body: object = {}) =>
      t.http().post(url).set('authorization', `Bearer ${token}`).send(body),
    patch: (url: string, body: object) =>
      t.http().patch(url).set('authorization', `Bearer ${token}`).send(body),
  });
  const clock = async (set: string) => {
    const response = await as(admin).post('/api/test/clock', { set });
    expect(response.status).toBe(200);
  };
  const onboardingsOf = async (residentId: string): Promise<Instance[]> => {
    const response = await as(admin).get(
      `/api/process-instances?processKey=onboarding-30day&residentId=${residentId}`,
    );
    expect(response.status).toBe(200);
    return response.body as Instance[];
  };
  const instance = async (id: string): Promise<Instance> =>
    (await as(admin).get(`/api/process-instances/${id}`)).body as Instance;
  const newResident = async (): Promise<string> => {
    const created = await as(frontDesk).post('/api/residents', residentInput(units.wingA));
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  const changeStatus = (id: string, status: string) =>
    as(frontDesk).post(`/api/residents/${id}/status`, { status });
  const notificationsOf = (instanceId: string): Promise<NotificationRow[]> =>
    t.dataSource.query(
      'SELECT user_id, role, title FROM notification WHERE instance_id = $1 ORDER BY created_at',
      [instanceId],
    );

  beforeAll(async () => {
    t = await startTestApp({ CARELOOM_TEST_CLOCK: '1' });
    admin = await t.login('admin');
    frontDesk = await t.login('frontdesk');
    units = await demoOrgUnits(t.dataSource);
    for (const key of ['elder-archive', 'onboarding-30day']) {
      const imported = await as(admin).post(`/api/bundles/shipped/${key}/import`);
      expect(imported.status).toBe(200);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('should start one onboarding on admission, dated the admission day in the home’s time zone', async () => {
    // given a resident on inquiry, and the clock at 00:30 on 2 April in the home (still 1 April in UTC)
    await clock('2035-04-01T16:30:00.000Z');
    const resident = await newResident();
    expect(await onboardingsOf(resident)).toEqual([]);

    // when the front desk admits them
    const admitted = await changeStatus(resident, 'admitted');

    // then the admission and the onboarding were written together: one instance for this resident,
    // admission date 2 April, no steward named
    expect(admitted.status).toBe(201);
    const started = await onboardingsOf(resident);
    expect(started).toHaveLength(1);
    const view = await instance(started[0]!.id);
    expect(view).toMatchObject({ status: 'active', residentId: resident });
    expect(view.variables).toEqual({ residentId: resident, admissionDate: '2035-04-02' });
    // and the firing says which rule did it
    const firings = await as(admin).get(`/api/rules/firings?residentId=${resident}`);
    expect(firings.status).toBe(200);
    const firing = (firings.body as { status: string; actions: { type: string; ok: boolean }[] }[])[0];
    expect(firing).toMatchObject({ status: 'matched', actions: [{ type: 'start-process', ok: true }] });
  });

  it('should not start it on a trial stay, and not again on a later edit, re-admission or discharge', async () => {
    // given a resident on a trial stay: no onboarding yet
    await clock('2035-04-03T02:00:00.000Z');
    const resident = await newResident();
    expect((await changeStatus(resident, 'trial')).status).toBe(201);
    expect(await onboardingsOf(resident)).toEqual([]);

    // when they are admitted, then edited, admitted again and discharged
    expect((await changeStatus(resident, 'admitted')).status).toBe(201);
    const first = (await onboardingsOf(resident)).map((i) => i.id);
    const current = await as(admin).get(`/api/residents/${resident}`);
    const edited = await as(frontDesk).patch(`/api/residents/${resident}`, {
      room: '209',
      version: current.body.version,
    });
    const again = await changeStatus(resident, 'admitted');
    const discharged = await as(frontDesk).post(`/api/residents/${resident}/status`, {
      status: 'discharged',
      reason: '转院',
    });

    // then there is still the one onboarding the admission started
    expect(first).toHaveLength(1);
    expect(edited.status).toBe(200);
    expect(again.status).toBeGreaterThanOrEqual(400);
    expect(again.status).toBeLessThan(500);
    expect(discharged.status).toBe(201);
    expect((await onboardingsOf(resident)).map((i) => i.id)).toEqual(first);
  });

  it('should offer the calls to the stewards and remind the steward role when no steward is named', async () => {
    // given a resident admitted on 10 April at 10:00 in the home
    await clock('2035-04-10T02:00:00.000Z');
    const resident = await newResident();
    expect((await changeStatus(resident, 'admitted')).status).toBe(201);
    const [onboarding] = await onboardingsOf(resident);

    // when the clock reaches day 3 at 09:00 (the call opened on day 2)
    await clock('2035-04-13T01:00:00.000Z');

    // then the day-3 call is a candidate task of the steward role, and the reminder went to that role
    const tasks = (await as(admin).get(`/api/tasks?processInstanceId=${onboarding!.id}`)).body as Task[];
    expect(tasks.map((task) => [task.elementId, task.status, task.assignee, task.candidateGroups])).toEqual([
      ['callDay3', 'open', null, ['steward']],
    ]);
    expect(await notificationsOf(onboarding!.id)).toEqual([
      { user_id: null, role: 'steward', title: '今天请完成第3天家属回访' },
    ]);
    const view = await instance(onboarding!.id);
    expect(view.status).toBe('active');
    expect(view.incidents).toEqual([]);
    // and the steward sees the reminder and the call
    const steward = await t.login('steward');
    const mine = (await as(steward).get('/api/notifications')).body as { title: string }[];
    expect(mine.map((n) => n.title)).toContain('今天请完成第3天家属回访');
    const offered = (await as(steward).get('/api/tasks?candidate=true')).body as Task[];
    expect(offered.map((task) => task.id)).toContain(tasks[0]!.id);
  });

  it('should still remind a named steward personally when the onboarding is started with one', async () => {
    // given an onboarding started by hand for a resident, naming the steward
    await clock('2035-04-20T02:00:00.000Z');
    const resident = await newResident();
    const started = await as(admin).post('/api/processes/onboarding-30day/instances', {
      residentId: resident,
      variables: { residentId: resident, admissionDate: '2035-04-20', stewardUsername: 'steward' },
    });
    expect(started.status).toBe(201);

    // when day 3 09:00 comes
    await clock('2035-04-23T01:00:00.000Z');

    // then the call is the steward's and the reminder went to that user only
    const tasks = (await as(admin).get(`/api/tasks?processInstanceId=${started.body.id}`)).body as Task[];
    expect(tasks.map((task) => [task.elementId, task.assignee])).toEqual([['callDay3', 'steward']]);
    const [steward] = await t.dataSource.query<{ id: string }[]>(
      "SELECT id FROM app_user WHERE username = 'steward'",
    );
    expect(await notificationsOf(started.body.id as string)).toEqual([
      { user_id: steward!.id, role: null, title: '今天请完成第3天家属回访' },
    ]);
  });

  it('should still fail into an incident on an empty user when the notify task names no role to fall back to', async () => {
    // given a notify service task addressed only to a user from a variable
    const xml = serviceTaskProcess('notify-no-fallback', 'notify', {
      username: { var: 'who' },
      title: 'Hello',
    });
    expect([200, 201]).toContain((await as(admin).post('/api/processes', { xml })).status);

    // when it runs without the variable, through its three attempts
    const started = await as(admin).post('/api/processes/notify-no-fallback/instances', { variables: {} });
    expect(started.status).toBe(201);
    for (const hour of ['02', '03', '04']) {
      await clock(`2035-04-24T${hour}:00:00.000Z`);
    }

    // then nothing was sent and the instance has an incident on the task naming the parameter
    expect(await notificationsOf(started.body.id as string)).toEqual([]);
    const view = await instance(started.body.id as string);
    expect(view.incidents.map((incident) => incident.elementId)).toEqual(['call']);
    expect(view.incidents[0]!.message).toContain('parameter "user" must give a non-empty text');
  });
});
