import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import supertest from 'supertest';
import { createApp } from '../../src/app.factory.js';
import { JobRunnerService } from '../../src/process-runtime/job-runner.service.js';
import { loadConfig } from '../../src/config/app-config.js';
import { demoOrgUnits, residentInput } from '../factories/resident.factory.js';
import { callsOf, eventually, statementsOf } from '../utils/statements.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

/**
 * Statement budgets of the hot paths (issues #3 and #4: speed is measured by test/bench; these counts keep
 * the round trips from creeping back) and the shared caches behind them, across two server processes.
 */

const waitingProcess = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="defs" targetNamespace="http://careloom.dev/test">
  <bpmn:process id="hot-waiting" name="hot-waiting" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="work" name="Work" />
    <bpmn:userTask id="next" name="Next" />
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
    <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="next" />
    <bpmn:sequenceFlow id="f3" sourceRef="next" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

describe('hot paths', () => {
  let t: TestApp;
  /** A second server on the same database, as in production with several replicas. */
  let other: NestFastifyApplication;
  let admin: string;
  let residentId: string;
  let formId: string;

  const as = (token: string, app: 'first' | 'other' = 'first') => {
    const http = () => (app === 'first' ? t.http() : supertest(other.getHttpServer()));
    return {
      get: (url: string) => http().get(url).set('authorization', `Bearer ${token}`),
      post: (url: string, body: object = {}) =>
        http().post(url).set('authorization', `Bearer ${token}`).send(body),
      put: (url: string, body: object) => http().put(url).set('authorization', `Bearer ${token}`).send(body),
    };
  };

  type PlanNode = {
    'Node Type': string;
    'Relation Name'?: string;
    Alias?: string;
    'Index Name'?: string;
    'Index Cond'?: string;
    Plans?: PlanNode[];
  };
  const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

  /**
   * The plan PostgreSQL makes of a statement the server sent: `generic` as it plans a prepared statement from its
   * sixth run on (parameters unknown), `custom` with the call's parameters.
   */
  const planOf = async (
    call: { sql: string; parameters: unknown[] },
    mode: 'custom' | 'generic',
  ): Promise<PlanNode> => {
    const runner = t.dataSource.createQueryRunner();
    let prepared = false;
    try {
      await runner.startTransaction();
      await runner.query(`SET LOCAL plan_cache_mode = force_${mode}_plan`);
      let explained: { 'QUERY PLAN': [{ Plan: PlanNode }] }[];
      if (mode === 'generic') {
        await runner.query(`PREPARE hot_plan AS ${call.sql}`);
        prepared = true;
        explained = await runner.query(
          `EXPLAIN (FORMAT JSON) EXECUTE hot_plan(${call.parameters.map(() => 'NULL').join(', ')})`,
        );
      } else {
        // an EXPLAIN sent with the call's parameters is planned with their values
        explained = await runner.query(`EXPLAIN (FORMAT JSON) ${call.sql}`, call.parameters);
      }
      return explained[0]!['QUERY PLAN'][0].Plan;
    } finally {
      await runner.rollbackTransaction();
      if (prepared) {
        await runner.query('DEALLOCATE hot_plan');
      }
      await runner.release();
    }
  };

  /**
   * Both plans of a statement (with its parameters, and generic) read `relation` only through `index`, and no Sort
   * lies between that read and the LIMIT over it: the rows come in the order asked, as many as asked.
   */
  const expectOrderedRead = async (
    call: { sql: string; parameters: unknown[] },
    relation: string,
    index: string,
  ): Promise<void> => {
    for (const mode of ['custom', 'generic'] as const) {
      const plan = await planOf(call, mode);
      const reads = (node: PlanNode) => nodesOf(node).some((n) => n['Relation Name'] === relation);
      const scans = nodesOf(plan).filter((node) => node['Relation Name'] === relation);
      expect({ mode, indexes: scans.map((node) => node['Index Name']) }).toEqual({ mode, indexes: [index] });
      const limits = nodesOf(plan).filter((node) => node['Node Type'] === 'Limit' && reads(node));
      expect(limits).toHaveLength(1);
      expect(nodesOf(limits[0]!).map((node) => node['Node Type'])).not.toContain('Sort');
    }
  };

  /** The admin's submission of `data` on `formKey` for the test's resident, answered 201. */
  const submitted = async (formKey: string, data: Record<string, unknown>): Promise<void> => {
    const response = await as(admin).post('/api/records', { formKey, residentId, data });
    expect(response.status).toBe(201);
  };

  const firingsOf = async (ruleId: string): Promise<number> =>
    Number(
      (await t.dataSource.query('SELECT count(*)::int AS n FROM rule_firing WHERE rule_id = $1', [ruleId]))[0]
        .n,
    );

  const openTaskOf = async (instanceId: string): Promise<string> => {
    const tasks = await as(admin).get(`/api/tasks?processInstanceId=${instanceId}`);
    const task = (tasks.body as { id: string; status: string }[]).find((x) => x.status === 'open');
    if (!task) {
      throw new Error(`instance ${instanceId} has no open task`);
    }
    return task.id;
  };

  const startWaiting = async (): Promise<string> => {
    const started = await as(admin).post('/api/processes/hot-waiting/instances', {
      variables: {},
      residentId,
    });
    expect(started.status).toBe(201);
    return (started.body as { id: string }).id;
  };

  beforeAll(async () => {
    t = await startTestApp();
    other = await createApp(
      loadConfig(process.env),
      { url: process.env.TEST_DATABASE_URL ?? '', embedded: false },
      { logRequests: false, serveUi: false },
    );
    await other.init();
    await other.getHttpAdapter().getInstance().ready();
    admin = await t.login('admin');
    const units = await demoOrgUnits(t.dataSource);
    residentId = (await as(admin).post('/api/residents', residentInput(units.wingA))).body.id;
    const form = await as(admin).post('/api/forms', {
      key: 'hot-vitals',
      name: { 'zh-CN': '体征', en: 'Vitals' },
      schema: {
        type: 'object',
        properties: { pulse: { type: 'integer', minimum: 0 }, note: { type: 'string' } },
        required: ['pulse'],
      },
    });
    formId = form.body.id;
    expect((await as(admin).post(`/api/forms/${formId}/publish`)).status).toBe(201);
    const rule = await as(admin).post('/api/rules', {
      key: 'hot-low-pulse',
      name: { 'zh-CN': '脉搏连续偏低', en: 'Pulse low three times' },
      definition: {
        trigger: { type: 'record.saved', formKey: 'hot-vitals' },
        context: [{ name: 'recent', formKey: 'hot-vitals', days: 3, limit: 3 }],
        condition: { '<': [{ var: 'record.pulse' }, 0] },
        actions: [{ type: 'notify', to: { role: 'head-nurse' }, message: { 'zh-CN': '偏低', en: 'low' } }],
      },
    });
    expect(rule.status).toBe(201);
    expect((await as(admin).post('/api/processes', { xml: waitingProcess })).status).toBe(201);
  });
  afterAll(async () => {
    await other?.close();
    await t.close();
  });

  it('should store a record in 1 statement without a transaction when its form has a rule the record alone decides', async () => {
    // given a warm server (form, rules and versions read once)
    await as(admin).post('/api/records', { formKey: 'hot-vitals', residentId, data: { pulse: 70 } });

    // when a nurse submits the form
    const statements = await statementsOf(t.dataSource, () => submitted('hot-vitals', { pulse: 71 }));

    // then the rule (it reads only the record) was answered without reading the resident or its window, and the
    // insert with its revision (reading the resident in scope, and only while no later record of the resident and
    // form exists) is the one autocommit statement: no BEGIN, no COMMIT, no firing
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(
      /^WITH placed AS\b.*\bINSERT INTO record\b.*\bNOT EXISTS \(SELECT 1 FROM record o\b.*\bINSERT INTO record_revision\b/,
    );
    expect(statements.filter((sql) => /\bFROM "?rule"?\b/.test(sql))).toEqual([]);
    expect(statements.filter((sql) => /\bFROM "form"/.test(sql))).toEqual([]);
  });

  it('should stamp a submission as it is written, after its wait for a pooled connection', async () => {
    // given a warm server whose pooled connections are all busy for 400 ms
    await as(admin).post('/api/records', { formKey: 'hot-vitals', residentId, data: { pulse: 70 } });
    const arrived = Date.now();
    const busy = Promise.all(Array.from({ length: 20 }, () => t.dataSource.query('SELECT pg_sleep(0.4)')));

    // when a nurse submits meanwhile
    const response = await as(admin).post('/api/records', {
      formKey: 'hot-vitals',
      residentId,
      data: { pulse: 73 },
    });
    await busy;

    // then the record carries the time it was written (after the wait), as the one statement stored it
    expect(response.status).toBe(201);
    const createdAt = Date.parse((response.body as { createdAt: string }).createdAt);
    expect(createdAt - arrived).toBeGreaterThanOrEqual(300);
    const stored: { created_at: Date }[] = await t.dataSource.query(
      'SELECT created_at FROM record WHERE id = $1',
      [(response.body as { id: string }).id],
    );
    expect(stored[0]!.created_at.getTime()).toBe(createdAt);
  });

  it('should look for a later record among the resident’s own records in the plan every submission reuses', async () => {
    // given a submission's insert as the server sends it (a named prepared statement)
    const calls = await callsOf(t.dataSource, () => submitted('hot-vitals', { pulse: 72 }));
    const insert = calls.find((call) => /^WITH placed AS\b/.test(call.sql.trim()));
    expect(insert).toBeDefined();

    // when PostgreSQL plans it generically, as it plans a prepared statement from its sixth run on
    const plan = await planOf(insert!, 'generic');

    // then the "no later record" probe is bounded by the resident and the form in the index (not a walk of the form's
    // whole index with the resident filtered: that cost grew with every record of the form)
    const probes = nodesOf(plan).filter((node) => node['Relation Name'] === 'record' && node.Alias === 'o');
    expect(probes.map((node) => node['Index Name'])).toEqual(['record_resident_form_created_id_idx']);
    expect(probes[0]!['Index Cond']).toMatch(/resident_id = \$\d+\) AND \(form_id = \$\d+/);
  });

  it('should read a rule’s context window through the resident’s records of its form, newest first, whatever the plan', async () => {
    // given a form whose rule reads the resident's three newest records of it (the benchmark's rule hook), and the
    // read of that window as the server sends it for a submission the record alone does not decide (a low pulse)
    const form = await as(admin).post('/api/forms', {
      key: 'hot-window',
      name: { 'zh-CN': '体征窗口', en: 'Vitals window' },
      schema: { type: 'object', properties: { pulse: { type: 'integer' } }, required: ['pulse'] },
    });
    expect((await as(admin).post(`/api/forms/${(form.body as { id: string }).id}/publish`)).status).toBe(201);
    const rule = await as(admin).post('/api/rules', {
      key: 'hot-window-low',
      name: { 'zh-CN': '脉搏三次偏低', en: 'Pulse low three times in a row' },
      definition: {
        trigger: { type: 'record.saved', formKey: 'hot-window' },
        context: [{ name: 'recent', formKey: 'hot-window', days: 3, limit: 3 }],
        condition: {
          '>=': [{ consecutive: [{ var: 'context.recent' }, { '<': [{ var: 'pulse' }, 0] }] }, 3],
        },
        actions: [{ type: 'notify', to: { role: 'head-nurse' }, message: { 'zh-CN': '偏低', en: 'low' } }],
      },
    });
    expect(rule.status).toBe(201);
    const calls = await callsOf(t.dataSource, () => submitted('hot-window', { pulse: -1 }));
    const read = calls.find((call) => /\bLEFT JOIN LATERAL\b/.test(call.sql));
    expect(read).toBeDefined();

    // when PostgreSQL plans it, with its parameters and generically, then the window's records come from the
    // resident-and-form index, newest first and not sorted (a read of the form's index over the window, the resident
    // filtered and the rows sorted, grew with every record of the form: it was chosen with statistics taken while
    // the table was small)
    await expectOrderedRead(read!, 'record', 'record_resident_form_created_id_idx');
  });

  it('should complete a task in two statements without a transaction when nothing else joins the step', async () => {
    // given a warm server
    await as(admin).post(`/api/tasks/${await openTaskOf(await startWaiting())}/complete`, { data: {} });
    const taskId = await openTaskOf(await startWaiting());

    // when the task is completed
    const statements = await statementsOf(t.dataSource, async () => {
      const response = await as(admin).post(`/api/tasks/${taskId}/complete`, { data: {} });
      expect(response.status).toBe(200);
    });

    // then task, instance and scope are read without a lock, and the step's writes go out as one statement that
    // locks the instance, then the task, and writes only while both are as read; no BEGIN or COMMIT, no definition,
    // rule or calendar read
    const count = (pattern: RegExp) => statements.filter((sql) => pattern.test(sql)).length;
    expect(statements).toHaveLength(2);
    expect(statements[0]).toMatch(
      /^SELECT json_build_object\('task', row_to_json\(t\),.*\bFROM task t WHERE t\.id = \$1 AND t\.tenant_id = \$2$/,
    );
    expect(statements[0]).not.toMatch(/FOR UPDATE/);
    expect(statements[1]).toMatch(
      /^WITH g0 AS \(SELECT 1 FROM process_instance WHERE id = \$1 AND version = \$2 FOR UPDATE\), g1 AS \(SELECT 1 FROM task WHERE id = \$3 AND version = \$4 AND status = 'open'/,
    );
    expect(count(/^(BEGIN|START TRANSACTION|COMMIT)/)).toBe(0);
    expect(count(/process_definition/)).toBe(0);
    expect(count(/\bFROM "?rule"?\b/)).toBe(0);
    expect(count(/\bcalendar\b/)).toBe(0);
    expect(count(/incident/)).toBe(0);
  });

  it('should complete a task in a transaction with its rows locked when the step cannot go out at once', async () => {
    // given a warm server and a task with a form (its record is a second write)
    const withForm = waitingProcess
      .replace('id="hot-waiting" name="hot-waiting"', 'id="hot-form" name="hot-form"')
      .replace(
        '<bpmn:userTask id="work" name="Work" />',
        '<bpmn:userTask id="work" name="Work" camunda:formKey="hot-vitals" />',
      )
      .replace('xmlns:bpmn=', 'xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:bpmn=');
    expect((await as(admin).post('/api/processes', { xml: withForm })).status).toBe(201);
    const startForm = async () =>
      (
        (await as(admin).post('/api/processes/hot-form/instances', { variables: {}, residentId })).body as {
          id: string;
        }
      ).id;
    await as(admin).post(`/api/tasks/${await openTaskOf(await startForm())}/complete`, {
      data: { pulse: 70 },
    });
    const taskId = await openTaskOf(await startForm());

    // when the task is completed
    const statements = await statementsOf(t.dataSource, async () => {
      expect((await as(admin).post(`/api/tasks/${taskId}/complete`, { data: { pulse: 72 } })).status).toBe(
        200,
      );
    });

    // then, after the read that found the form, the completion runs in a transaction that locks instance and task
    const count = (pattern: RegExp) => statements.filter((sql) => pattern.test(sql)).length;
    expect(count(/^(BEGIN|START TRANSACTION)/)).toBe(1);
    expect(count(/FROM "?process_instance"? "?pi"?\b.* FOR UPDATE/)).toBe(1);
    expect(count(/^COMMIT/)).toBe(1);
    expect(count(/\bg0 AS\b/)).toBe(0);
  });

  it('should end an instance without sweeping rows its model cannot own', async () => {
    // given a warm server (an instance ended once: the rules of process.ended are cached) and an instance of the
    // plain model (no timer, due date, service task or message) at its last task
    const warm = await startWaiting();
    await as(admin).post(`/api/tasks/${await openTaskOf(warm)}/complete`, { data: {} });
    await as(admin).post(`/api/tasks/${await openTaskOf(warm)}/complete`, { data: {} });
    const instanceId = await startWaiting();
    await as(admin).post(`/api/tasks/${await openTaskOf(instanceId)}/complete`, { data: {} });
    const taskId = await openTaskOf(instanceId);

    // when the last task is completed
    const statements = await statementsOf(t.dataSource, async () => {
      expect((await as(admin).post(`/api/tasks/${taskId}/complete`, { data: { ok: true } })).status).toBe(
        200,
      );
    });

    // then state, task and history go out in one statement without the end's deletes, and the instance ended
    const writes = statements.filter((sql) => /UPDATE process_instance/.test(sql));
    expect(writes).toHaveLength(1);
    expect(writes[0]).not.toMatch(/DELETE FROM (job|message_subscription)/);
    expect(writes[0]).toMatch(/UPDATE task SET assignee = \$\d+, status = \$\d+/);
    expect(writes[0]).not.toMatch(/variables =/);
    expect(statements).toHaveLength(2);
    const [row] = await t.dataSource.query(
      `SELECT i.status, t.status AS task_status, t.outcome FROM process_instance i JOIN task t ON t.instance_id = i.id
       WHERE t.id = $1`,
      [taskId],
    );
    expect(row).toEqual({ status: 'completed', task_status: 'completed', outcome: { ok: true } });
  });

  it('should delete the pending due job of a task when its instance ends', async () => {
    // given a model whose only task is due in a day (its task-due job stays pending after the completion)
    const dueEnd = waitingProcess
      .replace('id="hot-waiting" name="hot-waiting"', 'id="hot-due-end" name="hot-due-end"')
      .replace(
        '<bpmn:userTask id="next" name="Next" />',
        '<bpmn:userTask id="next" name="Next" camunda:dueDate="P1D" />',
      )
      .replace('xmlns:bpmn=', 'xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:bpmn=');
    expect((await as(admin).post('/api/processes', { xml: dueEnd })).status).toBe(201);
    const started = await as(admin).post('/api/processes/hot-due-end/instances', {
      variables: {},
      residentId,
    });
    const instanceId = (started.body as { id: string }).id;
    await as(admin).post(`/api/tasks/${await openTaskOf(instanceId)}/complete`, { data: {} });
    const pending = () =>
      t.dataSource.query(`SELECT type FROM job WHERE instance_id = $1 AND status = 'pending'`, [instanceId]);
    expect(await pending()).toEqual([{ type: 'task-due' }]);

    // when its due task is completed and the instance ends
    expect(
      (await as(admin).post(`/api/tasks/${await openTaskOf(instanceId)}/complete`, { data: {} })).status,
    ).toBe(200);

    // then the end's sweep removed the job
    expect(await pending()).toEqual([]);
  });

  it('should start an instance in 2 statements without a transaction', async () => {
    await startWaiting();
    const statements = await statementsOf(t.dataSource, startWaiting);
    // resident scope, then instance + task + history in one statement (no timers: no calendar; the session is
    // cached; a new instance cannot conflict, so the one statement needs no transaction around it)
    expect(statements).toHaveLength(2);
    expect(statements[1]).toMatch(/^WITH w0 AS \(INSERT INTO process_instance\b/);
  });

  it('should list an instance’s tasks through its own index, in order, whatever the plan', async () => {
    // given an instance's task list as the server sends it (the call integrators make after each start and step)
    const instanceId = await startWaiting();
    const calls = await callsOf(t.dataSource, async () => {
      const response = await as(admin).get(`/api/tasks?processInstanceId=${instanceId}`);
      expect(response.status).toBe(200);
    });
    const listing = calls.find((call) => /\bFROM task t\b.*\bt\.instance_id = \$\d+/s.test(call.sql));
    expect(listing).toBeDefined();

    // when PostgreSQL plans it, with its parameters and generically, then the tasks come from the instance's index
    // in the list's order, not sorted (a read of the tenant's tasks with the instance filtered grew with every task
    // of the home)
    await expectOrderedRead(listing!, 'task', 'task_instance_created_id_idx');
  });

  it('should fire a batch of due timers in one transaction, claimed in one statement', async () => {
    // given two instances waiting at a timer that is due (and one fired before: the definition is read once)
    const timerModel = waitingProcess
      .replace('id="hot-waiting" name="hot-waiting"', 'id="hot-timer" name="hot-timer"')
      .replace(
        '<bpmn:userTask id="work" name="Work" />',
        '<bpmn:intermediateCatchEvent id="work"><bpmn:timerEventDefinition><bpmn:timeDuration>PT0S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>',
      );
    expect((await as(admin).post('/api/processes', { xml: timerModel })).status).toBe(201);
    const start = async () => {
      const started = await as(admin).post('/api/processes/hot-timer/instances', {
        variables: {},
        residentId,
      });
      expect(started.status).toBe(201);
      return (started.body as { id: string }).id;
    };
    const runner = t.app.get(JobRunnerService);
    await start();
    await runner.runUntilIdle();
    const ids = [await start(), await start()];

    // when the job runner takes them in one batch
    let claimed = 0;
    const statements = await statementsOf(t.dataSource, async () => {
      claimed = await runner.runBatch(16);
    });

    // then one transaction: the claim (which marks them done), both instances locked at once, then per timer a
    // savepoint, the resident's calendar (the model has a timer) and the step's writes in one statement
    expect(claimed).toBe(2);
    const shapes = statements.map((sql) =>
      /^START TRANSACTION|^COMMIT|^SAVEPOINT|^RELEASE SAVEPOINT/.test(sql)
        ? sql.split(' ').slice(0, 2).join(' ')
        : /claim_due_jobs/.test(sql)
          ? 'claim'
          : /^SELECT .* FROM process_instance WHERE id = ANY\(\$1::uuid\[\]\) ORDER BY id FOR UPDATE$/.test(
                sql,
              )
            ? 'lock both'
            : /^WITH chain AS/.test(sql)
              ? 'calendar'
              : /^WITH w0 AS \(UPDATE process_instance\b/.test(sql)
                ? 'step'
                : sql.slice(0, 60),
    );
    const one = ['SAVEPOINT job_apply', 'calendar', 'step'];
    expect(shapes).toEqual(['START TRANSACTION', 'claim', 'lock both', ...one, ...one, 'COMMIT']);
    for (const id of ids) {
      const tasks = await as(admin).get(`/api/tasks?processInstanceId=${id}`);
      expect((tasks.body as { elementId: string }[]).map((task) => task.elementId)).toEqual(['next']);
    }
    const jobs: { status: string; attempts: number }[] = await t.dataSource.query(
      `SELECT status, attempts FROM job WHERE instance_id = ANY($1)`,
      [ids],
    );
    expect(jobs).toEqual([
      { status: 'done', attempts: 1 },
      { status: 'done', attempts: 1 },
    ]);
  });

  it('should fire a rule another server enabled and stop when it is disabled there', async () => {
    // given the other server has read this form's rules (none fires for a pulse of 250)
    const on = await as(admin, 'other').post('/api/records', {
      formKey: 'hot-vitals',
      residentId,
      data: { pulse: 250 },
    });
    expect(on.status).toBe(201);

    // when the first server adds a rule for high pulses
    const rule = await as(admin).post('/api/rules', {
      key: 'hot-high-pulse',
      name: { 'zh-CN': '脉搏过高', en: 'Pulse high' },
      definition: {
        trigger: { type: 'record.saved', formKey: 'hot-vitals' },
        context: [],
        condition: { '>': [{ var: 'record.pulse' }, 200] },
        actions: [{ type: 'notify', to: { role: 'head-nurse' }, message: { 'zh-CN': '过高', en: 'high' } }],
      },
    });
    expect(rule.status).toBe(201);
    const ruleId = (rule.body as { id: string }).id;

    // then a submission on the other server fires it (once its notification arrived)
    await eventually(async () => {
      const before = await firingsOf(ruleId);
      await as(admin, 'other').post('/api/records', {
        formKey: 'hot-vitals',
        residentId,
        data: { pulse: 250 },
      });
      expect(await firingsOf(ruleId)).toBe(before + 1);
    });

    // and once the first server disables it, the other server stops firing it
    expect((await as(admin).post(`/api/rules/${ruleId}/disable`)).status).toBe(200);
    await eventually(async () => {
      const before = await firingsOf(ruleId);
      await as(admin, 'other').post('/api/records', {
        formKey: 'hot-vitals',
        residentId,
        data: { pulse: 250 },
      });
      expect(await firingsOf(ruleId)).toBe(before);
    });
  });

  it('should fill a form with the version another server published last', async () => {
    // given the other server has filled version 1
    const first = await as(admin, 'other').post('/api/records', {
      formKey: 'hot-vitals',
      data: { pulse: 60 },
    });
    expect(first.body).toMatchObject({ formVersion: 1 });

    // when the first server publishes a version 2 that needs a note
    const draft = await as(admin).get(`/api/forms/${formId}`);
    const changed = await as(admin).put(`/api/forms/${formId}/draft`, {
      version: (draft.body as { version: number }).version,
      schema: {
        type: 'object',
        properties: { pulse: { type: 'integer', minimum: 0 }, note: { type: 'string' } },
        required: ['pulse', 'note'],
      },
    });
    expect(changed.status).toBe(200);
    expect((await as(admin).post(`/api/forms/${formId}/publish`)).status).toBe(201);

    // then the other server refuses a record without it, and files one with it under version 2
    await eventually(async () => {
      const refused = await as(admin, 'other').post('/api/records', {
        formKey: 'hot-vitals',
        data: { pulse: 61 },
      });
      expect(refused.status).toBe(400);
    });
    const filed = await as(admin, 'other').post('/api/records', {
      formKey: 'hot-vitals',
      data: { pulse: 61, note: '安静' },
    });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ formVersion: 2 });
  });

  it('should read the calendar once per completion when the model has a due date, and write the step in one statement', async () => {
    // given a model whose next task is due in three working days
    const dueProcess = waitingProcess
      .replace('id="hot-waiting" name="hot-waiting"', 'id="hot-due" name="hot-due"')
      .replace(
        '<bpmn:userTask id="next" name="Next" />',
        '<bpmn:userTask id="next" name="Next" camunda:dueDate="P3WD" />',
      )
      .replace('xmlns:bpmn=', 'xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:bpmn=');
    expect((await as(admin).post('/api/processes', { xml: dueProcess })).status).toBe(201);
    const startDue = () => as(admin).post('/api/processes/hot-due/instances', { variables: {}, residentId });
    // (a warm server: the calendar's content is cached after its first use)
    const warm = ((await startDue()).body as { id: string }).id;
    await as(admin).post(`/api/tasks/${await openTaskOf(warm)}/complete`, { data: {} });
    const started = await startDue();
    expect(started.status).toBe(201);
    const instanceId = (started.body as { id: string }).id;
    const taskId = await openTaskOf(instanceId);

    // when its first task is completed
    const statements = await statementsOf(t.dataSource, async () => {
      expect((await as(admin).post(`/api/tasks/${taskId}/complete`, { data: {} })).status).toBe(200);
    });

    // then the calendar is read once, and state, next task, its due job and history go out in one statement
    expect(statements.filter((sql) => /\bcalendar\b/.test(sql))).toHaveLength(1);
    const writes = statements.filter((sql) => /UPDATE process_instance/.test(sql));
    expect(writes).toHaveLength(1);
    for (const table of ['task', 'job', 'process_history']) {
      expect(writes[0]).toContain(`INSERT INTO ${table} `);
    }
    const jobs = await t.dataSource.query(
      `SELECT type FROM job WHERE instance_id = $1 AND status = 'pending'`,
      [instanceId],
    );
    expect(jobs).toEqual([{ type: 'task-due' }]);
    const next = await openTaskOf(instanceId);
    const history = await as(admin).get(`/api/process-instances/${instanceId}`);
    const completed = (history.body as { history: { event: string; details: unknown }[] }).history.find(
      (h) => h.event === 'completed',
    );
    expect(completed?.details).toMatchObject({ taskId, nextTaskIds: [next] });
  });

  it('should cancel a task the same step created when a parallel branch terminates the instance', async () => {
    // given a model whose start forks into a user task and a terminate end event
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="defs" targetNamespace="http://careloom.dev/test">
  <bpmn:process id="hot-terminate" name="hot-terminate" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:parallelGateway id="fork" />
    <bpmn:userTask id="work" name="Work" />
    <bpmn:endEvent id="stop"><bpmn:terminateEventDefinition /></bpmn:endEvent>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
    <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="work" />
    <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="stop" />
    <bpmn:sequenceFlow id="f4" sourceRef="work" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;
    expect((await as(admin).post('/api/processes', { xml })).status).toBe(201);

    // when an instance starts
    const started = await as(admin).post('/api/processes/hot-terminate/instances', { variables: {} });
    expect(started.status).toBe(201);
    const instanceId = (started.body as { id: string }).id;

    // then it has ended and left no open task behind
    const instance = await as(admin).get(`/api/process-instances/${instanceId}`);
    expect(instance.body).toMatchObject({ status: 'completed' });
    const tasks = await t.dataSource.query('SELECT status FROM task WHERE instance_id = $1', [instanceId]);
    expect(tasks.filter((task: { status: string }) => task.status === 'open')).toEqual([]);
  });
});
