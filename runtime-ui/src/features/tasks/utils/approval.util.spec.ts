import { describe, expect, it } from '@jest/globals';
import { menuActions, peopleHistory, sendBackTargets } from './approval.util.js';

describe(peopleHistory.name, () => {
  it('should keep the moves people made, newest first, with their target', () => {
    const rows = [
      {
        at: '2026-01-01T08:00:00Z',
        elementId: 'assess',
        event: 'entered',
        actor: null,
        reason: null,
        details: null,
      },
      {
        at: '2026-01-01T09:00:00Z',
        elementId: 'assess',
        event: 'transferred',
        actor: 'nurse.a',
        reason: '交接',
        details: { taskId: 't1', from: 'nurse.a', to: 'nurse.b' },
      },
      {
        at: '2026-01-01T10:00:00Z',
        elementId: 'approve',
        event: 'sent-back',
        actor: 'doctor',
        reason: '重评',
        details: { taskId: 't2', taskName: '审批', toElementId: 'assess', toName: '评估' },
      },
    ];
    expect(peopleHistory(rows)).toEqual([
      expect.objectContaining({
        event: 'sent-back',
        actor: 'doctor',
        target: '评估',
        taskId: 't2',
        taskName: '审批',
      }),
      expect.objectContaining({
        event: 'transferred',
        actor: 'nurse.a',
        target: 'nurse.b',
        reason: '交接',
        taskName: 'assess',
      }),
    ]);
  });
});

describe(sendBackTargets.name, () => {
  it('should list earlier completed steps once each, latest first, without the current one', () => {
    const tasks = [
      { elementId: 'assess', name: '评估', status: 'completed', completedAt: '2026-01-01T08:00:00Z' },
      { elementId: 'review', name: '复核', status: 'completed', completedAt: '2026-01-01T09:00:00Z' },
      { elementId: 'assess', name: '评估', status: 'completed', completedAt: '2026-01-01T10:00:00Z' },
      { elementId: 'approve', name: '审批', status: 'open', completedAt: null },
      { elementId: 'approve', name: '审批', status: 'completed', completedAt: '2026-01-01T07:00:00Z' },
    ];
    expect(sendBackTargets(tasks, 'approve')).toEqual([
      { elementId: 'assess', name: '评估' },
      { elementId: 'review', name: '复核' },
    ]);
  });
});

describe(menuActions.name, () => {
  it('should keep the menu order and leave resolve to the form', () => {
    expect(menuActions(['cc', 'resolve', 'transfer', 'send-back'])).toEqual(['transfer', 'send-back', 'cc']);
  });
});
