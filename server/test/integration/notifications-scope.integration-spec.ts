import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bpmnDocument } from '../factories/bpmn.factory.js';
import { demoOrgUnits, residentInput, type OrgUnitIds } from '../factories/resident.factory.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

type Notification = { id: string; title: string; read: boolean; role: string | null };

const PASSWORD = 'password-2026';

/** start → wait 7 days → notify every steward → user task → end: the onboarding day-7 reminder in small. */
const reminderProcess = bpmnDocument(
  'day7-reminder',
  `<bpmn:startEvent id="start" />
    <bpmn:intermediateCatchEvent id="day7"><bpmn:timerEventDefinition id="day7_def"><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P7D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:serviceTask id="remind" name="Remind" careloom:serviceType="notify" careloom:parameters="{&quot;role&quot;:&quot;steward&quot;,&quot;title&quot;:{&quot;var&quot;:&quot;title&quot;}}" />
    <bpmn:userTask id="call" name="Call the family" />
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="day7" />
    <bpmn:sequenceFlow id="f2" sourceRef="day7" targetRef="remind" />
    <bpmn:sequenceFlow id="f3" sourceRef="remind" targetRef="call" />
    <bpmn:sequenceFlow id="f4" sourceRef="call" targetRef="end" />`,
);

describe('role notifications scoped to the resident’s org unit', () => {
  let t: TestApp;
  let admin: string;
  let units: OrgUnitIds;
  let stewardA: string;
  let stewardB: string;
  let stewardRoot: string;
  let stewardBNurseA: string;
  let residentA: string;
  let residentB: string;
  let reminderA: string;

  const as = (token: string) => ({
    get: (url: string) => t.http().get(url).set('authorization', `Bearer ${token}`),
    post: (url: string, body: object = {}) =>
      t.http().post(url).set('authorization', `Bearer ${token}`).send(body),
  });
  const titles = async (token: string, unreadOnly = false): Promise<string[]> =>
    ((await as(token).get(`/api/notifications${unreadOnly ? '?unread=true' : ''}`)).body as Notification[])
      .map((n) => n.title)
      .sort();
  const staff = async (username: string, memberships: { role: string; orgUnitId: string }[]) => {
    const created = await as(admin).post('/api/users', {
      username,
      displayName: username,
      password: PASSWORD,
      memberships,
    });
    expect(created.status).toBe(201);
    return t.login(username, PASSWORD);
  };
  const remind = async (title: string, residentId?: string): Promise<string> => {
    const started = await as(admin).post('/api/processes/day7-reminder/instances', {
      variables: { title },
      ...(residentId ? { residentId } : {}),
    });
    expect(started.status).toBe(201);
    return started.body.id as string;
  };
  const advanceDays = async (days: number) => {
    expect((await as(admin).post('/api/test/clock', { advance: `P${days}D` })).status).toBe(200);
  };

  beforeAll(async () => {
    t = await startTestApp({ CARELOOM_TEST_CLOCK: '1' });
    admin = await t.login('admin');
    units = await demoOrgUnits(t.dataSource);
    stewardA = await staff('steward.wa', [{ role: 'steward', orgUnitId: units.wingA }]);
    stewardB = await staff('steward.wb', [{ role: 'steward', orgUnitId: units.wingB }]);
    stewardRoot = await staff('steward.root', [{ role: 'steward', orgUnitId: units.institution }]);
    stewardBNurseA = await staff('steward.wb.nurse.wa', [
      { role: 'steward', orgUnitId: units.wingB },
      { role: 'nurse', orgUnitId: units.wingA },
    ]);
    residentA = (await as(admin).post('/api/residents', residentInput(units.wingA, { name: 'A区长者' }))).body
      .id as string;
    residentB = (await as(admin).post('/api/residents', residentInput(units.wingB, { name: 'B区长者' }))).body
      .id as string;
    expect((await as(admin).post('/api/processes', { xml: reminderProcess })).status).toBe(201);
  });
  afterAll(async () => {
    await t.close();
  });

  it('should remind only the stewards of the resident’s wing and above when a timer fires for a resident', async () => {
    // given reminders started for a wing-A and a wing-B resident, and one about no resident
    reminderA = await remind('第7天回访 A区长者', residentA);
    await remind('第7天回访 B区长者', residentB);
    await remind('全院管家例会');

    // when day 7 comes
    await advanceDays(7);

    // then each wing's steward has their own wing's reminder and the tenant-wide one
    expect(await titles(stewardA)).toEqual(['全院管家例会', '第7天回访 A区长者']);
    expect(await titles(stewardB)).toEqual(['全院管家例会', '第7天回访 B区长者']);
    // and the stewards at the root have all three
    expect(await titles(stewardRoot)).toEqual(['全院管家例会', '第7天回访 A区长者', '第7天回访 B区长者']);
    expect(await titles(await t.login('steward'))).toEqual([
      '全院管家例会',
      '第7天回访 A区长者',
      '第7天回访 B区长者',
    ]);
    // and a wing-A membership in another role does not pass wing A's steward reminders on
    expect(await titles(stewardBNurseA)).toEqual(['全院管家例会', '第7天回访 B区长者']);
  });

  it('should keep the wing when the resident moves after the notification was written', async () => {
    // given a reminder written about a wing-A resident
    const mover = (await as(admin).post('/api/residents', residentInput(units.wingA, { name: '搬迁长者' })))
      .body.id as string;
    await remind('第7天回访 搬迁长者', mover);
    await advanceDays(7);

    // when the resident moves to wing B
    const resident = (await as(admin).get(`/api/residents/${mover}`)).body as { version: number };
    const moved = await t
      .http()
      .patch(`/api/residents/${mover}`)
      .set('authorization', `Bearer ${admin}`)
      .send({ orgUnitId: units.wingB, version: resident.version });
    expect(moved.status).toBe(200);

    // then the reminder stays with wing A's steward
    expect(await titles(stewardA)).toContain('第7天回访 搬迁长者');
    expect(await titles(stewardB)).not.toContain('第7天回访 搬迁长者');
  });

  it('should let only holders who see a notification mark it read, each for themselves', async () => {
    // given wing A's reminder
    const mine = (await as(stewardA).get('/api/notifications?unread=true')).body as Notification[];
    const reminder = mine.find((n) => n.title === '第7天回访 A区长者');
    expect(reminder).toBeDefined();

    // when wing B's steward tries to mark it read
    const foreign = await as(stewardB).post(`/api/notifications/${reminder!.id}/read`);

    // then it is not found for them, and still unread for wing A's steward
    expect(foreign.status).toBe(404);
    expect(await titles(stewardA, true)).toContain('第7天回访 A区长者');

    // when wing A's steward marks it read
    expect((await as(stewardA).post(`/api/notifications/${reminder!.id}/read`)).status).toBe(204);

    // then it leaves their unread count, not the root steward's
    expect(await titles(stewardA, true)).not.toContain('第7天回访 A区长者');
    expect(await titles(stewardRoot, true)).toContain('第7天回访 A区长者');
    expect(await titles(stewardB, true)).not.toContain('第7天回访 A区长者');
  });

  it('should copy a task about a wing-A resident only to the stewards of wing A and above when cc names the role', async () => {
    // given the open call task of wing A's reminder
    const tasks = (await as(admin).get(`/api/tasks?processInstanceId=${reminderA}`)).body as {
      id: string;
      elementId: string;
    }[];
    const call = tasks.find((task) => task.elementId === 'call');
    expect(call).toBeDefined();

    // when the admin copies it to the steward role
    const copied = await as(admin).post(`/api/tasks/${call!.id}/cc`, { roles: ['steward'], note: '请关注' });
    expect(copied.status).toBe(200);

    // then wing A's and the root steward have the copy, wing B's does not
    const copies = async (token: string) =>
      ((await as(token).get('/api/notifications')).body as Notification[]).filter((n) =>
        n.title.startsWith('抄送'),
      );
    expect(await copies(stewardA)).toHaveLength(1);
    expect(await copies(stewardRoot)).toHaveLength(1);
    expect(await copies(stewardB)).toEqual([]);
  });

  it('should tell only the stewards of the resident’s wing when a rule notifies a role', async () => {
    // given a rule that notifies stewards of every visit record
    const form = await as(admin).post('/api/forms', {
      key: 'family-visit',
      name: { 'zh-CN': '家属探视', en: 'Family visit' },
      schema: { type: 'object', properties: { visitor: { type: 'string', maxLength: 50 } } },
    });
    expect((await as(admin).post(`/api/forms/${form.body.id}/publish`)).status).toBe(201);
    const rule = await as(admin).post('/api/rules', {
      key: 'visit-steward',
      name: { 'zh-CN': '探视通知管家', en: 'Visit tells the steward' },
      definition: {
        trigger: { type: 'record.saved', formKey: 'family-visit' },
        condition: true,
        actions: [
          {
            type: 'notify',
            to: { role: 'steward' },
            message: { 'zh-CN': '{{resident.name}} 有家属探视', en: 'Family visit' },
          },
        ],
      },
    });
    expect(rule.status).toBe(201);

    // when a visit of the wing-B resident is recorded
    const record = await as(admin).post('/api/records', {
      formKey: 'family-visit',
      residentId: residentB,
      data: { visitor: '女儿' },
    });
    expect(record.status).toBe(201);

    // then wing B's and the root steward have it, wing A's does not
    expect(await titles(stewardB)).toContain('B区长者 有家属探视');
    expect(await titles(stewardRoot)).toContain('B区长者 有家属探视');
    expect(await titles(stewardA)).not.toContain('B区长者 有家属探视');
  });
});
