import { describe, expect, it } from '@jest/globals';
import { bpmn, deployOne, Driver, effectsOf, flow } from '../__fixtures__/harness.util.js';
import { EngineError } from '../errors.js';
import { execute } from './execute.js';

const SEQUENCE = bpmn(
  `<bpmn:startEvent id="start" />
   <bpmn:userTask id="call" name="Family call" camunda:assignee="\${steward}" camunda:candidateGroups="nurses, stewards" camunda:formKey="form:call" camunda:dueDate="P3D" />
   <bpmn:endEvent id="end" />
   ${flow('f1', 'start', 'call')}${flow('f2', 'call', 'end')}`,
);

describe(execute.name, () => {
  it('should create a task and complete the instance when a sequence runs', async () => {
    // given
    const driver = new Driver(await deployOne(SEQUENCE));
    // when
    const started = driver.start({ steward: 'wang' });
    // then
    const [task] = effectsOf(started, 'create-task');
    expect(task).toEqual({
      type: 'create-task',
      taskId: 'inst-task2',
      elementId: 'call',
      name: 'Family call',
      assignee: 'wang',
      candidateGroups: ['nurses', 'stewards'],
      candidateUsers: [],
      formKey: 'form:call',
      dueAt: '2026-01-04T00:00:00.000Z',
      variables: { steward: 'wang' },
    });
    const done = driver.completeTask('call', { reached: true });
    expect(effectsOf(done, 'ended')).toEqual([{ type: 'ended', status: 'completed' }]);
    expect(driver.state?.status).toBe('completed');
    expect(driver.state?.variables).toEqual({ steward: 'wang', reached: true });
    expect(driver.entered()).toEqual(['start', 'call', 'end']);
    expect(effectsOf(done, 'history').map((h) => `${h.elementId}:${h.event}`)).toEqual([
      'call:left',
      'f2:taken',
      'end:entered',
      'end:left',
    ]);
  });

  it('should throw EngineError when a command names an unknown task or the instance is finished', async () => {
    // given
    const driver = new Driver(await deployOne(SEQUENCE));
    driver.start();
    // when / then
    expect(() => driver.step({ type: 'complete-task', taskId: 'nope' })).toThrow(EngineError);
    driver.completeTask('call');
    expect(() => driver.step({ type: 'cancel' })).toThrow(expect.objectContaining({ code: 'not-active' }));
  });

  it('should cancel open tasks when the instance is cancelled', async () => {
    const driver = new Driver(await deployOne(SEQUENCE));
    driver.start();
    const effects = driver.step({ type: 'cancel', reason: 'resident left' });
    expect(effectsOf(effects, 'cancel-task')).toEqual([{ type: 'cancel-task', taskId: 'inst-task2' }]);
    expect(effectsOf(effects, 'ended')).toEqual([{ type: 'ended', status: 'cancelled' }]);
    expect(driver.state?.tokens).toEqual([]);
  });
});

describe('state', () => {
  it('should produce identical results from a JSON round-tripped state', async () => {
    const definition = await deployOne(SEQUENCE);
    const first = execute(
      definition,
      null,
      { type: 'start', variables: { steward: 'a' } },
      { now: '2026-01-01T00:00:00Z', instanceId: 'x' },
    );
    const copy = JSON.parse(JSON.stringify(first.state)) as typeof first.state;
    const command = { type: 'complete-task', taskId: 'x-task2', output: { ok: true } } as const;
    const context = { now: '2026-01-02T00:00:00Z', instanceId: 'x' };
    expect(execute(definition, copy, command, context)).toEqual(
      execute(definition, first.state, command, context),
    );
    expect(first.state.tokens).toHaveLength(1);
    expect(JSON.stringify(first.state).length).toBeLessThan(2048);
  });

  it('should not mutate the given state', async () => {
    const definition = await deployOne(SEQUENCE);
    const { state } = execute(
      definition,
      null,
      { type: 'start' },
      { now: '2026-01-01T00:00:00Z', instanceId: 'x' },
    );
    const before = JSON.stringify(state);
    execute(definition, state, { type: 'cancel' }, { now: '2026-01-01T00:00:00Z', instanceId: 'x' });
    expect(JSON.stringify(state)).toBe(before);
  });

  it('should refuse a start on an existing state and other commands without a state', async () => {
    const definition = await deployOne(SEQUENCE);
    const context = { now: '2026-01-01T00:00:00Z', instanceId: 'x' };
    const { state } = execute(definition, null, { type: 'start' }, context);
    expect(() => execute(definition, state, { type: 'start' }, context)).toThrow(
      expect.objectContaining({ code: 'already-started' }),
    );
    expect(() => execute(definition, null, { type: 'cancel' }, context)).toThrow(EngineError);
  });
});
