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

  const bands = Array.isArray(scale['bands']) ? (scale['bands'] as unknown[]) : [];
  const levels = new Set<string>();
  const ranges: Array<{ min: number; max: number; index: number }> = [];
  if (bands.length === 0) {
    error(
      'scale-no-bands',
      joinPointer(base, 'bands'),
      '评分量表至少需要一个等级',
      'A scale needs at least one band',
    );
  }
  bands.forEach((band, index) => {
    const bandPath = joinPointer(base, 'bands', index);
    if (!isPlainObject(band) || typeof band['level'] !== 'string') {
      error(
        'scale-invalid',
        bandPath,
        '等级应包含 min、max、level 和 labels',
        'A band needs min, max, level and labels',
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
  ranges.sort((a, b) => a.min - b.min);
  ranges.forEach((range, position) => {
    const next = ranges[position + 1];
    if (next === undefined) {
      return;
    }
    const nextPath = joinPointer(base, 'bands', next.index);
    if (next.min <= range.max) {
      error(
        'scale-band-overlap',
        nextPath,
        `等级分数区间重叠（${range.min}–${range.max} 与 ${next.min}–${next.max}）`,
        `Bands overlap (${range.min}–${range.max} and ${next.min}–${next.max})`,
      );
    } else if (next.min > range.max + 1) {
      error(
        'scale-band-gap',
        nextPath,
        `等级分数区间有空缺（${range.max + 1}–${next.min - 1}）`,
        `Bands leave a gap (${range.max + 1}–${next.min - 1})`,
      );
    }
  });
  const first = ranges[0];
  const last = ranges[ranges.length - 1];
  if (scoresValid && first !== undefined && last !== undefined && ranges.length === bands.length) {
    if (first.min > minTotal) {
      error(
        'scale-band-gap',
        joinPointer(base, 'bands'),
        `总分 ${minTotal}–${first.min - 1} 没有对应等级`,
        `Totals ${minTotal}–${first.min - 1} have no band`,
      );
    }
    if (last.max < maxTotal) {
      error(
        'scale-band-gap',
        joinPointer(base, 'bands'),
        `总分 ${last.max + 1}–${maxTotal} 没有对应等级`,
        `Totals ${last.max + 1}–${maxTotal} have no band`,
      );
    }
  }

  const knownFields = [
    ...[...itemFields].map((name) => `answers.${name}`),
    ...recordFields.map((path) => `facts.${path}`),
    'total',
    ...[...sectionIds].map((id) => `subtotals.${id}`),
  ];
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
