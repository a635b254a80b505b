import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JobRunnerService } from '../../src/process-runtime/job-runner.service.js';
import { JobWorkerService } from '../../src/process-runtime/job-worker.service.js';
import {
  bpmnDocument,
  bpmnFixture,
  serviceTaskProcess,
  timerThenTaskProcess,
} from '../factories/bpmn.factory.js';
import { eventually, statementsOf } from '../utils/statements.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

type Task = {
  id: string;
  elementId: string;
  status: string;
  dueAt: string | null;
  assignee: string | null;
  candidateGroups: string[];
};

type InstanceView = {
  status: string;
  activeElementIds: string[];
  variables: Record<string, unknown>;
  incidents: { elementId: string; status: string }[];
};

const simpleForm = (properties: Record<string, unknown>) => ({
  type: 'object',
  title: 'Form',
  properties,
});

describe('processes over time', () => {
  let t: TestApp;
  let admin: string;

  const as = (token: string) => ({
    get: (url: string) => t.http().get(url).set('authorization', `Bearer ${token}`),
    post: (url: string, body: object = {}) =>
      t.http().post(url).set('authorization', `Bearer ${token}`).send(body),
  });
  const deploy = async (xml: string) => {
    const response = await as(admin).post('/api/processes', { xml });
    expect([200, 201]).toContain(response.status);
    return response;
  };
  const start = async (key: string, variables: Record<string, unknown> = {}): Promise<string> => {
    const response = await as(admin).post(`/api/processes/${key}/instances`, { variables });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };
  const clock = async (body: { advance?: string; set?: string }): Promise<string> => {
    const response = await as(admin).post('/api/test/clock', body);
    expect(response.status).toBe(200);
    return response.body.now as string;
  };
  const openTasks = async (instanceId: string): Promise<Task[]> =>
    ((await as(admin).get(`/api/tasks?processInstanceId=${instanceId}`)).body as Task[]).filter(
      (task) => task.status === 'open',
    );
  const instance = async (id: string): Promise<InstanceView> =>
    (await as(admin).get(`/api/process-instances/${id}`)).body as InstanceView;
  const publishForm = async (key: string, schema: object) => {
    const created = await as(admin).post('/api/forms', { key, name: { 'zh-CN': key, en: key }, schema });
    expect(created.status).toBe(201);
    expect((await as(admin).post(`/api/forms/${created.body.id}/publish`)).status).toBe(201);
  };

  beforeAll(async () => {
    t = await startTestApp({ CARELOOM_TEST_CLOCK: '1', CARELOOM_WEBHOOK_ALLOW_PRIVATE: '1' });
    admin = await t.login('admin');
    await publishForm('onboarding-family-call', simpleForm({ notes: { type: 'string', title: 'Notes' } }));
    await publishForm(
      'complaint',
      simpleForm({ complaintType: { type: 'string', title: 'Type', enum: ['food', 'care', 'other'] } }),
    );
    await publishForm(
      'complaint-handling',
      simpleForm({ resolution: { type: 'string', title: 'Resolution' } }),
    );
    await publishForm(
      'complaint-callback',
      simpleForm({ satisfied: { type: 'boolean', title: 'Satisfied' } }),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('should raise the 30-day onboarding follow-up tasks on day 3, 7, 15 and 30', async () => {
    // given a resident admitted on 2035-03-01 (Asia/Shanghai) and the template deployed
    await clock({ set: '2035-03-01T02:00:00.000Z' });
    await deploy(bpmnFixture('onboarding-30-day'));
    const id = await start('onboarding-30-day', { admissionDate: '2035-03-01', stewardId: 'admin' });
    expect(await openTasks(id)).toEqual([]);

    const days: [string, string, string][] = [
      ['2035-03-03T02:00:00.000Z', '2035-03-04T02:00:00.000Z', 'callDay3'],
      ['2035-03-07T02:00:00.000Z', '2035-03-08T02:00:00.000Z', 'callDay7'],
      ['2035-03-15T02:00:00.000Z', '2035-03-16T02:00:00.000Z', 'callDay15'],
      ['2035-03-30T02:00:00.000Z', '2035-03-31T02:00:00.000Z', 'callDay30'],
    ];
    for (const [before, after, elementId] of days) {
      // when the clock reaches the day before: nothing yet
      await clock({ set: before });
      expect(await openTasks(id)).toEqual([]);

      // when it reaches the day: the call task is there, assigned, due two days later
      await clock({ set: after });
      const [task, ...others] = await openTasks(id);
      expect(others).toEqual([]);
      expect(task).toMatchObject({ elementId, assignee: 'admin', candidateGroups: ['stewards'] });
      const dueIn = new Date(task!.dueAt!).getTime() - new Date(after).getTime();
      expect(dueIn).toBeGreaterThanOrEqual(2 * 86_400_000);
      expect(dueIn).toBeLessThan(2 * 86_400_000 + 60_000);
      const done = await as(admin).post(`/api/tasks/${task!.id}/complete`, { data: { notes: 'all well' } });
      expect(done.status).toBe(200);
    }
    expect(await instance(id)).toMatchObject({ status: 'completed' });
  });

  it('should complete a task on the new state when a timer of its instance fired between its read and its write', async () => {
    // given an instance waiting in two branches, a task and a one-hour timer; another transaction holds its row
    // locked while the timer (due) and then a completion of the task (which has read it) wait for that lock
    await deploy(
      bpmnDocument(
        'timer-meanwhile',
        `<bpmn:startEvent id="start" />
    <bpmn:parallelGateway id="fork" />
    <bpmn:userTask id="work" name="Work" />
    <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition id="wait_def"><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="workDone" />
    <bpmn:endEvent id="waited" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
    <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="work" />
    <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="wait" />
    <bpmn:sequenceFlow id="f4" sourceRef="work" targetRef="workDone" />
    <bpmn:sequenceFlow id="f5" sourceRef="wait" targetRef="waited" />`,
      ),
    );
    const id = await start('timer-meanwhile');
    const [task] = await openTasks(id);
    const holder = t.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query('SELECT 1 FROM process_instance WHERE id = $1 FOR UPDATE', [id]);
    const waiting = (n: number) =>
      eventually(async () => {
        const [row] = await t.dataSource.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        expect(row.n).toBe(n);
      });
    const fired = clock({ advance: 'PT1H1M' });
    await waiting(1);
    let sent: string[] = [];
    const completed = statementsOf(t.dataSource, async () => {
      const response = await as(admin).post(`/api/tasks/${task!.id}/complete`, { data: { done: true } });
      expect(response.status).toBe(200);
    }).then((statements) => {
      sent = statements;
    });
    await waiting(2);

    // when the lock is released (the timer fires first, the completion's write finds another instance version)
    await holder.rollbackTransaction();
    await holder.release();
    await Promise.all([fired, completed]);

    // then the completion was written again, locked, on the state the timer left: both branches ended once
    expect(sent.filter((sql) => /^WITH g0 AS/.test(sql))).toHaveLength(1);
    expect(sent.filter((sql) => /FOR UPDATE OF t$/.test(sql))).toHaveLength(1);
    expect(await instance(id)).toMatchObject({ status: 'completed', variables: { done: true } });
    const [row] = await t.dataSource.query('SELECT version FROM process_instance WHERE id = $1', [id]);
    expect(row).toEqual({ version: 3 });
    const ends = await t.dataSource.query(
      `SELECT element_id FROM process_history WHERE instance_id = $1 AND event = 'entered'
          AND element_id IN ('workDone', 'waited') ORDER BY id`,
      [id],
    );
    expect(ends).toEqual([{ element_id: 'waited' }, { element_id: 'workDone' }]);
  });

  it('should list a task as overdue once its due time has passed', async () => {
    await clock({ set: '2035-05-01T02:00:00.000Z' });
    const id = await start('onboarding-30-day', { admissionDate: '2035-05-01', stewardId: 'admin' });
    await clock({ advance: 'P3D' });
    const [task] = await openTasks(id);
    const overdue = async () =>
      ((await as(admin).get('/api/tasks?overdue=true')).body as Task[]).map((x) => x.id);
    expect(await overdue()).not.toContain(task!.id);
    await clock({ advance: 'P2DT1M' });
    expect(await overdue()).toContain(task!.id);
    expect((await as(admin).post(`/api/process-instances/${id}/cancel`)).status).toBe(200);
  });

  it('should remind every 24 h and escalate to the manager when the complaint is still open after 3 days', async () => {
    // given a food complaint registered and being handled by the kitchen
    await deploy(bpmnFixture('complaint-work-order'));
    const id = await start('complaint-work-order');
    const [register] = await openTasks(id);
    expect(register!.elementId).toBe('register');
    const registered = await as(admin).post(`/api/tasks/${register!.id}/complete`, {
      data: { complaintType: 'food' },
    });
    expect(registered.status).toBe(200);
    const [kitchen] = await openTasks(id);
    expect(kitchen!.elementId).toBe('kitchen');
    const notifications = async () =>
      (
        (await as(admin).get('/api/notifications')).body as { title: string; processInstanceId: string }[]
      ).filter((n) => n.processInstanceId === id);

    // when a day passes: a reminder notification, the kitchen task stays
    await clock({ advance: 'PT24H' });
    expect(await notifications()).toEqual([expect.objectContaining({ title: 'complaint-overdue' })]);
    expect((await openTasks(id)).map((x) => x.elementId)).toEqual(['kitchen']);

    // when three days have passed: the kitchen task is cancelled and the manager has it
    await clock({ advance: 'P2D' });
    expect((await openTasks(id)).map((x) => x.elementId)).toEqual(['managerHandle']);
    expect(await notifications()).toHaveLength(2);
    const view = await instance(id);
    expect(view.activeElementIds).toEqual(['managerHandle']);

    // and the manager closes it, then the callback
    const [manager] = await openTasks(id);
    expect(
      (await as(admin).post(`/api/tasks/${manager!.id}/complete`, { data: { resolution: 'x' } })).status,
    ).toBe(200);
    const [callback] = await openTasks(id);
    expect(callback!.elementId).toBe('callback');
    expect(
      (await as(admin).post(`/api/tasks/${callback!.id}/complete`, { data: { satisfied: true } })).status,
    ).toBe(200);
    expect((await instance(id)).status).toBe('completed');
  });

  it('should apply a batch of due jobs of one instance in due order, a failing one retried alone', async () => {
    // given an instance whose two branches are due at once: a timer, and a service call that fails
    const params = JSON.stringify({ processKey: 'no-such-process' }).replace(/"/g, '&quot;');
    await deploy(
      bpmnDocument(
        'batch-flow',
        `<bpmn:startEvent id="start" />
        <bpmn:parallelGateway id="split" />
        <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT0S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:userTask id="afterWait" name="After the wait" />
        <bpmn:serviceTask id="call" name="Call" careloom:serviceType="start-process" careloom:parameters="${params}" />
        <bpmn:userTask id="afterCall" name="After the call" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="split" />
        <bpmn:sequenceFlow id="f2" sourceRef="split" targetRef="wait" />
        <bpmn:sequenceFlow id="f3" sourceRef="wait" targetRef="afterWait" />
        <bpmn:sequenceFlow id="f4" sourceRef="split" targetRef="call" />
        <bpmn:sequenceFlow id="f5" sourceRef="call" targetRef="afterCall" />`,
      ),
    );
    const id = await start('batch-flow');

    // when the job runner takes both in one transaction
    expect(await t.app.get(JobRunnerService).runBatch(16)).toBe(2);

    // then the timer fired, and the failed call waits for its retry (its rollback undid nothing of the timer's)
    expect((await instance(id)).activeElementIds.sort()).toEqual(['afterWait', 'call']);
    const jobs: { type: string; status: string; attempts: number; last_error: string | null }[] =
      await t.dataSource.query(
        `SELECT type, status, attempts, last_error FROM job WHERE instance_id = $1 ORDER BY type`,
        [id],
      );
    expect(jobs).toEqual([
      {
        type: 'service',
        status: 'pending',
        attempts: 1,
        last_error: expect.stringContaining('no-such-process'),
      },
      { type: 'timer', status: 'done', attempts: 1, last_error: null },
    ]);
  });

  it('should run set-variables with JSON Logic and mark a notification read', async () => {
    await deploy(
      serviceTaskProcess('calc-flow', 'set-variables', {
        variables: { doubled: { '*': [{ var: 'n' }, 2] } },
      }),
    );
    const id = await start('calc-flow', { n: 21 });
    await t.app.get(JobRunnerService).runUntilIdle();
    expect(await instance(id)).toMatchObject({
      activeElementIds: ['afterCall'],
      variables: { n: 21, doubled: 42 },
    });

    const [first] = (await as(admin).get('/api/notifications?unread=true')).body as { id: string }[];
    expect((await as(admin).post(`/api/notifications/${first!.id}/read`)).status).toBe(204);
    const unread = (await as(admin).get('/api/notifications?unread=true')).body as { id: string }[];
    expect(unread.map((n) => n.id)).not.toContain(first!.id);
  });

  it('should start the called process and continue the caller when it completes', async () => {
    await deploy(
      bpmnDocument(
        'child-flow',
        `<bpmn:startEvent id="s" /><bpmn:userTask id="childTask" /><bpmn:endEvent id="e" />
        <bpmn:sequenceFlow id="c1" sourceRef="s" targetRef="childTask" /><bpmn:sequenceFlow id="c2" sourceRef="childTask" targetRef="e" />`,
      ),
    );
    await deploy(
      bpmnDocument(
        'parent-flow',
        `<bpmn:startEvent id="s" />
        <bpmn:callActivity id="callChild" calledElement="child-flow"><bpmn:extensionElements><camunda:in variables="all" /><camunda:out variables="all" /></bpmn:extensionElements></bpmn:callActivity>
        <bpmn:userTask id="parentTask" /><bpmn:endEvent id="e" />
        <bpmn:sequenceFlow id="p1" sourceRef="s" targetRef="callChild" /><bpmn:sequenceFlow id="p2" sourceRef="callChild" targetRef="parentTask" />
        <bpmn:sequenceFlow id="p3" sourceRef="parentTask" targetRef="e" />`,
      ),
    );
    const parent = await start('parent-flow', { caseId: 7 });
    const children = (await as(admin).get('/api/process-instances?processKey=child-flow')).body as {
      id: string;
      parentInstanceId: string;
    }[];
    const child = children.find((c) => c.parentInstanceId === parent);
    expect(child).toBeDefined();
    const [childTask] = await openTasks(child!.id);
    await as(admin).post(`/api/tasks/${childTask!.id}/complete`, { data: { childResult: 'ok' } });
    expect(await instance(child!.id)).toMatchObject({ status: 'completed' });
    expect(await instance(parent)).toMatchObject({
      activeElementIds: ['parentTask'],
      variables: { caseId: 7, childResult: 'ok' },
    });
  });

  it('should start instances from a timer start event cycle and stop after its repetitions', async () => {
    // given a process started every hour, twice
    await deploy(
      bpmnDocument(
        'hourly-round',
        `<bpmn:startEvent id="tick"><bpmn:timerEventDefinition id="tick_def"><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R2/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
        <bpmn:userTask id="round" name="Ward round" /><bpmn:endEvent id="e" />
        <bpmn:sequenceFlow id="h1" sourceRef="tick" targetRef="round" /><bpmn:sequenceFlow id="h2" sourceRef="round" targetRef="e" />`,
      ),
    );
    const started = async () =>
      ((await as(admin).get('/api/process-instances?processKey=hourly-round')).body as unknown[]).length;
    expect(await started()).toBe(0);

    // when the clock passes one, two, then three hours
    await clock({ advance: 'PT1H1M' });
    expect(await started()).toBe(1);
    await clock({ advance: 'PT1H' });
    expect(await started()).toBe(2);
    await clock({ advance: 'PT5H' });

    // then the cycle ended after its repetitions
    expect(await started()).toBe(2);
  });

  describe('webhooks', () => {
    let server: Server;
    let url: string;
    let failuresLeft = 3;
    const calls: { signature: string; body: string }[] = [];

    beforeAll(async () => {
      server = createServer((request, response) => {
        let body = '';
        request.on('data', (chunk: Buffer) => (body += chunk.toString()));
        request.on('end', () => {
          calls.push({ signature: String(request.headers['x-careloom-signature']), body });
          const fail = failuresLeft > 0;
          failuresLeft -= 1;
          response.statusCode = fail ? 500 : 200;
          response.setHeader('content-type', 'application/json');
          response.end(fail ? '{"error":"down"}' : '{"ticket":"T-1"}');
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const address = server.address();
      url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/hook`;
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    it('should retry a failing webhook, raise an incident after its retries and succeed on retry', async () => {
      // given a webhook service task whose endpoint fails three times
      await deploy(
        serviceTaskProcess('hook-flow', 'webhook', {
          url,
          maxAttempts: 3,
          backoffMs: 60_000,
          payload: { case: { var: 'caseId' } },
          resultVariable: 'hookResult',
        }),
      );
      const id = await start('hook-flow', { caseId: 'C-9' });

      // when it runs and the clock passes each backoff
      await clock({ advance: 'PT0S' });
      expect(calls).toHaveLength(1);
      expect((await instance(id)).status).toBe('active');
      await clock({ advance: 'PT1M' });
      await clock({ advance: 'PT2M' });

      // then after three failures there is an incident and the instance shows it
      expect(calls).toHaveLength(3);
      const view = await instance(id);
      expect(view.status).toBe('incident');
      expect(view.incidents).toEqual([expect.objectContaining({ elementId: 'call', status: 'open' })]);
      const incidents = (await as(admin).get('/api/incidents?status=open')).body as {
        id: string;
        processInstanceId: string;
      }[];
      const incident = incidents.find((i) => i.processInstanceId === id);
      expect(incident).toBeDefined();

      // and each call was signed with HMAC-SHA256 over the body
      const tenant: { id: string }[] = await t.dataSource.query('SELECT id FROM tenant');
      const secret = createHmac('sha256', 'careloom-development-webhook-secret')
        .update(`webhook:${tenant[0]!.id}`)
        .digest('hex');
      for (const call of calls) {
        expect(call.signature).toBe(`sha256=${createHmac('sha256', secret).update(call.body).digest('hex')}`);
        expect(JSON.parse(call.body)).toMatchObject({ payload: { case: 'C-9' }, instanceId: id });
      }

      // when an admin retries: the webhook answers 200 and the process moves on
      const retried = await as(admin).post(`/api/incidents/${incident!.id}/retry`);
      expect(retried.status).toBe(200);
      expect(retried.body.status).toBe('resolved');
      await clock({ advance: 'PT0S' });
      expect(calls).toHaveLength(4);
      expect(await instance(id)).toMatchObject({
        status: 'active',
        activeElementIds: ['afterCall'],
        variables: { hookResult: { ticket: 'T-1' } },
      });
    });
  });

  it('should fire a due timer in the background worker, woken by LISTEN/NOTIFY or its poll', async () => {
    // given the worker running (it is off in the in-process test app)
    const worker = t.app.get(JobWorkerService);
    await worker.start();
    try {
      await deploy(timerThenTaskProcess('quick-timer', 'PT1S'));
      const id = await start('quick-timer');

      // then within a few seconds of real time the timer has fired
      const deadline = Date.now() + 5000;
      let tasks: Task[] = [];
      while (tasks.length === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        tasks = await openTasks(id);
      }
      expect(tasks.map((x) => x.elementId)).toEqual(['afterWait']);
    } finally {
      await worker.stop();
    }
  });

  it('should poll with one read, and no transaction, while nothing is due', async () => {
    // given the worker running while the only pending timer is a day away
    await deploy(timerThenTaskProcess('idle-timer', 'P1D'));
    await start('idle-timer');
    const worker = t.app.get(JobWorkerService);

    // when it runs for a little over one poll interval
    const statements = await statementsOf(t.dataSource, async () => {
      await worker.start();
      try {
        await new Promise((resolve) => setTimeout(resolve, 1300));
      } finally {
        await worker.stop();
      }
    });

    // then each poll was the read of the next claimable job: no claim transaction was opened
    expect(statements.length).toBeGreaterThanOrEqual(1);
    expect(statements.every((sql) => /^SELECT due_at FROM job WHERE status = 'pending'/.test(sql))).toBe(
      true,
    );
  });

  it('stamps records and their revisions with the server clock', async () => {
    // the test clock keeps running from where it was set: times land just after it
    const near = (at: string, from: string) => {
      const ms = Date.parse(at) - Date.parse(from);
      expect(ms).toBeGreaterThanOrEqual(0);
      expect(ms).toBeLessThan(10_000);
    };
    const created = await clock({ set: '2036-02-28T15:30:00.000Z' });
    const record = await as(admin).post('/api/records', {
      formKey: 'complaint',
      data: { complaintType: 'food' },
    });
    expect(record.status).toBe(201);
    near(record.body.createdAt as string, created);
    const changed = await clock({ advance: 'P1D' });
    const updated = await t
      .http()
      .patch(`/api/records/${record.body.id}`)
      .set('authorization', `Bearer ${admin}`)
      .send({ data: { complaintType: 'care' }, revision: 1 });
    expect(updated.status).toBe(200);
    near(updated.body.updatedAt as string, changed);
    const revisions = (await as(admin).get(`/api/records/${record.body.id}/revisions`)).body as {
      revision: number;
      at: string;
    }[];
    expect(revisions.map((r) => r.revision)).toEqual([1, 2]);
    expect(revisions[0]?.at).toBe(record.body.createdAt);
    expect(revisions[1]?.at).toBe(updated.body.updatedAt);
  });
});
