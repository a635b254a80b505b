import type { Locale } from '@careloom/app-shell';

export interface ScoreSummary {
  /** Null for a scale that grades its domains (MZ/T 039-2013): the standard does not use the item-score sum. */
  total: number | null;
  level: string | null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a result carries domain grades (`grades`), i.e. its level comes from them, not from the total. */
function graded(result: Record<string, unknown>): boolean {
  const grades = result['grades'];
  return isObject(grades) && Object.keys(grades).length > 0;
}

/** Total and level label of a record's first scored scale, if it has one. */
export function scoreSummary(scores: Record<string, unknown>, locale: Locale): ScoreSummary | null {
  for (const result of Object.values(scores)) {
    if (isObject(result) && typeof result['total'] === 'number') {
      const labels = result['labels'];
      const level = isObject(labels) && typeof labels[locale] === 'string' ? labels[locale] : null;
      return { total: graded(result) ? null : result['total'], level };
    }
  }
  return null;
}
