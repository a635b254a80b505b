import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { login, startServer, type ServerProcess } from '../support/server-process.js';

const ADMIN_PASSWORD = 'e2e-admin-pass';
const INSTANCES = 200;

const TIMER_PROCESS = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="defs" targetNamespace="http://careloom.dev/e2e">
  <bpmn:process id="shared-timers" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition id="wait_def"><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:userTask id="afterWait" name="After the wait" />
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
    <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="afterWait" />
    <bpmn:sequenceFlow id="f3" sourceRef="afterWait" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

describe('two server processes on one database', () => {
  const servers: ServerProcess[] = [];
  let database: pg.Client;

  beforeAll(async () => {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) {
      throw new Error('TEST_DATABASE_URL is not set: run through jest.e2e.config.mjs');
    }
    const env = {
      DATABASE_URL: url,
      CARELOOM_TEST_CLOCK: '1',
      CARELOOM_ADMIN_PASSWORD: ADMIN_PASSWORD,
      CARELOOM_DEMO_PASSWORD: 'e2e-demo-pass',
    };
    // One after the other: the first runs the migrations and the first-start setup.
    servers.push(await startServer(env));
    servers.push(await startServer(env));
    database = new pg.Client({ connectionString: url });
    await database.connect();
  });
  afterAll(async () => {
    await database?.end();
    await Promise.all(servers.map((server) => server.stop()));
  });

  const count = async (sql: string): Promise<number> =>
    Number(((await database.query(sql)).rows[0] as { n: number }).n);

  it('should fire each of 200 shared due timers exactly once', async () => {
    // given 200 instances waiting on a one-hour timer, started through the first server
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const token = await login(a.url, 'admin', ADMIN_PASSWORD);
    const call = (server: ServerProcess, path: string, body: unknown, type = 'application/json') =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': type },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    expect((await call(a, '/api/processes', TIMER_PROCESS, 'application/xml')).status).toBe(201);
    for (let batch = 0; batch < INSTANCES / 20; batch += 1) {
      const started = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          call(i % 2 === 0 ? a : b, '/api/processes/shared-timers/instances', {
            variables: { n: batch * 20 + i },
          }),
        ),
      );
      expect(started.map((response) => response.status)).toEqual(Array.from({ length: 20 }, () => 201));
    }
    expect(
      await count(`SELECT count(*)::int AS n FROM job WHERE status = 'pending' AND type = 'timer'`),
    ).toBe(INSTANCES);

    // when both servers' clocks pass the due time at once (their workers and clock calls compete)
    const moved = await Promise.all([
      call(a, '/api/test/clock', { advance: 'PT2H' }),
      call(b, '/api/test/clock', { advance: 'PT2H' }),
    ]);
    expect(moved.map((response) => response.status)).toEqual([200, 200]);

    // then every timer fired exactly once: one history row and one task per instance
    expect(
      await count(
        `SELECT count(*)::int AS n FROM process_history WHERE element_id = 'wait' AND event = 'left'`,
      ),
    ).toBe(INSTANCES);
    expect(
      await count(
        `SELECT count(DISTINCT instance_id)::int AS n FROM process_history WHERE element_id = 'wait' AND event = 'left'`,
      ),
    ).toBe(INSTANCES);
    expect(await count(`SELECT count(*)::int AS n FROM task WHERE element_id = 'afterWait'`)).toBe(INSTANCES);
    expect(await count(`SELECT count(*)::int AS n FROM job WHERE type = 'timer' AND status = 'done'`)).toBe(
      INSTANCES,
    );
    expect(await count(`SELECT count(*)::int AS n FROM job WHERE status <> 'done'`)).toBe(0);
  });
});
