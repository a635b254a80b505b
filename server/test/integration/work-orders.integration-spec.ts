import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readBundleFolder } from '../../src/modules/bundles/bundle-validation.util.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

const TEMPLATES = path.resolve(import.meta.dirname, '..', '..', '..', 'templates');
const HOUR = 3_600_000;

type Summary = {
  id: string;
  businessKey: string;
  status: string;
  complaintType: string;
  channel: string | null;
  steps: {
    taskId: string;
    elementId: string;
    candidateGroups: string[];
    link: string | null;
    assignee: string | null;
  }[];
  handlerRoles: string[];
  filedAt: string;
  filedBy: { name: string | null; family: boolean; you: boolean };
  deadlines: { firstResponseDue: string | null; resolutionDue: string | null };
  overdue: { firstResponse: boolean; resolution: boolean; now: boolean };
  sla: { resolution: { businessTime: boolean; state: string; remainingMs: number | null } };
  satisfactionScore: number | null;
  npsScore: number | null;
  canRate: boolean;
};
type Detail = Summary & {
  intake: Record<string, unknown>;
  intakeMasked: boolean;
  history: { kind: string; elementId: string; actorName: string | null; byYou: boolean }[];
  tasks: { elementId: string; status: string; outcome: Record<string, unknown> | null }[];
  callbacks: { satisfactionScore: number | null; byYou: boolean }[];
};

const intake = (overrides: Record<string, unknown> = {}) => ({
  complaintType: 'meals',
  urgency: 'normal',
  filedBy: 'family',
  channel: 'phone',
  complainantName: '刘女士',
  complainantPhone: '13800138000',
  description: '午饭送到房间时已经凉了，连续三天如此。',
  ...overrides,
});

