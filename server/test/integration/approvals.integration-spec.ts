import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bpmnDocument } from '../factories/bpmn.factory.js';
import { demoOrgUnits, residentInput } from '../factories/resident.factory.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

type Task = {
  id: string;
  elementId: string;
  status: string;
  assignee: string | null;
  owner: string | null;
  draft: Record<string, unknown> | null;
  variables: Record<string, unknown>;
  allowedActions: string[];
};
type HistoryItem = {
  event: string;
  elementId: string;
  actor: string | null;
  reason: string | null;
  details: Record<string, unknown> | null;
};

const flow = (id: string, from: string, to: string) =>
  `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;

/** assess (nurse.a) → review (nurse.b) → approve (doctor): a care-plan approval chain. */
const chain = (key: string) =>
  bpmnDocument(
    key,
    `<bpmn:startEvent id="start" />
    <bpmn:userTask id="assess" name="评估" camunda:assignee="nurse.a" />
    <bpmn:userTask id="review" name="复核" camunda:assignee="nurse.b" />
    <bpmn:userTask id="approve" name="审批" camunda:assignee="doctor" />
    <bpmn:endEvent id="end" />
    ${flow('f1', 'start', 'assess')}${flow('f2', 'assess', 'review')}${flow('f3', 'review', 'approve')}${flow('f4', 'approve', 'end')}`,
  );

/** A parallel countersign of `${signers}` by a percentage, then a follow-up task. */
const countersign = (key: string, mode: string) =>
  bpmnDocument(
    key,
    `<bpmn:startEvent id="start" />
    <bpmn:userTask id="sign" name="会签" camunda:assignee="\${signer}">
      <bpmn:multiInstanceLoopCharacteristics camunda:collection="\${signers}" camunda:elementVariable="signer" careloom:countersign="${mode}" />
    </bpmn:userTask>
    <bpmn:userTask id="after" name="执行" camunda:assignee="headnurse" />
    <bpmn:endEvent id="end" />
    ${flow('f1', 'start', 'sign')}${flow('f2', 'sign', 'after')}${flow('f3', 'after', 'end')}`,
  );

describe('approvals', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};

  const as = (user: string) => ({
    get: (url: string) =>
      t
        .http()
        .get(url)
        .set('authorization', `Bearer ${tokens[user] ?? ''}`),
    post: (url: string, body: object = {}) =>
      t
        .http()
        .post(url)
        .set('authorization', `Bearer ${tokens[user] ?? ''}`)
        .send(body),
  });

  const start = async (key: string, body: object = {}): Promise<string> => {
    const response = await as('admin').post(`/api/processes/${key}/instances`, body);
    expect(response.status).toBe(201);
    return response.body.id as string;
  };

  const tasksOf = async (instanceId: string): Promise<Task[]> =>
    (await as('admin').get(`/api/tasks?processInstanceId=${instanceId}`)).body as Task[];

  const openTask = async (instanceId: string, elementId: string, assignee?: string): Promise<Task> => {
    const open = (await tasksOf(instanceId)).filter(
      (task) =>
        task.status === 'open' &&
        task.elementId === elementId &&
        (assignee === undefined || task.assignee === assignee),
    );
    expect(open).toHaveLength(1);
    return open[0]!;
  };

  const complete = async (user: string, task: Task, data: object = {}) => {
    const response = await as(user).post(`/api/tasks/${task.id}/complete`, { data });
    expect(response.status).toBe(200);
  };

  const historyOf = async (instanceId: string): Promise<HistoryItem[]> => {
    const response = await as('admin').get(`/api/process-instances/${instanceId}`);
    expect(response.status).toBe(200);
    return response.body.history as HistoryItem[];
  };

  beforeAll(async () => {
    t = await startTestApp();
    for (const user of ['admin', 'headnurse', 'nurse.a', 'nurse.b', 'doctor', 'steward']) {
      tokens[user] = await t.login(user);
    }
    for (const xml of [chain('care-plan'), countersign('plan-vote', 'percent:60')]) {
      const deployed = await t
        .http()
        .post('/api/processes')
        .set('authorization', `Bearer ${tokens['admin'] ?? ''}`)
        .set('content-type', 'application/xml')
        .send(xml);
      expect(deployed.status).toBe(201);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('should transfer a task for its holder or a head nurse, refuse anyone else, and notify the new holder', async () => {
    // given the assessment held by nurse.a
    const id = await start('care-plan');
    const task = await openTask(id, 'assess');
    expect(task.allowedActions).toEqual(['transfer', 'cc']); // the admin's view
    expect((await as('nurse.a').get(`/api/tasks/${task.id}`)).body.allowedActions).toEqual([
      'transfer',
      'delegate',
      'send-back',
      'cc',
    ]);

    // when nurse.b (not the holder) tries, and nurse.a names nobody real
    const refused = await as('nurse.b').post(`/api/tasks/${task.id}/transfer`, { toUserId: 'steward' });
    const unknown = await as('nurse.a').post(`/api/tasks/${task.id}/transfer`, { toUserId: 'nobody' });

    // then 403 and 400 pointing at the field
    expect(refused.status).toBe(403);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].path).toBe('/toUserId');

    // when nurse.a transfers it to the steward, and the head nurse moves it on to nurse.b
    const moved = await as('nurse.a').post(`/api/tasks/${task.id}/transfer`, {
      toUserId: 'steward',
      reason: '夜班交接',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.assignee).toBe('steward');
    const byHead = await as('headnurse').post(`/api/tasks/${task.id}/transfer`, { toUserId: 'nurse.b' });
    expect(byHead.status).toBe(200);

    // then the holder changed twice, the history says who and why, and the steward was told
    expect(byHead.body.assignee).toBe('nurse.b');
    const moves = (await historyOf(id)).filter((h) => h.event === 'transferred');
    expect(moves).toEqual([
      expect.objectContaining({
        actor: 'nurse.a',
        reason: '夜班交接',
        details: expect.objectContaining({ to: 'steward' }),
      }),
      expect.objectContaining({
        actor: 'headnurse',
        details: expect.objectContaining({ from: 'steward', to: 'nurse.b' }),
      }),
    ]);
    const notes = (await as('steward').get('/api/notifications')).body as {
      payload: Record<string, unknown>;
    }[];
    expect(notes.some((n) => n.payload['taskId'] === task.id)).toBe(true);
  });

  it('should delegate a task and get it back with the delegate’s answer as the draft', async () => {
    // given nurse.a delegates the assessment to nurse.b
    const id = await start('care-plan');
    const task = await openTask(id, 'assess');
    const delegated = await as('nurse.a').post(`/api/tasks/${task.id}/delegate`, {
      toUserId: 'nurse.b',
      reason: '请协助评估',
    });
    expect(delegated.status).toBe(200);
    expect(delegated.body).toMatchObject({ assignee: 'nurse.b', owner: 'nurse.a', allowedActions: [] });

    // when the delegate tries to complete it, then resolves it with an answer
    const completing = await as('nurse.b').post(`/api/tasks/${task.id}/complete`, { data: { score: 5 } });
    const notYours = await as('nurse.a').post(`/api/tasks/${task.id}/resolve`, { data: {} });
    const resolved = await as('nurse.b').post(`/api/tasks/${task.id}/resolve`, { data: { score: 5 } });

    // then completing is refused (409), only the delegate resolves (403 otherwise), and nurse.a has it back
    expect(completing.status).toBe(409);
    expect(notYours.status).toBe(403);
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ assignee: 'nurse.a', owner: null, draft: { score: 5 } });
    await complete('nurse.a', task, { score: 6 });
    expect((await openTask(id, 'review')).assignee).toBe('nurse.b');
    const events = (await historyOf(id)).filter((h) => h.actor !== null).map((h) => [h.event, h.actor]);
    expect(events).toEqual([
      ['delegated', 'nurse.a'],
      ['resolved', 'nurse.b'],
      ['completed', 'nurse.a'],
    ]);
  });

  it('should send a task back to an earlier step, which reopens for its holder with its data', async () => {
    // given assess and review done, approve open at the doctor
    const id = await start('care-plan');
    await complete('nurse.a', await openTask(id, 'assess'), { score: 40, plan: '每日两次巡视' });
    await complete('nurse.b', await openTask(id, 'review'), { score: 45, note: '同意' });
    const approve = await openTask(id, 'approve');

    // when someone else tries, the doctor names a step that is not earlier, or gives no reason
    const notYours = await as('nurse.a').post(`/api/tasks/${approve.id}/send-back`, { reason: 'x' });
    const notEarlier = await as('doctor').post(`/api/tasks/${approve.id}/send-back`, {
      toElementId: 'approve',
      reason: '重新评估',
    });
    const noReason = await as('doctor').post(`/api/tasks/${approve.id}/send-back`, { toElementId: 'assess' });

    // then 403, 400 naming the element (and the earlier ones), 400 on the reason
    expect(notYours.status).toBe(403);
    expect(notEarlier.status).toBe(400);
    expect(notEarlier.body.errors[0]).toMatchObject({ path: '/toElementId' });
    expect(notEarlier.body.errors[0].message).toContain('approve');
    expect(notEarlier.body.errors[0].message).toContain('assess');
    expect(noReason.status).toBe(400);

    // when the doctor sends it back to the assessment
    const sent = await as('doctor').post(`/api/tasks/${approve.id}/send-back`, {
      toElementId: 'assess',
      reason: '评分与复核不一致，请重新评估',
    });

    // then the assessment is open again for nurse.a with her last submission, approve is cancelled
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({
      elementId: 'assess',
      assignee: 'nurse.a',
      status: 'open',
      draft: { score: 40, plan: '每日两次巡视' },
      variables: expect.objectContaining({ score: 40, plan: '每日两次巡视' }),
    });
    expect((await tasksOf(id)).find((x) => x.id === approve.id)?.status).toBe('cancelled');
    const instance = (await as('admin').get(`/api/process-instances/${id}`)).body as {
      activeElementIds: string[];
      history: HistoryItem[];
    };
    expect(instance.activeElementIds).toEqual(['assess']);
    expect(instance.history.find((h) => h.event === 'sent-back')).toMatchObject({
      elementId: 'approve',
      actor: 'doctor',
      reason: '评分与复核不一致，请重新评估',
      details: expect.objectContaining({ toElementId: 'assess' }),
    });

    // and without a target it goes to the previous step
    await complete('nurse.a', sent.body as Task, { score: 42 });
    const back = await as('nurse.b').post(`/api/tasks/${(await openTask(id, 'review')).id}/send-back`, {
      reason: '请补充',
    });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ elementId: 'assess', draft: { score: 42 } });
  });

  it('should withdraw a submission while the next step is untouched, and refuse with 409 once it was acted on', async () => {
    // given nurse.a completed the assessment
    const id = await start('care-plan');
    const assess = await openTask(id, 'assess');
    await complete('nurse.a', assess, { score: 30 });
    const review = await openTask(id, 'review');

    // then it is on her done list (where she starts a withdraw), and not on nurse.b's
    const doneA = await as('nurse.a').get('/api/tasks?done=true');
    const doneB = await as('nurse.b').get('/api/tasks?done=true');
    expect((doneA.body as Task[])[0]).toMatchObject({ id: assess.id, status: 'completed' });
    expect((doneB.body as Task[]).map((x) => x.id)).not.toContain(assess.id);

    // when someone else withdraws it, then nurse.a does
    const notYours = await as('nurse.b').post(`/api/tasks/${assess.id}/withdraw`, { reason: '填错了' });
    const withdrawn = await as('nurse.a').post(`/api/tasks/${assess.id}/withdraw`, { reason: '填错了' });

    // then 403, then the assessment is hers again with her data and the review is cancelled
    expect(notYours.status).toBe(403);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ elementId: 'assess', assignee: 'nurse.a', draft: { score: 30 } });
    expect((await tasksOf(id)).find((x) => x.id === review.id)?.status).toBe('cancelled');
    expect((await historyOf(id)).find((h) => h.event === 'withdrawn')).toMatchObject({
      actor: 'nurse.a',
      reason: '填错了',
      elementId: 'assess',
    });

    // when she completes it again and nurse.b acts on the review (transfers it) before she withdraws
    const again = withdrawn.body as Task;
    await complete('nurse.a', again, { score: 35 });
    const review2 = await openTask(id, 'review');
    expect(
      (await as('nurse.b').post(`/api/tasks/${review2.id}/transfer`, { toUserId: 'steward' })).status,
    ).toBe(200);
    const late = await as('nurse.a').post(`/api/tasks/${again.id}/withdraw`, { reason: '还想改' });

    // then 409 with who to ask, and nothing moved
    expect(late.status).toBe(409);
    expect(late.body.detail).toContain('steward');
    expect((await openTask(id, 'review')).id).toBe(review2.id);
  });

  it('should complete a percentage countersign with a signer added mid-way by the rule', async () => {
    // given a 60 % countersign of nurse.a, nurse.b and the doctor; nurse.a approves
    const id = await start('plan-vote', { variables: { signers: ['nurse.a', 'nurse.b', 'doctor'] } });
    await complete('nurse.a', await openTask(id, 'sign', 'nurse.a'), { approved: true });
    const nurseB = await openTask(id, 'sign', 'nurse.b');
    expect((await as('nurse.b').get(`/api/tasks/${nurseB.id}`)).body.allowedActions).toContain('add-signer');

    // when someone else adds a signer to nurse.b's task, then nurse.b adds the steward
    const notYours = await as('doctor').post(`/api/tasks/${nurseB.id}/add-signer`, {
      userId: 'steward',
      position: 'after',
    });
    const badPosition = await as('nurse.b').post(`/api/tasks/${nurseB.id}/add-signer`, {
      userId: 'steward',
      position: 'sideways',
    });
    const added = await as('nurse.b').post(`/api/tasks/${nurseB.id}/add-signer`, {
      userId: 'steward',
      position: 'after',
      reason: '需要管家意见',
    });

    // then 403, 400, then the steward has a task too: four signers, 60 % = 3 approvals
    expect(notYours.status).toBe(403);
    expect(badPosition.status).toBe(400);
    expect(added.status).toBe(200);
    const steward = await openTask(id, 'sign', 'steward');
    await complete('doctor', await openTask(id, 'sign', 'doctor'), { approved: true });
    expect((await tasksOf(id)).filter((x) => x.elementId === 'after')).toEqual([]);
    await complete('steward', steward, { approved: true });

    // and 3 of 4 approvals end it: nurse.b's vote is no longer needed
    expect((await tasksOf(id)).find((x) => x.id === nurseB.id)?.status).toBe('cancelled');
    const instance = (await as('admin').get(`/api/process-instances/${id}`)).body as {
      variables: Record<string, unknown>;
      history: HistoryItem[];
    };
    expect(instance.variables['approved']).toBe(true);
    expect(await openTask(id, 'after')).toMatchObject({ assignee: 'headnurse' });
    expect(instance.history.find((h) => h.event === 'signer-added')).toMatchObject({
      actor: 'nurse.b',
      reason: '需要管家意见',
      details: expect.objectContaining({ signer: 'steward', position: 'after' }),
    });
  });

  it('should refuse to add a signer to a task that is not a countersign', async () => {
    const id = await start('care-plan');
    const task = await openTask(id, 'assess');
    const response = await as('nurse.a').post(`/api/tasks/${task.id}/add-signer`, {
      userId: 'nurse.b',
      position: 'before',
    });
    expect(response.status).toBe(409);
  });

  it('should copy an instance to people and roles, who are notified and may read it', async () => {
    // given an instance about a resident of wing A that nurse.b (wing B) cannot see
    const units = await demoOrgUnits(t.dataSource);
    const resident = (await as('admin').post('/api/residents', residentInput(units.wingA))).body.id as string;
    const id = await start('care-plan', { residentId: resident });
    const task = await openTask(id, 'assess');
    expect((await as('nurse.b').get(`/api/process-instances/${id}`)).status).toBe(404);

    // when nurse.a copies it without anyone, to an unknown role, then to nurse.b and the doctors
    const empty = await as('nurse.a').post(`/api/tasks/${task.id}/cc`, { note: 'x' });
    const badRole = await as('nurse.a').post(`/api/tasks/${task.id}/cc`, { roles: ['wizard'] });
    const families = await as('nurse.a').post(`/api/tasks/${task.id}/cc`, { roles: ['doctor', 'family'] });
    const familyMember = await as('nurse.a').post(`/api/tasks/${task.id}/cc`, { userIds: ['family.liu'] });
    const copied = await as('nurse.a').post(`/api/tasks/${task.id}/cc`, {
      userIds: ['nurse.b'],
      roles: ['doctor'],
      note: '请知悉评估安排',
    });

    // then 400s on the fields, then nurse.b may read the instance and both were notified
    expect(empty.status).toBe(400);
    expect(badRole.body.errors[0].path).toBe('/roles/0');
    // (not to every family account of the home, nor to one: instances are for staff)
    expect(families.status).toBe(400);
    expect(families.body.errors).toEqual([
      { path: '/roles/1', message: expect.stringContaining('家属端') as unknown },
    ]);
    expect(familyMember.status).toBe(400);
    expect(familyMember.body.errors[0].path).toBe('/userIds/0');
    expect(copied.status).toBe(200);
    expect(copied.body).toEqual({ users: ['nurse.b'], roles: ['doctor'] });
    expect((await as('nurse.b').get(`/api/process-instances/${id}`)).status).toBe(200);
    for (const user of ['nurse.b', 'doctor']) {
      const notes = (await as(user).get('/api/notifications')).body as { payload: Record<string, unknown> }[];
      expect(notes.some((n) => n.payload['type'] === 'task.copied' && n.payload['taskId'] === task.id)).toBe(
        true,
      );
    }
    expect((await historyOf(id)).find((h) => h.event === 'copied')).toMatchObject({
      actor: 'nurse.a',
      reason: '请知悉评估安排',
    });
    // and the audit chain has every move
    const audit = (await as('admin').get('/api/audit-events?entityType=task')).body as {
      items: { action: string }[];
    };
    expect(audit.items.map((item) => item.action)).toEqual(
      expect.arrayContaining(['task.copied', 'task.transferred']),
    );
  });
});
