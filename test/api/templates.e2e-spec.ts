// Issue #10, "tests that must exist and pass": each shipped bundle imported into an empty tenant the way an
// integrator does it (the CLI, in the order the server lists them), then run end to end on the test clock
// through the public API only. What the in-process integration specs already prove is referenced, not repeated:
// server/test/integration/bundles.integration-spec.ts (re-import of one bundle changes nothing, a newer bundle
// publishes what changed, a dangling form key names the file and element, zip-slip refused) and
// bundles-shipped.integration-spec.ts (requirement order, refusal before requirements).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Schemas } from '@careloom/api-client';
import { ownDatabase, type OwnDatabase } from '../support/own-database.js';
import { login, REPO_ROOT, startServer, type ServerProcess } from '../support/server-process.js';

const ADMIN_PASSWORD = 'e2e-templates-admin';
const DEMO_PASSWORD = 'e2e-templates-staff';
const CLI = path.join(REPO_ROOT, 'packages', 'cli', 'bin', 'careloom.mjs');
const TEMPLATES = path.join(REPO_ROOT, 'templates');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

type Task = Schemas['TaskDto'];
type WorkOrder = Schemas['WorkOrderDetailDto'];
type Notification = Schemas['NotificationDto'];
type Instance = Schemas['ProcessInstanceDto'];
type RecordRow = Schemas['RecordDto'];
type Shipped = Schemas['ShippedBundleDto'];
type Import = Schemas['ImportReportDto'];
type ReportResult = Schemas['ReportResultDto'] & {
  rows: Record<string, unknown>[];
  summary?: { value: number | null };
};
type Reply<T> = { status: number; body: T };
type Ability = { total: number; subtotals: Record<string, number>; level: string };

/** The server clock runs on after a set: durations measured from it match within a minute. */
const expectAbout = (actualMs: number, expectedMs: number) =>
  expect(Math.abs(actualMs - expectedMs)).toBeLessThan(MINUTE);

/** Asia/Shanghai wall clock (UTC+8, no daylight saving) → ISO instant. */
const shanghai = (local: string): string =>
  new Date(Date.parse(`${local.replace(' ', 'T')}:00.000+08:00`)).toISOString();

