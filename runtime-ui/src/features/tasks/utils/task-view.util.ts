/** The task fields the inbox's pure decisions read (TaskDto satisfies it). */
export interface TaskTiming {
  dueAt: string | null;
  createdAt: string;
}

const FORM_KEY_PREFIX = 'careloom:form:';

/** `careloom:form:<key>` or `<key>` → the form key; null when the task has no form. */
export function formKeyOf(formKey: string | null): string | null {
  if (formKey === null || formKey.trim() === '') {
    return null;
  }
  return formKey.startsWith(FORM_KEY_PREFIX) ? formKey.slice(FORM_KEY_PREFIX.length) : formKey;
}

/** An open task whose due time has passed at `now`. */
export function isOverdue(task: TaskTiming, now: Date): boolean {
  return task.dueAt !== null && Date.parse(task.dueAt) < now.getTime();
}

/** Overdue first (most overdue first), then by due time (none last), then oldest first. */
export function sortTasks<T extends TaskTiming>(tasks: readonly T[], now: Date): T[] {
  const due = (task: T) => (task.dueAt === null ? Number.POSITIVE_INFINITY : Date.parse(task.dueAt));
  return [...tasks].sort((a, b) => {
    const overdue = Number(isOverdue(b, now)) - Number(isOverdue(a, now));
    if (overdue !== 0) {
      return overdue;
    }
    const byDue = due(a) - due(b);
    if (byDue !== 0 && !Number.isNaN(byDue)) {
      return byDue;
    }
    return Date.parse(a.createdAt) - Date.parse(b.createdAt);
  });
}

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** `iso` relative to `now` in words ("3 小时前", "in 20 minutes"); under a minute counts as now. */
export function relativeTime(iso: string, now: Date, locale: string): string {
  const diff = Date.parse(iso) - now.getTime();
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) {
      return format.format(Math.trunc(diff / ms), unit);
    }
  }
  return format.format(0, 'second');
}
