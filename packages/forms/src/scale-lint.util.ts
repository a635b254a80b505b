import { checkLogic } from '@careloom/logic';
import type { FormField } from './form-fields.util.js';
import type { LintIssue, Locale } from './forms.types.js';
import { isPlainObject, joinPointer, type JsonObject } from './json.util.js';
import { lintIssue } from './lint-issue.util.js';
import { logicIssues } from './logic-lint.util.js';

function isLabels(value: unknown): boolean {
  return isPlainObject(value) && typeof value['zh-CN'] === 'string' && typeof value['en'] === 'string';
}

/**
 * Checks an `x-scale` value beyond its shape: items answer sibling fields, every option has an integer score,
 * option values are unique, bands are integer, cover every possible total without gap or overlap, override
 * rules name known levels and their logic reads only answers, facts, total and subtotals.
 */
export function lintScale(
  scale: unknown,
  field: FormField,
  siblings: JsonObject,
  recordFields: readonly string[],
  locale: Locale,
): LintIssue[] {
  const base = joinPointer(field.schemaPath, 'x-scale');
  const issues: LintIssue[] = [];
  const error = (code: string, path: string, zh: string, en: string): void => {
    issues.push(lintIssue('error', code, path, { 'zh-CN': zh, en }, locale));
  };
  if (!isPlainObject(scale)) {
    error('scale-invalid', base, '评分量表定义应为对象', 'A scale definition must be an object');
    return issues;
  }
  if (typeof scale['edition'] !== 'string' || scale['edition'] === '') {
    error(
      'scale-edition-missing',
      joinPointer(base, 'edition'),
      '评分量表缺少版本号（edition）',
      'The scale has no edition',
    );
  }
  const items = Array.isArray(scale['items']) ? (scale['items'] as unknown[]) : [];
  if (items.length === 0) {
    error(
      'scale-no-items',
      joinPointer(base, 'items'),
      '评分量表至少需要一个题目',
      'A scale needs at least one item',
    );
  }
  let minTotal = 0;
  let maxTotal = 0;
  let scoresValid = true;
  const itemFields = new Set<string>();
  const itemRanges = new Map<string, { min: number; max: number }>();
  items.forEach((item, itemIndex) => {
    const itemPath = joinPointer(base, 'items', itemIndex);
    if (!isPlainObject(item) || typeof item['field'] !== 'string') {
      error('scale-invalid', itemPath, '题目应包含 field 和 options', 'An item needs a field and options');
      scoresValid = false;
      return;
    }
    const name = item['field'];
    if (itemFields.has(name)) {
      error(
        'scale-duplicate-item',
        joinPointer(itemPath, 'field'),
        `题目「${name}」重复`,
        `Item "${name}" is listed twice`,
      );
    }
    itemFields.add(name);
    const sibling = siblings[name];
    if (!isPlainObject(sibling)) {
      error(
        'scale-unknown-item',
        joinPointer(itemPath, 'field'),
        `题目「${name}」不是同一层级的字段`,
        `Item "${name}" is not a property next to the scale field`,
      );
    }
    const options = Array.isArray(item['options']) ? (item['options'] as unknown[]) : [];
    if (options.length === 0) {
      error(
        'scale-no-options',
        joinPointer(itemPath, 'options'),
        `题目「${name}」没有选项`,
        `Item "${name}" has no options`,
      );
      scoresValid = false;
      return;
    }
    const values: unknown[] = [];
    const scores: number[] = [];
    options.forEach((option, optionIndex) => {
      const optionPath = joinPointer(itemPath, 'options', optionIndex);
      if (!isPlainObject(option)) {
        error('scale-invalid', optionPath, '选项应为对象', 'An option must be an object');
        scoresValid = false;
        return;
      }
      const score = option['score'];
      if (typeof score !== 'number' || !Number.isInteger(score)) {
        error(
          'scale-option-without-score',
          optionPath,
          `题目「${name}」的选项缺少整数分值（score）`,
          `An option of item "${name}" has no integer score`,
        );
        scoresValid = false;
      } else {
        scores.push(score);
      }
      if (!isLabels(option['label'])) {
        error(
          'scale-option-label',
          joinPointer(optionPath, 'label'),
          '选项需要中英文标签',
          'An option needs zh-CN and en labels',
        );
      }
      if (values.includes(option['value'])) {
        error(
          'scale-duplicate-option',
          joinPointer(optionPath, 'value'),
          `题目「${name}」的选项值重复`,
          `Item "${name}" repeats an option value`,
        );
      }
      values.push(option['value']);
    });
    const siblingEnum = isPlainObject(sibling) ? sibling['enum'] : undefined;
    if (Array.isArray(siblingEnum) && values.some((value) => !siblingEnum.includes(value))) {
      issues.push(
        lintIssue(
          'warning',
          'scale-options-mismatch',
          joinPointer(itemPath, 'options'),
          {
            'zh-CN': `题目「${name}」的选项值不在该字段的 enum 中`,
            en: `Option values of item "${name}" are not all in the field's enum`,
          },
          locale,
        ),
      );
    }
    if (scores.length > 0) {
      minTotal += Math.min(...scores);
      maxTotal += Math.max(...scores);
      itemRanges.set(name, { min: Math.min(...scores), max: Math.max(...scores) });
    }
  });

  const sectionIds = new Set<string>();
  const sections = Array.isArray(scale['sections']) ? (scale['sections'] as unknown[]) : [];
  sections.forEach((section, sectionIndex) => {
    const sectionPath = joinPointer(base, 'sections', sectionIndex);
    if (!isPlainObject(section) || typeof section['id'] !== 'string' || !Array.isArray(section['items'])) {
      error('scale-invalid', sectionPath, '分组应包含 id 和 items', 'A section needs an id and items');
      return;
    }
    if (sectionIds.has(section['id'])) {
      error(
        'scale-duplicate-section',
        joinPointer(sectionPath, 'id'),
        '分组 id 重复',
        'A section id is repeated',
      );
    }
    sectionIds.add(section['id']);
    (section['items'] as unknown[]).forEach((name, index) => {
      if (typeof name !== 'string' || !itemFields.has(name)) {
        error(
          'scale-unknown-item',
          joinPointer(sectionPath, 'items', index),
          `分组中的题目「${String(name)}」不存在`,
          `Section item "${String(name)}" is not an item of the scale`,
        );
      }
    });
  });

  const graded: string[] = [];
  const factFields = [
    ...[...itemFields].map((name) => `answers.${name}`),
    ...recordFields.map((path) => `facts.${path}`),
    'total',
    ...[...sectionIds].map((id) => `subtotals.${id}`),
  ];
  sections.forEach((section, sectionIndex) => {
    if (!isPlainObject(section) || section['grades'] === undefined || typeof section['id'] !== 'string') {
      return;
    }
    const names = Array.isArray(section['items']) ? (section['items'] as unknown[]) : [];
    const ranges = names.flatMap((name) => {
      const itemRange = typeof name === 'string' ? itemRanges.get(name) : undefined;
      return itemRange === undefined ? [] : [itemRange];
    });
    const range =
      ranges.length === names.length
        ? {
            min: ranges.reduce((sum, r) => sum + r.min, 0),
            max: ranges.reduce((sum, r) => sum + r.max, 0),
          }
        : undefined;
    graded.push(section['id']);
    lintBands(section['grades'], joinPointer(base, 'sections', sectionIndex, 'grades'), {
      range: scoresValid ? range : undefined,
      knownFields: factFields,
      locale,
      issues,
    });
  });

  const knownFields = [...factFields, ...graded.map((id) => `grades.${id}`)];
  const levels = lintBands(scale['bands'], joinPointer(base, 'bands'), {
    range: scoresValid ? { min: minTotal, max: maxTotal } : undefined,
    knownFields,
    locale,
    issues,
  });

  const overrides = Array.isArray(scale['overrides']) ? (scale['overrides'] as unknown[]) : [];
  overrides.forEach((rule, index) => {
    const rulePath = joinPointer(base, 'overrides', index);
    if (!isPlainObject(rule)) {
      error('scale-invalid', rulePath, '覆盖规则应为对象', 'An override rule must be an object');
      return;
    }
    if (rule['type'] === 'set-level' && (typeof rule['level'] !== 'string' || !levels.has(rule['level']))) {
      error(
        'scale-unknown-level',
        joinPointer(rulePath, 'level'),
        `覆盖规则指定的等级「${String(rule['level'])}」不存在`,
        `The override sets an unknown level "${String(rule['level'])}"`,
      );
    }
    if (
      rule['type'] === 'shift-level' &&
      (typeof rule['by'] !== 'number' || !Number.isInteger(rule['by']) || rule['by'] === 0)
    ) {
      error(
        'scale-invalid-shift',
        joinPointer(rulePath, 'by'),
        '等级调整（by）应为非零整数',
        'A shift (by) must be a non-zero integer',
      );
    }
    if (rule['type'] !== 'set-level' && rule['type'] !== 'shift-level') {
      error(
        'scale-invalid',
        joinPointer(rulePath, 'type'),
        '覆盖规则类型应为 set-level 或 shift-level',
        'An override type must be set-level or shift-level',
      );
    }
    issues.push(
      ...logicIssues(checkLogic(rule['when'], { knownFields }), joinPointer(rulePath, 'when'), locale),
    );
  });
  return issues;
}

