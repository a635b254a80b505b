import { evaluate, truthy } from '@careloom/logic';
import type { Labels, ScaleBand, ScaleDefinition, ScaleResult } from './forms.types.js';

export interface ScoreScaleOptions {
  now?: string;
  timeZone?: string;
}

/**
 * Scores answers against a scale: item scores, section subtotals, total, the band of the total, then the
 * override rules in list order (JSON Logic over `{ answers, facts, total, subtotals }`). With missing or
 * unknown answers the band is not looked up (level null) but `set-level` rules still apply.
 * Throws LogicError when an override rule fails to evaluate.
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
  let levelIndex: number | undefined = complete ? bandIndexOf(scale.bands, total) : undefined;
  const applied: string[] = [];
  const context = { answers, facts, total, subtotals };
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
  const labels: Labels | null =
    band === undefined ? null : { 'zh-CN': band.labels['zh-CN'], en: band.labels.en };
  return {
    edition: scale.edition,
    total,
    subtotals,
    level: band?.level ?? null,
    labels,
    complete,
    missing,
    overrides: applied,
  };
}

function bandIndexOf(bands: readonly ScaleBand[], total: number): number | undefined {
  const index = bands.findIndex((band) => total >= band.min && total <= band.max);
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
