import { describe, expect, it } from '@jest/globals';
import { bpmn, deployOne, Driver, effectsOf, flow } from '../__fixtures__/harness.util.js';

const timer = (kind: 'timeDuration' | 'timeDate' | 'timeCycle', value: string): string =>
  `<bpmn:timerEventDefinition><bpmn:${kind}>${value}</bpmn:${kind}></bpmn:timerEventDefinition>`;

describe('events', () => {
  it('should wait at an intermediate timer computed from a variable with JSON Logic', async () => {
    const xml = bpmn(
      `<bpmn:startEvent id="start" />
       <bpmn:intermediateCatchEvent id="day3">${timer('timeDate', '={"date_add":[{"var":"admissionDate"},3,"days"]}')}</bpmn:intermediateCatchEvent>
       <bpmn:endEvent id="end" />
       ${flow('f1', 'start', 'day3')}${flow('f2', 'day3', 'end')}`,
    );
    const driver = new Driver(await deployOne(xml));
    const effects = driver.start({ admissionDate: '2026-03-10' });
    // a date-only timeDate is midnight in Asia/Shanghai
    expect(effectsOf(effects, 'schedule-timer')[0]?.dueAt).toBe('2026-03-12T16:00:00.000Z');
    driver.fireTimer('day3');
    expect(driver.state?.status).toBe('completed');
  });

  it('should accept ${var} timer durations and refuse bad runtime values with an incident', async () => {
    const xml = bpmn(
      `<bpmn:startEvent id="start" />
       <bpmn:intermediateCatchEvent id="wait">${timer('timeDuration', '${delay}')}</bpmn:intermediateCatchEvent>
       <bpmn:endEvent id="end" />
       ${flow('f1', 'start', 'wait')}${flow('f2', 'wait', 'end')}`,
    );
    const ok = new Driver(await deployOne(xml));
    expect(effectsOf(ok.start({ delay: 'PT30M' }), 'schedule-timer')[0]?.dueAt).toBe(
      '2026-01-01T00:30:00.000Z',
    );
    const bad = new Driver(await deployOne(xml));
    const effects = bad.start({ delay: 'soon' });
    expect(effectsOf(effects, 'incident')[0]?.elementId).toBe('wait');
    expect(bad.state?.status).toBe('incident');
  });

  it('should ignore a message for a different subscription id', async () => {
    const xml = bpmn(
      `<bpmn:startEvent id="start" />
       <bpmn:intermediateCatchEvent id="reply" careloom:correlationKey="\${residentId}"><bpmn:messageEventDefinition messageRef="m" /></bpmn:intermediateCatchEvent>
       <bpmn:endEvent id="end" />
       ${flow('f1', 'start', 'reply')}${flow('f2', 'reply', 'end')}`,
      '<bpmn:message id="m" name="callback" />',
    );
    const driver = new Driver(await deployOne(xml));
    const effects = driver.start({ residentId: 'r-7' });
    expect(effectsOf(effects, 'subscribe-message')[0]).toEqual({
      type: 'subscribe-message',
      subscriptionId: 'inst-msg2',
      elementId: 'reply',
      messageName: 'callback',
      correlationKey: 'r-7',
    });
    expect(() => driver.step({ type: 'correlate-message', subscriptionId: 'x' })).toThrow(
      expect.objectContaining({ code: 'unknown-subscription' }),
    );
    driver.correlate('reply', { satisfied: true });
    expect(driver.state?.status).toBe('completed');
  });

  describe('boundary timers', () => {
    const xml = (
      interrupting: boolean,
      value: string,
      kind: 'timeDuration' | 'timeCycle' = 'timeDuration',
    ): string =>
      bpmn(
        `<bpmn:startEvent id="start" />
         <bpmn:userTask id="handle" />
         <bpmn:boundaryEvent id="deadline" attachedToRef="handle" cancelActivity="${interrupting}">${timer(kind, value)}</bpmn:boundaryEvent>
         <bpmn:userTask id="escalate" />
         <bpmn:endEvent id="end" />
         ${flow('f1', 'start', 'handle')}${flow('f2', 'handle', 'end')}${flow('f3', 'deadline', 'escalate')}`,
      );

    it('should cancel the task and take the boundary path when an interrupting timer fires', async () => {
      const driver = new Driver(await deployOne(xml(true, 'P1D')));
      driver.start();
      const effects = driver.fireTimer('deadline');
      expect(effectsOf(effects, 'cancel-task')).toHaveLength(1);
      expect(driver.openTasks('handle')).toEqual([]);
      expect(driver.openTasks('escalate')).toHaveLength(1);
    });

    it('should keep the task and add a branch when a non-interrupting timer fires', async () => {
      const driver = new Driver(await deployOne(xml(false, 'P1D')));
      driver.start();
      driver.fireTimer('deadline');
      expect(driver.openTasks('handle')).toHaveLength(1);
      expect(driver.openTasks('escalate')).toHaveLength(1);
      expect(driver.timers()).toEqual([]);
    });

    it('should repeat reminders of a cycle and cancel the rest when the task completes', async () => {
      const driver = new Driver(await deployOne(xml(false, 'R3/PT12H', 'timeCycle')));
      driver.start();
      expect(driver.timers('deadline')[0]?.dueAt).toBe('2026-01-01T12:00:00.000Z');
      driver.fireTimer('deadline');
      expect(driver.timers('deadline')[0]?.dueAt).toBe('2026-01-02T00:00:00.000Z');
      driver.fireTimer('deadline');
      expect(driver.openTasks('escalate')).toHaveLength(2);
      const effects = driver.completeTask('handle');
      expect(effectsOf(effects, 'cancel-timer')).toHaveLength(1);
      expect(driver.timers()).toEqual([]);
    });

    it('should drop the boundary timer when the task completes first', async () => {
      const driver = new Driver(await deployOne(xml(true, 'P1D')));
      driver.start();
      const effects = driver.completeTask('handle');
      expect(effectsOf(effects, 'cancel-timer')).toHaveLength(1);
      expect(driver.state?.status).toBe('completed');
    });
  });

  describe('errors', () => {
    const xml = bpmn(
      `<bpmn:startEvent id="start" />
       <bpmn:serviceTask id="notify" careloom:serviceType="sms" careloom:parameters="{&quot;template&quot;:&quot;visit&quot;}" />
       <bpmn:boundaryEvent id="failed" attachedToRef="notify"><bpmn:errorEventDefinition errorRef="e" /></bpmn:boundaryEvent>
       <bpmn:userTask id="callInstead" />
       <bpmn:endEvent id="end" />
       ${flow('f1', 'start', 'notify')}${flow('f2', 'notify', 'end')}${flow('f3', 'failed', 'callInstead')}`,
      '<bpmn:error id="e" name="No phone" errorCode="NO_PHONE" />',
    );

    it('should run a service and continue with its output when it completes', async () => {
      const driver = new Driver(await deployOne(xml));
      const started = driver.start({ phone: '138' });
      expect(effectsOf(started, 'run-service')).toEqual([
        {
          type: 'run-service',
          jobId: 'inst-job2',
          elementId: 'notify',
          serviceType: 'sms',
          parameters: { template: 'visit' },
          variables: { phone: '138' },
        },
      ]);
      driver.step({ type: 'service-completed', jobId: 'inst-job2', output: { sent: true } });
      expect(driver.state?.variables).toEqual({ phone: '138', sent: true });
      expect(driver.state?.status).toBe('completed');
    });

    it('should follow the error boundary when the failure carries a matching error code', async () => {
      const driver = new Driver(await deployOne(xml));
      driver.start();
      const [jobId] = driver.jobs();
      driver.step({
        type: 'service-failed',
        jobId: jobId ?? '',
        errorCode: 'NO_PHONE',
        message: 'no number',
      });
      expect(driver.openTasks('callInstead')).toHaveLength(1);
    });

    it('should raise an incident and re-run the service on retry when the error code is unknown', async () => {
      const driver = new Driver(await deployOne(xml));
      driver.start();
      const [jobId] = driver.jobs();
      const failed = driver.step({ type: 'service-failed', jobId: jobId ?? '', message: 'gateway down' });
      const [incident] = effectsOf(failed, 'incident');
      expect(incident?.message).toBe('gateway down');
      expect(driver.state?.status).toBe('incident');
      const retried = driver.step({ type: 'retry', incidentId: incident?.incidentId ?? '' });
      expect(effectsOf(retried, 'run-service')).toHaveLength(1);
      expect(driver.state?.status).toBe('active');
      expect(() => driver.step({ type: 'service-completed', jobId: jobId ?? '' })).toThrow(
        expect.objectContaining({ code: 'unknown-job' }),
      );
    });

    it('should catch an error end event on the enclosing sub-process boundary', async () => {
      const inner = bpmn(
        `<bpmn:startEvent id="start" />
         <bpmn:subProcess id="sub">
           <bpmn:startEvent id="subStart" />
           <bpmn:parallelGateway id="fork" />
           <bpmn:userTask id="slow" />
           <bpmn:endEvent id="boom"><bpmn:errorEventDefinition errorRef="e" /></bpmn:endEvent>
           ${flow('s1', 'subStart', 'fork')}${flow('s2', 'fork', 'slow')}${flow('s3', 'fork', 'boom')}
         </bpmn:subProcess>
         <bpmn:boundaryEvent id="caught" attachedToRef="sub"><bpmn:errorEventDefinition errorRef="e" /></bpmn:boundaryEvent>
         <bpmn:userTask id="handle" />
         <bpmn:endEvent id="end" />
         ${flow('f1', 'start', 'sub')}${flow('f2', 'sub', 'end')}${flow('f3', 'caught', 'handle')}`,
        '<bpmn:error id="e" errorCode="BROKEN" />',
      );
      const driver = new Driver(await deployOne(inner));
      const effects = driver.start();
      expect(effectsOf(effects, 'cancel-task')).toHaveLength(1);
      expect(driver.openTasks()).toHaveLength(1);
      expect(driver.openTasks('handle')).toHaveLength(1);
      expect(driver.state?.tokens).toHaveLength(1);
    });
  });

  it('should terminate every branch when a terminate end event is reached', async () => {
    const xml = bpmn(
      `<bpmn:startEvent id="start" />
       <bpmn:parallelGateway id="fork" />
       <bpmn:userTask id="a" /><bpmn:userTask id="b" />
       <bpmn:intermediateCatchEvent id="t">${timer('timeDuration', 'P1D')}</bpmn:intermediateCatchEvent>
       <bpmn:endEvent id="kill"><bpmn:terminateEventDefinition /></bpmn:endEvent>
       ${flow('f0', 'start', 'fork')}${flow('f1', 'fork', 'a')}${flow('f2', 'fork', 'b')}${flow('f3', 'fork', 't')}
       ${flow('f4', 'a', 'kill')}`,
    );
    const driver = new Driver(await deployOne(xml));
    driver.start();
    const effects = driver.completeTask('a');
    expect(effectsOf(effects, 'cancel-task')).toHaveLength(1);
    expect(effectsOf(effects, 'cancel-timer')).toHaveLength(1);
    expect(effectsOf(effects, 'ended')).toEqual([{ type: 'ended', status: 'terminated' }]);
    expect(driver.state?.status).toBe('terminated');
    expect(driver.state?.tokens).toEqual([]);
  });
});

