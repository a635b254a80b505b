import { describe, expect, it } from '@jest/globals';
import type { BuilderField } from '../../../shared/logic-builder/logic-builder.types.js';
import { conditionFromLogic, conditionToLogic } from '../../../shared/logic-builder/logic-builder.util.js';
import {
  conditionFields,
  definitionFromState,
  emptyRuleState,
  rewriteCondition,
  shifted,
  stateFromDefinition,
  streaksOf,
  uniqueWindowName,
} from './rule-state.util.js';

const streak = { '>': [{ var: 'fasting' }, 7] };
const glucoseRule = {
  schemaVersion: 1,
  trigger: { type: 'record.created', formKey: 'glucose' },
  context: [{ name: 'readings', formKey: 'glucose', days: 3 }],
  condition: { '>=': [{ consecutive: [{ var: 'context.readings' }, streak] }, 3] },
  actions: [
    {
      type: 'notify',
      to: { role: 'head-nurse' },
      message: { 'zh-CN': '空腹血糖连续偏高', en: 'High glucose' },
    },
    { type: 'start-process', processKey: 'assessment', variables: { resident: { var: 'resident.id' } } },
    { type: 'webhook', url: 'https://example.org/hook', headers: { 'X-Source': 'careloom' } },
    { type: 'create-task', title: { 'zh-CN': '健康评估', en: '' }, to: { role: 'doctor' }, due: 'P2D' },
  ],
};

describe(stateFromDefinition.name, () => {
  it('should give windows their consecutive measure and make maps editable lists', () => {
    // when the glucose rule is opened
    const state = stateFromDefinition(glucoseRule);

    // then the window knows its per-record condition, variables and headers are lists
    expect(state.context).toEqual([{ name: 'readings', formKey: 'glucose', days: 3, streak }]);
    expect(state.actions[1]).toEqual({
      type: 'start-process',
      processKey: 'assessment',
      variables: [{ name: 'resident', value: { var: 'resident.id' } }],
    });
    expect(state.actions[2]).toEqual({
      type: 'webhook',
      url: 'https://example.org/hook',
      headers: [{ name: 'X-Source', value: 'careloom' }],
      body: [],
    });
  });

  it('should keep a cancel-process action with its reason through the editor unchanged', () => {
    // given a leaving rule's action as the server stores it
    const cancel = {
      type: 'cancel-process',
      processKey: 'onboarding-30day',
      reason: { 'zh-CN': '长者已退住或离世', en: 'The resident left or died' },
    };
    const definition = { ...glucoseRule, actions: [cancel] };

    // when it is opened and saved again
    const state = stateFromDefinition(definition);

    // then the editor holds it as is and gives the same action back
    expect(state.actions).toEqual([cancel]);
    expect(definitionFromState(state).actions).toEqual([cancel]);
  });

  it('should drop actions it does not know and start from a record trigger when there is none', () => {
    const state = stateFromDefinition({ actions: [{ type: 'teleport' }] });
    expect(state.actions).toEqual([]);
    expect(state.trigger).toEqual({ type: 'record.created', formKey: '' });
  });
});

describe(definitionFromState.name, () => {
  it('should give back the stored definition, without editor-only parts', () => {
    // when the opened rule is saved unchanged
    const definition = definitionFromState(stateFromDefinition(glucoseRule));

    // then it is the same, except that an empty English task title is left out
    expect(definition).toEqual({
      ...glucoseRule,
      actions: [
        glucoseRule.actions[0],
        glucoseRule.actions[1],
        glucoseRule.actions[2],
        { type: 'create-task', title: { 'zh-CN': '健康评估' }, to: { role: 'doctor' }, due: 'P2D' },
      ],
    });
  });

  it('should act always when no condition was set and drop empty optional filters', () => {
    // given a new rule on any task completion, with an empty process filter
    const state = { ...emptyRuleState(), trigger: { type: 'task.completed' as const, processKey: '' } };

    // then the condition is true and the empty filter is gone
    const definition = definitionFromState(state);
    expect(definition.condition).toBe(true);
    expect(definition.trigger).toEqual({ type: 'task.completed' });
  });
});

describe(streaksOf.name, () => {
  it('should find consecutive measures over context windows anywhere in the logic', () => {
    const logic = { and: [{ '>': [{ var: 'record.fasting' }, 7] }, glucoseRule.condition] };
    expect([...streaksOf(logic)]).toEqual([['readings', streak]]);
    expect(streaksOf({ consecutive: [{ var: 'record.list' }, streak] }).size).toBe(0);
  });
});

describe(rewriteCondition.name, () => {
  const before = [{ name: 'readings', formKey: 'glucose', days: 3, streak }];

  it('should follow a renamed window', () => {
    const after = [{ ...before[0]!, name: 'glucose' }];
    expect(rewriteCondition(glucoseRule.condition, before, after)).toEqual({
      '>=': [{ consecutive: [{ var: 'context.glucose' }, streak] }, 3],
    });
  });

  it('should replace the consecutive measure when its per-record condition changes', () => {
    const stricter = { '>': [{ var: 'fasting' }, 8] };
    const after = [{ ...before[0]!, streak: stricter }];
    expect(rewriteCondition(glucoseRule.condition, before, after)).toEqual({
      '>=': [{ consecutive: [{ var: 'context.readings' }, stricter] }, 3],
    });
  });
});

describe(conditionFields.name, () => {
  const glucoseFields: BuilderField[] = [
    { path: 'fasting', label: { 'zh-CN': '空腹血糖', en: 'Fasting glucose' }, kind: 'number' },
  ];
  const fields = conditionFields(
    glucoseFields,
    [{ name: 'readings', formKey: 'glucose', days: 3, streak }],
    () => glucoseFields,
    () => ({ 'zh-CN': '「血糖记录」近 3 天', en: '"Glucose" last 3 days' }),
  );

  it('should offer the record, the resident and measures over each window', () => {
    const paths = fields.map((field) => field.path);
    expect(paths).toContain('record.fasting');
    expect(paths).toContain('resident.status');
    expect(paths).toContain('#count:readings');
    expect(paths).toContain('#consecutive:readings');
    expect(paths).toContain('context.readings.0.fasting');
    expect(paths).toContain('#avg:readings:fasting');
  });

  it('should let the builder read and write the glucose condition through the consecutive measure', () => {
    // when the builder reads the stored condition
    const tree = conditionFromLogic(glucoseRule.condition, fields);

    // then it is one comparison on the measure, and writing it gives the same logic back
    expect(tree?.children).toEqual([
      { type: 'comparison', field: '#consecutive:readings', operator: 'gte', value: 3 },
    ]);
    expect(conditionToLogic(tree!, fields)).toEqual(glucoseRule.condition);
  });
});

describe(uniqueWindowName.name, () => {
  it('should make an identifier that is not taken', () => {
    expect(uniqueWindowName(['glucose'], 'glucose')).toBe('glucose2');
    expect(uniqueWindowName([], 'vital-signs')).toBe('vital_signs');
  });
});

describe(shifted.name, () => {
  it('should move an item and keep the list when it cannot move', () => {
    expect(shifted(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(shifted(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });
});
