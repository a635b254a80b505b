import { describe, expect, it } from '@jest/globals';
import { compileForm } from './compile-form.util.js';
import barthelAdl from './fixtures/barthel-adl.schema.json' with { type: 'json' };
import mzt039 from './fixtures/mzt039-ability.schema.json' with { type: 'json' };
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

/**
 * A rule-table scale in the manner of MZ/T 039-2013: section `s1` graded by its subtotal, section `s2` by
 * conditions on its answers, and the overall level from the two section grades (condition bands).
 */
const TABLE: ScaleDefinition = {
  edition: 'table-1',
  items: ['a', 'b', 'c', 'd'].map((field) => ({
    field,
    options: [
      { value: 0, label: L('0'), score: 0 },
      { value: 1, label: L('1'), score: 1 },
      { value: 2, label: L('2'), score: 2 },
    ],
  })),
  sections: [
    {
      id: 's1',
      items: ['a', 'b'],
      grades: [
        { min: 0, max: 1, level: 'ok', labels: L('ok') },
        { min: 2, max: 4, level: 'impaired', labels: L('impaired') },
      ],
    },
    {
      id: 's2',
      items: ['c', 'd'],
      grades: [
        { when: { '===': [{ var: 'answers.c' }, 0] }, level: 'ok', labels: L('ok') },
        { when: { '>=': [{ var: 'answers.c' }, 1] }, level: 'impaired', labels: L('impaired') },
        { when: { '===': [{ var: 'answers.d' }, 2] }, level: 'lost', labels: L('lost') },
      ],
    },
  ],
  bands: [
    {
      when: { and: [{ '===': [{ var: 'grades.s1' }, 0] }, { '===': [{ var: 'grades.s2' }, 0] }] },
      level: 'intact',
      labels: L('intact'),
    },
    {
      when: {
        or: [
          { and: [{ '===': [{ var: 'grades.s1' }, 1] }, { '===': [{ var: 'grades.s2' }, 0] }] },
          { and: [{ '===': [{ var: 'grades.s1' }, 0] }, { '===': [{ var: 'grades.s2' }, 1] }] },
        ],
      },
      level: 'mild',
      labels: L('mild'),
    },
    { when: { '===': [{ var: 'grades.s2' }, 2] }, level: 'severe', labels: L('severe') },
  ],
  overrides: [
    { type: 'shift-level', id: 'worse', when: { var: 'facts.hasDementia' }, by: 1 },
    { type: 'set-level', id: 'coma', when: { '===': [{ var: 'facts.coma' }, true] }, level: 'severe' },
  ],
};

describe(`${scoreScale.name} with section grades and a rule table`, () => {
  it('should grade each section and take the level from the rule table', () => {
    // when
    const result = scoreScale(TABLE, { a: 0, b: 1, c: 0, d: 1 });
    // then
    expect(result).toEqual({
      edition: 'table-1',
      total: 2,
      subtotals: { s1: 1, s2: 1 },
      level: 'intact',
      labels: L('intact'),
      complete: true,
      missing: [],
      overrides: [],
      grades: {
        s1: { grade: 0, level: 'ok', labels: L('ok') },
        s2: { grade: 0, level: 'ok', labels: L('ok') },
      },
    });
  });

  it('should give the worse grade when conditions of two grades hold', () => {
    // given c ≥ 1 (impaired) and d = 2 (lost) both hold for s2
    const result = scoreScale(TABLE, { a: 0, b: 0, c: 1, d: 2 });
    // then
    expect(result.grades?.['s2']).toEqual({ grade: 2, level: 'lost', labels: L('lost') });
    expect(result.level).toBe('severe');
  });

  it('should give no level when no row of the rule table holds', () => {
    // given s1 impaired and s2 impaired: no band covers the pair
    const result = scoreScale(TABLE, { a: 2, b: 2, c: 1, d: 0 });
    // then
    expect(result.grades).toMatchObject({ s1: { grade: 1 }, s2: { grade: 1 } });
    expect(result).toMatchObject({ complete: true, level: null, labels: null });
  });

  it('should grade a section only when its items are answered, and apply set-level without a level', () => {
    // when c and d are missing
    const partial = scoreScale(TABLE, { a: 2, b: 2 });
    const coma = scoreScale(TABLE, { a: 2, b: 2 }, { coma: true });
    // then
    expect(partial.grades).toEqual({
      s1: { grade: 1, level: 'impaired', labels: L('impaired') },
      s2: { grade: null, level: null, labels: null },
    });
    expect(partial).toMatchObject({ level: null, complete: false, missing: ['c', 'd'] });
    expect(coma).toMatchObject({ level: 'severe', overrides: ['coma'] });
  });

  it('should shift a rule-table level one grade worse and clamp it at the worst', () => {
    expect(scoreScale(TABLE, { a: 0, b: 0, c: 0, d: 0 }, { hasDementia: true }).level).toBe('mild');
    expect(scoreScale(TABLE, { a: 0, b: 0, c: 0, d: 2 }, { hasDementia: true }).level).toBe('severe');
  });

  it('should let override rules read the section grades', () => {
    // given a rule on the grade of s1
    const scale: ScaleDefinition = {
      ...TABLE,
      overrides: [
        { type: 'set-level', id: 's1-bad', when: { '===': [{ var: 'grades.s1' }, 1] }, level: 'severe' },
      ],
    };
    // then
    expect(scoreScale(scale, { a: 2, b: 0, c: 0, d: 0 })).toMatchObject({
      level: 'severe',
      overrides: ['s1-bad'],
    });
  });
});