describe('more events', () => {
  it('should end like a none end event when an error end event is not caught', async () => {
    const xml = bpmn(
      `<bpmn:startEvent id="start" /><bpmn:endEvent id="fail"><bpmn:errorEventDefinition errorRef="e" /></bpmn:endEvent>
       ${flow('f1', 'start', 'fail')}`,
      '<bpmn:error id="e" errorCode="X" />',
    );
    const driver = new Driver(await deployOne(xml));
    driver.start();
    expect(driver.state?.status).toBe('completed');
  });

  it('should complete only the sub-process when a terminate end event inside it is reached', async () => {
    const xml = bpmn(
      `<bpmn:startEvent id="start" />
       <bpmn:subProcess id="sub">
         <bpmn:startEvent id="s" /><bpmn:parallelGateway id="fork" /><bpmn:userTask id="open" />
         <bpmn:endEvent id="stop"><bpmn:terminateEventDefinition /></bpmn:endEvent>
         ${flow('s1', 's', 'fork')}${flow('s2', 'fork', 'open')}${flow('s3', 'fork', 'stop')}
       </bpmn:subProcess>
       <bpmn:userTask id="after" />
       ${flow('f1', 'start', 'sub')}${flow('f2', 'sub', 'after')}`,
    );
    const driver = new Driver(await deployOne(xml));
    const effects = driver.start();
    expect(effectsOf(effects, 'cancel-task')).toHaveLength(1);
    expect(driver.openTasks()).toHaveLength(1);
    expect(driver.openTasks('after')).toHaveLength(1);
    expect(driver.state?.status).toBe('active');
  });

  it('should interrupt a task when a message boundary event is correlated', async () => {
    const xml = bpmn(
      `<bpmn:startEvent id="start" /><bpmn:userTask id="wait" />
       <bpmn:boundaryEvent id="withdrawn" attachedToRef="wait"><bpmn:messageEventDefinition messageRef="m" /></bpmn:boundaryEvent>
       <bpmn:endEvent id="end" /><bpmn:endEvent id="end2" />
       ${flow('f1', 'start', 'wait')}${flow('f2', 'wait', 'end')}${flow('f3', 'withdrawn', 'end2')}`,
      '<bpmn:message id="m" name="complaint-withdrawn" />',
    );
    const driver = new Driver(await deployOne(xml));
    driver.start();
    const effects = driver.correlate('withdrawn', { reason: 'resolved by phone' });
    expect(effectsOf(effects, 'cancel-task')).toHaveLength(1);
    expect(driver.state?.status).toBe('completed');
    expect(driver.state?.variables).toEqual({ reason: 'resolved by phone' });
  });
});
