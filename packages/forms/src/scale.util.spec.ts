import { describe, expect, it } from '@jest/globals';
import barthelAdl from './fixtures/barthel-adl.schema.json' with { type: 'json' };
import type { ScaleDefinition } from './forms.types.js';
import { lintFormSchema } from './lint.util.js';
import { scoreScale } from './scale.util.js';

const BARTHEL = barthelAdl.properties.adl['x-scale'] as ScaleDefinition;

const FULL_MARKS = {
  feeding: 10,
  bathing: 5,
  grooming: 5,
  dressing: 10,
  bowels: 10,
  bladder: 10,
  toiletUse: 10,
  transfers: 15,
  mobility: 15,
  stairs: 10,
};

const L = (text: string): { 'zh-CN': string; en: string } => ({ 'zh-CN': text, en: text });

/** A three-item scale where lower is worse, with a dementia shift and a coma override. */
const SMALL: ScaleDefinition = {
  edition: 'small-1',
  items: ['a', 'b', 'c'].map((field) => ({
    field,
    options: [
      { value: 0, label: L('0'), score: 0 },
      { value: 1, label: L('1'), score: 1 },
      { value: 2, label: L('2'), score: 2 },
    ],
  })),
  bands: [
    { min: 5, max: 6, level: 'good', labels: L('good') },
    { min: 3, max: 4, level: 'fair', labels: L('fair') },
    { min: 0, max: 2, level: 'poor', labels: L('poor') },
  ],
  overrides: [
    { type: 'shift-level', id: 'dementia-worse', when: { var: 'facts.hasDementia' }, by: 1 },
    { type: 'set-level', id: 'coma', when: { '===': [{ var: 'facts.coma' }, true] }, level: 'poor' },
  ],
};

describe(scoreScale.name, () => {
  it('should score the Barthel index at 100 independent when every item has full marks', () => {
    // when
    const result = scoreScale(BARTHEL, FULL_MARKS);
    // then
    expect(result).toEqual({
      edition: 'barthel-2026.1',
      total: 100,
      subtotals: { selfCare: 40, continence: 20, mobility: 40 },
      level: 'independent',
      labels: { 'zh-CN': '无需依赖', en: 'Independent' },
      complete: true,
      missing: [],
      overrides: [],
    });
  });

  it.each([
    [{ ...FULL_MARKS, stairs: 0 }, 90, 'mild'],
    [{ ...FULL_MARKS, transfers: 0, mobility: 0, stairs: 0, bathing: 0, feeding: 0 }, 45, 'moderate'],
    [
      { ...FULL_MARKS, transfers: 0, mobility: 0, stairs: 0, bathing: 0, feeding: 0, dressing: 0 },
      35,
      'severe',
    ],
    [{ ...FULL_MARKS, transfers: 0, mobility: 0, stairs: 0, feeding: 0, toiletUse: 0 }, 40, 'severe'],
  ])('should band the Barthel total %#', (answers, total, level) => {
    const result = scoreScale(BARTHEL, answers);
    expect(result.total).toBe(total);
    expect(result.level).toBe(level);
  });

  it('should rate severe when the coma fact is true whatever the total', () => {
    // when
    const result = scoreScale(BARTHEL, FULL_MARKS, { coma: true });
    // then
    expect(result.total).toBe(100);
    expect(result.level).toBe('severe');
    expect(result.labels).toEqual({ 'zh-CN': '重度依赖', en: 'Severe dependence' });
    expect(result.overrides).toEqual(['coma-severe']);
  });

  it('should shift one grade worse when the dementia rule applies', () => {
    expect(scoreScale(SMALL, { a: 2, b: 2, c: 1 }, { hasDementia: true })).toMatchObject({
      total: 5,
      level: 'fair',
      overrides: ['dementia-worse'],
    });
  });

  it('should clamp a shift at the worst grade', () => {
    expect(scoreScale(SMALL, { a: 0, b: 0, c: 1 }, { hasDementia: true }).level).toBe('poor');
  });

  it('should apply rules in order so a later set-level wins', () => {
    expect(scoreScale(SMALL, { a: 2, b: 2, c: 2 }, { hasDementia: true, coma: true })).toMatchObject({
      level: 'poor',
      overrides: ['dementia-worse', 'coma'],
    });
  });

  it('should give no level but list missing items when answers are missing or not an option', () => {
    const result = scoreScale(SMALL, { a: 2, b: 7 });
    expect(result).toMatchObject({
      total: 2,
      level: null,
      labels: null,
      complete: false,
      missing: ['b', 'c'],
    });
  });

  it('should still apply set-level when answers are missing', () => {
    expect(scoreScale(SMALL, {}, { coma: true }).level).toBe('poor');
  });

  it('should copy the edition into the result', () => {
    expect(scoreScale({ ...SMALL, edition: 'small-2027.3' }, { a: 1, b: 1, c: 1 }).edition).toBe(
      'small-2027.3',
    );
  });
});

