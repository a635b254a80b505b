import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bpmnDocument } from '../factories/bpmn.factory.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

type Task = {
  id: string;
  elementId: string;
  status: string;
  variables: Record<string, unknown>;
  draft: Record<string, unknown> | null;
};

const FORM_KEY = 'expense-claim';

const flow = (id: string, from: string, to: string) =>
  `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;

const attribute = (rights: object) => JSON.stringify(rights).replace(/"/g, '&quot;');

/** fill (nurse.a) → approve (doctor) on one form; the approval sees amount read-only, internalNote hidden. */
const claim = (key: string, rights: object) =>
  bpmnDocument(
    key,
    `<bpmn:startEvent id="start" />
    <bpmn:userTask id="fill" name="填写报销单" camunda:assignee="nurse.a" camunda:formKey="careloom:form:${FORM_KEY}" />
    <bpmn:userTask id="approve" name="主任审批" camunda:assignee="doctor" camunda:formKey="careloom:form:${FORM_KEY}"
      careloom:fieldRights="${attribute(rights)}" />
    <bpmn:endEvent id="end" />
    ${flow('f1', 'start', 'fill')}${flow('f2', 'fill', 'approve')}${flow('f3', 'approve', 'end')}`,
  );

const RIGHTS = { amount: 'readonly', internalNote: 'hidden', decision: 'required' };

describe('field rights', () => {
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

  const deploy = (xml: string) =>
    t
      .http()
      .post('/api/processes')
      .set('authorization', `Bearer ${tokens['admin'] ?? ''}`)
      .set('content-type', 'application/xml')
      .send(xml);

  const openTask = async (instanceId: string, elementId: string): Promise<Task> => {
    const tasks = (await as('admin').get(`/api/tasks?processInstanceId=${instanceId}`)).body as Task[];
    const open = tasks.filter((task) => task.status === 'open' && task.elementId === elementId);
    expect(open).toHaveLength(1);
    return open[0]!;
  };

  const recordsOfForm = async (): Promise<Record<string, unknown>[]> => {
    const response = await as('admin').get(`/api/records?formKey=${FORM_KEY}&pageSize=200`);
    expect(response.status).toBe(200);
    return (response.body.items as { data: Record<string, unknown> }[]).map((record) => record.data);
  };

  /** A claim filled by nurse.a (amount 120, a private note): returns the approval task the doctor holds. */
  const filledClaim = async (): Promise<Task> => {
    const started = await as('admin').post('/api/processes/expense-approval/instances', {});
    expect(started.status).toBe(201);
    const fill = await openTask(started.body.id as string, 'fill');
    const filled = await as('nurse.a').post(`/api/tasks/${fill.id}/complete`, {
      data: { amount: 120, internalNote: '家属已口头同意' },
    });
    expect(filled.status).toBe(200);
    return openTask(started.body.id as string, 'approve');
  };

  beforeAll(async () => {
    t = await startTestApp();
    for (const user of ['admin', 'nurse.a', 'nurse.b', 'doctor']) {
      tokens[user] = await t.login(user);
    }
    const form = await as('admin').post('/api/forms', {
      key: FORM_KEY,
      name: { 'zh-CN': '报销单', en: 'Expense claim' },
      schema: {
        type: 'object',
        properties: {
          amount: { type: 'number', title: '金额' },
          internalNote: { type: 'string', title: '内部备注' },
          decision: { type: 'string', title: '审批意见', enum: ['approve', 'reject'] },
        },
        required: ['amount'],
      },
    });
    expect(form.status).toBe(201);
    expect((await as('admin').post(`/api/forms/${form.body.id}/publish`)).status).toBe(201);
    expect((await deploy(claim('expense-approval', RIGHTS))).status).toBe(201);
  });
  afterAll(async () => {
    await t.close();
  });

  it('should send the second step its form without the hidden field and with amount read-only', async () => {
    // given a claim filled by nurse.a
    const approve = await filledClaim();

    // when the doctor opens the approval
    const task = await as('doctor').get(`/api/tasks/${approve.id}`);
    const form = await as('doctor').get(`/api/tasks/${approve.id}/form`);

    // then the hidden note is in neither the task's data nor the form's data or schema
    expect(task.status).toBe(200);
    expect(task.body.variables).toMatchObject({ amount: 120 });
    expect(task.body.variables).not.toHaveProperty('internalNote');
    expect(approve.variables).not.toHaveProperty('internalNote'); // the list too
    expect(form.status).toBe(200);
    expect(form.body.data).toEqual({ amount: 120 });
    expect(form.body.schema.properties).not.toHaveProperty('internalNote');
    expect(JSON.stringify(form.body)).not.toContain('家属已口头同意');
    expect(form.body.uiSchema).toMatchObject({ amount: { 'ui:readonly': true } });
    expect(form.body.schema.required).toEqual(expect.arrayContaining(['amount', 'decision']));
    expect(form.body.fieldRights).toEqual({ '/amount': 'readonly', '/decision': 'required' });
  });

  it('should refuse a crafted completion that changes a read-only field and store nothing', async () => {
    // given the approval step and the records so far
    const approve = await filledClaim();
    const before = await recordsOfForm();

    // when a crafted request raises the amount
    const response = await as('doctor').post(`/api/tasks/${approve.id}/complete`, {
      data: { amount: 9999, decision: 'approve' },
    });

    // then 400 pointing at /data/amount, the task stays open and no record is added
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { path: '/data/amount', message: '此字段在本环节为只读，不能修改。' },
    ]);
    expect((await as('doctor').get(`/api/tasks/${approve.id}`)).body.status).toBe('open');
    expect(await recordsOfForm()).toHaveLength(before.length);
  });

  it('should refuse a crafted completion that sets a hidden field, in the caller language', async () => {
    // given the approval step
    const approve = await filledClaim();

    // when a crafted request overwrites the hidden note
    const response = await t
      .http()
      .post(`/api/tasks/${approve.id}/complete`)
      .set('authorization', `Bearer ${tokens['doctor'] ?? ''}`)
      .set('accept-language', 'en')
      .send({ data: { amount: 120, internalNote: 'changed', decision: 'approve' } });

    // then 400 pointing at /data/internalNote
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { path: '/data/internalNote', message: 'This field is not part of this step and cannot be set.' },
    ]);
  });

  it('should require decision at this step', async () => {
    // given the approval step
    const approve = await filledClaim();

    // when the doctor sends no decision
    const response = await as('doctor').post(`/api/tasks/${approve.id}/complete`, { data: { amount: 120 } });

    // then 400 pointing at /data/decision
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: '/data/decision' })]);
  });

  it('should complete with the stored amount and hidden note kept when the step leaves them out', async () => {
    // given the approval step
    const approve = await filledClaim();
    const before = await recordsOfForm();

    // when the doctor sends only the decision (a read-only field sent unchanged is accepted too)
    const response = await as('doctor').post(`/api/tasks/${approve.id}/complete`, {
      data: { decision: 'approve' },
    });

    // then the approval's record keeps the amount and the note the first step entered
    expect(response.status).toBe(200);
    const after = await recordsOfForm();
    expect(after).toHaveLength(before.length + 1);
    expect(after).toContainEqual({ amount: 120, internalNote: '家属已口头同意', decision: 'approve' });
  });

  it('should apply the step rights to a delegate handing the task back', async () => {
    // given the approval delegated by the doctor to nurse.b
    const approve = await filledClaim();
    expect(
      (await as('doctor').post(`/api/tasks/${approve.id}/delegate`, { toUserId: 'nurse.b' })).status,
    ).toBe(200);

    // when nurse.b hands it back with a changed amount, then with a decision only
    const crafted = await as('nurse.b').post(`/api/tasks/${approve.id}/resolve`, {
      data: { amount: 1, decision: 'reject' },
    });
    const resolved = await as('nurse.b').post(`/api/tasks/${approve.id}/resolve`, {
      data: { decision: 'reject' },
    });

    // then the first is refused at /data/amount; the second becomes the doctor's draft without the hidden note
    expect(crafted.status).toBe(400);
    expect(crafted.body.errors[0].path).toBe('/data/amount');
    expect(resolved.status).toBe(200);
    expect(resolved.body.draft).toEqual({ amount: 120, decision: 'reject' });
    const form = await as('doctor').get(`/api/tasks/${approve.id}/form`);
    expect(form.body.data).toEqual({ amount: 120, decision: 'reject' });
  });

  it('should reopen a sent-back step with its own rights (the first step sees its note again)', async () => {
    // given the approval step
    const approve = await filledClaim();

    // when the doctor sends it back to the first step
    const back = await as('doctor').post(`/api/tasks/${approve.id}/send-back`, { reason: '金额有误' });

    // then the reopened fill task starts from its own data, note included (editable there)
    expect(back.status).toBe(200);
    const form = await as('nurse.a').get(`/api/tasks/${back.body.id}/form`);
    expect(form.body.data).toEqual({ amount: 120, internalNote: '家属已口头同意' });
    expect(form.body.fieldRights).toBeNull();
  });

  it('should refuse to deploy rights naming a path that is not a field of the form', async () => {
    // when the rights name a field the form does not have
    const response = await deploy(claim('expense-broken', { ...RIGHTS, '/approval/comment': 'hidden' }));

    // then 400 on the user task, naming the path
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      expect.objectContaining({
        elementId: 'approve',
        elementType: 'userTask',
        message: expect.stringContaining('/approval/comment'),
      }),
    ]);
  });

  it('should refuse to deploy an unknown right with the element id', async () => {
    // when a right is misspelt
    const response = await deploy(claim('expense-misspelt', { amount: 'read-only' }));

    // then 400 on the user task
    expect(response.status).toBe(400);
    expect(response.body.errors[0]).toMatchObject({ elementId: 'approve', elementType: 'userTask' });
    expect(response.body.errors[0].message).toContain('read-only');
  });
  it('should leave a field a step hides out of the instance view for everyone but an administrator', async () => {
    // given a claim whose note nurse.a entered and the approval step hides
    const approve = await filledClaim();
    const instanceId = (await as('admin').get(`/api/tasks/${approve.id}`)).body.processInstanceId as string;

    // when the doctor (the step it is hidden from), nurse.a (who entered it) and the admin read the instance
    const byDoctor = await as('doctor').get(`/api/process-instances/${instanceId}`);
    const byNurse = await as('nurse.a').get(`/api/process-instances/${instanceId}`);
    const byAdmin = await as('admin').get(`/api/process-instances/${instanceId}`);

    // then neither staff member gets the note (the instance view is no step: it shows what every step may see),
    // the other variables stay, and the administrator sees everything
    for (const response of [byDoctor, byNurse]) {
      expect(response.status).toBe(200);
      expect(response.body.variables).toMatchObject({ amount: 120 });
      expect(response.body.variables).not.toHaveProperty('internalNote');
      expect(JSON.stringify(response.body)).not.toContain('家属已口头同意');
    }
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.variables).toMatchObject({ amount: 120, internalNote: '家属已口头同意' });
  });

  it('should show a non-administrator every variable of an instance whose steps hide nothing', async () => {
    // given a process whose approval only makes the amount read-only, and a claim filled in it
    expect((await deploy(claim('expense-readonly', { amount: 'readonly' }))).status).toBe(201);
    const started = await as('admin').post('/api/processes/expense-readonly/instances', {});
    expect(started.status).toBe(201);
    const fill = await openTask(started.body.id as string, 'fill');
    const filled = await as('nurse.a').post(`/api/tasks/${fill.id}/complete`, {
      data: { amount: 80, internalNote: '无需保密' },
    });
    expect(filled.status).toBe(200);

    // when the doctor reads the instance
    const response = await as('doctor').get(`/api/process-instances/${started.body.id as string}`);

    // then he sees the note: no step of this process hides it
    expect(response.status).toBe(200);
    expect(response.body.variables).toMatchObject({ amount: 80, internalNote: '无需保密' });
  });
});
