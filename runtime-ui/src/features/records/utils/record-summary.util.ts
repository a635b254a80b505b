import type { Locale } from '@careloom/app-shell';

export interface ScoreSummary {
  total: number;
  level: string | null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Total and level label of a record's first scored scale, if it has one. */
export function scoreSummary(scores: Record<string, unknown>, locale: Locale): ScoreSummary | null {
  for (const result of Object.values(scores)) {
    if (isObject(result) && typeof result['total'] === 'number') {
      const labels = result['labels'];
      const level = isObject(labels) && typeof labels[locale] === 'string' ? labels[locale] : null;
      return { total: result['total'], level };
    }
  }
  return null;
}
