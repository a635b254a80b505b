import { describe, expect, it } from '@jest/globals';
import { allergiesOf, buildTimeline } from './timeline.util.js';

describe(buildTimeline.name, () => {
  it('should merge records, tasks and alerts newest first when their times interleave', () => {
    // given one of each, plus an open task without completion
    const sources = {
      records: [{ id: 'r1', formKey: 'barthel-adl', createdAt: '2026-11-27T10:00:00.000Z' }],
      tasks: [
        {
          id: 't1',
          name: 'Check',
          status: 'completed' as const,
          createdAt: '2026-11-27T08:00:00.000Z',
          completedAt: '2026-11-27T11:00:00.000Z',
          dueAt: null,
        },
        {
          id: 't2',
          name: 'Open',
          status: 'open' as const,
          createdAt: '2026-11-27T09:00:00.000Z',
          completedAt: null,
          dueAt: null,
        },
      ],
      firings: [
        {
          id: 'f1',
          ruleId: 'rule-1',
          status: 'matched' as const,
          at: '2026-11-27T12:00:00.000Z',
          why: ['total < 40'],
          error: null,
        },
      ],
    };

    // when merged
    const timeline = buildTimeline(sources);

    // then the alert is first, the completed task at its completion time, the open one at creation
    expect(timeline.map((e) => e.key)).toEqual(['alert:f1', 'task:t1', 'record:r1', 'task:t2']);
    expect(timeline[1]?.at).toBe('2026-11-27T11:00:00.000Z');
  });

  it('should keep records before tasks when both happen at the same instant', () => {
    const at = '2026-11-27T10:00:00.000Z';
    const timeline = buildTimeline({
      records: [{ id: 'r1', formKey: 'f', createdAt: at }],
      tasks: [{ id: 't1', name: 'T', status: 'completed', createdAt: at, completedAt: at, dueAt: null }],
      firings: [],
    });
    expect(timeline.map((e) => e.type)).toEqual(['record', 'task']);
  });

  it('should answer an empty list when there is nothing', () => {
    expect(buildTimeline({ records: [], tasks: [], firings: [] })).toEqual([]);
  });
});

describe(allergiesOf.name, () => {
  it('should keep non-empty strings when the archive lists allergies', () => {
    expect(allergiesOf({ allergies: ['青霉素', ' ', 3, '花粉'] })).toEqual(['青霉素', '花粉']);
  });

  it('should answer none when there is no archive or no list', () => {
    expect(allergiesOf(undefined)).toEqual([]);
    expect(allergiesOf({ allergies: 'penicillin' })).toEqual([]);
  });
});
