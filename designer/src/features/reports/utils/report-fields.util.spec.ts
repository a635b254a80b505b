import { describe, expect, it } from '@jest/globals';
import { conditionFields, formReportFields } from './report-fields.util.js';

describe('report-fields.util', () => {
  it('should list a form’s fields with report types and oneOf options, then the record timestamps', () => {
    // given a form like the shipped complaint intake
    const doc = {
      schema: {
        type: 'object',
        properties: {
          complaintType: {
            type: 'string',
            title: '投诉类型',
            'x-labels': { 'zh-CN': '投诉类型', en: 'Type' },
            oneOf: [{ const: 'meals', title: '餐饮', 'x-labels': { 'zh-CN': '餐饮', en: 'Meals' } }],
          },
          score: { type: 'integer', title: '评分' },
          occurredAt: { type: 'string', format: 'date-time', title: '发生时间' },
        },
      },
      uiSchema: {},
    };

    // when
    const fields = formReportFields(doc);

    // then
    expect(fields.map((f) => [f.path, f.type])).toEqual([
      ['complaintType', 'text'],
      ['score', 'number'],
      ['occurredAt', 'time'],
      ['createdAt', 'time'],
      ['updatedAt', 'time'],
    ]);
    expect(fields[0]?.options).toEqual([{ value: 'meals', label: { 'zh-CN': '餐饮', en: 'Meals' } }]);
    expect(fields[0]?.label.en).toBe('Type');
    expect(conditionFields(fields).map((f) => f.kind)).toEqual(['choice', 'number', 'date', 'date', 'date']);
  });
});
