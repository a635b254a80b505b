/** The approval moves the task page offers, in menu order (resolve is the form's own button). */
export const MENU_ACTIONS = ['transfer', 'delegate', 'add-signer', 'send-back', 'withdraw', 'cc'] as const;
export type MenuAction = (typeof MENU_ACTIONS)[number];

/** History rows people made (the engine's token events have no actor). */
export const PEOPLE_EVENTS = [
  'completed',
  'transferred',
  'delegated',
  'resolved',
  'signer-added',
  'sent-back',
  'withdrawn',
  'copied',
  'cancelled',
] as const;
export type PeopleEvent = (typeof PEOPLE_EVENTS)[number];

export interface HistoryRow {
  at: string;
  elementId: string;
  elementType?: string;
  event: string;
  actor: string | null;
  reason: string | null;
  details: Record<string, unknown> | null;
}

export interface PeopleHistoryItem {
  at: string;
  elementId: string;
  event: PeopleEvent;
  actor: string;
  reason: string | null;
  /** The task the row is about (details.taskId) and its name (the element id for older rows; '' for the process). */
  taskId: string | null;
  taskName: string;
  /** Who got it (transfer, delegate, add signer) or where it went (send back). */
  target: string | null;
}

const isPeopleEvent = (event: string): event is PeopleEvent =>
  (PEOPLE_EVENTS as readonly string[]).includes(event);

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** The moves people made on an instance, newest first. */
export function peopleHistory(rows: readonly HistoryRow[]): PeopleHistoryItem[] {
  const items: PeopleHistoryItem[] = [];
  for (const row of rows) {
    // a cancelled task is the engine's (no actor); the instance ended by a person or a rule is a process row
    if (
      row.actor === null ||
      !isPeopleEvent(row.event) ||
      (row.event === 'cancelled' && row.elementType !== 'process')
    ) {
      continue;
    }
    const details = row.details ?? {};
    items.push({
      at: row.at,
      elementId: row.elementId,
      event: row.event,
      actor: row.actor,
      reason: row.reason,
      taskId: text(details['taskId']),
      taskName: row.event === 'cancelled' ? '' : (text(details['taskName']) ?? row.elementId),
      target:
        text(details['to']) ??
        text(details['signer']) ??
        text(details['toName']) ??
        text(details['toElementId']),
    });
  }
  return items.reverse();
}

export interface TaskStep {
  elementId: string;
  name: string;
  status: string;
  completedAt: string | null;
}

/** Earlier completed steps a task may be sent back to, the most recently completed first, one per element. */
export function sendBackTargets(
  tasks: readonly TaskStep[],
  currentElementId: string,
): { elementId: string; name: string }[] {
  const done = tasks
    .filter(
      (task) =>
        task.status === 'completed' && task.elementId !== currentElementId && task.completedAt !== null,
    )
    .sort((a, b) => Date.parse(b.completedAt ?? '') - Date.parse(a.completedAt ?? ''));
  const seen = new Set<string>();
  const targets: { elementId: string; name: string }[] = [];
  for (const task of done) {
    if (!seen.has(task.elementId)) {
      seen.add(task.elementId);
      targets.push({ elementId: task.elementId, name: task.name || task.elementId });
    }
  }
  return targets;
}

/** The menu entries for a task's allowed actions, in menu order. */
export function menuActions(allowed: readonly string[]): MenuAction[] {
  return MENU_ACTIONS.filter((action) => allowed.includes(action));
}
