import { describe, expect, it } from '@jest/globals';
import { checkLogic, evaluate } from '@careloom/logic';
import type { BuilderField, ComputeModel, ConditionGroup } from './logic-builder.types.js';
import {
  computeFromLogic,
  computeToLogic,
  conditionFromLogic,
  conditionToLogic,
  describeCompute,
  describeCondition,
  isConditionComplete,
  operatorsFor,
  operatorsOfField,
} from './logic-builder.util.js';

const FIELDS: BuilderField[] = [
  { path: 'injured', label: { 'zh-CN': '是否受伤', en: 'Injured' }, kind: 'boolean' },
  { path: 'age', label: { 'zh-CN': '年龄', en: 'Age' }, kind: 'number' },
  {
    path: 'place',
    label: { 'zh-CN': '地点', en: 'Place' },
    kind: 'choice',
    options: [
      { value: 'room', label: { 'zh-CN': '房间', en: 'Room' } },
      { value: 'bath', label: { 'zh-CN': '浴室', en: 'Bathroom' } },
    ],
  },
  { path: 'aids', label: { 'zh-CN': '辅具', en: 'Aids' }, kind: 'multi-choice' },
  { path: 'vitals.note', label: { 'zh-CN': '备注', en: 'Note' }, kind: 'text' },
  { path: 'systolic', label: { 'zh-CN': '收缩压', en: 'Systolic' }, kind: 'number' },
  { path: 'diastolic', label: { 'zh-CN': '舒张压', en: 'Diastolic' }, kind: 'number' },
];

const group = (combinator: 'and' | 'or', children: ConditionGroup['children']): ConditionGroup => ({
  type: 'group',
  combinator,
  children,
});

describe('conditionToLogic / conditionFromLogic', () => {
  const cases: { name: string; tree: ConditionGroup; logic: unknown }[] = [
    {
      name: 'a yes/no equality',
      tree: group('and', [{ type: 'comparison', field: 'injured', operator: 'eq', value: true }]),
      logic: { '===': [{ var: 'injured' }, true] },
    },
    {
      name: 'number ranges in an AND group',
      tree: group('and', [
        { type: 'comparison', field: 'age', operator: 'gte', value: 80 },
        { type: 'comparison', field: 'age', operator: 'lt', value: 100 },
      ]),
      logic: { and: [{ '>=': [{ var: 'age' }, 80] }, { '<': [{ var: 'age' }, 100] }] },
    },
    {
      name: 'one of, empty and a nested OR group',
      tree: group('or', [
        { type: 'comparison', field: 'place', operator: 'one-of', value: ['room', 'bath'] },
        group('and', [
          { type: 'comparison', field: 'vitals.note', operator: 'empty' },
          { type: 'comparison', field: 'age', operator: 'not-empty' },
          { type: 'comparison', field: 'place', operator: 'ne', value: 'room' },
        ]),
      ]),
      logic: {
        or: [
          { in: [{ var: 'place' }, ['room', 'bath']] },
          {
            and: [
              { missing: ['vitals.note'] },
              { '!': { missing: ['age'] } },
              { '!==': [{ var: 'place' }, 'room'] },
            ],
          },
        ],
      },
    },
    {
      name: 'contains on text and emptiness of a multi-choice list',
      tree: group('and', [
        { type: 'comparison', field: 'vitals.note', operator: 'contains', value: '跌' },
        { type: 'comparison', field: 'aids', operator: 'empty' },
        { type: 'comparison', field: 'aids', operator: 'contains', value: 'cane' },
      ]),
      logic: {
        and: [
          { in: ['跌', { var: 'vitals.note' }] },
          { '!': { var: 'aids' } },
          { in: ['cane', { var: 'aids' }] },
        ],
      },
    },
  ];

  it.each(cases)('should produce JSON Logic and read it back when given $name', ({ tree, logic }) => {
    // when
    const produced = conditionToLogic(tree, FIELDS);

    // then the logic is the expected one, valid for @careloom/logic, and reads back into the same tree
    expect(produced).toEqual(logic);
    expect(checkLogic(produced, { knownFields: FIELDS.map((field) => field.path) })).toEqual([]);
    expect(conditionFromLogic(produced)).toEqual(tree);
  });

  it('should evaluate like the condition says when run by @careloom/logic', () => {
    // given "injured is yes and age at least 80"
    const logic = conditionToLogic(
      group('and', [
        { type: 'comparison', field: 'injured', operator: 'eq', value: true },
        { type: 'comparison', field: 'age', operator: 'gte', value: 80 },
      ]),
    );

    // then
    expect(evaluate(logic, { injured: true, age: 85 })).toBe(true);
    expect(evaluate(logic, { injured: false, age: 85 })).toBe(false);
    expect(
      evaluate(conditionToLogic(group('and', [{ type: 'comparison', field: 'age', operator: 'empty' }])), {}),
    ).toBeTruthy();
  });

  it('should give no logic when the group is empty and an empty group when there is no logic', () => {
    expect(conditionToLogic(group('and', []))).toBeUndefined();
    expect(conditionFromLogic(undefined)).toEqual(group('and', []));
  });

  it('should refuse logic it did not produce when it is something else', () => {
    expect(conditionFromLogic({ '==': [{ var: 'a' }, 1] })).toBeUndefined();
    expect(conditionFromLogic({ '>': [{ age: [{ var: 'birthDate' }] }, 80] })).toBeUndefined();
    expect(conditionFromLogic({ and: [{ '===': [{ var: 'a' }, 1] }, { var: 'b' }] })).toBeUndefined();
    expect(conditionFromLogic({ '===': [{ var: 'a' }, null] })).toBeUndefined();
  });
});

