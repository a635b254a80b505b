/**
 * Pure decisions of the work-orders module: business keys, the status a person understands, the SLA
 * clock and the history timeline (what a family member may see of it). No database, no clock of its own.
 */

/** The complaint-workorder process and the elements the module knows by id. */
export const WORK_ORDER_PROCESS = 'complaint-workorder';
export const INTAKE_FORM = 'complaint-intake';
export const CALLBACK_FORM = 'complaint-callback';
export const ELEMENTS = {
  firstResponse: 'firstResponse',
  resolve: 'resolve',
  directorReview: 'directorReview',
  callback: 'callback',
  waitCallback: 'waitCallback',
  handle: 'handle',
  resolutionLate: 'resolutionLate',
  handleEnd: 'handleEnd',
  countReopen: 'countReopen',
} as const;
/** The channel value a family member's filing gets when the intake form offers it. */
export const FAMILY_CHANNEL = 'family-portal';

export type WorkOrderStatus = 'open' | 'awaiting-callback' | 'closed' | 'cancelled';
/** The list filter: `resolved` = awaiting the callback (the handling is done). */
export type WorkOrderStatusFilter = 'open' | 'resolved' | 'closed' | 'cancelled';

/** `TS-20350301-0007`: the tenant-local day and the day's sequence number. */
export function businessKeyOf(day: string, sequence: number): string {
  if (!/^\d{8}$/.test(day) || !Number.isInteger(sequence) || sequence < 1) {
    throw new Error(`bad business key parts ${day} ${sequence}`);
  }
  return `TS-${day}-${String(sequence).padStart(4, '0')}`;
}

export function workOrderStatusOf(instanceStatus: string, awaitingCallback: boolean): WorkOrderStatus {
  if (instanceStatus === 'cancelled') {
    return 'cancelled';
  }
  if (instanceStatus === 'completed') {
    return 'closed';
  }
  return awaitingCallback ? 'awaiting-callback' : 'open';
}

export type SlaState = 'running' | 'overdue' | 'met' | 'missed' | 'none';
export type SlaClock = {
  dueAt: Date | null;
  /** Counted on the business calendar (working days and hours) rather than plain clock time. */
  businessTime: boolean;
  state: SlaState;
  /** Until the deadline (running), or how late it is / was (overdue, missed); wall-clock milliseconds. */
  remainingMs: number | null;
  overdueMs: number | null;
  doneAt: Date | null;
};

/** One deadline: still running or overdue while `doneAt` is null, else met or missed. */
export function slaClockOf(
  dueAt: Date | null,
  doneAt: Date | null,
  now: Date,
  businessTime: boolean,
): SlaClock {
  if (!dueAt) {
    return { dueAt: null, businessTime, state: 'none', remainingMs: null, overdueMs: null, doneAt };
  }
  const end = (doneAt ?? now).getTime();
  const late = end - dueAt.getTime();
  if (doneAt) {
    return {
      dueAt,
      businessTime,
      state: late > 0 ? 'missed' : 'met',
      remainingMs: null,
      overdueMs: late > 0 ? late : null,
      doneAt,
    };
  }
  return late > 0
    ? { dueAt, businessTime, state: 'overdue', remainingMs: null, overdueMs: late, doneAt: null }
    : { dueAt, businessTime, state: 'running', remainingMs: -late, overdueMs: null, doneAt: null };
}

/** The values a JSON Schema property offers (`enum`, or `oneOf`/`anyOf` of `const`). */
export function optionValues(property: unknown): unknown[] {
  if (typeof property !== 'object' || property === null) {
    return [];
  }
  const p = property as { enum?: unknown; oneOf?: unknown; anyOf?: unknown };
  if (Array.isArray(p.enum)) {
    return p.enum as unknown[];
  }
  const options = Array.isArray(p.oneOf) ? p.oneOf : Array.isArray(p.anyOf) ? p.anyOf : [];
  return (options as unknown[])
    .map((o) => (typeof o === 'object' && o !== null ? (o as { const?: unknown }).const : undefined))
    .filter((v) => v !== undefined);
}

/**
 * What a family member's filing stores: the channel forced to the family portal (when the form offers
 * it), the complainant defaulting to them.
 */
