import { evaluate, truthy } from '@careloom/logic';
import type {
  Labels,
  ScaleBand,
  ScaleConditionBand,
  ScaleDefinition,
  ScaleGrade,
  ScaleRangeBand,
  ScaleResult,
} from './forms.types.js';

export interface ScoreScaleOptions {
  now?: string;
  timeZone?: string;
}

/**
 * Scores answers against a scale: item scores, section subtotals, section grades (sections with `grades`),
 * total, the band of the total (range bands) or the worst band whose condition holds (condition bands), then
 * the override rules in list order (JSON Logic over `{ answers, facts, total, subtotals, grades }`). With
 * missing or unknown answers the band is not looked up (level null) but `set-level` rules still apply; a
 * section is graded only when all its items are answered.
 * Throws LogicError when a condition or an override rule fails to evaluate.
 */
export function scoreScale(
  scale: ScaleDefinition,
  answers: Record<string, unknown>,
  facts: Record<string, unknown> = {},
  options: ScoreScaleOptions = {},
): ScaleResult {
  const itemScores = new Map<string, number>();
  const missing: string[] = [];
  for (const item of scale.items) {
    const answer = Object.prototype.hasOwnProperty.call(answers, item.field)
      ? answers[item.field]
      : undefined;
    const option = item.options.find((candidate) => candidate.value === answer);
    if (option === undefined) {
      missing.push(item.field);
    } else {
      itemScores.set(item.field, option.score);
    }
  }
  let total = 0;
  for (const score of itemScores.values()) {
    total += score;
  }
  const subtotals: Record<string, number> = {};
  for (const section of scale.sections ?? []) {
    subtotals[section.id] = section.items.reduce((sum, field) => sum + (itemScores.get(field) ?? 0), 0);
  }
  const complete = missing.length === 0;

  const graded = (scale.sections ?? []).filter((section) => section.grades !== undefined);
  const grades: Record<string, ScaleGrade> = {};
  const gradeNumbers: Record<string, number | null> = {};
  const sectionContext = { answers, facts, total, subtotals };
  for (const section of graded) {
    const bands = section.grades ?? [];
    const answered = section.items.every((field) => itemScores.has(field));
    const index = answered
      ? bandIndexOf(bands, subtotals[section.id] ?? 0, sectionContext, options)
      : undefined;
    const band = index === undefined ? undefined : bands[index];
    grades[section.id] = {
      grade: index ?? null,
      level: band?.level ?? null,
      labels: band === undefined ? null : copyLabels(band.labels),
    };
    gradeNumbers[section.id] = index ?? null;
  }

  const context =
    graded.length > 0
      ? { answers, facts, total, subtotals, grades: gradeNumbers }
      : { answers, facts, total, subtotals };
  let levelIndex: number | undefined = complete
    ? bandIndexOf(scale.bands, total, context, options)
    : undefined;
  const applied: string[] = [];
  for (const rule of scale.overrides ?? []) {
    if (!truthy(evaluate(rule.when, context, options))) {
      continue;
    }
    switch (rule.type) {
      case 'set-level': {
        const index = scale.bands.findIndex((band) => band.level === rule.level);
        if (index >= 0) {
          levelIndex = index;
          applied.push(rule.id);
        }
        break;
      }
      case 'shift-level':
        if (levelIndex !== undefined) {
          levelIndex = Math.min(Math.max(levelIndex + rule.by, 0), scale.bands.length - 1);
          applied.push(rule.id);
        }
        break;
    }
  }
  const band = levelIndex === undefined ? undefined : scale.bands[levelIndex];
  const result: ScaleResult = {
    edition: scale.edition,
    total,
    subtotals,
    level: band?.level ?? null,
    labels: band === undefined ? null : copyLabels(band.labels),
    complete,
    missing,
    overrides: applied,
  };
  if (graded.length > 0) {
    result.grades = grades;
  }
  return result;
}

function copyLabels(labels: Labels): Labels {
  return { 'zh-CN': labels['zh-CN'], en: labels.en };
}

export function isConditionBand(band: ScaleBand): band is ScaleConditionBand {
  return 'when' in band && band.when !== undefined;
}

/**
 * The index of the band for `total`: the range that holds it, or — for condition bands — the worst band whose
 * condition holds on `context`. Undefined when none applies.
 */
function bandIndexOf(
  bands: readonly ScaleBand[],
  total: number,
  context: Record<string, unknown>,
  options: ScoreScaleOptions,
): number | undefined {
  if (bands.some(isConditionBand)) {
    for (let index = bands.length - 1; index >= 0; index -= 1) {
      const band = bands[index];
      if (band !== undefined && isConditionBand(band) && truthy(evaluate(band.when, context, options))) {
        return index;
      }
    }
    return undefined;
  }
  const index = bands.findIndex(
    (band) => total >= (band as ScaleRangeBand).min && total <= (band as ScaleRangeBand).max,
  );
  return index >= 0 ? index : undefined;
}

/** Lowest and highest possible totals. */
export function scaleRange(scale: ScaleDefinition): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const item of scale.items) {
    const scores = item.options.map((option) => option.score);
    min += Math.min(...scores);
    max += Math.max(...scores);
  }
  return { min, max };
}
