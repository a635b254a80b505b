import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { demoOrgUnits, residentInput } from '../factories/resident.factory.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

type Incident = {
  id: string;
  processInstanceId: string | null;
  jobId: string | null;
  elementId: string;
  message: string;
  status: string;
};

describe('rule webhooks', () => {
  let t: TestApp;
  let admin: string;
  let nurse: string;
  let resident: string;
  let server: Server;
  let url: string;
  let failuresLeft = 0;
  const calls: { headers: IncomingHttpHeaders; body: string }[] = [];

  const as = (token: string) => ({
    get: (path: string) => t.http().get(path).set('authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}) =>
      t.http().post(path).set('authorization', `Bearer ${token}`).send(body),
  });
  const clock = async (advance: string) => {
    expect((await as(admin).post('/api/test/clock', { advance })).status).toBe(200);
  };

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        calls.push({ headers: request.headers, body });
        const fail = failuresLeft > 0;
        failuresLeft -= 1;
        response.statusCode = fail ? 503 : 200;
        response.end(fail ? 'down for maintenance' : '{"received":true}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/careloom`;

    t = await startTestApp({ CARELOOM_TEST_CLOCK: '1', CARELOOM_WEBHOOK_ALLOW_PRIVATE: '1' });
    admin = await t.login('admin');
    nurse = await t.login('nurse.a');
    const units = await demoOrgUnits(t.dataSource);
    resident = (await as(admin).post('/api/residents', residentInput(units.wingA, { name: '跌倒长者' }))).body
      .id as string;
    const form = await as(admin).post('/api/forms', {
      key: 'fall-report',
      name: { 'zh-CN': '跌倒报告', en: 'Fall report' },
      schema: { type: 'object', properties: { severity: { type: 'string', enum: ['minor', 'major'] } } },
    });
    await as(admin).post(`/api/forms/${form.body.id as string}/publish`);
    const rule = await as(admin).post('/api/rules', {
      key: 'fall-to-hospital-system',
      name: { 'zh-CN': '跌倒通知院内系统', en: 'Tell the hospital system about falls' },
      definition: {
        trigger: { type: 'record.created', formKey: 'fall-report' },
        condition: { '==': [{ var: 'record.severity' }, 'major'] },
        actions: [
          {
            type: 'webhook',
            url,
            headers: { Authorization: 'Bearer partner-token', 'X-Home': 'chaoyang' },
            body: { resident: { var: 'resident.name' }, severity: { var: 'record.severity' }, kind: 'fall' },
          },
        ],
      },
    });
    expect(rule.status).toBe(201);
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const report = (severity: string) =>
    as(nurse).post('/api/records', { formKey: 'fall-report', residentId: resident, data: { severity } });

  it('should deliver the body built by the rule, signed, with the allowed headers, after the commit', async () => {
    // when a major fall is reported
    expect((await report('major')).status).toBe(201);
    await clock('PT0S');

    // then one signed call arrived with the computed body and the headers
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(JSON.parse(call!.body)).toEqual({ resident: '跌倒长者', severity: 'major', kind: 'fall' });
    expect(call!.headers).toMatchObject({
      authorization: 'Bearer partner-token',
      'x-home': 'chaoyang',
      'x-careloom-job': expect.any(String),
      'x-careloom-attempt': '1',
    });
    const tenant: { id: string }[] = await t.dataSource.query('SELECT id FROM tenant');
    const secret = createHmac('sha256', 'careloom-development-webhook-secret')
      .update(`webhook:${tenant[0]!.id}`)
      .digest('hex');
    expect(call!.headers['x-careloom-signature']).toBe(
      `sha256=${createHmac('sha256', secret).update(call!.body).digest('hex')}`,
    );
    const firings = (await as(admin).get(`/api/rules/firings?residentId=${resident}`)).body as {
      actions: { type: string; ok: boolean; detail: string }[];
    }[];
    expect(firings[0]!.actions).toEqual([
      { type: 'webhook', ok: true, detail: expect.stringMatching(/^queued webhook job /) },
    ]);

    // and a minor fall sends nothing
    expect((await report('minor')).status).toBe(201);
    await clock('PT0S');
    expect(calls).toHaveLength(1);
  });

  it('should retry a failing endpoint with backoff, raise an incident after three attempts and send again on retry', async () => {
    // given an endpoint that is down for three calls
    calls.length = 0;
    failuresLeft = 3;
    expect((await report('major')).status).toBe(201);

    // when the job runs and the clock passes each backoff (10 s, then 20 s)
    await clock('PT0S');
    expect(calls).toHaveLength(1);
    await clock('PT10S');
    expect(calls).toHaveLength(2);
    await clock('PT20S');
    expect(calls.map((c) => c.headers['x-careloom-attempt'])).toEqual(['1', '2', '3']);

    // then an open incident names the rule and the failure, with no process instance
    const incidents = (await as(admin).get('/api/incidents?status=open')).body as Incident[];
    const incident = incidents.find((i) => i.elementId === 'rule:fall-to-hospital-system');
    expect(incident).toMatchObject({
      processInstanceId: null,
      jobId: expect.any(String),
      message: expect.stringMatching(/HTTP 503: down for maintenance/),
    });
    await clock('PT1H');
    expect(calls).toHaveLength(3);

    // when an admin retries it: the same job is sent again, succeeds, and the incident is resolved
    const retried = await as(admin).post(`/api/incidents/${incident!.id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ status: 'resolved' });
    await clock('PT0S');
    expect(calls).toHaveLength(4);
    expect(calls[3]!.headers['x-careloom-job']).toBe(incident!.jobId);
    const job: { status: string }[] = await t.dataSource.query('SELECT status FROM job WHERE id = $1', [
      incident!.jobId,
    ]);
    expect(job[0]!.status).toBe('done');
  });
});
