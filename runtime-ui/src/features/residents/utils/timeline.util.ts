/** What the timeline needs of a record, a task and a rule firing (the API DTOs satisfy these). */
export interface TimelineRecord {
  id: string;
  formKey: string;
  createdAt: string;
}
export interface TimelineTask {
  id: string;
  name: string;
  status: 'open' | 'completed' | 'cancelled';
  createdAt: string;
  completedAt: string | null;
  dueAt: string | null;
}
export interface TimelineFiring {
  id: string;
  ruleId: string;
  status: 'matched' | 'failed' | 'depth-limit';
  at: string;
  why: string[];
  error: string | null;
}

export type TimelineEntry =
  | { type: 'record'; key: string; at: string; record: TimelineRecord }
  | { type: 'task'; key: string; at: string; task: TimelineTask }
  | { type: 'alert'; key: string; at: string; firing: TimelineFiring };

export interface TimelineSources {
  records: readonly TimelineRecord[];
  tasks: readonly TimelineTask[];
  firings: readonly TimelineFiring[];
}

/**
 * One list, newest first: records at their creation, tasks at their completion (open ones at their
 * creation), rule alerts at their firing. Equal times keep a stable order (records, tasks, alerts).
 */
export function buildTimeline({ records, tasks, firings }: TimelineSources): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...records.map((record): TimelineEntry => ({
      type: 'record',
      key: `record:${record.id}`,
      at: record.createdAt,
      record,
    })),
    ...tasks.map((task): TimelineEntry => ({
      type: 'task',
      key: `task:${task.id}`,
      at: task.completedAt ?? task.createdAt,
      task,
    })),
    ...firings.map((firing): TimelineEntry => ({
      type: 'alert',
      key: `alert:${firing.id}`,
      at: firing.at,
      firing,
    })),
  ];
  return entries
    .map((entry, index) => ({ entry, index, time: Date.parse(entry.at) }))
    .sort((a, b) => b.time - a.time || a.index - b.index)
    .map(({ entry }) => entry);
}

/** The allergies of an elder-archive record's data: trimmed, non-empty strings. */
export function allergiesOf(data: Record<string, unknown> | undefined): string[] {
  const value = data?.['allergies'];
  if (!Array.isArray(value)) {
    return [];
  }
  return value.filter((item): item is string => typeof item === 'string' && item.trim().length > 0);
}