interface BandLintContext {
  /** Lowest and highest possible total (or subtotal); undefined when scores are invalid. */
  range: { min: number; max: number } | undefined;
  /** Var paths condition bands may read. */
  knownFields: readonly string[];
  locale: Locale;
  issues: LintIssue[];
}

/**
 * Checks a list of bands (a scale's `bands` or a section's `grades`): at least one, unique levels, and either
 * integer ranges covering `range` without gap or overlap, or JSON Logic conditions reading `knownFields` —
 * not both kinds in one list. Returns the level codes.
 */
function lintBands(value: unknown, path: string, context: BandLintContext): Set<string> {
  const { range, knownFields, locale, issues } = context;
  const error = (code: string, at: string, zh: string, en: string): void => {
    issues.push(lintIssue('error', code, at, { 'zh-CN': zh, en }, locale));
  };
  const bands = Array.isArray(value) ? (value as unknown[]) : [];
  const levels = new Set<string>();
  if (bands.length === 0) {
    error('scale-no-bands', path, '评分量表至少需要一个等级', 'A scale needs at least one band');
  }
  const conditional = bands.filter((band) => isPlainObject(band) && band['when'] !== undefined).length;
  if (conditional > 0 && conditional < bands.length) {
    error(
      'scale-band-mixed',
      path,
      '同一组等级不能混用分数区间（min/max）和条件（when）',
      'One list of bands cannot mix score ranges (min/max) and conditions (when)',
    );
  }
  const byCondition = conditional > 0;
  const ranges: Array<{ min: number; max: number; index: number }> = [];
  bands.forEach((band, index) => {
    const bandPath = joinPointer(path, index);
    if (!isPlainObject(band) || typeof band['level'] !== 'string') {
      error(
        'scale-invalid',
        bandPath,
        '等级应包含 level、labels 以及 min、max 或 when',
        'A band needs level, labels and either min and max or when',
      );
      return;
    }
    if (levels.has(band['level'])) {
      error(
        'scale-duplicate-level',
        joinPointer(bandPath, 'level'),
        '等级代码重复',
        'A level code is repeated',
      );
    }
    levels.add(band['level']);
    if (byCondition) {
      if (band['when'] !== undefined) {
        if (band['min'] !== undefined || band['max'] !== undefined) {
          error(
            'scale-band-mixed',
            bandPath,
            '条件等级（when）不能同时有 min、max',
            'A band with a condition (when) cannot also have min or max',
          );
        }
        issues.push(
          ...logicIssues(checkLogic(band['when'], { knownFields }), joinPointer(bandPath, 'when'), locale),
        );
      }
      return;
    }
    const min = band['min'];
    const max = band['max'];
    if (
      typeof min !== 'number' ||
      typeof max !== 'number' ||
      !Number.isInteger(min) ||
      !Number.isInteger(max) ||
      min > max
    ) {
      error(
        'scale-band-range',
        bandPath,
        '等级的 min、max 应为整数且 min ≤ max',
        'Band min and max must be integers with min ≤ max',
      );
      return;
    }
    ranges.push({ min, max, index });
  });
  if (byCondition) {
    return levels;
  }
  ranges.sort((a, b) => a.min - b.min);
  ranges.forEach((current, position) => {
    const next = ranges[position + 1];
    if (next === undefined) {
      return;
    }
    const nextPath = joinPointer(path, next.index);
    if (next.min <= current.max) {
      error(
        'scale-band-overlap',
        nextPath,
        `等级分数区间重叠（${current.min}–${current.max} 与 ${next.min}–${next.max}）`,
        `Bands overlap (${current.min}–${current.max} and ${next.min}–${next.max})`,
      );
    } else if (next.min > current.max + 1) {
      error(
        'scale-band-gap',
        nextPath,
        `等级分数区间有空缺（${current.max + 1}–${next.min - 1}）`,
        `Bands leave a gap (${current.max + 1}–${next.min - 1})`,
      );
    }
  });
  const first = ranges[0];
  const last = ranges[ranges.length - 1];
  if (range !== undefined && first !== undefined && last !== undefined && ranges.length === bands.length) {
    if (first.min > range.min) {
      error(
        'scale-band-gap',
        path,
        `总分 ${range.min}–${first.min - 1} 没有对应等级`,
        `Totals ${range.min}–${first.min - 1} have no band`,
      );
    }
    if (last.max < range.max) {
      error(
        'scale-band-gap',
        path,
        `总分 ${last.max + 1}–${range.max} 没有对应等级`,
        `Totals ${last.max + 1}–${range.max} have no band`,
      );
    }
  }
  return levels;
}