describe('shipped template bundles, end to end on the test clock', () => {
  let server: ServerProcess;
  let database: OwnDatabase;
  const tokens: Record<string, string> = {};
  let apiToken: string;
  let now = '';

  const request = async <T>(
    token: string,
    method: string,
    route: string,
    body?: unknown,
  ): Promise<Reply<T>> => {
    const response = await fetch(`${server.url}${route}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  };
  /** The call as `user`, expecting `status` (the problem body is shown when it differs). */
  const as = (user: string) => ({
    get: async <T>(route: string, status = 200): Promise<T> => {
      const reply = await request<T>(tokens[user]!, 'GET', route);
      expect({ route, status: reply.status, body: reply.status === status ? null : reply.body }).toEqual({
        route,
        status,
        body: null,
      });
      return reply.body;
    },
    post: async <T>(route: string, body: unknown = {}, status = 200): Promise<T> => {
      const reply = await request<T>(tokens[user]!, 'POST', route, body);
      expect({ route, status: reply.status, body: reply.status === status ? null : reply.body }).toEqual({
        route,
        status,
        body: null,
      });
      return reply.body;
    },
  });
  const admin = as('admin');

  /** Moves the server clock to a Shanghai wall-clock time; due timers have fired when it answers. */
  const clockTo = async (local: string) => {
    now = shanghai(local);
    await admin.post('/api/test/clock', { set: now });
  };
  const tasksOf = (instanceId: string) => admin.get<Task[]>(`/api/tasks?processInstanceId=${instanceId}`);
  const openTask = async (instanceId: string, elementId: string): Promise<Task | undefined> =>
    (await tasksOf(instanceId)).find((t) => t.elementId === elementId && t.status === 'open');
  const notificationsOf = (user: string) => as(user).get<Notification[]>('/api/notifications');
  const titles = async (user: string) => (await notificationsOf(user)).map((n) => n.title);
  const careloom = (...args: string[]) =>
    spawnSync(process.execPath, [CLI, ...args], {
      env: { ...process.env, CARELOOM_URL: server.url, CARELOOM_TOKEN: apiToken },
      encoding: 'utf8',
    });

  beforeAll(async () => {
    // given an empty database and a server with the test clock
    database = await ownDatabase('templates_e2e');
    server = await startServer(
      {
        ...database.env,
        CARELOOM_ADMIN_PASSWORD: ADMIN_PASSWORD,
        CARELOOM_DEMO_PASSWORD: DEMO_PASSWORD,
        CARELOOM_TEST_CLOCK: '1',
      },
      120_000,
    );
    tokens.admin = await login(server.url, 'admin', ADMIN_PASSWORD);
    for (const user of ['headnurse', 'nurse.a', 'steward', 'logistics', 'frontdesk', 'family.liu']) {
      tokens[user] = await login(server.url, user, DEMO_PASSWORD);
    }
    // An administrator's API token: the integrator role may not design forms, so it cannot import bundles.
    apiToken = (
      await as('admin').post<{ token: string }>(
        '/api/auth/api-tokens',
        { name: 'templates e2e', expiresInDays: 1 },
        201,
      )
    ).token;
    // Monday 2 April 2035, 09:00 in the home
    await clockTo('2035-04-02 09:00');
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  // ---- import -------------------------------------------------------------------------------------

  let shipped: Shipped[];

  it('should import every shipped bundle with the CLI, in the order the server lists them', async () => {
    // given the shipped bundles, none installed: the server lists each after the ones it requires
    shipped = await admin.get<Shipped[]>('/api/bundles/shipped');
    const keys = shipped.map((b) => b.key);
    expect(keys).toEqual(
      expect.arrayContaining(['elder-archive', 'onboarding-30day', 'complaint-workorder', 'kpi-reports']),
    );
    expect(keys.indexOf('kpi-reports')).toBeGreaterThan(keys.indexOf('complaint-workorder'));
    expect(keys.indexOf('kpi-reports')).toBeGreaterThan(keys.indexOf('onboarding-30day'));
    expect(shipped.every((b) => b.installedVersion === null)).toBe(true);

    // when the integrator imports each folder with `careloom import` in that order
    for (const bundle of shipped) {
      const result = careloom('import', path.join(TEMPLATES, bundle.key));
      // then each succeeds and creates its contents
      expect({ key: bundle.key, status: result.status, stderr: result.stderr }).toEqual({
        key: bundle.key,
        status: 0,
        stderr: '',
      });
      expect(result.stdout).toContain(`✓ ${bundle.key} ${bundle.version} imported\n`);
      expect(result.stdout).not.toMatch(/ (unchanged|updated) /);
    }

    // and every bundle is installed at its shipped version, with nothing left unmet
    const after = await admin.get<Shipped[]>('/api/bundles/shipped');
    expect(after.map((b) => [b.key, b.installedVersion])).toEqual(shipped.map((b) => [b.key, b.version]));
    expect(after.every((b) => b.unmetRequirements.length === 0)).toBe(true);
    expect((await admin.get<{ key: string }[]>('/api/processes')).map((p) => p.key)).toEqual(
      expect.arrayContaining(['complaint-workorder', 'onboarding-30day']),
    );
    const director = await admin.get<{ items: { report: string }[] }>('/api/dashboards/director');
    expect(director.items.map((i) => i.report)).toEqual(
      expect.arrayContaining(['csat', 'nps', 'sla-compliance', 'follow-up-on-time', 'complaint-rate']),
    );
  });

  // ---- elder-archive ------------------------------------------------------------------------------

  let wingA: string;
  let archived: { id: string };

  it('elder-archive: should keep a resident’s archive with the ID number masked for a nurse', async () => {
    // given a new resident in wing A
    const units = await admin.get<Schemas['OrgUnitDto'][]>('/api/org-units');
    wingA = units.find((u) => u.kind === 'wing' && u.name.startsWith('A'))!.id;
    archived = await as('frontdesk').post<{ id: string }>(
      '/api/residents',
      {
        name: '孙玉珍',
        gender: 'female',
        birthDate: '1940-06-18',
        orgUnitId: wingA,
        room: '105',
        bed: '1',
        idNumber: '110105194006180024',
      },
      201,
    );

    // when the front desk fills the archive
    const record = await as('frontdesk').post<RecordRow>(
      '/api/records',
      {
        formKey: 'elder-archive',
        residentId: archived.id,
        data: {
          name: '孙玉珍',
          gender: 'female',
          birthDate: '1940-06-18',
          idNumber: '110105194006180024',
          admissionDate: '2035-04-02',
          maritalStatus: 'widowed',
          careLevel: 'level-2',
          emergencyContacts: [
            { name: '孙丽', relationship: 'daughter', phone: '13912345678', isPrimary: true },
          ],
        },
      },
      201,
    );

    // then it is stored with the version it was filled with, and a nurse sees the ID number masked
    expect(record).toMatchObject({ formKey: 'elder-archive', formVersion: 1, residentId: archived.id });
    const seen = await as('nurse.a').get<RecordRow>(`/api/records/${record.id}`);
    expect(seen.masked).toBe(true);
    expect(seen.data.idNumber).not.toBe('110105194006180024');
    expect(String(seen.data.idNumber)).toMatch(/^110\*+0024$/);
    const revealed = await admin.get<RecordRow>(`/api/records/${record.id}?reveal=true`);
    expect(revealed.data.idNumber).toBe('110105194006180024');
  });

  it('elder-archive: should score a GB/T 42195 ability assessment and derive the care level', async () => {
    // given an assessment: self-care 8 items, mobility 4, mental 9, perception and social 5
    const selfCare = {
      eating: 3,
      grooming: 2,
      bathing: 1,
      dressingUpper: 3,
      dressingLower: 2,
      bladder: 4,
      bowel: 4,
      toileting: 2,
    }; // 21
    const mobility = { bedMobility: 3, bedChairTransfer: 2, walking: 2, stairs: 1 }; // 8
    const mental = {
      timeOrientation: 3,
      placeOrientation: 4,
      personOrientation: 4,
      memory: 2,
      comprehension: 3,
      expression: 3,
      aggression: 1,
      depression: 0,
      consciousness: 2,
    }; // 22
    const social = { vision: 1, hearing: 2, dailyAffairs: 1, transport: 1, socialInteraction: 2 }; // 7
    const sum = (items: Record<string, number>) => Object.values(items).reduce((a, b) => a + b, 0);
    const expected = {
      selfCare: sum(selfCare),
      mobility: sum(mobility),
      mental: sum(mental),
      social: sum(social),
    };
    const total = expected.selfCare + expected.mobility + expected.mental + expected.social;
    // 21 + 8 + 22 + 7 = 58: 46–65 is moderate (GB/T 42195-2022 table), the home's policy maps it to level 2
    expect(total).toBe(58);

    // when a nurse saves it, sending a wrong total that the server must recompute
    const record = await as('nurse.a').post<RecordRow>(
      '/api/records',
      {
        formKey: 'gbt42195-assessment',
        residentId: archived.id,
        data: {
          assessedOn: '2035-04-02',
          reason: 'admission',
          assessors: '王护士、陈医生',
          ...selfCare,
          ...mobility,
          ...mental,
          ...social,
          totalScore: 90,
        },
      },
      201,
    );

    // then the total, the four subtotals and the grade are the hand-computed ones
    const ability = record.data.ability as Ability;
    expect(ability.total).toBe(total);
    expect(ability.subtotals).toEqual(expected);
    expect(ability.level).toBe('moderate');
    expect(record.data).toMatchObject({
      totalScore: 58,
      selfCareScore: 21,
      mobilityScore: 8,
      mentalScore: 22,
      socialScore: 7,
    });

    // and the care-level rule wrote the suggested level into the record
    const after = await admin.get<RecordRow>(`/api/records/${record.id}`);
    expect(after.data.careLevel).toBe('level-2');

    // and a diagnosed dementia makes the same scores one grade worse (severe → level 3)
    const worse = await as('nurse.a').post<RecordRow>(
      '/api/records',
      {
        formKey: 'gbt42195-assessment',
        residentId: archived.id,
        data: {
          assessedOn: '2035-04-02',
          reason: 'review',
          assessors: '王护士',
          ...selfCare,
          ...mobility,
          ...mental,
          ...social,
          dementiaDiagnosed: true,
        },
      },
      201,
    );
    expect((worse.data.ability as Ability).total).toBe(58);
    expect((worse.data.ability as Ability).level).toBe('severe');
    expect((await admin.get<RecordRow>(`/api/records/${worse.id}`)).data.careLevel).toBe('level-3');
  });
  // ---- onboarding-30day ---------------------------------------------------------------------------

  let newcomer: { id: string };
  let onboarding: string;
  /** A resident admitted with the newcomer who leaves on day 10 (rule onboarding-on-leaving), and their onboarding. */
  let leaver: { id: string };
  let leaverOnboarding: string;
  let leftAt = '';
  const callNotes = (followUpDay: number, extra: Record<string, unknown> = {}) => ({
    followUpDay,
    calledAt: now,
    channel: 'phone',
    contactPerson: '孙丽',
    relationship: 'child',
    adaptation: 'good',
    mood: 'calm',
    meals: 'good',
    sleep: 'fair',
    ...extra,
  });
  const completeCall = async (elementId: string, data: Record<string, unknown>) => {
    const task = await openTask(onboarding, elementId);
    expect(task).toBeDefined();
    await as('steward').post(`/api/tasks/${task!.id}/complete`, { data });
  };

  const onboardingsOf = (residentId: string) =>
    admin.get<Instance[]>(`/api/process-instances?processKey=onboarding-30day&residentId=${residentId}`);

  it('onboarding-30day: should start the 30 days when a resident is admitted, first call not before day 2 09:00', async () => {
    // given a new resident (inquiry), and the archived one on a trial stay: neither has an onboarding
    newcomer = await as('frontdesk').post<{ id: string }>(
      '/api/residents',
      { name: '钱德明', gender: 'male', birthDate: '1936-11-02', orgUnitId: wingA, room: '106', bed: '1' },
      201,
    );
    await as('frontdesk').post(`/api/residents/${archived.id}/status`, { status: 'trial' }, 201);
    leaver = await as('frontdesk').post<{ id: string }>(
      '/api/residents',
      { name: '郑玉珍', gender: 'female', birthDate: '1934-05-20', orgUnitId: wingA, room: '109', bed: '1' },
      201,
    );
    expect(await onboardingsOf(newcomer.id)).toEqual([]);
    expect(await onboardingsOf(archived.id)).toEqual([]);

    // when they are admitted on Monday 2 April 2035 at 09:00, through the resident API only
    for (const id of [newcomer.id, archived.id, leaver.id]) {
      await as('frontdesk').post(`/api/residents/${id}/status`, { status: 'admitted' }, 201);
    }

    // then the bundle's rule started one onboarding for each, admission day from the resident, no steward named
    const started = await onboardingsOf(newcomer.id);
    expect(started).toHaveLength(1);
    onboarding = started[0]!.id;
    const instance = await admin.get<Instance>(`/api/process-instances/${onboarding}`);
    expect(instance).toMatchObject({ status: 'active', residentId: newcomer.id });
    expect(instance.variables).toEqual({ residentId: newcomer.id, admissionDate: '2035-04-02' });
    const others = await onboardingsOf(archived.id);
    expect(others).toHaveLength(1);
    // (the archived resident's onboarding is not followed here: the home cancels it, so the KPIs count one)
    await admin.post(`/api/process-instances/${others[0]!.id}/cancel`, {});
    const leaving = await onboardingsOf(leaver.id);
    expect(leaving).toHaveLength(1);
    leaverOnboarding = leaving[0]!.id;

    // and it waits with no task, also a minute before the day-3 call opens
    expect(await tasksOf(onboarding)).toEqual([]);
    await clockTo('2035-04-04 08:59');
    expect(await tasksOf(onboarding)).toEqual([]);
  });

  it('onboarding-30day: should not start another onboarding on a later edit or status change', async () => {
    // given the newcomer admitted, with their onboarding running
    const resident = await admin.get<Schemas['ResidentDto']>(`/api/residents/${newcomer.id}`);

    // when the front desk moves them to another bed, and tries to admit them again
    const edited = await request<Schemas['ResidentDto']>(
      tokens.frontdesk!,
      'PATCH',
      `/api/residents/${newcomer.id}`,
      {
        room: '107',
        careLevel: '二级护理',
        version: resident.version,
      },
    );
    const again = await request<{ detail: string }>(
      tokens.frontdesk!,
      'POST',
      `/api/residents/${newcomer.id}/status`,
      { status: 'admitted' },
    );

    // then the edit is saved, the second admission refused, and there is still exactly the one onboarding
    expect(edited.status).toBe(200);
    expect(again.status).toBeGreaterThanOrEqual(400);
    expect(again.status).toBeLessThan(500);
    expect((await onboardingsOf(newcomer.id)).map((i) => i.id)).toEqual([onboarding]);

    // and a resident admitted and discharged the same morning got one onboarding, not a second on leaving,
    // and leaving ended it (rule onboarding-on-leaving)
    const shortStay = await as('frontdesk').post<{ id: string }>(
      '/api/residents',
      { name: '吴秀兰', gender: 'female', birthDate: '1939-02-14', orgUnitId: wingA, room: '108', bed: '1' },
      201,
    );
    await as('frontdesk').post(`/api/residents/${shortStay.id}/status`, { status: 'admitted' }, 201);
    const [short] = await onboardingsOf(shortStay.id);
    await as('frontdesk').post(
      `/api/residents/${shortStay.id}/status`,
      { status: 'discharged', reason: '家属接回' },
      201,
    );
    expect((await onboardingsOf(shortStay.id)).map((i) => [i.id, i.status])).toEqual([
      [short!.id, 'cancelled'],
    ]);
  });

  it('onboarding-30day: should open the day-3 call on its day for the steward, remind on the day, take a concern to the head nurse', async () => {
    // when the clock reaches day 2 at 09:00
    await clockTo('2035-04-04 09:00');

    // then the day-3 call is open for the stewards who may see the resident (none was named), due at the end of day 3
    const tasks = await tasksOf(onboarding);
    expect(tasks.map((t) => t.elementId)).toEqual(['callDay3']);
    const call = tasks[0]!;
    expect(call).toMatchObject({
      formKey: 'careloom:form:onboarding-call-notes',
      residentId: newcomer.id,
      status: 'open',
    });
    expect(call.dueAt).toBe(shanghai('2035-04-06 00:00'));
    expect(call).toMatchObject({ assignee: null, candidateGroups: ['steward'] });
    const stewardInbox = await as('steward').get<Task[]>('/api/tasks?candidate=true');
    expect(stewardInbox.map((t) => t.id)).toContain(call.id);

    // and the reminder comes to the steward role at 09:00 on day 3, not before, without an incident
    const reminder = '今天请完成第3天家属回访';
    await clockTo('2035-04-05 08:59');
    expect(await titles('steward')).not.toContain(reminder);
    await clockTo('2035-04-05 09:00');
    expect(await titles('steward')).toContain(reminder);
    expect((await admin.get<Instance>(`/api/process-instances/${onboarding}`)).incidents).toEqual([]);

    // when the steward records the call on day 3 and the family raised a concern
    await clockTo('2035-04-05 10:00');
    await completeCall(
      'callDay3',
      callNotes(3, {
        adaptation: 'fair',
        concernRaised: true,
        concerns: '家属反映夜间起夜时呼叫铃响应慢。',
        followUpNeeded: true,
        followUpAction: '护士长核查夜班呼叫铃响应时间',
      }),
    );

    // then the call is stored as a record of the form with the day on it
    const done = (await tasksOf(onboarding)).find((t) => t.elementId === 'callDay3')!;
    expect(done.status).toBe('completed');
    const notes = await admin.get<RecordRow>(`/api/records/${done.recordId}`);
    expect(notes).toMatchObject({ formKey: 'onboarding-call-notes', residentId: newcomer.id });
    expect(notes.data).toMatchObject({ followUpDay: 3, concernRaised: true });

    // and the head nurse is told and gets a follow-up task about this resident, due within a day
    expect((await titles('headnurse')).some((t) => t.includes('钱德明') && t.includes('回访'))).toBe(true);
    const followUps = (await as('headnurse').get<Task[]>('/api/tasks?candidate=true')).filter(
      (t) => t.source === 'rule' && t.residentId === newcomer.id,
    );
    expect(followUps).toHaveLength(1);
    expect(followUps[0]!.name).toContain('钱德明');
    expectAbout(Date.parse(followUps[0]!.dueAt!) - Date.parse(now), 24 * HOUR);
  });

  it('onboarding-30day: should open day 7 on day 6 09:00 and escalate to the head nurse when it is overdue', async () => {
    // when the clock reaches a minute before day 6 09:00, then 09:00
    await clockTo('2035-04-08 08:59');
    expect(await openTask(onboarding, 'callDay7')).toBeUndefined();
    await clockTo('2035-04-08 09:00');

    // then the day-7 call is open, due at the end of day 7
    const call = await openTask(onboarding, 'callDay7');
    expect(call?.dueAt).toBe(shanghai('2035-04-10 00:00'));

    // and when nobody calls, it is overdue after day 7 and the head nurse is told at 09:00 the day after
    const escalation = '第7天家属回访已逾期，请督促管家';
    await clockTo('2035-04-10 08:59');
    expect((await as('steward').get<Task[]>('/api/tasks?overdue=true')).map((t) => t.id)).toContain(call!.id);
    expect(await titles('headnurse')).not.toContain(escalation);
    await clockTo('2035-04-10 09:00');
    expect(await titles('headnurse')).toContain(escalation);

    // and the late call can still be recorded
    await clockTo('2035-04-10 10:00');
    await completeCall('callDay7', callNotes(7));
  });

  it('onboarding-30day: should end the onboarding of a resident discharged on day 10, the calls taken kept', async () => {
    // given the leaver's onboarding on day 8: their day-3 call still open and overdue (the day-7 call comes after it)
    const day3 = await openTask(leaverOnboarding, 'callDay3');
    expect(day3).toBeDefined();
    expect(await openTask(leaverOnboarding, 'callDay7')).toBeUndefined();

    // when the steward records the day-3 call late, the day-7 call opens (its time has passed) and is recorded too
    await as('steward').post(`/api/tasks/${day3!.id}/complete`, { data: callNotes(3) });
    await clockTo('2035-04-10 10:05');
    const day7 = await openTask(leaverOnboarding, 'callDay7');
    expect(day7).toBeDefined();
    await as('steward').post(`/api/tasks/${day7!.id}/complete`, { data: callNotes(7) });
    const reminded = (await notificationsOf('steward')).filter(
      (n) => n.processInstanceId === leaverOnboarding,
    );
    expect(reminded.map((n) => n.title)).toEqual(
      expect.arrayContaining(['今天请完成第3天家属回访', '今天请完成第7天家属回访']),
    );

    // and the resident is discharged on day 10
    await clockTo('2035-04-12 15:00');
    leftAt = now;
    await as('frontdesk').post(
      `/api/residents/${leaver.id}/status`,
      { status: 'discharged', reason: '转院' },
      201,
    );

    // then the instance is cancelled, with the rule's reason in its history
    const instance = await admin.get<Instance>(`/api/process-instances/${leaverOnboarding}`);
    expect(instance).toMatchObject({ status: 'cancelled', activeElementIds: [] });
    expect(instance.history).toContainEqual(
      expect.objectContaining({
        event: 'cancelled',
        elementType: 'process',
        reason: '长者已退住或离世，入住适应期回访结束',
      }),
    );

    // and the two calls taken stay completed, nothing is open for the resident in the stewards' inbox
    const after = await tasksOf(leaverOnboarding);
    expect(after.map((t) => [t.elementId, t.status])).toEqual(
      expect.arrayContaining([
        ['callDay3', 'completed'],
        ['callDay7', 'completed'],
      ]),
    );
    expect(after.filter((t) => t.status === 'open')).toEqual([]);
    const inbox = await as('steward').get<Task[]>('/api/tasks?candidate=true');
    expect(inbox.filter((t) => t.residentId === leaver.id)).toEqual([]);
  });

  it('onboarding-30day: should run days 15 and 30 on their days, then the summary, and complete', async () => {
    // day 15 opens on day 14 at 09:00 and is done on its day
    await clockTo('2035-04-16 08:59');
    expect(await openTask(onboarding, 'callDay15')).toBeUndefined();
    await clockTo('2035-04-16 09:00');
    expect((await openTask(onboarding, 'callDay15'))?.dueAt).toBe(shanghai('2035-04-18 00:00'));
    await clockTo('2035-04-17 10:00');
    await completeCall('callDay15', callNotes(15));

    // day 30 opens on day 29 at 09:00 and is done on its day
    await clockTo('2035-05-01 08:59');
    expect(await openTask(onboarding, 'callDay30')).toBeUndefined();
    await clockTo('2035-05-01 09:00');
    expect((await openTask(onboarding, 'callDay30'))?.dueAt).toBe(shanghai('2035-05-03 00:00'));
    await clockTo('2035-05-02 10:00');
    await completeCall('callDay30', callNotes(30, { adaptation: 'good', mood: 'cheerful' }));

    // then the 30-day summary is the steward's, due in 3 days
    const summary = await openTask(onboarding, 'summary');
    expect(summary).toMatchObject({ formKey: 'careloom:form:onboarding-summary' });
    expectAbout(Date.parse(summary!.dueAt!) - Date.parse(now), 3 * 24 * HOUR);

    // when the steward writes it
    await clockTo('2035-05-02 11:00');
    await as('steward').post(`/api/tasks/${summary!.id}/complete`, {
      data: {
        summaryDate: '2035-05-02',
        overallAdaptation: 'adapted',
        moodTrend: 'better',
        mealsTrend: 'stable',
        sleepTrend: 'better',
        familySatisfaction: 4,
        resolvedIssues: '夜间呼叫铃响应已改进。',
        continueMonitoring: false,
      },
    });

    // then the instance is completed with the four calls, each a record, and the summary
    const instance = await admin.get<Instance>(`/api/process-instances/${onboarding}`);
    expect(instance.status).toBe('completed');
    expect(instance.incidents).toEqual([]);
    const tasks = await tasksOf(onboarding);
    expect(
      tasks
        .filter((t) => t.status === 'completed')
        .map((t) => t.elementId)
        .sort(),
    ).toEqual(['callDay15', 'callDay3', 'callDay30', 'callDay7', 'summary']);
    expect(tasks.every((t) => t.recordId !== null)).toBe(true);
    const records = await admin.get<{ items: RecordRow[] }>(
      `/api/records?formKey=onboarding-call-notes&residentId=${newcomer.id}`,
    );
    expect(records.items.map((r) => r.data.followUpDay).sort((a, b) => Number(a) - Number(b))).toEqual([
      3, 7, 15, 30,
    ]);
  });

  it('onboarding-30day: should send nothing more about a discharged resident up to day 31', async () => {
    // when the clock reaches day 31 (the newcomer's days 15 and 30 and their reminders have run meanwhile)
    await clockTo('2035-05-03 09:00');

    // then the leaver's onboarding got no day-15 or day-30 call and stays cancelled
    expect((await tasksOf(leaverOnboarding)).map((t) => t.elementId).sort()).toEqual([
      'callDay3',
      'callDay7',
    ]);
    expect((await admin.get<Instance>(`/api/process-instances/${leaverOnboarding}`)).status).toBe(
      'cancelled',
    );

    // and no reminder or escalation about it reached the stewards or the head nurse after the discharge
    for (const user of ['steward', 'headnurse']) {
      const late = (await notificationsOf(user)).filter(
        (n) => n.processInstanceId === leaverOnboarding && n.createdAt >= leftAt,
      );
      expect({ user, late }).toEqual({ user, late: [] });
    }
  });
  // ---- complaint-workorder ------------------------------------------------------------------------

  const orders: Record<'meals' | 'care' | 'attitude' | 'billing', WorkOrder> = {} as never;
  const intake = (complaintType: string, urgency: string, extra: Record<string, unknown> = {}) => ({
    complaintType,
    urgency,
    filedBy: 'family',
    channel: 'phone',
    complainantName: '孙丽',
    complainantPhone: '13912345678',
    description: '投诉经过与诉求（端到端测试）。',
    ...extra,
  });
  const workOrder = (id: string) => admin.get<WorkOrder>(`/api/work-orders/${id}`);
  const stepTask = async (id: string, elementId: string): Promise<string> => {
    const step = (await workOrder(id)).steps.find((s) => s.elementId === elementId);
    expect({ id, elementId, found: step !== undefined }).toEqual({ id, elementId, found: true });
    return step!.taskId;
  };
  const firstResponse = async (user: string, id: string) =>
    as(user).post(`/api/tasks/${await stepTask(id, 'firstResponse')}/complete`, {
      data: {
        respondedAt: now,
        contactMethod: 'phone',
        complainantReached: true,
        immediateAction: '致电安抚',
      },
    });
  const resolve = async (user: string, id: string) =>
    as(user).post(`/api/tasks/${await stepTask(id, 'resolve')}/complete`, {
      data: {
        resolvedAt: now,
        substantiated: 'yes',
        actionsTaken: '已整改并告知投诉人。',
        complainantInformed: true,
      },
    });
  const historyOf = async (id: string) =>
    (await workOrder(id)).history.map((h) => `${h.kind}:${h.elementId}`);
  /** The open step `elementId` of a work order as it stands in `user`'s inbox (offered to their role). */
  const inboxStep = async (user: string, id: string, elementId: string, query = 'candidate=true') =>
    (await as(user).get<Task[]>(`/api/tasks?${query}`)).find(
      (t) => t.processInstanceId === id && t.elementId === elementId,
    );

  it('complaint-workorder: should file from the front desk and the family portal, each routed to its department', async () => {
    // given Monday 7 May 2035, 10:00, and the family member's linked relative
    await clockTo('2035-05-07 10:00');
    const portal = await as('family.liu').get<{ residents: { id: string; name: string }[] }>(
      '/api/portal/home',
    );
    const relative = portal.residents[0]!;

    // when the front desk files a meals complaint and the family member an urgent care complaint
    orders.meals = await as('frontdesk').post<WorkOrder>(
      '/api/work-orders',
      { residentId: newcomer.id, data: intake('meals', 'normal') },
      201,
    );
    await clockTo('2035-05-07 10:05');
    orders.care = await as('family.liu').post<WorkOrder>(
      '/api/work-orders',
      { residentId: relative.id, data: intake('care', 'urgent', { complainantName: undefined }) },
      201,
    );
    // and two more, about staff attitude and a bill
    await clockTo('2035-05-07 10:10');
    orders.attitude = await as('frontdesk').post<WorkOrder>(
      '/api/work-orders',
      { residentId: archived.id, data: intake('attitude', 'normal') },
      201,
    );
    orders.billing = await as('frontdesk').post<WorkOrder>(
      '/api/work-orders',
      { residentId: archived.id, data: intake('billing', 'normal', { filedBy: 'resident' }) },
      201,
    );

    // then each is a work order keyed by day, routed by type: meals → logistics, care → head nurse,
    // attitude → director (admin), billing → front desk; the family's goes through the portal channel
    expect(orders.meals.businessKey).toBe('TS-20350507-0001');
    expect(orders.care.businessKey).toBe('TS-20350507-0002');
    expect(
      Object.values(orders).map((o) => [
        o.complaintType,
        o.handlerRoles,
        o.steps.map((s) => s.candidateGroups),
      ]),
    ).toEqual([
      ['meals', ['logistics'], [['logistics']]],
      ['care', ['head-nurse'], [['head-nurse']]],
      ['attitude', ['admin'], [['admin']]],
      ['billing', ['front-desk'], [['front-desk']]],
    ]);
    expect(orders.care).toMatchObject({
      channel: 'family-portal',
      status: 'open',
      filedBy: { family: true },
    });
    expectAbout(
      Date.parse(orders.meals.deadlines.firstResponseDue!) - Date.parse(orders.meals.filedAt),
      HOUR,
    );
    expectAbout(
      Date.parse(orders.care.deadlines.resolutionDue!) - Date.parse(orders.care.filedAt),
      24 * HOUR,
    );
    // and the director hears of the urgent one at once
    expect(await titles('admin')).toContain('收到紧急投诉，须在 24 小时内办结');
  });

  it('complaint-workorder: should escalate a first response later than one hour to the director', async () => {
    // when logistics answers the meals complaint after 30 minutes
    await clockTo('2035-05-07 10:30');
    await firstResponse('logistics', orders.meals.id);

    // then its resolve step is in logistics' inbox due 3 working days after it opened (Thursday 10:30); the
    // escalation timer counts from the filing (Thursday 10:00): the engine counts a P3WD due date from when the
    // task opens (templates/complaint-workorder/README.md, Limits)
    const mealsResolve = await inboxStep('logistics', orders.meals.id, 'resolve');
    expectAbout(Date.parse(mealsResolve!.dueAt!), Date.parse(shanghai('2035-05-10 10:30')));
    expectAbout(
      Date.parse((await workOrder(orders.meals.id)).deadlines.resolutionDue!),
      Date.parse(shanghai('2035-05-10 10:00')),
    );

    // then a minute before the care complaint's hour nothing is escalated
    await clockTo('2035-05-07 11:04');
    expect(await historyOf(orders.care.id)).not.toContain('escalated:notifyFirstResponseLate');

    // and at the hour the director is told, the work order shows overdue, the step stays open
    await clockTo('2035-05-07 11:06');
    const late = await workOrder(orders.care.id);
    expect(late.history.map((h) => `${h.kind}:${h.elementId}`)).toContain(
      'escalated:notifyFirstResponseLate',
    );
    expect(late.overdue.firstResponse).toBe(true);
    expect(late.steps.map((s) => s.elementId)).toEqual(['firstResponse']);
    expect(await titles('admin')).toContain('投诉超过1小时未首次响应');
    expect(await historyOf(orders.meals.id)).not.toContain('escalated:notifyFirstResponseLate');
  });

  it('complaint-workorder: should reopen when the family is unhappy, and close when they are satisfied', async () => {
    // given the head nurse answers late and resolves the care complaint
    await clockTo('2035-05-07 11:20');
    await firstResponse('headnurse', orders.care.id);
    // (the urgent resolve step is due 24 hours after the filing, the very instant of the escalation timer)
    const urgentResolve = await inboxStep('headnurse', orders.care.id, 'resolve');
    expect(urgentResolve!.dueAt).toBe((await workOrder(orders.care.id)).deadlines.resolutionDue);
    expectAbout(Date.parse(urgentResolve!.dueAt!), Date.parse(shanghai('2035-05-08 10:05')));
    await clockTo('2035-05-07 14:00');
    await resolve('headnurse', orders.care.id);
    expect((await workOrder(orders.care.id)).status).toBe('awaiting-callback');

    // when the family rates it 2 (NPS 3) and asks for it to be handled again
    await clockTo('2035-05-07 14:10');
    const unhappy = await as('family.liu').post<WorkOrder>(`/api/work-orders/${orders.care.id}/rating`, {
      satisfactionScore: 2,
      npsScore: 3,
      comment: '夜间还是没人来。',
      reopenRequested: true,
    });

    // then it is open again with a new first response for the head nurse
    expect(unhappy).toMatchObject({ status: 'open', reopenCount: 1 });
    expect((await workOrder(orders.care.id)).steps.map((s) => [s.elementId, s.candidateGroups])).toEqual([
      ['firstResponse', ['head-nurse']],
    ]);

    // when the second round is answered in time and resolved, and the family rates it 4 (NPS 9)
    await clockTo('2035-05-07 14:30');
    await firstResponse('headnurse', orders.care.id);
    // (the new round's resolve step is due 24 hours after the reopening, with its new escalation timer)
    const reopenedResolve = await inboxStep('headnurse', orders.care.id, 'resolve');
    expect(reopenedResolve!.dueAt).toBe((await workOrder(orders.care.id)).deadlines.resolutionDue);
    expectAbout(Date.parse(reopenedResolve!.dueAt!), Date.parse(shanghai('2035-05-08 14:10')));
    await clockTo('2035-05-07 16:00');
    await resolve('headnurse', orders.care.id);
    await clockTo('2035-05-07 16:10');
    const rated = await as('family.liu').post<WorkOrder>(`/api/work-orders/${orders.care.id}/rating`, {
      satisfactionScore: 4,
      npsScore: 9,
    });

    // then it is closed, with both callbacks and the reopening in its history
    expect(rated).toMatchObject({ status: 'closed', satisfactionScore: 4, npsScore: 9 });
    const closed = await workOrder(orders.care.id);
    expect(closed.callbacks.map((c) => [c.satisfactionScore, c.npsScore])).toEqual(
      expect.arrayContaining([
        [2, 3],
        [4, 9],
      ]),
    );
    expect(closed.history.map((h) => h.kind)).toEqual(expect.arrayContaining(['reopened', 'closed']));
    expect((await admin.get<Instance>(`/api/process-instances/${orders.care.id}`)).status).toBe('completed');
  });

  it('complaint-workorder: should call the complainant back 24 hours after resolution, then close', async () => {
    // given logistics resolves the meals complaint at 16:20
    await clockTo('2035-05-07 16:20');
    await resolve('logistics', orders.meals.id);
    const resolvedAt = now;
    expect((await workOrder(orders.meals.id)).status).toBe('awaiting-callback');

    // then there is no callback a minute before the 24 hours
    await clockTo('2035-05-08 16:19');
    expect(await openTask(orders.meals.id, 'callback')).toBeUndefined();

    // and at the 24 hours the steward has the callback, due within a day
    await clockTo('2035-05-08 16:21');
    const callback = await openTask(orders.meals.id, 'callback');
    expect(callback).toMatchObject({ candidateGroups: ['steward'] });
    expect(Date.parse(callback!.createdAt) - Date.parse(resolvedAt)).toBeGreaterThanOrEqual(24 * HOUR);
    const stewardInbox = await as('steward').get<Task[]>('/api/tasks?candidate=true');
    expect(stewardInbox.map((t) => t.id)).toContain(callback!.id);

    // when the steward records a satisfied complainant (5, NPS 10)
    await clockTo('2035-05-08 16:40');
    const done = await as('steward').post<Task>(`/api/tasks/${callback!.id}/complete`, {
      data: { calledAt: now, reached: true, satisfactionScore: 5, npsScore: 10, comments: '饭菜已是热的。' },
    });

    // then the NPS group is computed, and the work order is closed
    const record = await admin.get<RecordRow>(`/api/records/${done.recordId}`);
    expect(record.data).toMatchObject({ satisfactionScore: 5, npsScore: 10, npsGroup: 'promoter' });
    expect(await workOrder(orders.meals.id)).toMatchObject({ status: 'closed', satisfactionScore: 5 });
  });
  // ---- kpi-reports --------------------------------------------------------------------------------

  it('kpi-reports: should show on the director dashboard the KPI values of what this test did', async () => {
    // given everyone in care was admitted on or before 2 April (the first-start residents and this test's two)
    const inCare = await admin.get<{
      items: { admittedAt: string | null; leftAt: string | null }[];
      total: number;
    }>('/api/residents?status=admitted&pageSize=200');
    expect(
      inCare.items.every((r) => r.leftAt === null && r.admittedAt! <= shanghai('2035-04-02 09:01')),
    ).toBe(true);
    const residents = inCare.total;

    // when the director opens the dashboard for 2 April – 8 May
    const board = await admin.get<{ items: { report: string; result: ReportResult }[] }>(
      '/api/dashboards/director/data?from=2035-04-02&to=2035-05-09',
    );
    const result = (key: string) => {
      const item = board.items.find((i) => i.report === key);
      expect({ key, found: item?.result !== undefined }).toEqual({ key, found: true });
      return item!.result;
    };

    // then complaints: 4 in May, one of each type, 4 per `residents` residents in care × 100, none in April
    const byMonth = result('complaint-rate').rows.map((r) => [r.month, r.complaints, r.rate]);
    expect(byMonth).toHaveLength(2);
    expect(byMonth[0]!.slice(1)).toEqual([0, 0]);
    expect(byMonth[1]![1]).toBe(4);
    expect(byMonth[1]![2] as number).toBeCloseTo((4 / residents) * 100, 6);
    expect(Object.fromEntries(result('complaint-type-mix').rows.map((r) => [r.type, r.complaints]))).toEqual({
      meals: 1,
      care: 1,
      attitude: 1,
      billing: 1,
    });

    // and satisfaction from the three callbacks (2, 4, 5) and their NPS answers (3, 9, 10)
    expect(result('csat').summary!.value!).toBeCloseTo((2 + 4 + 5) / 3, 6);
    // promoters 9 and 10 (2 of 3), detractor 3 (1 of 3): 66.67 % − 33.33 %
    expect(result('nps').summary!.value!).toBeCloseTo((2 / 3 - 1 / 3) * 100, 6);

    // and the SLA checkpoints: first responses after 30 min, 75 min (late) and 20 min, and the attitude and
    // billing ones still open a day past their hour (missed): 2 of 5; resolutions at 16:20 Monday (due Thursday
    // 10:30), 14:00 (due 10:05 the next day) and 16:00 (due 14:10 the next day): 3 of 3; 5 of 8 in all
    const sla = result('sla-compliance');
    expect(sla.summary!.value!).toBeCloseTo((5 / 8) * 100, 6);
    expect(sla.rows).toHaveLength(1);
    expect(sla.rows[0]!.firstResponseOnTime as number).toBeCloseTo((2 / 5) * 100, 6);
    expect(sla.rows[0]!.resolutionOnTime as number).toBeCloseTo(100, 6);
    expect(sla.rows[0]!.checkpoints).toBe(8);
    const firstResponse = result('first-response-time').rows.find((r) => r.avg !== null)!;
    expect(firstResponse.avg as number).toBeCloseTo((30 + 75 + 20) / 3, 1);
    // resolution: filed 10:00 → resolved 16:20; filed 10:05 → 14:00 and (reopened) 16:00
    const resolution = result('resolution-time').rows.find((r) => r.avg !== null)!;
    expect(resolution.avg as number).toBeCloseTo((6 + 20 / 60 + 3 + 55 / 60 + 5 + 55 / 60) / 3, 2);

    // and the 30-day follow-ups: the newcomer's day 7 was late, their other three on time; the leaver's days 3
    // and 7 were both late, and they left before day 15
    expect(
      Object.fromEntries(result('follow-up-on-time').rows.map((r) => [r.step, [r.onTime, r.due]])),
    ).toEqual({ callDay3: [50, 2], callDay7: [0, 2], callDay15: [100, 1], callDay30: [100, 1] });
  });

  // ---- re-import and upgrade ----------------------------------------------------------------------

  /** A shipped bundle folder as the import API's `{files}` body. */
  const bundleFiles = (key: string): Record<string, string> => {
    const root = path.join(TEMPLATES, key);
    const files: Record<string, string> = {};
    for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) {
        const full = path.join(entry.parentPath, entry.name);
        files[path.relative(root, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
      }
    }
    return files;
  };
  const items = (report: Import) => [
    ...report.forms,
    ...report.processes,
    ...report.rules,
    ...report.reports,
    ...report.dashboards,
  ];

  it('should change nothing when every shipped bundle is imported again', async () => {
    // given what is deployed and running now
    const processes = await admin.get<{ key: string; version: number }[]>('/api/processes');
    const instances = await admin.get<Instance[]>('/api/process-instances');

    // when each shipped bundle is imported again, in order
    for (const bundle of shipped) {
      const report = await admin.post<Import>(`/api/bundles/shipped/${bundle.key}/import`);
      // then every form, process, rule, report and dashboard is unchanged
      expect(report).toMatchObject({
        key: bundle.key,
        version: bundle.version,
        previousVersion: bundle.version,
      });
      expect(items(report).filter((i) => i.action !== 'unchanged')).toEqual([]);
    }

    // and no process got a new version, no instance was started or changed
    expect(await admin.get('/api/processes')).toEqual(processes);
    expect(await admin.get('/api/process-instances')).toEqual(instances);
  });

  it('should upgrade a bundle while an instance runs, leaving that instance on its version', async () => {
    // given the attitude complaint still waiting for its first response on complaint-workorder version 1
    const running = await admin.get<Instance>(`/api/process-instances/${orders.attitude.id}`);
    expect(running).toMatchObject({ status: 'active', version: 1 });
    expect(running.activeElementIds).toContain('firstResponse');

    // when a newer complaint bundle comes whose process asks for the first response within 30 minutes
    const files = bundleFiles('complaint-workorder');
    const manifest = JSON.parse(files['manifest.json']!) as { version: string };
    const bpmn = 'processes/complaint-workorder.bpmn';
    expect(files[bpmn]).toContain('camunda:dueDate="PT1H"');
    const upgraded = await admin.post<Import>('/api/bundles/import', {
      files: {
        ...files,
        'manifest.json': JSON.stringify({ ...manifest, version: '99.0.0' }),
        [bpmn]: files[bpmn]!.replace('camunda:dueDate="PT1H"', 'camunda:dueDate="PT30M"'),
      },
    });

    // then only the process got a new version
    expect(upgraded).toMatchObject({ version: '99.0.0', previousVersion: manifest.version });
    expect(items(upgraded).filter((i) => i.action !== 'unchanged')).toEqual([
      { key: 'complaint-workorder', action: 'updated', version: 2 },
    ]);

    // and the running instance stays on version 1 and finishes on it (its open step keeps its 1 h due time)
    const open = (await workOrder(orders.attitude.id)).steps[0]!;
    expectAbout(Date.parse(open.dueAt!) - Date.parse(orders.attitude.filedAt), HOUR);
    await firstResponse('admin', orders.attitude.id);
    await resolve('admin', orders.attitude.id);
    const after = await admin.get<Instance>(`/api/process-instances/${orders.attitude.id}`);
    expect(after).toMatchObject({ status: 'active', version: 1, activeElementIds: ['waitCallback'] });

    // and a complaint filed now runs on version 2, first response due in 30 minutes
    const next = await as('frontdesk').post<WorkOrder>(
      '/api/work-orders',
      { residentId: archived.id, data: intake('cleaning', 'normal') },
      201,
    );
    expect((await admin.get<Instance>(`/api/process-instances/${next.id}`)).version).toBe(2);
    expect(next.handlerRoles).toEqual(['logistics']);
    expectAbout(Date.parse(next.steps[0]!.dueAt!) - Date.parse(next.filedAt), 30 * MINUTE);
  });

  it('complaint-workorder: should show an urgent resolution past its 24 hours as overdue in the inbox as the director hears of it', async () => {
    // given an urgent facilities complaint filed now, on the upgraded process, answered by logistics in 10 minutes
    await clockTo('2035-05-09 09:00');
    const leak = await as('frontdesk').post<WorkOrder>(
      '/api/work-orders',
      { residentId: archived.id, data: intake('facilities', 'urgent') },
      201,
    );
    await clockTo('2035-05-09 09:10');
    await firstResponse('logistics', leak.id);

    // then the resolve step is due at 09:00 the next day, not yet overdue a minute before
    const step = await inboxStep('logistics', leak.id, 'resolve');
    expect(step!.dueAt).toBe(leak.deadlines.resolutionDue);
    expectAbout(Date.parse(step!.dueAt!), Date.parse(shanghai('2035-05-10 09:00')));
    await clockTo('2035-05-10 08:59');
    expect(await inboxStep('logistics', leak.id, 'resolve', 'overdue=true')).toBeUndefined();
    expect(await historyOf(leak.id)).not.toContain('escalated:notifyResolutionLate');

    // when the 24 hours pass unresolved
    await clockTo('2035-05-10 09:01');

    // then the step is in logistics' overdue list and the director is told, the step staying open
    expect((await inboxStep('logistics', leak.id, 'resolve', 'overdue=true'))?.id).toBe(step!.id);
    expect(await historyOf(leak.id)).toContain('escalated:notifyResolutionLate');
    expect(await titles('admin')).toContain('投诉超过办结时限（紧急24小时/一般3个工作日）');
    expect((await workOrder(leak.id)).overdue).toMatchObject({ resolution: true, now: true });
  });

  it('should refuse a bundle whose process names a form it does not ship, naming the file and the element', async () => {
    // given the onboarding bundle without its summary form (bundles.integration-spec.ts covers the rest of
    // the refusals in process: zip-slip archives, and that nothing is written)
    const files = bundleFiles('onboarding-30day');
    const manifest = JSON.parse(files['manifest.json']!) as {
      version: string;
      contents: { forms: string[] };
    };
    delete files['forms/onboarding-summary.json'];
    manifest.contents.forms = manifest.contents.forms.filter((f) => f !== 'forms/onboarding-summary.json');

    // when it is imported as a newer version
    const reply = await request<{ errors: { path: string; message: string }[] }>(
      tokens.admin!,
      'POST',
      '/api/bundles/import',
      { files: { ...files, 'manifest.json': JSON.stringify({ ...manifest, version: '98.0.0' }) } },
    );

    // then 400, pointing at the user task in the BPMN file and naming the missing form
    expect(reply.status).toBe(400);
    const problem = reply.body.errors.find((e) => e.path.startsWith('/processes/onboarding-30day.bpmn'));
    expect(problem?.path).toBe('/processes/onboarding-30day.bpmn#summary');
    expect(problem?.message).toContain('onboarding-summary');
    // and the installed version is still the shipped one
    const installed = await admin.get<Shipped[]>('/api/bundles/shipped');
    expect(installed.find((b) => b.key === 'onboarding-30day')?.installedVersion).toBe(manifest.version);
  });
});
