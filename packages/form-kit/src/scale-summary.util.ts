import type { Labels, Locale, ScaleDefinition } from '@careloom/forms';
import { careText } from './care-form-text.constants.js';
import { formFields } from './form-fields.util.js';

/** One graded section (a domain) of a scale result, as a person reads it. */
export interface DomainGradeSummary {
  id: string;
  /** The section's label (its id when it has none). */
  label: string;
  /** The grade number (0 = best); null while the section is not graded (answers missing). */
  grade: number | null;
  /** The grade's label without a leading grade number (`2 中度受损` → `中度受损`). */
  gradeLabel: string | null;
  /** The section's subtotal when its grades are ranges of it; null when a rule table grades it. */
  subtotal: number | null;
}

/**
 * A scale result read against its definition. `graded`: the scale grades its sections (e.g. MZ/T 039-2013) and
 * derives the overall level from those grades, so the level and the domain grades matter and the total is only
 * the plain sum of the item scores.
 */
export interface ScaleSummary {
  graded: boolean;
  edition: string | null;
  total: number | null;
  level: string | null;
  levelLabel: string | null;
  /** Index of the level in the scale's bands (best → worst), -1 when none. */
  levelIndex: number;
  complete: boolean;
  missing: number;
  domains: DomainGradeSummary[];
  /** Reasons (else ids) of the override rules that applied, in order. */
  adjustments: string[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLabels(value: unknown): value is Labels {
  return isObject(value) && typeof value['zh-CN'] === 'string' && typeof value['en'] === 'string';
}

/** `2 中度受损` with grade 2 → `中度受损`; a label without the number stays as it is. */
function withoutGradeNumber(label: string, grade: number): string {
  const match = new RegExp(`^\\s*${grade}(?:\\s+|\\s*[.、:：]\\s*)(\\S.*)$`).exec(label);
  return match?.[1] ?? label;
}

/** Whether the value is a scale definition with the lists this module reads. */
export function isScaleDefinition(value: unknown): value is ScaleDefinition {
  return isObject(value) && Array.isArray(value['items']) && Array.isArray(value['bands']);
}

/**
 * A stored or live scale result (`{ total, level, labels, grades, subtotals, overrides, … }`) read with its
 * definition: the overall level, each graded section's grade and the adjustments that applied. Null when the
 * value is not a result object.
 */
export function summarizeScale(
  scale: ScaleDefinition | undefined,
  value: unknown,
  locale: Locale,
): ScaleSummary | null {
  if (!isObject(value)) {
    return null;
  }
  const grades = isObject(value['grades']) ? value['grades'] : {};
  const subtotals = isObject(value['subtotals']) ? value['subtotals'] : {};
  const sections = (scale?.sections ?? []).filter((section) => Array.isArray(section.grades));
  const domains = sections.map((section): DomainGradeSummary => {
    const stored = grades[section.id];
    const grade = isObject(stored) && typeof stored['grade'] === 'number' ? stored['grade'] : null;
    const labels = isObject(stored) ? stored['labels'] : undefined;
    const byRange = (section.grades ?? []).every((band) => 'min' in band);
    const subtotal = subtotals[section.id];
    return {
      id: section.id,
      label: section.label?.[locale] ?? section.id,
      grade,
      gradeLabel: grade !== null && isLabels(labels) ? withoutGradeNumber(labels[locale], grade) : null,
      subtotal: byRange && grade !== null && typeof subtotal === 'number' ? subtotal : null,
    };
  });
  const level = typeof value['level'] === 'string' ? value['level'] : null;
  const applied = Array.isArray(value['overrides']) ? value['overrides'] : [];
  return {
    graded: domains.length > 0,
    edition: typeof value['edition'] === 'string' ? value['edition'] : null,
    total: typeof value['total'] === 'number' ? value['total'] : null,
    level,
    levelLabel: isLabels(value['labels']) ? value['labels'][locale] : null,
    levelIndex: level === null ? -1 : (scale?.bands.findIndex((band) => band.level === level) ?? -1),
    complete: value['complete'] === true,
    missing: Array.isArray(value['missing']) ? value['missing'].length : 0,
    domains,
    adjustments: applied
      .filter((id): id is string => typeof id === 'string')
      .map((id) => scale?.overrides?.find((rule) => rule.id === id)?.reason?.[locale] ?? id),
  };
}

/** `2 级 中度受损` / `grade 2 Moderately impaired`; null while the domain is not graded. */
export function gradeText(domain: DomainGradeSummary, locale: Locale): string | null {
  return domain.grade === null
    ? null
    : careText(locale, 'grade', { grade: domain.grade, name: domain.gradeLabel ?? '' }).trim();
}

/** `日常生活活动：2 级 中度受损（60 分）` / `Activities of daily living: grade 2 Moderately impaired (60 pts)`. */
export function domainGradeText(domain: DomainGradeSummary, locale: Locale): string {
  const grade = gradeText(domain, locale);
  if (grade === null) {
    return careText(locale, 'domainNotGraded', { label: domain.label });
  }
  const text = careText(locale, 'domainGrade', { label: domain.label, grade });
  return domain.subtotal === null
    ? text
    : `${text}${careText(locale, 'subtotal', { score: domain.subtotal })}`;
}

/** `日常生活活动 2 级`: a domain's grade in few words (the live line next to the save button). */
export function domainGradeShort(domain: DomainGradeSummary, locale: Locale): string {
  return domain.grade === null
    ? careText(locale, 'domainNotGradedShort', { label: domain.label })
    : careText(locale, 'domainGradeShort', { label: domain.label, grade: domain.grade });
}

/**
 * A graded scale's result in one line: the overall level first, then each domain's grade; the item-score sum is
 * left out (the standard does not use it).
 */
export function gradedScaleText(summary: ScaleSummary, locale: Locale): string {
  const level = summary.levelLabel ?? careText(locale, 'notGraded');
  const separator = locale === 'zh-CN' ? '；' : '; ';
  const domains = summary.domains.map((domain) => domainGradeText(domain, locale)).join(separator);
  return domains === '' ? level : `${level} · ${domains}`;
}

/** Every scale result field of a form: pointer → its `x-scale`. */
export function scalesByPointer(schema: unknown): Map<string, ScaleDefinition> {
  const scales = new Map<string, ScaleDefinition>();
  for (const field of formFields(schema)) {
    const scale = field.schema['x-scale'];
    if (isScaleDefinition(scale)) {
      scales.set(field.pointer, scale);
    }
  }
  return scales;
}

/** The live result next to the save button: a headline and, for graded scales, the domain grades. */
export interface LiveScoreText {
  headline: string;
  detail: string | null;
}

/**
 * What to show next to the save button while a scale is filled; null before anything counts (no answer scored,
 * no domain graded). Graded scales: the level (or "not graded yet") and each domain's grade, never the total.
 */
export function liveScoreText(summary: ScaleSummary | null, locale: Locale): LiveScoreText | null {
  if (summary === null) {
    return null;
  }
  if (summary.graded) {
    if (summary.level === null && summary.domains.every((domain) => domain.grade === null)) {
      return null;
    }
    return {
      headline: summary.levelLabel ?? careText(locale, 'notGraded'),
      detail: summary.domains.map((domain) => domainGradeShort(domain, locale)).join(' · '),
    };
  }
  if (summary.total === null || (summary.total <= 0 && !summary.complete)) {
    return null;
  }
  return {
    headline: [careText(locale, 'points', { score: summary.total }), summary.levelLabel]
      .filter(Boolean)
      .join(' · '),
    detail: null,
  };
}