describe('describeCondition', () => {
  const tree = group('and', [
    { type: 'comparison', field: 'injured', operator: 'eq', value: true },
    group('or', [
      { type: 'comparison', field: 'place', operator: 'eq', value: 'bath' },
      { type: 'comparison', field: 'age', operator: 'gt', value: 90 },
    ]),
  ]);

  it('should read as a Chinese sentence when the locale is zh-CN', () => {
    expect(describeCondition(tree, FIELDS, 'zh-CN')).toBe(
      '「是否受伤」等于是 并且 (「地点」等于“浴室” 或者 「年龄」大于90)',
    );
  });

  it('should read as an English sentence when the locale is en', () => {
    expect(describeCondition(tree, FIELDS, 'en')).toBe(
      '"Injured" is Yes and ("Place" is "Bathroom" or "Age" is greater than 90)',
    );
  });

  it('should say there is no condition when the group is empty', () => {
    expect(describeCondition(group('and', []), FIELDS, 'en')).toBe('(no condition)');
  });
});

describe('isConditionComplete and operatorsFor', () => {
  it('should find a comparison incomplete when its value is missing or its field unknown', () => {
    expect(
      isConditionComplete(
        group('and', [{ type: 'comparison', field: 'age', operator: 'gt', value: '' }]),
        FIELDS,
      ),
    ).toBe(false);
    expect(
      isConditionComplete(group('and', [{ type: 'comparison', field: 'gone', operator: 'empty' }]), FIELDS),
    ).toBe(false);
    expect(
      isConditionComplete(group('and', [{ type: 'comparison', field: 'age', operator: 'empty' }]), FIELDS),
    ).toBe(true);
  });

  it('should offer contains but no equality when the field is a multi-choice list', () => {
    expect(operatorsFor('multi-choice')).toEqual(['contains', 'empty', 'not-empty']);
    expect(operatorsFor('number')).toContain('gte');
  });
});