describe('work orders', () => {
  let t: TestApp;
  let admin: string;
  let frontdesk: string;
  let logistics: string;
  let steward: string;
  let family: string;
  let linkedResident: string;
  let otherResident: string;

  const as = (token: string) => ({
    get: (url: string) => t.http().get(url).set('authorization', `Bearer ${token}`),
    post: (url: string, body: object = {}) =>
      t.http().post(url).set('authorization', `Bearer ${token}`).send(body),
  });
  const clock = async (body: { advance?: string; set?: string }) => {
    const response = await as(admin).post('/api/test/clock', body);
    expect(response.status).toBe(200);
  };
  const file = async (token: string, residentId: string, data: Record<string, unknown>) => {
    const response = await as(token).post('/api/work-orders', { residentId, data });
    expect(response.status).toBe(201);
    return response.body as Summary;
  };
  const detail = async (token: string, id: string) => {
    const response = await as(token).get(`/api/work-orders/${id}`);
    expect(response.status).toBe(200);
    return response.body as Detail;
  };
  const list = async (token: string, query: string) => {
    const response = await as(token).get(`/api/work-orders?${query}`);
    expect(response.status).toBe(200);
    return (response.body as { items: Summary[] }).items;
  };
  const complete = async (token: string, taskId: string, data: Record<string, unknown>) => {
    const response = await as(token).post(`/api/tasks/${taskId}/complete`, { data });
    expect(response.status).toBe(200);
  };
  const stepOf = async (id: string, elementId: string) => {
    const step = (await detail(admin, id)).steps.find((s) => s.elementId === elementId);
    expect(step).toBeDefined();
    return step!.taskId;
  };
  /** Staff give the first response and resolve the work order. */
  const resolve = async (id: string, handler: string) => {
    await complete(handler, await stepOf(id, 'firstResponse'), {
      respondedAt: '2035-03-05T03:00:00.000Z',
      complainantReached: true,
    });
    await complete(handler, await stepOf(id, 'resolve'), {
      resolvedAt: '2035-03-05T05:00:00.000Z',
      substantiated: 'yes',
      actionsTaken: '更换保温餐车，送餐前复测温度。',
      complainantInformed: true,
    });
  };
  const count = async (sql: string): Promise<number> =>
    (await t.dataSource.query<{ n: number }[]>(sql))[0]!.n;

  beforeAll(async () => {
    t = await startTestApp({ CARELOOM_TEST_CLOCK: '1' });
    [admin, frontdesk, logistics, steward, family] = await Promise.all([
      t.login('admin'),
      t.login('frontdesk'),
      t.login('logistics'),
      t.login('steward'),
      t.login('family.liu'),
    ]);
    const linked: { id: string }[] = await t.dataSource.query(
      `SELECT fl.resident_id AS id FROM family_link fl JOIN app_user u ON u.id = fl.user_id WHERE u.username = 'family.liu'`,
    );
    linkedResident = linked[0]!.id;
    const others: { id: string }[] = await t.dataSource.query(
      `SELECT id FROM resident WHERE id <> ALL($1) ORDER BY name LIMIT 1`,
      [linked.map((r) => r.id)],
    );
    otherResident = others[0]!.id;
    // Monday 10:00 in Shanghai
    await clock({ set: '2035-03-05T02:00:00.000Z' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('should refuse to file before the complaint-workorder bundle is imported, saying what to import', async () => {
    // given a tenant without the bundle
    // when a complaint is filed
    const response = await as(frontdesk).post('/api/work-orders', {
      residentId: linkedResident,
      data: intake(),
    });

    // then 409 names the bundle, and nothing is stored
    expect(response.status).toBe(409);
    expect(response.body.detail).toContain('complaint-workorder');
    expect(await count('SELECT count(*)::int AS n FROM work_order')).toBe(0);

    // and once imported, filing works (the rest of this file relies on it)
    const files = await readBundleFolder(path.join(TEMPLATES, 'complaint-workorder'));
    const imported = await as(admin).post('/api/bundles/import', {
      files: Object.fromEntries([...files].map(([name, content]) => [name, content.toString('utf8')])),
    });
    expect([200, 201]).toContain(imported.status);
  });

  it('should file as staff: intake record and instance together, keyed by day, routed by type', async () => {
    // when front desk files two complaints the same day
    const first = await file(frontdesk, otherResident, intake());
    const second = await file(frontdesk, otherResident, intake({ complaintType: 'care', urgency: 'urgent' }));

    // then they get the day's business keys and the department of their type
    expect(first.businessKey).toBe('TS-20350305-0001');
    expect(second.businessKey).toBe('TS-20350305-0002');
    expect(first).toMatchObject({ status: 'open', complaintType: 'meals', handlerRoles: ['logistics'] });
    expect(first.steps).toEqual([
      expect.objectContaining({ elementId: 'firstResponse', candidateGroups: ['logistics'] }),
    ]);
    expect(first.steps[0]!.link).toBe(`/tasks/${first.steps[0]!.taskId}`);
    expect(second.handlerRoles).toEqual(['head-nurse']);
    expect(Date.parse(first.deadlines.firstResponseDue!) - Date.parse(first.filedAt)).toBe(HOUR);

    // and the instance carries the intake without its sensitive phone number
    const instance = await as(admin).get(`/api/process-instances/${first.id}`);
    expect(instance.body.businessKey).toBe('TS-20350305-0001');
    expect(instance.body.variables).toMatchObject({ complaintType: 'meals', urgency: 'normal' });
    expect(instance.body.variables.complainantPhone).toBeUndefined();
    expect(typeof instance.body.variables.intakeRecordId).toBe('string');
  });

  it('should store nothing when the intake is invalid, pointing at the field', async () => {
    // given the counts before
    const records = await count('SELECT count(*)::int AS n FROM record');
    const instances = await count('SELECT count(*)::int AS n FROM process_instance');

    // when the intake misses its description and has an unknown type
    const response = await as(frontdesk).post('/api/work-orders', {
      residentId: otherResident,
      data: intake({ description: undefined, complaintType: 'weather' }),
    });

    // then 400 with pointers into data, and no record, no instance, no work order
    expect(response.status).toBe(400);
    const paths = (response.body.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/data/complaintType']));
    expect(paths.some((p) => p.startsWith('/data'))).toBe(true);
    expect(await count('SELECT count(*)::int AS n FROM record')).toBe(records);
    expect(await count('SELECT count(*)::int AS n FROM process_instance')).toBe(instances);
  });

  it('should let a family member file only for their linked resident, through the family portal channel', async () => {
    // when the family member files for their relative, naming no complainant and another channel
    const filed = await file(
      family,
      linkedResident,
      intake({ channel: 'phone', complainantName: undefined }),
    );

    // then the channel is the family portal and the complainant is them
    expect(filed).toMatchObject({ channel: 'family-portal', filedBy: { family: true, you: true } });
    const seen = await detail(family, filed.id);
    expect(seen.intake).toMatchObject({ channel: 'family-portal', complainantName: '刘女士（家属）' });
    expect(seen.steps[0]).toMatchObject({ assignee: null, link: null });

    // and for a resident not linked to them: 403, nothing stored
    const before = await count('SELECT count(*)::int AS n FROM work_order');
    const refused = await as(family).post('/api/work-orders', { residentId: otherResident, data: intake() });
    expect(refused.status).toBe(403);
    expect(await count('SELECT count(*)::int AS n FROM work_order')).toBe(before);

    // and they see only their resident's work orders
    const mine = await list(family, '');
    expect(mine.map((w) => w.id)).toEqual([filed.id]);
    expect(
      (
        await as(family).get(
          `/api/work-orders/${(await list(admin, 'limit=100')).find((w) => w.id !== filed.id)!.id}`,
        )
      ).status,
    ).toBe(404);
  });

  it('should filter by status, type, department role and overdue (after the first hour)', async () => {
    // given the complaints filed so far (meals, care, family's meals), nothing overdue yet
    expect(await list(admin, 'overdue=true')).toEqual([]);
    const all = await list(admin, 'limit=100');
    expect(all.map((w) => w.businessKey)).toEqual([
      'TS-20350305-0003',
      'TS-20350305-0002',
      'TS-20350305-0001',
    ]);

    // when one hour and a minute pass
    await clock({ advance: 'PT61M' });

    // then all three are overdue for the first response, and the filters narrow the list
    const overdue = await list(admin, 'overdue=true');
    expect(overdue).toHaveLength(3);
    expect(overdue.every((w) => w.overdue.firstResponse && w.overdue.now)).toBe(true);
    expect((await list(admin, 'type=care')).map((w) => w.businessKey)).toEqual(['TS-20350305-0002']);
    expect((await list(admin, 'role=logistics')).map((w) => w.businessKey)).toEqual([
      'TS-20350305-0003',
      'TS-20350305-0001',
    ]);
    expect(await list(admin, 'status=open')).toHaveLength(3);
    expect(await list(admin, 'status=closed')).toEqual([]);
    expect((await list(admin, 'q=0002')).map((w) => w.businessKey)).toEqual(['TS-20350305-0002']);
    // and a status the list does not know is refused at the field, in Chinese by default and in English on request
    const bad = await as(admin).get('/api/work-orders?status=lost');
    const badEn = await as(admin).get('/api/work-orders?status=lost').set('accept-language', 'en');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      detail: '请求中有字段不符合要求，请看各字段的提示。',
      errors: [
        {
          path: '/status',
          message:
            'status 须为 open（处理中）、resolved（已解决）、closed（已关闭）或 cancelled（已取消）之一',
        },
      ],
    });
    expect(badEn.status).toBe(400);
    expect(badEn.body).toMatchObject({
      detail: 'The request has invalid fields; see errors.',
      errors: [{ path: '/status', message: 'status must be one of open, resolved, closed, cancelled' }],
    });
  });

  it('should show the resolution clock: 24 hours for urgent, 3 working days for normal', async () => {
    // given an urgent and a normal complaint
    const all = await list(admin, 'limit=100');
    const normal = all.find((w) => w.businessKey === 'TS-20350305-0001');
    const urgent = all.find((w) => w.businessKey === 'TS-20350305-0002');
    const normalDetail = await detail(admin, normal!.id);
    const urgentDetail = await detail(admin, urgent!.id);

    // then the urgent one is due 24 hours after filing, in clock time
    expect(urgentDetail.businessKey).toBe('TS-20350305-0002');
    expect(Date.parse(urgentDetail.deadlines.resolutionDue!) - Date.parse(urgentDetail.filedAt)).toBe(
      24 * HOUR,
    );
    expect(urgentDetail.sla.resolution).toMatchObject({ businessTime: false, state: 'running' });

    // and the normal one three working days later (Monday 10:00 → Thursday 10:00), in business time
    const dueAt = Date.parse(normalDetail.deadlines.resolutionDue!);
    expect(Math.abs(dueAt - Date.parse('2035-03-08T02:00:00.000Z'))).toBeLessThan(60_000);
    expect(normalDetail.sla.resolution).toMatchObject({ businessTime: true, state: 'running' });

    // and the intake's phone number is masked as the records module masks it
    expect(normalDetail.intakeMasked).toBe(true);
    expect(normalDetail.intake['complainantPhone']).not.toBe('13800138000');
  });

  it('should tell the history: filed, steps opened and done by whom, escalations', async () => {
    // given a complaint past its first-response hour, then answered and resolved by logistics
    const [first] = (await list(admin, 'limit=100')).filter((w) => w.businessKey === 'TS-20350305-0001');
    await resolve(first!.id, logistics);

    // when staff read it
    const seen = await detail(admin, first!.id);

    // then the timeline has who did what, and the director's escalation
    const kinds = seen.history.map((h) => `${h.kind}:${h.elementId}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'filed:start',
        'step-opened:firstResponse',
        'escalated:notifyFirstResponseLate',
        'step-done:firstResponse',
        'step-done:resolve',
        'resolved:handleEnd',
      ]),
    );
    expect(seen.history.find((h) => h.kind === 'step-done')!.actorName).toBe('logistics');
    expect(seen.status).toBe('awaiting-callback');
    expect(seen.tasks.find((task) => task.elementId === 'resolve')!.outcome).toMatchObject({
      substantiated: 'yes',
    });
    expect((await list(admin, 'status=resolved')).map((w) => w.id)).toEqual([first!.id]);
  });

  it('should refuse a rating before the work order is resolved, and from staff', async () => {
    // given the family's complaint, still being handled
    const [mine] = await list(family, '');

    // when they rate it: 409
    const early = await as(family).post(`/api/work-orders/${mine!.id}/rating`, {
      satisfactionScore: 5,
      npsScore: 9,
    });
    expect(early.status).toBe(409);

    // and staff may not rate on the family's behalf: 403 pointing at the task page
    const staff = await as(steward).post(`/api/work-orders/${mine!.id}/rating`, { satisfactionScore: 5 });
    expect(staff.status).toBe(403);

    // and a score out of range is a 400 pointing at the field
    const bad = await as(family).post(`/api/work-orders/${mine!.id}/rating`, { satisfactionScore: 9 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('/satisfactionScore');
  });

  it("should close the work order when the family rates it, completing the steward's callback", async () => {
    // given the family's complaint resolved by logistics, the callback timer still waiting
    const [mine] = await list(family, '');
    await resolve(mine!.id, logistics);
    expect((await detail(family, mine!.id)).canRate).toBe(true);

    // when the family member rates it satisfied
    const rated = await as(family).post(`/api/work-orders/${mine!.id}/rating`, {
      satisfactionScore: 5,
      npsScore: 9,
      comment: '饭菜现在是热的，谢谢。',
    });

    // then the instance is closed with their scores and the callback done by them
    expect(rated.status).toBe(200);
    expect(rated.body).toMatchObject({ status: 'closed', satisfactionScore: 5, npsScore: 9, canRate: false });
    const seen = await detail(family, mine!.id);
    expect(seen.callbacks).toEqual([expect.objectContaining({ satisfactionScore: 5, byYou: true })]);
    expect(
      seen.history.filter((h) => h.kind === 'step-done').every((h) => h.actorName === null || h.byYou),
    ).toBe(true);
    expect(seen.tasks).toEqual([]);

    // and the steward has no callback task for it, now or after the 24 hours
    await clock({ advance: 'PT25H' });
    const inbox = (await as(steward).get('/api/tasks?candidate=true')).body as {
      processInstanceId: string;
    }[];
    expect(inbox.filter((task) => task.processInstanceId === mine!.id)).toEqual([]);
    expect((await list(family, 'status=closed')).map((w) => w.id)).toEqual([mine!.id]);

    // and rating again is refused
    const again = await as(family).post(`/api/work-orders/${mine!.id}/rating`, { satisfactionScore: 1 });
    expect(again.status).toBe(409);
  });
});
