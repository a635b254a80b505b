import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  bpmnDocument,
  messageProcess,
  singleTaskProcess,
  timerThenTaskProcess,
} from '../factories/bpmn.factory.js';
import { barthelAnswers, formFixture } from '../factories/form.factory.js';
import { demoOrgUnits, residentInput } from '../factories/resident.factory.js';
import { DomainEvents } from '../../src/common/events/domain-events.js';
import { eventually, statementsOf } from '../utils/statements.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

type Task = {
  id: string;
  elementId: string;
  name: string;
  status: string;
  assignee: string | null;
  formKey: string | null;
};

describe('processes', () => {
  let t: TestApp;
  let admin: string;
  let nurseA: string;
  let nurseB: string;

  const as = (token: string) => ({
    get: (url: string) => t.http().get(url).set('authorization', `Bearer ${token}`),
    post: (url: string, body: object = {}) =>
      t.http().post(url).set('authorization', `Bearer ${token}`).send(body),
  });

  const deploy = async (xml: string) => {
    const response = await t
      .http()
      .post('/api/processes')
      .set('authorization', `Bearer ${admin}`)
      .set('content-type', 'application/xml')
      .send(xml);
    return response;
  };

  const start = async (key: string, body: object = {}, token = admin): Promise<string> => {
    const response = await as(token).post(`/api/processes/${key}/instances`, body);
    expect(response.status).toBe(201);
    return response.body.id as string;
  };

  const tasksOf = async (instanceId: string): Promise<Task[]> => {
    const response = await as(admin).get(`/api/tasks?processInstanceId=${instanceId}`);
    expect(response.status).toBe(200);
    return response.body as Task[];
  };

  const openTask = async (instanceId: string): Promise<Task> => {
    const open = (await tasksOf(instanceId)).filter((task) => task.status === 'open');
    expect(open).toHaveLength(1);
    return open[0]!;
  };

  beforeAll(async () => {
    t = await startTestApp({ CARELOOM_TEST_CLOCK: '1' });
    admin = await t.login('admin');
    nurseA = await t.login('nurse.a');
    nurseB = await t.login('nurse.b');
    const created = await as(admin).post('/api/forms', {
      key: 'barthel-adl',
      name: { 'zh-CN': 'Barthel', en: 'Barthel' },
      schema: formFixture('barthel-adl'),
    });
    expect((await as(admin).post(`/api/forms/${created.body.id}/publish`)).status).toBe(201);
  });
  afterAll(async () => {
    await t.close();
  });

  it('should refuse a broken model with the element id, type and a message in the caller language', async () => {
    // given a gateway with a dangling flow and a timer that does not parse
    const xml = bpmnDocument(
      'broken',
      `<bpmn:startEvent id="start" />
      <bpmn:intermediateCatchEvent id="badTimer"><bpmn:timerEventDefinition id="d"><bpmn:timeDuration>three days</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
      <bpmn:endEvent id="end" />
      <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="badTimer" />
      <bpmn:sequenceFlow id="f2" sourceRef="badTimer" targetRef="end" />`,
    );

    // when it is deployed (JSON form, English)
    const response = await as(admin).post('/api/processes', { xml }).set('accept-language', 'en');

    // then 400 problem+json points at the timer, and nothing is stored
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          elementId: 'badTimer',
          elementType: expect.any(String),
          message: expect.any(String),
        }),
      ]),
    );
    expect((await as(admin).get('/api/processes/broken')).status).toBe(404);
  });

  it('should refuse deploys from non-admins and bodies without XML', async () => {
    const byNurse = await t
      .http()
      .post('/api/processes')
      .set('authorization', `Bearer ${nurseA}`)
      .set('content-type', 'application/xml')
      .send(singleTaskProcess('nurse-made'));
    expect(byNurse.status).toBe(403);
    expect((await as(admin).post('/api/processes', { nothing: 1 })).status).toBe(400);
  });

  it('should version by process id and keep running instances on their version', async () => {
    // given v1 deployed and an instance running on it
    const v1 = await deploy(singleTaskProcess('review-flow', { taskName: 'Review v1' }));
    expect(v1.status).toBe(201);
    expect(v1.body).toMatchObject({ key: 'review-flow', version: 1 });
    const again = await deploy(singleTaskProcess('review-flow', { taskName: 'Review v1' }));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ key: 'review-flow', version: 1 });
    const old = await start('review-flow');

    // when v2 is deployed and a new instance starts
    const v2 = await deploy(singleTaskProcess('review-flow', { taskName: 'Review v2' }));
    expect(v2.body).toMatchObject({ key: 'review-flow', version: 2 });
    const fresh = await start('review-flow');

    // then the old instance continues on v1, the new one runs v2
    expect((await as(admin).get(`/api/process-instances/${old}`)).body).toMatchObject({ version: 1 });
    expect((await as(admin).get(`/api/process-instances/${fresh}`)).body).toMatchObject({ version: 2 });
    const oldTask = await openTask(old);
    expect((await as(admin).post(`/api/tasks/${oldTask.id}/complete`, { data: {} })).status).toBe(200);
    expect((await as(admin).get(`/api/process-instances/${old}`)).body.status).toBe('completed');
    const listed = await as(admin).get('/api/processes');
    expect(listed.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: 'review-flow', version: 2 })]),
    );
    const detail = await as(admin).get('/api/processes/review-flow');
    expect(detail.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(detail.body.xml).toContain('Review v2');
  });

  it('should run start → task → complete → end and show tokens, variables and history', async () => {
    // given a deployed single-task process
    await deploy(singleTaskProcess('simple-flow'));

    // when an instance starts with variables
    const id = await start('simple-flow', { variables: { priority: 2 }, businessKey: 'case-1' });
    const running = await as(admin).get(`/api/process-instances/${id}`);

    // then it waits at the task
    expect(running.body).toMatchObject({
      id,
      status: 'active',
      activeElementIds: ['review'],
      variables: { priority: 2 },
      processKey: 'simple-flow',
      businessKey: 'case-1',
      incidents: [],
    });
    const task = await openTask(id);
    expect(task).toMatchObject({ elementId: 'review', name: 'Review', processInstanceId: id });

    // and completing the task ends the instance with the output merged
    const done = await as(nurseA).post(`/api/tasks/${task.id}/complete`, { data: { approved: true } });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'completed', assignee: 'nurse.a' });
    const ended = await as(admin).get(`/api/process-instances/${id}`);
    expect(ended.body).toMatchObject({
      status: 'completed',
      activeElementIds: [],
      variables: { approved: true },
    });
    expect(
      ended.body.history.map((h: { elementId: string; event: string }) => `${h.elementId}:${h.event}`),
    ).toEqual(expect.arrayContaining(['start:entered', 'review:entered', 'review:left', 'end:entered']));
    const again = await as(nurseA).post(`/api/tasks/${task.id}/complete`, { data: {} });
    expect(again.status).toBe(409);
  });

  it('should answer a start with the tasks it opened, so the first can be completed without listing', async () => {
    // given a process opening two tasks in parallel, and one that waits at a timer first
    await deploy(
      bpmnDocument(
        'two-at-once',
        `<bpmn:startEvent id="start" />
        <bpmn:parallelGateway id="split" />
        <bpmn:userTask id="call" name="Call the family" />
        <bpmn:userTask id="visit" name="Visit the room" />
        <bpmn:parallelGateway id="join" />
        <bpmn:endEvent id="end" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="split" />
        <bpmn:sequenceFlow id="f2" sourceRef="split" targetRef="call" />
        <bpmn:sequenceFlow id="f3" sourceRef="split" targetRef="visit" />
        <bpmn:sequenceFlow id="f4" sourceRef="call" targetRef="join" />
        <bpmn:sequenceFlow id="f5" sourceRef="visit" targetRef="join" />
        <bpmn:sequenceFlow id="f6" sourceRef="join" targetRef="end" />`,
      ),
    );
    await deploy(timerThenTaskProcess('timer-first', 'PT1H'));

    // when both start
    const started = await as(nurseA).post('/api/processes/two-at-once/instances', {});
    const waiting = await as(nurseA).post('/api/processes/timer-first/instances', {});

    // then the answer names the open tasks as the task list has them, and none while a timer waits
    expect(started.status).toBe(201);
    const listed = (await tasksOf(started.body.id)).map(({ id, elementId, name }) => ({
      id,
      elementId,
      name,
    }));
    expect(started.body.tasks).toHaveLength(2);
    expect(started.body.tasks).toEqual(expect.arrayContaining(listed));
    expect(waiting.status).toBe(201);
    expect(waiting.body).toEqual({ id: expect.any(String), tasks: [] });
    // and the starter works on them by those ids
    for (const task of started.body.tasks as { id: string }[]) {
      expect((await as(nurseA).post(`/api/tasks/${task.id}/complete`, { data: {} })).status).toBe(200);
    }
    expect((await as(admin).get(`/api/process-instances/${started.body.id}`)).body.status).toBe('completed');
  });

  it('should let exactly one of two concurrent completions win', async () => {
    await deploy(singleTaskProcess('race-flow'));
    const id = await start('race-flow');
    const task = await openTask(id);

    // when two completions race
    const [one, two] = await Promise.all([
      as(admin).post(`/api/tasks/${task.id}/complete`, { data: { by: 'one' } }),
      as(admin).post(`/api/tasks/${task.id}/complete`, { data: { by: 'two' } }),
    ]);

    // then one 200 and one 409, and the process moved once
    expect([one.status, two.status].sort()).toEqual([200, 409]);
    const history: { n: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM process_history WHERE instance_id = $1 AND element_id = 'end' AND event = 'entered'`,
      [id],
    );
    expect(history[0]!.n).toBe(1);
  });

  it('should let exactly one of two completions win when both read the open task before either writes', async () => {
    // given an instance whose row another transaction holds locked while two completions of its task read it
    // (without a lock) and wait with their writes
    await deploy(singleTaskProcess('race-read-flow'));
    const id = await start('race-read-flow');
    const task = await openTask(id);
    const holder = t.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query('SELECT 1 FROM process_instance WHERE id = $1 FOR UPDATE', [id]);
    const complete = (by: string) => as(admin).post(`/api/tasks/${task.id}/complete`, { data: { by } });
    const racing = Promise.all([complete('one'), complete('two')]);
    await eventually(async () => {
      const [waiting] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'WITH g0 AS%'`,
      );
      expect(waiting.n).toBe(2);
    });

    // when the lock is released
    await holder.rollbackTransaction();
    await holder.release();
    const [one, two] = await racing;

    // then one 200 and one 409 (the loser's write found another instance version, its locked retry a completed
    // task), and the task was completed and the process moved once
    expect([one.status, two.status].sort()).toEqual([200, 409]);
    const [row] = await t.dataSource.query(
      `SELECT i.status, i.version, t.status AS task_status, t.version AS task_version FROM process_instance i
         JOIN task t ON t.instance_id = i.id WHERE t.id = $1`,
      [task.id],
    );
    expect(row).toEqual({ status: 'completed', version: 2, task_status: 'completed', task_version: 2 });
    const history = await t.dataSource.query(
      `SELECT element_id, event, count(*)::int AS n FROM process_history
        WHERE instance_id = $1 AND (element_id, event) IN (('review', 'completed'), ('end', 'entered'))
        GROUP BY element_id, event ORDER BY element_id`,
      [id],
    );
    expect(history).toEqual([
      { element_id: 'end', event: 'entered', n: 1 },
      { element_id: 'review', event: 'completed', n: 1 },
    ]);
  });

  it('should complete a task in a transaction when a task.completed subscriber without a preview uses the database', async () => {
    // given a waiting instance of a process whose completions a new subscriber reads the database for, without
    // saying so beforehand
    await deploy(singleTaskProcess('audited-flow'));
    const task = await openTask(await start('audited-flow'));
    const inTransaction: boolean[] = [];
    t.app.get(DomainEvents).subscribe('audited-flows', async (manager, event) => {
      if (event.type === 'task.completed' && event.processKey === 'audited-flow') {
        await manager.query('SELECT 1 AS audited_flow');
        inTransaction.push(manager.queryRunner?.isTransactionActive ?? false);
      }
    });

    // when the task is completed
    const statements = await statementsOf(t.dataSource, async () =>
      expect((await as(nurseA).post(`/api/tasks/${task.id}/complete`, { data: {} })).status).toBe(200),
    );

    // then the step and the subscriber's read share one transaction (the stand-in it touched first said so)
    const begin = statements.findIndex((sql) => /^(BEGIN|START TRANSACTION)\b/.test(sql));
    expect(begin).toBeGreaterThanOrEqual(0);
    expect(statements.slice(begin)).toEqual(expect.arrayContaining(['SELECT 1 AS audited_flow', 'COMMIT']));
    expect(statements.indexOf('SELECT 1 AS audited_flow')).toBeGreaterThan(begin);
    expect(inTransaction).toEqual([true]);
  });

  it('should validate form data on completion with pointers and change nothing when it is invalid', async () => {
    // given a task whose form is the Barthel scale
    await deploy(singleTaskProcess('assessment-flow', { formKey: 'careloom:form:barthel-adl' }));
    const units = await demoOrgUnits(t.dataSource);
    const resident = (await as(admin).post('/api/residents', residentInput(units.wingA))).body.id as string;
    const id = await start('assessment-flow', { residentId: resident });
    const task = await openTask(id);
    expect(task.formKey).toBe('careloom:form:barthel-adl');
    const records = async () =>
      Number((await t.dataSource.query('SELECT count(*)::int AS n FROM record'))[0].n);
    const before = await records();

    // when invalid data is sent
    const bad = await as(nurseA).post(`/api/tasks/${task.id}/complete`, {
      data: barthelAnswers({ feeding: 7 }),
    });

    // then 400 with a pointer into data, the task is still open, no record
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: '/data/feeding' })]),
    );
    expect((await openTask(id)).status).toBe('open');
    expect(await records()).toBe(before);

    // and valid data completes it, stores a record and passes the computed total on
    const good = await as(nurseA).post(`/api/tasks/${task.id}/complete`, { data: barthelAnswers() });
    expect(good.status).toBe(200);
    expect(good.body.recordId).toEqual(expect.any(String));
    expect(await records()).toBe(before + 1);
    const instance = await as(nurseA).get(`/api/process-instances/${id}`);
    expect(instance.body).toMatchObject({
      status: 'completed',
      residentId: resident,
      variables: { total: 65 },
    });

    // and a nurse of another wing cannot see the resident's instance
    expect((await as(nurseB).get(`/api/process-instances/${id}`)).status).toBe(404);
  });

  it('should fire a timer from the job table when the test clock passes its due time', async () => {
    await deploy(timerThenTaskProcess('timer-flow', 'PT2H'));
    const id = await start('timer-flow');
    expect(await tasksOf(id)).toEqual([]);
    const jobs: { n: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM job WHERE instance_id = $1 AND status = 'pending' AND type = 'timer'`,
      [id],
    );
    expect(jobs[0]!.n).toBe(1);

    // when an hour passes nothing happens; after two the task is there
    expect((await as(admin).post('/api/test/clock', { advance: 'PT1H' })).status).toBe(200);
    expect(await tasksOf(id)).toEqual([]);
    const moved = await as(admin).post('/api/test/clock', { advance: 'PT1H1M' });
    expect(moved.body.now).toEqual(expect.any(String));
    expect((await openTask(id)).elementId).toBe('afterWait');
  });

  it('should correlate a message to the instance waiting with that key, and 404 when none waits', async () => {
    await deploy(messageProcess('message-flow', 'payment-received'));
    const first = await start('message-flow', { variables: { orderId: 'A-1' } });
    const second = await start('message-flow', { variables: { orderId: 'B-2' } });

    const correlated = await as(admin).post('/api/messages', {
      name: 'payment-received',
      correlationKey: 'B-2',
      variables: { amount: 10 },
    });

    expect(correlated.status).toBe(200);
    expect(correlated.body.processInstanceIds).toEqual([second]);
    expect((await openTask(second)).elementId).toBe('afterMessage');
    expect((await as(admin).get(`/api/process-instances/${second}`)).body.variables).toMatchObject({
      amount: 10,
    });
    expect((await as(admin).get(`/api/process-instances/${first}`)).body.activeElementIds).toEqual([
      'waitMessage',
    ]);
    const nobody = await as(admin).post('/api/messages', { name: 'payment-received', correlationKey: 'B-2' });
    expect(nobody.status).toBe(404);
  });

  it('should cancel an instance, its tasks and its timers', async () => {
    await deploy(singleTaskProcess('cancel-flow'));
    const id = await start('cancel-flow', {}, nurseA);
    const task = await openTask(id);

    expect((await as(nurseB).post(`/api/process-instances/${id}/cancel`)).status).toBe(403);
    const tooLong = await as(nurseA).post(`/api/process-instances/${id}/cancel`, {
      reason: 'x'.repeat(2001),
    });
    expect(tooLong.status).toBe(400);
    const cancelled = await as(nurseA).post(`/api/process-instances/${id}/cancel`, {
      reason: ' 长者已转院 ',
    });

    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    // the history says who ended it and why
    const view = await as(nurseA).get(`/api/process-instances/${id}`);
    expect(view.body.history).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ event: 'cancelled', elementType: 'process', reason: '长者已转院' }),
      ]),
    );
    expect((await tasksOf(id)).find((x) => x.id === task.id)?.status).toBe('cancelled');
    expect((await as(nurseA).post(`/api/tasks/${task.id}/complete`, { data: {} })).status).toBe(409);
    expect((await as(nurseA).post(`/api/process-instances/${id}/cancel`)).status).toBe(409);
  });

  it('should offer tasks to candidates, and support claim, unclaim and delegate', async () => {
    await deploy(singleTaskProcess('inbox-flow', { candidateGroups: 'nurse' }));
    const id = await start('inbox-flow');
    const task = await openTask(id);

    const offered = await as(nurseA).get('/api/tasks?candidate=true');
    expect(offered.body.map((x: Task) => x.id)).toContain(task.id);
    expect((await as(nurseA).post(`/api/tasks/${task.id}/claim`)).body.assignee).toBe('nurse.a');
    expect((await as(nurseB).post(`/api/tasks/${task.id}/claim`)).status).toBe(409);
    expect((await as(nurseA).get('/api/tasks?mine=true')).body.map((x: Task) => x.id)).toContain(task.id);
    expect((await as(nurseA).post(`/api/tasks/${task.id}/unclaim`)).body.assignee).toBeNull();
    const delegated = await as(admin).post(`/api/tasks/${task.id}/delegate`, { userId: 'nurse.b' });
    expect(delegated.body.assignee).toBe('nurse.b');
    expect((await as(nurseB).get('/api/tasks?mine=true')).body.map((x: Task) => x.id)).toContain(task.id);
  });
  it("should list a task with its resident's name, and not list it to a nurse of another wing", async () => {
    // given a task about a wing-A resident, offered to nurses
    const units = await demoOrgUnits(t.dataSource);
    const input = residentInput(units.wingA);
    const resident = (await as(admin).post('/api/residents', input)).body.id as string;
    await deploy(singleTaskProcess('named-inbox-flow', { candidateGroups: 'nurse' }));
    const id = await start('named-inbox-flow', { residentId: resident });
    const task = await openTask(id);

    // when the nurses of wing A and wing B read their inboxes
    const wingA = (await as(nurseA).get('/api/tasks?candidate=true')).body as (Task & {
      residentName?: string;
    })[];
    const wingB = (await as(nurseB).get('/api/tasks?candidate=true')).body as Task[];

    // then wing A's card names the resident (no read of each resident) and wing B's inbox does not hold it
    expect(wingA.find((x) => x.id === task.id)).toMatchObject({
      residentId: resident,
      residentName: input.name,
    });
    expect(wingB.map((x) => x.id)).not.toContain(task.id);
    // and the task read on its own names the resident too (a link from a notification opens it)
    expect((await as(nurseA).get(`/api/tasks/${task.id}`)).body).toMatchObject({
      id: task.id,
      residentName: input.name,
    });

    // and the resident's own task list (their timeline) holds it with the completed ones, newest first
    expect((await as(nurseA).post(`/api/tasks/${task.id}/complete`, { data: {} })).status).toBe(200);
    const second = await openTask(await start('named-inbox-flow', { residentId: resident }));
    const timeline = await as(nurseA).get(`/api/tasks?residentId=${resident}`);
    expect(timeline.status).toBe(200);
    expect((timeline.body as Task[]).map((x) => [x.id, x.status])).toEqual([
      [second.id, 'open'],
      [task.id, 'completed'],
    ]);
    expect((await as(nurseB).get(`/api/tasks?residentId=${resident}`)).body).toEqual([]);
    const bad = await as(nurseA).get('/api/tasks?residentId=nobody');
    expect(bad.status).toBe(400);
  });

  it('should simulate a model on a virtual clock without storing anything', async () => {
    // given a timer model, as XML and deployed
    const xml = timerThenTaskProcess('sim-flow', 'P2D');
    const instancesBefore = (await as(admin).get('/api/process-instances')).body.length as number;

    // when it is simulated from XML with the task completing after a day
    const trace = await as(admin).post('/api/processes/simulate', {
      xml,
      script: { tasks: [{ elementId: 'afterWait', after: 'P1D' }] },
      start: '2030-01-01T00:00:00.000Z',
    });

    // then the trace ends three virtual days later and nothing was stored
    expect(trace.status).toBe(200);
    expect(trace.body).toMatchObject({
      status: 'completed',
      stopped: 'finished',
      endedAt: '2030-01-04T00:00:00.000Z',
    });
    expect((await as(admin).get('/api/process-instances')).body).toHaveLength(instancesBefore);
    expect((await as(admin).get('/api/processes/sim-flow')).status).toBe(404);

    // and a deployed version can be simulated by key
    await deploy(xml);
    const byKey = await as(admin).post('/api/processes/simulate', { key: 'sim-flow', version: 1 });
    expect(byKey.status).toBe(200);
    expect(byKey.body.steps.length).toBeGreaterThan(1);
  });

  it('should refuse a simulation it cannot run, in Chinese by default and in English on request', async () => {
    // given a request naming no model, and a start the request check lets through (an ISO week date) but the
    // engine cannot place on its clock
    const nothing = {};
    const weekDate = { xml: timerThenTaskProcess('sim-refused', 'P1D'), start: '2030-W01-1' };

    // when each is simulated for a zh-CN caller (the default) and an English one
    const simulate = (body: object, language?: string) => {
      const request = as(admin).post('/api/processes/simulate', body);
      return language ? request.set('accept-language', language) : request;
    };
    const [zhNothing, zhWeekDate, enNothing, enWeekDate] = await Promise.all([
      simulate(nothing),
      simulate(weekDate),
      simulate(nothing, 'en'),
      simulate(weekDate, 'en'),
    ]);

    // then the Chinese caller is told what to send, the English one gets the English message as before
    const worded = (response: { status: number; body: { detail: string; errors: unknown[] } }) => ({
      status: response.status,
      detail: response.body.detail,
      errors: response.body.errors,
    });
    expect(worded(zhNothing)).toEqual({
      status: 400,
      detail: '请提供 xml，或已部署流程的 key（可再加 version 指定版本）。',
      errors: [{ path: '', message: '请提供 xml，或已部署流程的 key（可再加 version 指定版本）。' }],
    });
    expect(worded(zhWeekDate)).toEqual({
      status: 400,
      detail: '模拟的开始时间 start 不是有效的时间点：2030-W01-1；请写成例如 2030-01-01T08:00:00Z 的形式。',
      errors: [
        {
          path: '',
          message:
            '模拟的开始时间 start 不是有效的时间点：2030-W01-1；请写成例如 2030-01-01T08:00:00Z 的形式。',
        },
      ],
    });
    const english = 'Send "xml", or "key" (and optionally "version") of a deployed process.';
    expect(worded(enNothing)).toEqual({
      status: 400,
      detail: english,
      errors: [{ path: '', message: english }],
    });
    expect(worded(enWeekDate)).toMatchObject({
      status: 400,
      detail: 'simulation start is not an ISO instant: 2030-W01-1',
      errors: [{ path: '', message: 'simulation start is not an ISO instant: 2030-W01-1' }],
    });
  });

  describe('without the test clock setting', () => {
    let plain: TestApp;
    beforeAll(async () => {
      plain = await startTestApp();
    });
    afterAll(async () => {
      await plain.close();
    });

    it('should not have the test clock route', async () => {
      const token = await plain.login('admin');
      const response = await plain
        .http()
        .post('/api/test/clock')
        .set('authorization', `Bearer ${token}`)
        .send({ advance: 'P1D' });
      expect(response.status).toBe(404);
    });
  });
});
