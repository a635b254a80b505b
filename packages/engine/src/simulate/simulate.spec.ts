import { describe, expect, it } from '@jest/globals';
import { deployOne } from '../__fixtures__/harness.util.js';
import { readFixture } from '../__fixtures__/read-fixture.js';
import { deployBpmn } from '../definition/deploy.util.js';
import { simulate } from './simulate.util.js';

const fixture = readFixture;

describe(simulate.name, () => {
  it('should schedule the onboarding family calls on day 3, 7, 15 and 30 after admission', async () => {
    // given the shipped template (a Camunda Modeler style export with DI)
    const result = await deployBpmn(fixture('onboarding-30-day.bpmn'));
    expect(result.ok && result.warnings).toEqual([]);
    const definition = await deployOne(fixture('onboarding-30-day.bpmn'));
    // when the steward completes each call two hours after it appears
    const trace = simulate(
      definition,
      {
        variables: { admissionDate: '2026-03-01', stewardId: 'steward-7' },
        tasks: ['callDay3', 'callDay7', 'callDay15', 'callDay30'].map((elementId) => ({
          elementId,
          after: 'PT2H',
          output: { reached: true },
        })),
      },
      { start: '2026-03-01T10:00:00+08:00' },
    );
    // then
    expect(trace.stopped).toBe('finished');
    expect(trace.status).toBe('completed');
    const timers = trace.effects.flatMap(({ effect }) =>
      effect.type === 'schedule-timer' ? [effect.dueAt] : [],
    );
    expect(timers).toEqual([
      '2026-03-03T16:00:00.000Z',
      '2026-03-07T16:00:00.000Z',
      '2026-03-15T16:00:00.000Z',
      '2026-03-30T16:00:00.000Z',
    ]);
    const tasks = trace.effects.flatMap(({ at, effect }) =>
      effect.type === 'create-task' ? [[at, effect.elementId, effect.assignee, effect.variables]] : [],
    );
    expect(tasks).toEqual([
      ['2026-03-03T16:00:00.000Z', 'callDay3', 'steward-7', { followUpDay: '3' }],
      ['2026-03-07T16:00:00.000Z', 'callDay7', 'steward-7', { followUpDay: '7' }],
      ['2026-03-15T16:00:00.000Z', 'callDay15', 'steward-7', { followUpDay: '15' }],
      ['2026-03-30T16:00:00.000Z', 'callDay30', 'steward-7', { followUpDay: '30' }],
    ]);
    expect(trace.endedAt).toBe('2026-03-30T18:00:00.000Z');
  });

  it('should escalate twice and hand a late complaint to a manager when the deadline passes', async () => {
    const definition = await deployOne(fixture('complaint-work-order.bpmn'));
    const trace = simulate(
      definition,
      {
        variables: {},
        tasks: [
          { elementId: 'register', after: 'PT10M', output: { complaintType: 'food' } },
          { elementId: 'kitchen', after: 'P5D' },
          { elementId: 'managerHandle', after: 'PT4H' },
          { elementId: 'callback', after: 'PT1H', output: { satisfied: true } },
        ],
        services: { notify: { output: { notified: true } } },
      },
      { start: '2026-05-01T09:00:00+08:00' },
    );
    expect(trace.status).toBe('completed');
    const entered = trace.effects.flatMap(({ effect }) =>
      effect.type === 'history' && effect.event === 'entered' ? [effect.elementId] : [],
    );
    expect(entered.filter((id) => id === 'notifySupervisor')).toHaveLength(2);
    expect(entered).toContain('managerHandle');
    expect(trace.effects.filter(({ effect }) => effect.type === 'cancel-task').map(({ at }) => at)).toEqual([
      '2026-05-04T01:10:00.000Z',
    ]);
    expect(trace.endedAt).toBe('2026-05-04T06:10:00.000Z');
  });

  it('should route a complaint by type and finish before the deadline', async () => {
    const definition = await deployOne(fixture('complaint-work-order.bpmn'));
    const trace = simulate(
      definition,
      {
        tasks: [
          { elementId: 'register', output: { complaintType: 'care' } },
          { elementId: 'careTeam', after: 'PT5H' },
        ],
      },
      { start: '2026-05-01T09:00:00+08:00' },
    );
    const created = trace.effects.flatMap(({ effect }) =>
      effect.type === 'create-task' ? [effect.elementId] : [],
    );
    expect(created).toEqual(['register', 'careTeam', 'callback']);
    expect(trace.status).toBe('completed');
  });

  it('should be deterministic', async () => {
    const definition = await deployOne(fixture('complaint-work-order.bpmn'));
    const run = (): string =>
      JSON.stringify(
        simulate(
          definition,
          { tasks: [{ elementId: 'kitchen', after: 'P4D' }] },
          { start: '2026-05-01T00:00:00Z' },
        ),
      );
    expect(run()).toEqual(run());
  });

  it('should stop with max-steps when a loop never ends', async () => {
    const definition = await deployOne(fixture('onboarding-30-day.bpmn'));
    const trace = simulate(
      definition,
      { variables: { admissionDate: '2026-03-01' } },
      { start: '2026-03-01T00:00:00Z', maxSteps: 3 },
    );
    expect(trace.stopped).toBe('max-steps');
    expect(trace.steps).toHaveLength(3);
  });
});