export function familyIntakeData(
  schema: Record<string, unknown>,
  data: Record<string, unknown>,
  displayName: string,
): Record<string, unknown> {
  const properties = (schema['properties'] ?? {}) as Record<string, unknown>;
  const result = { ...data };
  if (optionValues(properties['channel']).includes(FAMILY_CHANNEL)) {
    result['channel'] = FAMILY_CHANNEL;
  }
  if (result['filedBy'] === undefined && optionValues(properties['filedBy']).includes('family')) {
    result['filedBy'] = 'family';
  }
  if (result['complainantName'] === undefined || result['complainantName'] === '') {
    result['complainantName'] = displayName;
  }
  return result;
}

export type HistoryRow = {
  at: Date;
  elementId: string;
  elementType: string;
  event: string;
  actorId?: string | null;
  actorName?: string | null;
  reason?: string | null;
  details?: Record<string, unknown> | null;
};

export type TimelineKind =
  'filed' | 'step-opened' | 'step-done' | 'approval' | 'escalated' | 'resolved' | 'reopened' | 'closed';

export type TimelineEntry = {
  at: Date;
  kind: TimelineKind;
  elementId: string;
  /** approval moves: transferred, delegated, sent-back … */
  event: string;
  /** Null for a family member unless it was them: the home acted. */
  actorName: string | null;
  byYou: boolean;
  reason: string | null;
  taskId: string | null;
};

const CLOSING_ENDS = new Set(['closed', 'closedAfterReview']);

function kindOf(row: HistoryRow, first: boolean): TimelineKind | null {
  if (row.actorName) {
    return row.event === 'completed' ? 'step-done' : 'approval';
  }
  if (row.event !== 'entered') {
    return null;
  }
  switch (row.elementType) {
    case 'startEvent':
      return first ? 'filed' : null;
    case 'userTask':
      return 'step-opened';
    case 'serviceTask':
      return 'escalated';
    case 'businessRuleTask':
      return row.elementId === ELEMENTS.countReopen ? 'reopened' : null;
    case 'endEvent':
      return row.elementId === ELEMENTS.handleEnd
        ? 'resolved'
        : CLOSING_ENDS.has(row.elementId)
          ? 'closed'
          : null;
    default:
      return null;
  }
}

/**
 * The history a person reads: filed, steps opened and done (who, why), escalations, resolved, reopened,
 * closed. A family member sees no staff names (the home acted), no approval moves and no escalations.
 */
export function timelineOf(
  rows: readonly HistoryRow[],
  viewer: { family: boolean; userId: string },
): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  let first = true;
  for (const row of rows) {
    const kind = kindOf(row, first);
    if (row.elementType === 'startEvent' && row.event === 'entered') {
      first = false;
    }
    if (!kind || (viewer.family && (kind === 'approval' || kind === 'escalated'))) {
      continue;
    }
    const byYou = !!row.actorId && row.actorId === viewer.userId;
    const taskId = row.details?.['taskId'];
    entries.push({
      at: row.at,
      kind,
      elementId: row.elementId,
      event: row.event,
      actorName: viewer.family && !byYou ? null : (row.actorName ?? null),
      byYou,
      reason: viewer.family ? null : (row.reason ?? null),
      taskId: typeof taskId === 'string' ? taskId : null,
    });
  }
  return entries;
}

/** A copy of `data` without the values at the JSON pointers (sensitive fields kept out of process variables). */
export function withoutPaths(
  data: Record<string, unknown>,
  pointers: readonly string[],
): Record<string, unknown> {
  const copy = structuredClone(data);
  for (const pointer of pointers) {
    const keys = pointer
      .split('/')
      .slice(1)
      .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
    let parent: unknown = copy;
    for (const key of keys.slice(0, -1)) {
      parent =
        typeof parent === 'object' && parent !== null ? (parent as Record<string, unknown>)[key] : undefined;
    }
    const last = keys[keys.length - 1];
    if (last !== undefined && typeof parent === 'object' && parent !== null) {
      delete (parent as Record<string, unknown>)[last];
    }
  }
  return copy;
}