describe('the MZ/T 039-2013 ability assessment (fixture: four graded domains and the combination table)', () => {
  const form = compileForm(mzt039);
  const scale = mzt039.properties.abilityMzt['x-scale'] as unknown as ScaleDefinition;
  const best = Object.fromEntries(scale.items.map((item) => [item.field, item.options[0]!.value]));
  // answers that put each domain at grade 0..3
  const ADL = [
    {},
    { mztBathing: 0 },
    { mztTransfer: 0, mztWalking: 0, mztStairs: 0 },
    { mztTransfer: 0, mztWalking: 0, mztStairs: 0, mztEating: 0, mztDressing: 0 },
  ];
  const MENTAL = [{}, { mztCognition: 1 }, { mztCognition: 2 }, { mztCognition: 2, mztAggression: 2 }];
  const PERCEPTION = [{}, { mztVision: 2 }, { mztHearing: 3 }, { mztCommunication: 3 }];
  const SOCIAL = [
    {},
    { mztWorkAbility: 3 },
    { mztWorkAbility: 4, mztLivingAbility: 4 },
    { mztWorkAbility: 4, mztLivingAbility: 4, mztTimePlaceOrientation: 4, mztPersonOrientation: 2 },
  ];
  const scoreOf = (a: number, m: number, p: number, s: number, facts: object = {}) =>
    form.process({ ...best, ...ADL[a], ...MENTAL[m], ...PERCEPTION[p], ...SOCIAL[s], ...facts }).scores[
      '/abilityMzt'
    ]!;
  /** The rows of the standard's table (5.2) that hold for the four domain grades, as printed. */
  const rows = (a: number, m: number, p: number, s: number): string[] => {
    const others = [m, p, s];
    const impaired = others.filter((grade) => grade === 1 || grade === 2).length;
    return [
      a === 0 && m === 0 && p === 0 && s <= 1 ? 'intact' : '',
      (a === 0 && (m >= 1 || p >= 1 || s === 2)) || (a === 1 && others.some((grade) => grade <= 1))
        ? 'mild'
        : '',
      (a === 1 && (others.every((grade) => grade === 2) || others.includes(3))) ||
      (a === 2 && (impaired === 1 || impaired === 2))
        ? 'moderate'
        : '',
      a === 3 || (a === 2 && (others.every((grade) => grade === 2) || others.includes(3))) ? 'severe' : '',
    ].filter(Boolean);
  };
  /** All 256 combinations of the four domain grades. */
  const all = Array.from({ length: 256 }, (_, n): [number, number, number, number] => [
    (n >> 6) & 3,
    (n >> 4) & 3,
    (n >> 2) & 3,
    n & 3,
  ]);

  it('should lint clean and grade each domain from its answers', () => {
    expect(lintFormSchema(mzt039).filter((issue) => issue.severity === 'error')).toEqual([]);
    for (const [a, m, p, s] of all) {
      const { grades } = scoreOf(a, m, p, s);
      expect([
        grades?.['adl']?.grade,
        grades?.['mental']?.grade,
        grades?.['perception']?.grade,
        grades?.['social']?.grade,
      ]).toEqual([a, m, p, s]);
    }
  });

  it('should give the one level the table prints, or the worst of two rows that both hold', () => {
    for (const [a, m, p, s] of all) {
      const printed = rows(a, m, p, s);
      if (printed.length > 0) {
        // then the worst printed row wins (a single row in 187 of the 256 combinations)
        expect(`${a}${m}${p}${s} ${scoreOf(a, m, p, s).level}`).toBe(
          `${a}${m}${p}${s} ${printed[printed.length - 1]}`,
        );
      }
    }
  });

  it('should fill the nine combinations the table leaves open as documented in the template README', () => {
    const open = all.filter(([a, m, p, s]) => rows(a, m, p, s).length === 0);
    expect(open.map(([a, m, p, s]) => `${a}${m}${p}${s} ${scoreOf(a, m, p, s).level}`)).toEqual([
      '0003 mild',
      '2000 moderate',
      '2111 moderate',
      '2112 moderate',
      '2121 moderate',
      '2122 moderate',
      '2211 moderate',
      '2212 moderate',
      '2221 moderate',
    ]);
  });

  it('should rate a comatose resident severe without the later items, and shift one grade at most to severe', () => {
    // given a coma and the perception and social items skipped
    const coma = form.process({ ...best, mztConsciousness: 3, mztVision: undefined, mztHearing: undefined });
    // when / then
    expect(coma.errors).toEqual([]);
    expect(coma.scores['/abilityMzt']).toMatchObject({ level: 'severe', overrides: ['coma'] });
    expect(scoreOf(0, 0, 0, 0, { mztCognitiveImpairment: true })).toMatchObject({
      level: 'mild',
      overrides: ['adjust-one-grade'],
    });
    expect(scoreOf(0, 0, 0, 0, { mztIncidentsLast30Days: 1 }).level).toBe('intact');
    expect(scoreOf(3, 0, 0, 0, { mztMentalIllness: true }).level).toBe('severe');
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

  const tableSchema = (scale: unknown): Record<string, unknown> => ({
    type: 'object',
    properties: {
      a: { type: 'integer', enum: [0, 1, 2] },
      b: { type: 'integer', enum: [0, 1, 2] },
      c: { type: 'integer', enum: [0, 1, 2] },
      d: { type: 'integer', enum: [0, 1, 2] },
      hasDementia: { type: 'boolean' },
      coma: { type: 'boolean' },
      result: { type: 'object', 'x-scale': scale },
    },
  });
  const tableCodes = (scale: unknown): string[] =>
    lintFormSchema(tableSchema(scale))
      .filter((issue) => issue.severity === 'error')
      .map((issue) => `${issue.code} ${issue.path}`);

  it('should accept section grades and a rule table over them', () => {
    expect(tableCodes(TABLE)).toEqual([]);
  });

  it('should refuse a list of bands when it mixes ranges and conditions', () => {
    const bands = [{ min: 0, max: 8, level: 'intact', labels: L('intact') }, ...TABLE.bands.slice(1)];
    expect(tableCodes({ ...TABLE, bands })).toEqual(['scale-band-mixed /properties/result/x-scale/bands']);
  });

  it('should refuse section grades when their ranges leave a subtotal without a grade', () => {
    const sections = [
      { ...TABLE.sections![0]!, grades: [{ min: 0, max: 1, level: 'ok', labels: L('ok') }] },
      TABLE.sections![1]!,
    ];
    expect(tableCodes({ ...TABLE, sections })).toEqual([
      'scale-band-gap /properties/result/x-scale/sections/0/grades',
    ]);
  });

  it('should refuse a condition when it reads the grade of a section that is not graded', () => {
    // given a section condition reading grades (only the scale's bands and overrides may)
    const sections = [
      TABLE.sections![0]!,
      {
        ...TABLE.sections![1]!,
        grades: [{ when: { '===': [{ var: 'grades.s1' }, 0] }, level: 'ok', labels: L('ok') }],
      },
    ];
    const bands = [{ when: { var: 'grades.nope' }, level: 'intact', labels: L('intact') }];
    // then
    expect(tableCodes({ ...TABLE, sections, overrides: [] })).toEqual([
      'logic.unknown-field /properties/result/x-scale/sections/1/grades/0/when/===/0/var',
    ]);
    expect(tableCodes({ ...TABLE, bands, overrides: [] })).toEqual([
      'logic.unknown-field /properties/result/x-scale/bands/0/when/var',
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