describe('computeToLogic / computeFromLogic', () => {
  const models: { name: string; model: ComputeModel; logic: unknown }[] = [
    {
      name: 'a sum of fields',
      model: { type: 'sum', fields: ['systolic', 'diastolic', 'age'] },
      logic: { '+': [{ var: 'systolic' }, { var: 'diastolic' }, { var: 'age' }] },
    },
    {
      name: 'a difference of two fields',
      model: {
        type: 'arithmetic',
        left: 'systolic',
        operator: '-',
        right: { type: 'field', field: 'diastolic' },
      },
      logic: { '-': [{ var: 'systolic' }, { var: 'diastolic' }] },
    },
    {
      name: 'a product with a number',
      model: { type: 'arithmetic', left: 'age', operator: '*', right: { type: 'number', value: 12 } },
      logic: { '*': [{ var: 'age' }, 12] },
    },
    {
      name: 'a guarded division by a field',
      model: {
        type: 'arithmetic',
        left: 'systolic',
        operator: '/',
        right: { type: 'field', field: 'diastolic' },
      },
      logic: { if: [{ var: 'diastolic' }, { '/': [{ var: 'systolic' }, { var: 'diastolic' }] }, null] },
    },
  ];

  it.each(models)('should round-trip when given $name', ({ model, logic }) => {
    expect(computeToLogic(model)).toEqual(logic);
    expect(checkLogic(logic)).toEqual([]);
    expect(computeFromLogic(logic)).toEqual(model);
  });

  it('should compute the same value as @careloom/logic when evaluated', () => {
    const logic = computeToLogic({
      type: 'arithmetic',
      left: 'systolic',
      operator: '/',
      right: { type: 'field', field: 'diastolic' },
    });
    expect(evaluate(logic, { systolic: 120, diastolic: 80 })).toBe(1.5);
    expect(evaluate(logic, { systolic: 120, diastolic: 0 })).toBeNull();
  });

  it('should describe a computation in both locales', () => {
    const model: ComputeModel = { type: 'sum', fields: ['systolic', 'diastolic'] };
    expect(describeCompute(model, FIELDS, 'zh-CN')).toBe('「收缩压」、「舒张压」 之和');
    expect(describeCompute(model, FIELDS, 'en')).toBe('sum of "Systolic", "Diastolic"');
  });

  it('should refuse logic it did not produce when it is something else', () => {
    expect(computeFromLogic({ '/': [{ var: 'a' }, { var: 'b' }] })).toBeUndefined();
    expect(computeFromLogic({ age: [{ var: 'birthDate' }] })).toBeUndefined();
  });
});

describe('computed fields (expression)', () => {
  const readings: BuilderField = {
    path: '#count:readings',
    label: { 'zh-CN': '近 3 天血糖记录数', en: 'Glucose readings in 3 days' },
    kind: 'number',
    expression: { count: [{ var: 'context.readings' }] },
  };

  it('should compare the expression instead of a var and read it back as the field', () => {
    // given "at least 3 readings" built on a computed field
    const tree: ConditionGroup = {
      type: 'group',
      combinator: 'and',
      children: [{ type: 'comparison', field: readings.path, operator: 'gte', value: 3 }],
    };

    // when it is written and read again
    const logic = conditionToLogic(tree, [readings]);

    // then the logic compares the count, evaluates, and reads back as the same tree
    expect(logic).toEqual({ '>=': [{ count: [{ var: 'context.readings' }] }, 3] });
    expect(evaluate(logic, { context: { readings: [{}, {}, {}] } })).toBe(true);
    expect(conditionFromLogic(logic, [readings])).toEqual(tree);
    expect(conditionFromLogic(logic)).toBeUndefined();
  });

  it('should offer only comparisons for a computed field', () => {
    expect(operatorsOfField(readings)).toEqual(['eq', 'ne', 'gt', 'gte', 'lt', 'lte']);
    expect(operatorsOfField({ ...readings, expression: undefined })).toEqual(operatorsFor('number'));
  });
});
