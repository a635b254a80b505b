import { describe, expect, it } from '@jest/globals';
import { formKeyOf, isOverdue, relativeTime, sortTasks } from './task-view.util.js';

const NOW = new Date('2026-11-27T12:00:00.000Z');

describe(formKeyOf.name, () => {
  it('should strip the careloom:form: prefix when the task names its form with it', () => {
    expect(formKeyOf('careloom:form:fall-check')).toBe('fall-check');
  });

  it('should keep a bare key and answer null when the task has no form', () => {
    expect(formKeyOf('fall-check')).toBe('fall-check');
    expect(formKeyOf(null)).toBeNull();
    expect(formKeyOf('  ')).toBeNull();
  });
});

describe(isOverdue.name, () => {
  it('should be overdue only when the due time has passed', () => {
    expect(isOverdue({ dueAt: '2026-11-27T11:59:00.000Z', createdAt: '' }, NOW)).toBe(true);
    expect(isOverdue({ dueAt: '2026-11-27T12:01:00.000Z', createdAt: '' }, NOW)).toBe(false);
    expect(isOverdue({ dueAt: null, createdAt: '' }, NOW)).toBe(false);
  });
});

describe(sortTasks.name, () => {
  it('should put overdue tasks first, then by due time, tasks without due time last', () => {
    // given tasks in no particular order
    const tasks = [
      { id: 'none', dueAt: null, createdAt: '2026-11-27T08:00:00.000Z' },
      { id: 'later', dueAt: '2026-11-27T18:00:00.000Z', createdAt: '2026-11-27T08:00:00.000Z' },
      { id: 'overdue-1h', dueAt: '2026-11-27T11:00:00.000Z', createdAt: '2026-11-27T08:00:00.000Z' },
      { id: 'soon', dueAt: '2026-11-27T13:00:00.000Z', createdAt: '2026-11-27T08:00:00.000Z' },
      { id: 'overdue-3h', dueAt: '2026-11-27T09:00:00.000Z', createdAt: '2026-11-27T08:00:00.000Z' },
      { id: 'none-older', dueAt: null, createdAt: '2026-11-27T07:00:00.000Z' },
    ];

    // when sorted
    const ids = sortTasks(tasks, NOW).map((t) => t.id);

    // then the most overdue comes first and the input is untouched
    expect(ids).toEqual(['overdue-3h', 'overdue-1h', 'soon', 'later', 'none-older', 'none']);
    expect(tasks[0]?.id).toBe('none');
  });
});

describe(relativeTime.name, () => {
  it('should describe past and future times in the locale', () => {
    expect(relativeTime('2026-11-27T09:00:00.000Z', NOW, 'en')).toBe('3 hours ago');
    expect(relativeTime('2026-11-27T12:20:00.000Z', NOW, 'en')).toBe('in 20 minutes');
    expect(relativeTime('2026-11-25T12:00:00.000Z', NOW, 'en')).toBe('2 days ago');
    expect(relativeTime('2026-11-27T09:00:00.000Z', NOW, 'zh-CN')).toBe('3小时前');
  });

  it('should say now when under a minute away', () => {
    expect(relativeTime('2026-11-27T12:00:30.000Z', NOW, 'en')).toBe('now');
  });
});
