import { describe, expect, it } from '@jest/globals';
import {
  describeVirtualTime,
  parseVariableValue,
  simulationRows,
  simulationStart,
  virtualDay,
  visitedElements,
} from './simulation.util.js';

describe(virtualDay.name, () => {
  it('should count Shanghai calendar days from the start when a task appears at midnight', () => {
    // given a start on 1 March 09:00 Shanghai and a task on 4 March 00:00 Shanghai (3 March 16:00 UTC)
    const start = simulationStart('2026-03-01');
    // then it is day 3 at 00:00
    expect(virtualDay(start, '2026-03-03T16:00:00.000Z')).toEqual({ day: 3, time: '00:00' });
    expect(virtualDay(start, start)).toEqual({ day: 0, time: '09:00' });
  });
});

describe(simulationRows.name, () => {
  it('should list the tasks, services and the end of a trace with their virtual day', () => {
    // given a trace with a timer, a task, a service, history and the end
    const start = simulationStart('2026-03-01');
    const effects = [
      { at: start, effect: { type: 'schedule-timer', elementId: 'w', timerId: 't', dueAt: 'x' } },
      {
        at: '2026-03-03T16:00:00.000Z',
        effect: { type: 'create-task', elementId: 'call', name: '回访家属' },
      },
      {
        at: '2026-03-04T01:00:00.000Z',
        effect: { type: 'run-service', elementId: 's', serviceType: 'notify' },
      },
      { at: '2026-03-04T01:00:00.000Z', effect: { type: 'history', elementId: 's', event: 'entered' } },
      { at: '2026-03-04T01:00:00.000Z', effect: { type: 'ended', status: 'completed' } },
      'garbage',
    ];
    // when
    const rows = simulationRows(start, effects);
    // then
    expect(rows.map((row) => [row.type, describeVirtualTime(row, 'zh-CN'), row.name])).toEqual([
      ['task', '第 3 天 00:00', '回访家属'],
      ['service', '第 3 天 09:00', 'notify'],
      ['ended', '第 3 天 09:00', 'completed'],
    ]);
    expect(describeVirtualTime({ day: 3, time: '09:00' }, 'en')).toBe('Day 3 09:00');
  });
});

describe(visitedElements.name, () => {
  it('should collect each entered element and taken flow once', () => {
    const effects = [
      { at: 'a', effect: { type: 'history', elementId: 'start', event: 'entered' } },
      { at: 'a', effect: { type: 'history', elementId: 'start', event: 'left' } },
      { at: 'a', effect: { type: 'history', elementId: 'flow1', event: 'taken' } },
      { at: 'b', effect: { type: 'history', elementId: 'start', event: 'entered' } },
    ];
    expect(visitedElements(effects)).toEqual(['start', 'flow1']);
  });
});

describe(parseVariableValue.name, () => {
  it('should keep numbers, booleans and JSON typed and dates as text', () => {
    expect(parseVariableValue('3')).toBe(3);
    expect(parseVariableValue('true')).toBe(true);
    expect(parseVariableValue('["a"]')).toEqual(['a']);
    expect(parseVariableValue('2026-03-01')).toBe('2026-03-01');
  });
});