describe('x-scale lint', () => {
  const schemaWith = (scale: unknown): Record<string, unknown> => ({
    type: 'object',
    properties: {
      a: { type: 'integer', enum: [0, 1, 2] },
      b: { type: 'integer', enum: [0, 1, 2] },
      c: { type: 'integer', enum: [0, 1, 2] },
      hasDementia: { type: 'boolean' },
      coma: { type: 'boolean' },
      result: { type: 'object', 'x-scale': scale },
    },
  });
  const codes = (scale: unknown): string[] =>
    lintFormSchema(schemaWith(scale))
      .filter((issue) => issue.severity === 'error')
      .map((issue) => `${issue.code} ${issue.path}`);

  it('should accept a well-formed scale', () => {
    expect(codes(SMALL)).toEqual([]);
  });

  it('should refuse an option when it has no score', () => {
    const items = SMALL.items.map((item, index) =>
      index === 0 ? { ...item, options: [{ value: 0, label: L('0') }, ...item.options.slice(1)] } : item,
    );
    expect(codes({ ...SMALL, items })).toContain(
      'scale-option-without-score /properties/result/x-scale/items/0/options/0',
    );
  });

  it('should refuse overlapping and gapped bands', () => {
    const overlapping = { ...SMALL, bands: [SMALL.bands[0], { ...SMALL.bands[1], max: 5 }, SMALL.bands[2]] };
    const gapped = { ...SMALL, bands: [SMALL.bands[0], { ...SMALL.bands[1], min: 4 }, SMALL.bands[2]] };
    expect(codes(overlapping)).toEqual(['scale-band-overlap /properties/result/x-scale/bands/0']);
    expect(codes(gapped)).toEqual(['scale-band-gap /properties/result/x-scale/bands/1']);
  });

  it('should refuse bands when they do not reach the highest possible total', () => {
    const bands = [{ ...SMALL.bands[0], max: 5 }, SMALL.bands[1], SMALL.bands[2]];
    expect(codes({ ...SMALL, bands })).toEqual(['scale-band-gap /properties/result/x-scale/bands']);
  });

  it('should refuse an item when it is not a sibling field and an override when its level is unknown', () => {
    const scale = {
      ...SMALL,
      items: [...SMALL.items, { field: 'zz', options: [{ value: 0, label: L('0'), score: 0 }] }],
      overrides: [{ type: 'set-level', id: 'x', when: true, level: 'nope' }],
    };
    expect(codes(scale)).toEqual([
      'scale-unknown-item /properties/result/x-scale/items/3/field',
      'scale-unknown-level /properties/result/x-scale/overrides/0/level',
    ]);
  });

  it('should refuse override logic when it reads an unknown fact', () => {
    const scale = {
      ...SMALL,
      overrides: [{ type: 'shift-level', id: 'x', when: { var: 'facts.nope' }, by: 1 }],
    };
    expect(codes(scale)).toEqual(['logic.unknown-field /properties/result/x-scale/overrides/0/when/var']);
  });
});
