// Issue #10: a resident who leaves during the 30-day onboarding ends it. The rule action `cancel-process` (the
// onboarding-30day bundle's `onboarding-on-leaving` rule) cancels the resident's running instances through the
// runtime's cancel command in the status change's own transaction: tasks cancelled, jobs removed, the reason in
// the history, `process.ended` (cancelled) published, and the firing saying how many it ended.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { singleTaskProcess } from '../factories/bpmn.factory.js';
import { demoOrgUnits, residentInput, type OrgUnitIds } from '../factories/resident.factory.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

type Instance = {
  id: string;
  status: string;
  history: { event: string; elementType: string; actor: string | null; reason: string | null }[];
};
type Task = { id: string; elementId: string; status: string; residentId: string | null };
type Firing = {
  status: string;
  error: string | null;
  actions: { type: string; ok: boolean; detail: string }[];
};

const LEAVING_REASON = '长者已退住或离世，入住适应期回访结束';

describe('rule action cancel-process', () => {
  let t: TestApp;
  let admin: string;
  let frontDesk: string;
  let steward: string;
  let units: OrgUnitIds;

  const as = (token: string) => ({
    get: (url: string) => t.http().get(url).set('authorization', `Bearer ${token}`),
    post: (url: string, body: object = {}) =>
      t.http().post(url).set('authorization', `Bearer ${token}`).send(body),
  });
  const clock = async (set: string) => {
    expect((await as(admin).post('/api/test/clock', { set })).status).toBe(200);
  };
  const onboardingsOf = async (residentId: string): Promise<Instance[]> =>
    (await as(admin).get(`/api/process-instances?processKey=onboarding-30day&residentId=${residentId}`))
      .body as Instance[];
  const instance = async (id: string): Promise<Instance> =>
    (await as(admin).get(`/api/process-instances/${id}`)).body as Instance;
  const tasksOf = async (instanceId: string): Promise<Task[]> =>
    (await as(admin).get(`/api/tasks?processInstanceId=${instanceId}`)).body as Task[];
  const newResident = async (): Promise<string> => {
    const created = await as(frontDesk).post('/api/residents', residentInput(units.wingA));
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  const changeStatus = async (id: string, status: string) => {
    const changed = await as(frontDesk).post(`/api/residents/${id}/status`, {
      status,
      ...(status === 'discharged' || status === 'deceased' ? { reason: '转院' } : {}),
    });
    expect({ status, code: changed.status, body: changed.status === 201 ? null : changed.body }).toEqual({
      status,
      code: 201,
      body: null,
    });
  };
  const pendingJobs = async (instanceId: string): Promise<number> => {
    const [row] = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM job WHERE instance_id = $1 AND status = 'pending'`,
      [instanceId],
    );
    return row!.n;
  };
  const leavingFirings = async (residentId: string): Promise<Firing[]> => {
    const firings = (await as(admin).get(`/api/rules/firings?residentId=${residentId}`)).body as (Firing & {
      actions: { type: string }[];
    })[];
    return firings.filter((f) => f.actions.some((a) => a.type === 'cancel-process'));
  };

  beforeAll(async () => {
    t = await startTestApp({ CARELOOM_TEST_CLOCK: '1' });
    admin = await t.login('admin');
    frontDesk = await t.login('frontdesk');
    steward = await t.login('steward');
    units = await demoOrgUnits(t.dataSource);
    for (const key of ['elder-archive', 'onboarding-30day']) {
      expect((await as(admin).post(`/api/bundles/shipped/${key}/import`)).status).toBe(200);
    }
    // a rule that tells the head nurse when an onboarding ends cancelled: proves process.ended is published
    const ended = await as(admin).post('/api/rules', {
      key: 'onboarding-cancelled-notice',
      name: { 'zh-CN': '适应期已取消', en: 'Onboarding cancelled' },
      definition: {
        trigger: { type: 'process.ended', processKey: 'onboarding-30day', status: 'cancelled' },
        condition: true,
        actions: [
          {
            type: 'notify',
            to: { role: 'head-nurse' },
            message: { 'zh-CN': '{{resident.name}} 的入住适应期已结束', en: 'Onboarding ended' },
          },
        ],
      },
    });
    expect(ended.status).toBe(201);
  });
  afterAll(async () => {
    await t.close();
  });

  it('should cancel the onboarding, withdraw its open call and remove its jobs when the resident is discharged', async () => {
    // given a resident admitted on 2 April, on day 2 at 09:00: the day-3 call is open, its timers pending
    await clock('2035-04-02T01:00:00.000Z');
    const resident = await newResident();
    await changeStatus(resident, 'admitted');
    const [onboarding] = await onboardingsOf(resident);
    expect(onboarding).toMatchObject({ status: 'active' });
    await clock('2035-04-04T01:00:00.000Z');
    const [call] = await tasksOf(onboarding!.id);
    expect(call).toMatchObject({ elementId: 'callDay3', status: 'open' });
    expect(await pendingJobs(onboarding!.id)).toBeGreaterThan(0);

    // when the front desk discharges them
    await changeStatus(resident, 'discharged');

    // then the instance is cancelled and its history says why and which rule
    const view = await instance(onboarding!.id);
    expect(view.status).toBe('cancelled');
    expect(view.history).toContainEqual(
      expect.objectContaining({ event: 'cancelled', elementType: 'process', reason: LEAVING_REASON }),
    );
    expect(view.history.find((h) => h.reason === LEAVING_REASON)?.actor).toContain('规则');
    // and the call is cancelled, in nobody's inbox, and no job of the instance is left to run
    expect((await tasksOf(onboarding!.id)).map((task) => [task.id, task.status])).toEqual([
      [call!.id, 'cancelled'],
    ]);
    const offered = (await as(steward).get('/api/tasks?candidate=true')).body as Task[];
    expect(offered.map((task) => task.id)).not.toContain(call!.id);
    expect(await pendingJobs(onboarding!.id)).toBe(0);
    // and the firing says how many it cancelled
    const [firing] = await leavingFirings(resident);
    expect(firing).toMatchObject({
      status: 'matched',
      actions: [
        {
          type: 'cancel-process',
          ok: true,
          detail: `cancelled 1 onboarding-30day instance: ${onboarding!.id}`,
        },
      ],
    });
    // and process.ended (cancelled) reached the rules like any cancel
    const [told] = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM notification WHERE role = 'head-nurse' AND title LIKE '%入住适应期已结束'`,
    );
    expect(told!.n).toBe(1);

    // and a later day-3 reminder time passes with no notification about the instance
    await clock('2035-04-06T02:00:00.000Z');
    const [late] = await t.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM notification WHERE instance_id = $1',
      [onboarding!.id],
    );
    expect(late!.n).toBe(0);
  });

  it('should cancel the onboarding when the resident dies', async () => {
    // given an admitted resident with their onboarding running
    await clock('2035-04-10T01:00:00.000Z');
    const resident = await newResident();
    await changeStatus(resident, 'admitted');

    // when they die
    await changeStatus(resident, 'deceased');

    // then the onboarding is cancelled
    expect((await onboardingsOf(resident)).map((i) => i.status)).toEqual(['cancelled']);
  });

  it('should do nothing, without an error, for a resident discharged who had no onboarding', async () => {
    // given a resident who left after a trial stay (never admitted: no onboarding)
    const resident = await newResident();
    await changeStatus(resident, 'trial');

    // when they are discharged
    await changeStatus(resident, 'discharged');

    // then nothing was cancelled and the firing says so
    expect(await onboardingsOf(resident)).toEqual([]);
    expect(await leavingFirings(resident)).toEqual([
      expect.objectContaining({
        status: 'matched',
        error: null,
        actions: [
          {
            type: 'cancel-process',
            ok: true,
            detail: 'cancelled 0 onboarding-30day instances: the resident has none running',
          },
        ],
      }),
    ]);
  });

  it('should cancel nothing, and say so, when the event has no resident', async () => {
    // given a rule cancelling onboardings when a task of a process run for no resident is completed
    const xml = singleTaskProcess('no-resident-review', { candidateGroups: 'admin' });
    expect([200, 201]).toContain((await as(admin).post('/api/processes', { xml })).status);
    const rule = await as(admin).post('/api/rules', {
      key: 'cancel-without-resident',
      name: { 'zh-CN': '无长者', en: 'No resident' },
      definition: {
        trigger: { type: 'task.completed', processKey: 'no-resident-review' },
        condition: true,
        actions: [
          {
            type: 'cancel-process',
            processKey: 'onboarding-30day',
            reason: { 'zh-CN': '测试', en: 'Test' },
          },
        ],
      },
    });
    expect(rule.status).toBe(201);
    const resident = await newResident();
    await changeStatus(resident, 'admitted');
    const started = await as(admin).post('/api/processes/no-resident-review/instances', { variables: {} });
    expect(started.status).toBe(201);

    // when its task is completed
    const [task] = await tasksOf(started.body.id as string);
    expect((await as(admin).post(`/api/tasks/${task!.id}/complete`, { data: {} })).status).toBe(200);

    // then the firing cancelled nothing, and the admitted resident's onboarding runs on
    const firings = (await as(admin).get(`/api/rules/firings?ruleId=${rule.body.id as string}`))
      .body as Firing[];
    expect(firings.map((f) => f.actions)).toEqual([
      [
        {
          type: 'cancel-process',
          ok: true,
          detail: 'cancelled 0 onboarding-30day instances: the event has no resident',
        },
      ],
    ]);
    expect((await onboardingsOf(resident)).map((i) => i.status)).toEqual(['active']);
  });

  it('should refuse a cancel-process action without a key, without a reason or with a field it does not know', async () => {
    // when an administrator saves such a rule
    const response = await as(admin).post('/api/rules', {
      key: 'bad-cancel',
      name: { 'zh-CN': '坏规则', en: 'Bad' },
      definition: {
        trigger: { type: 'resident.status-changed', to: 'discharged' },
        condition: true,
        actions: [{ type: 'cancel-process', processKey: '', reason: { 'zh-CN': '退住' }, variables: {} }],
      },
    });

    // then 400, each problem at its field
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual([
      '/definition/actions/0/variables',
      '/definition/actions/0/processKey',
      '/definition/actions/0/reason',
    ]);
  });
});
